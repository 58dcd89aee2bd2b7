"""Compare an identity's records with what DNS servers answer: one finding per record.

Pure logic, no network: `questions` says what to ask, exporter/check/ask.py asks it, and
`compare` turns the answers into findings (status ok/missing/wrong, a cause code, and the
facts the fix sentence needs). docs/check.md lists the causes.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import dns.exception
import dns.name
import dns.rdata
import dns.rdataclass
import dns.rdatatype

from .. import filters, names
from ..model import Record

OK, MISSING, WRONG = "ok", "missing", "wrong"

# What one server holds: owner name -> record type -> the rdata it answered with.
View = dict  # dict[str, dict[str, frozenset[dns.rdata.Rdata]]]


@dataclass(frozen=True)
class Finding:
    record: Record
    status: str  # ok, missing or wrong
    cause: str | None  # a cause code (docs/check.md); None when ok or when nothing at all is found
    expected: tuple[str, ...]  # presentation form
    found: tuple[str, ...]  # presentation form, at the expected name; empty when nothing is there
    fix: str | None = None  # key of the fix sentence in exporter/check/words.py
    detail: dict = field(default_factory=dict)  # what the fix sentence names (found_at, servers)

    def as_json(self, fix_sentence: str | None) -> dict:
        """One entry of the --check JSON list (docs/check.md), plus the fix sentence."""
        return {
            "name": self.record.name,
            "type": self.record.type,
            "expected": list(self.expected),
            "found": list(self.found),
            "status": self.status,
            "cause": self.cause,
            "fix": fix_sentence,
        }


# --- what to ask ---------------------------------------------------------------------------

def doubled_name(name: str, zone: str) -> str | None:
    """Where a host field that appends the zone puts a full name: NAME.ZONE (None if too long)."""
    return _valid(name + zone)


def underscore_dropped(name: str) -> str | None:
    """Where a panel that rejects '_' stores the name: every leading '_' of a label removed."""
    labels = name[:-1].split(".")
    stripped = [label.lstrip("_") for label in labels]
    if stripped == labels or not all(stripped):
        return None
    return _valid(".".join(stripped) + ".")


def questions(records: list[Record], zone: str) -> list[tuple[str, str]]:
    """Every (name, type) worth asking, all at once so the check costs one round trip.

    Besides each record's own name and type: CNAME at the name (a CNAME beside other data),
    TXT at a CNAME's name (the other data), and the record's type at the doubled and the
    underscore-dropped names (where panels put it by mistake).
    """
    wanted: dict[tuple[str, str], None] = {}
    for record in records:
        wanted[(record.name, record.type)] = None
        wanted[(record.name, "CNAME" if record.type != "CNAME" else "TXT")] = None
        for alternative in (doubled_name(record.name, zone), underscore_dropped(record.name)):
            if alternative:
                wanted[(alternative, record.type)] = None
    return list(wanted)


# --- comparing -----------------------------------------------------------------------------

def expected_rdata(record: Record) -> dns.rdata.Rdata:
    """The record's value as dnspython rdata, so it compares and prints as DNS answers do."""
    if record.type == "TXT":
        text = filters.bind_txt(record.value)
    elif record.type == "MX":
        text = f"{record.priority} {record.value}"
    else:
        text = record.value
    return dns.rdata.from_text(dns.rdataclass.IN, dns.rdatatype.from_text(record.type), text)


def txt_text(rdata: dns.rdata.Rdata) -> str:
    """A TXT record's text as SPF and DMARC read it: its character-strings joined."""
    return b"".join(rdata.strings).decode("ascii", errors="backslashreplace")


def compare(records: list[Record], zone: str, views: dict[str, View]) -> list[Finding]:
    """One finding per record; `views` maps each server asked to what it answered.

    When the servers do not all lead to the same finding, the change is still travelling
    between them: the record is `wrong` with cause servers-disagree.
    """
    if not views:
        raise ValueError("compare needs the answers of at least one server")
    findings = []
    for record in records:
        per_server = {server: compare_one(record, zone, view) for server, view in views.items()}
        distinct = {(f.status, f.cause, f.found) for f in per_server.values()}
        if len(distinct) <= 1:
            findings.append(next(iter(per_server.values())))
            continue
        found = tuple(sorted({value for f in per_server.values() for value in f.found}))
        servers = "; ".join(f"{server}: {f.status}" + (f" ({f.cause})" if f.cause else "")
                            for server, f in per_server.items())
        first = next(iter(per_server.values()))
        findings.append(Finding(record, WRONG, "servers-disagree", first.expected, found, "servers-disagree",
                                {"servers": servers}))
    return findings


