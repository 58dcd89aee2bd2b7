"""Hostile input (issue 22): secrets never printed, every wait bounded, one safe line on stderr.

The hostile servers are the tests' own: tests/hostile_dns.py (TC over UDP, then TCP that fails) and
tests/fake_ses.py's hostile faults (a token echo, a slow drip). docs/failures.md runs the same attacks
through the installed command; these tests measure the bounds and look inside the reports.
"""

from __future__ import annotations

import base64
import json
import re
import signal
import subprocess
import sys
import time
from urllib.parse import quote

import pytest

from exporter import model, redaction, stderr
from exporter.dnscheck import ask, run
from exporter.errors import AwsError
from exporter.redaction import REDACTED

from check_schema import parsed
from check_zones import DMARC, MX_HOST, SPF, TOKENS, saved_identity, write_identity
from conftest import ROOT
from dns_servers import FakeDns
from fake_ses import FakeSes, isolated_aws_environment, token_echo
from hostile_dns import BEHAVIOURS, HostileDns

TOKEN = "IQoJb3JpZ2luX2VjEHostileTest/session+token/with=padding=="
SECRET = "hostile/Secret+Key/0123456789abcdefghij"


# --- 1. secrets: one redaction step, every form ---------------------------------------------------

def forms_of(secret: str) -> list[str]:
    """What the tool could print a secret as, made here apart from exporter/redaction.py."""
    data = secret.encode()
    inside_base64 = [base64.b64encode(prefix + data).decode() for prefix in (b"", b"x", b"xy")]
    return [secret, quote(secret, safe=""), re.sub("%[0-9A-F]{2}", lambda m: m.group().lower(), quote(secret, safe="")), secret.replace("/", "\\/"),
            json.dumps(secret.replace("/", "\\/")), secret[:20] + "\n" + secret[20:], secret[:20] + "\\n" + secret[20:],
            *inside_base64]


@pytest.mark.parametrize("form", range(len(forms_of(TOKEN))))
def test_a_secret_from_the_environment_is_redacted_in_every_form(form):
    text = f"before {forms_of(TOKEN)[form]} after"
    redacted = redaction.redact(text, environment={"AWS_SESSION_TOKEN": TOKEN})
    assert REDACTED in redacted and redacted.startswith("before ") and redacted.endswith(" after"), redacted
    flat = redacted.replace("\\", "").replace("\n", "")
    assert TOKEN[4:16] not in flat and TOKEN[-16:-4] not in flat
    assert base64.b64encode(TOKEN.encode()).decode()[8:24] not in flat


def test_a_remembered_secret_is_redacted_and_ordinary_text_is_not(monkeypatch):
    monkeypatch.setattr(redaction, "_remembered", set())
    redaction.remember(SECRET.encode(), None, "short")
    assert redaction.redact(f"key {SECRET}.", environment={}) == f"key {REDACTED}."
    for ordinary in ("short and plain", "DKIM signature of example.com", "v=spf1 include:amazonses.com ~all"):
        assert redaction.redact_values(ordinary, environment={}) == ordinary


def test_every_stderr_line_is_redacted_then_escaped(monkeypatch):
    monkeypatch.setenv("AWS_SESSION_TOKEN", TOKEN)
    line = stderr.line(f"expired: {TOKEN[:20]}\n{TOKEN[20:]} \x1b]0;owned\x07\x1b[2J\rforged \u202etxt")
    assert line == f"expired: {REDACTED} \\x1b]0;owned\\x07\\x1b[2J\\x0dforged \\u202etxt"


def test_no_output_carries_a_secret_the_run_holds(monkeypatch, tmp_path, capsys):
    from exporter import output

    monkeypatch.setenv("AWS_SESSION_TOKEN", TOKEN)
    text = f"; echoed by an answer: {TOKEN} and {quote(TOKEN, safe='')}\n"
    output.emit(text, None)
    output.emit(text, str(tmp_path / "records.zone"))
    for written in (capsys.readouterr().out, (tmp_path / "records.zone").read_text()):
        assert written == f"; echoed by an answer: {REDACTED} and {REDACTED}\n"


def test_an_output_written_in_pieces_carries_no_secret_split_between_them(monkeypatch, tmp_path, capsys):
    """The command line writes an output as its template's pieces in UTF-8, a block of them at a time
    (formats.render_utf8, output.emit): a secret whose halves fall in two blocks is still found."""
    from exporter import output

    monkeypatch.setattr(output, "PIECES_PER_WRITE", 2)
    text = ["; echoed: ", TOKEN[:20], TOKEN[20:], " end\n", "; plain 日本語\n"]
    pieces = [piece.encode() for piece in text]
    monkeypatch.delenv("AWS_SESSION_TOKEN", raising=False)
    monkeypatch.setattr(redaction, "_remembered", set())
    output.emit(pieces, str(tmp_path / "plain.zone"))
    assert (tmp_path / "plain.zone").read_text(encoding="utf-8") == "".join(text)  # no secret held: as it is
    monkeypatch.setenv("AWS_SESSION_TOKEN", TOKEN)
    output.emit(pieces, None)
    output.emit(pieces, str(tmp_path / "records.zone"))
    for written in (capsys.readouterr().out, (tmp_path / "records.zone").read_text(encoding="utf-8")):
        assert written == f"; echoed: {REDACTED} end\n; plain 日本語\n"


