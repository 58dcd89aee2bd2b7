"""The identity and its records, normalized once from a GetEmailIdentity response.

Every owner name and every CNAME target / MX exchange here is a lowercase A-label FQDN with
its trailing dot; TXT values are the plain text (no quotes, not split). Renderers and the
checker take these as they are and never normalize again.
"""

# Annotations are evaluated here (no `from __future__ import annotations`): this module is loaded at
# every start-up, and typing compiles each string annotation of a NamedTuple field, about 50 k
# instructions a field (docs/benchmarks.md, start-up). Names defined later are quoted.

import re
from collections.abc import Sequence
from functools import lru_cache
from typing import Any, NamedTuple

# advisories and notes import only phrase, which every run has loaded before the model: imported here, not
# in the functions that make each identity (an import statement per call is most of a microsecond,
# ten thousand times over).
from . import advisories, dmarc_policy, names, psl, regions
from .errors import InputError
from .notes import NOT_ON_STDERR
from .phrase import Phrase

DEFAULT_TTL = 1800
MAX_TTL = 2147483647  # RFC 2181: a TTL is an unsigned 31-bit number
DEFAULT_DMARC = dmarc_policy.DEFAULT
AUTO_DMARC = "auto"  # Options.dmarc: the default record at an organisational domain, none below it
# SES v1's VerificationToken (aws ses verify-domain-identity): 32 bytes, base64 (44 characters).
_VERIFICATION_TOKEN = r"[A-Za-z0-9+/]{43}="  # a pattern: compiled (and cached) by re only when given
# dkim.REGION.amazonses.com: a SigningHostedZone that names the region it signs in.
_REGIONAL_SIGNING_ZONE = re.compile(r"dkim\.([a-z0-9-]+)\.amazonses\.com\.")
SPF_VALUE = "v=spf1 include:amazonses.com ~all"
MX_PRIORITY = 10
MAX_TXT_LENGTH = 4000  # far above any SES record; bounds what a hand-edited input can make us write

class Record(NamedTuple):  # NamedTuples, like Options: a frozen dataclass costs ~5 M instructions to define at start-up
    identity: str  # the identity's domain, FQDN with dot
    name: str  # owner name, FQDN with dot
    type: str  # CNAME, MX or TXT
    ttl: int
    value: str  # CNAME target or MX exchange (FQDN with dot), or TXT plain text
    purpose: str  # dkim, mail-from-mx, mail-from-spf, dmarc or verification; `carried` on Identity.carried
    priority: int | None = None  # MX only

    def as_json(self) -> dict[str, object]:
        """The record in the stable JSON contract (docs/formats.md, "json")."""
        return {
            "identity": self.identity,
            "name": self.name,
            "type": self.type,
            "ttl": self.ttl,
            "priority": self.priority,
            "value": self.value,
            "purpose": self.purpose,
        }


class Identity(NamedTuple):
    domain: str  # FQDN with dot, A-labels
    region: str | None  # None only when no record depends on it
    zone: str  # the zone that holds the records (FQDN with dot)
    source: str  # where it came from, for messages: a file, stdin or "SES"
    dkim_origin: str | None = None
    dkim_status: str | None = None
    mail_from_domain: str | None = None
    mail_from_status: str | None = None  # "PLANNED" when only --mail-from names it
    verification_status: str | None = None
    verification_error: str | None = None
    records: tuple[Record, ...] = ()
    notes: tuple[Phrase, ...] = ()  # Phrases of the NOTICES catalogue (_note): said in the reader's language
    zone_assumed: bool = False  # the zone is the registrable domain by the Public Suffix List, not --zone
    advisories: tuple[Phrase, ...] = ()  # Phrases of the NOTICES catalogue (exporter/advisories.py), most urgent first
    # --merge-live (exporter/merge.py): the TXT strings DNS holds at a name this identity writes TXT to that
    # are not its own (site verifications), purpose CARRIED: formats that write a whole record set keep them
    # in it, formats that add records one by one leave them be. Not records the identity needs.
    carried: tuple[Record, ...] = ()
    # --merge-live: the names whose TXT record set exists in DNS and is written here whole (the identity's
    # record and `carried`), so replacing the set loses nothing.
    read_live: tuple[str, ...] = ()
    # --merge-live: the published records that the identity's records take the place of (an SPF record merged
    # into one, a DMARC record --dmarc replaces), as DNS holds them: where records are added one by one, the
    # old one is to go as the new one comes, or the name holds two (a permerror).
    replaced: tuple[Record, ...] = ()

    @property
    def name(self) -> str:
        """The domain as people write it: A-labels, no final dot."""
        return self.domain[:-1]

    @property
    def kinds(self) -> frozenset[tuple[str, str]]:
        """(purpose, type) of each of its records, as Summary keeps them."""
        return record_kinds(self.records)

    @property
    def mx_names(self) -> tuple[str, ...]:
        """The names of its MX records (its MAIL FROM domain's), as Summary keeps them."""
        return tuple(record.name for record in self.records if record.type == "MX")

    def as_json(self) -> dict[str, object]:
        """The identity's facts and SES statuses in the JSON contract (records listed apart)."""
        return {
            "domain": self.domain,
            "region": self.region,
            "zone": self.zone,
            "dkim_origin": self.dkim_origin,
            "dkim_status": self.dkim_status,
            "mail_from_domain": self.mail_from_domain,
            "mail_from_status": self.mail_from_status,
            "verification_status": self.verification_status,
            "verification_error": self.verification_error,
            "notes": self._notes() + self._merge_notes(),
        }

    def _notes(self) -> list[str]:
        """The model's notes in English: the JSON contract's words, like its causes."""
        from .text import plain

        return [plain(note) for note in self.notes]

    def _merge_notes(self) -> list[str]:
        """--merge-live's notes (what the live zone held and what became of it), in English."""
        if not any(getattr(a, "key", "").startswith("notice.live-") for a in self.advisories):
            return []
        from .advisories import merge_notes

        return merge_notes(self.advisories)


