"""--merge-live against a real `named` serving zones that already hold DMARC, SPF for other senders,
site verifications, two SPF records, an SPF that would pass 10 look-ups once merged; and a dead
server. Each output is read back by its own reader (dnspython, botocore's model, octoDNS, HCL)."""

from __future__ import annotations

import json

import dns.zone
import pytest

from check_zones import write_identity
from conftest import require_tool
from dns_servers import Named, SilentServer
from merge_zones import REJECT, SITE_VERIFICATION, all_zones

pytestmark = [pytest.mark.needs_named]

MERGED = "v=spf1 include:_spf.senders.test include:amazonses.com ~all"


@pytest.fixture(scope="module")
def named(tmp_path_factory):
    server = Named(require_tool("named"), tmp_path_factory.mktemp("named-merge"), all_zones())
    yield server
    server.stop()


@pytest.fixture(scope="module")
def identities(tmp_path_factory):
    folder = tmp_path_factory.mktemp("identities")
    for domain in ("kept.test", "twospf.test", "toomany.test", "justfits.test", "hasses.test", "plusall.test",
                   "invalid.test", "shop.org.test", "empty.test", "news.empty.test"):
        write_identity(folder, domain)
    return folder


def export(cli, named, identities, *args: str, server: str | None = None):
    domains = [a for a in args if a.endswith(".test")]
    rest = [a for a in args if not a.endswith(".test")]
    return cli(*domains, "--identity-file", str(identities), "--region", "us-east-1", "--merge-live",
               "--nameserver", server or named.address, *rest)


def records(result) -> list[dict]:
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)["records"]


def test_dmarc_kept_spf_merged_verification_left_alone_in_bind(cli, named, identities):
    result = export(cli, named, identities, "kept.test", "-f", "bind")
    assert result.exit_code == 0, result.stderr
    zone = dns.zone.from_text(result.stdout, origin="kept.test.", check_origin=False, relativize=False)
    txt = {name.to_text(): [b"".join(r.strings).decode() for r in rdataset]
           for name, rdataset in zone.iterate_rdatasets("TXT")}
    assert txt == {"mail.kept.test.": [MERGED]}  # no DMARC record, no second SPF, no copy of the verification
    header = result.stdout.split("\n\n")[0]
    assert f"Kept the DMARC record published at _dmarc.kept.test ({REJECT})" in header
    assert f"(v=spf1 include:_spf.senders.test ~all) is merged into one: {MERGED}" in header
    assert f"({SITE_VERIFICATION}) stay" in header
    assert "Kept the DMARC record" in result.stderr


def test_json_lists_the_records_needed_and_says_why(cli, named, identities):
    found = records(export(cli, named, identities, "kept.test", "-f", "json"))
    assert [(r["purpose"], r["value"]) for r in found if r["type"] == "TXT"] == [("mail-from-spf", MERGED)]


def test_route53_changes_upserts_the_whole_merged_set(cli, named, identities):
    from route53_support import validate_change_batch

    result = export(cli, named, identities, "kept.test", "-f", "route53-changes")
    assert result.exit_code == 0, result.stderr
    batch = json.loads(result.stdout)
    assert validate_change_batch(batch) == []
    txt = [c for c in batch["Changes"] if c["ResourceRecordSet"]["Type"] == "TXT"]
    assert len(txt) == 1 and txt[0]["Action"] == "UPSERT"
    assert txt[0]["ResourceRecordSet"]["ResourceRecords"] == [{"Value": f'"{MERGED}"'},
                                                              {"Value": f'"{SITE_VERIFICATION}"'}]


@pytest.mark.slow
def test_octodns_carries_the_verification_and_validates(cli, named, identities, tmp_path):
    from octodns_support import config, run, zone_records

    result = export(cli, named, identities, "kept.test", "-f", "octodns", "-o", f"{tmp_path}/zones/")
    assert result.exit_code == 0, result.stderr
    found = [r for r in zone_records(tmp_path / "zones", "kept.test.") if r[1] == "TXT"]
    assert sorted(r[4] for r in found) == sorted([MERGED, SITE_VERIFICATION])
    (tmp_path / "config.yaml").write_text(config(tmp_path / "zones", ["kept.test."]), encoding="utf-8")
    checked = run("octodns-validate", tmp_path / "config.yaml")
    assert checked.returncode == 0, checked.stdout + checked.stderr


