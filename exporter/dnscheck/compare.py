"""Compare an identity's records with what DNS servers answer: findings, each with a cause.

Pure logic, no network. `questions` is what a verdict needs (asked first), `diagnostic_questions`
the places people put records by mistake (asked only when some verdict is not ok), and `compare`
turns the answers into findings: one per required record (status ok/missing/wrong, a cause code,
the facts the fix sentence needs), then one per record found where it does harm (an SES MX at the
apex). One problem is one finding: a record in the way of another is named in that one's fix.
A wildcard's answer is told apart by a sibling nobody publishes (wildcard_questions), and is
never called a record to delete. docs/check.md lists every cause.

Requirements are judged as receivers judge them: SPF by its terms (exporter/dnscheck/spf.py), DMARC
by policy discovery with the organisational domain's record as fallback (exporter/dnscheck/dmarc.py).
A name that was not asked is unknown, never "absent": a diagnostic cause is only claimed from a
record actually seen, so `compare` gives the same verdicts with or without the diagnostic answers.
"""

from __future__ import annotations

import functools
import re
import secrets
from dataclasses import dataclass, field, replace
from typing import Any

import dns.exception
import dns.name
import dns.rdata
import dns.rdataclass
import dns.rdatatype

from .. import filters, names, psl
from ..model import Record
from . import dmarc, spf
from .wire import name_text

OK, MISSING, WRONG = "ok", "missing", "wrong"
STATUSES = (OK, MISSING, WRONG)

# Every cause code (docs/check.md has a line for each; the catalogues a name for each).
CAUSES = (
    "value-has-zone-appended", "name-has-zone-appended", "extra-quotes", "conflict", "underscore-dropped",
    "servers-disagree", "value-differs", "wrong-type", "misplaced",
    "spf-lacks-include", "spf-include-after-all", "spf-redirect-ignored", "spf-too-many-lookups", "spf-syntax",
    "spf-include-permerror", "spf-unconfirmed", "dmarc-invalid", "dmarc-inherited-weaker",
    "spf-pass-all", "spf-void-lookups", "dmarc-weaker-than-organisation", "dmarc-org-unknown", "wildcard",
    "servers-out-of-sync", "subdomain-dropped", "mail-from-shared",
)

# Every fix sentence key (Finding.fix) and note key (Finding.note); the catalogues hold each.
FIXES = (
    "missing", "value-has-zone-appended", "name-has-zone-appended", "extra-quotes", "extra-quotes-spf",
    "conflict-spf", "conflict-dmarc", "conflict-dmarc-org", "conflict-mx", "conflict-cname", "underscore-dropped",
    "servers-disagree", "value-differs", "value-differs-dmarc", "wrong-type-cname-here", "wrong-type-blocks-cname",
    "delete-ses-mx", "delete-ses-mx-no-mail-from", "dmarc-cname",
    "dmarc-cname-empty", "misplaced", "misplaced-mail-from-mx",
    "misplaced-mail-from-spf", "spf-lacks-include", "spf-include-after-all", "spf-redirect-ignored",
    "spf-too-many-lookups", "spf-syntax", "spf-include-no-record", "spf-include-several", "spf-include-syntax",
    "spf-unconfirmed-unread", "spf-unconfirmed-macro", "dmarc-v-not-first", "dmarc-p-missing", "dmarc-p-invalid",
    "dmarc-sp-invalid", "dmarc-org-invalid", "dmarc-inherited-weaker", "dmarc-missing",
    "spf-pass-all", "spf-pass-all-through", "spf-void-lookups", "spf-unconfirmed-before-macro",
    "dmarc-weaker-than-organisation", "dmarc-org-unknown", "dmarc-org-cname-empty",
    "wildcard", "servers-out-of-sync", "subdomain-dropped", "mail-from-shared",
)
NOTES = ("spf-merged", "spf-through", "dmarc-in-force", "dmarc-inherited", "dmarc-none-applies", "dmarc-org-unknown",
         "dmarc-org-cname-empty")

# What one server holds: owner name -> record type -> the rdata it answered with.
View = dict  # dict[str, dict[str, frozenset[dns.rdata.Rdata]]]

# A sibling name nobody publishes, asked to tell a wildcard's answer from a record of its own (random
# per run, so no zone can hold it on purpose).
WILDCARD_PROBE = f"_ses-export-probe-{secrets.token_hex(4)}"
MAX_CNAME_HOPS = 8  # a CNAME chain to an SPF record longer than this is not followed
SES_MX = re.compile(r"^feedback-smtp\.[a-z0-9-]+\.amazonses\.com\.", re.IGNORECASE)


