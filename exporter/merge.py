"""--merge-live: an identity's records merged with what its zone already publishes (docs/formats.md).

exporter/dnscheck/live.py asks DNS; this module decides, with no network, so that no output
weakens, replaces or duplicates a record that protects the domain (docs/design.md):

- DMARC at _dmarc.IDENTITY: a valid record is kept (none written); one receivers would not
  apply is left as it is and reported with --check's cause, unless --dmarc replaces it; an
  explicit --dmarc weaker than the record it replaces, or than the organisation's policy for a
  subdomain (sp=, else p=: RFC 7489 6.6.3), is refused.
- SPF at the MAIL FROM name: a record that already lets SES's mail pass is kept; another one
  gets include:amazonses.com before its `all`, every other term kept in order (dnscheck/spf.py
  with_ses_include) and is judged as receivers judge it (RFC 7208, dnscheck/spf.py judge). Where no
  valid merge exists (two records, a permerror, more than 10 look-ups once merged, `+all`),
  the run is refused, naming the record and the reason.
- Every other TXT string at those names is carried (Identity.carried) into the formats that
  write a whole record set, so applying them deletes nothing.

Each decision adds a note (a Phrase of the NOTICES catalogue, en and ja) that the headers, the
instructions and stderr show.
"""

from __future__ import annotations

from collections.abc import Sequence

from . import advisories
from .dnscheck import dmarc, spf
from .dnscheck.live import Published
from .errors import InputError
from .model import AUTO_DMARC, CARRIED, Identity, Record, checked_txt, in_zone_found
from .phrase import Phrase


def merge_live(identities: Sequence[Identity], nameservers: Sequence[str] = (), timeout: float | None = None,
               max_queries: int | None = None, dmarc_choice: str | None = AUTO_DMARC) -> list[Identity]:
    """The identities merged with what their zones publish (--merge-live for a program): DNS asked
    as --check asks it (`nameservers`: HOST[:PORT] strings, default the zones' own servers), every
    identity at once. `dmarc_choice` is the Options.dmarc they were made with. DnsError when DNS
    cannot be asked, InputError where no valid merge exists."""
    from .dnscheck.ask import MAX_QUERIES, QUERY_TIMEOUT, parse_nameserver
    from .dnscheck.live import read

    servers = [parse_nameserver(text) for text in nameservers]
    published = read(identities, servers, timeout or QUERY_TIMEOUT, max_queries or MAX_QUERIES)
    return [merge(identity, found, dmarc_choice) for identity, found in zip(identities, published)]


class Refusal(Exception):
    """No valid merge: the reason (a Phrase of MESSAGES), in words that follow the record's name."""

    def __init__(self, reason: Phrase):
        super().__init__(reason)
        self.reason = reason

    def __str__(self) -> str:  # English, as an ExportError's
        from .text import plain

        return plain(self.reason)


def _words(error: InputError) -> object:
    """An InputError quoted inside another sentence: its Phrase where it has one, so both are said in one language."""
    return error.phrase if error.phrase is not None and error.option is None else str(error)


