"""Terraform output: HashiCorp's parser reads exactly the model's records, in `terraform fmt` layout.

Records are read back from the parsed file as the provider would receive them (expressions
evaluated) and compared with the JSON model of the same run.
"""

from __future__ import annotations

import json

import pytest

from conftest import SAMPLES, sample_argv
from hcl_support import Hcl, blocks, cloudflare_records, route53_records

pytestmark = [pytest.mark.needs_node]

FLAVOURS = {
    "route53": ["--format", "terraform-route53"],
    "cloudflare-v5": ["--format", "terraform-cloudflare"],
    "cloudflare-v4": ["--format", "terraform-cloudflare", "--cloudflare-provider", "v4"],
}
RESOURCE_TYPE = {"route53": "aws_route53_record", "cloudflare-v5": "cloudflare_dns_record",
                 "cloudflare-v4": "cloudflare_record"}
# The region from the configuration (autouse fixture below): shop.example.net names its own, which a
# --region would contradict. The keys: a folder of DOMAIN.pem, one per BYODKIM identity.
ALL_SAMPLES = ["--identity-file", str(SAMPLES / "identities"), "--dkim-public-key", str(SAMPLES / "keys")]
PLAIN = str(SAMPLES / "identities" / "example.com.json")
ROUTE53_ZONE_ID = "Z0123456789ABCDEFGHIJ"
CLOUDFLARE_ZONE_ID = "023e105f4ecef8ad9ca31a8372d0c353"


@pytest.fixture(autouse=True)
def configured_region(monkeypatch):
    monkeypatch.setenv("AWS_REGION", "us-east-1")


@pytest.fixture(scope="session")
def hcl():
    tools = Hcl()
    yield tools
    tools.close()


def model_records(model: dict, zone_of_identity: dict) -> list[tuple]:
    return [(zone_of_identity[r["identity"]], r["name"], r["type"], r["ttl"], r["priority"], r["value"])
            for r in model["records"]]


def render(cli, *args: str) -> str:
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def assert_file_carries_the_model(hcl: Hcl, flavour: str, text: str, model: dict) -> dict:
    result = hcl.check(text)
    assert result["error"] is None, result["error"]
    assert result["formatted"] == text, "not in terraform fmt layout"
    parsed = result["parsed"]
    zones = {identity["domain"]: identity["zone"] for identity in model["identities"]}
    if flavour == "route53":
        found = route53_records(hcl, parsed)
    else:
        found = cloudflare_records(hcl, parsed, RESOURCE_TYPE[flavour])
    assert sorted(found, key=repr) == sorted(model_records(model, zones), key=repr)
    assert len(found) == len(model["records"])
    return parsed


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_sample_parses_is_fmt_canonical_and_carries_exactly_the_model(hcl, cli, sample, flavour):
    text = render(cli, *sample_argv(sample, *FLAVOURS[flavour]))
    model = json.loads(render(cli, *sample_argv(sample, "--format", "json")))
    assert_file_carries_the_model(hcl, flavour, text, model)


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_several_identities_in_one_file_have_unique_names(hcl, cli, flavour):
    text = render(cli, *ALL_SAMPLES, *FLAVOURS[flavour])
    model = json.loads(render(cli, *ALL_SAMPLES, "--format", "json"))
    assert len(model["identities"]) == 4
    parsed = assert_file_carries_the_model(hcl, flavour, text, model)  # `blocks` fails on a name used twice
    assert len(blocks(parsed, "resource", RESOURCE_TYPE[flavour])) == len(model["records"])
    for identity in model["identities"]:
        assert f"# Identity {identity['domain'][:-1]}" in text
        assert f"region {identity['region']}" in text