@dataclass(frozen=True, init=False)
class Finding:
    name: str  # owner name, FQDN with dot
    type: str
    purpose: str  # as in the export JSON: dkim, mail-from-mx, mail-from-spf, dmarc, verification
    status: str  # ok, missing or wrong
    cause: str | None  # a cause code (CAUSES); None when ok or when nothing at all is found
    expected: tuple[str, ...]  # TXT plain text, others presentation form; empty: nothing belongs here
    found: dict[str, tuple[str, ...]]  # server label -> tuple of values at `name` (TXT plain), as `expected`
    fix: str | None = None  # catalogue key (exporter/text/LANG.py CHECK "fix.KEY")
    detail: dict[str, Any] = field(default_factory=dict)  # what the fix sentence names besides name/type/value
    record: Record | None = None  # the required record; None for a record found where it does not belong
    note: str | None = None  # catalogue key ("note.KEY") of a remark on an ok finding

    def __init__(self, name: str, type: str, purpose: str, status: str, cause: str | None,
                 expected: tuple[str, ...], found: dict[str, tuple[str, ...]], fix: str | None = None,
                 detail: dict[str, Any] | None = None, record: Record | None = None, note: str | None = None):
        # The dataclass's own __init__, but one write of the fields instead of an object.__setattr__ each (a
        # frozen dataclass's way): a finding per record per server, sixty thousand for 10,000 identities.
        self.__dict__.update({"name": name, "type": type, "purpose": purpose, "status": status, "cause": cause,
                              "expected": expected, "found": found, "fix": fix,
                              "detail": {} if detail is None else detail, "record": record, "note": note})

    @property
    def values(self) -> tuple[str, ...]:
        """Everything found, whichever server served it."""
        return tuple(sorted({value for values in self.found.values() for value in values}))

    @property
    def value(self) -> str:
        """The record's value as a fix sentence shows it: an MX with its priority, as it is typed."""
        if self.record is None:
            return ""
        return f"{self.record.priority} {self.record.value}" if self.record.type == "MX" else self.record.value


# --- what is required ----------------------------------------------------------------------

LEFT_TO_ORGANISATION = "notice.dmarc-at-organisation"  # exporter/advisories.py: no DMARC record written here


class OrganisationDmarc(Record):
    """The DMARC requirement of an identity that leaves DMARC to its organisational domain: met by
    the organisation's policy; when none applies, a remark with a suggestion, not a failure (SES
    needs no DMARC, and the export wrote no record to publish here). Told apart by its class."""

    __slots__ = ()


def requirements(identity) -> list[Record]:
    """The records the check judges: the identity's own, plus, for an identity below its
    organisational domain that writes no DMARC record of its own (the default there: the
    organisation's policy applies, RFC 7489 6.6.3), its DMARC requirement all the same, so the
    check says whether a policy applies and which, and suggests one where none does."""
    records = list(identity.records)
    left = any(getattr(a, "key", None) == LEFT_TO_ORGANISATION for a in getattr(identity, "advisories", ()))
    if left and not any(r.purpose == "dmarc" for r in records):
        ttl = records[0].ttl if records else 1800
        records.append(OrganisationDmarc(identity.domain, f"_dmarc.{identity.domain}", "TXT", ttl, dmarc.DEFAULT,
                                         "dmarc"))
    return records


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


def without_domainkey(name: str) -> str | None:
    """TOKEN._domainkey.DOMAIN. entered as TOKEN.DOMAIN. (the middle label left out)."""
    first, _, rest = name.partition(".")
    if not rest.startswith("_domainkey."):
        return None
    return _valid(first + "." + rest[len("_domainkey."):])


def one_label_up(record: Record, zone: str) -> str | None:
    """TOKEN._domainkey.PARENT. for a DKIM record of identity SUB.PARENT: the name a DKIM record
    lands at when the subdomain label is forgotten (asked only inside the zone)."""
    above = parent(record.identity)
    token = record.name[:len(record.name) - len("._domainkey." + record.identity)]
    if not above or "." not in above.rstrip(".") or not record.name.endswith("._domainkey." + record.identity):
        return None
    name = _valid(f"{token}._domainkey.{above}")
    return name if name and names.is_within(name, zone) else None


def parent(name: str) -> str | None:
    _, _, rest = name.partition(".")
    return rest or None


def org_dmarc_name(record: Record) -> str | None:
    """_dmarc.ORGANISATIONAL-DOMAIN. when the identity is below its organisational domain."""
    return _org_dmarc(record.identity)


@functools.lru_cache(maxsize=1024)  # asked of every DMARC record in every phase
def _org_dmarc(identity: str) -> str | None:
    org = psl.registrable_domain(identity)
    return f"_dmarc.{org}" if org and org != identity else None


def apexes(records: list[Record], zone: str) -> list[str]:
    """Where an SES MX does harm: the identity's domain and the zone apex."""
    found = {record.identity: None for record in records}
    found[zone] = None
    return list(found)


def questions(records: list[Record], zone: str) -> list[tuple[str, str]]:
    """What the verdicts need, asked first and all at once.

    Each record at its name; the CNAME at an MX/TXT name (a CNAME beside other data, which some
    servers serve); the MX at the identity's domain and zone apex (an SES MX there takes the
    domain's inbound mail); and the organisational domain's _dmarc TXT when the identity is below
    it (inherited DMARC policy).

    A CNAME record (DKIM) is asked as TXT only: a server answers a TXT question at a name that
    holds a CNAME with that CNAME (RFC 1034 4.3.2, step 3a), the same rrset a CNAME question
    returns, and a TXT served beside it (which some servers serve) shows itself. So the CNAME
    question can never add to what the TXT answer shows when that answer holds the CNAME, and it
    is asked (follow_questions) only when the answer does not: a TXT, or nothing.
    """
    wanted: dict[tuple[str, str], None] = {}
    for record in records:
        if record.type == "CNAME":
            wanted[(record.name, "TXT")] = None
        else:
            wanted[(record.name, record.type)] = None
            wanted[(record.name, "CNAME")] = None
        org = org_dmarc_name(record) if record.purpose == "dmarc" else None
        if org:
            wanted[(org, "TXT")] = None
    if records:
        for apex in apexes(records, zone):
            wanted[(apex, "MX")] = None
    return list(wanted)