def _note(key: str, **values: object) -> Phrase:
    """A sentence of the catalogues: a note of the model (Identity.notes, NOTICES), said in the reader's
    language where it is shown (stderr, file headers, the instructions), or a refusal (MESSAGES)."""
    return Phrase(key, **values)


CARRIED = "carried"  # Record.purpose of a TXT string found in DNS and kept in its set (Identity.carried)


class RecordSet(NamedTuple):
    """The records of one name and type, as formats that write whole record sets write them
    (route53-changes, terraform-route53, cloudformation, octodns)."""

    name: str
    type: str
    ttl: int
    records: tuple[Record, ...]  # the identity's own, then the strings carried from DNS (--merge-live)
    live: bool = False  # read from DNS with --merge-live: the set exists and `records` is all it is to hold


def record_sets(identity: Identity) -> list[RecordSet]:
    """The identity's records grouped by name and type, in the order of their first record, with
    the TXT strings --merge-live carries along (Identity.carried) in the set they belong to."""
    sets: dict[tuple[str, str], list[Record]] = {}
    for record in identity.records:
        sets.setdefault((record.name, record.type), []).append(record)
    for record in identity.carried:
        if (record.name, record.type) in sets:  # carried only into a set the identity writes
            sets[(record.name, record.type)].append(record)
    return [RecordSet(name, rtype, records[0].ttl, tuple(records),
                      rtype == "TXT" and name in identity.read_live)
            for (name, rtype), records in sets.items()]


def in_zone_found(identity: Identity, zone: str | None) -> Identity:
    """The identity with the zone DNS says holds it (--merge-live, --dns-host auto: the zone cut
    --check finds), where its zone was only assumed (no --zone) and DNS delegates a zone below the
    assumed one: host names are then relative to that zone, as the DNS host serving it shows them."""
    if (zone is None or not identity.zone_assumed or zone == identity.zone
            or not names.is_within(zone, identity.zone) or not names.is_within(identity.domain, zone)):
        return identity
    kept = tuple(a for a in identity.advisories if a.key != "notice.zone-assumed")
    return identity._replace(zone=zone, zone_assumed=False,
                             advisories=kept + (advisories.zone_found(identity.name, zone[:-1]),))


class Options(NamedTuple):  # a NamedTuple, like Job: cheaper to define at every start-up than a dataclass
    """What the user chose, validated once (see `options`)."""

    region: str | None = None  # given by the user: an identity that names another region is refused
    ttl: int = DEFAULT_TTL
    zone: str | None = None
    mail_from: str | None = None
    dmarc: str | None = AUTO_DMARC  # a record's text, AUTO_DMARC, or None: leave DMARC out
    dkim_public_key: str | None = None  # base64 SubjectPublicKeyInfo (options() also takes PEM text)
    verification_token: str | None = None
    fallback_region: str | None = None  # the AWS configuration's region: used when nothing else names one
    dmarc_default: str = DEFAULT_DMARC  # the record AUTO_DMARC writes (with --dmarc-rua's addresses)
    dkim_public_keys: tuple[tuple[str, str], ...] = ()  # (FQDN, base64 key) per identity, from a folder of keys


