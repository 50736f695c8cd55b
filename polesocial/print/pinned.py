"""Patches of WeasyPrint's internals, tied to the version requirements.txt pins.

glyphtext.py (the text of each glyph; the ActualText spans of marks and kerning gaps) and
tagging.py (``/Lang`` on structure elements) replace or wrap functions WeasyPrint does not
document. Each patch is installed once per process, and refused on
any other WeasyPrint than the pinned one: a new version must be read again before it prints.
"""

from __future__ import annotations

import functools

PINNED = "70.0"


def weasyprint_patch(what: str):
    """Decorate the function that installs a patch; ``what`` names the internals to read again
    when WeasyPrint changes."""
    def decorate(patch):
        done = False

        @functools.wraps(patch)
        def install() -> None:
            nonlocal done
            if done:
                return
            import weasyprint

            if weasyprint.__version__ != PINNED:
                raise RuntimeError(f"{patch.__module__} was written for WeasyPrint {PINNED}, "
                                   f"not {weasyprint.__version__}: check {what} again")
            patch()
            done = True
        return install
    return decorate
