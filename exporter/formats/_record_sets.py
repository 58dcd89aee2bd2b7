"""Checks shared by the formats that hold one record set per name and type in one file
(cloudformation, octodns, route53-changes): what none of them can carry is refused the same way."""

from __future__ import annotations

from collections.abc import Sequence

from ..errors import InputError
from ..model import Identity
from ..phrase import Phrase


def one_zone(identities: Sequence[Identity], what: Phrase, apart: Phrase) -> str | None:
    """The one zone of `identities` (None: no identities); several are refused: `what` names the
    file ("a change batch is for one hosted zone"), `apart` how to write them apart."""
    zones = list(dict.fromkeys(identity.zone for identity in identities))
    if len(zones) > 1:
        listed = ", ".join(zone[:-1] for zone in zones)
        raise InputError(Phrase("error.one-zone", what=what, count=len(zones), zones=listed, apart=apart),
                         option="format")
    return zones[0] if zones else None


def one_set_each(identities: Sequence[Identity], why: Phrase) -> None:
    """Refuse two records of one name and type (from two identities): `why` says what the file cannot do."""
    seen: dict[tuple[str, str], str] = {}
    for identity in identities:
        for record in identity.records:
            key = (record.name, record.type)
            if key in seen:
                raise InputError(Phrase("error.format-twice", type=record.type, name=record.name, first=seen[key],
                                        second=f"{identity.name} {record.purpose}", why=why), option="format")
            seen[key] = f"{identity.name} {record.purpose}"


def route53_values_fit(identities: Sequence[Identity]) -> None:
    """Refuse a value Route 53 cannot take once quoted (ResourceRecord.Value: at most 4000 characters)."""
    from ..filters import ROUTE53_VALUE_MAX, route53_rdata

    for identity in identities:
        for record in identity.records:
            value = route53_rdata(record)
            if len(value) > ROUTE53_VALUE_MAX:
                raise InputError(Phrase("error.route53-value-long", type=record.type, name=record.name,
                                        length=len(value), limit=ROUTE53_VALUE_MAX), option="format")
