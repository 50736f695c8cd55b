"""The print pipeline's error, in a module light enough to import on every build."""

from .. import messages


class PrintError(Exception):
    """A document cannot be printed: names the document, says why in French or Arabic."""

    def __init__(self, file_name: str, code: str, target: str):
        super().__init__(file_name, code, target)  # args: picklable across worker processes
        self.file_name, self.code, self.target = file_name, code, target

    def format(self, lang: str) -> str:
        return f"{self.file_name}: " + messages.UI[self.code][lang].format(target=self.target)

    def __str__(self) -> str:
        return self.format(messages.language())
