"""The language of text for people (instructions, check report): en or ja."""

from __future__ import annotations

import os

LANGUAGES = ("en", "ja")


def default_language() -> str:
    """Japanese when the locale says so (LC_ALL, LC_MESSAGES, LANG, in POSIX order), else English."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return "ja" if value.lower().startswith("ja") else "en"
    return "en"