def merge(identity: Identity, published: Published, dmarc_choice: str | None = AUTO_DMARC) -> Identity:
    """`identity` as it is to be written into the zone `published` shows; InputError when the
    zone holds what cannot be merged (exit 2). `dmarc_choice` is Options.dmarc: a record's text
    (--dmarc), AUTO_DMARC or None (--no-dmarc)."""
    identity = in_zone_found(identity, published.zone)
    records = list(identity.records)
    notes: list[Phrase] = [advisories.live_read(zone=published.zone[:-1], servers=", ".join(published.servers))]
    carried: list[Record] = []
    read_live: list[str] = []
    replaced: list[Record] = []

    for mx in (r for r in records if r.type == "MX"):
        others = [exchange for exchange in published.exchanges(mx.name) if exchange != mx.value]
        if others:
            # SES's custom MAIL FROM fails where the name holds more than one MX ("Using a custom MAIL FROM
            # domain"), and an UPSERT of SES's MX would take the other's place: mail to it would be lost.
            raise InputError(Phrase("error.merge-mx-taken", name=mx.name[:-1],
                                    others=", ".join(o[:-1] for o in others)), option="merge_live")

    spf_record = next((r for r in records if r.purpose == "mail-from-spf"), None)
    if spf_record is not None:
        found = published.texts(spf_record.name)
        kept, merged, others = _spf(spf_record, found, published)
        if kept is not None:
            records.remove(spf_record)
            notes.append(advisories.live_spf_kept(name=spf_record.name[:-1], value=kept))
        else:
            if merged is not None:
                records[records.index(spf_record)] = spf_record._replace(value=merged)
                published_spf = next(t for t in found if spf.is_spf(t))
                replaced.append(spf_record._replace(value=published_spf))
                notes.append(advisories.live_spf_merged(name=spf_record.name[:-1], found=published_spf, value=merged))
            carried += _carry(spf_record, others, notes)
            if found:
                read_live.append(spf_record.name)

    dmarc_name = f"_dmarc.{identity.domain}"
    ours = next((r for r in records if r.purpose == "dmarc"), None)
    if dmarc_choice is not None:  # --no-dmarc: nothing of DMARC is written, nothing to decide
        keep, said, others = _dmarc(identity, ours, published, dmarc_choice != AUTO_DMARC)
        if keep is not None:  # the published record stays: none is written
            notes.append(keep)
        notes += said
        if keep is not None and ours is not None:
            records.remove(ours)
        elif keep is None and ours is not None:
            if published.cname(dmarc_name):
                raise InputError(Phrase("error.merge-dmarc-cname", name=dmarc_name[:-1],
                                        target=str(published.cname(dmarc_name))), option="merge_live")
            carried += _carry(ours, others, notes)
            replaced += [ours._replace(value=text) for text in published.texts(dmarc_name)
                         if dmarc.looks_like_dmarc(text)]
            if published.texts(dmarc_name):
                read_live.append(dmarc_name)

    if any(dmarc.looks_like_dmarc(text) for text in published.texts(dmarc_name)):
        # "No DMARC record for X ... the organisation's policy applies" is no longer true: X has one.
        identity = identity._replace(advisories=tuple(a for a in identity.advisories
                                                      if a.key != "notice.dmarc-at-organisation"))
    return identity._replace(records=tuple(records), carried=tuple(carried), read_live=tuple(read_live),
                             replaced=tuple(replaced), advisories=identity.advisories + tuple(notes))


# --- SPF -----------------------------------------------------------------------------------

def _spf(record: Record, found: list[str], published: Published) -> tuple[str | None, str | None, list[str]]:
    """(the live record kept as it is, or None; the merged value, or None when nothing is there;
    the other TXT strings at the name)."""
    if published.cname(record.name):
        raise InputError(Phrase("error.merge-mail-from-cname", name=record.name[:-1],
                                target=str(published.cname(record.name))), option="merge_live")
    records = [t for t in found if spf.is_spf(t)]
    others = [t for t in found if not spf.is_spf(t)]
    if len(records) > 1:
        raise InputError(Phrase("error.merge-two-spf", name=record.name[:-1], count=len(records),
                                records=" | ".join(sorted(records))), option="merge_live")
    if not records:
        return None, None, others
    try:
        kept, merged = merged_spf(records[0], published.lookup())
    except Refusal as e:
        raise InputError(Phrase("error.merge-spf", name=record.name[:-1], record=records[0], reason=e.reason),
                         option="merge_live") from None
    return kept, merged, others


def merged_spf(text: str, lookup: spf.Lookup) -> tuple[str | None, str | None]:
    """(text, None) when the SPF record `text` already lets SES's mail pass; else (None, the
    record with include:amazonses.com before its `all`), judged as receivers judge it with the
    records `lookup` knows. Refusal when no valid merge exists."""
    try:
        checked_txt(text)
    except InputError as e:
        raise Refusal(Phrase("error.spf-unwritable", reason=_words(e))) from None
    verdict = spf.judge(text, lookup)
    _refuse_spf(verdict, text, merged=False)
    if verdict.ok:
        return text, None
    try:
        parsed = spf.terms(text)
    except ValueError as e:  # judge said so already; kept for the type checker's sake
        raise Refusal(Phrase("error.spf-not-term", term=str(e))) from None
    odd = next((t for t in parsed if not t.modifier and t.name == "include" and t.qualifier != "+"
                and t.argument.lower().rstrip(".") == spf.SES_INCLUDE), None)
    if odd is not None:
        raise Refusal(Phrase("error.spf-qualifier", term=odd.text))
    merged = spf.with_ses_include(text)
    _refuse_spf(spf.judge(merged, lookup), merged, merged=True)
    try:
        checked_txt(merged)
    except InputError as e:
        raise Refusal(Phrase("error.spf-too-long", reason=_words(e))) from None
    return None, merged


