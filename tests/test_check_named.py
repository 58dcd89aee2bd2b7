"""--check against a real `named`: one zone per fault, each cause recognized from real answers.

One named serves every fault zone (started once for this module); a second named serves a
different copy of disagree.test for servers-disagree. Both listen on 127.0.0.1, free ports.
"""

import json
import subprocess

import dns.resolver
import pytest

from exporter import model
from exporter.dnscheck import ask, compare, run

from check_schema import parsed
from check_zones import DISAGREE_SECOND_COPY, FAULT_ZONES, write_identity, zone_text
from conftest import require_tool
from dns_servers import FakeDns, Named, SilentServer

pytestmark = [pytest.mark.needs_named]

# What each zone must make of each record; records not named here must be ok.
KEYS = ("dkim1", "dkim2", "dkim3", "mx", "spf", "dmarc")
EXPECTED = {
    "clean.test": {},
    "value-appended.test": {"dkim1": ("wrong", "value-has-zone-appended"), "mx": ("wrong", "value-has-zone-appended")},
    "name-appended.test": {"dkim1": ("missing", "name-has-zone-appended"), "dmarc": ("missing", "name-has-zone-appended")},
    "extra-quotes.test": {"spf": ("wrong", "extra-quotes"), "dmarc": ("wrong", "extra-quotes")},
    "conflict.test": {"mx": ("wrong", "conflict"), "spf": ("wrong", "conflict"), "dmarc": ("wrong", "conflict")},
    "underscore-dropped.test": {"dkim1": ("missing", "underscore-dropped"), "dmarc": ("missing", "underscore-dropped")},
    # SPF "-all" and DMARC p=quarantine meet the requirement: any all, a policy at least as strong.
    "value-differs.test": {"dkim1": ("wrong", "value-differs")},
    "missing.test": {"dkim2": ("missing", None), "spf": ("missing", None)},
}


@pytest.fixture(scope="module")
def named(tmp_path_factory):
    binary = require_tool("named")
    first = Named(binary, tmp_path_factory.mktemp("named-1"),
                  {f"{domain}.": zone_text(domain, **faults) for domain, faults in FAULT_ZONES.items()})
    try:
        second = Named(binary, tmp_path_factory.mktemp("named-2"),
                       {"disagree.test.": zone_text("disagree.test", serial=2, **DISAGREE_SECOND_COPY)})
    except BaseException:
        first.stop()
        raise
    yield first, second
    first.stop()
    second.stop()


def by_key(text: str) -> dict:
    """The findings of the one identity, first those of its records in order: dkim1..3, mx, spf, dmarc
    (the JSON validated against docs/check.schema.json on the way)."""
    findings = parsed(text)["identities"][0]["findings"]
    assert [entry["type"] for entry in findings[:6]] == ["CNAME", "CNAME", "CNAME", "MX", "TXT", "TXT"]
    return dict(zip(KEYS, findings))


def only(values_by_server: dict) -> list:
    (values,) = values_by_server.values()
    return values


def check_json(cli, tmp_path, domain, *servers):
    path = write_identity(tmp_path, domain)
    args = [domain, "--identity-file", path, "--region", "us-east-1", "--check", "-f", "json"]
    for server in servers:
        args += ["--nameserver", server]
    return cli(*args)


@pytest.mark.parametrize("domain", list(EXPECTED))
def test_each_fault_is_named(cli, named, tmp_path, domain):
    result = check_json(cli, tmp_path, domain, named[0].address)
    report = by_key(result.stdout)
    for key in KEYS:
        status, cause = EXPECTED[domain].get(key, ("ok", None))
        assert (report[key]["status"], report[key]["cause"]) == (status, cause), (key, report[key])
    assert result.exit_code == (0 if not EXPECTED[domain] else 1), result.stderr


