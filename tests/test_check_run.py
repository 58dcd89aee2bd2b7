"""How --check runs (issue 13 items 4, 6, 9, 10), against real `named` servers on loopback.

- the zone is found in DNS (the SOA walk), not assumed, and used for host names and causes;
- a server that does not answer is a finding: exit 1, in the table and in the JSON;
- many identities are checked at once, within --max-queries, each zone's servers found once,
  the results streamed in order;
- --wait checks again until a zone that is fixed partway (named reloaded) is right.
"""

from __future__ import annotations

import re
import subprocess
import time

import dns.resolver
import pytest

from exporter import model
from exporter.dnscheck import ask, compare, report, run

from check_schema import parsed
from check_zones import DMARC, MX_HOST, SPF, TOKENS, saved_identity, write_identity, zone_text
from conftest import require_tool
from dns_servers import FakeDns, Named, SilentServer

pytestmark = [pytest.mark.needs_named, pytest.mark.slow]

SHOP = "shop.example.net"


def shop_zone(serial: int = 1, *, appended: bool = True, dmarc: bool = False) -> str:
    """example.net holding shop.example.net's records (no zone of its own). Broken (`appended`):
    the first DKIM value typed without its final dot, the third DKIM record missing."""
    first = f"{TOKENS[0]}.dkim.amazonses.com" + ("" if appended else ".")
    lines = [f"{TOKENS[0]}._domainkey.shop CNAME {first}"]
    lines += [f"{tok}._domainkey.shop CNAME {tok}.dkim.amazonses.com." for tok in TOKENS[1:2 if appended else 3]]
    lines += [f"mail.shop MX 10 {MX_HOST}", f"mail.shop TXT {SPF}"]
    if dmarc:
        lines.append(f"_dmarc.shop TXT {DMARC}")
    return (f"$ORIGIN example.net.\n$TTL 300\n@ SOA ns1 hostmaster {serial} 3600 600 86400 300\n@ NS ns1\n"
            f"ns1 A 127.0.0.1\n" + "\n".join(lines) + "\n")


def delegating_parent() -> str:
    """parent.test, with sub.parent.test delegated to a zone of its own (served by the same named)."""
    return ("$ORIGIN parent.test.\n$TTL 300\n@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\n"
            "ns1 A 127.0.0.1\nsub NS ns1.sub\nns1.sub A 127.0.0.1\n")


@pytest.fixture(scope="module")
def named(tmp_path_factory):
    server = Named(require_tool("named"), tmp_path_factory.mktemp("named-run"), {
        "example.net.": shop_zone(),
        "parent.test.": delegating_parent(),
        "sub.parent.test.": zone_text("sub.parent.test"),
        "clean.test.": zone_text("clean.test"),
        # a second NS whose address nobody answers on: a dead server of the zone's NS set
        "dead-ns.test.": zone_text("dead-ns.test", apex=["@ NS ns2", "ns2 A 127.0.0.2"]),
        # Ten long TXT records beside the SPF: the answer does not fit 1232 bytes of UDP.
        "big.test.": zone_text("big.test", spf=[f"mail TXT {SPF}"] + [f'mail TXT "{n}{"x" * 200}"' for n in range(10)]),
    })
    yield server
    server.stop()


def findings(report: dict) -> list[dict]:
    """The findings of every identity in a --check JSON report (docs/check.md)."""
    return [f for one in report["identities"] for f in one["findings"]]


def dead_servers(report: dict) -> dict:
    """{server: why} for the servers that did not answer."""
    return {s["server"]: s["why"] or "" for one in report["identities"] for s in one["servers"] if not s["answered"]}


def identity(domain: str, source: str = "test", **options):
    return model.identity(saved_identity(domain), domain, model.options(region="us-east-1", **options), source)


def resolver_at(server) -> dns.resolver.Resolver:
    resolver = dns.resolver.Resolver(configure=False)
    resolver.nameservers = ["127.0.0.1"]
    resolver.port = server.port
    resolver.lifetime = 3
    return resolver


# --- item 4: the zone comes from DNS -----------------------------------------------------------

