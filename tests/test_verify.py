"""Issue 12 item 11: the closing check works for the reader, with ses-export or without it.

Every bundled sample's records are served by a real `named`; then, from the instructions and from the
zone-file and Terraform headers exactly as printed:
- each `dig` line (pointed at that named) prints the answer written after its `#`;
- each `nslookup` line shows the same answer;
- the `ses-export ... --check` command, run as printed (plus --nameserver for the test's named),
  finds every record ok: it carries every option the check needs.
"""

import json
import re
import shlex
import subprocess

import pytest
from click.testing import CliRunner
from markdown_it import MarkdownIt

from exporter.cli import main
from exporter.verify import SHOWN_MAX

from conftest import require_tool, sample_argv, sample_identities
from dns_servers import Named

pytestmark = [pytest.mark.needs_named, pytest.mark.slow]

SAMPLES = sample_identities()


def run(*args):
    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def fences(markdown: str) -> list[list[str]]:
    return [token.content.splitlines() for token in MarkdownIt("commonmark").parse(markdown) if token.type == "fence"]


@pytest.fixture(scope="module")
def named(tmp_path_factory):
    zones = {}
    for sample in SAMPLES:
        zone = json.loads(run(*sample_argv(sample, "-f", "json")))["identities"][0]["zone"]
        fragment = run(*sample_argv(sample, "-f", "bind"))
        zones[zone] = f"$TTL 300\n$ORIGIN {zone}\n@ SOA . . 0 0 0 0 0\n@ NS .\n{fragment}"
    server = Named(require_tool("named"), tmp_path_factory.mktemp("named"), zones)
    yield server
    server.stop()


def instructions(sample, lang="en", dns_host="generic"):
    text = run(*sample_argv(sample, "--lang", lang, "--dns-host", dns_host))
    *_, commands, lookups = fences(text)
    return commands, lookups


def strings(text: str) -> list[str]:
    """The quoted character-strings of a TXT answer as dig prints them (the text itself if none)."""
    return re.findall(r'"(?:[^"\\]|\\.)*"', text) or [text]


def agrees(shown: str, answer: str) -> bool:
    """`shown` is what dig prints, each character-string shortened at "…" where long: as many strings."""
    if "…" in shown:
        pairs = list(zip(strings(shown), strings(answer)))
        return (len(strings(shown)) == len(strings(answer)) and len(answer) > SHOWN_MAX
                and all(a.startswith(s.split("…")[0]) and a.endswith(s.split("…")[-1]) for s, a in pairs))
    return answer == shown


@pytest.mark.parametrize("sample", SAMPLES, ids=[s["domain"] for s in SAMPLES])
def test_every_dig_line_prints_the_answer_it_promises(named, sample):
    dig = require_tool("dig")
    _, lines = instructions(sample)
    digs = [line for line in lines if line.startswith("dig ")]
    assert len(digs) == len([line for line in lines if line.startswith("nslookup ")]) >= 3
    for line in digs:
        command, shown = line.split(" # ", 1)
        argv = shlex.split(command)
        assert argv[0] == "dig"
        result = subprocess.run([dig, *argv[1:], "@127.0.0.1", "-p", str(named.port)], capture_output=True,
                                text=True, timeout=20)
        assert result.returncode == 0, result.stderr
        assert agrees(shown, result.stdout.strip()), (line, result.stdout)


@pytest.mark.parametrize("sample", SAMPLES, ids=[s["domain"] for s in SAMPLES])
def test_every_nslookup_line_shows_the_same_answer(named, sample):
    nslookup = require_tool("nslookup")
    _, lines = instructions(sample, "ja")
    for dig_line, ns_line in zip(lines[::2], lines[1::2]):
        shown = dig_line.split(" # ", 1)[1]
        argv = shlex.split(ns_line)
        assert argv[0] == "nslookup" and argv[-1] == dig_line.split(" # ")[0].split()[-1]
        result = subprocess.run([nslookup, f"-port={named.port}", *argv[1:], "127.0.0.1"], capture_output=True,
                                text=True, timeout=20)
        assert result.returncode == 0, result.stdout + result.stderr
        if "…" in shown:
            for piece in strings(shown):  # nslookup prints the same character-strings
                head, _, tail = piece.partition("…")
                assert head.strip('"') in result.stdout and tail.strip('"') in result.stdout, result.stdout
        else:
            assert shown in result.stdout, (ns_line, result.stdout)


@pytest.mark.parametrize("sample", SAMPLES, ids=[s["domain"] for s in SAMPLES])
@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_printed_check_command_runs_and_finds_every_record(named, sample, lang):
    (command,), _ = instructions(sample, lang, "onamae")
    argv = shlex.split(command)
    assert argv[0] == "ses-export" and argv[-1] == "--check" and argv[argv.index("--lang") + 1] == lang
    result = CliRunner().invoke(main, [*argv[1:], "--nameserver", named.address, "-f", "json"],
                                catch_exceptions=False)
    assert result.exit_code == 0, result.stdout + result.stderr
    statuses = list(_statuses(json.loads(result.stdout)))  # exit 0 already says every record is ok
    assert statuses and set(statuses) == {"ok"}


def _statuses(report):
    """Every finding's status in the --check JSON, whatever its nesting (docs/check.md)."""
    if isinstance(report, dict):
        if "status" in report and "type" in report:
            yield report["status"]
        for value in report.values():
            yield from _statuses(value)
    elif isinstance(report, list):
        for value in report:
            yield from _statuses(value)


@pytest.mark.parametrize("fmt, comment", [("bind", ";"), ("terraform-route53", "#"), ("terraform-cloudflare", "#")])
def test_file_headers_print_the_same_check(fmt, comment):
    sample = next(s for s in SAMPLES if s["domain"] == "byodkim.example.org")
    (command,), lookups = instructions(sample)
    header = run(*sample_argv(sample, "-f", fmt)).splitlines()
    assert f"{comment}   {command.replace(' --lang en', '')}" in header
    assert "ses-export DOMAIN" not in "\n".join(header)
    for dig_line, ns_line in zip(lookups[::2], lookups[1::2]):
        command, shown = dig_line.split(" # ", 1)
        assert f"{comment}   {command}  -> {shown}" in header
        assert f"{comment}   {ns_line}" in header