def test_found_values_show_what_the_panel_did(cli, named, tmp_path):
    appended = by_key(check_json(cli, tmp_path, "value-appended.test", named[0].address).stdout)
    assert appended["dkim1"]["found"] == {named[0].address: ["tok1aaaa.dkim.amazonses.com.value-appended.test."]}
    assert appended["dkim1"]["expected"] == ["tok1aaaa.dkim.amazonses.com."]
    assert only(appended["mx"]["found"]) == ["10 feedback-smtp.us-east-1.amazonses.com.value-appended.test."]
    quoted = by_key(check_json(cli, tmp_path, "extra-quotes.test", named[0].address).stdout)
    assert only(quoted["spf"]["found"]) == ['"v=spf1 include:amazonses.com ~all"']  # plain; the unrelated TXT left out
    doubled = by_key(check_json(cli, tmp_path, "name-appended.test", named[0].address).stdout)
    assert only(doubled["dkim1"]["found"]) == []
    assert "tok1aaaa._domainkey.name-appended.test.name-appended.test." in doubled["dkim1"]["fix"]
    conflict = by_key(check_json(cli, tmp_path, "conflict.test", named[0].address).stdout)
    assert len(only(conflict["spf"]["found"])) == 2 and len(only(conflict["mx"]["found"])) == 2


def test_servers_that_disagree(cli, named, tmp_path):
    first, second = named
    result = check_json(cli, tmp_path, "disagree.test", first.address, second.address)
    report = by_key(result.stdout)
    assert result.exit_code == 1
    for key in KEYS:
        want = ("wrong", "servers-disagree") if key in ("dkim3", "dmarc") else ("ok", None)
        assert (report[key]["status"], report[key]["cause"]) == want, (key, report[key])
    assert report["dmarc"]["found"] == {first.address: ["v=DMARC1; p=none;"], second.address: ["v=DMARC1; p=reject;"]}
    assert f"127.0.0.1:{second.port}: missing" in report["dkim3"]["fix"]
    # Each server alone is self-consistent: the same zone on one server is clean.
    assert check_json(cli, tmp_path, "disagree.test", first.address).exit_code == 0


def test_authoritative_servers_found_and_asked_without_recursion(named):
    """The default path: NS of the zone through a resolver, then each NS address asked with RD off."""
    server = named[0]
    resolver = dns.resolver.Resolver(configure=False)
    resolver.nameservers = ["127.0.0.1"]
    resolver.port = server.port
    zone, servers = ask.authoritative_servers("value-appended.test.", resolver, port=server.port)
    assert zone == "value-appended.test."
    assert [(s.address, s.port, s.name, s.recursion) for s in servers] == \
           [("127.0.0.1", server.port, "ns1.value-appended.test.", False)]
    identity = model.identity(
        __import__("check_zones").saved_identity("value-appended.test"), "value-appended.test",
        model.options(region="us-east-1"), "test")
    result = run.check_identity(identity, resolver=resolver, port=server.port)
    assert [f.cause for f in result.findings] == ["value-has-zone-appended", None, None,
                                                   "value-has-zone-appended", None, None]


def test_human_table_for_a_broken_zone(cli, named, tmp_path):
    path = write_identity(tmp_path, "value-appended.test")
    result = cli("value-appended.test", "--identity-file", path, "--region", "us-east-1", "--check",
                 "--nameserver", named[0].address)
    assert result.exit_code == 1
    lines = result.stdout.splitlines()
    assert lines[0].startswith("Checked value-appended.test of SES region us-east-1 (zone value-appended.test) at 127.0.0.1:")
    assert "SES said (saved in" in lines[1] and "DKIM PENDING" in lines[1] and "error HOST_NOT_FOUND" in lines[1]
    row = next(i for i, line in enumerate(lines) if line.startswith("wrong") and "tok1aaaa._domainkey" in line)
    assert "tok1aaaa.dkim.amazonses.com.value-appended.test." in lines[row]
    assert lines[row + 1].strip().startswith("-> value-has-zone-appended: The value was entered without its final dot")
    assert lines[row + 1].endswith("enter it with the dot: tok1aaaa.dkim.amazonses.com.")
    assert lines[-1] == "4 ok, 0 missing, 2 wrong"
    assert "\x1b[" not in result.stdout  # not a terminal: no colour


def test_japanese_fix_sentences(cli, named, tmp_path):
    path = write_identity(tmp_path, "underscore-dropped.test")
    result = cli("underscore-dropped.test", "--identity-file", path, "--region", "us-east-1", "--check",
                 "--nameserver", named[0].address, "--lang", "ja", "-f", "json")
    report = by_key(result.stdout)
    assert report["dmarc"]["fix"].startswith("管理画面がアンダースコアを落として dmarc.underscore-dropped.test. に登録")


