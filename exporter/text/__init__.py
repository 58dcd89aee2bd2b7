"""The words for people, one catalogue module per language: exporter/text/LANG.py.

A catalogue module holds one dict of sentences per purpose, keyed as the code asks for them:
GUIDE for the instructions (keys from exporter/guide.py). Sentences are str.format templates in
Markdown's inline syntax; exporter/phrase.py says how they are written and filled.
"""

from __future__ import annotations

from types import ModuleType

from ..language import LANGUAGES


def catalogue(lang: str) -> ModuleType:
    """The catalogue module of `lang` (one of LANGUAGES), imported when first asked for."""
    if lang not in LANGUAGES:
        raise ValueError(f"no catalogue for language {lang!r} (known: {', '.join(LANGUAGES)})")
    from importlib import import_module

    return import_module(f"{__name__}.{lang}")
