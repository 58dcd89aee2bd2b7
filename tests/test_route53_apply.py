"""The Route 53 outputs applied to a zone that already holds records (issue 21, section 2): the real AWS
CLI applies route53-changes, Terraform applies terraform-route53 and boto3 deploys the cloudformation
template, each against a loopback Route 53 (moto's server, made to refuse a CREATE over an existing set
as Route 53 does: tests/route53_moto.py says why and how). The zone holds a `_dmarc` with p=reject and
rua=, an SPF record of another sender with a site verification at the MAIL FROM name, and a site
verification at the apex. Nothing of it may be lost or weakened: route53-changes is refused whole,
Terraform and CloudFormation fail on the existing sets and leave them as they were.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess

import pytest

from conftest import SAMPLES
from fake_ses import isolated_aws_environment
from route53_moto import MotoRoute53
from test_terraform_plan import terraform_and_mirror

pytestmark = pytest.mark.slow

# example.com with a planned MAIL FROM: three DKIM CNAMEs, the MAIL FROM MX and SPF TXT, and DMARC p=none.
ARGV = ["example.com", "--identity-file", str(SAMPLES / "identities" / "example.com.json"), "--region", "us-east-1",
        "--mail-from", "mail.example.com"]
DMARC = ("_dmarc.example.com.", "TXT")
MAIL_FROM_TXT = ("mail.example.com.", "TXT")
APEX_TXT = ("example.com.", "TXT")
# What the zone holds before (Route 53's presentation values, as a console or another tool wrote them).
EXISTING = {
    DMARC: ['"v=DMARC1; p=reject; rua=mailto:dmarc@example.com"'],
    MAIL_FROM_TXT: ['"v=spf1 include:_spf.other.example ~all"', '"site-verification=abc123"'],
    APEX_TXT: ['"google-site-verification=xyz789"'],
}


@pytest.fixture(scope="module")
def route53():
    with MotoRoute53() as server:
        yield server


def environment(**extra: str) -> dict[str, str]:
    return isolated_aws_environment(AWS_DEFAULT_REGION="us-east-1", **extra)


def client(server, service: str = "route53"):
    import boto3

    env = environment()
    return boto3.client(service, endpoint_url=server.url, region_name="us-east-1",
                        aws_access_key_id=env["AWS_ACCESS_KEY_ID"], aws_secret_access_key=env["AWS_SECRET_ACCESS_KEY"])


def new_zone(server, existing: dict[tuple[str, str], list[str]]) -> str:
    """A fresh hosted zone example.com. holding `existing`; its id."""
    import uuid

    r53 = client(server)
    zone = r53.create_hosted_zone(Name="example.com.", CallerReference=str(uuid.uuid4()))
    zone_id = zone["HostedZone"]["Id"].rsplit("/", 1)[-1]
    if existing:
        r53.change_resource_record_sets(HostedZoneId=zone_id, ChangeBatch={"Changes": [
            {"Action": "UPSERT", "ResourceRecordSet": {"Name": name, "Type": kind, "TTL": 3600,
                                                       "ResourceRecords": [{"Value": v} for v in values]}}
            for (name, kind), values in existing.items()]})
    return zone_id


def record_sets(server, zone_id: str) -> list[tuple]:
    """(name, type, ttl, values) of every record set but the zone's SOA and NS, names lower case with the dot."""
    r53 = client(server)
    found = []
    for page in r53.get_paginator("list_resource_record_sets").paginate(HostedZoneId=zone_id):
        for rrset in page["ResourceRecordSets"]:
            if rrset["Type"] in ("SOA", "NS"):
                continue
            name = rrset["Name"].lower().rstrip(".") + "."
            found.append((name, rrset["Type"], rrset.get("TTL"), tuple(sorted(r["Value"] for r in rrset["ResourceRecords"]))))
    return sorted(found)


def expected_sets(cli) -> list[tuple]:
    """The model's records as Route 53 record sets (one record per set, as every output writes them)."""
    from exporter.filters import route53_rdata
    from exporter.model import Record

    result = cli(*ARGV, "-f", "json")
    assert result.exit_code == 0, result.stderr
    records = [Record(r["identity"], r["name"], r["type"], r["ttl"], r["value"], r["purpose"], r["priority"])
               for r in json.loads(result.stdout)["records"]]
    assert {r.purpose for r in records} == {"dkim", "mail-from-mx", "mail-from-spf", "dmarc"}
    return sorted((r.name, r.type, r.ttl, (route53_rdata(r),)) for r in records)


