"""Every example in `ses-export --help` runs as written, from a checkout's root, against the bundled
samples: the saved-JSON ones read samples/, the live ones talk to a loopback SES (tests/fake_ses.py)
serving the same saved responses, since the reader of --help copies these lines first."""

import json
import os
import shlex
import subprocess
import sys
from pathlib import Path

import pytest

from exporter.cli import HELP

from conftest import SAMPLES

pytestmark = pytest.mark.slow


def examples() -> list[str]:
    lines = HELP.split("Examples", 1)[1].split("\n\n", 1)[0].splitlines()[1:]
    found = []
    for line in lines:
        command = line.strip()
        if "  #" in command:
            command = command.split("  #", 1)[0].rstrip()
        found.append(command)
    return found


def test_help_has_examples_of_both_sources():
    found = examples()
    assert len(found) >= 4
    assert all(command.startswith("ses-export ") for command in found)
    assert any("--identity-file" not in command for command in found)  # live SES
    assert any("--identity-file samples/" in command for command in found)


@pytest.mark.parametrize("command", examples())
def test_every_help_example_runs_as_written(command, tmp_path):
    from fake_ses import FakeSes, isolated_aws_environment

    (tmp_path / "samples").symlink_to(SAMPLES)
    saved = json.loads((SAMPLES / "identities" / "example.com.json").read_text(encoding="utf-8"))
    bin_folder = str(Path(sys.executable).parent)
    with FakeSes({"us-east-1": {"example.com": saved}}) as ses:
        env = isolated_aws_environment(endpoint=ses.url, AWS_REGION="us-east-1",
                                       PATH=bin_folder + os.pathsep + os.environ.get("PATH", ""))
        result = subprocess.run(["sh", "-c", command], cwd=tmp_path, env=env, capture_output=True, text=True,
                                timeout=60)
    assert result.returncode == 0, f"{command}\n{result.stderr}"
    assert "ses-export:" not in result.stderr.replace("ses-export: note:", "").replace("ses-export: 注記:", ""), result.stderr
    output = result.stdout
    target = shlex.split(command)
    if "-o" in target:  # written to a file or folder instead of stdout
        written = tmp_path / target[target.index("-o") + 1]
        output = "".join(p.read_text(encoding="utf-8") for p in sorted(written.rglob("*")) if p.is_file()) \
            if written.is_dir() else written.read_text(encoding="utf-8")
    assert "amazonses.com" in output