@pytest.mark.slow
@pytest.mark.parametrize("debug", [False, True], ids=["plain", "debug"])
def test_an_ses_message_echoing_the_token_never_prints_it(tmp_path, debug):
    """fake_ses answers 400 with the request's own X-Amz-Security-Token, clear, URL-encoded, base64 and split;
    the token comes from the profile (not the environment), so only what the request carried can find it."""
    credentials = tmp_path / "credentials"
    credentials.write_text(f"[hostile]\naws_access_key_id = AKIDHOSTILE\naws_secret_access_key = {SECRET}\n"
                           f"aws_session_token = {TOKEN}\n")
    identity = json.loads((ROOT / "samples" / "identities" / "example.com.json").read_text())
    with FakeSes({"us-east-1": {"example.com": identity}}) as fake:
        fake.fail_always("echo_token")
        env = isolated_aws_environment(credentials=None, endpoint=fake.url, AWS_SHARED_CREDENTIALS_FILE=str(credentials))
        result = subprocess.run([sys.executable, "-m", "exporter.cli", "example.com", "--region", "us-east-1",
                                 "--profile", "hostile", *(["--debug"] if debug else [])],
                                capture_output=True, text=True, env=env, cwd=ROOT, timeout=60)
    assert result.returncode == 3
    assert "expired: " + REDACTED in result.stderr.splitlines()[-1]
    echoed = token_echo(TOKEN)  # what the server sent: the test's own proof that there was something to hide
    assert TOKEN in echoed and quote(TOKEN, safe="") in echoed
    flat = result.stderr.replace("\\", "").replace("\n", "")
    for part in (TOKEN[:12], TOKEN[-12:], SECRET[:12], SECRET[-12:], quote(TOKEN, safe="")[:16],
                 base64.b64encode(TOKEN.encode()).decode()[:16]):
        assert part not in flat, part


# --- 3. every wait bounded ------------------------------------------------------------------------

def clean_data(domain: str) -> dict:
    """FakeDns's data for `domain` with every record right (check_zones' clean zone)."""
    return {
        f"{domain}.": {"SOA": [f"ns1.{domain}. hostmaster.{domain}. 1 3600 600 86400 300"], "NS": [f"ns1.{domain}."]},
        **{f"{tok}._domainkey.{domain}.": {"CNAME": [f"{tok}.dkim.amazonses.com."]} for tok in TOKENS},
        f"mail.{domain}.": {"MX": [f"10 {MX_HOST}"], "TXT": [SPF]},
        f"_dmarc.{domain}.": {"TXT": [DMARC]},
    }


@pytest.mark.parametrize("behaviour", BEHAVIOURS)
def test_a_server_that_truncates_then_fails_over_tcp_is_a_finding_within_the_timeout(behaviour):
    """Beside a server that answers: the check ends within the timeout, the hostile server named with why,
    the answering one's records all judged, the exit status 1 (not right, not unreachable)."""
    good = FakeDns(clean_data("clean.test"))
    try:
        with HostileDns(behaviour) as hostile:
            servers = [ask.parse_nameserver(good.address), ask.parse_nameserver(hostile.address)]
            identity = model.identity(saved_identity("clean.test"), "clean.test",
                                      model.options(region="us-east-1"), "test")
            started = time.monotonic()
            result = run.check_identity(identity, servers, timeout=0.5)
            elapsed = time.monotonic() - started
            assert hostile.udp_queries and hostile.tcp_connections  # it was asked, and asked again over TCP
    finally:
        good.stop()
    assert elapsed < 0.5 * 4, elapsed  # within the timeout (the zone walk and the records: two rounds)
    assert list(result.failures) == [hostile.address]
    assert "over TCP, after a truncated answer over UDP" in result.failures[hostile.address]
    assert result.findings and all(f.status == "ok" for f in result.findings)
    assert run._status([result], lambda text: None) == 1


@pytest.mark.slow
def test_the_report_names_the_tcp_failure_and_stderr_is_one_line(tmp_path):
    path = tmp_path / "clean.test.json"
    path.write_text(json.dumps(saved_identity("clean.test")))
    with HostileDns("garbage") as hostile:
        result = subprocess.run([sys.executable, "-m", "exporter.cli", "clean.test", "--identity-file", str(path),
                                 "--region", "us-east-1", "--check", "-f", "json", "--nameserver", hostile.address,
                                 "--dns-timeout", "1"], capture_output=True, text=True, cwd=ROOT, timeout=30)
    assert result.returncode == 3
    assert result.stderr.splitlines() == ["ses-export: DNS: no server answered any question: check the network, "
                                          "or name a server with --nameserver"]
    servers = [s for one in parsed(result.stdout)["identities"] for s in one["servers"]]
    assert servers and all(not s["answered"] and "failed (over TCP" in s["why"] for s in servers)