def _refuse_spf(verdict: spf.Verdict, text: str, merged: bool) -> None:
    """Refusal for what receivers would not accept: a permerror, `+all`, or what cannot be read."""
    detail = verdict.detail
    if any(t.lstrip("+").lower() == "all" and not t.startswith(("-", "~", "?")) for t in text.split()[1:]):
        raise Refusal(Phrase("error.spf-plus-all"))
    if verdict.cause == "spf-pass-all" or verdict.note == "spf-pass-all":  # --check's cause: wrong, never met
        raise Refusal(Phrase("error.spf-leads-to-plus-all", via=detail.get("via")))
    if verdict.cause == "spf-too-many-lookups":
        count = detail.get("count")
        raise Refusal(Phrase("error.spf-lookups-merged", count=count) if merged else Phrase("error.spf-lookups", count=count))
    if verdict.cause == "spf-syntax":
        raise Refusal(Phrase("error.spf-syntax", term=detail.get("term")))
    if verdict.cause == "spf-include-permerror":
        target = (detail.get("target") or "").rstrip(".")
        why = {"spf-include-no-record": Phrase("error.spf-no-record", target=target),
               "spf-include-several": Phrase("error.spf-several", target=target, count=detail.get("count")),
               }.get(verdict.fix or "", Phrase("error.spf-not-valid", bad=detail.get("bad")))
        raise Refusal(Phrase("error.spf-include-permerror", term=detail.get("term"), why=why))
    if verdict.cause == "spf-redirect-ignored":
        raise Refusal(Phrase("error.spf-redirect-ignored", term=detail.get("term")))
    if verdict.cause == "spf-unconfirmed":
        raise Refusal(Phrase("error.spf-unconfirmed", term=detail.get("term")))
    if merged and not verdict.ok:  # the merge should always authorize SES: anything else is not written
        raise Refusal(Phrase("error.spf-not-pass", cause=verdict.cause))


# --- DMARC ---------------------------------------------------------------------------------

def _dmarc(identity: Identity, ours: Record | None, published: Published,
           explicit: bool) -> tuple[Phrase | None, list[Phrase], list[str]]:
    """(the note when the live record is kept and none written, or None; more notes (a record
    replaced, one kept that weakens the organisation's policy); the other TXT strings at _dmarc.IDENTITY)."""
    name = f"_dmarc.{identity.domain}"
    found = published.texts(name)
    meant = sorted(t for t in found if dmarc.looks_like_dmarc(t))
    others = [t for t in found if not dmarc.looks_like_dmarc(t)]
    valid = [t for t in meant if dmarc.is_dmarc(t)]
    shown = " | ".join(meant)
    if len(meant) == 1 and len(valid) == 1 and dmarc.read(valid[0]).problem is None:
        live = dmarc.read(valid[0])
        if ours is None or not explicit or dmarc.tags(ours.value) == dmarc.tags(live.text):
            weaker_note = _weaker_than_organisation(identity, live, published)
            return (advisories.live_dmarc_kept(name=name[:-1], value=live.text),
                    [weaker_note] if weaker_note else [], others)
        weaker = _weaker(ours.value, live)
        if weaker:
            raise InputError(Phrase("error.merge-dmarc-weaker", value=repr(ours.value), name=name[:-1],
                                    published=live.text, weaker=weaker), option="dmarc")
        _refuse_weaker_than_organisation(identity, ours, published)
        return None, [advisories.live_dmarc_replaced(name=name[:-1], value=live.text)], others
    if meant:
        cause = "conflict" if len(valid) > 1 else _invalid_cause(meant[0])
        if ours is None or not explicit:
            return (advisories.live_dmarc_invalid(name=name[:-1], value=shown, cause=cause,
                           command=f"ses-export {identity.name} --check"), [], others)
        _refuse_weaker_than_organisation(identity, ours, published)
        return None, [advisories.live_dmarc_replaced(name=name[:-1], value=shown)], others
    if ours is not None and explicit:
        _refuse_weaker_than_organisation(identity, ours, published)
    return None, [], others