def options(
    *,
    region: str | None = None,
    ttl: int = DEFAULT_TTL,
    zone: str | None = None,
    mail_from: str | None = None,
    dmarc: str | None = AUTO_DMARC,
    dkim_public_key: str | None = None,
    verification_token: str | None = None,
    dmarc_rua: str | None = None,
    fallback_region: str | None = None,
    dkim_public_keys: dict[str, str] | None = None,
) -> Options:
    """Validate the user's choices; raise InputError naming the option that is wrong.

    `dmarc`: the record's text, AUTO_DMARC (the default record for an identity at its organisational
    domain, none below it: RFC 7489 6.6.3), or None (no DMARC record). `dmarc_rua` adds aggregate
    reports to the default record. `fallback_region` is the AWS configuration's: unlike `region`,
    an identity whose own SigningHostedZone names another region simply wins over it.
    """
    for option, value in (("region", region), ("zone", zone), ("mail_from", mail_from), ("dmarc", dmarc),
                          ("dkim_public_key", dkim_public_key), ("verification_token", verification_token),
                          ("dmarc_rua", dmarc_rua), ("fallback_region", fallback_region)):
        if value is not None and not isinstance(value, str):  # a program's mistake: dmarc=123, zone=b"x"
            raise InputError(_note("error.not-text", value=repr(value)), option=option)
    if dkim_public_keys is not None and not (isinstance(dkim_public_keys, dict) and all(
            isinstance(k, str) and isinstance(v, str) for k, v in dkim_public_keys.items())):
        raise InputError(_note("error.model-keys-not-dict"), option="dkim_public_keys")
    if isinstance(ttl, bool) or not isinstance(ttl, int) or not 1 <= ttl <= MAX_TTL:
        raise InputError(_note("error.model-ttl", value=repr(ttl), high=MAX_TTL), option="ttl")
    if dmarc_rua is not None:
        if dmarc is None:
            raise InputError(_note("error.model-rua-no-dmarc"), option="dmarc_rua")
        if dmarc != AUTO_DMARC:
            raise InputError(_note("error.model-rua-with-dmarc"), option="dmarc_rua")
        dmarc_rua = dmarc_policy.rua_address(checked_txt(dmarc_rua.strip(), option="dmarc_rua"))
    if dmarc is not None and dmarc != AUTO_DMARC:
        dmarc = dmarc_policy.checked(checked_txt(dmarc.strip(), option="dmarc"))
    if verification_token is not None:
        verification_token = checked_txt(verification_token.strip(), option="verification_token")
        if not re.fullmatch(_VERIFICATION_TOKEN, verification_token):
            raise InputError(_note("error.model-not-token", value=repr(verification_token[:60])),
                             option="verification_token")
    if dkim_public_key is not None or dkim_public_keys:
        # The key itself (PEM text, or its base64 body), checked as the command line checks a key file:
        # PEM armour written as p= would be a record no verifier reads.
        from .dkim_key import public_key_base64

        if dkim_public_key is not None:
            dkim_public_key = public_key_base64(dkim_public_key, _note("error.what-key"), option="dkim_public_key")
        dkim_public_keys = {domain: public_key_base64(key, _note("error.what-key-of", domain=domain),
                                                     option="dkim_public_keys")
                            for domain, key in (dkim_public_keys or {}).items()}
    zone_fqdn = names.domain(zone, None, option="zone") if zone is not None else None
    if zone_fqdn is not None and psl.is_public_suffix(zone_fqdn):
        raise InputError(_note("error.model-public-suffix", zone=zone_fqdn[:-1]), option="zone")
    return Options(
        region=regions.region(region) if region is not None else None,
        ttl=ttl,
        zone=zone_fqdn,
        mail_from=names.domain(mail_from, None, option="mail_from") if mail_from is not None else None,
        dmarc=dmarc,
        dmarc_default=dmarc_policy.default(dmarc_rua),
        dkim_public_key=dkim_public_key,
        verification_token=verification_token,
        fallback_region=regions.region(fallback_region, _note("error.what-config-region")) if fallback_region else None,
        dkim_public_keys=tuple(sorted((names.domain(domain, "dkim_public_keys"), key)
                                      for domain, key in (dkim_public_keys or {}).items())),
    )