def unchanged_existing(sets: list[tuple]) -> None:
    """Every existing set is there once, with its TTL and every one of its strings: nothing lost or weakened."""
    for (name, kind), values in EXISTING.items():
        found = [s for s in sets if s[:2] == (name, kind)]
        assert found == [(name, kind, 3600, tuple(sorted(values)))], (name, kind, found)


def aws_cli() -> str:
    aws = shutil.which("aws", path=str(SAMPLES.parent / ".venv" / "bin")) or shutil.which("aws")
    if aws is None:
        pytest.fail("the AWS CLI (PyPI awscli) is not installed: run bash tests/install")
    return aws


def apply_batch(server, zone_id: str, path) -> subprocess.CompletedProcess:
    return subprocess.run([aws_cli(), "route53", "change-resource-record-sets", "--hosted-zone-id", zone_id,
                           "--change-batch", f"file://{path}", "--endpoint-url", server.url, "--output", "json"],
                          capture_output=True, text=True, env=environment(), timeout=120)


def batch_file(cli, tmp_path):
    path = tmp_path / "batch.json"
    result = cli(*ARGV, "-f", "route53-changes", "-o", str(path))
    assert result.exit_code == 0, result.stderr
    return path


# --- route53-changes through the AWS CLI -------------------------------------------------------

@pytest.mark.parametrize("existing", [[DMARC, MAIL_FROM_TXT, APEX_TXT], [DMARC], [MAIL_FROM_TXT]],
                         ids=["dmarc-and-spf", "dmarc-only", "spf-only"])
def test_route53_changes_is_refused_whole_where_a_name_already_has_txt(route53, cli, tmp_path, existing):
    zone_id = new_zone(route53, {key: EXISTING[key] for key in existing})
    before = record_sets(route53, zone_id)
    result = apply_batch(route53, zone_id, batch_file(cli, tmp_path))
    assert result.returncode != 0
    assert "InvalidChangeBatch" in result.stderr and "already exists" in result.stderr, result.stderr
    # Atomic: not even the DKIM CNAMEs or the MX of the batch were made.
    assert record_sets(route53, zone_id) == before


def test_route53_changes_applies_in_a_zone_without_those_names_and_then_refuses_a_second_time(route53, cli, tmp_path):
    zone_id = new_zone(route53, {APEX_TXT: EXISTING[APEX_TXT]})  # the apex's TXT is no name of the batch
    path = batch_file(cli, tmp_path)
    result = apply_batch(route53, zone_id, path)
    assert result.returncode == 0, result.stderr
    after = record_sets(route53, zone_id)
    assert after == sorted(expected_sets(cli) + [(*APEX_TXT, 3600, tuple(EXISTING[APEX_TXT]))])
    again = apply_batch(route53, zone_id, path)  # the TXT sets exist now: CREATE refuses, nothing doubles
    assert again.returncode != 0 and "already exists" in again.stderr
    assert record_sets(route53, zone_id) == after


def test_the_upsert_it_no_longer_writes_would_have_weakened_dmarc(route53, cli, tmp_path):
    """The same batch with UPSERT for TXT (what route53-changes wrote before issue 21) replaces p=reject
    by p=none and loses the other sender and the site verification: the zone and the check above can tell."""
    zone_id = new_zone(route53, EXISTING)
    path = batch_file(cli, tmp_path)
    batch = json.loads(path.read_text(encoding="utf-8"))
    assert {c["ResourceRecordSet"]["Type"]: c["Action"] for c in batch["Changes"]} == \
        {"CNAME": "UPSERT", "MX": "UPSERT", "TXT": "CREATE"}
    for change in batch["Changes"]:
        change["Action"] = "UPSERT"
    path.write_text(json.dumps(batch), encoding="utf-8")
    assert apply_batch(route53, zone_id, path).returncode == 0
    after = record_sets(route53, zone_id)
    assert [s for s in after if s[:2] == DMARC] == [(*DMARC, 1800, ('"v=DMARC1; p=none;"',))]
    with pytest.raises(AssertionError):
        unchanged_existing(after)


