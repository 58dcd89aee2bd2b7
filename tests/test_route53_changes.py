"""-f route53-changes: the ChangeBatch JSON, checked by botocore's model of ChangeResourceRecordSets,
by the AWS CLI itself (against a loopback endpoint), and read back as the model's records."""

from __future__ import annotations

import json
import shutil
import subprocess

import dns.rdata
import dns.rdataclass
import dns.rdatatype
import pytest
from hypothesis import given, settings

from exporter import formats, model
from exporter.errors import InputError

from conftest import SAMPLES, examples, sample_argv, sample_identities
from fake_ses import isolated_aws_environment
from identity_strategies import cases
from route53_support import FakeRoute53, read_request, validate_change_batch
from test_roundtrip import build, records_of

ZONE_ID = "Z0123456789ABCDEFGHIJ"
# Two identities of two zones (example.com, and example.net for shop.example.net), no note on stderr.
SEVERAL_ZONES = ["example.com", "shop.example.net", "--identity-file", str(SAMPLES / "identities"),
                 "--region", "ap-northeast-3", "--no-dmarc"]


def batch_records(batch: dict) -> list[tuple]:
    """(name, type, ttl, priority, value) of every change, values read as Route 53 reads them."""
    found = []
    for change in batch["Changes"]:
        rrset = change["ResourceRecordSet"]
        # TXT is created, never replaced (an existing DMARC, SPF or verification: tests/test_route53_apply.py)
        assert change["Action"] == ("CREATE" if rrset["Type"] == "TXT" else "UPSERT")
        assert len(rrset["ResourceRecords"]) == 1
        text = rrset["ResourceRecords"][0]["Value"]
        rdata = dns.rdata.from_text(dns.rdataclass.IN, dns.rdatatype.from_text(rrset["Type"]), text)
        priority = None
        if rrset["Type"] == "TXT":
            assert all(len(s) <= 255 for s in rdata.strings)
            value = b"".join(rdata.strings).decode("ascii")
        elif rrset["Type"] == "MX":
            priority, value = rdata.preference, rdata.exchange.to_text()
            assert text == f"{priority} {value}"
        else:
            value = rdata.target.to_text()
            assert text == value
        found.append((rrset["Name"], rrset["Type"], rrset["TTL"], priority, value))
    return sorted(found)


def rendered(domain: str) -> dict:
    from exporter.names import domain as a_label

    path = SAMPLES / "rendered" / f"{a_label(domain)[:-1]}.route53-changes.json"
    return json.loads(path.read_text(encoding="utf-8"))


def sample_identity(sample: dict) -> model.Identity:
    from exporter.cli import main  # noqa: F401 - the same modules a run uses
    from exporter.job import Job, _identities

    argv = sample_argv(sample)

    def option(name: str) -> str | None:
        return argv[argv.index(name) + 1] if name in argv else None

    region = option("--region")
    job = Job(domains=(argv[0],), identity_file=argv[2], regions=(region,) if region else (),
              dkim_public_key=option("--dkim-public-key"))
    (identity,) = _identities(job, lambda text: None)
    return identity


def test_every_sample_is_valid_for_botocore_and_holds_the_model(sample):
    batch = rendered(sample["domain"])
    assert validate_change_batch(batch) == []
    identity = sample_identity(sample)
    assert batch_records(batch) == records_of(identity)
    assert batch["Comment"].startswith("ses-export ") and identity.name in batch["Comment"]
    assert batch["Comment"].endswith("TXT sets are CREATE: Route 53 refuses the whole batch where a name already "
                                     "has TXT (nothing replaced); ses-export --merge-live merges with it")


def test_the_model_check_can_fail():
    batch = rendered("example.com")
    batch["Changes"][0]["Action"] = "MERGE"
    batch["Changes"][0]["ResourceRecordSet"]["TTL"] = "1800"
    batch["Comment"] = "x" * 257
    problems = "\n".join(validate_change_batch(batch))
    assert "'MERGE' is not one of" in problems and "TTL" in problems and "more than 256" in problems


