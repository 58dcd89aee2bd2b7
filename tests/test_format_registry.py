"""The format registry: adding a format is one module and one template, and every list of formats
(the CLI's choices, the README, docs/formats.md, the samples) follows the registry."""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys

import pytest

from exporter import formats
from exporter.cli import main
from exporter.errors import InputError

from conftest import ROOT, SAMPLES


def test_the_cli_offers_exactly_the_registered_formats():
    option = next(p for p in main.params if p.name == "format")
    assert tuple(option.type.choices) == formats.names()
    assert {"bind", "csv", "json", "instructions", "terraform-route53", "terraform-cloudflare"} <= set(formats.names())


def test_every_format_is_in_the_readme_and_on_the_formats_page():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    page = (ROOT / "docs" / "formats.md").read_text(encoding="utf-8")
    for name in formats.names():
        assert re.search(rf"^\| `{re.escape(name)}` \|", readme, re.M), f"README's format list lacks {name}"
        assert re.search(rf"^## `{re.escape(name)}`", page, re.M), f"docs/formats.md has no section for {name}"


def test_every_format_has_a_golden_sample():
    listed = {entry["format"] for entry in json.loads((SAMPLES / "samples.json").read_text(encoding="utf-8"))["formats"]}
    assert listed == set(formats.names())


def test_every_format_names_its_template_and_a_suffix_of_its_own():
    folder = formats.template_folder()
    suffixes = []
    for name in formats.names():
        fmt = formats.get(name)
        assert (folder / fmt.template).is_file(), name
        assert fmt.summary and not fmt.summary.endswith(".")
        suffixes.append(fmt.suffix)
    assert len(set(suffixes)) == len(suffixes)


def test_lang_help_names_the_localized_formats():
    option = next(p for p in main.params if p.name == "lang")
    assert "instructions" in formats.localized() and "bind" not in formats.localized()
    for name in formats.localized():
        assert name in option.help


def test_an_unknown_format_names_the_choices():
    with pytest.raises(InputError, match=r"^format: 'yaml' is not one of bind, ") as refused:
        formats.get("yaml")
    assert refused.value.cli_message().startswith("--format: ")


def test_a_second_format_under_a_taken_name_is_refused():
    bind = formats.get("bind")
    assert formats.register(bind) is bind  # registering the same one again is harmless
    with pytest.raises(ValueError, match="two formats are named 'bind'"):
        formats.register(formats.Format(name="bind", suffix="other", template="bind.j2", summary="another"))


THROWAWAY_MODULE = '''"""throwaway: one line per record, to prove a format is one module and one template."""

from . import Format, register


def prepare(identities, settings):
    return {"marker": "prepared for " + settings.lang}


FORMAT = register(Format(name="throwaway", suffix="txt", template="throwaway.j2", prepare=prepare,
                         summary="a test's format"))
'''
THROWAWAY_TEMPLATE = """# {{ marker }}
{% for r in records %}
{{ r.type }} {{ r.name }} {{ r.value }}
{% endfor %}
"""


@pytest.mark.slow
def test_a_new_format_is_one_module_and_one_template(tmp_path):
    """Copy the package, add exactly two files, and the CLI offers, renders and -o FOLDER/ names it."""
    shutil.copytree(ROOT / "exporter", tmp_path / "exporter", ignore=shutil.ignore_patterns("__pycache__"))
    shutil.copytree(ROOT / "templates", tmp_path / "templates")
    (tmp_path / "exporter" / "formats" / "throwaway.py").write_text(THROWAWAY_MODULE, encoding="utf-8")
    (tmp_path / "templates" / "throwaway.j2").write_text(THROWAWAY_TEMPLATE, encoding="utf-8")

    def run(*args):
        return subprocess.run([sys.executable, "-m", "exporter.cli", *args], cwd=tmp_path, capture_output=True,
                              text=True, timeout=60, env={"PATH": "/usr/bin:/bin", "XDG_CACHE_HOME": str(tmp_path)})

    saved = str(SAMPLES / "identities" / "example.com.json")
    result = run("example.com", "--identity-file", saved, "-f", "throwaway", "--lang", "ja")
    assert result.returncode == 0, result.stderr
    assert result.stdout.splitlines()[0] == "# prepared for ja"
    assert "CNAME ymz4fzbkdjg4zqfqx6t5dkl3xqyzgkdg._domainkey.example.com. " \
           "ymz4fzbkdjg4zqfqx6t5dkl3xqyzgkdg.dkim.amazonses.com." in result.stdout
    assert "throwaway" in run("--help").stdout
    folder = run("example.com", "--identity-file", saved, "-f", "throwaway", "-o", f"{tmp_path}/out/")
    assert folder.returncode == 0, folder.stderr
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["example.com.txt"]


def test_a_per_zone_format_writes_one_file_per_zone():
    from exporter import model, output
    from exporter.sources.saved import SavedSource

    identities = SavedSource(str(SAMPLES / "identities")).identities(
        ["example.com", "shop.example.net"], model.options(region="ap-northeast-3"))
    news = SavedSource(str(SAMPLES / "identities" / "example.com.json")).identities(
        ["news.example.com"], model.options(zone="example.com"))
    per_zone = output.files([*identities, *news], "zone", per_zone=True)
    assert {name: [i.name for i in group] for name, group in per_zone.items()} == {
        "example.com.zone": ["example.com", "news.example.com"], "example.net.zone": ["shop.example.net"]}
    per_identity = output.files([*identities, *news], "zone")
    assert list(per_identity) == ["example.com.zone", "shop.example.net.zone", "news.example.com.zone"]
