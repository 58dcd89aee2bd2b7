"""The command line, in-process through CliRunner and as the installed entry point."""

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import click
import pytest

from conftest import ROOT, SAMPLES

PLAIN = str(SAMPLES / "identities" / "example.com.json")
MAIL_FROM = str(SAMPLES / "identities" / "shop.example.net.json")
# MAIL FROM, and a SigningHostedZone (dkim.amazonses.com) that names no region: the region must come
# from --region or the AWS configuration (shop.example.net's zone names its own).
GLOBAL_ZONE = str(SAMPLES / "identities" / "日本語.jp.json")


@pytest.fixture(autouse=True)
def no_aws_config(aws_env):
    """The tests never read the developer's AWS configuration or credentials."""
    aws_env(credentials=None)


def entry_point() -> str:
    path = shutil.which("ses-export", path=str(Path(sys.executable).parent)) or shutil.which("ses-export")
    assert path, "the ses-export entry point is not installed: pip install ."
    return path


@pytest.mark.slow
def test_documented_call_as_installed_entry_point(tmp_path):
    result = subprocess.run([entry_point(), "example.com", "--format", "bind", "--identity-file", PLAIN],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "ymz4fzbkdjg4zqfqx6t5dkl3xqyzgkdg._domainkey.example.com. 1800 IN CNAME " \
           "ymz4fzbkdjg4zqfqx6t5dkl3xqyzgkdg.dkim.amazonses.com." in result.stdout
    assert result.stderr == ""


@pytest.mark.slow
@pytest.mark.parametrize("args, status, message", [
    (["日本語.jp", "--identity-file", GLOBAL_ZONE, "-f", "bind"], 2, "pass --region"),
    (["example.com", "--identity-file", "/nonexistent/x.json", "-f", "bind"], 2, "/nonexistent/x.json: no such file"),
    (["example.com", "--identity-file", PLAIN, "-f", "bind", "--region", "moon-1"], 2, "--region: 'moon-1'"),
    (["example.com", "--identity-file", PLAIN, "-f", "bind", "--ttl", "0"], 2, "--ttl"),
    (["example.com", "--identity-file", PLAIN, "-f", "bind", "--zone", "example.org"], 2, "--zone"),
    (["example.com", "--identity-file", PLAIN, "-f", "bind", "--dmarc", "p=none"], 2, "--dmarc"),
    (["example.com", "--identity-file", PLAIN, "-f", "yaml"], 2, "yaml"),
    (["a.com", "b.com", "--identity-file", PLAIN], 2, "holds one identity"),
], ids=["region-needed", "missing-file", "bad-region", "ttl", "zone", "dmarc", "format", "two-domains-one-file"])
def test_bad_input_exits_2_with_one_line(args, status, message, tmp_path):
    result = subprocess.run([entry_point(), *args], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == status
    assert result.stdout == ""
    lines = result.stderr.strip().splitlines()
    assert message in result.stderr
    assert "Traceback" not in result.stderr
    assert len(lines) == 1 and lines[0].startswith("ses-export: "), result.stderr


def test_email_identity_exits_2(cli, tmp_path):
    path = tmp_path / "me.json"
    path.write_text(json.dumps({"IdentityType": "EMAIL_ADDRESS", "VerificationStatus": "SUCCESS"}))
    result = cli("me@example.com", "--identity-file", str(path), "-f", "bind")
    assert result.exit_code == 2
    assert "email" in result.stderr


def test_not_json_exits_2(cli, tmp_path):
    path = tmp_path / "example.com.json"
    path.write_text("{not json")
    result = cli("example.com", "--identity-file", str(path), "-f", "json")
    assert result.exit_code == 2
    assert f"{path}: not JSON" in result.stderr


def test_stdin_identity(cli):
    result = cli("example.com", "--identity-file", "-", "-f", "json", input=Path(PLAIN).read_text())
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["identities"][0]["domain"] == "example.com."


def test_region_from_environment(cli, monkeypatch):
    monkeypatch.setenv("AWS_REGION", "eu-west-2")
    result = cli("日本語.jp", "--identity-file", GLOBAL_ZONE, "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert "feedback-smtp.eu-west-2.amazonses.com." in result.stdout
    # The identity's own SigningHostedZone wins over the configuration's region (it is not --region).
    result = cli("shop.example.net", "--identity-file", MAIL_FROM, "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert "feedback-smtp.ap-northeast-3.amazonses.com." in result.stdout


def test_region_from_profile_config(cli, monkeypatch, tmp_path):
    config = tmp_path / "config"
    config.write_text("[profile work]\nregion = ca-central-1\n")
    monkeypatch.setenv("AWS_CONFIG_FILE", str(config))
    result = cli("日本語.jp", "--identity-file", GLOBAL_ZONE, "--profile", "work", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert "feedback-smtp.ca-central-1.amazonses.com." in result.stdout


def test_folder_of_identities_all_and_filtered(cli, monkeypatch):
    folder = str(SAMPLES / "identities")
    # The configuration's region, not --region: shop.example.net names its own region, which a
    # --region us-east-1 would contradict. The keys: a folder of DOMAIN.pem, one per BYODKIM identity.
    monkeypatch.setenv("AWS_REGION", "us-east-1")
    everything = cli("--identity-file", folder, "-f", "json", "--dkim-public-key", str(SAMPLES / "keys"))
    assert everything.exit_code == 0, everything.stderr
    domains = [i["domain"] for i in json.loads(everything.stdout)["identities"]]
    assert sorted(domains) == ["byodkim.example.org.", "example.com.", "shop.example.net.", "xn--wgv71a119e.jp."]
    missing = cli("nothere.example.com", "--identity-file", folder, "-f", "json")
    assert missing.exit_code == 2 and "nothere.example.com" in missing.stderr


def test_output_file_is_written_whole(cli, tmp_path):
    target = tmp_path / "records.zone"
    result = cli("example.com", "--identity-file", PLAIN, "-f", "bind", "-o", str(target))
    assert result.exit_code == 0 and result.stdout == ""
    assert target.read_text().count(" IN CNAME ") == 3
    assert [p.name for p in tmp_path.iterdir()] == ["records.zone"]


def test_failed_run_keeps_the_old_file(cli, tmp_path):
    target = tmp_path / "records.zone"
    target.write_text("old contents\n")
    result = cli("日本語.jp", "--identity-file", GLOBAL_ZONE, "-f", "bind", "-o", str(target))
    assert result.exit_code == 2
    assert target.read_text() == "old contents\n"
    assert [p.name for p in tmp_path.iterdir()] == ["records.zone"]


def test_output_into_missing_folder(cli, tmp_path):
    result = cli("example.com", "--identity-file", PLAIN, "-f", "bind", "-o", str(tmp_path / "no" / "x.zone"))
    assert result.exit_code == 2 and "no such folder" in result.stderr


def test_help_teaches(cli):
    result = cli("--help")
    for text in ["--identity-file", "--format", "bind", "Exit status", "final dot"]:
        assert text in result.stdout


@pytest.mark.slow
def test_installed_package_works_outside_the_checkout(tmp_path):
    """A real (non-editable) install carries the templates: render from a folder that has none."""
    target = tmp_path / "site"
    build = subprocess.run([sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-build-isolation",
                            "--target", str(target), str(ROOT)], capture_output=True, text=True)
    assert build.returncode == 0, build.stderr
    assert (target / "exporter" / "templates" / "bind.j2").is_file()
    assert (target / "exporter" / "py.typed").is_file()  # PEP 561: a type checker reads the annotations
    work = tmp_path / "elsewhere"
    work.mkdir()
    # -S: no site processing, so the checkout's editable-install hook cannot stand in for a missing
    # module; the dependencies come from the virtualenv's site-packages, named explicitly.
    dependencies = os.path.dirname(os.path.dirname(click.__file__))
    result = subprocess.run([sys.executable, "-S", "-m", "exporter.cli", "example.com", "--identity-file", PLAIN,
                             "--format", "bind"], capture_output=True, text=True, cwd=work,
                            env={**os.environ, "PYTHONPATH": f"{target}{os.pathsep}{dependencies}"})
    assert result.returncode == 0, result.stderr
    assert result.stdout.count(" IN CNAME ") == 3
    assert "import" not in result.stderr


def test_pyproject_lists_every_subpackage():
    import tomllib

    listed = set(tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["tool"]["setuptools"]["packages"])
    on_disk = {".".join(p.parent.relative_to(ROOT).parts) for p in (ROOT / "exporter").rglob("__init__.py")}
    assert listed == on_disk | {"exporter.templates"}
