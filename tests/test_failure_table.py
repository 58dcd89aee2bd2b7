"""docs/failures.md is a contract: every row runs here, as written, through the installed entry point."""

from __future__ import annotations

import os
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

from conftest import ROOT

TABLE = ROOT / "docs" / "failures.md"


@dataclass(frozen=True)
class Row:
    section: str
    what: str
    command: str
    exit: int
    says: str


def table_rows(path: Path = TABLE) -> list[Row]:
    """The rows of every table in the document, read by a CommonMark (GFM tables) parser."""
    tokens = MarkdownIt("commonmark").enable("table").parse(path.read_text(encoding="utf-8"))
    rows, section, cells, in_body = [], "", [], False
    for i, token in enumerate(tokens):
        if token.type == "heading_open":
            section = tokens[i + 1].content
        elif token.type == "tbody_open":
            in_body = True
        elif token.type == "tbody_close":
            in_body = False
        elif in_body and token.type == "tr_open":
            cells = []
        elif in_body and token.type == "inline":
            cells.append(token.children[0].content if token.children and token.children[0].type == "code_inline"
                         else token.content)
        elif in_body and token.type == "tr_close":
            what, command, status, says = cells
            rows.append(Row(section, what, command, int(status), says))
    return rows


ROWS = table_rows()


def clean_environment(tmp: Path) -> dict[str, str]:
    """No AWS configuration of the machine's, the entry point first on PATH, a private template cache."""
    env = {k: v for k, v in os.environ.items() if not k.startswith("AWS_")}
    env.update(AWS_CONFIG_FILE=str(tmp / "no-aws-config"), AWS_SHARED_CREDENTIALS_FILE=str(tmp / "no-aws-credentials"),
               PATH=f"{Path(sys.executable).parent}{os.pathsep}{env.get('PATH', '')}", XDG_CACHE_HOME=str(tmp),
               LC_ALL="C.UTF-8")
    return env


@pytest.fixture(scope="module")
def outcomes(tmp_path_factory):
    """Run every row once (four at a time: each is a process start-up) from the top of the checkout."""
    env = clean_environment(tmp_path_factory.mktemp("failure-table"))
    before = sorted(p.name for p in ROOT.iterdir())

    def run(row: Row):
        return subprocess.run(["bash", "-c", row.command], capture_output=True, text=True, cwd=ROOT, env=env,
                              timeout=60)

    with ThreadPoolExecutor(4) as pool:
        results = dict(zip(ROWS, pool.map(run, ROWS)))
    return results, before


def test_the_table_is_read():
    assert len(ROWS) >= 70
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


def test_no_file_left_behind(outcomes):
    results, before = outcomes
    assert sorted(p.name for p in ROOT.iterdir()) == before
    leftovers = [p for p in ROOT.rglob(".*.partial")] + [p for p in ROOT.rglob(".ses-export.*.probe")]
    assert leftovers == []
    assert not (ROOT / "no").exists()
