"""What a Terraform file declares: provider choice, zones and resource names, checked once.

Shared by the Terraform formats (terraform_route53.py, terraform_cloudflare.py, terraform_google.py,
terraform_azurerm.py, terraform_dns.py, terraform_records.py): their `prepare` calls `plan` and the
templates only lay out what it returns; values are escaped there by the named filters in
exporter/filters.py.
"""

from __future__ import annotations

import re
from typing import NamedTuple

from ..errors import InputError
from ..model import Identity, Record
from ..phrase import Phrase
from . import Settings

# Cloudflare accepts 1 ("automatic") or 60..86400 seconds (provider docs for `ttl`).
CLOUDFLARE_TTL_AUTOMATIC = 1
CLOUDFLARE_TTL_RANGE = (60, 86400)

# Route 53 hosted zone ids are upper-case letters and digits ("Z0123456789ABCDEFGHIJ");
# the console and the CLI also show them as /hostedzone/ID.
_ROUTE53_ZONE_ID = re.compile(r"[A-Z0-9]{1,32}")
# A Cloudflare zone id is 32 hex digits (the zone's Overview page, API section).
_CLOUDFLARE_ZONE_ID = re.compile(r"[0-9a-f]{32}")
# A Cloud DNS managed zone name: a lowercase letter, then lowercase letters, digits or dashes, at
# most 63 characters, not ending with a dash (gcloud dns managed-zones create).
_GOOGLE_MANAGED_ZONE = re.compile(r"[a-z](?:[a-z0-9-]{0,61}[a-z0-9])?")
# azurerm_dns_txt_record: each record's value is at most 4096 characters (the provider's schema).
AZURE_TXT_MAX = 4096

# Providers whose resources each hold a whole record set (name and type): one resource per set.
WHOLE_SETS = ("route53", "google", "azurerm", "dns", "records")

_NOT_IN_IDENTIFIER = re.compile(r"[^a-z0-9_]")


# NamedTuples, like the model's: a file of 10,000 identities makes 60,000 resources, and a frozen
# dataclass takes three times as long to make.
class Zone(NamedTuple):
    name: str  # FQDN with dot
    ident: str  # Terraform name of its data source (Route 53) or variable (Cloudflare)
    zone_id: str | None  # from --zone-id; None means look it up / ask for it


class Resource(NamedTuple):
    ident: str  # Terraform resource name, unique in the file
    record: Record
    zone: Zone
    carried: tuple[Record, ...] = ()  # --merge-live: the other TXT strings of the record's set (WHOLE_SETS only)
    live: bool = False  # --merge-live: the set exists in the zone and is written whole here
    replaces: bool = False  # --merge-live: the record takes the place of one published at its name (Identity.replaced)


class Section(NamedTuple):
    identity: Identity
    resources: tuple[Resource, ...]


class Plan(NamedTuple):
    provider: str  # "route53", "google", "azurerm", "dns", "records", or the Cloudflare generation "v5" / "v4"
    zones: tuple[Zone, ...]
    sections: tuple[Section, ...]


def identifier(text: str) -> str:
    """`text` as a Terraform name: lowercase letters, digits and `_`, not starting with a digit.

    Terraform names may also hold `-`, but `_` reads as one word in references
    (aws_route53_record.example_com_dkim_1); anything else becomes `_`, one for one,
    so xn--wgv71a119e.jp stays recognisable as xn__wgv71a119e_jp.
    """
    name = _NOT_IN_IDENTIFIER.sub("_", text.lower()).strip("_") or "_"
    return name if not name[0].isdigit() else "_" + name


def unique_names(bases: list[str]) -> list[str]:
    """The names in order, with a later duplicate suffixed _2, _3, ... never taking a used name."""
    taken = set(bases)
    seen: set[str] = set()
    result = []
    for base in bases:
        name, n = base, 1
        while name in seen or (name != base and name in taken):
            n += 1
            name = f"{base}_{n}"
        seen.add(name)
        result.append(name)
    return result


def resource_bases(identity: Identity) -> list[str]:
    """Readable, stable names for one identity's records: domain + purpose (+ index).

    DKIM records are always numbered in SES's token order (example_com_dkim_1..3); any other
    purpose only when the identity has more than one record of it.
    """
    counts: dict[str, int] = {}
    for record in identity.records:
        counts[record.purpose] = counts.get(record.purpose, 0) + 1
    index: dict[str, int] = {}
    bases = []
    for record in identity.records:
        index[record.purpose] = index.get(record.purpose, 0) + 1
        suffix = f"_{index[record.purpose]}" if record.purpose == "dkim" or counts[record.purpose] > 1 else ""
        bases.append(identifier(f"{identity.name}_{record.purpose}") + suffix)
    return bases