@pytest.mark.needs_node
def test_terraform_route53_carries_the_verification_and_may_overwrite_the_live_set(cli, named, identities):
    from hcl_support import Hcl

    result = export(cli, named, identities, "kept.test", "-f", "terraform-route53")
    assert result.exit_code == 0, result.stderr
    hcl = Hcl()
    try:
        checked = hcl.check(result.stdout)
    finally:
        hcl.close()
    assert checked["error"] is None and checked["formatted"] == result.stdout, "not in terraform fmt layout"
    resources = checked["parsed"]["resource"]["aws_route53_record"]
    spf = resources["kept_test_mail_from_spf"][0]
    assert spf["records"] == [MERGED, SITE_VERIFICATION] and spf["allow_overwrite"] is True
    assert all("allow_overwrite" not in r[0] for name, r in resources.items() if name != "kept_test_mail_from_spf")


@pytest.mark.needs_node
def test_terraform_cloudflare_adds_one_by_one_and_says_which_record_takes_another_s_place(cli, named, identities):
    from hcl_support import Hcl

    result = export(cli, named, identities, "kept.test", "-f", "terraform-cloudflare")
    assert result.exit_code == 0, result.stderr
    hcl = Hcl()
    try:
        checked = hcl.check(result.stdout)
    finally:
        hcl.close()
    assert checked["error"] is None and checked["formatted"] == result.stdout, "not in terraform fmt layout"
    records = checked["parsed"]["resource"]["cloudflare_dns_record"]
    assert [r[0]["content"] for r in records.values() if r[0]["type"] == "TXT"] == [f'"{MERGED}"']
    assert SITE_VERIFICATION not in result.stdout.split("\n\n", 1)[1].replace(f"({SITE_VERIFICATION})", "")
    before_spf = result.stdout.split('resource "cloudflare_dns_record" "kept_test_mail_from_spf"')[0]
    assert before_spf.rstrip().endswith("delete it as you apply; two are a permerror.")
    assert result.stdout.count("takes the place of the one published") == 1


def test_cloudformation_carries_the_verification(cli, named, identities):
    import yaml

    result = export(cli, named, identities, "kept.test", "-f", "cloudformation")
    assert result.exit_code == 0, result.stderr
    resources = yaml.safe_load(result.stdout)["Resources"]
    txt = [r["Properties"] for r in resources.values() if r["Properties"]["Type"] == "TXT"]
    assert [p["ResourceRecords"] for p in txt] == [[f'"{MERGED}"', f'"{SITE_VERIFICATION}"']]


@pytest.mark.parametrize("domain, reason", [
    ("twospf.test", "mail.twospf.test holds 2 SPF records"),
    ("toomany.test", "more than 10 DNS look-ups once include:amazonses.com is added (11 counted)"),
    ("plusall.test", "it ends in +all"),
])
def test_no_valid_merge_is_exit_2_one_line_no_file(cli, named, identities, tmp_path, domain, reason):
    target = tmp_path / "out.zone"
    result = export(cli, named, identities, domain, "-f", "bind", "-o", str(target))
    assert result.exit_code == 2
    assert result.stderr.startswith("ses-export: --merge-live: ") and reason in result.stderr
    assert result.stderr.count("\n") == 1 and not target.exists()


def test_ten_look_ups_once_merged_are_written(cli, named, identities):
    spf = [r["value"] for r in records(export(cli, named, identities, "justfits.test", "-f", "json"))
           if r["purpose"] == "mail-from-spf"]
    assert spf == ["v=spf1 " + " ".join(f"a:h{i}.justfits.test" for i in range(1, 8))
                   + " include:_spf.senders.test include:amazonses.com -all"]