@pytest.mark.slow
@pytest.mark.parametrize("signal_name, status, line", [("SIGINT", 130, "interrupted"), ("SIGTERM", 143, "terminated")])
def test_a_signal_during_check_ends_with_one_line_and_no_partial_file(tmp_path, signal_name, status, line):
    """Held up by a server that never answers over TCP; Ctrl-C printed 'Task was destroyed but it is pending!'
    and task reprs after its line, and SIGTERM left the .partial file of -o behind."""
    path = tmp_path / "clean.test.json"
    path.write_text(json.dumps(saved_identity("clean.test")))
    out = tmp_path / "out"
    out.mkdir()
    with HostileDns("silent") as hostile:
        process = subprocess.Popen([sys.executable, "-m", "exporter.cli", "clean.test", "--identity-file", str(path),
                                    "--region", "us-east-1", "--check", "--nameserver", hostile.address,
                                    "--dns-timeout", "20", "-o", str(out / "report.txt")],
                                   stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True, cwd=ROOT)
        deadline = time.monotonic() + 20
        while not hostile.tcp_connections and time.monotonic() < deadline:  # the run is asking over TCP
            time.sleep(0.05)
        time.sleep(0.3)  # and now waits for the answer, as a person who gives up waits
        assert [p.name for p in out.iterdir()][0].endswith(".partial")
        process.send_signal(getattr(signal, signal_name))
        _, err = process.communicate(timeout=10)
    assert process.returncode == status
    assert err.splitlines() == [f"ses-export: {line}"]
    assert list(out.iterdir()) == []


@pytest.mark.slow
def test_a_dripping_ses_answer_is_given_up_at_its_deadline():
    """One byte every 0.2 s: each read is quick, the whole answer is not. Each attempt ends at its deadline
    (twice --timeout), and a timeout is tried twice."""
    from exporter.sources.ses import SesClient

    identity = json.loads((ROOT / "samples" / "identities" / "example.com.json").read_text())
    with FakeSes({"us-east-1": {"example.com": identity}}) as fake:
        fake.fail_always("drip", delay=0.2)
        env = isolated_aws_environment(endpoint=fake.url)
        with pytest.MonkeyPatch.context() as patch:
            for key in [k for k in __import__("os").environ if k.startswith("AWS_")]:
                patch.delenv(key)
            for key, value in env.items():
                patch.setenv(key, value)
            client = SesClient("us-east-1", None, timeout=0.5)
            started = time.monotonic()
            with pytest.raises(AwsError, match="did not come whole within 1 s"):
                client.get_identity("example.com.")
            elapsed = time.monotonic() - started
    assert fake.count() == 2
    assert elapsed < 2 * 1.0 + 2, elapsed  # two attempts of 1 s, and the retry's short backoff


# --- 4. resources and files -----------------------------------------------------------------------

@pytest.mark.slow
def test_a_folder_on_a_full_disk_is_left_as_it_was(tmp_path):
    """-o FOLDER/ onto a 64 KB tmpfs (in a mount namespace of the test's own) holding four of the eight files,
    with room for three more: written one by one, four would be replaced and three added before the disk
    filled. Exit 74, and the folder is as it was: the four old files, unchanged, and nothing beside them."""
    if subprocess.run(["unshare", "-rm", "true"], capture_output=True).returncode != 0:
        pytest.skip("no mount namespace can be made here")
    saved = tmp_path / "saved"
    saved.mkdir()
    for n in range(8):
        write_identity(saved, f"d{n}.test")
    disk = tmp_path / "disk"
    disk.mkdir()
    script = (f"mount -t tmpfs -o size=64k none {disk} && mkdir {disk}/zones && "
              f"for n in 0 1 2 3; do echo old > {disk}/zones/d$n.test.json; done && "
              f"head -c {64 * 1024 - 7 * 4096} /dev/zero > {disk}/fill; "  # 3 pages of 4 KB left
              f"{sys.executable} -m exporter.cli --identity-file {saved} --region us-east-1 -f json -o {disk}/zones/; "
              f"echo \"exit $?\"; cat {disk}/zones/*.json; ls -A {disk}/zones")
    result = subprocess.run(["unshare", "-rm", "sh", "-c", script], capture_output=True, text=True, cwd=ROOT,
                            timeout=60)
    lines = result.stdout.splitlines()
    assert lines[0] == "exit 74", result.stderr
    assert lines[1:] == ["old"] * 4 + [f"d{n}.test.json" for n in range(4)]
    assert len(result.stderr.splitlines()) == 1 and "No space left on device" in result.stderr
