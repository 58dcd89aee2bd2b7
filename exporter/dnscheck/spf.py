"""SPF records read as receivers read them (RFC 7208): a term list, not a string.

`judge(text, lookup)` says whether one SPF record authorizes Amazon SES and names the first
mistake. Seen in the record itself: an unknown or malformed term or a repeated modifier
(permerror, RFC 7208 4.6.1 and 6), more than 10 terms that cost a DNS look-up in that record
alone (permerror, 4.6.4), `include:amazonses.com` after `all` (never reached, 5.1), and
`redirect=` beside `all` (ignored, 6.1).

With `lookup` (the TXT texts DNS holds at a name), the record is evaluated as check_host()
evaluates it for a message from SES (4.6): terms in order, each `include:` and `redirect=`
followed into the record it names, until one matches. So a record that authorizes SES through
another (`include:_spf.example.com`, which includes amazonses.com; or `redirect=`) is right, an
include that names no SPF record is the permerror receivers see (5.2), and the look-ups of the
records included before SES count towards the limit of 10. Assumed, as nothing else can be
known without SES's addresses: no `a`, `mx`, `ptr`, `exists`, `ip4` or `ip6` term matches SES's
servers, and amazonses.com's own record (addresses only) costs no look-up beyond its include.
With `answers` (what DNS holds at a name for a type), the `a`, `mx` and `exists` terms evaluated
before SES are looked up too: more than two that find nothing are a permerror (void look-ups,
4.6.4). A macro include before SES leaves the verdict unconfirmed even when SES is reached
after it: expanded per message, it may name no record (a permerror).

Passing SES is not enough: the record is also evaluated for any other sender, and one that lets
everyone pass (`+all`, reached directly, through an include or a redirect) is wrong: anyone can
send as the domain and, with relaxed alignment, pass DMARC.

The SES requirement is met by the one `v=spf1` record at the MAIL FROM name that lets SES's mail
pass, whatever else it authorizes and whatever qualifier its `all` has: a record merged with
another sender's is right, not "different".
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field

import dns.exception
import dns.name

SES_INCLUDE = "amazonses.com"
MAX_LOOKUPS = 10  # RFC 7208 4.6.4
LOOKUP_MECHANISMS = {"include", "a", "mx", "ptr", "exists"}  # plus the redirect modifier
MECHANISMS = LOOKUP_MECHANISMS | {"all", "ip4", "ip6"}
MODIFIER = re.compile(r"^([A-Za-z][A-Za-z0-9_.-]*)=(.*)$")
TOPLABEL = re.compile(r"^(?:[A-Za-z0-9]*[A-Za-z][A-Za-z0-9]*|[A-Za-z0-9][A-Za-z0-9-]*-[A-Za-z0-9-]*[A-Za-z0-9])$")
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
    detail: dict = field(default_factory=dict)  # what the sentence names: term, count, suggested, via
    fix: str | None = None  # the fix sentence's key when it is not the cause's
    note: str | None = None  # the remark's key on a record that is right

    @property
    def ok(self) -> bool:
        return self.cause is None


def terms(text: str) -> list[Term]:
    """The terms after 'v=spf1', in order (raises ValueError on one that is not a term)."""
    result = []
    for raw in text.split()[1:]:
        modifier = MODIFIER.match(raw)
        if modifier and ":" not in modifier.group(1):
            if modifier.group(1).lower() == "redirect" and not _domain_spec(modifier.group(2)):
                raise ValueError(raw)
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
        if name == "include" and not _domain_spec(argument):
            raise ValueError(raw)
        if name == "all" and (argument or body.lower() != "all"):
            raise ValueError(raw)
        result.append(Term(raw, qualifier, name, argument, False))
    return result


@functools.lru_cache(maxsize=1024)
def _parsed(text: str) -> tuple[Term, ...]:
    """`terms` kept per text: the identities of a run publish the same few SPF records, judged and walked
    for each (a ValueError is not kept, so it is raised again each time)."""
    return tuple(terms(text))


@functools.lru_cache(maxsize=1024)
def _self_contained(text: str) -> bool:
    """The record's evaluation asks DNS nothing (RFC 7208 5): no include but SES's, no redirect=, no a, mx or
    exists term, so `lookup` and `answers` are never called and its verdict is the same in every view. The usual
    MAIL FROM record of every identity of a run: judged once (`_judged_alone`), not walked twice per identity."""
    try:
        parsed = _parsed(text)
    except ValueError:
        return False
    return all(t.name not in ("redirect", "a", "mx", "exists") and (
        t.modifier or t.name != "include" or t.argument.lower().rstrip(".") == SES_INCLUDE) for t in parsed)


def _unasked(name: str, rdtype: str | None = None) -> str:
    raise AssertionError(f"a self-contained SPF record looked up {name}")


@functools.lru_cache(maxsize=1024)
def _judged_alone(text: str) -> Verdict:
    """judge() of a self-contained record (`_self_contained`), with look-ups that are never made."""
    return judge(text, _unasked, _unasked, None)


def _domain_spec(argument: str) -> bool:
    """RFC 7208 7.1: a domain-spec ends in a macro or a top label of letters, digits and '-' with
    a letter (or a hyphen inside): `include:amazonses.com~all` is a permerror, not a name to ask."""
    if "%" in argument:
        return True
    labels = argument[:-1].split(".") if argument.endswith(".") else argument.split(".")
    return len(labels) > 1 and all(labels) and bool(TOPLABEL.match(labels[-1]))


def judge(text: str, lookup: Lookup | None = None, answers: Answers | None = None,
          domain: str | None = None) -> Verdict:
    """Whether this SPF record lets SES's mail pass, and the first mistake. Without `lookup`, only
    what the record itself says (an include of another record is taken not to reach SES). With
    `answers` and `domain` (the name the record is published at), void look-ups are counted."""
    if lookup is not None and lookup is not _unasked and _self_contained(text):
        return _judged_alone(text)
    try:
        parsed = _parsed(text)
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
    if ses_at is not None and all_at is not None and ses_at > all_at:
        return Verdict("spf-include-after-all", {"suggested": with_ses_include(text)})
    redirect = next((t for t in parsed if t.modifier and t.name == "redirect"), None)
    if redirect is not None and all_at is not None:  # never followed (6.1): every fix drops it
        text = without_term(text, redirect.text)
        if mechanisms[all_at].qualifier != "+":
            return Verdict("spf-redirect-ignored", {"term": redirect.text,
                                                    "suggested": text if ses_at is not None else with_ses_include(text)})
    if all_at is not None and mechanisms[all_at].qualifier == "+":
        return _pass_all(text, ("+all",))
    if lookup is None:
        return Verdict(None) if ses_at is not None else Verdict("spf-lacks-include", {"suggested": with_ses_include(text)})

    walk = _Walk(lookup, answers)
    outcome = walk.evaluate(parsed, (), domain)
    if isinstance(outcome, Verdict):
        return outcome
    anyone = _Walk(lookup, None, anyone=True).evaluate(parsed, (), domain)
    if isinstance(anyone, tuple):  # every sender on the internet passes
        return _pass_all(text, anyone)
    macro = next((term for term, target in walk.unknown if target is None), None)
    if outcome is not None and macro:  # SES is reached, but a macro include before it may be a permerror
        return Verdict("spf-unconfirmed", {"term": macro, "suggested": ses_first(text)}, "spf-unconfirmed-before-macro")
    if outcome is not None:
        return Verdict(None, {"via": " → ".join(outcome)}, note="spf-through") if outcome else Verdict(None)
    if walk.unknown:  # a record on the way could not be read: say so, not "does not authorize"
        term, target = walk.unknown[0]
        return Verdict("spf-unconfirmed", {"term": term, "target": target or "", "suggested": with_ses_include(text)},
                       "spf-unconfirmed-macro" if target is None else "spf-unconfirmed-unread")
    if ses_at is not None:  # include:amazonses.com is there, but an earlier term fails SES's mail
        return Verdict("spf-lacks-include", {"suggested": ses_first(text)})
    return Verdict("spf-lacks-include", {"suggested": with_ses_include(text)})


def _pass_all(text: str, via: tuple[str, ...]) -> Verdict:
    """Every sender passes: at the record's own `all`, the fix ends it in ~all; through an include
    or a redirect, the record that ends in +all is someone else's to correct."""
    if via == ("+all",):
        fixed = " ".join("~all" if w.lower() in ("all", "+all") else w for w in text.split())
        judged = judge(fixed)
        return Verdict("spf-pass-all", {"via": "+all",
                                        "suggested": fixed if judged.ok else with_ses_include(fixed)})
    return Verdict("spf-pass-all", {"via": " → ".join(via), "term": via[0]}, "spf-pass-all-through")


