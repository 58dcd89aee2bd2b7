"""What a CloudFormation template declares: logical ids, zones, and where cfn-lint misreads a value.

Imported by cloudformation.py's `prepare` only (format modules load at every start-up; this one
when the format is used).
"""

from __future__ import annotations

from typing import NamedTuple

from ..errors import InputError
from ..filters import txt_chunks
from ..model import Identity, Record
from ..phrase import Phrase
from . import Settings
from ._record_sets import one_set_each, route53_values_fit
from ._terraform import _ROUTE53_ZONE_ID, _zone_id, live_set, resource_bases

# cfn-lint's E3023 reads a TXT value as "..." strings of 1-255 characters other than `"`: it
# counts an escape's backslash and has no room for an escaped quote (cfn-lint's
# data/schemas/extensions/aws_route53_recordset/recordset_pattern.json, TXTRecord). Route 53
# takes both (a `\"` is one byte of the string). A resource whose value needs either says so and
# turns that one rule off for itself; the tests prove the value right with a DNS parser instead.
CFN_LINT_TXT_RULE = "E3023"


class Resource(NamedTuple):
    logical_id: str
    record: Record
    zone: str  # FQDN with dot
    lint_false_positive: bool  # E3023 would misread this TXT value (see CFN_LINT_TXT_RULE)
    carried: tuple[Record, ...] = ()  # --merge-live: the other TXT strings of the record's set
    live: bool = False  # --merge-live: the set exists in the zone and is written whole here


class Section(NamedTuple):
    identity: Identity
    resources: tuple[Resource, ...]


def template(identities, settings: Settings) -> dict:
    """The template's context: sections of resources, the zone id, the description."""
    zone_id = settings.zone_id
    if zone_id is not None:
        zone_id = _zone_id(zone_id.strip().removeprefix("/hostedzone/"), _ROUTE53_ZONE_ID,
                           Phrase("error.zone-id.route53"))
        zones = list(dict.fromkeys(identity.zone for identity in identities))
        if len(zones) > 1:
            raise InputError(Phrase("error.one-zone-id", zones=", ".join(z[:-1] for z in zones)), option="zone_id")

    if not any(identity.records for identity in identities):
        raise InputError(Phrase("error.cloudformation-empty"), option="format")
    one_set_each(identities, Phrase("error.twice.cloudformation"))
    route53_values_fit(identities)

    bases = [logical_id(base) for identity in identities for base in resource_bases(identity)]
    ids = iter(unique_ids(bases))
    sections = tuple(
        Section(identity, tuple(
            resource(next(ids), identity, record) for record in identity.records))
        for identity in identities
    )
    return {"sections": sections, "zone_id": zone_id, "lint_rule": CFN_LINT_TXT_RULE,
            "description": description(identities)}


def resource(logical_id: str, identity: Identity, record: Record) -> Resource:
    """One record set: the record, and with --merge-live the TXT strings carried into its set."""
    carried, live, _ = live_set(identity, record)
    misread = record.type == "TXT" and any(lint_misreads(r.value) for r in (record, *carried))
    return Resource(logical_id, record, identity.zone, misread, carried, live)


def lint_misreads(text: str) -> bool:
    """Whether cfn-lint's E3023 would refuse this TXT text although Route 53 takes it: a quote
    inside a string, or a string of at most 255 bytes longer than 255 characters once escaped."""
    return any('"' in chunk or len(chunk) + chunk.count("\\") > 255 for chunk in txt_chunks(text))


def logical_id(base: str) -> str:
    """A Terraform-style name (example_com_dkim_1) as a logical id: letters and digits only
    (CloudFormation's rule), each part capitalised: ExampleComDkim1."""
    return "".join(part[:1].upper() + part[1:] for part in base.split("_") if part) or "Record"


def unique_ids(bases: list[str]) -> list[str]:
    """The ids in order; a later duplicate gets Dup2, Dup3... (never a taken id)."""
    taken, seen, result = set(bases), set(), []
    for base in bases:
        name, n = base, 1
        while name in seen or (name != base and name in taken):
            n += 1
            name = f"{base}Dup{n}"
        seen.add(name)
        result.append(name)
    return result


def description(identities) -> str:
    """The template's Description (CloudFormation takes at most 1024 bytes)."""
    from .. import __version__

    head = f"ses-export {__version__}: DNS records for Amazon SES: "
    text = head + ", ".join(f"{i.name} ({i.region})" if i.region else i.name for i in identities)
    return text if len(text) <= 1024 else head + f"{len(identities)} identities"