def test_spf_that_authorizes_ses_already_is_kept(cli, named, identities):
    found = records(export(cli, named, identities, "hasses.test", "-f", "json"))
    assert "mail-from-spf" not in [r["purpose"] for r in found]
    assert "mail-from-mx" in [r["purpose"] for r in found]


def test_invalid_dmarc_reported_and_replaced_only_with_dmarc(cli, named, identities):
    result = export(cli, named, identities, "invalid.test", "-f", "json")
    assert "dmarc" not in [r["purpose"] for r in records(result)]
    assert "(dmarc-p-invalid, as ses-export invalid.test --check reports it)" in result.stderr
    replaced = export(cli, named, identities, "invalid.test", "-f", "json", "--dmarc", "v=DMARC1; p=quarantine")
    assert [r["value"] for r in records(replaced) if r["purpose"] == "dmarc"] == ["v=DMARC1; p=quarantine"]
    assert "replaces the one published at _dmarc.invalid.test (v=DMARC1; p=bogus)" in replaced.stderr


def test_dmarc_weaker_than_published_or_than_the_organisation_is_refused(cli, named, identities):
    weaker = export(cli, named, identities, "kept.test", "-f", "bind", "--dmarc", "v=DMARC1; p=quarantine")
    assert weaker.exit_code == 2 and "p=quarantine where p=reject is published" in weaker.stderr
    subdomain = export(cli, named, identities, "shop.org.test", "-f", "bind", "--dmarc", "v=DMARC1; p=none")
    assert subdomain.exit_code == 2
    assert "weaker than the policy org.test applies to shop.org.test (sp=reject at _dmarc.org.test)" in subdomain.stderr
    # Left to the organisation (the default below it): no DMARC record, as without --merge-live.
    assert "dmarc" not in [r["purpose"] for r in records(export(cli, named, identities, "shop.org.test", "-f", "json"))]


def test_several_identities_at_once_and_an_empty_zone(cli, named, identities):
    found = records(export(cli, named, identities, "kept.test", "empty.test", "hasses.test", "-f", "json"))
    by_identity = {}
    for r in found:
        by_identity.setdefault(r["identity"], []).append(r["purpose"])
    assert by_identity["empty.test."] == ["dkim", "dkim", "dkim", "mail-from-mx", "mail-from-spf"]
    assert "dmarc" not in by_identity["kept.test."] and "mail-from-spf" not in by_identity["hasses.test."]


def test_japanese_header_notes(cli, named, identities):
    result = export(cli, named, identities, "kept.test", "-f", "bind", "--lang", "ja")
    assert result.exit_code == 0, result.stderr
    assert "; _dmarc.kept.test に公開済みの DMARC レコード" in result.stdout


def test_dns_that_cannot_be_asked_is_exit_3_and_no_output(cli, named, identities, tmp_path):
    silent = SilentServer()
    target = tmp_path / "out.json"
    try:
        result = export(cli, named, identities, "kept.test", "-f", "json", "-o", str(target), "--dns-timeout", "0.2",
                        server=silent.address)
    finally:
        silent.stop()
    assert result.exit_code == 3
    assert result.stderr.startswith(f"ses-export: DNS: {silent.address} could not be asked (")
    assert result.stderr.count("\n") == 1 and not target.exists()


def test_merge_live_with_check_is_refused(cli, identities):
    result = cli("kept.test", "--identity-file", str(identities), "--region", "us-east-1", "--merge-live", "--check")
    assert result.exit_code == 2 and result.stderr.startswith("ses-export: --merge-live: ")


