"""MkDocs adapter for ``polesocial build``: the engine runs in the command's own process.

So the sources are checked once per build: the check the command makes before building is the
one the engine's hooks use (``polesocial.check.shared``), where a separate process checked them
all again. The engine's progress lines are dropped and its warnings and errors handed to the
command, which prints them in the editor's words. Loaded by path (polesocial/build.py), like
the other hooks: the core never imports MkDocs.
"""

import logging

from mkdocs.commands import build as engine_build
from mkdocs.config import load_config
from mkdocs.exceptions import Abort, ConfigurationError, PluginError


class _Relay(logging.Handler):
    """The engine's warnings and errors, handed over as plain lines."""

    def __init__(self, emit):
        super().__init__(logging.WARNING)
        self.emit_line = emit

    def emit(self, record):
        self.emit_line(record.getMessage())


def build(config_file: str, site_dir: str, emit) -> bool:
    """Build the site of ``config_file`` into ``site_dir``, strictly (a warning fails the
    build); True when it succeeded. ``emit(line)`` receives every warning and error."""
    logger = logging.getLogger("mkdocs")
    relay = _Relay(emit)
    logger.addHandler(relay)
    logger.setLevel(logging.INFO)
    logger.propagate = False
    try:
        config = load_config(config_file=config_file, site_dir=site_dir, strict=True)
        config.plugins.on_startup(command="build", dirty=False)
        try:
            engine_build.build(config)
        finally:
            config.plugins.on_shutdown()
    except (PluginError, ConfigurationError) as error:
        emit(str(error))
        return False
    except Abort:  # what made it stop has been relayed already
        return False
    finally:
        logger.removeHandler(relay)
    return True
