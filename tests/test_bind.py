"""BIND output: loads with dnspython, passes a real named-checkzone, and equals the model."""

import subprocess

import dns.rdatatype
import dns.zone
import pytest

from conftest import require_tool, sample_argv

# BIND: the fragment passes named-checkzone once wrapped like this.
WRAPPER = "$TTL 300\n@ SOA . . 0 0 0 0 0\n@ NS .\n"


def render_json_and_bind(cli, sample):
    import json

    bind = cli(*sample_argv(sample, "--format", "bind"))
    assert bind.exit_code == 0, bind.stderr
    model = json.loads(cli(*sample_argv(sample, "--format", "json")).stdout)
    return bind.stdout, model


def test_bind_loads_with_dnspython_and_equals_the_model(cli, sample):
    text, model = render_json_and_bind(cli, sample)
    zone = dns.zone.from_text(text, origin=model["identities"][0]["zone"], check_origin=False, relativize=False)
    found = set()
    for name, rdataset in zone.iterate_rdatasets():
        for rdata in rdataset:
            if rdataset.rdtype == dns.rdatatype.TXT:
                value, priority = b"".join(rdata.strings).decode(), None
            elif rdataset.rdtype == dns.rdatatype.MX:
                value, priority = rdata.exchange.to_text(), rdata.preference
            else:
                value, priority = rdata.target.to_text(), None
            found.add((name.to_text(), dns.rdatatype.to_text(rdataset.rdtype), rdataset.ttl, priority, value))
    expected = {(r["name"], r["type"], r["ttl"], r["priority"], r["value"]) for r in model["records"]}
    assert found == expected


def test_every_name_and_target_ends_with_a_dot(cli, sample):
    text, _ = render_json_and_bind(cli, sample)
    lines = [line for line in text.splitlines() if line and not line.startswith(";")]
    assert lines
    for line in lines:
        owner, ttl, klass, rtype, *rdata = line.split()
        assert owner.endswith("."), line
        assert ttl.isdigit() and klass == "IN", line
        if rtype in ("CNAME", "MX"):
            assert rdata[-1].endswith("."), line


@pytest.mark.needs_named
def test_bind_passes_named_checkzone(cli, sample, tmp_path):
    checkzone = require_tool("named-checkzone")
    text, model = render_json_and_bind(cli, sample)
    zone_name = model["identities"][0]["zone"]
    path = tmp_path / "zone.db"
    path.write_text(WRAPPER + text, encoding="utf-8")
    result = subprocess.run([checkzone, "-i", "local", zone_name, str(path)], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "OK" in result.stdout


@pytest.mark.needs_named
def test_named_checkzone_rejects_a_broken_fragment(tmp_path):
    """The check above can fail: a relative CNAME beside the apex data is refused."""
    checkzone = require_tool("named-checkzone")
    path = tmp_path / "zone.db"
    path.write_text(WRAPPER + "example.com. 300 IN CNAME elsewhere.\n", encoding="utf-8")
    result = subprocess.run([checkzone, "-i", "local", "example.com.", str(path)], capture_output=True, text=True)
    assert result.returncode != 0