@pytest.mark.slow
def test_applied_to_route53_nothing_published_is_lost_or_weakened(cli, named, identities, monkeypatch):
    """The batch applied by boto3 to moto's Route 53 holding what named serves for kept.test: the
    verification and the DMARC policy survive, the SPF record is the merged one, SES's records are added."""
    import boto3
    from moto import mock_aws

    from merge_zones import ZONES

    for var, value in {"AWS_ACCESS_KEY_ID": "testing", "AWS_SECRET_ACCESS_KEY": "testing",
                       "AWS_DEFAULT_REGION": "us-east-1"}.items():
        monkeypatch.setenv(var, value)
    result = export(cli, named, identities, "kept.test", "-f", "route53-changes")
    assert result.exit_code == 0, result.stderr
    with mock_aws():
        route53 = boto3.client("route53")
        zone = route53.create_hosted_zone(Name="kept.test.", CallerReference="merge-live")["HostedZone"]["Id"]
        existing: dict[tuple[str, str], list[str]] = {}
        for line in ZONES["kept.test"]:  # the zone as named serves it
            name, rtype, value = line.split(" ", 2)
            existing.setdefault((f"{name}.kept.test.", rtype), []).append(value)
        route53.change_resource_record_sets(HostedZoneId=zone, ChangeBatch={"Changes": [
            {"Action": "CREATE", "ResourceRecordSet": {"Name": name, "Type": rtype, "TTL": 300,
                                                       "ResourceRecords": [{"Value": v} for v in values]}}
            for (name, rtype), values in existing.items()]})
        route53.change_resource_record_sets(HostedZoneId=zone, ChangeBatch=json.loads(result.stdout))
        sets = {(s["Name"], s["Type"]): sorted(r["Value"] for r in s["ResourceRecords"])
                for s in route53.list_resource_record_sets(HostedZoneId=zone)["ResourceRecordSets"]}
    assert sets[("mail.kept.test.", "TXT")] == sorted([f'"{MERGED}"', f'"{SITE_VERIFICATION}"'])
    assert sets[("_dmarc.kept.test.", "TXT")] == [f'"{REJECT}"']
    assert sets[("mail.kept.test.", "MX")] == ["10 feedback-smtp.us-east-1.amazonses.com."]
    assert len([key for key in sets if key[1] == "CNAME"]) == 3


@pytest.mark.slow
def test_live_ses_with_all_identities_of_the_region(named, tmp_path):
    """Live SES (boto3's HTTP stack against the loopback SES of tests/fake_ses.py), --all: every
    identity is merged with what named serves for it, asked at once."""
    import subprocess

    from test_cli import entry_point

    from check_zones import saved_identity
    from fake_ses import FakeSes, isolated_aws_environment

    served = {domain: saved_identity(domain) for domain in ("kept.test", "hasses.test", "empty.test")}
    with FakeSes({"us-east-1": served}) as ses:
        env = isolated_aws_environment(endpoint=ses.url, AWS_DEFAULT_REGION="us-east-1")
        result = subprocess.run([entry_point(), "--all", "--region", "us-east-1", "-f", "json", "--merge-live",
                                 "--nameserver", named.address], capture_output=True, text=True, env=env, timeout=60)
    assert result.returncode == 0, result.stderr
    found = json.loads(result.stdout)["records"]
    spf = {r["identity"]: r["value"] for r in found if r["purpose"] == "mail-from-spf"}
    assert spf == {"kept.test.": MERGED, "empty.test.": "v=spf1 include:amazonses.com ~all"}
    assert sorted(r["identity"] for r in found if r["purpose"] == "dmarc") == ["hasses.test."]


def test_a_delegated_subdomain_is_written_for_its_own_zone(cli, named, identities):
    """news.empty.test is a zone of its own: the identity takes it (host names relative to it), and
    the organisation's _dmarc, in another zone, is asked all the same: its sp= refuses a weaker --dmarc."""
    result = export(cli, named, identities, "news.empty.test", "-f", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["identities"][0]["zone"] == "news.empty.test."
    assert any("which DNS delegates for news.empty.test" in note for note in document["identities"][0]["notes"])
    weaker = export(cli, named, identities, "news.empty.test", "-f", "json", "--dmarc", "v=DMARC1; p=none")
    assert weaker.exit_code == 2 and "(sp=quarantine at _dmarc.empty.test)" in weaker.stderr