def checked_txt(value: object, what: object = None, option: str | None = None) -> str:
    """TXT text we are willing to write: printable ASCII, not empty, of sane length.

    `what` names the input in the error, or `option` the parameter it came from.
    """

    def fail(problem: Phrase) -> InputError:
        return InputError(names.at(what, problem), option=option)

    if not isinstance(value, str) or not value:
        raise fail(_note("error.txt-empty"))
    bad = next((c for c in value if not " " <= c <= "~"), None)
    if bad is not None:
        raise fail(_note("error.txt-not-ascii", character=repr(bad)))
    if len(value) > MAX_TXT_LENGTH:
        raise fail(_note("error.txt-long", length=len(value), high=MAX_TXT_LENGTH))
    return value


GET_COMMAND = "aws sesv2 get-email-identity --email-identity {domain}"


def identity(response: object, domain: str, opts: Options, source: str) -> Identity:
    """Normalize one `sesv2.get_email_identity` response for `domain` (any spelling).

    `source` names the input in error messages (a path, '-' or 'SES region X').
    """
    fqdn = names.domain(domain, "DOMAIN")
    response = _check_shape(response, fqdn, source)

    dkim = _object(response.get("DkimAttributes"), "DkimAttributes", source)
    mail_from_attrs = _object(response.get("MailFromAttributes"), "MailFromAttributes", source)
    verification = _object(response.get("VerificationInfo"), "VerificationInfo", source)

    organisation = psl.registrable_domain(fqdn) or fqdn
    zone = opts.zone or organisation
    if not names.is_within(fqdn, zone):
        raise InputError(_note("error.model-zone-outside", zone=zone[:-1], domain=fqdn[:-1]), option="zone")

    builder = _Builder(fqdn, opts.ttl)
    notes: list[Phrase] = []  # Phrases of the NOTICES catalogue

    origin, region = _dkim(dkim, fqdn, opts, source, builder, notes)
    mail_from, mail_from_status, region = _mail_from(mail_from_attrs, fqdn, region, opts, source, builder, notes)
    dmarc_advisory = _dmarc(fqdn, organisation, opts, builder)

    dkim_status = _ses_text(dkim.get("Status"), "DkimAttributes.Status", source)
    verification_status = _ses_text(response.get("VerificationStatus"), "VerificationStatus", source)
    verification_error = _ses_text(verification.get("ErrorType"), "VerificationInfo.ErrorType", source)
    zone_assumed = opts.zone is None
    found = _advisories(fqdn, zone, region, source, dkim, mail_from_attrs, origin, dkim_status, mail_from,
                        mail_from_status, verification_status, verification_error, dmarc_advisory, zone_assumed)

    # Positional, in the fields' order: keywords cost a NamedTuple a few microseconds more per identity.
    return Identity(fqdn, region, zone, source, origin, dkim_status, mail_from, mail_from_status, verification_status,
                    verification_error, tuple(builder.records), tuple(notes), zone_assumed, found)


# SigningHostedZone as written -> its FQDN: a run's identities name a few zones (one per region), each
# parsed once. Bounded: a hand-made folder may name any number.
_SIGNING_ZONES: dict[str, str] = {}