def test_the_loopback_route53_refuses_a_create_over_an_existing_set_as_route53_does(route53):
    """tests/route53_moto.py's patch: an existing set (made by UPSERT) is not doubled by CREATE, and the
    UPSERT before the refused CREATE in one batch is not made either."""
    from botocore.exceptions import ClientError

    zone_id = new_zone(route53, {DMARC: EXISTING[DMARC]})
    before = record_sets(route53, zone_id)
    with pytest.raises(ClientError) as refused:
        client(route53).change_resource_record_sets(HostedZoneId=zone_id, ChangeBatch={"Changes": [
            {"Action": "UPSERT", "ResourceRecordSet": {"Name": "www.example.com.", "Type": "CNAME", "TTL": 60,
                                                       "ResourceRecords": [{"Value": "example.org."}]}},
            {"Action": "CREATE", "ResourceRecordSet": {"Name": "_DMARC.example.com", "Type": "TXT", "TTL": 60,
                                                       "ResourceRecords": [{"Value": '"v=DMARC1; p=none;"'}]}}]})
    assert refused.value.response["Error"]["Code"] == "InvalidChangeBatch"
    assert record_sets(route53, zone_id) == before


def test_plain_moto_doubles_a_set_on_create_which_is_why_the_loopback_is_patched():
    """moto as shipped (in this process, without tests/route53_moto.py's patch) adds a second set where
    Route 53 refuses. When a moto release refuses by itself, this fails: the patch can then go."""
    import boto3
    from moto import mock_aws

    env = environment()
    with mock_aws():
        r53 = boto3.client("route53", region_name="us-east-1", aws_access_key_id=env["AWS_ACCESS_KEY_ID"],
                           aws_secret_access_key=env["AWS_SECRET_ACCESS_KEY"])
        zone_id = r53.create_hosted_zone(Name="example.com.", CallerReference="plain")["HostedZone"]["Id"]
        for action, value in (("UPSERT", '"v=DMARC1; p=reject;"'), ("CREATE", '"v=DMARC1; p=none;"')):
            r53.change_resource_record_sets(HostedZoneId=zone_id, ChangeBatch={"Changes": [{"Action": action,
                "ResourceRecordSet": {"Name": "_dmarc.example.com.", "Type": "TXT", "TTL": 60,
                                      "ResourceRecords": [{"Value": value}]}}]})
        sets = r53.list_resource_record_sets(HostedZoneId=zone_id)["ResourceRecordSets"]
        assert [s["ResourceRecords"][0]["Value"] for s in sets if s["Type"] == "TXT"] == \
            ['"v=DMARC1; p=reject;"', '"v=DMARC1; p=none;"']


# --- terraform-route53 through terraform apply -------------------------------------------------

def terraform_apply(route53, cli, tmp_path, zone_ids: dict[str, str]) -> subprocess.CompletedProcess:
    """terraform init and apply of one root module holding a module per zone ({module name: zone id}),
    each the terraform-route53 file of ARGV with --zone-id: Terraform starts once for every case."""
    from test_terraform_plan import PROVIDER

    terraform, mirror = terraform_and_mirror()
    root = tmp_path / "root"
    modules = []
    for module, zone_id in zone_ids.items():
        (root / module).mkdir(parents=True)
        result = cli(*ARGV, "-f", "terraform-route53", "--zone-id", zone_id, "-o", str(root / module / "main.tf"))
        assert result.exit_code == 0, result.stderr
        resources = (root / module / "main.tf").read_text(encoding="utf-8").split("\nterraform {", 1)[1]
        assert "allow_overwrite" not in resources  # the provider's default, false: CREATE, never UPSERT
        modules.append(f'module "{module}" {{\n  source = "./{module}"\n}}\n')
    provider = PROVIDER.replace("http://127.0.0.1:9", route53.url)
    (root / "main.tf").write_text(provider + "\n" + "\n".join(modules), encoding="utf-8")
    rc = tmp_path / "cli.tfrc"
    rc.write_text(f'provider_installation {{\n  filesystem_mirror {{\n    path    = "{mirror}"\n'
                  f'    include = ["registry.terraform.io/hashicorp/aws"]\n  }}\n}}\n', encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "TF_"))}
    env.update(TF_CLI_CONFIG_FILE=str(rc), TF_IN_AUTOMATION="1", CHECKPOINT_DISABLE="1",
               AWS_EC2_METADATA_DISABLED="true", AWS_CONFIG_FILE=os.devnull, AWS_SHARED_CREDENTIALS_FILE=os.devnull,
               HOME=str(tmp_path))

    def run(*args: str) -> subprocess.CompletedProcess:
        return subprocess.run([terraform, f"-chdir={root}", *args], capture_output=True, text=True, env=env,
                              timeout=600)

    init = run("init", "-input=false", "-no-color", "-backend=false")
    assert init.returncode == 0, init.stdout + init.stderr
    return run("apply", "-input=false", "-no-color", "-auto-approve")