def diagnostic_questions(records: list[Record], zone: str, unfound: list[Record] | None = None
                         ) -> list[tuple[str, str]]:
    """Where panels put records by mistake, asked when a verdict is not ok: the doubled and the
    underscore-dropped names, a DKIM name without _domainkey, the MAIL FROM name's parent.

    `unfound` (default: every record): the records to look for (`unfound`); the MAIL FROM MX
    name's parent is asked whatever it holds, for an SES MX there is a finding of its own."""
    first = set(questions(records, zone))
    looked_for = records if unfound is None else unfound
    wanted: dict[tuple[str, str], None] = {}
    for record in records:
        places: list[str | None] = []
        if record in looked_for:
            places += [doubled_name(record.name, zone), underscore_dropped(record.name)]
            if record.purpose == "dkim":
                places += [without_domainkey(record.name), one_label_up(record, zone)]
            if record.purpose == "mail-from-spf":
                places.append(parent(record.name))
        if record.purpose == "mail-from-mx":
            places.append(parent(record.name))
        for place in places:
            if place and (place, record.type) not in first:
                wanted[(place, record.type)] = None
    return list(wanted)


def unfound(records: list[Record], zone: str, views: dict[str, View], findings: list[Finding]) -> list[Record]:
    """The records whose diagnostic places (diagnostic_questions) can change their finding: those
    nothing was found for on some server. Those places are read by `_not_here` alone, which a
    server's verdict reaches only when nothing of the record is at its name, and which without
    them says "missing" with no cause; a finding ok on the merged answers is ok on every server."""
    return [record for record, finding in zip(records, findings) if finding.status != OK and any(
        (one.status, one.cause) == (MISSING, None)
        for one in (compare_one(record, zone, view, label) for label, view in views.items()))]


# --- values --------------------------------------------------------------------------------

def expected_rdata(record: Record) -> dns.rdata.Rdata:
    """The record's value as dnspython rdata, so it compares and prints as DNS answers do."""
    if record.type == "TXT":
        text = filters.bind_txt(record.value)
    elif record.type == "MX":
        text = f"{record.priority} {record.value}"
    else:
        text = record.value
    return dns.rdata.from_text(dns.rdataclass.IN, dns.rdatatype.from_text(record.type), text)


def txt_text(rdata: Any) -> str:  # a TXT rdata (dns.rdtypes.ANY.TXT.TXT)
    """A TXT record's text as SPF and DMARC read it: its character-strings joined."""
    return b"".join(rdata.strings).decode("ascii", errors="backslashreplace")


def shown(rdata: Any, prefix: str = "") -> str:  # a dns.rdata.Rdata
    """A value as the report shows it: TXT as plain text (as the export JSON), others presented."""
    rdtype = rdata.rdtype
    if rdtype == dns.rdatatype.CNAME:  # the text dnspython gives (to_text), made faster for plain names
        return prefix + name_text(rdata.target)
    if rdtype == dns.rdatatype.MX:
        return f"{prefix}{rdata.preference} {name_text(rdata.exchange)}"
    return prefix + (txt_text(rdata) if rdtype == dns.rdatatype.TXT else rdata.to_text())


def expected_values(record: Record) -> tuple[str, ...]:
    """As `shown` would show the expected rdata, without parsing it (a thousand identities are
    compared in one run)."""
    return (f"{record.priority} {record.value}" if record.type == "MX" else record.value,)


# --- comparing -----------------------------------------------------------------------------

def compare(records: list[Record], zone: str, views: dict[str, View], shared: dict | None = None) -> list[Finding]:
    """The findings: one per record in order, then the records found where they do not belong.

    `views` maps each server that answered to what it answered. When the servers do not all lead
    to the same finding, a server showing a known mistake has that mistake reported (it will not
    go away by waiting); otherwise the change is still travelling: wrong, servers-disagree, unless
    they all give the same SOA serial (asked then): the same version of the zone served two ways
    will not converge, servers-out-of-sync. `shared` maps a MAIL FROM name to the SES regions of
    every identity of the run that uses it (mail_from_regions).
    """
    if not views:
        raise ValueError("compare needs the answers of at least one server")
    judged = {server: _judge_all(records, zone, view, server, shared) for server, view in views.items()}
    serials = {view.get(zone, {}).get("SOA", frozenset()) for view in views.values()}
    serial = next(iter(next(iter(serials)))).serial if len(serials) == 1 and all(serials) else None
    findings = [_merge([judged[server][0][index] for server in views], serial) for index in range(len(records))]
    extra_keys: dict = {}
    for server in views:
        for key in judged[server][1]:
            extra_keys[key] = None
    for key in extra_keys:
        having = [judged[server][1][key] for server in views if key in judged[server][1]]
        merged = _merge(having, serial)
        if len(having) < len(views):  # the other servers serve nothing of it
            found = {server: merged.found.get(server, ()) for server in views}
            merged = replace(merged, found=found,
                             detail={**merged.detail, "only_on": [s for s in views if key in judged[s][1]]})
        findings.append(merged)
    return findings


