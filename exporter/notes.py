"""The notes of a run for stderr: the same note for many identities said once, with a count and a
few examples (10,000 identities must not print 10,000 lines); one identity keeps its own line.

Notes and advisories are Phrases (catalogue keys with their values): two identities say the same
thing where their Phrases are the same once each identity's own name is taken out of the values
(a whole name or its final labels: mail.d01.example.jp of d01.example.jp, never a longer label that
ends the same way). The first identity's note is said in full, the others counted and a few named.
Every output still names each identity's notes in full (the instructions, file headers, `-f json`).
The lines are Phrases of MESSAGES: the run says them in its language.
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

from .phrase import Phrase, Series, counted

EXAMPLES = 3  # identities named after the first in a grouped note

# Said where names are relative to it (file headers, the instructions, JSON's "zone"), and which servers
# --merge-live asked in the headers: on stderr each would be a line per identity of every --all run.
NOT_ON_STDERR = ("notice.zone-assumed", "notice.live-read")


def lines(identities: Iterable) -> Iterator[Phrase]:
    """The note lines, in the order their first identity has them: "note.identity" for a note of one
    identity (as a run of one identity says it), and for a note many identities share, the first
    one's with how many more and a few of their names."""
    groups: dict[object, list[tuple[str, Phrase]]] = {}  # what it says -> [(identity, its phrase)]
    for identity in identities:
        said = [advisory for advisory in identity.advisories if advisory.key not in NOT_ON_STDERR]
        for phrase in (*said, *identity.notes):
            groups.setdefault(_shape(phrase, identity.name), []).append((identity.name, phrase))
    for group in groups.values():
        first, text = group[0]
        if len(group) == 1:
            yield Phrase("note.identity", identity=first, text=text)
            continue
        others = [name for name, _ in group[1:]]
        examples = Series(tuple(others[:EXAMPLES]), Phrase("note.separator"))
        if len(others) > EXAMPLES:
            shared = Phrase("note.shared-more", others=counted("more-identities", len(others)), examples=examples,
                            rest=counted("others", len(others) - EXAMPLES))
        else:
            shared = Phrase("note.shared", others=counted("more-identities", len(others)), examples=examples)
        yield Phrase("note.identity-shared", identity=first, text=text, shared=shared)


def _shape(value: object, name: str) -> object:
    """`value` with the identity's name taken out: what two identities' notes must share to be one."""
    if isinstance(value, Phrase):
        return (value.key, tuple((key, _shape(item, name)) for key, item in value.params))
    if isinstance(value, Series):
        return ("series", tuple(_shape(item, name) for item in value.items), value.separator)
    if isinstance(value, str):
        return _without(value, name)
    return value if isinstance(value, (int, float, type(None))) else repr(value)


def _without(text: str, name: str) -> str:
    """`text` with each whole occurrence of the domain `name` made "\\0": not where a label goes on
    before or after it (data.com is not a.com; a.community is not a.com)."""
    at = text.find(name)
    if at < 0:
        return text
    out, start = [], 0
    while at >= 0:
        end = at + len(name)
        if not (at and _in_label(text[at - 1])) and not (end < len(text) and _in_label(text[end])):
            out += [text[start:at], "\0"]
            start = end
        at = text.find(name, end if start == end else at + 1)
    return "".join(out) + text[start:]


def _in_label(character: str) -> bool:
    return character.isalnum() or character in "-_"
