"""Shared test helpers: the repository's samples, the CLI in-process, and real external tools."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import settings

# Hypothesis profiles: "dev" (the default) runs the round trips briefly while working; "quick" (tests/fast)
# runs each property a few times, to catch a broken build in seconds; CI runs the thorough "ci" profile
# (.ci/run sets HYPOTHESIS_PROFILE=ci), at the strength the escaping round trips of tests/test_roundtrip.py
# need. A test that needs its own count asks examples(n), which the quick profile cuts down.
# No deadline: Hypothesis's default (200 ms per example) is a timing assertion, and on a busy 2-core machine
# a slow example is no bug (speed is measured in benchmarks/, never asserted in the tests).
settings.register_profile("ci", max_examples=3000, deadline=None)
settings.register_profile("dev", max_examples=100, deadline=None)
settings.register_profile("quick", max_examples=10, deadline=None)
HYPOTHESIS_PROFILE = os.environ.get("HYPOTHESIS_PROFILE", "dev")
settings.load_profile(HYPOTHESIS_PROFILE)


def examples(n: int) -> int:
    """A test's own Hypothesis example count, cut to the quick profile's when that profile runs."""
    return min(n, settings.default.max_examples) if HYPOTHESIS_PROFILE == "quick" else n

ROOT = Path(__file__).resolve().parent.parent
SAMPLES = ROOT / "samples"
sys.path.insert(0, str(SAMPLES))  # render_samples.py is the one list of sample cases


def sample_identities() -> list[dict]:
    return json.loads((SAMPLES / "samples.json").read_text(encoding="utf-8"))["identities"]


def sample_argv(sample: dict, *extra: str) -> list[str]:
    """The arguments that render one bundled sample (paths relative to the repository root)."""
    return [sample["domain"], "--identity-file", str(SAMPLES / "identities" / f"{sample['domain']}.json"),
            *[str(ROOT / a) if a.startswith("samples/") else a for a in sample["args"]], *extra]


# The marker a test needs before it may use a tool, so the fast target (tests/fast,
# docs/development.md) never starts one; require_tool enforces it.
TOOL_MARKERS = {"named": "needs_named", "named-checkzone": "needs_named", "named-checkconf": "needs_named",
                "rndc": "needs_named", "node": "needs_node"}
_running: dict = {}


def pytest_runtest_setup(item):
    _running["item"] = item  # before its fixtures, so module fixtures see the test that needs them


# The fast target (tests/fast) starts no process either: a test that does must say so with a marker.
_PROCESS_MARKERS = ("slow", "needs_named", "needs_node")
_popen = subprocess.Popen


class _MarkedPopen(_popen):  # type: ignore[misc,valid-type]
    def __init__(self, *args, **kwargs):
        item = _running.get("item")
        if item is not None and not any(item.get_closest_marker(m) for m in _PROCESS_MARKERS):
            pytest.fail(f"{item.nodeid} starts a process: mark it with @pytest.mark.slow")
        super().__init__(*args, **kwargs)


subprocess.Popen = _MarkedPopen  # type: ignore[misc]


def require_tool(name: str) -> str:
    """The path of an external tool the tests need; its absence is a failure, not a skip."""
    marker, item = TOOL_MARKERS.get(name), _running.get("item")
    if marker and item is not None and item.get_closest_marker(marker) is None:
        pytest.fail(f"{item.nodeid} uses {name}: mark it with @pytest.mark.{marker}")
    path = shutil.which(name) or shutil.which(name, path="/usr/sbin:/usr/bin:/sbin:/bin")
    if not path:
        pytest.fail(f"{name} is not installed: run the README's test command (bash tests/run), which installs it")
    return path


@pytest.fixture
def cli():
    """Invoke ses-export in-process; returns click's Result (stdout and stderr kept apart)."""
    from exporter.cli import main

    def invoke(*args: str, input: str | None = None):
        return CliRunner().invoke(main, list(args), input=input, catch_exceptions=False)

    return invoke


@pytest.fixture(params=sample_identities(), ids=lambda s: s["domain"])
def sample(request) -> dict:
    return request.param


@pytest.fixture
def aws_env(monkeypatch):
    """In-process live runs against a loopback SES: the environment of fake_ses.isolated_aws_environment
    (no machine AWS configuration, fake credentials), and SES's pace lifted (the fake enforces only what
    it is told to). Returns `use(endpoint, credentials=...)`: a FakeSes or a URL; credentials None: none."""
    from exporter.sources import pacing

    from fake_ses import FAKE_CREDENTIALS, isolated_aws_environment

    monkeypatch.setattr(pacing, "SES_REQUESTS_PER_SECOND", 50.0)

    def use(endpoint=None, credentials=FAKE_CREDENTIALS, **extra):
        url = getattr(endpoint, "url", endpoint)
        wanted = isolated_aws_environment(credentials=credentials, endpoint=url, **extra)
        for var in [v for v in os.environ if v not in wanted]:
            monkeypatch.delenv(var)
        for var, value in wanted.items():
            monkeypatch.setenv(var, value)

    use()
    return use


@pytest.fixture(autouse=True, scope="session")
def private_cache_folder(tmp_path_factory):
    """Compiled templates (exporter/template_cache.py) go to a folder of the test run, not ~/.cache."""
    import os

    os.environ["XDG_CACHE_HOME"] = str(tmp_path_factory.mktemp("xdg-cache"))


@pytest.fixture(autouse=True, scope="session")
def json_documents_match_their_schema(private_cache_folder):
    """Every `-f json` document rendered in this process is checked against docs/json.schema.json: the
    named filter that writes it is wrapped where every Jinja2 environment takes its filters from."""
    from exporter import filters, formats

    from json_schema import parsed

    write = filters.FILTERS["json_document"]

    def validated(identities) -> str:
        text = write(identities)
        parsed(text)
        return text

    filters.FILTERS["json_document"] = validated
    formats.environment.cache_clear()
    yield
    filters.FILTERS["json_document"] = write
    formats.environment.cache_clear()
