"""DMARC records: the one tag parser, the record ses-export writes (the default), and what a user's
--dmarc may say. exporter/dnscheck/dmarc.py reads published records as receivers do with the same parser.

RFC 7489 section 6.3 (the general record format) and 6.4 (its grammar): `v=DMARC1` is the first
tag, `p=` is required in a policy record and is none, quarantine or reject, and the tags are
v, p, sp, rua, ruf, adkim, aspf, fo, rf, ri and pct. A receiver ignores a record whose `v` or
`p` is wrong (6.6.3), so a typo here silently publishes no policy at all: refused instead.
Case as receivers read it (6.4, RFC 5234 2.3): tag names and keyword values in any case, the
version `DMARC1` exactly.
"""

# Annotations are evaluated here (no `from __future__ import annotations`): this module is loaded at
# every start-up, and typing compiles each string annotation of a NamedTuple field, about 50 k
# instructions a field (docs/benchmarks.md, start-up). Names defined later are quoted.

import re
from typing import NamedTuple

from .errors import InputError
from .phrase import Phrase

DEFAULT = "v=DMARC1; p=none;"
POLICIES = ("none", "quarantine", "reject")
# Each tag's allowed value (RFC 7489 6.3 and 6.4), checked for the tags whose values are closed sets.
# Patterns, not compiled: most runs never check a policy, and re compiles (and caches) on first use.
_TAG_VALUES = {
    "p": r"(none|quarantine|reject)",
    "sp": r"(none|quarantine|reject)",
    "adkim": r"[rs]",
    "aspf": r"[rs]",
    "fo": r"[01ds](:[01ds])*",
    "rf": r"[A-Za-z0-9-]+(:[A-Za-z0-9-]+)*",
    "ri": r"\d{1,10}",
    "pct": r"(100|[1-9]?\d)",
    "rua": None,  # URIs: checked by _uris
    "ruf": None,
}
# A report address: mailto: with an addr-spec, and an optional size limit (RFC 7489 6.2: "!10m").
_MAILTO = r"mailto:[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9.-]*[A-Za-z0-9])?(?:![0-9]+[kmgt]?)?"


# RFC 7489 6.4: the v tag first ("v" in any case, spaces around "=" allowed), its value DMARC1 exactly.
STARTS = r"[vV][ \t]*=[ \t]*DMARC1[ \t]*(;|$)"


def is_dmarc(text: str) -> bool:
    """A record receivers keep (6.6.3 step 2): it starts with v=DMARC1."""
    return re.match(STARTS, text.strip()) is not None


class Part(NamedTuple):
    text: str  # the part as written, spaces around it stripped
    name: str  # the tag name in lowercase
    value: str
    is_tag: bool  # it has an '=' and a name


def parts(text: str) -> list[Part]:
    """Each ';'-separated part of a record, spaces around names and values stripped; the empty part
    after a closing ';' is dropped."""
    pieces = text.split(";")
    if pieces and not pieces[-1].strip():
        pieces.pop()
    result = []
    for piece in pieces:
        name, equals, value = piece.partition("=")
        result.append(Part(piece.strip(), name.strip().lower(), value.strip(), bool(equals and name.strip())))
    return result


def tags(text: str) -> dict[str, str]:
    """tag -> value, in order, as receivers read them: parts that are no tag=value are passed over,
    and the first of a repeated tag wins."""
    result: dict[str, str] = {}
    for part in parts(text):
        if part.is_tag:
            result.setdefault(part.name, part.value)
    return result


def checked(text: str, option: str = "dmarc") -> str:
    """`text` as a DMARC policy record, or InputError saying what RFC 7489 makes of it."""
    tags: dict[str, str] = {}
    for number, (part, name, value, is_tag) in enumerate(parts(text)):
        if not is_tag:
            raise InputError(Phrase("error.dmarc-not-pair", value=repr(part)), option=option)
        if number == 0 and (name != "v" or value != "DMARC1"):
            raise InputError(Phrase("error.dmarc-no-version", value=repr(text)), option=option)
        if number > 0 and name == "v":
            raise InputError(Phrase("error.dmarc-version-again"), option=option)
        if name != "v" and name not in _TAG_VALUES:
            raise InputError(Phrase("error.dmarc-unknown-tag", tag=repr(name), known=", ".join(["v", *_TAG_VALUES])),
                             option=option)
        if name in tags:
            raise InputError(Phrase("error.dmarc-tag-twice", tag=repr(name)), option=option)
        pattern = _TAG_VALUES.get(name)
        if pattern is not None and not re.fullmatch(pattern, value, re.IGNORECASE):
            raise InputError(Phrase("error.dmarc-bad-value", tag=name, value=repr(value)), option=option)
        if name in ("rua", "ruf"):
            _uris(value, f"{name}=", option)
        tags[name] = value
    if "p" not in tags:
        raise InputError(Phrase("error.dmarc-no-policy", value=repr(text)), option=option)
    return text


def _uris(value: str, what: str, option: str) -> None:
    for uri in value.split(","):
        if not re.fullmatch(_MAILTO, uri.strip()):
            raise InputError(Phrase("error.dmarc-not-address", tag=what, value=repr(uri.strip())), option=option)


def rua_address(text: str, option: str = "dmarc_rua") -> str:
    """--dmarc-rua: one or more mailto: addresses, comma-separated."""
    _uris(text.strip(), "", option)
    return ",".join(uri.strip() for uri in text.strip().split(","))


def default(rua: str | None = None) -> str:
    """The console's suggestion, with aggregate reports to `rua` when given."""
    return DEFAULT if rua is None else f"v=DMARC1; p=none; rua={rua};"
