"""What a Terraform file declares: provider choice, zones and resource names, checked once.

Shared by the two Terraform formats (terraform_route53.py, terraform_cloudflare.py): their
`prepare` calls `plan` and the templates only lay out what it returns; values are escaped there
by the named filters in exporter/filters.py.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import InputError
from ..model import Identity, Record
from . import Settings

# Cloudflare accepts 1 ("automatic") or 60..86400 seconds (provider docs for `ttl`).
CLOUDFLARE_TTL_AUTOMATIC = 1
CLOUDFLARE_TTL_RANGE = (60, 86400)

# Route 53 hosted zone ids are upper-case letters and digits ("Z0123456789ABCDEFGHIJ");
# the console and the CLI also show them as /hostedzone/ID.
_ROUTE53_ZONE_ID = re.compile(r"[A-Z0-9]{1,32}")
# A Cloudflare zone id is 32 hex digits (the zone's Overview page, API section).
_CLOUDFLARE_ZONE_ID = re.compile(r"[0-9a-f]{32}")

_NOT_IN_IDENTIFIER = re.compile(r"[^a-z0-9_]")


@dataclass(frozen=True)
class Zone:
    name: str  # FQDN with dot
    ident: str  # Terraform name of its data source (Route 53) or variable (Cloudflare)
    zone_id: str | None  # from --zone-id; None means look it up / ask for it


@dataclass(frozen=True)
class Resource:
    ident: str  # Terraform resource name, unique in the file
    record: Record
    zone: Zone
    carried: tuple[Record, ...] = ()  # --merge-live: the other TXT strings of the record's set (Route 53 only)
    live: bool = False  # --merge-live: the set exists in the zone and is written whole here
    replaces: bool = False  # --merge-live: the record takes the place of one published at its name (Identity.replaced)


@dataclass(frozen=True)
class Section:
    identity: Identity
    resources: tuple[Resource, ...]


@dataclass(frozen=True)
class Plan:
    provider: str  # "route53", or the Cloudflare generation "v5" / "v4"
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

    `provider` is "route53" or "cloudflare". Raises InputError naming the option when the
    provider cannot carry what was asked.
    """
    zone_id = settings.zone_id
    if provider == "cloudflare":
        generation = settings.cloudflare_provider
        _check_cloudflare_ttl(identities)
        zone_id = _zone_id(zone_id, _CLOUDFLARE_ZONE_ID, "a Cloudflare zone id (32 hex digits)")
    elif provider == "route53":
        generation = "route53"
        if zone_id is not None:
            zone_id = _zone_id(zone_id.strip().removeprefix("/hostedzone/"), _ROUTE53_ZONE_ID,
                               "a Route 53 hosted zone id (like Z0123456789ABCDEFGHIJ)")
    else:
        raise ValueError(f"unknown Terraform provider {provider!r}")

    zone_names = list(dict.fromkeys(identity.zone for identity in identities))
    if zone_id is not None and len(zone_names) > 1:
        listed = ", ".join(name[:-1] for name in zone_names)
        raise InputError(f"one id for identities in several zones ({listed}); "
                         "pass --zone to put them in one zone, or render each zone apart", option="zone_id")
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
    carried = tuple(c for c in identity.carried if (c.name, c.type) == (record.name, record.type))
    replaces = any((r.name, r.type, r.purpose) == (record.name, record.type, record.purpose) for r in identity.replaced)
    return carried, record.type == "TXT" and record.name in identity.read_live, replaces


def _check_cloudflare_ttl(identities: list[Identity]) -> None:
    low, high = CLOUDFLARE_TTL_RANGE
    for identity in identities:
        for record in identity.records:
            if record.ttl != CLOUDFLARE_TTL_AUTOMATIC and not low <= record.ttl <= high:
                raise InputError(f"Cloudflare accepts {low}..{high} seconds, or 1 for automatic; "
                                 f"{record.ttl} cannot be written for terraform-cloudflare", option="ttl")


def _zone_id(value: str | None, shape: re.Pattern, what: str) -> str | None:
    if value is None:
        return None
    if not shape.fullmatch(value):
        raise InputError(f"{value!r} is not {what}", option="zone_id")
    return value


def _check_no_clash(provider: str, identities: list[Identity]) -> None:
    """Two resources for one Route 53 record set, or one Cloudflare record twice, fail on apply."""
    seen: dict[tuple, tuple[Identity, Record]] = {}
    for identity in identities:
        for record in identity.records:
            key = (record.name, record.type) if provider == "route53" else (record.name, record.type, record.value)
            if key in seen:
                first, other = seen[key]
                raise InputError(
                    f"{identity.source}: {record.type} at {record.name} is needed twice ({first.name} {other.purpose}, "
                    f"{identity.name} {record.purpose}); terraform-{provider} would fail to apply the second. "
                    "Render them in separate files"
                )
            seen[key] = (identity, record)

