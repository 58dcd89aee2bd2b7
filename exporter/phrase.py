"""Sentences by key: a Phrase names a sentence of a language catalogue and the values it shows.

`compose` writes a Phrase in one output syntax (a Kind: Markdown, HTML). A catalogue sentence is a
`str.format` template written in a small subset of Markdown's inline syntax (`**bold**`, a `code`
span, a backslash before punctuation); its placeholders say how a value is shown:

    {host:code}   a code span: a name or value to copy exactly
    {panel}       plain text

A value is a str or int, another Phrase (written in place), a Series (values or phrases in a row),
an Aside or Own words (a panel's, trusted like the sentence's). The Kind escapes each value once; the sentence's own words are the catalogue's, trusted.
This module imports nothing of the package: exporter/filters.py defines the kinds.
"""

# Annotations are evaluated here (no `from __future__ import annotations`): this module is loaded at
# every start-up, and typing compiles each string annotation of a NamedTuple field, about 50 k
# instructions a field (docs/benchmarks.md, start-up). Names defined later are quoted.

from collections.abc import Callable, Mapping
from string import Formatter
from typing import NamedTuple

# The data classes here and in exporter/guide.py are NamedTuples: immutable like a frozen
# dataclass, and defined in a tenth of the time at start-up (about 0.1 ms against 1 ms each).


class _Phrase(NamedTuple):
    key: str
    params: tuple[tuple[str, object], ...]


class Phrase(_Phrase):
    """The catalogue sentence `key`, with the values its placeholders show: Phrase("step", number=1)."""

    __slots__ = ()

    def __new__(cls, key: str, /, **params: object) -> "Phrase":
        # tuple.__new__ itself: a document of 10,000 identities makes 400,000 phrases
        return tuple.__new__(cls, (key, tuple(params.items())))

    def __repr__(self) -> str:
        return f"Phrase({self.key!r}{''.join(f', {name}={value!r}' for name, value in self.params)})"


def counted(noun: str, number: int) -> Phrase:
    """`number` NOUNs as the catalogue says it: MESSAGES "count.NOUN", or "count.NOUN.one" for one
    (English says "1 identity", "2 identities"; a language without plurals gives both the same words)."""
    return Phrase(f"count.{noun}.one" if number == 1 else f"count.{noun}", count=number)


class Series(NamedTuple):
    """Several values or phrases in a row, joined by the catalogue's `separator` sentence ("; ", "、")."""

    items: tuple[object, ...]
    separator: Phrase


class Own(NamedTuple):
    """Words a panel's entry holds (exporter/panels.py: where the records are added), written like a
    catalogue sentence's own words: Markdown inline, trusted, shown through the kind's markup."""

    text: str


class Aside(NamedTuple):
    """`phrase`, shown only where `value` is not the catalogue's `word`.

    A panel's own name for a field goes beside ours only where the two differ in the output
    language: Route 53's "Value" needs no aside in English, but does in Japanese.
    """

    phrase: Phrase
    value: str
    word: Phrase


class Kind(NamedTuple):
    """How one output syntax writes a sentence: its own words and markup, and the values in it."""

    markup: Callable[[str], str]  # the sentence's own text (trusted inline markup)
    code: Callable[[object], str]  # a value to copy exactly ({name:code})
    text: Callable[[object], str]  # a value shown as plain text ({name})


_FORMATTER = Formatter()
SPECS = ("", "code")


def _parts(template: str):
    """(literal text, placeholder name or None, spec) of a sentence; ValueError for a placeholder
    of any form other than {name} and {name:code}."""
    for literal, name, spec, conversion in _FORMATTER.parse(template):
        if name is not None and (not name.isidentifier() or conversion or spec not in SPECS):
            raise ValueError(f"{template!r}: placeholders are {{name}} or {{name:code}}, "
                             f"not {{{name}!{conversion}:{spec}}}")
        yield literal, name, spec