def _merge(per_server: list[Finding], serial: int | None = None) -> Finding:
    first = per_server[0]
    if len(per_server) == 1:  # one server: its finding as it is
        return first
    found = {server: values for f in per_server for server, values in f.found.items()}
    if len({(f.status, f.cause, tuple(f.found.values())[0] if f.found else ()) for f in per_server}) <= 1:
        return replace(first, found=found)
    known = [f for f in per_server if f.status != OK and f.cause not in (None, "value-differs")]
    if known:
        mistake = known[0]
        servers = [s for f in per_server if (f.status, f.cause) == (mistake.status, mistake.cause) for s in f.found]
        if len(servers) == len(found):  # the same mistake everywhere, with different values
            return replace(mistake, found=found)
        return replace(mistake, found=found, detail={**mistake.detail, "only_on": servers})
    states = [(server, f.status, f.cause) for f in per_server for server in f.found]
    if serial is not None:  # each server judged on its own: waiting will not change what it serves
        return Finding(first.name, first.type, first.purpose, WRONG, "servers-out-of-sync", first.expected, found,
                       "servers-out-of-sync", {"per_server": states, "serial": serial}, first.record)
    return Finding(first.name, first.type, first.purpose, WRONG, "servers-disagree", first.expected, found,
                   "servers-disagree", {"per_server": states}, first.record)


def _judge_all(records, zone, view, server, shared=None) -> tuple[list[Finding], dict]:
    """One server's findings: per record, and the misplaced records keyed (name, type, cause)."""
    extras: dict = {}
    findings = [_wildcarded(compare_one(record, zone, view, server, extras), view) for record in records]
    if shared:
        findings = [_shared_mail_from(f, shared) for f in findings]
    parents = [above for r in records if r.purpose == "mail-from-mx" and (above := parent(r.name))]
    mail_from = next((r.name for r in records if r.purpose == "mail-from-mx"), None)
    for apex in dict.fromkeys(apexes(records, zone) + parents):  # the MAIL FROM name's parent is often the apex
        mxs = view.get(apex, {}).get("MX")
        ses = {mx for mx in mxs if SES_MX.match(mx.exchange.to_text())} if mxs else None
        if ses and apex != mail_from and not synthesised(view, apex):
            extras.setdefault((apex, "MX", "misplaced"), Finding(
                apex, "MX", "mail-from-mx", WRONG, "misplaced", (), {server: tuple(sorted(shown(r) for r in ses))},
                "delete-ses-mx" if mail_from else "delete-ses-mx-no-mail-from",
                {"domain": filters.no_final_dot(apex), "mail_from": mail_from or ""}))
    return findings, extras


def mail_from_regions(identities) -> dict[str, list[str]]:
    """MAIL FROM name -> the SES regions of the identities that use it, where there are several:
    one name holds one SES MX, so identities of two regions cannot share it."""
    regions: dict[str, set[str]] = {}
    for identity in identities:
        for record in getattr(identity, "records", ()):
            if record.purpose == "mail-from-mx":
                regions.setdefault(record.name, set()).add(_region_of(record.value))
    return {name: sorted(found) for name, found in regions.items() if len(found) > 1}


def _region_of(exchange: str) -> str:
    """feedback-smtp.REGION.amazonses.com. -> REGION."""
    return exchange.split(".")[1] if SES_MX.match(exchange) else exchange


def _shared_mail_from(finding: Finding, shared: dict) -> Finding:
    """One finding that names every region, instead of each region's fix breaking the other's."""
    regions = shared.get(finding.name) if finding.purpose == "mail-from-mx" else None
    if not regions or finding.record is None:
        return finding
    return replace(finding, status=WRONG, cause="mail-from-shared", fix="mail-from-shared", note=None,
                   detail={"regions": ", ".join(regions), "region": _region_of(finding.record.value),
                           "domain": filters.no_final_dot(finding.record.identity)})


def probe_name(name: str) -> str | None:
    """A sibling of `name` that nobody publishes: what a wildcard answers there, it answers anywhere."""
    above = parent(name)
    return _valid(f"{WILDCARD_PROBE}.{above}") if above and above != "." else None


def wildcard_questions(findings: list[Finding], views: dict[str, View]) -> list[tuple[str, str]]:
    """The probe names to ask, with the types found, for every finding that is not ok and found
    something at its name: a wildcard's answer must never be called a record to delete."""
    wanted: dict[tuple[str, str], None] = {}
    for f in findings:
        if f.status == OK or not f.values:
            continue
        probe = probe_name(f.name)
        for view in views.values():
            for rdtype, data in view.get(f.name, {}).items():
                if data and probe:
                    wanted[(probe, rdtype)] = None
    return list(wanted)


def synthesised(view: View, name: str) -> bool:
    """What the server answers at `name` is what it answers at a sibling nobody publishes: a
    wildcard's answer (RFC 1034 4.3.3), nothing of the name's own."""
    found = {rdtype: data for rdtype, data in view.get(name, {}).items() if data}
    probe = view.get(probe_name(name) or "", None)
    if not found or probe is None:
        return False
    return all(rdtype in probe and probe[rdtype] == data for rdtype, data in found.items())


