"""-f cloudformation: every template passes cfn-lint with no error, warning or note, and reads back
(through cfn-lint's own YAML loader) as exactly the model's records.

cfn-lint takes seconds to start, so the files of this module (the samples, fixed hard cases and
what hypothesis generates) are linted together in one run at the end (CfnLintBatch).
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import dns.rdata
import dns.rdataclass
import dns.rdatatype
import pytest
from hypothesis import given, settings

from exporter import formats, model
from exporter.errors import InputError
from exporter.formats import Settings
from exporter.formats._cloudformation import CFN_LINT_TXT_RULE, lint_misreads

from conftest import SAMPLES, sample_argv
from identity_strategies import cases
from test_roundtrip import build, records_of
from test_route53_changes import SEVERAL_ZONES

ZONE_ID = "Z0123456789ABCDEFGHIJ"
MAX_LINTED = 40  # distinct hypothesis files linted per run (cfn-lint is slow to start and to read)


def cfn_lint() -> list[str]:
    exe = Path(sys.executable).with_name("cfn-lint")
    if not exe.exists() and not shutil.which("cfn-lint"):
        pytest.fail("cfn-lint is not installed: run bash tests/install")
    return [str(exe) if exe.exists() else shutil.which("cfn-lint")]


def lint(paths: list[Path]) -> subprocess.CompletedProcess:
    return subprocess.run([*cfn_lint(), "--format", "parseable", "--", *map(str, paths)],
                          capture_output=True, text=True, timeout=900)


class CfnLintBatch:
    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.files: dict[str, Path] = {}

    def add(self, text: str) -> None:
        if text not in self.files and len(self.files) < MAX_LINTED:
            path = self.folder / f"t{len(self.files)}.yaml"
            path.write_text(text, encoding="utf-8")
            self.files[text] = path

    def check(self) -> None:
        if self.files:
            result = lint(list(self.files.values()))
            assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr


@pytest.fixture(scope="module")
def lint_batch(tmp_path_factory):
    batch = CfnLintBatch(tmp_path_factory.mktemp("cfn"))
    yield batch
    batch.check()


def template_records(text: str) -> list[tuple]:
    """(name, type, ttl, priority, value) of every RecordSet, read by cfn-lint's YAML loader,
    the values read as Route 53 reads them (each TXT string at most 255 bytes)."""
    from cfnlint.decode import cfn_yaml

    template = cfn_yaml.loads(text)
    assert template["AWSTemplateFormatVersion"] == "2010-09-09"
    found = []
    for logical_id, resource in template["Resources"].items():
        assert re.fullmatch(r"[A-Za-z0-9]{1,255}", logical_id)
        assert resource["Type"] == "AWS::Route53::RecordSet"
        props = resource["Properties"]
        (value,) = props["ResourceRecords"]
        rdata = dns.rdata.from_text(dns.rdataclass.IN, dns.rdatatype.from_text(props["Type"]), value)
        priority = None
        if props["Type"] == "TXT":
            assert all(len(s) <= 255 for s in rdata.strings)
            text_value = b"".join(rdata.strings).decode("ascii")
            ignored = resource.get("Metadata", {}).get("cfn-lint", {}).get("config", {}).get("ignore_checks", [])
            assert ignored == ([CFN_LINT_TXT_RULE] if lint_misreads(text_value) else []), logical_id
        elif props["Type"] == "MX":
            priority, text_value = rdata.preference, rdata.exchange.to_text()
        else:
            text_value = rdata.target.to_text()
            assert value == text_value
        assert str(props["TTL"]) == props["TTL"]
        found.append((props["Name"], props["Type"], int(props["TTL"]), priority, text_value))
    return sorted(found)


def sample_files() -> list[Path]:
    return sorted((SAMPLES / "rendered").glob("*.cloudformation.yaml"))


@pytest.mark.slow
def test_every_sample_reads_back_as_the_model(sample, cli):
    result = cli(*sample_argv(sample, "-f", "json"))
    import json

    expected = sorted((r["name"], r["type"], r["ttl"], r["priority"], r["value"])
                      for r in json.loads(result.stdout)["records"])
    from exporter.names import domain

    path = SAMPLES / "rendered" / f"{domain(sample['domain'])[:-1]}.cloudformation.yaml"
    text = path.read_text(encoding="utf-8")
    assert template_records(text) == expected
    assert text.startswith("# ses-export ") and "HostedZoneName: " in text


# TXT text the command line no longer accepts (--dmarc and --verification-token are checked), but
# that a program building records itself can hand to render(): quotes, backslashes, `$%#'`.
HARD_TXT = ['v=DMARC1; p=none; rua=mailto:"d"@example.com', "v=DMARC1; x=\\" + "a" * 300,
            "v=DMARC1; it's ${x} %{y} #z", "v=DMARC1; " + '"' * 600, "v=DMARC1;" + "\\" * 250 + "b"]


def hard_identities() -> list[model.Identity]:
    response = {"IdentityType": "DOMAIN", "DkimAttributes": {"Tokens": ["tok1", "tok2"]},
                "MailFromAttributes": {"MailFromDomain": "bounce.例え.jp"}}
    identities = []
    for text, ttl in zip(HARD_TXT, (60, 1, 2147483647, 3600, 300)):
        identity = model.identity(response, "例え.jp", model.options(region="eu-central-2", ttl=ttl), "test")
        records = tuple(r._replace(value=text) if r.purpose == "dmarc" else r for r in identity.records)
        assert records != identity.records
        identities.append(identity._replace(records=records))
    return identities


@pytest.mark.slow
def test_samples_and_hard_cases_pass_cfn_lint_with_nothing_to_say(tmp_path):
    """One cfn-lint run for every sample and hard case, with the hosted zone by name and by id."""
    paths = sample_files()
    assert len(paths) == 4
    for n, identity in enumerate(hard_identities()):
        for zone_id in (None, ZONE_ID):
            text = formats.render("cloudformation", [identity], Settings(zone_id=zone_id))
            assert template_records(text) == records_of(identity)
            assert ("HostedZoneId: 'Z0123456789ABCDEFGHIJ'" in text) == bool(zone_id)
            path = tmp_path / f"hard{n}-{bool(zone_id)}.yaml"
            path.write_text(text, encoding="utf-8")
            paths.append(path)
    result = lint(paths)
    assert result.returncode == 0 and result.stdout == "", result.stdout + result.stderr


@pytest.mark.slow
def test_the_e3023_false_positive_is_real_and_only_turned_off_where_it_happens(tmp_path):
    """Without the resource's Metadata, cfn-lint refuses a TXT value Route 53 takes (the text
    reads back exactly, above); when cfn-lint stops doing so, this test says the Metadata can go."""
    (identity,) = hard_identities()[:1]
    text = formats.render("cloudformation", [identity])
    assert text.count("ignore_checks:") == 1  # the DMARC value with quotes; not the SPF or the CNAMEs
    stripped = re.sub(r"    # cfn-lint's E3023.*?- E3023\n", "", text, flags=re.S)
    assert "Metadata" not in stripped
    path = tmp_path / "stripped.yaml"
    path.write_text(stripped, encoding="utf-8")
    result = lint([path])
    assert result.returncode != 0 and "E3023" in result.stdout, result.stdout


def test_logical_ids_are_stable_unique_and_alphanumeric():
    from exporter.formats._cloudformation import logical_id, unique_ids

    assert logical_id("xn__wgv71a119e_jp_dkim_1") == "XnWgv71a119eJpDkim1"
    assert unique_ids(["AB", "AB", "ABDup2", "AB"]) == ["AB", "ABDup3", "ABDup2", "ABDup4"]


def test_one_zone_id_for_several_zones_is_refused(cli):
    result = cli(*SEVERAL_ZONES, "-f", "cloudformation", "--zone-id", ZONE_ID)
    assert result.exit_code == 2 and result.stdout == ""
    assert "--zone-id: one id for identities in several zones" in result.stderr


@pytest.mark.slow
@settings(deadline=None)
@given(case=cases())
def test_round_trip_through_cfn_lint_loader(case, lint_batch):
    identity = build(case)
    try:
        text = formats.render("cloudformation", [identity])
    except InputError as e:  # past Route 53's 4000 characters once quoted, or no resource at all
        assert "which takes at most 4000" in str(e) or not identity.records, e
        return
    assert template_records(text) == records_of(identity)
    lint_batch.add(text)
