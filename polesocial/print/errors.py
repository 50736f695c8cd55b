"""The print pipeline's error, in a module light enough to import on every build."""


class PrintError(Exception):
    """A document cannot be printed; the message names the document and the cause."""