def _invalid_cause(text: str) -> str:
    """--check's cause for a DMARC record receivers discard (docs/check.md)."""
    inner = text[1:-1] if len(text) >= 2 and text[0] == text[-1] == '"' else None
    if inner is not None and dmarc.is_dmarc(inner):
        return "extra-quotes"  # typed with its quotes into a panel that adds its own
    return dmarc.read(text).problem or "dmarc-v-not-first"


def _weaker(value: str, live: dmarc.Record) -> Phrase | None:
    """Why the record `value` would weaken the live one, or None: a weaker p=, sp= or pct=."""
    ours = dmarc.read(value)
    if dmarc.strength(ours.policy) < dmarc.strength(live.policy):
        return Phrase("error.weaker-policy", ours=ours.policy, live=live.policy)
    if dmarc.strength(ours.subdomain_policy) < dmarc.strength(live.subdomain_policy):
        return Phrase("error.weaker-subdomain-policy", ours=ours.subdomain_policy, live=live.subdomain_policy)
    if _pct(ours.text) < _pct(live.text):
        return Phrase("error.weaker-pct", ours=_pct(ours.text), live=_pct(live.text))
    return None


def _pct(text: str) -> int:
    value = dmarc.tags(text).get("pct", "100")
    return int(value) if value.isdigit() else 100


def _organisation_policy(identity: Identity, published: Published) -> tuple[str, str, str] | None:
    """(the organisation's _dmarc name, the tag, the policy) it applies to the identity below it
    (RFC 7489 6.6.3: sp=, else p=), or None: the identity is the organisation, or no one policy applies."""
    from . import psl

    organisation = psl.registrable_domain(identity.domain)
    if not organisation or organisation == identity.domain:
        return None
    org_name = f"_dmarc.{organisation}"
    applied = [t for t in published.texts(org_name) if dmarc.is_dmarc(t)]
    if len(applied) != 1 or dmarc.read(applied[0]).subdomain_policy is None:
        return None
    org = dmarc.read(applied[0])
    return org_name, "sp" if "sp" in dmarc.tags(org.text) else "p", org.subdomain_policy or ""


def _refuse_weaker_than_organisation(identity: Identity, ours: Record, published: Published) -> None:
    """A subdomain's own record replaces the organisation's policy for it, so a weaker one written
    here would switch the stronger policy off."""
    applied = _organisation_policy(identity, published)
    if applied is None:
        return
    org_name, tag, policy = applied
    if dmarc.strength(dmarc.read(ours.value).policy) < dmarc.strength(policy):
        raise InputError(Phrase("error.merge-dmarc-weaker-than-organisation", value=repr(ours.value),
                                organisation=org_name[7:-1], domain=identity.name, tag=tag, policy=policy,
                                at=org_name[:-1], name=ours.name[:-1]), option="dmarc")


def _weaker_than_organisation(identity: Identity, live: dmarc.Record, published: Published) -> Phrase | None:
    """The note on a published record of the identity's own that is weaker than the organisation's
    policy for it: kept (it is not ours to delete), never blessed."""
    applied = _organisation_policy(identity, published)
    if applied is None or dmarc.strength(live.policy) >= dmarc.strength(applied[2]):
        return None
    org_name, tag, policy = applied
    return advisories.live_dmarc_weaker(name=f"_dmarc.{identity.name}", value=live.text,
                                        organisation=org_name[7:-1], tag=tag, policy=policy)


# --- other TXT strings ---------------------------------------------------------------------

def _carry(record: Record, others: list[str], notes: list[Phrase]) -> list[Record]:
    """The other TXT strings at the record's name, carried into its record set."""
    carried = []
    for text in sorted(others):
        try:
            checked_txt(text)
        except InputError as e:
            raise InputError(Phrase("error.merge-txt-unwritable", name=record.name[:-1], reason=str(e)),
                             option="merge_live") from None
        carried.append(record._replace(value=text, purpose=CARRIED))
    if carried:
        notes.append(advisories.live_carried(name=record.name[:-1], values=" | ".join(r.value for r in carried)))
    return carried