@pytest.mark.parametrize("flavour", ["cloudflare-v5", "cloudflare-v4"])
def test_cloudflare_shows_the_fqdn_and_strips_its_dot_with_trimsuffix(hcl, cli, sample, flavour):
    text = render(cli, *sample_argv(sample, *FLAVOURS[flavour]))
    model = json.loads(render(cli, *sample_argv(sample, "--format", "json")))
    parsed = hcl.parse(text)
    by_name_type = {(hcl.evaluate(b["name"], {}) + ".", b["type"]): b
                    for b in blocks(parsed, "resource", RESOURCE_TYPE[flavour]).values()}
    for record in model["records"]:
        body = by_name_type[(record["name"], record["type"])]
        assert body["name"] == f'${{trimsuffix("{record["name"]}", ".")}}'
        if record["type"] != "TXT":
            assert body["content"] == f'${{trimsuffix("{record["value"]}", ".")}}'
    assert "permanent diff (provider issues 7286, 154)" in text


def test_route53_file_header_zone_lookup_and_names(hcl, cli):
    text = render(cli, "example.com", "--identity-file", PLAIN, "--region", "us-east-1", "-f", "terraform-route53")
    assert text.startswith("# ses-export ")
    assert "# Identity example.com, region us-east-1, zone example.com." in text
    parsed = hcl.parse(text)
    assert {name: hcl.evaluate(b["name"], {}) for name, b in blocks(parsed, "data", "aws_route53_zone").items()} \
        == {"example_com": "example.com."}
    assert sorted(blocks(parsed, "resource", "aws_route53_record")) == \
        ["example_com_dkim_1", "example_com_dkim_2", "example_com_dkim_3", "example_com_dmarc"]


def test_route53_long_txt_is_split_with_escaped_quote_pairs(hcl, cli):
    sample = {"domain": "byodkim.example.org",
              "args": ["--region", "eu-central-2", "--dkim-public-key", "samples/keys/byodkim.example.org.pem"]}
    parsed = hcl.parse(render(cli, *sample_argv(sample, "-f", "terraform-route53")))
    (value,) = blocks(parsed, "resource", "aws_route53_record")["byodkim_example_org_dkim_1"]["records"]
    assert value.count('""') == 1 and len(value.split('""')[0]) == 255
    assert '\\"\\"' in render(cli, *sample_argv(sample, "-f", "terraform-route53"))


@pytest.mark.parametrize("zone_id", [ROUTE53_ZONE_ID, f"/hostedzone/{ROUTE53_ZONE_ID}"])
def test_route53_zone_id_replaces_the_lookup(hcl, cli, zone_id):
    text = render(cli, "example.com", "--identity-file", PLAIN, "-f", "terraform-route53", "--zone-id", zone_id)
    parsed = hcl.parse(text)
    assert "data" not in parsed
    zone_ids = {hcl.evaluate(b["zone_id"], {}) for b in blocks(parsed, "resource", "aws_route53_record").values()}
    assert zone_ids == {ROUTE53_ZONE_ID}


def test_cloudflare_zone_id_becomes_the_variable_default(hcl, cli):
    text = render(cli, "example.com", "--identity-file", PLAIN, "-f", "terraform-cloudflare",
                  "--zone-id", CLOUDFLARE_ZONE_ID)
    variables = hcl.parse(text)["variable"]
    assert list(variables) == ["zone_id_example_com"]
    assert variables["zone_id_example_com"][0]["default"] == CLOUDFLARE_ZONE_ID


def test_zone_option_puts_records_in_the_parent_zone(hcl, cli):
    args = ["shop.example.net", "--identity-file", str(SAMPLES / "identities" / "shop.example.net.json"),
            "--region", "ap-northeast-3", "--zone", "example.net"]
    for flavour in FLAVOURS:
        model = json.loads(render(cli, *args, "-f", "json"))
        assert model["identities"][0]["zone"] == "example.net."
        assert_file_carries_the_model(hcl, flavour, render(cli, *args, *FLAVOURS[flavour]), model)