def placeholders(template: str) -> dict[str, str]:
    """{name: spec} of every placeholder in a catalogue sentence."""
    found: dict[str, str] = {}
    for _, name, spec in _parts(template):
        if name is None:
            continue
        if found.get(name, spec) != spec:
            raise ValueError(f"{template!r}: {{{name}}} is shown two ways")
        found[name] = spec
    return found


class Sentences(dict):
    """The sentences of one document's language (key: template), remembering what `compose` wrote
    from them, one record per kind: a document of 10,000 identities says the same pitfall, record
    title or answer thousands of times, and writes each once."""

    __slots__ = ("written",)

    # Past this many phrases remembered in a kind, the record starts afresh: the phrases said again
    # and again are soon back in it, the values of one identity each (its DKIM names) are not kept.
    LIMIT = 4096

    def __init__(self, sentences: Mapping[str, str]):
        super().__init__(sentences)
        self.written: dict[str, dict[Phrase, str]] = {}

    def remembered(self, kind: str) -> dict[Phrase, str]:
        """The phrases written in the output kind named `kind` ("markdown", "html"), by phrase."""
        memo = self.written.get(kind)
        if memo is None or len(memo) > self.LIMIT:
            memo = self.written[kind] = {}
        return memo


def compose(phrase: Phrase, words: Mapping[str, str], kind: Kind, memo: dict[Phrase, str] | None = None) -> str:
    """`phrase` written in `kind`, in the language of the catalogue `words`. `memo` (Sentences.remembered:
    what this kind wrote from these words) gives a phrase written before, and keeps this one and the
    phrases inside it."""
    if memo is not None:
        try:
            found = memo.get(phrase)
        except TypeError:  # a value that cannot be a key (a list): written, not remembered
            memo = None
        else:
            if found is not None:
                return found
    try:
        template = words[phrase.key]
    except KeyError:
        raise KeyError(f"the catalogue has no sentence {phrase.key!r}") from None
    pieces = _compiled(template, kind.markup)
    params = dict(phrase.params)
    out = []
    for text, name, spec in pieces:
        if text:
            out.append(text)
        if name is None:
            continue
        if name not in params:
            raise KeyError(f"{phrase.key}: the sentence shows {{{name}}}, which the phrase does not give")
        out.append(_show(params[name], spec, words, kind, memo))
    written = "".join(out)
    if memo is not None:
        memo[phrase] = written
    return written


# A sentence's pieces (its own words already written by a kind's markup, then the placeholder that
# follows), by sentence text and markup: parsed and marked up once per run, not once per identity.
_COMPILED: dict[tuple[str, Callable[[str], str]], tuple[tuple[str, str | None, str], ...]] = {}


def _compiled(template: str, markup: Callable[[str], str]) -> tuple[tuple[str, str | None, str], ...]:
    found = _COMPILED.get((template, markup))
    if found is None:
        found = _COMPILED[template, markup] = tuple((markup(literal), name, spec)
                                                    for literal, name, spec in _parts(template))
    return found


def _show(value: object, spec: str, words: Mapping[str, str], kind: Kind, memo: dict[Phrase, str] | None) -> str:
    if value.__class__ is str or value.__class__ is int:  # most values: a name, a value, a number
        if spec == "code":
            return str(kind.code(value))
        return str(kind.text(value)) if value != "" else ""  # no text (a field's own label, mostly): nothing to escape
    if isinstance(value, Phrase):
        return compose(value, words, kind, memo)
    if isinstance(value, Series):
        separator = compose(value.separator, words, kind, memo)
        return separator.join(_show(item, spec, words, kind, memo) for item in value.items)
    if isinstance(value, Own):
        return kind.markup(value.text)
    if isinstance(value, Aside):
        return "" if value.value == words[value.word.key] else compose(value.phrase, words, kind, memo)
    return str(kind.code(value) if spec == "code" else kind.text(value))
