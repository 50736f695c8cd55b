"""MkDocs adapter for the precompressed copies of the site's text files (the logic is in
polesocial.web.precompress). They are the build's last step, once every file is written; the
live preview (POLESOCIAL_PDF=0, or mkdocs serve) makes none."""

from pathlib import Path

from mkdocs.plugins import event_priority

from polesocial import print as printing
from polesocial.web import precompress

_command: list[str] = []


def on_startup(command, dirty):
    _command[:] = [command]


@event_priority(-130)  # after every other hook's on_post_build (-110, -120)
def on_post_build(config):
    if config.plugins["i18n"].building or not printing.enabled() or _command == ["serve"]:
        return
    cache = printing.Printer(Path(config.config_file_path).parent).cache / "compressed"
    precompress.precompress(Path(config.site_dir), cache)
