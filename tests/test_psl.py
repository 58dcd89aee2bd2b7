"""The Public Suffix List algorithm (exporter/psl.py) against the PSL project's own test vectors,
which the publicsuffixlist package ships beside the list (test_psl.txt), in both look-up modes."""

from __future__ import annotations

import importlib.util
import os
import re

import dns.name
import pytest

from exporter import psl


def _vectors() -> list[tuple[str, str | None]]:
    spec = importlib.util.find_spec("publicsuffixlist")
    assert spec is not None and spec.submodule_search_locations, "publicsuffixlist is a dependency"
    path = os.path.join(next(iter(spec.submodule_search_locations)), "test_psl.txt")
    with open(path, encoding="utf-8") as handle:
        text = handle.read()
    found = []
    for line in text.splitlines():
        match = re.fullmatch(r"checkPublicSuffix\((null|'[^']*'), (null|'[^']*')\);", line.strip())
        if match:
            name, expected = (None if m == "null" else m[1:-1] for m in match.groups())
            if name and not name.startswith("."):  # no null or leading-dot input reaches psl.py
                found.append((name, expected))
    assert len(found) > 50, "the vectors file changed its form"
    return found


def _a_label(name: str) -> str:
    return dns.name.from_unicode(name.lower()).to_text()


@pytest.mark.parametrize("set_after", [0, 10**9], ids=["set", "search"])
def test_the_psl_projects_own_vectors(monkeypatch, set_after):
    rules = psl._Rules()
    rules.SET_AFTER = set_after
    monkeypatch.setattr(psl, "_RULES", rules)
    wrong = []
    for name, expected in _vectors():
        got = psl.registrable_domain(_a_label(name))
        want = None if expected is None else _a_label(expected)
        if got != want:
            wrong.append((name, got, want))
    assert not wrong


def test_a_run_with_few_names_never_builds_the_set(monkeypatch):
    rules = psl._Rules()
    monkeypatch.setattr(psl, "_RULES", rules)
    assert psl.registrable_domain("shop.example.net.") == "example.net."
    assert psl.is_public_suffix("co.uk.") and psl.is_public_suffix("co.jp.")
    assert rules._lines is None  # the start-up path: searched, not built
