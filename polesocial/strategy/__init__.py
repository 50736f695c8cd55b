"""The Stratégie 4+4: its bilingual data model, validation, pages and open data."""

from .load import GLOSSARY_FILE, STRATEGY_FILE, load, load_glossary
from .model import Action, GlossaryTerm, Objective, Part, Strategy

__all__ = ["GLOSSARY_FILE", "STRATEGY_FILE", "Action", "GlossaryTerm", "Objective", "Part",
           "Strategy", "load", "load_glossary"]
