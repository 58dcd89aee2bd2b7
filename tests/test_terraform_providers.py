"""terraform-google, terraform-azurerm, terraform-dns and terraform-records: HashiCorp's parser reads
exactly the model's records, as each provider would receive them, from files in `terraform fmt` layout.

Records are read back from the parsed file (expressions evaluated, dots put back where a provider
takes values without them) and compared with the JSON model of the same run.
"""

from __future__ import annotations

import json

import pytest

from conftest import SAMPLES, sample_argv
from hcl_support import Hcl, azurerm_records, dns_records, google_records, listed_records, required_providers

pytestmark = [pytest.mark.needs_node]

READERS = {
    "terraform-google": google_records,
    "terraform-azurerm": azurerm_records,
    "terraform-dns": dns_records,
    "terraform-records": listed_records,
}
PROVIDERS = {  # the provider generation each file pins
    "terraform-google": ("hashicorp/google", ">= 6.0, < 7.0"),
    "terraform-azurerm": ("hashicorp/azurerm", ">= 4.0, < 5.0"),
    "terraform-dns": ("hashicorp/dns", ">= 3.4, < 4.0"),
}
ALL_SAMPLES = ["--identity-file", str(SAMPLES / "identities"), "--dkim-public-key", str(SAMPLES / "keys")]
PLAIN = str(SAMPLES / "identities" / "example.com.json")


@pytest.fixture(autouse=True)
def configured_region(monkeypatch):
    monkeypatch.setenv("AWS_REGION", "us-east-1")


@pytest.fixture(scope="module")
def hcl():
    tools = Hcl()
    yield tools
    tools.close()


def render(cli, *args: str) -> str:
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def model_records(model: dict) -> list[tuple]:
    zones = {identity["domain"]: identity["zone"] for identity in model["identities"]}
    return [(zones[r["identity"]], r["name"], r["type"], r["ttl"], r["priority"], r["value"]) for r in model["records"]]


def assert_file_carries_the_model(hcl: Hcl, fmt: str, text: str, model: dict) -> dict:
    checked = hcl.check(text)
    assert checked["error"] is None, checked["error"]
    assert checked["formatted"] == text, "not in terraform fmt layout"
    found = READERS[fmt](hcl, checked["parsed"])
    assert sorted(found, key=repr) == sorted(model_records(model), key=repr)
    return checked["parsed"]


@pytest.mark.parametrize("fmt", READERS)
def test_sample_parses_is_fmt_canonical_and_carries_exactly_the_model(hcl, cli, sample, fmt):
    text = render(cli, *sample_argv(sample, "--format", fmt))
    model = json.loads(render(cli, *sample_argv(sample, "--format", "json")))
    assert_file_carries_the_model(hcl, fmt, text, model)


@pytest.mark.parametrize("fmt", READERS)
def test_several_identities_and_zones_in_one_file(hcl, cli, fmt):
    text = render(cli, *ALL_SAMPLES, "--format", fmt)
    model = json.loads(render(cli, *ALL_SAMPLES, "--format", "json"))
    assert len({identity["zone"] for identity in model["identities"]}) == 4
    assert_file_carries_the_model(hcl, fmt, text, model)  # hcl_support.blocks fails on a name used twice
    for identity in model["identities"]:
        assert f"# Identity {identity['domain'][:-1]}" in text


@pytest.mark.parametrize("fmt", PROVIDERS)
def test_the_file_pins_the_provider_generation(hcl, cli, fmt):
    (entry,) = required_providers(hcl.parse(render(cli, "example.com", "--identity-file", PLAIN, "-f", fmt))).values()
    assert (entry["source"], entry["version"]) == PROVIDERS[fmt]


def test_records_has_no_provider_and_no_resource(hcl, cli):
    parsed = hcl.parse(render(cli, "example.com", "--identity-file", PLAIN, "-f", "terraform-records"))
    assert "resource" not in parsed and "terraform" not in parsed and "provider" not in parsed


def test_zone_option_puts_records_in_the_parent_zone(hcl, cli):
    args = ["shop.example.net", "--identity-file", str(SAMPLES / "identities" / "shop.example.net.json"),
            "--zone", "example.net"]
    model = json.loads(render(cli, *args, "-f", "json"))
    for fmt in READERS:
        assert_file_carries_the_model(hcl, fmt, render(cli, *args, "-f", fmt), model)


def test_google_zone_id_becomes_the_managed_zone_default(hcl, cli):
    parsed = hcl.parse(render(cli, "example.com", "--identity-file", PLAIN, "-f", "terraform-google",
                              "--zone-id", "example-com"))
    assert parsed["variable"]["managed_zone_example_com"][0]["default"] == "example-com"


@pytest.mark.parametrize("zone_id", ["Example-Com", "1zone", "zone-", "x" * 64])
def test_google_refuses_what_is_not_a_managed_zone_name(cli, tmp_path, zone_id):
    target = tmp_path / "dns.tf"
    result = cli("example.com", "--identity-file", PLAIN, "-f", "terraform-google", "--zone-id", zone_id, "-o", str(target))
    assert result.exit_code == 2
    assert f"--zone-id: {zone_id!r} is not a Cloud DNS managed zone name" in result.stderr
    assert "Traceback" not in result.stderr and not target.exists()


@pytest.mark.parametrize("fmt, words", [
    ("terraform-google", "replaces a record set the zone already holds"),
    ("terraform-azurerm", "Azure refuses to create a record set that exists"),
    ("terraform-dns", "a DMARC policy or another sender's SPF gains a"),
    ("terraform-records", "replaces an existing _dmarc or SPF record where"),
])
def test_the_header_says_what_applying_does_to_an_existing_dmarc(cli, fmt, words):
    header = render(cli, "example.com", "--identity-file", PLAIN, "-f", fmt).split("\n\n", 1)[0]
    assert words in " ".join(line.lstrip("# ") for line in header.splitlines())


@pytest.mark.parametrize("fmt", ["terraform-google", "terraform-azurerm", "terraform-dns"])
def test_a_note_above_the_dmarc_resource_says_to_keep_an_existing_policy(cli, fmt):
    text = render(cli, "example.com", "--identity-file", PLAIN, "-f", fmt)
    before = text.split('"example_com_dmarc" {')[0].rstrip().splitlines()
    notes = [line for line in before[-3:] if line.startswith("# ")]
    assert any("already has a v=DMARC1 record, keep it" in line for line in notes), before[-3:]


def test_a_long_txt_value(hcl, cli):
    """A 2048-bit BYODKIM key: Cloud DNS gets strings of at most 255 bytes (read by dnspython in
    google_records), Azure and RFC 2136 the whole text (their provider or its DNS library split it)."""
    sample = {"domain": "byodkim.example.org",
              "args": ["--region", "eu-central-2", "--dkim-public-key", "samples/keys/byodkim.example.org.pem"]}
    text = render(cli, *sample_argv(sample, "-f", "terraform-azurerm"))
    values = [b[0]["record"][0]["value"] for b in hcl.parse(text)["resource"]["azurerm_dns_txt_record"].values()]
    assert max(len(value) for value in values) > 255
    text = render(cli, *sample_argv(sample, "-f", "terraform-google"))
    rrdatas = [b[0]["rrdatas"] for b in hcl.parse(text)["resource"]["google_dns_record_set"].values()
               if b[0]["type"] == "TXT"]
    assert any('" "' in rdata for (rdata,) in rrdatas)
