"""The print pipeline: any printable document, one PDF per language (WeasyPrint)."""

from .book import Book
from .errors import PrintError
from .pipeline import Printer, Result, enabled

__all__ = ["Book", "PrintError", "Printer", "Result", "enabled"]
