"""An octoDNS source: SES's records straight into an octoDNS run, with no file in between.

    providers:
      ses: {class: exporter.octodns.SesSource, region: eu-west-1}            # live SES, all domain identities
      ses_saved: {class: exporter.octodns.SesSource, identity_file: ./ses/}  # or saved JSON
    zones:
      example.com.: {sources: [config, ses], targets: [route53]}

Arguments are the command line's long options with underscores (docs/formats.md). `populate(zone)`
adds the records of every identity whose domain lies in that zone, names relative to it. Identities
are read once per source and kept for the run's other zones. octoDNS is an optional extra
(`pip install 'ses-export[octodns]'`): only this module imports it, and the command line never
imports this module.
"""

from __future__ import annotations

import logging
from collections.abc import Sequence
from typing import Any

from octodns.record import Record
from octodns.source.base import BaseSource

from . import names
from .errors import InputError
from .filters import octodns_txt, octodns_txt_problem
from .model import AUTO_DMARC, DEFAULT_TTL, Identity
from .phrase import Phrase


class SesSource(BaseSource):  # type: ignore[misc]  # octoDNS ships no types
    SUPPORTS_GEO = False
    SUPPORTS_DYNAMIC = False
    SUPPORTS = {"CNAME", "MX", "TXT"}

    def __init__(self, id: str, region: str | None = None, profile: str | None = None,
                 identity_file: str | None = None, domains: Sequence[str] | None = None,
                 dmarc: str | None = None, no_dmarc: bool = False, dmarc_rua: str | None = None,
                 ttl: int = DEFAULT_TTL,
                 mail_from: str | None = None, dkim_public_key: str | None = None,
                 verification_token: str | None = None, timeout: float | None = None, *args: Any, **kwargs: Any) -> None:
        self.log = logging.getLogger(f"SesSource[{id}]")
        super().__init__(id, *args, **kwargs)
        from .job import Job

        if not isinstance(no_dmarc, bool):  # "false" is true to Python: it would drop DMARC silently
            raise InputError(Phrase("error.api-not-true-false", value=repr(no_dmarc)), option="no_dmarc")
        if no_dmarc and dmarc is not None:
            raise InputError(Phrase("error.api-dmarc-and-no-dmarc"), option="dmarc")
        if isinstance(domains, str):  # one name would be read letter by letter
            raise InputError(Phrase("error.api-not-domains", value=repr(domains)), option="domains")
        # A Job checks the choices as the command line does (a bad TTL or key fails at start-up).
        self.job = Job(domains=tuple(domains or ()), identity_file=identity_file, regions=(region,) if region else (),
                       profile=profile, all_identities=identity_file is None and not domains, ttl=ttl,
                       mail_from=mail_from, dmarc=None if no_dmarc else (dmarc if dmarc is not None else AUTO_DMARC),
                       dmarc_rua=dmarc_rua, dkim_public_key=dkim_public_key,
                       verification_token=verification_token, ses_timeout=timeout)
        from .job import refuse_bad_values

        refuse_bad_values(self.job)
        self.job.options(region)  # validate now, not in the middle of a sync
        self._identities: list[Identity] | None = None

    def identities(self) -> list[Identity]:
        """Every identity this source names, read once (SES is slow: about one request a second)."""
        if self._identities is None:
            import exporter

            job = self.job
            if job.identity_file is not None:
                from .regions import configured_region

                region = job.regions[0] if job.regions else configured_region(job.profile)
                self._identities = exporter.load_saved(job.identity_file, list(job.domains) or None,
                                                       job.options(region))
            else:
                self._identities = exporter.fetch_live(list(job.domains) or None, job.regions, job.profile,
                                                       job.options(), job.ses_timeout, self.log.info)
        return self._identities

    def populate(self, zone: Any, target: bool = False, lenient: bool = False) -> bool:
        if target:
            return False
        zone_name = zone.name.lower()
        found = False
        for identity in self.identities():
            if not names.is_within(identity.domain, zone_name):
                continue
            found = True
            for name, data in _records(identity, zone_name):
                zone.add_record(Record.new(zone, name, data, source=self, lenient=lenient), lenient=lenient)
        self.log.info("populate: %s: %s", zone.name, "records added" if found else "no identity in this zone")
        return found


def _records(identity: Identity, zone_name: str) -> list[tuple[str, dict[str, Any]]]:
    """(name relative to the zone, octoDNS record data) for each record set of one identity."""
    sets: dict[tuple[str, str], dict[str, Any]] = {}
    for record in identity.records:
        name = record.name[: -len(zone_name) - 1] if record.name != zone_name else ""
        data = sets.setdefault((name, record.type), {"type": record.type, "ttl": record.ttl, "values": []})
        if record.type == "TXT":
            problem = octodns_txt_problem(record.value)
            if problem:
                raise InputError(Phrase("error.octodns-txt", identity=identity.name, name=record.name, problem=problem))
            data["values"].append(octodns_txt(record.value))
        elif record.type == "MX":
            data["values"].append({"preference": record.priority, "exchange": record.value})
        else:
            data["value"] = record.value
            data.pop("values", None)
    return [(name, data) for (name, _), data in sets.items()]
