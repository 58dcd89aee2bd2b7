"""The notes of a run for stderr: the same note for many identities said once, with a count and a
few examples (10,000 identities must not print 10,000 lines); one identity keeps its own line.

Notes are grouped by what they say: an advisory by its catalogue key (each names its identity's
own domain), a model note by its text with the identity's name taken out. The first identity's
note is said in full, the others counted and a few named. Every output still names each identity's
notes in full (the instructions, file headers, `-f json`).
"""

from __future__ import annotations

from collections.abc import Iterable, Iterator

EXAMPLES = 3  # identities named after the first in a grouped note


def lines(identities: Iterable, lang: str = "en") -> Iterator[str]:
    """The note lines, in the order their first identity has them: `note: DOMAIN: TEXT` for a note
    of one identity, and for a note many identities share, the first one's with how many more."""
    from .advisories import plain
    from .text import catalogue

    groups: dict[tuple[str, str], list[tuple[str, str]]] = {}  # what it says -> [(identity, text)]
    for identity in identities:
        for advisory in identity.advisories:
            # The assumed zone is said where names are relative to it (file headers, the instructions,
            # JSON's "zone"), and which servers --merge-live asked in the headers.
            if advisory.key not in ("notice.zone-assumed", "notice.live-read"):
                groups.setdefault(("advisory", advisory.key), []).append((identity.name, plain(advisory, lang)))
        for note in identity.notes:
            shape = note.replace(identity.name, "\0")
            groups.setdefault(("note", shape), []).append((identity.name, note))
    words = catalogue(lang).NOTES
    for said in groups.values():
        first, text = said[0]
        if len(said) == 1:
            yield f"note: {first}: {text}"
            continue
        others = [name for name, _ in said[1:]]
        named = ", ".join(others[:EXAMPLES])
        key = "same-for-more" if len(others) > EXAMPLES else "same-for"
        also = words[key].format(count=len(others), examples=named, more=len(others) - EXAMPLES)
        yield f"note: {first}: {text} ({also})"