def without_term(text: str, term: str) -> str:
    """The record without one of its terms (the first written as `term`)."""
    words = text.split()
    if term in words[1:]:
        words.remove(term)
    return " ".join(words)


def unread_names(text: str, lookup: Lookup) -> list[str]:
    """The names whose TXT records judging `text` still needs (asked next by exporter/dnscheck/run.py)."""
    return [name for name, rdtype in unread_questions(text, lookup) if rdtype == "TXT"]


def unread_questions(text: str, lookup: Lookup, answers: Answers | None = None,
                     domain: str | None = None) -> list[tuple[str, str]]:
    """(name, type) that judging `text` still needs: the TXT records its includes lead to, and
    with `answers`, the A and MX look-ups of its terms before SES (to count void look-ups)."""
    if _self_contained(text):  # (False for a text that is not SPF)
        return []
    try:
        parsed = _parsed(text)
    except ValueError:
        return []
    walk = _Walk(lookup, answers)
    walk.evaluate(parsed, (), domain)
    anyone = _Walk(lookup, None, anyone=True)
    anyone.evaluate(parsed, (), domain)
    wanted = {(target, "TXT"): None for _, target in walk.unknown + anyone.unknown if target}
    wanted.update((question, None) for question in walk.unasked)
    return list(wanted)