def test_clean_zone_as_installed_command(named, tmp_path):
    from test_cli import entry_point

    path = write_identity(tmp_path, "clean.test")
    result = subprocess.run([entry_point(), "clean.test", "--identity-file", path, "--region", "us-east-1",
                             "--check", "--nameserver", named[0].address], capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert result.stdout.count("\nok ") == 6 and result.stderr == ""


def test_cname_beside_other_data_from_a_fake_server(cli, tmp_path):
    """named refuses to load such a zone; some DNS hosts serve it anyway."""
    domain = "cname-conflict.test"
    data = {
        f"tok1aaaa._domainkey.{domain}.": {"CNAME": ["tok1aaaa.dkim.amazonses.com."], "TXT": ['"leftover"']},
        f"tok2bbbb._domainkey.{domain}.": {"CNAME": ["tok2bbbb.dkim.amazonses.com."]},
        f"tok3cccc._domainkey.{domain}.": {"CNAME": ["tok3cccc.dkim.amazonses.com."]},
        f"mail.{domain}.": {"CNAME": ["elsewhere.example."], "MX": ["10 feedback-smtp.us-east-1.amazonses.com."],
                            "TXT": ['"v=spf1 include:amazonses.com ~all"']},
        f"_dmarc.{domain}.": {"TXT": ['"v=DMARC1; p=none;"']},
    }
    server = FakeDns(data)
    try:
        report = by_key(check_json(cli, tmp_path, domain, server.address).stdout)
    finally:
        server.stop()
    assert [(report[k]["status"], report[k]["cause"]) for k in KEYS] == [
        ("wrong", "conflict"), ("ok", None), ("ok", None), ("wrong", "conflict"), ("wrong", "conflict"), ("ok", None)]
    assert "may hold nothing else" in report["dkim1"]["fix"]


def test_dns_that_cannot_be_asked_at_all_exits_3(cli, tmp_path):
    """No server answered anything: the network is the likely fault (exit 3), and the report says
    which servers were tried and why."""
    silent = SilentServer()
    try:
        path = write_identity(tmp_path, "clean.test")
        result = cli("clean.test", "--identity-file", path, "--region", "us-east-1", "--check",
                     "--nameserver", silent.address, "--dns-timeout", "0.2")
    finally:
        silent.stop()
    assert result.exit_code == 3, result.stderr
    assert f"no answer: {silent.address}: " in result.stdout and "timed out after 0.2 s" in result.stdout
    assert result.stderr == ("ses-export: DNS: no server answered any question: check the network, or name a "
                             "server with --nameserver\n")


def test_server_not_authoritative_is_a_finding(cli, named, tmp_path):
    path = write_identity(tmp_path, "elsewhere.example")
    result = cli("elsewhere.example", "--identity-file", path, "--region", "us-east-1", "--check",
                 "--nameserver", named[0].address)
    assert result.exit_code == 1
    assert "REFUSED: not authoritative" in result.stdout
    # and what to do about it: a server named with --nameserver is checked, not removed from an NS set
    assert "\n    -> check that --nameserver names a server authoritative for elsewhere.example, or a resolver\n" \
        in result.stdout


def test_one_silent_server_is_reported_and_the_other_used(cli, named, tmp_path):
    silent = SilentServer()
    try:
        path = write_identity(tmp_path, "clean.test")
        result = cli("clean.test", "--identity-file", path, "--region", "us-east-1", "--check",
                     "--nameserver", named[0].address, "--nameserver", silent.address, "--dns-timeout", "0.2")
    finally:
        silent.stop()
    assert result.exit_code == 1  # a name server that does not answer is an outage
    line = next(line for line in result.stdout.splitlines() if line.startswith(f"no answer: {silent.address}: "))
    assert "timed out" in line
    assert result.stdout.count("\nok ") == 6


def test_live_ses_statuses_beside_dns(named, tmp_path, monkeypatch):
    """Live path end to end: boto3's real HTTP stack against a loopback SES v2 endpoint, then named."""
    import http.server
    import threading

    from check_zones import saved_identity

    body = json.dumps({**saved_identity("value-appended.test"), "VerificationStatus": "FAILED",
                       "VerificationInfo": {"ErrorType": "DNS_SERVER_ERROR"}}).encode()

    class Ses(http.server.BaseHTTPRequestHandler):
        def do_GET(self):  # GetEmailIdentity: GET /v2/email/identities/{EmailIdentity}
            found = self.path == "/v2/email/identities/value-appended.test"
            self.send_response(200 if found else 404)
            self.send_header("Content-Type", "application/json")
            payload = body if found else b'{"message": "not found"}'
            if not found:
                self.send_header("x-amzn-ErrorType", "NotFoundException")
            self.send_header("Content-Length", str(len(payload)))
            self.end_headers()
            self.wfile.write(payload)

        def log_message(self, *args):
            pass

    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Ses)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    for var, value in {"AWS_ENDPOINT_URL_SESV2": f"http://127.0.0.1:{server.server_port}",
                       "AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "secret",
                       "AWS_CONFIG_FILE": str(tmp_path / "none"), "AWS_SHARED_CREDENTIALS_FILE": str(tmp_path / "none"),
                       "AWS_DEFAULT_REGION": "us-east-1"}.items():
        monkeypatch.setenv(var, value)
    try:
        from test_cli import entry_point

        result = subprocess.run([entry_point(), "value-appended.test", "--check", "--nameserver", named[0].address],
                                capture_output=True, text=True, timeout=60)
    finally:
        server.shutdown()
    assert result.returncode == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[1] == ("SES says (live, us-east-1): DKIM PENDING, MAIL FROM PENDING, verification FAILED, "
                        "error DNS_SERVER_ERROR")
    assert "value-has-zone-appended" in result.stdout


