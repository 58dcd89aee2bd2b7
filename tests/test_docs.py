"""The docs say what the code does: the options table follows the CLI, links resolve, the README stays short."""

from __future__ import annotations

import re

import click

from exporter.cli import main

from conftest import ROOT

DOCS = ROOT / "docs"


def _documented_options() -> set[str]:
    """The first cell of each row of usage.md's options table: "`-f, --format FORMAT`" gives -f and --format."""
    page = (DOCS / "usage.md").read_text(encoding="utf-8")
    table = page.split("## Options", 1)[1].split("\n## ", 1)[0]
    return {part.split(" ")[0] for cell in re.findall(r"^\| `([^`]+)`", table, re.M) for part in cell.split(", ")}


def _cli_options() -> set[str]:
    found = set()
    for param in main.get_params(click.Context(main, **main.context_settings)):
        if isinstance(param, click.Argument):
            found.add(param.metavar.strip(".[]"))
        else:
            found.update(param.opts)
    return found


def test_the_options_table_lists_exactly_the_cli_options():
    assert _documented_options() == _cli_options()


def test_relative_links_in_the_readme_and_docs_resolve():
    for page in [ROOT / "README.md", *DOCS.glob("*.md")]:
        for target in re.findall(r"\]\(([^)#\s]+)(?:#[^)]*)?\)", page.read_text(encoding="utf-8")):
            if "://" in target:
                continue
            assert (page.parent / target).exists(), f"{page.name} links to {target}, which does not exist"


def test_the_readme_is_short_and_starts_with_the_two_commands():
    text = (ROOT / "README.md").read_text(encoding="utf-8")
    assert len(text.encode("utf-8")) <= 8 * 1024
    blocks = re.findall(r"```sh\n(.*?)```", text, re.S)
    assert blocks[0].strip().startswith("python3 -m venv .venv && .venv/bin/pip install . && .venv/bin/ses-export ")
    assert blocks[1].strip() == "bash tests/run"
    assert "\nbash tests/run\n" in (ROOT / ".ci" / "run").read_text(encoding="utf-8")  # CI runs the README's command


def test_no_reference_to_a_design_file_the_repository_does_not_have():
    outside = "DESIGN" + ".md"  # the founders' notes live outside the repository; docs/design.md is ours
    for path in [*ROOT.glob("exporter/**/*.py"), *ROOT.glob("tests/*.py"), *ROOT.glob("templates/*"),
                 *ROOT.glob("docs/*.md"), ROOT / "README.md"]:
        assert outside not in path.read_text(encoding="utf-8"), path
