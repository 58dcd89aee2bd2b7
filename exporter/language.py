"""The languages of text for people: one catalogue module each, exporter/text/LANG.py.

`LANGUAGES` is read from the catalogue folder, so a language is added by adding its file; the
default language is the locale's (LC_ALL, LC_MESSAGES, LANG, in POSIX order) where a catalogue
has it, else English. Reading a folder's names costs microseconds: this module is loaded on
every run (cli.py's --lang choices).
"""

from __future__ import annotations

import os
import sys

ENGLISH = "en"  # the language every catalogue is held to (exporter/text/en.py)


def _is_catalogue(name: str) -> bool:
    """ja, pt_br: a catalogue module's name (a language code, lowercase; not __init__)."""
    language, _, region = name.partition("_")
    return (2 <= len(language) <= 3 and language.isalpha() and language.islower()
            and (not region or (2 <= len(region) <= 4 and region.isalnum() and region.islower())))


def languages() -> tuple[str, ...]:
    """The languages that have a catalogue, English first: every LANG.py in the folders of the
    package exporter.text (a test may add a folder to the package's path)."""
    text = sys.modules.get(f"{__package__}.text")  # not imported for this: start-up reads only the folder
    folders = list(text.__path__) if text is not None else [os.path.join(os.path.dirname(__file__), "text")]
    found: set[str] = set()
    for folder in folders:
        try:
            names = os.listdir(folder)
        except OSError:
            continue
        found.update(name[:-3] for name in names if name.endswith(".py") and _is_catalogue(name[:-3]))
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
