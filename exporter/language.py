"""The languages of text for people: one catalogue module each, exporter/text/LANG.py.

`LANGUAGES` is read from the catalogue folder, so a language is added by adding its file; the
default language is the locale's (LC_ALL, LC_MESSAGES, LANG, in POSIX order) where a catalogue
has it, else English. Reading a folder's names costs microseconds: this module is loaded on
every run (cli.py's --lang choices).
"""

from __future__ import annotations

import os
import re

ENGLISH = "en"  # the language every catalogue is held to (exporter/text/en.py)
_CATALOGUE_NAME = re.compile(r"[a-z]{2,3}(_[a-z]{2,4})?")  # ja, pt_br: a catalogue module's name


def languages() -> tuple[str, ...]:
    """The languages that have a catalogue, English first: every LANG.py in the folders of the
    package exporter.text (a test may add a folder to the package's path)."""
    from . import text

    found: set[str] = set()
    for folder in text.__path__:
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        found.update(name[:-3] for name in names if name.endswith(".py") and _CATALOGUE_NAME.fullmatch(name[:-3]))
    return (ENGLISH, *sorted(found - {ENGLISH}))


LANGUAGES = languages()


def from_locale(value: str, known: tuple[str, ...]) -> str | None:
    """The catalogue a locale name asks for (ja_JP.UTF-8 -> ja, pt_BR -> pt_br or pt), or None."""
    name = value.lower().split(".")[0].split("@")[0].replace("-", "_")
    language = name.split("_")[0]
    return next((lang for lang in (name, language) if lang in known), None)


def default_language(known: tuple[str, ...] | None = None) -> str:
    """The locale's language where a catalogue has it (the first of LC_ALL, LC_MESSAGES, LANG that
    is set decides, as POSIX says), else English."""
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        value = os.environ.get(var, "")
        if value:
            return from_locale(value, known or languages()) or ENGLISH
    return ENGLISH