@pytest.mark.slow
def test_the_aws_cli_sends_every_sample_as_written(tmp_path):
    """The real `aws route53 change-resource-record-sets --change-batch file://...` reads each
    sample and sends it (to a loopback endpoint); what it sends is the file's batch exactly."""
    aws = shutil.which("aws", path=str(SAMPLES.parent / ".venv" / "bin")) or shutil.which("aws")
    if aws is None:
        pytest.fail("the AWS CLI (PyPI awscli) is not installed: run bash tests/install")
    with FakeRoute53() as route53:
        env = isolated_aws_environment(AWS_DEFAULT_REGION="us-east-1")
        for sample in sample_identities():
            route53.requests.clear()
            batch = rendered(sample["domain"])
            path = tmp_path / "batch.json"
            path.write_text(json.dumps(batch), encoding="utf-8")
            result = subprocess.run([aws, "route53", "change-resource-record-sets", "--hosted-zone-id", ZONE_ID,
                                     "--change-batch", f"file://{path}", "--endpoint-url", route53.url,
                                     "--output", "json"], capture_output=True, text=True, env=env, timeout=120)
            assert result.returncode == 0, result.stderr
            assert json.loads(result.stdout)["ChangeInfo"]["Status"] == "PENDING"
            ((url_path, body),) = route53.requests
            assert url_path == f"/2013-04-01/hostedzone/{ZONE_ID}/rrset/"
            assert read_request(body) == batch


def test_several_zones_in_one_stream_are_refused_and_a_folder_gets_one_batch_per_zone(cli, tmp_path):
    argv = [*SEVERAL_ZONES, "-f", "route53-changes"]
    refused = cli(*argv)
    assert refused.exit_code == 2 and refused.stdout == ""
    assert "a change batch is for one hosted zone" in refused.stderr
    written = cli(*argv, "-o", f"{tmp_path}/")
    assert written.exit_code == 0, written.stderr
    assert sorted(p.name for p in tmp_path.iterdir()) == ["example.com.route53-changes.json",
                                                          "example.net.route53-changes.json"]


# A third of the profile's examples (1000 in "ci"): the TXT text goes through the same escaping as
# bind, which tests/test_roundtrip.py reads back on every example; this reader is slower.
@pytest.mark.slow
@settings(deadline=None, max_examples=examples(max(50, settings.default.max_examples // 3)))
@given(case=cases())
def test_round_trip_through_json_and_botocore(case):
    identity = build(case)
    try:
        text = formats.render("route53-changes", [identity])
    except InputError as e:  # a value Route 53 cannot take (past 4000 characters once quoted), or nothing to do
        assert "which takes at most 4000" in str(e) or not identity.records, e
        return
    batch = json.loads(text)
    assert validate_change_batch(batch) == []
    assert batch_records(batch) == records_of(identity)


def test_the_comment_says_txt_is_created_and_fits_route53_with_many_identities():
    from exporter import __version__
    from exporter.formats.route53_changes import COMMENT_MAX, CREATE_NOTE, comment

    def identity(n: int, mail_from: bool) -> model.Identity:
        data = {"IdentityType": "DOMAIN", "DkimAttributes": {"Tokens": ["tok"]}}
        if mail_from:
            data["MailFromAttributes"] = {"MailFromDomain": f"mail.shop{n}.example.com"}
        return model.identity(data, f"shop{n}.example.com", model.options(region="us-east-1", zone="example.com",
                                                                          dmarc=None), "test")

    many = [identity(n, True) for n in range(30)]
    text = comment(many)
    assert len(text) <= COMMENT_MAX and text.endswith(CREATE_NOTE) and "30 identities in example.com" in text
    assert validate_change_batch(json.loads(formats.render("route53-changes", many))) == []
    # Only CNAMEs (no MAIL FROM, no DMARC): nothing is created, so the comment does not say it.
    (only_cnames,) = [identity(1, False)]
    assert not any(r.type == "TXT" for r in only_cnames.records)
    assert comment([only_cnames]) == f"ses-export {__version__}: Amazon SES records for shop1.example.com (us-east-1)"
