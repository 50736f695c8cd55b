"""Engine-independent core of the Pôle social publishing system.

Nothing in this package imports MkDocs: it loads and validates the sources, owns the texts of the
interface in both languages, and produces the HTML fragments the site and the PDFs share. The
MkDocs adapters live in ``hooks/`` and only call into this package.
"""

__version__ = "0.1.0"