def _wildcarded(finding: Finding, view: View) -> Finding:
    """A finding about what a wildcard answers: add the record at the name (it overrides the
    wildcard there), never "delete" what is not a record of the name's own."""
    if finding.status == OK or not finding.values or not synthesised(view, finding.name):
        return finding
    found_types = sorted(t for t, data in view.get(finding.name, {}).items() if data)
    return replace(finding, status=MISSING, cause="wildcard", fix="wildcard",
                   detail={"found_type": ", ".join(found_types), "parent": filters.no_final_dot(parent(finding.name) or "")})


def compare_one(record: Record, zone: str, view: View, server: str = "-", extras: dict | None = None) -> Finding:
    """What one server's answers say about one record (`extras` collects the records it finds
    where they do not belong)."""
    extras = {} if extras is None else extras
    at_name = view.get(record.name, {})
    cnames = at_name.get("CNAME", frozenset())
    others = {rtype: data for rtype, data in at_name.items() if rtype != "CNAME" and data}

    def finding(status, cause, values=(), fix=None, note=None, **detail):
        return Finding(record.name, record.type, record.purpose, status, cause, expected_values(record),
                       {server: tuple(sorted(values))}, fix or cause, detail, record, note)

    if record.type == "CNAME":
        return _judge_cname(record, zone, view, cnames, others, finding, extras, server)
    if cnames:
        values = [shown(r, "CNAME ") for r in cnames]
        if others:
            return finding(WRONG, "conflict", values + [shown(r, f"{t} ") for t, rs in others.items() for r in rs],
                           "conflict-cname")
        if record.purpose == "dmarc" and len(cnames) == 1:
            # Hosted DMARC: a service publishes the record at the CNAME's target, which receivers follow.
            target = next(iter(cnames)).target.to_text().lower()
            texts = txt_at(view, target)
            if isinstance(texts, str):  # no server answered for it
                return finding(WRONG, "wrong-type", values, "dmarc-cname", target=target)
            hosted = _judge_dmarc(record, zone, view, texts, finding)
            if hosted.status != OK and not any(dmarc.looks_like_dmarc(t) for t in texts):
                # Nothing there, and the usual fix (a TXT record at this name) cannot sit beside the CNAME.
                return finding(WRONG, "wrong-type", values, "dmarc-cname-empty", target=target)
            return replace(hosted, found={server: tuple(values) + hosted.found[server]})
        return finding(WRONG, "wrong-type", values, "wrong-type-cname-here")
    if record.type == "MX":
        return _judge_mx(record, zone, view, others.get("MX", frozenset()), finding)
    texts = [txt_text(r) for r in others.get("TXT", ())]
    if record.purpose == "mail-from-spf":
        return _judge_spf(record, zone, view, texts, finding)
    if record.purpose == "dmarc":
        judged = _judge_dmarc(record, zone, view, texts, finding)
        # The identity writes no DMARC record of its own (the organisation's applies): the requirement's
        # placeholder value is nothing to expect; the fix says what to do.
        return replace(judged, expected=()) if isinstance(record, OrganisationDmarc) else judged
    return _judge_txt(record, zone, view, texts, finding)


def _judge_cname(record, zone, view, cnames, others, finding, extras, server):
    if cnames and others:
        values = [shown(r, "CNAME ") for r in cnames] + [shown(r, f"{t} ") for t, rs in others.items() for r in rs]
        return finding(WRONG, "conflict", values, "conflict-cname")
    if not cnames:
        if others:  # one problem, one finding: its fix says to delete what blocks the CNAME
            blocking = sorted(shown(r, f"{t} ") for t, rs in others.items() for r in rs)
            return finding(MISSING, "wrong-type", blocking, "wrong-type-blocks-cname",
                           found_type=", ".join(sorted(others)))
        return _not_here(record, zone, view, finding, extras, server)
    values = [shown(r) for r in cnames]
    # The same name: its text is the value's but for case (names compare without case), or else the
    # names read from the texts are equal (an escape in the value).
    if len(cnames) == 1 and values[0].lower() == record.value.lower():
        return finding(OK, None, values)
    target = _name(record.value)
    if len(cnames) == 1 and next(iter(cnames)).target == target:
        return finding(OK, None, values)
    if len(cnames) == 1 and _zone_appended(next(iter(cnames)).target, target, zone):
        return finding(WRONG, "value-has-zone-appended", values)
    return finding(WRONG, "value-differs", values)


@functools.lru_cache(maxsize=1024)
def _tag_set(text: str) -> frozenset[tuple[str, str]]:
    """A DMARC record's tags (dmarc.tags) as a set, compared as the dicts are: kept, as for every identity
    the record found and the one written are the same few texts."""
    return frozenset(dmarc.tags(text).items())


@functools.lru_cache(maxsize=1024)
def _name(text: str) -> dns.name.Name:
    """A record's value as a name (immutable, so kept): the MX of every identity of a region is one value."""
    return dns.name.from_text(text)


