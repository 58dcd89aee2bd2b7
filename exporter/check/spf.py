"""SPF records read as receivers read them (RFC 7208): a term list, not a string.

`judge(text)` says whether one SPF record authorizes Amazon SES and names the mistakes that can
be seen without asking DNS any further: an unknown or malformed term or a repeated modifier
(permerror, RFC 7208 4.6.1 and 6), more than 10 terms that cost a DNS look-up (permerror, 4.6.4;
counted only in this record, so the real count is "at least"), `include:amazonses.com` after
`all` (never reached, 5.1), and `redirect=` beside `all` (ignored, 6.1).

The SES requirement is met by the one `v=spf1` record at the MAIL FROM name that includes
amazonses.com with a pass qualifier, whatever else it authorizes and whatever qualifier its
`all` has: a record merged with another sender's is right, not "different".
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

SES_INCLUDE = "amazonses.com"
MAX_LOOKUPS = 10  # RFC 7208 4.6.4
LOOKUP_MECHANISMS = {"include", "a", "mx", "ptr", "exists"}  # plus the redirect modifier
MECHANISMS = LOOKUP_MECHANISMS | {"all", "ip4", "ip6"}
MODIFIER = re.compile(r"^([A-Za-z][A-Za-z0-9_.-]*)=(.*)$")
VERSION = re.compile(r"^v=spf1(?: |$)", re.IGNORECASE)


def is_spf(text: str) -> bool:
    """An SPF record by RFC 7208 4.5: 'v=spf1' then a space or the end, in any case."""
    return bool(VERSION.match(text))


@dataclass(frozen=True)
class Term:
    text: str
    qualifier: str  # + - ~ ? for mechanisms ('+' when none is written); '' for modifiers
    name: str  # lowercase mechanism or modifier name
    argument: str  # what follows ':' or '=' (may be '')
    modifier: bool


@dataclass(frozen=True)
class Verdict:
    """What receivers make of one SPF record for mail sent by SES."""

    cause: str | None  # None: SES is authorized and nothing visibly breaks the record
    detail: dict = field(default_factory=dict)  # what the fix sentence names: term, count, suggested

    @property
    def ok(self) -> bool:
        return self.cause is None


def terms(text: str) -> list[Term]:
    """The terms after 'v=spf1', in order (raises ValueError on one that is not a term)."""
    result = []
    for raw in text.split()[1:]:
        modifier = MODIFIER.match(raw)
        if modifier and ":" not in modifier.group(1):
            result.append(Term(raw, "", modifier.group(1).lower(), modifier.group(2), True))
            continue
        qualifier = raw[0] if raw[0] in "+-~?" else "+"
        body = raw[1:] if raw[0] in "+-~?" else raw
        name, _, argument = body.partition(":")
        if "/" in name:  # a/24, mx/24//64: a CIDR length, no domain
            name, _, _cidr = name.partition("/")
        name = name.lower()
        if name not in MECHANISMS:
            raise ValueError(raw)
        if name in ("include", "exists", "ip4", "ip6") and not argument:
            raise ValueError(raw)
        if name == "all" and (argument or body.lower() != "all"):
            raise ValueError(raw)
        result.append(Term(raw, qualifier, name, argument, False))
    return result


def judge(text: str) -> Verdict:
    """Whether this one SPF record lets SES's mail pass, and the first visible mistake."""
    try:
        parsed = terms(text)
    except ValueError as e:
        return Verdict("spf-syntax", {"term": str(e)})
    for name in ("redirect", "exp"):
        if sum(t.modifier and t.name == name for t in parsed) > 1:
            return Verdict("spf-syntax", {"term": f"{name}= (twice)"})
    lookups = sum((not t.modifier and t.name in LOOKUP_MECHANISMS) or (t.modifier and t.name == "redirect")
                  for t in parsed)
    if lookups > MAX_LOOKUPS:
        return Verdict("spf-too-many-lookups", {"count": str(lookups)})

    mechanisms = [t for t in parsed if not t.modifier]
    all_at = next((i for i, t in enumerate(mechanisms) if t.name == "all"), None)
    ses_at = next((i for i, t in enumerate(mechanisms) if _is_ses_include(t)), None)
    if ses_at is None:
        return Verdict("spf-lacks-include", {"suggested": with_ses_include(text)})
    if all_at is not None and ses_at > all_at:
        return Verdict("spf-include-after-all", {"suggested": with_ses_include(text)})
    if all_at is not None and any(t.modifier and t.name == "redirect" for t in parsed):
        return Verdict("spf-redirect-ignored", {"term": next(t.text for t in parsed if t.name == "redirect")})
    return Verdict(None)


def with_ses_include(text: str) -> str:
    """The record with include:amazonses.com before its first `all` (or at the end of its
    mechanisms), everything else kept as it was: the fix for a record that lacks it."""
    words = [w for w in text.split() if not _is_ses_include_text(w)]
    at = next((i for i, w in enumerate(words) if i and w.lstrip("+-~?").lower() == "all"), None)
    if at is None:
        at = next((i for i, w in enumerate(words) if i and MODIFIER.match(w)), len(words))
    return " ".join(words[:at] + [f"include:{SES_INCLUDE}"] + words[at:])


def _is_ses_include(term: Term) -> bool:
    return term.name == "include" and term.qualifier == "+" and term.argument.lower().rstrip(".") == SES_INCLUDE


def _is_ses_include_text(word: str) -> bool:
    return word.lstrip("+-~?").lower().rstrip(".") == f"include:{SES_INCLUDE}"