def test_the_zone_is_found_in_dns_and_used_for_hosts_and_causes(cli, named, tmp_path):
    path = write_identity(tmp_path, SHOP)
    # The zone given is wrong: DNS says example.net holds shop.example.net's names.
    result = cli(SHOP, "--identity-file", path, "--region", "us-east-1", "--check", "--nameserver", named.address,
                 "--zone", SHOP)
    assert result.exit_code == 1, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0].startswith(f"Checked {SHOP} of SES region us-east-1 (zone example.net) at ")
    assert lines[2] == (f"DNS says the zone holding {SHOP} is example.net, not {SHOP}: host names and fixes "
                        "are for the example.net zone")
    # The value typed without its dot got example.net appended: recognized only with the real zone.
    dkim = next(i for i, line in enumerate(lines) if line.startswith("wrong") and f"{TOKENS[0]}._domainkey" in line)
    assert "tok1aaaa.dkim.amazonses.com.example.net." in lines[dkim]
    assert "-> value-has-zone-appended: " in lines[dkim + 1] and "appended the zone example.net;" in lines[dkim + 1]
    # The host to type on the example.net panel is TOKEN._domainkey.shop, not TOKEN._domainkey.
    assert f"(host {TOKENS[2]}._domainkey.shop)" in result.stdout


def test_the_default_zone_agrees_with_dns_and_says_nothing(cli, named, tmp_path):
    """By default the zone assumed is the registrable domain (example.net); DNS agrees: no note."""
    path = write_identity(tmp_path, SHOP)
    result = cli(SHOP, "--identity-file", path, "--region", "us-east-1", "--check", "--nameserver", named.address)
    assert result.exit_code == 1
    assert result.stdout.startswith(f"Checked {SHOP} of SES region us-east-1 (zone example.net) at ")
    assert "DNS says the zone" not in result.stdout and "value-has-zone-appended" in result.stdout


def test_without_the_zone_found_the_same_mistake_is_a_plain_difference(named):
    """What the zone changes: checked as if the zone were the identity's domain, the appended
    value is only value-differs."""
    shop = identity(SHOP, zone=SHOP)
    server = ask.parse_nameserver(named.address)
    found = run.check_identity(shop, [server])
    assumed = compare.compare(list(shop.records), shop.zone, {"ns": _view(named, shop)})
    assert found.zone == "example.net." and found.findings[0].cause == "value-has-zone-appended"
    assert assumed[0].cause == "value-differs"


def _view(named, shop) -> dict:
    server = ask.parse_nameserver(named.address)
    observation = ask.observe([server], compare.questions(list(shop.records), shop.zone))
    return observation.views[server.label]


def test_the_zone_found_through_the_resolver_by_default(named):
    """Without --nameserver: the zone and its NS through the (system) resolver, then the NS asked."""
    result = run.check_identity(identity(SHOP, zone=SHOP), resolver=resolver_at(named), port=named.port)
    assert result.zone == "example.net." and result.zone_note
    assert [s.label for s in result.servers] == [f"ns1.example.net. (127.0.0.1:{named.port})"]
    assert all(s.answered for s in result.servers)
    assert result.findings[0].cause == "value-has-zone-appended"


def test_a_delegated_subzone_beats_the_zone_given(named):
    """--zone parent.test, but sub.parent.test is a zone of its own: DNS wins, and says so."""
    sub = identity("sub.parent.test", zone="parent.test")
    result = run.check_identity(sub, [ask.parse_nameserver(named.address)])
    assert result.zone == "sub.parent.test."
    assert "is sub.parent.test, not parent.test" in result.zone_note
    assert result.all_right
    same = run.check_identity(identity("clean.test"), [ask.parse_nameserver(named.address)])
    assert same.zone == "clean.test." and same.zone_note is None and same.all_right