# What DNS holds at a name: its TXT texts (after any CNAME), or the name still to be asked.
Lookup = Callable[[str], "list[str] | str"]
# What DNS answers at (name, type): the records (empty: a void look-up), or the name still to be asked.
Answers = Callable[[str, str], "frozenset | list | str"]
MAX_VOID_LOOKUPS = 2  # RFC 7208 4.6.4


class _Walk:
    """check_host() for a message from SES, over the records `lookup` knows (RFC 7208 4.6).

    `evaluate` returns the terms that lead to SES (() when the record includes amazonses.com
    itself), None when no term matches SES's mail or one matches with a qualifier other than
    pass, or a Verdict: the permerror that ends the evaluation. An include whose record is not
    known yet is taken not to match, and listed in `unknown`, so that every name needed next is
    found in one pass (and asked in one round trip).

    With `anyone`, the same for a sender that no term names (not SES either): what it returns
    is then the terms that let everyone pass (ending in "+all"), or None."""

    def __init__(self, lookup: Lookup, answers: Answers | None = None, anyone: bool = False):
        self.lookup = lookup
        self.answers = answers
        self.anyone = anyone
        self.lookups = 0
        self.void: list[str] = []  # terms whose look-up found nothing
        self.unknown: list[tuple[str, str | None]] = []  # (term, target name or None for a macro)
        self.unasked: list[tuple[str, str]] = []  # (name, type) of a void look-up not yet answered

    def evaluate(self, parsed: Sequence[Term], via: tuple[str, ...], domain: str | None = None):
        for term in parsed:
            if term.modifier:
                continue
            if term.name in LOOKUP_MECHANISMS and (over := self.spend()):
                return over if not self.anyone else None
            if term.name in ("a", "mx", "exists") and (void := self.voided(term, via, domain)):
                return void
            if term.name == "all":
                return via + ("+all",) if term.qualifier == "+" else None
            if term.name != "include":
                continue
            if term.argument.lower().rstrip(".") == SES_INCLUDE:
                if self.anyone:
                    continue  # amazonses.com's record names SES's addresses only
                return via if term.qualifier == "+" else None
            outcome = self.included(term, via)
            if isinstance(outcome, Verdict):
                return outcome if not self.anyone else None
            if outcome is not None:  # the included record passes the mail: this term matches
                return outcome if term.qualifier == "+" else None
        redirect = next((t for t in parsed if t.modifier and t.name == "redirect"), None)
        if redirect is None:
            return None
        over = self.spend() or self.included(redirect, via)
        return None if self.anyone and isinstance(over, Verdict) else over

    def spend(self) -> Verdict | None:
        """Count one DNS look-up; the permerror once there are more than 10 (RFC 7208 4.6.4)."""
        self.lookups += 1
        return Verdict("spf-too-many-lookups", {"count": str(self.lookups)}) if self.lookups > MAX_LOOKUPS else None

    def voided(self, term: Term, via: tuple[str, ...], domain: str | None) -> Verdict | None:
        """Count a look-up of an a, mx or exists term that finds nothing; the permerror at the third."""
        if self.answers is None:
            return None
        target = term.argument.partition("/")[0] if term.argument else domain
        if not target or "%" in target or (name := _name(target)) is None:
            return None  # a macro, or no domain known: depends on the message, not counted
        rdtype = "MX" if term.name == "mx" else "A"
        found = self.answers(name, rdtype)
        if isinstance(found, str):
            self.unasked.append((found, rdtype))
            return None
        if found:
            return None
        self.void.append(" → ".join(via + (term.text,)))
        if len(self.void) > MAX_VOID_LOOKUPS:
            return Verdict("spf-void-lookups", {"count": str(len(self.void)), "terms": ", ".join(self.void)})
        return None

    def included(self, term: Term, via: tuple[str, ...]):
        """The outcome of the record an include: or redirect= names."""
        first = via[0] if via else term.text  # the term of the record at the MAIL FROM name that leads here
        if "%" in term.argument:  # a macro: expanded per message, beyond this check
            self.unknown.append((first, None))
            return None
        target = _name(term.argument)
        if target is None and not via:
            return Verdict("spf-syntax", {"term": term.text})
        if target is None:
            return Verdict("spf-include-permerror", {"term": via[0], "bad": term.text}, "spf-include-syntax")
        found = self.lookup(target)
        if isinstance(found, str):
            self.unknown.append((first, found))
            return None
        records = [t for t in found if is_spf(t)]
        if not records:  # permerror for include (5.2) and for redirect (6.1)
            return Verdict("spf-include-permerror", {"term": first, "target": target}, "spf-include-no-record")
        if len(records) > 1:  # permerror (4.5)
            return Verdict("spf-include-permerror", {"term": first, "target": target, "count": str(len(records))},
                           "spf-include-several")
        try:
            parsed = _parsed(records[0])
        except ValueError as e:
            return Verdict("spf-include-permerror", {"term": first, "bad": str(e)}, "spf-include-syntax")
        return self.evaluate(parsed, via + (term.text,), target)


def _name(argument: str) -> str | None:
    """An include:/redirect= domain as DNS names it (lowercase FQDN), or None when it is not one."""
    try:
        return dns.name.from_text(argument).to_text().lower()
    except (dns.exception.DNSException, ValueError):
        return None


def ses_first(text: str) -> str:
    """The record with include:amazonses.com as its first term: reached before anything that
    could fail SES's mail."""
    words = [w for w in text.split() if not _is_ses_include_text(w)]
    return " ".join(words[:1] + [f"include:{SES_INCLUDE}"] + words[1:])


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