def _judge_mx(record, zone, view, mxs, finding):
    values = [shown(r) for r in mxs]
    if not mxs:
        return _not_here(record, zone, view, finding)
    if len(mxs) > 1:
        return finding(WRONG, "conflict", values, "conflict-mx")
    (mx,) = mxs
    exchange = _name(record.value)
    if mx.exchange.labels == exchange.labels or mx.exchange == exchange:  # the same labels: equal, without a compare
        return finding(OK, None, values)  # with one MX its priority has no effect (Muumuu turns blank into 50)
    if _zone_appended(mx.exchange, exchange, zone):
        return finding(WRONG, "value-has-zone-appended", values)
    return finding(WRONG, "value-differs", values)


def _quoted(text: str) -> str | None:
    """The text inside quotes typed into a panel that adds its own, or None."""
    if len(text) >= 2 and text.startswith('"') and text.endswith('"'):
        return text[1:-1].replace('\\"', '"')
    return None


def _judge_spf(record, zone, view, texts, finding):
    records = sorted(t for t in texts if spf.is_spf(t))
    unquoted = sorted((t, inner) for t in texts if (inner := _quoted(t)) is not None and spf.is_spf(inner))
    values = records + [t for t, _ in unquoted]
    if len(records) > 1:
        return finding(WRONG, "conflict", values, "conflict-spf", suggested=merged_spf(records))
    if not records:
        if unquoted:
            inner = unquoted[0][1]
            suggested = inner if spf.judge(inner).ok else spf.with_ses_include(inner)
            return finding(WRONG, "extra-quotes", values, "extra-quotes-spf", suggested=suggested)
        return _not_here(record, zone, view, finding)
    verdict = spf.judge(records[0], spf_lookup(view), spf_answers(view), record.name)
    if verdict.ok:
        merged = " ".join(records[0].split()).lower() != record.value.lower()
        return finding(OK, None, values, note=verdict.note or ("spf-merged" if merged else None), **verdict.detail)
    return finding(WRONG, verdict.cause, values, verdict.fix, **verdict.detail)


def txt_at(view: View, name: str) -> list[str] | str:
    """The TXT texts a resolver finds at `name` in this server's answers, a CNAME followed as
    resolvers follow it; or the name still to be asked when its TXT was not asked or not answered."""
    for _ in range(MAX_CNAME_HOPS):
        at_name = view.get(name, {})
        if "TXT" not in at_name and "CNAME" not in at_name:
            return name
        if at_name.get("TXT") or not at_name.get("CNAME"):
            return [txt_text(r) for r in at_name.get("TXT", ())]
        name = next(iter(at_name["CNAME"])).target.to_text().lower()
    return []  # a CNAME loop or a long chain: resolvers give up; no record


def spf_lookup(view: View) -> spf.Lookup:
    """What the SPF evaluation sees at a name in this server's answers (txt_at)."""
    return lambda name: txt_at(view, name)


def spf_answers(view: View) -> spf.Answers:
    """What an SPF `a`, `mx` or `exists` look-up finds at a name in this server's answers (empty:
    a void look-up; a CNAME there counts as an answer), or the name when it was not asked."""
    def answers(name: str, rdtype: str):
        at_name = view.get(name, {})
        if rdtype not in at_name:
            return name
        return at_name[rdtype] | at_name.get("CNAME", frozenset())
    return answers


def follow_questions(records: list[Record], zone: str, views: dict[str, View]) -> list[tuple[str, str]]:
    """The records the verdicts need next, found only in the answers so far: the names an
    include: or redirect= of the one SPF record at the MAIL FROM name leads to, where the
    CNAME at a _dmarc name leads (hosted DMARC), and the CNAME at a CNAME record's name when the
    TXT answer there did not hold it (`questions`). exporter/dnscheck/run.py asks them round by round,
    one level of includes or CNAMEs each."""
    wanted: dict[tuple[str, str], None] = {}
    for record in records:
        for view in views.values():
            if record.type == "CNAME" and "CNAME" not in view.get(record.name, {"CNAME": None}):
                wanted[(record.name, "CNAME")] = None  # the TXT answer did not hold it (questions says why)
            if record.purpose == "mail-from-spf":
                texts = [t for r in view.get(record.name, {}).get("TXT", ()) if spf.is_spf(t := txt_text(r))]
                if len(texts) == 1:
                    for question in spf.unread_questions(texts[0], spf_lookup(view), spf_answers(view), record.name):
                        wanted[question] = None
            if record.purpose == "dmarc":
                for name in filter(None, (record.name, org_dmarc_name(record))):
                    found = txt_at(view, name)
                    if isinstance(found, str) and found != name:  # a CNAME's target, not yet asked
                        wanted[(found, "TXT")] = None
    return list(wanted)


def merged_spf(records: list[str]) -> str:
    """One record authorizing everything the several did, with SES, ending with the strictest `all`."""
    mechanisms: dict[str, None] = {}
    finals = []
    for text in records:
        try:
            for term in spf.terms(text):
                if term.modifier:
                    if term.name == "redirect" and term.argument:  # its senders, kept as an include
                        mechanisms.setdefault(f"include:{term.argument}", None)
                    continue
                if term.name == "all":
                    finals.append(term)
                    break
                mechanisms.setdefault(term.text, None)
        except ValueError:
            continue
    final = min(finals, key=lambda t: "-~?+".index(t.qualifier), default=None)
    merged = "v=spf1 " + " ".join(list(mechanisms) + ([final.text] if final else []))
    return merged if spf.judge(merged).ok else spf.with_ses_include(merged)


