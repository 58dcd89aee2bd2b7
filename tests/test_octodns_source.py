"""exporter.octodns.SesSource: SES's records in an octoDNS run.

octodns-sync with this source and octoDNS's BIND zone-file provider (octodns-bind) as the target
writes zone files that named-checkzone loads and that dnspython reads back as the model's records;
the live path reads the loopback SES endpoint; the command line never imports octoDNS.
"""

from __future__ import annotations

import json
import subprocess
import sys

import dns.rdatatype
import dns.zone
import pytest

from conftest import ROOT, SAMPLES, require_tool, sample_argv, sample_identities
from fake_ses import FakeSes
from octodns_support import octodns_records, run
from test_route53_changes import sample_identity


def zone_file_records(text: str, zone: str) -> list[tuple]:
    """The records of a whole zone file other than its SOA and NS, read by dnspython."""
    loaded = dns.zone.from_text(text, origin=zone, relativize=False)
    found = []
    for name, rdataset in loaded.iterate_rdatasets():
        kind = dns.rdatatype.to_text(rdataset.rdtype)
        for rdata in rdataset:
            if kind in ("SOA", "NS"):
                continue
            priority = None
            if kind == "TXT":
                assert all(len(s) <= 255 for s in rdata.strings)
                value = b"".join(rdata.strings).decode("ascii")
            elif kind == "MX":
                priority, value = rdata.preference, rdata.exchange.to_text()
            else:
                value = rdata.target.to_text()
            found.append((name.to_text(), kind, rdataset.ttl, priority, value))
    return sorted(found)


@pytest.mark.needs_named
@pytest.mark.slow
def test_octodns_sync_writes_zone_files_named_and_dnspython_read_as_the_model(tmp_path):
    providers, zones, expected = [], [], {}
    for n, sample in enumerate(sample_identities()):
        argv = sample_argv(sample)
        identity = sample_identity(sample)
        lines = [f"  ses{n}:", "    class: exporter.octodns.SesSource", f"    identity_file: {argv[2]}",
                 f"    domains: [{json.dumps(sample['domain'])}]"]
        if "--region" in argv:  # otherwise the identity's own SigningHostedZone names it
            lines.append(f"    region: {argv[argv.index('--region') + 1]}")
        if "--dkim-public-key" in argv:
            lines.append(f"    dkim_public_key: {argv[argv.index('--dkim-public-key') + 1]}")
        providers += lines
        # As a team has it: the zone's own records (here its NS) from YAML, SES's from this source.
        zones += [f"  {identity.zone}:", f"    sources: [config, ses{n}]", "    targets: [bind]"]
        (tmp_path / "config").mkdir(exist_ok=True)
        (tmp_path / "config" / f"{identity.zone}yaml").write_text(
            "'':\n  type: NS\n  values:\n  - ns1.dns-host.test.\n  - ns2.dns-host.test.\n", encoding="utf-8")
        expected[identity.zone] = sorted((r.name, r.type, r.ttl, r.priority, r.value) for r in identity.records)
    (tmp_path / "out").mkdir()
    config = "\n".join(["manager:", "  validators:", "    enabled: [strict]", "providers:", "  config:",
                        "    class: octodns.provider.yaml.YamlProvider", f"    directory: {tmp_path / 'config'}",
                        "    escaped_semicolons: true", *providers,
                        "  bind:", "    class: octodns_bind.ZoneFileProvider", f"    directory: {tmp_path / 'out'}",
                        "zones:", *zones]) + "\n"
    config_file = tmp_path / "config.yaml"
    config_file.write_text(config, encoding="utf-8")
    env = {"PATH": "/usr/bin:/bin", "PYTHONPATH": str(ROOT), "HOME": str(tmp_path), "AWS_CONFIG_FILE": "/dev/null",
           "AWS_SHARED_CREDENTIALS_FILE": "/dev/null", "AWS_EC2_METADATA_DISABLED": "true"}
    result = run("octodns-sync", config_file, "--doit", env=env)
    assert result.returncode == 0, result.stdout + result.stderr
    checkzone = require_tool("named-checkzone")
    for zone, records in expected.items():
        path = tmp_path / "out" / zone  # octodns-bind names the file after the zone, final dot included
        check = subprocess.run([checkzone, "-k", "fail", zone, str(path)], capture_output=True, text=True)
        assert check.returncode == 0, check.stdout + check.stderr
        assert zone_file_records(path.read_text(encoding="utf-8"), zone) == records


@pytest.mark.slow
def test_live_ses_through_the_source(aws_env):
    """All domain identities of a region from the loopback SES; each zone gets only its own."""
    from octodns.zone import Zone

    from exporter import model
    from exporter.octodns import SesSource

    saved = {name: json.loads((SAMPLES / "identities" / f"{name}.json").read_text()) for name in
             ("example.com", "shop.example.net")}
    with FakeSes({"ap-northeast-3": saved}) as ses:
        aws_env(ses)
        source = SesSource("ses", region="ap-northeast-3", ttl=600)
        for zone_name, domain in (("example.net.", "shop.example.net"), ("example.com.", "example.com")):
            zone = Zone(zone_name, [])
            assert source.populate(zone) is True
            identity = model.identity(saved[domain], domain, model.options(region="ap-northeast-3", ttl=600), "SES")
            expected = sorted((r.name, r.type, r.ttl, r.priority, r.value) for r in identity.records)
            assert octodns_records(zone) == expected
        assert source.populate(Zone("example.org.", [])) is False
        gets = [r for r in ses.requests if "/identities/" in r.path]
        assert len(gets) == 2  # read once, kept for the run's other zones


def test_bad_options_fail_when_octodns_starts_the_source():
    from exporter.errors import InputError
    from exporter.octodns import SesSource

    with pytest.raises(InputError, match="ttl"):
        SesSource("ses", identity_file=str(SAMPLES / "identities"), ttl=0)


@pytest.mark.slow
def test_the_command_line_never_imports_octodns_or_yaml(tmp_path):
    code = ("import sys\nfrom click.testing import CliRunner\nfrom exporter.cli import main\n"
            "from exporter import formats\n"
            f"argv = ['example.com', '--identity-file', {str(SAMPLES / 'identities' / 'example.com.json')!r}, "
            "'--region', 'us-east-1']\n"
            "for name in formats.names():\n"
            "    result = CliRunner().invoke(main, [*argv, '-f', name])\n"
            "    assert result.exit_code == 0, (name, result.output)\n"
            "loaded = sorted(m for m in sys.modules if m.split('.')[0] in ('octodns', 'yaml', 'natsort', 'cfnlint'))\n"
            "print(loaded)\n")
    result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT, timeout=120,
                            env={"PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": str(tmp_path)})
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == "[]"