def test_zone_servers_are_asked_without_recursion_and_all_at_once(tmp_path):
    """RD off towards the zone's own servers (no cache answers); every question asked once."""
    from check_zones import saved_identity

    identity = model.identity(saved_identity("clean.test"), "clean.test", model.options(region="us-east-1"), "test")
    server = FakeDns({})
    try:
        own = ask.Server("127.0.0.1", server.port, name="ns1.clean.test.")
        run.check_identity(identity, [own])
        from_zone = list(server.asked)
        server.asked.clear()
        run.check_identity(identity, [ask.parse_nameserver(server.address)])
        from_option = list(server.asked)
    finally:
        server.stop()
    # The zone walk first (FakeDns has no SOA, so it climbs to the top), then every question once.
    assert [q for q in from_zone if q[1] == "SOA"] == [("clean.test.", "SOA", False), ("test.", "SOA", False)]
    records = list(identity.records)
    wanted = set(compare.questions(records, "clean.test."))
    wanted |= set(getattr(compare, "diagnostic_questions", lambda *_: [])(records, "clean.test."))
    # nothing answered at the DKIM names: their CNAME is asked too (compare.questions says why)
    wanted |= {(r.name, "CNAME") for r in records if r.type == "CNAME"}
    asked = [(name, rdtype) for name, rdtype, _ in from_zone if rdtype != "SOA"]
    assert len(asked) == len(set(asked)) and set(asked) == wanted
    assert not any(rd for _, _, rd in from_zone)
    assert all(rd for _, _, rd in from_option)  # --nameserver may be a resolver


def test_no_authoritative_servers_exits_3(named):
    resolver = dns.resolver.Resolver(configure=False)
    resolver.nameservers = ["127.0.0.1"]
    resolver.port = named[0].port
    resolver.lifetime = 2
    from exporter.errors import DnsError

    with pytest.raises(DnsError, match="cannot find the zone of elsewhere.example"):
        ask.authoritative_servers("elsewhere.example.", resolver, port=named[0].port)


def test_report_to_a_file_keeps_the_exit_status(cli, named, tmp_path):
    path = write_identity(tmp_path, "missing.test")
    target = tmp_path / "report.txt"
    result = cli("missing.test", "--identity-file", path, "--region", "us-east-1", "--check",
                 "--nameserver", named[0].address, "-o", str(target))
    assert result.exit_code == 1 and result.stdout == ""
    assert target.read_text().endswith("4 ok, 2 missing, 0 wrong\n")