@dataclass(frozen=True)
class _OrgPolicy:
    """What the organisational domain's _dmarc says for an identity below it."""

    state: str  # "policy", "absent", "conflict", "invalid", "unknown" (no answer), "cname-empty", "" (no organisation)
    record: dmarc.Record | None = None
    target: str = ""  # where its CNAME leads (or its own name when nobody answered for it)

    @property
    def policy(self) -> str | None:
        return self.record.subdomain_policy if self.state == "policy" and self.record else None


def _org_policy(view: View, org_name: str | None) -> _OrgPolicy:
    if not org_name:
        return _OrgPolicy("")
    texts = txt_at(view, org_name)
    cnames = view.get(org_name, {}).get("CNAME", frozenset())
    target = next(iter(cnames)).target.to_text().lower() if len(cnames) == 1 else ""
    if isinstance(texts, str):  # nobody answered for it (or for its CNAME's target)
        return _OrgPolicy("unknown", target=texts)
    kept = [t for t in texts if dmarc.is_dmarc(t)]
    if len(kept) > 1:
        return _OrgPolicy("conflict")
    if not kept:
        # A CNAME that leads to no record: the record is meant to be hosted there, and a TXT
        # record cannot be added beside the CNAME: could not tell, not "add one".
        return _OrgPolicy("cname-empty", target=target) if target else _OrgPolicy("absent")
    org = dmarc.read(kept[0])
    if org.problem and org.subdomain_policy is None:
        return _OrgPolicy("invalid", org)
    return _OrgPolicy("policy", org)


def _inherited(finding, org_name, org: _OrgPolicy):
    record = org.record
    assert record is not None
    return replace(finding(OK, None, (), note="dmarc-inherited", org=org_name, policy=record.subdomain_policy,
                           tag=record.subdomain_tag, pct=record.pct), expected=())


def _judge_dmarc(record, zone, view, texts, finding):
    meant = sorted(t for t in texts if dmarc.looks_like_dmarc(t))
    kept = [t for t in meant if dmarc.is_dmarc(t)]
    wanted = dmarc.policy_of(record.value)
    org_name = org_dmarc_name(record)
    org = _org_policy(view, org_name)
    # Never suggest a policy weaker than the one asked for or the one the organisation applies.
    floor = dmarc.strongest(wanted, org.policy)

    def value() -> str:  # the record to suggest (not worked out for a record that is right)
        return dmarc.raised(record.value, floor)

    if len(kept) > 1:
        strongest = max((dmarc.read(t).policy for t in kept), key=dmarc.strength)
        return finding(WRONG, "conflict", meant, "conflict-dmarc", policy=strongest or "-")
    if kept:
        found = dmarc.read(kept[0])
        if found.problem:
            return finding(WRONG, "dmarc-invalid", meant, found.problem, value=value())
        if org.policy is not None and dmarc.strength(found.policy) < dmarc.strength(org.policy):
            # Its own record overrides the organisation's policy for this name (RFC 7489 6.6.3).
            assert org.record is not None
            return finding(WRONG, "dmarc-weaker-than-organisation", meant, policy=found.policy, org=org_name,
                           org_policy=org.policy, tag=org.record.subdomain_tag,
                           suggested=dmarc.raised(kept[0].strip(), floor))
        if dmarc.strength(found.policy) >= dmarc.strength(wanted):
            differs = _tag_set(kept[0]) != _tag_set(record.value)
            return finding(OK, None, meant, note="dmarc-in-force" if differs else None, policy=found.policy)
        return finding(WRONG, "value-differs", meant, "value-differs-dmarc", policy=found.policy, value=value())
    if meant:  # meant as DMARC, discarded by receivers: the fix keeps what it meant, never weaker
        inner = _quoted(meant[0])
        if inner is not None and dmarc.is_dmarc(inner):
            return finding(WRONG, "extra-quotes", meant, value=dmarc.raised(inner, floor))
        meant_as = dmarc.v_first(meant[0])
        return finding(WRONG, "dmarc-invalid", meant, "dmarc-v-not-first",
                       value=dmarc.raised(meant_as, floor) if meant_as else value())

    if org.state == "conflict":
        return finding(MISSING, "conflict", (), "conflict-dmarc-org", org=org_name)
    if org.state == "invalid":
        return finding(MISSING, "dmarc-invalid", (), "dmarc-org-invalid", org=org_name)
    if org.state in ("unknown", "cname-empty"):
        detail = {"org": org_name, "target": org.target, "domain": filters.no_final_dot(record.identity)}
        if isinstance(record, OrganisationDmarc):
            return replace(finding(OK, None, (), note=f"dmarc-org-{org.state}", **detail), expected=())
        return finding(MISSING, "dmarc-org-unknown", (), f"dmarc-org-{org.state}", **detail)
    if isinstance(record, OrganisationDmarc):
        if org.policy is not None:
            return _inherited(finding, org_name, org)
        return replace(finding(OK, None, (), note="dmarc-none-applies", dmarc_at=org_name or record.name,
                               dmarc_host=host_of(org_name or record.name, zone),
                               domain=filters.no_final_dot(record.identity)), expected=())
    if org.policy is not None:
        assert org.record is not None
        if dmarc.strength(org.policy) >= dmarc.strength(wanted):
            # Nothing is expected here: publishing --dmarc's p=none would switch enforcement off.
            return _inherited(finding, org_name, org)
        return finding(MISSING, "dmarc-inherited-weaker", (), org=org_name, policy=org.policy,
                       tag=org.record.subdomain_tag, pct=org.record.pct)
    placed = _not_here(record, zone, view, finding)
    if placed.cause is not None:
        return placed
    # No policy applies: the record goes at the identity's own _dmarc name, never the organisation's
    # (there it would apply to every other name of the organisation too).
    return finding(MISSING, None, (), "dmarc-missing", dmarc_at=record.name, dmarc_host=host_of(record.name, zone),
                   domain=filters.no_final_dot(record.identity))


