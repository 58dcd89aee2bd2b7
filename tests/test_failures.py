"""How a run ends when something goes wrong after the input was accepted: one line, the documented
status, and no partial output (docs/failures.md lists the bad inputs themselves)."""

from __future__ import annotations

import subprocess
import sys

import pytest

from exporter import formats, job

from conftest import SAMPLES

PLAIN = str(SAMPLES / "identities" / "example.com.json")
FOLDER = str(SAMPLES / "identities")
KEYS = str(SAMPLES / "keys")  # one DOMAIN.pem per BYODKIM identity of the folder


@pytest.fixture(autouse=True)
def configured_region(monkeypatch):
    """The folder's identities take the configuration's region where they name none (shop.example.net
    names its own, which a --region us-east-1 would contradict)."""
    monkeypatch.setenv("AWS_REGION", "us-east-1")


@pytest.fixture
def fail_on_third_record(monkeypatch):
    """Make the BIND template fail in the middle of rendering: after some records are written."""
    env = formats.environment()
    real = env.filters["zone_file_line"]
    calls = []

    def failing(record):
        calls.append(record)
        if len(calls) == 3:
            raise RuntimeError("disk gremlin")
        return real(record)

    monkeypatch.setitem(env.filters, "zone_file_line", failing)
    return calls


def test_failure_in_the_middle_of_rendering_keeps_the_old_file(cli, tmp_path, fail_on_third_record):
    target = tmp_path / "records.zone"
    target.write_text("old contents\n")
    result = cli("--identity-file", FOLDER, "-f", "bind", "-o", str(target),
                 "--dkim-public-key", KEYS)
    assert len(fail_on_third_record) == 3, "the template did start rendering"
    assert result.exit_code == 70
    # The identities' notes (SES statuses, DMARC below the organisational domain) come first.
    assert result.stderr.splitlines()[-1] == ("ses-export: internal error: RuntimeError: disk gremlin "
                                              "(rerun with --debug and report it)")
    assert all(line.startswith("ses-export: note: ") for line in result.stderr.splitlines()[:-1])
    assert target.read_text() == "old contents\n"
    assert [p.name for p in tmp_path.iterdir()] == ["records.zone"]


def test_failure_in_the_middle_of_rendering_writes_nothing_to_stdout(cli, fail_on_third_record):
    result = cli("--identity-file", FOLDER, "-f", "bind",
                 "--dkim-public-key", KEYS)
    assert result.exit_code == 70 and result.stdout == ""


def test_failure_in_the_middle_of_a_folder_writes_no_file(cli, tmp_path, fail_on_third_record):
    """Every file is rendered before the first is written: a failed run adds nothing to the folder."""
    folder = tmp_path / "zones"
    folder.mkdir()
    (folder / "example.com.zone").write_text("old\n")
    result = cli("--identity-file", FOLDER, "-f", "bind", "-o", f"{folder}/",
                 "--dkim-public-key", KEYS)
    assert result.exit_code == 70
    assert [p.name for p in folder.iterdir()] == ["example.com.zone"]
    assert (folder / "example.com.zone").read_text() == "old\n"


def test_debug_shows_the_traceback_of_a_bug(cli, fail_on_third_record):
    result = cli("--identity-file", FOLDER, "-f", "bind", "--debug",
                 "--dkim-public-key", KEYS)
    assert result.exit_code == 70
    assert "Traceback (most recent call last)" in result.stderr
    assert 'raise RuntimeError("disk gremlin")' in result.stderr  # where it happened
    assert result.stderr.endswith("ses-export: internal error: RuntimeError: disk gremlin "
                                  "(rerun with --debug and report it)\n")


def test_interrupt_ends_with_130(cli, monkeypatch):
    def interrupted(*_args, **_kwargs):
        raise KeyboardInterrupt

    monkeypatch.setattr(job, "run", interrupted)
    result = cli("example.com", "--identity-file", PLAIN, "-f", "bind")
    assert result.exit_code == 130
    assert result.stderr == "ses-export: interrupted\n"


@pytest.mark.slow
def test_stdout_closed_early_ends_with_one_line_and_141():
    """`ses-export ... | head -1`: the reader goes away; one line naming standard output (issue 12: the
    output is incomplete, and a script should hear it), no traceback, no 'Exception ignored' at exit.
    More cases in tests/test_output.py."""
    process = subprocess.Popen([sys.executable, "-m", "exporter.cli", "example.com", "--identity-file", PLAIN,
                                "-f", "bind"], stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    process.stdout.close()  # before it writes: its write meets a closed pipe
    stderr = process.stderr.read().decode()
    assert process.wait(timeout=30) == 141
    assert stderr == "ses-export: standard output: the reader closed the pipe before everything was written\n"


def test_usage_errors_are_one_line(cli):
    result = cli("example.com", "--ttl", "soon")
    assert result.exit_code == 2
    assert result.stderr == ("ses-export: Invalid value for '--ttl': 'soon' is not a valid integer. "
                             "(see ses-export --help)\n")
