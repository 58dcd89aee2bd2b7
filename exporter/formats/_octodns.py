"""What an octoDNS zone file holds: its one zone, its names in natural order, and the checks.

Imported by octodns.py's `prepare` only (format modules load at every start-up).
"""

from __future__ import annotations

from operator import attrgetter
from typing import NamedTuple

from ..errors import InputError
from ..model import Record
from ..phrase import Phrase
from ._record_sets import one_set_each, one_zone

# octoDNS's name-rfc validator counts the FQDN with its final dot against 253, so a name of 253
# octets (valid DNS, and written by every other format) is one too long for it.
OCTODNS_MAX_FQDN = 253


class Node(NamedTuple):
    key: str  # the name relative to the zone ('' at the apex)
    records: tuple[Record, ...]  # sorted by type
    carried: tuple[str, ...] = ()  # --merge-live: the other TXT strings at the name, kept in its TXT record


def check(identities) -> str:
    """The one zone of `identities`; refuses what one octoDNS zone file cannot hold exactly."""
    from ..filters import octodns_txt_problem

    zone = one_zone(identities, Phrase("error.one-zone.octodns"), Phrase("error.apart.octodns"))
    one_set_each(identities, Phrase("error.twice.octodns"))
    for identity in identities:
        for record in (*identity.records, *identity.carried):
            if len(record.name) > OCTODNS_MAX_FQDN:
                raise InputError(Phrase("error.octodns-name-long", name=record.name, length=len(record.name) - 1,
                                        limit=OCTODNS_MAX_FQDN - 1), option="format")
            problem = octodns_txt_problem(record.value) if record.type == "TXT" else _target_problem(record.value)
            if problem:
                raise InputError(Phrase("error.octodns-value", type=record.type, name=record.name, problem=problem),
                                 option="format")
    return zone or ""


def _target_problem(target: str) -> str | None:
    """octoDNS's strict check of a CNAME or MX target (its target-value-rfc validator, through the
    fqdn package): every label letters, digits, `-` and `_`, not starting or ending with `-`.
    SES's tokens always pass; a hand-edited token such as '-x' does not."""
    bad = next((label for label in target[:-1].split(".") if label.startswith("-") or label.endswith("-")), None)
    return f"the label {bad!r}, which starts or ends with '-'" if bad is not None else None


def nodes(identities, zone: str) -> list[Node]:
    """The zone's names, relative, in octoDNS's natural order, each with its records."""
    from ..filters import natural_key
    from ..names import relative

    by_key: dict[str, list[Record]] = {}
    carried: dict[str, list[str]] = {}
    for identity in identities:
        written = {(record.name, record.type) for record in identity.records}
        for record in identity.records:
            key = relative(record.name, zone)
            by_key.setdefault("" if key == "@" else key, []).append(record)
        for record in identity.carried:
            if (record.name, record.type) in written:
                key = relative(record.name, zone)
                carried.setdefault("" if key == "@" else key, []).append(record.value)
    by_type = attrgetter("type")
    return [Node(key, tuple(sorted(by_key[key], key=by_type)), tuple(carried.get(key, ())))
            for key in sorted(by_key, key=natural_key)]



def zone_file(identities) -> dict:
    """The template's context: the zone and its names."""
    zone = check(identities)
    return {"zone": zone, "nodes": nodes(identities, zone)}