def _dkim(dkim: dict[str, Any], fqdn: str, opts: Options, source: str, builder: "_Builder",
          notes: list[Phrase]) -> tuple[str, str | None]:
    """identity's DKIM records (SES's CNAMEs, or BYODKIM's TXT) into `builder`: (the signing origin, the region)."""
    # Absent means AWS_SES; an explicit null is as wrong as any other non-string.
    origin = _ses_text(_string(dkim.get("SigningAttributesOrigin", "AWS_SES"), "DkimAttributes.SigningAttributesOrigin",
                               source), "DkimAttributes.SigningAttributesOrigin", source) or ""
    replica_region = _replica_region(origin, source)
    zone_text = dkim.get("SigningHostedZone")
    signing_zone = None
    if zone_text:
        signing_zone = _SIGNING_ZONES.get(zone_text) if type(zone_text) is str else None
        if signing_zone is None:
            signing_zone = names.domain(_string(zone_text, "DkimAttributes.SigningHostedZone", source),
                                        f"{source}: DkimAttributes.SigningHostedZone")
            if len(_SIGNING_ZONES) < 64:
                _SIGNING_ZONES[zone_text] = signing_zone
    region = _identity_region(opts, signing_zone, origin, fqdn, source)

    tokens = dkim.get("Tokens") or []
    if not isinstance(tokens, list):
        raise InputError(_note("error.model-tokens-not-list", source=source))
    if not names.are_tokens(tokens):  # the common case checked without naming the field for an error
        tokens = [names.token(t, f"{source}: DkimAttributes.Tokens") for t in tokens]
    own_key = (dict(opts.dkim_public_keys).get(fqdn, opts.dkim_public_key) if opts.dkim_public_keys
               else opts.dkim_public_key)
    if origin == "EXTERNAL":
        if not tokens:
            raise InputError(_note("error.model-byodkim-no-selector", source=source))
        selector = tokens[0]
        if own_key is None:
            if opts.dkim_public_keys:
                raise InputError(_note("error.model-byodkim-no-key-in-folder", source=source, domain=fqdn[:-1],
                                       selector=repr(selector)))
            raise InputError(_note("error.model-byodkim-no-key", source=source, domain=fqdn[:-1], selector=repr(selector)))
        builder.add(f"{selector}._domainkey.{fqdn}", "TXT", f"p={own_key}", "dkim")
    else:
        if own_key is not None:
            # A key given for an Easy DKIM identity would be silently ignored: SES signs with its own.
            raise InputError(_note("error.model-easy-dkim-key", domain=fqdn[:-1], origin=origin),
                             option="dkim_public_key")
    if origin != "EXTERNAL" and tokens:
        # One CNAME per name: a token listed twice (DNS names ignore case) would put two
        # records at one name, which no zone can hold.
        seen: set[str] = set()
        for tok in tokens:
            if tok.lower() in seen:
                raise InputError(_note("error.model-token-twice", source=source, token=repr(tok)))
            seen.add(tok.lower())
        if replica_region:
            notes.append(_note("notice.dkim-replicated", region=replica_region))
        if signing_zone is None:
            # Saved JSON from older CLIs lacks SigningHostedZone: derive it from the region that
            # signs (the parent's for a replica, named by the origin itself).
            if replica_region:
                signing_region = replica_region
            else:
                region = _need_region(region, source, fqdn, _note("error.why-dkim-zone"))
                signing_region = region
            signing_zone = regions.dkim_signing_zone(signing_region)
        for tok in tokens:
            builder.add(f"{tok}._domainkey.{fqdn}", "CNAME", f"{tok}.{signing_zone}", "dkim")
    elif origin != "EXTERNAL":
        notes.append(_note("notice.no-dkim-tokens"))

    return origin, region


def _mail_from(mail_from_attrs: dict[str, Any], fqdn: str, region: str | None, opts: Options, source: str,
               builder: "_Builder", notes: list[Phrase]) -> tuple[str | None, str | None, str | None]:
    """identity's MAIL FROM MX and SPF into `builder`: (the MAIL FROM domain, its status, the region)."""
    mail_from = None
    mail_from_status = None
    if mail_from_attrs.get("MailFromDomain"):
        mail_from = names.domain(_string(mail_from_attrs["MailFromDomain"], "MailFromAttributes.MailFromDomain", source),
                                 f"{source}: MailFromAttributes.MailFromDomain")
        mail_from_status = _ses_text(mail_from_attrs.get("MailFromDomainStatus"),
                                     "MailFromAttributes.MailFromDomainStatus", source)
        if opts.mail_from and opts.mail_from != mail_from:
            raise InputError(_note("error.model-mail-from-differs", domain=fqdn[:-1], mail_from=mail_from[:-1]),
                             option="mail_from")
    elif opts.mail_from:
        mail_from, mail_from_status = opts.mail_from, "PLANNED"
        notes.append(_note("notice.mail-from-planned", domain=mail_from[:-1]))
    if mail_from:
        if mail_from == fqdn or not names.is_within(mail_from, fqdn):
            raise _mail_from_refused(mail_from_status, source, _note("error.model-mail-from-outside",
                                                                     mail_from=mail_from[:-1], domain=fqdn[:-1]))
        if not names.is_host_name(mail_from):
            # SMTP's MAIL FROM takes host names only (RFC 5321 4.1.2), and BIND refuses to load
            # a zone whose MX record sits at a name with '_' (check-names, on by default).
            raise _mail_from_refused(mail_from_status, source,
                                     _note("error.model-mail-from-not-host", mail_from=mail_from[:-1]))
        if not region:
            region = _need_region(region, source, fqdn, _note("error.why-mail-from-mx", mail_from=mail_from[:-1]))
        builder.add(mail_from, "MX", regions.mail_from_mx_host(region), "mail-from-mx", MX_PRIORITY)
        builder.add(mail_from, "TXT", SPF_VALUE, "mail-from-spf")

    return mail_from, mail_from_status, region