def _judge_txt(record, zone, view, texts, finding):
    if not texts:
        return _not_here(record, zone, view, finding)
    want = record.value
    if want in texts or (record.purpose == "dkim" and any(same_dkim_key(t, want) for t in texts)):
        return finding(OK, None, texts)
    if any(_quoted(t) == want for t in texts):
        return finding(WRONG, "extra-quotes", texts)
    return finding(WRONG, "value-differs", texts)


def _not_here(record, zone, view, finding, extras=None, server="-"):
    """Nothing of the record's type at its name: look where panels put it by mistake."""
    doubled = doubled_name(record.name, zone)
    if doubled and _holds(view, doubled, record):
        return finding(MISSING, "name-has-zone-appended", found_at=doubled)
    dropped = underscore_dropped(record.name)
    if dropped and _holds(view, dropped, record):
        return finding(MISSING, "underscore-dropped", found_at=dropped)
    if record.purpose == "dkim":
        bare = without_domainkey(record.name)
        if bare and _holds(view, bare, record):  # one finding: its fix says to delete the one there
            return finding(MISSING, "misplaced", found_at=bare)
        higher = one_label_up(record, zone)
        if higher and _holds(view, higher, record):
            return finding(MISSING, "subdomain-dropped", found_at=higher, parent=filters.no_final_dot(parent(
                record.identity) or ""), domain=filters.no_final_dot(record.identity))
    if record.purpose in ("mail-from-mx", "mail-from-spf"):
        above = parent(record.name)
        if above and _holds(view, above, record):
            return finding(MISSING, "misplaced", (), f"misplaced-{record.purpose}", found_at=above)
    return finding(MISSING, None, (), "missing")


def _holds(view: View, name: str, record: Record) -> bool:
    """The record, or one of its kind (an SES MX, an SPF including SES, a DMARC), is at `name`."""
    data = view.get(name, {}).get(record.type, ())
    if record.type == "MX":
        return any(SES_MX.match(r.exchange.to_text()) for r in data)
    if record.type == "TXT":
        texts = [txt_text(r) for r in data]
        if record.purpose == "mail-from-spf":
            return any(spf.is_spf(t) and "amazonses.com" in t.lower() for t in texts)
        if record.purpose == "dmarc":
            return any(dmarc.looks_like_dmarc(t) for t in texts)
        if record.purpose == "dkim":
            return any(same_dkim_key(t, record.value) for t in texts)
        return record.value in texts
    return bool(data)


def dkim_tags(text: str) -> dict[str, str] | None:
    """A DKIM key record as a tag list (RFC 6376 3.6.1, 3.2): tag -> value with every whitespace
    removed (a base64 key may be folded anywhere); None when it is not one (a repeated tag, or v=
    not first, or a v= other than DKIM1)."""
    tags: dict[str, str] = {}
    parts = [part for part in text.split(";") if part.strip()]
    for index, part in enumerate(parts):
        name, sep, value = part.partition("=")
        name = name.strip()
        if not sep or not name or name in tags:
            return None
        tags[name] = "".join(value.split())
        if name == "v" and (index or tags["v"] != "DKIM1"):
            return None
    return tags


def same_dkim_key(found: str, wanted: str) -> bool:
    """The same public key of the same type, as verifiers read the two records: whitespace, split
    strings, v=DKIM1 and the default k=rsa make no difference."""
    a, b = dkim_tags(found), dkim_tags(wanted)
    if a is None or b is None or not a.get("p"):
        return False
    return a["p"] == b.get("p") and a.get("k", "rsa").lower() == b.get("k", "rsa").lower()


def _zone_appended(found: dns.name.Name, expected: dns.name.Name, zone: str) -> bool:
    """`found` is `expected` with the zone appended once more: a value entered without its dot."""
    return found.to_text().lower() == expected.to_text().lower() + zone


def _valid(name: str) -> str | None:
    try:
        dns.name.from_text(name)
    except dns.exception.DNSException:
        return None
    return name


def host_of(name: str, zone: str) -> str:
    """A name as a panel's host field wants it (relative to the zone; the FQDN outside it)."""
    return names.relative(name, zone) if names.is_within(name, zone) else name


def host(record: Record, zone: str) -> str:
    """The record's name as a panel's host field wants it (relative to the zone)."""
    return host_of(record.name, zone)
