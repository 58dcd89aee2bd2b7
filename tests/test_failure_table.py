"""docs/failures.md is a contract: every row runs here, as written, through the installed entry point."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from conftest import ROOT, SAMPLES
from dns_servers import FakeDns
from fake_ses import FakeSes, isolated_aws_environment, refused_url

pytestmark = [pytest.mark.slow]

TABLE = ROOT / "docs" / "failures.md"


@dataclass(frozen=True)
class Row:
    section: str
    what: str
    command: str
    exit: int
    says: str
    ses: str | None = None  # what the loopback SES answers (fake_ses.FAULTS), for the live rows
    dns: str | None = None  # what a loopback DNS server holds, for the --merge-live rows ($NAMESERVER)


def table_rows(path: Path = TABLE) -> list[Row]:
    """The rows of every table in the document, read by a CommonMark (GFM tables) parser; a table's
    header row names its columns."""
    tokens = MarkdownIt("commonmark").enable("table").parse(path.read_text(encoding="utf-8"))
    rows, section, header, cells, part = [], "", [], [], None
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            section = tokens[i + 1].content
        elif token.type in ("thead_open", "tbody_open"):
            part, cells = token.type[:5], []
        elif token.type == "inline" and part:
            code = token.children[0].content if token.children and token.children[0].type == "code_inline" else None
            cells.append(code if code is not None else token.content)
        elif token.type == "tr_close" and part == "thead":
            header, cells = cells, []
        elif token.type == "tr_close" and part == "tbody":
            row = dict(zip(header, cells))
            rows.append(Row(section, row.get("Input") or row["Fault"], row["Command"], int(row["Exit"]),
                            row["stderr says"], row.get("SES answers"), row.get("DNS holds")))
            cells = []
        elif token.type in ("thead_close", "tbody_close"):
            part = None
    return rows


ROWS = table_rows()
# Fake credentials for the live rows: finding the secret or the session token in the output, in any form
# (fake_ses's "echo_token" answers with it clear, URL-encoded, base64 and split), would mean it leaked.
SECRET_KEY = "fAiLuReTaBlE/Secret+Key/0123456789abcdef"
SESSION_TOKEN = "FaIlUrEtAbLe/Session+Token/0123456789abcdef=="


def leaked(secret: str, text: str) -> list[str]:
    """The forms of `secret` found in `text`: clear, URL-encoded, base64 (its first 32 characters stand for
    it), either half (split across lines), with any backslashes (JSON's \\/) taken out."""
    import base64
    from urllib.parse import quote

    flat = text.replace("\\", "")
    half = len(secret) // 2
    forms = [secret, quote(secret, safe=""), base64.b64encode(secret.encode()).decode()[:32], secret[:half],
             secret[half:]]
    return [form for form in forms if form in flat]


def clean_environment(tmp: Path) -> dict[str, str]:
    """No AWS configuration or credentials of the machine's, the entry point first on PATH, a private
    template cache."""
    return isolated_aws_environment(credentials=None, XDG_CACHE_HOME=str(tmp), LC_ALL="C.UTF-8",
                                    PATH=f"{Path(sys.executable).parent}{os.pathsep}{os.environ.get('PATH', '')}")


def run_row(row: Row, env: dict[str, str]) -> subprocess.CompletedProcess:
    """Run the row's command with bash from the top of the checkout; a live row gets its own loopback SES
    answering with the row's fault, and fake credentials."""
    def run(extra_env):
        return subprocess.run(["bash", "-c", row.command], capture_output=True, text=True, cwd=ROOT,
                              env={**env, **extra_env}, timeout=120)

    if row.dns is not None:
        server = FakeDns(dns_data(row.dns))
        try:
            return run({"NAMESERVER": server.address})
        finally:
            server.stop()
    if row.ses is None:
        return run({})
    credentials = {"AWS_ACCESS_KEY_ID": "AKIDFAILURETABLE0001", "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
                   "AWS_SESSION_TOKEN": SESSION_TOKEN}
    if row.ses == "refused":
        return run({**credentials, "AWS_ENDPOINT_URL_SESV2": refused_url()})
    identity = json.loads((SAMPLES / "identities" / "example.com.json").read_text(encoding="utf-8"))
    with FakeSes({"us-east-1": {"example.com": identity}}) as fake:
        if row.ses != "not asked":
            kind, _, delay = row.ses.partition(" ")
            fake.fail_always(kind, delay=float(delay or 0))
        result = run({**credentials, "AWS_ENDPOINT_URL_SESV2": fake.url})
        if row.ses == "not asked":
            assert fake.count() == 0, "SES was asked without credentials"
    return result


def dns_data(cell: str) -> dict[str, dict[str, list[str]]]:
    """A "DNS holds" cell, `NAME TYPE RDATA` entries joined by ' + ', as FakeDns data."""
    data: dict[str, dict[str, list[str]]] = {}
    for entry in cell.split(" + "):
        name, rdtype, rdata = entry.split(" ", 2)
        data.setdefault(name + ".", {}).setdefault(rdtype, []).append(rdata)
    return data


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory):
    """Run every row once from the top of the checkout, four at a time (each is a process start-up,
    and the live rows mostly wait for retries)."""
    env = clean_environment(tmp_path_factory.mktemp("failure-table"))
    before = sorted(p.name for p in ROOT.iterdir())
    with ThreadPoolExecutor(4) as pool:
        results = dict(zip(ROWS, pool.map(lambda row: run_row(row, env), ROWS)))
    return results, before


def test_the_table_is_read():
    assert len([row for row in ROWS if row.ses is None]) >= 70
    assert len([row for row in ROWS if row.ses is not None]) >= 12
    assert all(row.command.startswith("ses-export ") or " ses-export " in row.command for row in ROWS)
    assert len({row.what for row in ROWS}) == len(ROWS), "each row names a different input"


@pytest.mark.parametrize("row", ROWS, ids=lambda row: row.what)
def test_row(row, outcomes):
    results, _ = outcomes
    result = results[row]
    assert result.returncode == row.exit, result.stderr
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("ses-export: "), result.stderr
    assert row.says in lines[0]
    assert result.stdout == ""
    assert leaked(SECRET_KEY, result.stderr) == [] and leaked(SESSION_TOKEN, result.stderr) == []


def test_no_file_left_behind(outcomes):
    results, before = outcomes
    assert sorted(p.name for p in ROOT.iterdir()) == before
    leftovers = [p for p in ROOT.rglob(".*.partial")] + [p for p in ROOT.rglob(".ses-export.*.probe")]
    assert leftovers == []
    assert not (ROOT / "no").exists()