def _mail_from_refused(mail_from_status: str | None, source: str, reason: Phrase) -> InputError:
    """A MAIL FROM domain refused: --mail-from's (PLANNED), or the saved identity's."""
    if mail_from_status == "PLANNED":
        return InputError(reason, option="mail_from")
    return InputError(_note("error.model-in-mail-from", source=source, problem=reason))


def _dmarc(fqdn: str, organisation: str, opts: Options, builder: "_Builder") -> Phrase | None:
    """identity's DMARC record and legacy verification TXT into `builder`; the advisory that a subdomain's
    DMARC is left to its organisational domain, when it is."""
    dmarc_advisory = None
    if opts.dmarc == AUTO_DMARC:
        if fqdn == organisation:
            builder.add(f"_dmarc.{fqdn}", "TXT", opts.dmarc_default, "dmarc")
        else:
            # RFC 7489 6.6.3: a receiver uses the organisational domain's record for a subdomain
            # that has none of its own; a p=none record here would switch a stricter policy off.
            dmarc_advisory = advisories.dmarc_left_to_organisation(fqdn[:-1], organisation[:-1])
    elif opts.dmarc is not None:
        builder.add(f"_dmarc.{fqdn}", "TXT", opts.dmarc, "dmarc")
    if opts.verification_token is not None:
        builder.add(f"_amazonses.{fqdn}", "TXT", opts.verification_token, "verification")

    return dmarc_advisory


def _advisories(fqdn: str, zone: str, region: str | None, source: str, dkim: dict[str, Any], mail_from_attrs: dict[str, Any],
                origin: str, dkim_status: str | None, mail_from: str | None, mail_from_status: str | None,
                verification_status: str | None, verification_error: str | None,
                dmarc_advisory: Phrase | None, zone_assumed: bool) -> tuple[Phrase, ...]:
    """identity's notices, most urgent first: from SES's statuses, then DMARC's and the assumed zone's."""
    behavior = _ses_text(mail_from_attrs.get("BehaviorOnMxFailure"), "MailFromAttributes.BehaviorOnMxFailure", source)
    found = advisories.from_statuses(
        domain=fqdn[:-1], region=region, dkim_status=dkim_status, signing_enabled=dkim.get("SigningEnabled"),
        dkim_origin=origin, mail_from=mail_from[:-1] if mail_from else None, mail_from_status=mail_from_status,
        behavior_on_mx_failure=behavior, verification_status=verification_status,
        verification_error=verification_error)
    if dmarc_advisory is not None:
        found += (dmarc_advisory,)
    if zone_assumed and zone != fqdn:
        found += (advisories.zone_assumed(fqdn[:-1], zone[:-1]),)
    return found


def _get_command(fqdn: str) -> str:
    """GET_COMMAND for the domain: worded when an error says it, not for each good identity."""
    return GET_COMMAND.format(domain=fqdn[:-1])


def _check_shape(response: object, fqdn: str, source: str) -> dict[str, Any]:
    """A `sesv2 get-email-identity` response, or InputError naming what the file is and the command
    that makes the right one (SES v1's commands print other shapes, easily saved by mistake)."""
    if not isinstance(response, dict):
        raise InputError(_note("error.saved-not-object", source=source, command=_get_command(fqdn),
                               found=type(response).__name__))
    identity_type = response.get("IdentityType")
    if identity_type == "EMAIL_ADDRESS":
        raise InputError(_note("error.saved-email-address", source=source, domain=fqdn[:-1]))
    if identity_type not in (None, "DOMAIN"):
        raise InputError(_note("error.saved-identity-type", source=source, value=repr(identity_type)))
    dkim = response.get("DkimAttributes")
    if isinstance(dkim, dict) and dkim and all(isinstance(v, dict) and "DkimTokens" in v for v in dkim.values()):
        raise InputError(_note("error.saved-v1-dkim", source=source, command=_get_command(fqdn)))
    if "VerificationAttributes" in response:
        raise InputError(_note("error.saved-v1", source=source, v1="aws ses get-identity-verification-attributes",
                               command=_get_command(fqdn)))
    if "MailFromDomainAttributes" in response:
        raise InputError(_note("error.saved-v1", source=source,
                               v1="aws ses get-identity-mail-from-domain-attributes", command=_get_command(fqdn)))
    if "DkimAttributes" not in response:
        raise InputError(_note("error.saved-no-dkim", source=source, command=_get_command(fqdn)))
    return response