def plan(provider: str, identities: list[Identity], settings: Settings) -> Plan:
    """Check the settings against the provider and name every zone and resource.

    `provider` is "route53", "cloudflare", "google", "azurerm", "dns" or "records". Raises
    InputError naming the option when the provider cannot carry what was asked.
    """
    zone_id = settings.zone_id
    if provider == "cloudflare":
        generation = settings.cloudflare_provider
        _check_cloudflare_ttl(identities)
        zone_id = _zone_id(zone_id, _CLOUDFLARE_ZONE_ID, Phrase("error.zone-id.cloudflare"))
    elif provider == "route53":
        generation = "route53"
        if zone_id is not None:
            zone_id = _zone_id(zone_id.strip().removeprefix("/hostedzone/"), _ROUTE53_ZONE_ID,
                               Phrase("error.zone-id.route53"))
    elif provider == "google":
        generation = "google"
        zone_id = _zone_id(zone_id, _GOOGLE_MANAGED_ZONE, Phrase("error.zone-id.google"))
    elif provider in ("azurerm", "dns", "records"):
        generation = provider
        zone_id = None  # these name the zone by its DNS name (and, for Azure, a resource group variable)
        if provider == "azurerm":
            _check_azure_txt(identities)
    else:
        raise ValueError(f"unknown Terraform provider {provider!r}")

    zone_names = list(dict.fromkeys(identity.zone for identity in identities))
    if zone_id is not None and len(zone_names) > 1:
        listed = ", ".join(name[:-1] for name in zone_names)
        raise InputError(Phrase("error.one-zone-id", zones=listed), option="zone_id")
    prefix = "zone_id_" if provider == "cloudflare" else ""
    zone_idents = unique_names([prefix + identifier(name[:-1]) for name in zone_names])
    zones = {name: Zone(name, ident, zone_id) for name, ident in zip(zone_names, zone_idents)}

    bases = [base for identity in identities for base in resource_bases(identity)]
    names = iter(unique_names(bases))
    _check_no_clash(provider, identities)
    sections = tuple(
        Section(identity, tuple(Resource(next(names), record, zones[identity.zone], *live_set(identity, record))
                                for record in identity.records))
        for identity in identities
    )
    return Plan(generation, tuple(zones.values()), sections)


def live_set(identity: Identity, record: Record) -> tuple[tuple[Record, ...], bool, bool]:
    """(the TXT strings --merge-live carries into the record's set, whether the set exists in DNS,
    whether the record takes the place of a published one)."""
    if not (identity.carried or identity.replaced or identity.read_live):  # no --merge-live: the common case
        return (), False, False
    carried = tuple(c for c in identity.carried if (c.name, c.type) == (record.name, record.type))
    replaces = any((r.name, r.type, r.purpose) == (record.name, record.type, record.purpose) for r in identity.replaced)
    return carried, record.type == "TXT" and record.name in identity.read_live, replaces


def _check_azure_txt(identities: list[Identity]) -> None:
    for identity in identities:
        for record in (*identity.records, *identity.carried):
            if record.type == "TXT" and len(record.value) > AZURE_TXT_MAX:
                raise InputError(Phrase("error.azure-txt-long", source=identity.source, length=len(record.value),
                                        name=record.name, limit=AZURE_TXT_MAX))


def _check_cloudflare_ttl(identities: list[Identity]) -> None:
    low, high = CLOUDFLARE_TTL_RANGE
    for identity in identities:
        for record in identity.records:
            if record.ttl != CLOUDFLARE_TTL_AUTOMATIC and not low <= record.ttl <= high:
                raise InputError(Phrase("error.cloudflare-ttl", low=low, high=high, ttl=record.ttl), option="ttl")


def _zone_id(value: str | None, shape: re.Pattern, what: Phrase) -> str | None:
    if value is None:
        return None
    if not shape.fullmatch(value):
        raise InputError(Phrase("error.zone-id-shape", value=repr(value), what=what), option="zone_id")
    return value


def _check_no_clash(provider: str, identities: list[Identity]) -> None:
    """Two resources for one record set (every provider but Cloudflare), or one Cloudflare record
    twice, fail on apply."""
    seen: dict[tuple, tuple[Identity, Record]] = {}
    for identity in identities:
        for record in identity.records:
            key = (record.name, record.type) if provider in WHOLE_SETS else (record.name, record.type, record.value)
            if key in seen:
                first, other = seen[key]
                raise InputError(Phrase("error.terraform-twice", source=identity.source, type=record.type,
                                        name=record.name, first=f"{first.name} {other.purpose}",
                                        second=f"{identity.name} {record.purpose}", provider=provider))
            seen[key] = (identity, record)