def test_the_zone_read_off_the_first_answers_is_the_walks(tmp_path, monkeypatch):
    """With --nameserver the zone is read off the first questions' answers (ask.zone_shown) instead of
    asking the SOA of the domain; on zones where the two could differ it is what the walk finds: a
    MAIL FROM name that is a zone of its own, a domain CNAMEd to a name of the parent zone, a
    delegation to servers that do not serve it (a referral), an identity inside a parent's zone,
    a delegated subzone served by the same server. A clean identity costs no SOA question. (mailzone.test's
    MAIL FROM answers show mail.mailzone.test, which does not hold the domain: its other answers say.)"""
    zones = {
        "parent.test.": delegating_parent() + "away NS ns.elsewhere.example.\nalias CNAME nothing.parent.test.\n",
        "sub.parent.test.": zone_text("sub.parent.test"),
        "mailzone.test.": zone_text("mailzone.test", mx=[], spf=[]) + "mail NS ns1\n",
        "mail.mailzone.test.": (f"$ORIGIN mail.mailzone.test.\n$TTL 300\n@ SOA ns1.mailzone.test. h 1 3600 600 "
                                f"86400 300\n@ NS ns1.mailzone.test.\n@ MX 10 {MX_HOST}\n@ TXT {SPF}\n"),
        "example.net.": shop_zone(),
        "clean.test.": zone_text("clean.test"),
    }
    server = Named(require_tool("named"), tmp_path / "named", zones)
    try:
        target = ask.parse_nameserver(server.address)

        async def both(domain: str):
            asker = ask.Asker()
            try:
                records = compare.requirements(identity(domain.rstrip(".")))
                shown = await ask.observe_async(asker, [target], compare.questions(records, domain), within=domain)
                walked, _ = await ask.zone_at(asker, [target], domain)
                return shown.zones.get(target.label), walked
            finally:
                asker.close()

        import asyncio

        for domain, zone in [("clean.test.", "clean.test."), ("mailzone.test.", "mailzone.test."),
                             (f"{SHOP}.", "example.net."), ("sub.parent.test.", "sub.parent.test."),
                             ("away.parent.test.", "away.parent.test."), ("alias.parent.test.", "parent.test.")]:
            shown, walked = asyncio.run(both(domain))
            assert shown == walked == zone, domain
        # The whole check: the usual identity walks nothing; a wrong --zone is corrected as by the walk.
        walks = []
        monkeypatch.setattr(run, "zone_at", lambda *args: walks.append(args[2]) or ask.zone_at(*args))
        result = run.check_identity(identity("clean.test"), [target])
        assert result.zone == "clean.test." and result.all_right
        result = run.check_identity(identity(SHOP, zone=SHOP), [target])
        assert result.zone == "example.net." and result.findings[0].cause == "value-has-zone-appended"
        assert walks == []
    finally:
        server.stop()


def test_a_truncated_answer_is_asked_again_over_tcp(named):
    result = run.check_identity(identity("big.test"), [ask.parse_nameserver(named.address)])
    assert result.all_right, result.findings


# --- item 6: a server that does not answer is a finding ------------------------------------------

def test_a_dead_server_is_in_the_json_and_fails_the_check(cli, named, tmp_path):
    silent = SilentServer()
    try:
        path = write_identity(tmp_path, "clean.test")
        result = cli("clean.test", "--identity-file", path, "--region", "us-east-1", "--check", "-f", "json",
                     "--nameserver", named.address, "--nameserver", silent.address, "--dns-timeout", "0.3")
    finally:
        silent.stop()
    assert result.exit_code == 1 and result.stderr == ""
    report = parsed(result.stdout)  # validated against docs/check.schema.json
    assert {f["status"] for f in findings(report)} == {"ok"}
    assert list(dead_servers(report)) == [silent.address]


def test_a_dead_server_of_the_zones_ns_set_has_a_fix_at_the_registrar(named):
    result = run.check_identity(identity("dead-ns.test"), resolver=resolver_at(named), port=named.port, timeout=0.3)
    (dead,) = [s for s in result.servers if not s.answered]
    assert dead.label == f"ns2.dead-ns.test. (127.0.0.2:{named.port})" and not dead.given
    assert dead.fix == "server.dead"
    assert report.server_fix(dead, result.zone, "en") == (
        "if it is gone for good, remove it from the NS records of dead-ns.test at the registrar and in the zone; "
        "otherwise bring it back")
    table = report.render_table([result], "en", live=False)
    assert "\n    -> if it is gone for good, remove it from the NS records of dead-ns.test" in table
    assert "の NS レコードから外してください" in report.render_table([result], "ja", live=False)


def test_a_dead_server_is_not_waited_for_on_every_question(named):
    """After a few timeouts in a row the server counts as down for the run: 20 identities cost
    about one timeout, not twenty."""
    silent = SilentServer()
    try:
        servers = [ask.parse_nameserver(named.address), ask.parse_nameserver(silent.address)]
        started = time.monotonic()
        results = list(run.stream([identity("clean.test")] * 20, servers, timeout=0.3, max_queries=8))
        elapsed = time.monotonic() - started
    finally:
        silent.stop()
    assert all(r.failures == {silent.address: r.failures[silent.address]} for r in results)
    assert all(f.status == "ok" for r in results for f in r.findings)
    assert elapsed < 20 * 0.6 / 2, elapsed  # one after another it would be 20 x 2 attempts x 0.3 s


# --- item 9: many identities at once ---------------------------------------------------------------

def test_results_stream_in_order_within_the_window(named):
    consumed = []

    def identities():
        for index in range(200):
            consumed.append(index)
            yield identity("clean.test") if index % 2 else identity(SHOP)

    results = run.stream(identities(), [ask.parse_nameserver(named.address)], max_queries=16)
    first = next(results)
    assert first.identity.domain == f"{SHOP}." and len(consumed) <= 16 + 1  # the window, not all 200
    rest = list(results)
    assert len(consumed) == 200 and len(rest) == 199
    assert [r.identity.domain for r in rest] == [("clean.test." if i % 2 else f"{SHOP}.") for i in range(1, 200)]