def _identity_region(opts: Options, signing_zone: str | None, origin: str, fqdn: str, source: str) -> str | None:
    """The identity's region: the one its own SigningHostedZone names, else --region, else the AWS
    configuration's.

    dkim.REGION.amazonses.com names the region whose SES signs for the identity. For an identity
    of its own (origin AWS_SES) that is the region it lives in, and so the region of its MAIL FROM
    MX: a --region that says otherwise is a mistake that would send bounces to the wrong region.
    The same holds for a BYODKIM identity (origin EXTERNAL), which SES also signs for in its own region.
    A replica (origin AWS_SES_<REGION>) signs from its parent's zone, so the zone names the
    parent's region, not the replica's: there --region (the region SES was asked in) wins.
    """
    # BYODKIM (EXTERNAL) identities are the region's own too: their zone names their region.
    named = _region_named(signing_zone) if signing_zone and origin in ("AWS_SES", "EXTERNAL") else None
    if named is None:
        return opts.region or opts.fallback_region
    if opts.region and opts.region != named:
        raise InputError(_note("error.model-region-contradicts", region=opts.region, domain=fqdn[:-1],
                               zone=(signing_zone or "")[:-1], named=named, source=source), option="region")
    return named


class Summary(NamedTuple):
    """What the checks across a run's identities read of each (refuse_shared_mail_from, notes.lines,
    output.files) and what the one check command of the set reads (verify.check_command_set): -o FOLDER/
    keeps this of 10,000 identities, and makes each identity again when its file is written, instead
    of holding them all."""

    domain: str
    region: str | None
    zone: str
    mx_names: tuple[str, ...]  # the names of its MX records: refuse_shared_mail_from reads no more
    notes: tuple[Phrase, ...]
    advisories: tuple[Phrase, ...]
    kinds: frozenset[tuple[str, str]]  # (purpose, type) of each record: which options concern it
    mail_from_status: str | None  # one string per status, as `kinds` is one set

    @property
    def name(self) -> str:
        return self.domain[:-1]


def summary(identity: Identity) -> Summary:
    """What is kept of `identity`: the notices stderr does not say left out (notes.NOT_ON_STDERR: the
    assumed zone, a few hundred bytes an identity), the zone the domain's own string when it is the domain."""
    advisories = identity.advisories
    if advisories and any(advisory.key in NOT_ON_STDERR for advisory in advisories):
        advisories = tuple(advisory for advisory in advisories if advisory.key not in NOT_ON_STDERR)
    return Summary(identity.domain, identity.region, identity.domain if identity.zone == identity.domain else identity.zone,
                   identity.mx_names, identity.notes, advisories, record_kinds(identity.records),
                   _STATUSES.setdefault(identity.mail_from_status, identity.mail_from_status))


_STATUSES: dict[str | None, str | None] = {}
_KINDS: dict[frozenset[tuple[str, str]], frozenset[tuple[str, str]]] = {}


def record_kinds(records: Sequence[Record]) -> frozenset[tuple[str, str]]:
    """(purpose, type) of each record, one shared set for records alike: a run's identities have a few."""
    kinds = frozenset((record.purpose, record.type) for record in records)
    return _KINDS.setdefault(kinds, kinds)


@lru_cache(maxsize=64)  # a run's identities name a few zones: each read once, its region one string
def _region_named(signing_zone: str) -> str | None:
    """The region dkim.REGION.amazonses.com. names, or None."""
    match = _REGIONAL_SIGNING_ZONE.fullmatch(signing_zone)
    if not match:
        return None
    try:
        return regions.region(match.group(1))
    except InputError:
        return None


def refuse_shared_mail_from(identities: Sequence[Identity] | Sequence[Summary]) -> None:
    """Two identities of one run (the same domain in several regions) that would put two SES MX
    records at one MAIL FROM name: SES's custom MAIL FROM fails when the name holds more than one MX
    ("Using a custom MAIL FROM domain", SES Developer Guide), so writing both would break both."""
    seen: dict[str, Identity | Summary] = {}
    for identity in identities:
        for name in identity.mx_names:
            first = seen.setdefault(name, identity)
            if first is not identity and first.region != identity.region:
                raise InputError(_note("error.model-shared-mail-from", name=name[:-1], first=first.name,
                                       first_region=first.region, other=identity.name, other_region=identity.region))


_new_tuple = tuple.__new__


