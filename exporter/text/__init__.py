"""The words for people, one catalogue module per language: exporter/text/LANG.py.

A catalogue module holds one dict of sentences per purpose, keyed as the code asks for them:
GUIDE (the instructions, keys from exporter/guide.py), CHECK (the --check report), NOTICES (what
SES's statuses mean, and the model's notes), HTML (the html page's controls) and MESSAGES (what
stderr says: notes, progress, refusals). Sentences are str.format templates in Markdown's inline
syntax; exporter/phrase.py says how they are written and filled. A catalogue may also hold HELP, the
--help texts by click's parameter names (optional: English is cli.py's own; docs/design.md, "Languages").

A new language is one new file that holds every key English holds: `missing` names the keys a
catalogue lacks (tests/test_languages.py holds every catalogue to it), and `catalogue` refuses
an incomplete one with those names, so a run never fails halfway through a sentence.
"""

from __future__ import annotations

from functools import cache
from types import ModuleType

PARTS = ("GUIDE", "CHECK", "NOTICES", "HTML", "MESSAGES")  # the dicts every catalogue holds


def catalogue(lang: str) -> ModuleType:
    """The catalogue module of `lang`, imported when first asked for; InputError (exit 2) naming
    the language's missing sentences where it is not complete."""
    module = _load(lang)
    gaps = missing(lang)
    if gaps:
        from ..errors import InputError

        shown = "; ".join(f"{part}: {', '.join(keys[:5])}{' ...' if len(keys) > 5 else ''}" for part, keys in gaps.items())
        count = sum(len(keys) for keys in gaps.values())
        # English text, not a Phrase: the catalogue at fault cannot be trusted to say it.
        raise InputError(f"the catalogue exporter/text/{lang}.py lacks {count} sentence(s) that en.py has ({shown}); "
                         "add them, or choose another language", option="lang")
    return module


@cache
def _load(lang: str) -> ModuleType:
    from importlib import import_module

    from ..language import languages

    known = languages()
    if lang not in known:
        from ..errors import InputError
        from ..phrase import Phrase

        raise InputError(Phrase("error.not-one-of", value=repr(lang), known=", ".join(known)), option="lang")
    return import_module(f"{__name__}.{lang}")


@cache
def missing(lang: str) -> dict[str, list[str]]:
    """{part: [keys]} that English has and `lang`'s catalogue lacks (empty: complete)."""
    from ..language import ENGLISH

    if lang == ENGLISH:
        return {}
    english, module = _load(ENGLISH), _load(lang)
    gaps = {}
    for part in PARTS:
        have = getattr(module, part, {})
        keys = [key for key in getattr(english, part) if key not in have]
        if keys:
            gaps[part] = keys
    return gaps


def sentences(lang: str) -> dict[str, str]:
    """MESSAGES and NOTICES of `lang` in one dict: what `plain` fills (stderr, file headers)."""
    words = catalogue(lang)
    return {**words.NOTICES, **words.MESSAGES}


def plain(phrase: object, lang: str = "en") -> str:
    """A Phrase of MESSAGES or NOTICES as plain text in `lang` (a str is returned as it is): what
    stderr, file headers and error lines show."""
    from ..phrase import Kind, Phrase, compose

    if not isinstance(phrase, Phrase):
        return str(phrase)
    return compose(phrase, _sentences(lang), Kind(markup=str, code=str, text=str))


@cache
def _sentences(lang: str) -> dict[str, str]:
    return sentences(lang)