def compare_one(record: Record, zone: str, view: View) -> Finding:
    """What one server's answers say about one record."""
    expected = expected_rdata(record)
    at_name = view.get(record.name, {})
    cnames = at_name.get("CNAME", frozenset())
    others = {rtype: data for rtype, data in at_name.items() if rtype != "CNAME" and data}

    if record.type == "CNAME":
        found_rdata = set(cnames)
    elif record.type == "TXT":
        found_rdata = {r for r in others.get("TXT", ()) if _relevant_txt(record, r)}
    else:
        found_rdata = set(others.get(record.type, ()))
    found = _texts(found_rdata)
    if record.type != "CNAME" and cnames and not found_rdata:
        found = _texts(cnames, "CNAME ")  # a CNAME where the record should be: show it

    def finding(status, cause, fix=None, **detail):
        return Finding(record, status, cause, (expected.to_text(),), found, fix or cause, detail)

    if cnames and others:
        return finding(WRONG, "conflict", "conflict-cname")
    if not found:
        return _not_here(record, zone, view, finding)
    if not found_rdata:
        return finding(WRONG, "value-differs")  # only a CNAME where an MX or TXT belongs

    if record.type == "TXT":
        return _compare_txt(record, expected, found_rdata, finding)
    if record.type == "MX":
        if len(found_rdata) > 1:
            return finding(WRONG, "conflict", "conflict-mx")
        (mx,) = found_rdata
        if mx.exchange == expected.exchange:
            return finding(OK, None)  # with one MX its priority has no effect (Muumuu turns blank into 50)
        if _zone_appended(mx.exchange, expected.exchange, zone):
            return finding(WRONG, "value-has-zone-appended")
        return finding(WRONG, "value-differs")
    # CNAME
    if found_rdata == {expected}:
        return finding(OK, None)
    if len(found_rdata) == 1 and _zone_appended(next(iter(found_rdata)).target, expected.target, zone):
        return finding(WRONG, "value-has-zone-appended")
    return finding(WRONG, "value-differs")


def _compare_txt(record, expected, found_rdata, finding):
    want = txt_text(expected)
    texts = [txt_text(r) for r in found_rdata]
    kind = _txt_kind(want)
    if kind in ("spf", "dmarc") and len(texts) > 1:
        return finding(WRONG, "conflict", f"conflict-{kind}")
    if want in texts:
        return finding(OK, None)
    if any(len(t) >= 2 and t.startswith('"') and t.endswith('"') for t in texts):
        return finding(WRONG, "extra-quotes")
    if kind == "dmarc":
        return finding(WRONG, "value-differs", "value-differs-dmarc")
    return finding(WRONG, "value-differs")


def _not_here(record, zone, view, finding):
    """Nothing at the expected name: look where panels put it by mistake."""
    doubled = doubled_name(record.name, zone)
    if doubled and _holds(view, doubled, record):
        return finding(MISSING, "name-has-zone-appended", found_at=doubled)
    dropped = underscore_dropped(record.name)
    if dropped and _holds(view, dropped, record):
        return finding(MISSING, "underscore-dropped", found_at=dropped)
    return finding(MISSING, None, "missing")


def _holds(view: View, name: str, record: Record) -> bool:
    data = view.get(name, {}).get(record.type, ())
    if record.type == "TXT":
        return any(_relevant_txt(record, r) for r in data)
    return bool(data)


def _txt_kind(text: str) -> str | None:
    lowered = text.strip('"').lower()
    if lowered.startswith("v=spf1"):
        return "spf"
    if lowered.startswith("v=dmarc1"):
        return "dmarc"
    return None


def _relevant_txt(record: Record, rdata) -> bool:
    """The TXT records that compete with this one: other SPF for SPF, other DMARC for DMARC.

    A MAIL FROM name may also hold unrelated TXT (site verifications): those are not shown.
    Quotes typed into the value are stripped first, so a quoted SPF still counts as SPF.
    """
    kind = _txt_kind(record.value)
    return kind is None or _txt_kind(txt_text(rdata)) == kind


def _zone_appended(found: dns.name.Name, expected: dns.name.Name, zone: str) -> bool:
    """`found` is `expected` with the zone appended once more: a value entered without its dot."""
    return found.to_text().lower() == expected.to_text().lower() + zone


def _texts(rdatas, prefix: str = "") -> tuple[str, ...]:
    return tuple(sorted(prefix + r.to_text() for r in rdatas))


def _valid(name: str) -> str | None:
    try:
        dns.name.from_text(name)
    except dns.exception.DNSException:
        return None
    return name


def host(record: Record, zone: str) -> str:
    """The record's name as a panel's host field wants it (relative to the zone)."""
    return names.relative(record.name, zone) if names.is_within(record.name, zone) else record.name
