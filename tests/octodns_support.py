"""octoDNS in the tests: its YamlProvider and validators, and octodns-validate / octodns-sync runs.

`zone_records` loads a zone the way an octoDNS run does (YamlProvider with its natural-order
check, strict validators on) and returns the records as the model writes them: TXT back to the
raw text (octoDNS's to_raw_text), MX as priority and exchange.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest


def enable_strict() -> None:
    from octodns.record import Record
    from octodns.zone import Zone

    Record.enable_validators(["strict"])
    Zone.enable_zone_validators(["strict"])


def zone_records(directory: Path, zone: str, file_name: str | None = None) -> list[tuple]:
    """(name, type, ttl, priority, value) of every record YamlProvider loads for `zone`.

    `file_name`: a zone whose ZONE.yaml would pass the file system's 255-byte name limit is read
    from this file by the provider's own per-file loader (what populate calls for ZONE.yaml).
    """
    from octodns.provider.yaml import YamlProvider
    from octodns.zone import Zone

    enable_strict()
    provider = YamlProvider("test", str(directory), escaped_semicolons=True, enforce_order=True)
    loaded = Zone(zone, [])
    if file_name is None:
        provider.populate(loaded)
    else:
        provider._populate_from_file(str(directory / file_name), loaded, False)
    return octodns_records(loaded)


def octodns_records(zone) -> list[tuple]:
    found = []
    for record in zone.records:
        if record._type == "MX":
            found += [(record.fqdn, "MX", record.ttl, v.preference, v.exchange) for v in record.values]
        elif record._type == "TXT":
            found += [(record.fqdn, "TXT", record.ttl, None, v.to_raw_text()) for v in record.values]
        elif record._type == "CNAME":
            found.append((record.fqdn, "CNAME", record.ttl, None, record.value))
        elif record._type == "A":  # a team's own records beside SES's (tests/test_octodns_format.py)
            found += [(record.fqdn, "A", record.ttl, None, str(v)) for v in record.values]
        else:
            raise AssertionError(f"unexpected {record._type} record {record.fqdn}")
    return sorted(found)


def config(directory: Path, zones: list[str], *, sources: str = "zones", targets: str = "zones",
           extra_providers: str = "") -> str:
    """An octoDNS config with the strict validators and a YamlProvider over `directory`."""
    lines = ["manager:", "  validators:", "    enabled: [strict]", "providers:", "  zones:",
             "    class: octodns.provider.yaml.YamlProvider", f"    directory: {directory}",
             "    escaped_semicolons: true", "    enforce_order: true", extra_providers.rstrip("\n"), "zones:"]
    for zone in zones:
        lines += [f"  {zone}:", f"    sources: [{sources}]", f"    targets: [{targets}]"]
    return "\n".join(line for line in lines if line) + "\n"


def octodns_command(name: str) -> str:
    exe = Path(sys.executable).with_name(name)
    if not exe.exists():
        pytest.fail(f"{name} is not installed (PyPI octodns): run bash tests/install")
    return str(exe)


def run(name: str, config_file: Path, *args: str, env=None) -> subprocess.CompletedProcess:
    return subprocess.run([octodns_command(name), "--config-file", str(config_file), *args],
                          capture_output=True, text=True, timeout=300, env=env)