def test_terraform_apply_fails_on_existing_sets_leaves_them_as_they_were_and_makes_the_rest(route53, cli, tmp_path):
    """One apply, two zones: `existing` holds EXISTING, `fresh` only an apex TXT. The provider waits
    for each change (about 30 s), so both cases share one Terraform run."""
    existing = new_zone(route53, EXISTING)
    fresh = new_zone(route53, {APEX_TXT: EXISTING[APEX_TXT]})
    applied = terraform_apply(route53, cli, tmp_path, {"existing": existing, "fresh": fresh})
    output = applied.stdout + applied.stderr
    assert applied.returncode != 0
    # Refused exactly at the two existing sets of the `existing` zone: its DMARC and its MAIL FROM TXT.
    assert output.count("already exists") == 2, output
    assert "module.existing.aws_route53_record.example_com_dmarc" in output
    assert "module.existing.aws_route53_record.example_com_mail_from_spf" in output
    after = record_sets(route53, existing)
    unchanged_existing(after)
    # Terraform is not atomic: SES's CNAMEs and MX are made there, its DMARC and SPF are not.
    assert {s[:2] for s in after} - set(EXISTING) == {s[:2] for s in expected_sets(cli) if s[1] != "TXT"}
    # The zone without those names gets every record, as the model has it.
    expected = sorted(expected_sets(cli) + [(*APEX_TXT, 3600, tuple(EXISTING[APEX_TXT]))])
    assert record_sets(route53, fresh) == expected


# --- cloudformation through boto3 -------------------------------------------------------------

def deploy(route53, cli, zone_id: str) -> str:
    """Create the stack of -f cloudformation --zone-id ZONE_ID; its final status."""
    import time
    import uuid

    from botocore.exceptions import ClientError

    result = cli(*ARGV, "-f", "cloudformation", "--zone-id", zone_id)
    assert result.exit_code == 0, result.stderr
    cfn = client(route53, "cloudformation")
    name = f"ses-dns-{uuid.uuid4().hex[:8]}"
    try:
        cfn.create_stack(StackName=name, TemplateBody=result.stdout)
    except ClientError as error:
        # moto's CloudFormation makes the resources inside CreateStack, so the RecordSet's error fails
        # the call itself; CloudFormation fails the resource and rolls the stack back (moto does not roll
        # back: the sets it made before the refused one stay, which CloudFormation would delete).
        return f"refused: {error}"
    for _ in range(100):
        status = cfn.describe_stacks(StackName=name)["Stacks"][0]["StackStatus"]
        if not status.endswith("IN_PROGRESS"):
            return status
        time.sleep(0.1)
    return status


def test_cloudformation_fails_on_the_existing_sets_and_leaves_them_as_they_were(route53, cli):
    zone_id = new_zone(route53, EXISTING)
    status = deploy(route53, cli, zone_id)
    assert status.startswith("refused") and "InvalidChangeBatch" in status and "already exists" in status, status
    unchanged_existing(record_sets(route53, zone_id))


def test_cloudformation_makes_every_record_in_a_zone_without_them(route53, cli):
    zone_id = new_zone(route53, {APEX_TXT: EXISTING[APEX_TXT]})
    assert deploy(route53, cli, zone_id) == "CREATE_COMPLETE"
    assert record_sets(route53, zone_id) == sorted(expected_sets(cli) + [(*APEX_TXT, 3600, tuple(EXISTING[APEX_TXT]))])