@pytest.mark.parametrize("args, message", [
    (["-f", "terraform-route53", "--zone-id", "not a zone"], "--zone-id: 'not a zone' is not a Route 53 hosted zone id"),
    (["-f", "terraform-cloudflare", "--zone-id", ROUTE53_ZONE_ID], "--zone-id: 'Z0123456789ABCDEFGHIJ' is not a Cloudflare zone id"),
    (["-f", "terraform-cloudflare", "--ttl", "30"], "--ttl: Cloudflare accepts 60..86400 seconds"),
    (["-f", "terraform-cloudflare", "--ttl", "86401"], "--ttl: Cloudflare accepts 60..86400 seconds"),
    (["-f", "terraform-cloudflare", "--cloudflare-provider", "v3"], "--cloudflare-provider"),
], ids=["route53-zone-id", "cloudflare-zone-id", "cf-ttl-low", "cf-ttl-high", "cf-provider"])
def test_what_a_provider_cannot_carry_exits_2_and_writes_nothing(cli, tmp_path, args, message):
    target = tmp_path / "dns.tf"
    result = cli("example.com", "--identity-file", PLAIN, *args, "-o", str(target))
    assert result.exit_code == 2
    assert message in result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 or lines[-1].startswith("Error:"), result.stderr  # click's usage errors add a usage line
    assert "Traceback" not in result.stderr
    assert not target.exists()


@pytest.mark.parametrize("ttl", ["1", "60", "86400"])
def test_cloudflare_ttl_limits_and_automatic(hcl, cli, ttl):
    text = render(cli, "example.com", "--identity-file", PLAIN, "-f", "terraform-cloudflare", "--ttl", ttl)
    bodies = blocks(hcl.parse(text), "resource", "cloudflare_dns_record").values()
    assert {body["ttl"] for body in bodies} == {int(ttl)}


def test_route53_carries_any_ttl_cloudflare_refuses(hcl, cli):
    text = render(cli, "example.com", "--identity-file", PLAIN, "-f", "terraform-route53", "--ttl", "30")
    assert {b["ttl"] for b in blocks(hcl.parse(text), "resource", "aws_route53_record").values()} == {30}


def test_one_zone_id_for_several_zones_exits_2(cli):
    result = cli(*ALL_SAMPLES, "-f", "terraform-route53", "--zone-id", ROUTE53_ZONE_ID)
    assert result.exit_code == 2
    assert "--zone-id: one id for identities in several zones" in result.stderr


def test_readme_check_command_on_the_golden_samples_and_a_broken_file(tmp_path):
    """`node tests/hcl/hcl.js FILE...` (README) passes every golden .tf and fails a bad one."""
    import subprocess

    from conftest import ROOT, require_tool

    node = require_tool("node")
    golden = sorted((SAMPLES / "rendered").glob("*.tf"))
    spec = json.loads((SAMPLES / "samples.json").read_text(encoding="utf-8"))
    terraform_formats = [f for f in spec["formats"] if f["suffix"].endswith(".tf")]
    assert len(terraform_formats) == 7  # route53, cloudflare v5 and v4, google, azurerm, dns, records
    assert len(golden) == len(terraform_formats) * len(spec["identities"])
    ok = subprocess.run([node, str(ROOT / "tests" / "hcl" / "hcl.js"), *map(str, golden)], capture_output=True, text=True)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    assert ok.stdout.count("parses, fmt-canonical") == len(golden)
    unformatted = tmp_path / "unformatted.tf"
    unformatted.write_text('resource "x" "y" {\n  a = 1\n  bb = 2\n}\n')
    broken = tmp_path / "broken.tf"
    broken.write_text('v = "\\q"\n')
    bad = subprocess.run([node, str(ROOT / "tests" / "hcl" / "hcl.js"), str(unformatted), str(broken)],
                         capture_output=True, text=True)
    assert bad.returncode == 1
    assert "unformatted.tf: parses, but is not in terraform fmt layout" in bad.stdout
    assert "broken.tf: does not parse" in bad.stdout
