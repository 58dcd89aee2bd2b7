"""--dns-host auto: the panel found from the zone's NS records, asked of a real `named`.

One named serves a zone per DNS host (each zone's NS records are the host's real name server
names, from the sources in exporter/dns_host.py and docs/panels.md), a zone of unknown servers and
a zone served by two hosts. A server that never answers stands for DNS that cannot be asked.
"""

from __future__ import annotations

import pytest

from exporter import dns_host, panels

from conftest import SAMPLES, require_tool
from dns_servers import Named, SilentServer

# zone -> (its NS host names, the panel auto must find)
ZONES = {
    "cloudflare.test.": (["bob.ns.cloudflare.com.", "lola.ns.cloudflare.com."], "cloudflare"),
    "route53.test.": (["ns-470.awsdns-32.net.", "ns-1220.awsdns-12.org.", "ns-205.awsdns-13.com.",
                       "ns-1960.awsdns-51.co.uk."], "route53"),
    "onamae.test.": (["dns1.onamae.com.", "dns2.onamae.com."], "onamae"),
    "onamae-dnsv.test.": (["01.dnsv.jp.", "02.dnsv.jp.", "03.dnsv.jp.", "04.dnsv.jp."], "onamae"),
    "muumuu.test.": (["dns01.muumuu-domain.com.", "dns02.muumuu-domain.com."], "muumuu"),
    "xserver.test.": ([f"ns{n}.xserver.jp." for n in range(1, 6)], "xserver"),
    "sakura.test.": (["ns1.dns.ne.jp.", "ns2.dns.ne.jp."], "sakura"),
    "valuedomain.test.": ([f"ns{n}.value-domain.com." for n in range(1, 6)], "valuedomain"),
    "godaddy.test.": (["ns01.domaincontrol.com.", "ns02.domaincontrol.com."], "godaddy"),
    "namecheap.test.": (["dns1.registrar-servers.com.", "dns2.registrar-servers.com."], "namecheap"),
    "unknown.test.": (["ns1.example.net.", "ns2.example.net."], "generic"),
    "mixed.test.": (["bob.ns.cloudflare.com.", "ns-470.awsdns-32.net."], "generic"),
    # A subdomain delegated to another DNS host than its parent's (the same named serves both).
    "deleg.test.": (["ns1.example.net.", "ns2.example.net."], "generic"),
    "shop.deleg.test.": (["bob.ns.cloudflare.com.", "lola.ns.cloudflare.com."], "cloudflare"),
}


def zone_file(origin: str, hosts: list[str]) -> str:
    return "\n".join([f"$ORIGIN {origin}", "$TTL 300", "@ SOA ns.invalid. hostmaster.invalid. 1 3600 600 86400 300",
                      *[f"@ NS {host}" for host in hosts], "@ TXT \"zone for --dns-host auto\"", ""])


@pytest.fixture(scope="module")
def named(tmp_path_factory):
    server = Named(require_tool("named"), tmp_path_factory.mktemp("named-ns"),
                   {zone: zone_file(zone, hosts) for zone, (hosts, _) in ZONES.items()})
    yield server
    server.stop()


def test_every_panel_but_generic_has_a_pattern_with_a_source():
    assert {panel for panel, _, _ in dns_host.PATTERNS} == set(panels.PANEL_NAMES) - {"generic"}
    assert all(source for _, _, source in dns_host.PATTERNS)


@pytest.mark.needs_named
@pytest.mark.parametrize("zone", ZONES)
def test_each_zone_gets_the_panel_of_its_name_servers(named, zone):
    hosts, panel = ZONES[zone]
    found = dns_host.detect(zone, [named.address], timeout=2)
    assert found.hosts == tuple(sorted(hosts))
    assert found.panel == panel
    assert (found.note is None) == (panel != "generic")


def test_lookalike_names_are_not_taken_for_a_panel():
    for host in ("ns.cloudflare.com.evil.example.", "cloudflare.com.", "ns-1.awsdns-1.example.", "onamae.com.",
                 "dnsv.jp.example.", "xserver.jp."):
        assert dns_host.panel_of(host) is None, host
    assert dns_host.panel_of("BOB.NS.CLOUDFLARE.COM") == "cloudflare"


@pytest.mark.slow
def test_dns_that_cannot_be_asked_gives_generic_and_a_note_not_an_error():
    silent = SilentServer()
    try:
        found = dns_host.detect("cloudflare.test.", [silent.address], timeout=0.2)
    finally:
        silent.stop()
    assert found.panel == "generic" and "cannot ask DNS" in found.note


@pytest.mark.needs_named
def test_a_zone_the_server_does_not_serve_gives_generic(named):
    found = dns_host.detect("not-served.test.", [named.address], timeout=1)
    assert found.panel == "generic" and found.note