def test_the_caller_hears_before_the_stream_waits_so_it_can_write_what_it_holds(named):
    """run_job writes the reports it holds when `waiting` is called: the stream calls it before each
    wait only, so a result is never held back while the check waits, and 40 results are fewer writes."""
    seen: list[int] = []
    waits: list[int] = []
    for result in run.stream([identity("clean.test")] * 40, [ask.parse_nameserver(named.address)], max_queries=16,
                             waiting=lambda: waits.append(len(seen))):
        seen.append(result.all_right)
    assert len(seen) == 40 and all(seen)
    assert waits and waits[0] == 0  # the first result is waited for
    assert waits == sorted(waits) and len(waits) < 40  # ready results are taken without a wait


def test_questions_in_flight_stay_within_max_queries():
    shop = identity(SHOP)
    data = {f"{SHOP}.": {"SOA": ["ns1.example.net. hostmaster.example.net. 1 3600 600 86400 300"]}}
    for record in compare.requirements(shop):  # with the DMARC requirement left to the organisation
        data.setdefault(record.name, {}).setdefault(record.type, []).append(
            compare.expected_rdata(record).to_text())
    server = FakeDns(data, delay=0.3)
    try:
        target = [ask.parse_nameserver(server.address)]
        assert all(r.all_right for r in run.stream([shop] * 10, target, timeout=5, max_queries=5))
        bounded = server.most_waiting
        server.most_waiting = 0
        assert all(r.all_right for r in run.stream([shop] * 10, target, timeout=5))
        free = server.most_waiting
    finally:
        server.stop()
    assert bounded <= 5
    # the default lets a whole batch of identities go at once (9 first-phase questions each; how
    # many are waiting at the same moment depends on the machine's load, hence a wide margin)
    assert free > 20


def test_max_queries_from_the_command_line(cli, tmp_path):
    data = {"clean.test.": {"SOA": ["ns1.clean.test. hostmaster.clean.test. 1 3600 600 86400 300"]}}
    for record in identity("clean.test").records:
        data.setdefault(record.name, {}).setdefault(record.type, []).append(compare.expected_rdata(record).to_text())
    server = FakeDns(data, delay=0.05)
    try:
        path = write_identity(tmp_path, "clean.test")
        result = cli("clean.test", "--identity-file", path, "--region", "us-east-1", "--check",
                     "--nameserver", server.address, "--max-queries", "2")
    finally:
        server.stop()
    assert result.exit_code == 0, result.stdout + result.stderr
    assert server.most_waiting == 2 and len(server.asked) >= 9  # the nine first questions, two at a time


def test_each_zones_servers_are_found_once(named):
    """Default path: two identities in one zone share its NS look-up (asked of the resolver once)."""
    resolver = FakeDns({
        "example.net.": {"SOA": ["ns1.example.net. hostmaster.example.net. 1 3600 600 86400 300"],
                         "NS": ["ns1.example.net."]},
        "ns1.example.net.": {"A": ["127.0.0.1"]},
    })
    try:
        stub = dns.resolver.Resolver(configure=False)
        stub.nameservers = ["127.0.0.1"]
        stub.port = resolver.port
        results = list(run.stream([identity(SHOP), identity("other.example.net")], resolver=stub, port=named.port))
    finally:
        resolver.stop()
    assert [r.zone for r in results] == ["example.net.", "example.net."]
    assert [q for q in resolver.asked if q[1] == "NS"] == [("example.net.", "NS", True)]
    assert results[0].findings[0].cause == "value-has-zone-appended"


def test_streamed_report_equals_the_whole_report(cli, named, tmp_path):
    for domain in ("clean.test", SHOP, "sub.parent.test"):
        write_identity(tmp_path, domain)
    args = ["--identity-file", str(tmp_path), "--region", "us-east-1", "--check", "--nameserver", named.address]
    streamed = cli(*args, "-f", "json")
    results = [run.check_identity(identity(d, str(tmp_path / f"{d}.json")), [ask.parse_nameserver(named.address)])
               for d in ("clean.test", SHOP, "sub.parent.test")]  # the folder's order: by file name
    whole = parsed(report.render_json(results, "en"))
    assert {**parsed(streamed.stdout), "checked_at": None} == {**whole, "checked_at": None}
    target = tmp_path / "report.txt"
    to_file = cli(*args, "-o", str(target))
    assert to_file.exit_code == 1 and target.read_text() == report.render_table(results, "en", live=False)


