"""The language of each part of a tagged PDF: ``/Lang`` on the structure elements of HTML
elements that carry a ``lang`` of their own.

WeasyPrint 70 writes the document's language in the catalogue only, so the Arabic column of a
bilingual poster was announced as French and read with a French voice. This wraps the function
that builds the structure tree (``weasyprint.pdf.tags._build_box_tree``) and sets ``/Lang`` on
the element made for a box whose HTML element has a ``lang`` attribute. Tied to the pinned
WeasyPrint, like glyphtext.py; tests/test_campaigns.py reads the tree back.
"""

from __future__ import annotations

import pydyf

from .pinned import weasyprint_patch

@weasyprint_patch("_build_box_tree")
def install() -> None:
    from weasyprint.pdf import tags

    original = tags._build_box_tree

    def _build_box_tree(box, parent, pdf, *args):
        real = getattr(box, "_box", box)
        element = getattr(real, "element", None)
        lang = element.get("lang") if element is not None \
            and getattr(real, "element_tag", None) != "html" else None
        for item in original(box, parent, pdf, *args):
            if lang and isinstance(item, pydyf.Dictionary) and "Lang" not in item \
                    and item.get("P") == parent.reference:
                item["Lang"] = pydyf.String(lang)
            yield item

    tags._build_box_tree = _build_box_tree