class _Builder:
    """Collects one identity's records, checking their lengths. A plain class: each dataclass costs
    about half a millisecond to define, on a start-up measured in tens (docs/benchmarks.md)."""

    def __init__(self, identity: str, ttl: int) -> None:
        self.identity, self.ttl = identity, ttl
        self.records: list[Record] = []

    def add(self, name: str, rtype: str, value: str, purpose: str, priority: int | None = None) -> None:
        if len(name) > 254 or (len(value) > 254 and rtype in ("CNAME", "MX")):  # 253 and the final dot
            if len(name) > 254:
                raise InputError(_note("error.model-name-long", identity=self.identity[:-1], name=name))
            raise InputError(_note("error.model-target-long", identity=self.identity[:-1], type=rtype, value=value))
        # Record._make's way (tuple.__new__): the NamedTuple's own __new__ costs twice as much, per record.
        self.records.append(_new_tuple(Record, (self.identity, name, rtype, self.ttl, value, purpose, priority)))


def _replica_region(origin: str, source: str) -> str | None:
    """AWS_SES_EU_WEST_1 -> eu-west-1: a replica names the region of its parent.

    Checked like --region: the region is written into file headers and notes, where a hand-edited
    origin holding a line break would start a line of zone data or HCL.
    """
    if not origin.startswith("AWS_SES_"):
        return None
    region = origin[len("AWS_SES_"):].lower().replace("_", "-")
    try:
        return regions.region(region)
    except InputError:
        raise InputError(_note("error.model-replica-origin", source=source, origin=repr(origin))) from None


def _need_region(region: str | None, source: str, fqdn: str, why: Phrase) -> str:
    if region:
        return region
    raise InputError(_note("error.saved-region", source=source, domain=fqdn[:-1], why=why))


def _object(value: object, what: str, source: str) -> dict[str, Any]:
    if value is None:
        return {}
    if not isinstance(value, dict):
        raise InputError(_note("error.saved-not-an-object", source=source, field=what))
    return value


# What SES can return for the values the tool repeats to people or puts in the commands it prints
# (botocore's sesv2 model, shapes DkimStatus, MailFromDomainStatus, VerificationStatus,
# VerificationError, BehaviorOnMxFailure; tests/test_validators.py compares them with it).
_DKIM_STATUS = ("PENDING", "SUCCESS", "FAILED", "TEMPORARY_FAILURE", "NOT_STARTED")
SES_VALUES = {
    "DkimAttributes.Status": _DKIM_STATUS,
    "VerificationStatus": _DKIM_STATUS,
    "MailFromAttributes.MailFromDomainStatus": ("PENDING", "SUCCESS", "FAILED", "TEMPORARY_FAILURE"),
    "VerificationInfo.ErrorType": (
        "SERVICE_ERROR", "DNS_SERVER_ERROR", "HOST_NOT_FOUND", "TYPE_NOT_FOUND", "INVALID_VALUE",
        "REPLICATION_ACCESS_DENIED", "REPLICATION_PRIMARY_NOT_FOUND", "REPLICATION_PRIMARY_BYO_DKIM_NOT_SUPPORTED",
        "REPLICATION_REPLICA_AS_PRIMARY_NOT_SUPPORTED", "REPLICATION_PRIMARY_INVALID_REGION"),
    "MailFromAttributes.BehaviorOnMxFailure": ("USE_DEFAULT_VALUE", "REJECT_MESSAGE"),
}
# DkimSigningAttributesOrigin: AWS_SES, EXTERNAL, or AWS_SES_<REGION> for a replica (the region is
# checked by _replica_region, so a region SES adds later needs no change here).
_ORIGIN = re.compile(r"AWS_SES|EXTERNAL|AWS_SES_[A-Z0-9_]{1,40}")


def _ses_text(value: object, what: str, source: str) -> str | None:
    """A status, error type or origin SES wrote: one of SES's own values (SES_VALUES), since the
    tool repeats it to people and puts it in the commands it prints; a hand-edited file holding
    anything else (`USE_DEFAULT_VALUE; curl ... | sh`, a line break, a number) is bad input."""
    if value is None:
        return None
    allowed = SES_VALUES.get(what)
    if allowed is not None and value in allowed and type(value) is str:  # the common case, in one test
        return value
    value = _string(value, what, source)
    if allowed is None and _ORIGIN.fullmatch(value):
        return value
    known = ", ".join(allowed) if allowed is not None else "AWS_SES, EXTERNAL or AWS_SES_<REGION>"
    raise InputError(_note("error.saved-not-ses-value", source=source, field=what, value=repr(value[:40]),
                           known=known))


def _string(value: object, what: str, source: str) -> str:
    if not isinstance(value, str):
        raise InputError(_note("error.saved-not-string", source=source, field=what))
    return value