# --- item 10: --wait ---------------------------------------------------------------------------------

def test_wait_until_a_zone_fixed_partway_is_right(named, tmp_path):
    """The zone is wrong at first; named reloads a fixed copy while ses-export waits: exit 0."""
    from test_cli import entry_point

    path = write_identity(tmp_path, SHOP)
    process = subprocess.Popen([entry_point(), SHOP, "--identity-file", path, "--region", "us-east-1", "--check",
                                "--nameserver", named.address, "--zone", "example.net", "--wait", "60s",
                                "--dmarc", "v=DMARC1; p=none;", "-f", "json"],
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    try:
        progress = process.stderr.readline()
        while progress.startswith("ses-export: note: "):  # the model's notes come first
            progress = process.stderr.readline()
        assert re.match(r"ses-export: wait: check 1: 1 of 1 identity not right yet \(\d+ records? not ok\); "
                        r"checking again in 2s \(", progress), progress
        named.reload("example.net.", shop_zone(2, appended=False, dmarc=True))
        out, err = process.communicate(timeout=60)
    finally:
        if process.poll() is None:
            process.kill()
        named.reload("example.net.", shop_zone(3), serial=3)
    assert process.returncode == 0, err
    assert {f["status"] for f in findings(parsed(out))} == {"ok"}
    assert err.splitlines()[-1].startswith("ses-export: wait: all right after ")


def test_wait_runs_out_with_the_last_report(cli, named, tmp_path):
    path = write_identity(tmp_path, SHOP)
    started = time.monotonic()
    result = cli(SHOP, "--identity-file", path, "--region", "us-east-1", "--check", "--nameserver", named.address,
                 "--wait", "3s")
    assert result.exit_code == 1
    assert 3 <= time.monotonic() - started < 10
    assert result.stdout.count("Checked shop.example.net") == 1  # the last report only
    assert "value-has-zone-appended" in result.stdout
    progress = [line for line in result.stderr.splitlines() if line.startswith("ses-export: wait: ")]
    assert len(progress) >= 2 and progress[-1].startswith("ses-export: wait: time is up after ")


def test_wait_on_a_right_zone_returns_at_once(cli, named, tmp_path):
    path = write_identity(tmp_path, "clean.test")
    result = cli("clean.test", "--identity-file", path, "--region", "us-east-1", "--check",
                 "--nameserver", named.address, "--wait", "1h30m")
    assert result.exit_code == 0 and result.stderr == ""


@pytest.mark.parametrize("text, seconds", [("90s", 90), ("30m", 1800), ("1h30m", 5400), ("2h", 7200),
                                           ("1m30s", 90), (" 45S ", 45), (12.5, 12.5)])
def test_durations(text, seconds):
    from exporter.dnscheck.wait import parse_duration

    assert parse_duration(text) == seconds


@pytest.mark.parametrize("text, message", [
    ("90", "--wait: '90' is not a duration such as 90s, 30m or 1h30m (add a unit: 90s)"),
    ("0s", "--wait: '0s': wait more than 0 s and at most 24h"),
    ("25h", "--wait: '25h': wait more than 0 s and at most 24h"),
    ("30 m", "--wait: '30 m' is not a duration"),
    ("-5m", "--wait: '-5m' is not a duration"),
])
def test_bad_durations_exit_2(cli, tmp_path, text, message):
    path = write_identity(tmp_path, "clean.test")
    result = cli("clean.test", "--identity-file", path, "--region", "us-east-1", "--check", "--wait", text)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"ses-export: {message}") and result.stderr.count("\n") == 1


def test_backoff_doubles_up_to_a_minute_and_ends_on_time():
    """until_right with a clock of its own: pauses 2, 4, 8 ... 60 s, the last one cut to the deadline."""
    from exporter.dnscheck.wait import until_right

    now = [0.0]
    pauses = []
    notes = []

    class Wrong:
        all_right = False
        findings = ()
        servers = ()

    def sleep(seconds):
        pauses.append(seconds)
        now[0] += seconds

    results, right = until_right(lambda batch: [Wrong() for _ in batch], ["x"], 300, notes.append,
                                 sleep=sleep, clock=lambda: now[0])
    assert not right and len(results) == 1
    assert pauses == [2, 4, 8, 16, 32, 60, 60, 60, 58]
    from exporter.text import plain

    assert plain(notes[-1]).startswith("wait: time is up after 10 checks (5m)")
    assert plain(notes[-1]).endswith("1 of 1 identity not right yet (0 records not ok)")  # "1 identities": no more
    assert plain(notes[-1], "ja").startswith("待機: 10 回の確認のあと時間切れです（5m）")