def _identity_args(tmp_path, domain: str) -> list[str]:
    """A saved identity of `domain` (the example.com sample, renamed), as ses-export arguments."""
    text = (SAMPLES / "identities" / "example.com.json").read_text(encoding="utf-8")
    path = tmp_path / f"{domain}.json"
    path.write_text(text.replace("example.com", domain), encoding="utf-8")
    return [domain, "--identity-file", str(path), "--region", "us-east-1"]


@pytest.mark.needs_named
@pytest.mark.parametrize("fmt", ["instructions", "html"])
def test_the_cli_tailors_instructions_and_html_to_the_panel_found(cli, named, tmp_path, fmt):
    args = _identity_args(tmp_path, "cloudflare.test")
    auto = cli(*args, "-f", fmt, "--lang", "en", "--dns-host", "auto", "--nameserver", named.address)
    assert auto.exit_code == 0, auto.output
    assert "served by cloudflare" in auto.stderr
    named_panel = cli(*args, "-f", fmt, "--lang", "en", "--dns-host", "cloudflare")
    assert auto.stdout == named_panel.stdout  # exactly what --dns-host cloudflare writes


@pytest.mark.slow
def test_the_cli_falls_back_to_generic_with_a_note_when_dns_cannot_be_asked(cli, tmp_path):
    silent = SilentServer()
    args = _identity_args(tmp_path, "cloudflare.test")
    try:
        auto = cli(*args, "--lang", "en", "--dns-host", "auto", "--nameserver", silent.address, "--dns-timeout", "0.2")
    finally:
        silent.stop()
    assert auto.exit_code == 0
    assert "note: --dns-host auto: cannot ask DNS" in auto.stderr
    assert auto.stdout == cli(*args, "--lang", "en").stdout  # generic


@pytest.mark.needs_named
def test_zones_on_different_hosts_in_one_run_get_generic(cli, named, tmp_path):
    folder = tmp_path / "ids"
    folder.mkdir()
    _identity_args(folder, "cloudflare.test")
    _identity_args(folder, "route53.test")
    args = ["--identity-file", str(folder), "--region", "us-east-1", "--lang", "en"]
    auto = cli(*args, "--dns-host", "auto", "--nameserver", named.address)
    assert auto.exit_code == 0, auto.output
    assert "different DNS hosts" in auto.stderr
    assert auto.stdout == cli(*args).stdout  # generic


def test_nameserver_without_check_or_auto_is_still_refused(cli, tmp_path):
    result = cli(*_identity_args(tmp_path, "cloudflare.test"), "--nameserver", "127.0.0.1")
    assert result.exit_code == 2
    assert "--nameserver: only with --check, --merge-live or --dns-host auto" in result.stderr


def test_the_panels_page_lists_every_pattern_with_a_source():
    from conftest import ROOT

    page = (ROOT / "docs" / "panels.md").read_text(encoding="utf-8")
    section = page[page.index("## `--dns-host auto`"):]
    for panel, _, _ in dns_host.PATTERNS:
        row = next(line for line in section.splitlines() if line.startswith(f"| `{panel}` |"))
        assert row.rstrip().endswith("|") and len(row.split("|")[4].strip()) > 20, row


@pytest.mark.needs_named
def test_a_delegated_subdomain_gets_its_own_zone_and_panel(cli, named, tmp_path):
    """The zone cut found in DNS (--check's walk), not the registrable domain: shop.deleg.test is a
    zone of its own, at Cloudflare, so the hosts are relative to it and the panel is Cloudflare's."""
    args = _identity_args(tmp_path, "shop.deleg.test")
    auto = cli(*args, "-f", "instructions", "--lang", "en", "--dns-host", "auto", "--nameserver", named.address,
               "--mail-from", "mail.shop.deleg.test")
    assert auto.exit_code == 0, auto.output
    assert "served by cloudflare" in auto.stderr
    assert "which DNS delegates for shop.deleg.test" in auto.stderr
    given = cli(*args, "-f", "instructions", "--lang", "en", "--dns-host", "cloudflare", "--zone", "shop.deleg.test",
                "--mail-from", "mail.shop.deleg.test")
    def hosts(text: str) -> list[str]:
        return [line for line in text.splitlines() if line.startswith("- Host: ")]

    assert hosts(auto.stdout) and hosts(auto.stdout) == hosts(given.stdout)
    assert "- Host: `mail`" in hosts(auto.stdout)
    assumed = cli(*args, "-f", "instructions", "--lang", "en", "--mail-from", "mail.shop.deleg.test")
    assert "- Host: `mail.shop`" in hosts(assumed.stdout)
