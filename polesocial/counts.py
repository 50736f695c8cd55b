"""Counts written in hand-written pages, checked against the data.

A home page that says "Cinq campagnes" is wrong the day a sixth campaign is added, and nothing
else would tell. Every number written next to a noun the data counts (campaigns, guides,
strategic axes, support measures, objectives, actions), in figures or in words, French or
Arabic, must be the data's count; ``check`` names the line and the right number otherwise.
"One" is not judged: "un guide" is an article, not a count.
"""

from __future__ import annotations

import re

from .problems import Report

FRENCH_NUMBERS = {"deux": 2, "trois": 3, "quatre": 4, "cinq": 5, "six": 6, "sept": 7,
                  "huit": 8, "neuf": 9, "dix": 10, "onze": 11, "douze": 12, "treize": 13,
                  "quatorze": 14, "quinze": 15, "seize": 16, "vingt": 20}
# Masculine and feminine forms, with the case endings editors write.
ARABIC_NUMBERS = {"اثنان": 2, "اثنين": 2, "اثنتان": 2, "اثنتين": 2, "ثلاث": 3, "ثلاثة": 3,
                  "أربع": 4, "أربعة": 4, "خمس": 5, "خمسة": 5, "ست": 6, "ستة": 6, "سبع": 7,
                  "سبعة": 7, "ثماني": 8, "ثمانية": 8, "ثمان": 8, "تسع": 9, "تسعة": 9, "عشر": 10,
                  "عشرة": 10}
# The nouns the data counts, as they follow a number (plural forms).
FRENCH_NOUNS = {"campagnes": "campaigns", "guides": "guides", "axes": "axes",
                "mesures": "measures", "objectifs": "objectives", "actions": "actions"}
ARABIC_NOUNS = {"حملات": "campaigns", "أدلة": "guides", "محاور": "axes",
                "إجراءات": "measures", "أهداف": "objectives", "تدابير": "actions"}

_FRENCH = re.compile(r"(?<![\w-])(" + "|".join(FRENCH_NUMBERS) + r"|\d+)\s+("
                     + "|".join(FRENCH_NOUNS) + r")\b", re.IGNORECASE)
_ARABIC = re.compile(r"(?<![\u0621-\u064a])و?(" + "|".join(ARABIC_NUMBERS) + r"|\d+)\s+("
                     + "|".join(ARABIC_NOUNS) + r")(?![\u0621-\u064a])")


def data_counts(publication) -> dict[str, int]:
    strategy = publication.strategy
    return {"campaigns": len(publication.campaigns), "guides": len(publication.guides),
            "axes": len(strategy.axes), "measures": len(strategy.measures),
            "objectives": sum(len(part.objectives) for part in strategy.parts),
            "actions": sum(1 for _ in strategy.actions())}


def check_page(page, counts: dict[str, int], report: Report) -> None:
    """Report each count of ``page`` (a pages.Page) that differs from the data's."""
    pattern, numbers, nouns = (_ARABIC, ARABIC_NUMBERS, ARABIC_NOUNS) if page.lang == "ar" \
        else (_FRENCH, FRENCH_NUMBERS, FRENCH_NOUNS)
    for number, line in enumerate(page.body.splitlines(), start=page.body_line):
        for match in pattern.finditer(line):
            written, noun = match.group(1), match.group(2)
            value = int(written) if written.isdigit() else numbers[written.lower()]
            kind = nouns[noun.lower()] if page.lang != "ar" else nouns[noun]
            if value != counts[kind]:
                report.add(page.path, number, match.start(1) + 1, "count-mismatch",
                           written=match.group(0).lstrip("و"), expected=counts[kind])
