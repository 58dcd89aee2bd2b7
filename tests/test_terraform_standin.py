"""terraform-google, -azurerm, -dns and -records through Terraform itself, with a stand-in provider.

No provider binary for Google, Azure or hashicorp/dns exists here, so tests/standin/provider.py
plays each: it serves the real provider's schema (read from the pinned CDKTF package, see
tests/standin/schema.py) over Terraform's plugin protocol, installed from a filesystem mirror made
in a temporary folder. Terraform then checks every block, argument name, required argument and
type, evaluates every expression (trimsuffix, references, the Google postcondition) in
`terraform validate` and `terraform plan`, and the planned values (`terraform show -json`) must be
the model's records exactly. What the stand-in cannot prove: docs/development.md.
"""

from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
from hypothesis import HealthCheck, assume, given, settings
from hypothesis import strategies as st

from exporter import formats
from exporter.errors import InputError
from exporter.formats import Settings
from exporter.formats._terraform import identifier

from conftest import ROOT, sample_argv, sample_identities
from hcl_support import dns_update_text, rrdata_record, txt_from_presentation
from identity_strategies import cases

pytestmark = [pytest.mark.slow]

STANDIN = ROOT / "tests" / "standin" / "provider.py"
# (stand-in key, registry address, version): tests/hcl/providers.json
PROVIDERS = [("google", "hashicorp/google", "6.50.0"), ("azurerm", "hashicorp/azurerm", "4.55.0"),
             ("dns", "hashicorp/dns", "3.4.3"), ("cloudflare-v5", "cloudflare/cloudflare", "5.14.0"),
             ("cloudflare-v4", "cloudflare/cloudflare", "4.52.0")]
CASES = {  # the file, and the arguments that write it
    "terraform-google": ["-f", "terraform-google"],
    "terraform-azurerm": ["-f", "terraform-azurerm"],
    "terraform-dns": ["-f", "terraform-dns"],
    "terraform-records": ["-f", "terraform-records"],
    "cloudflare-v5": ["-f", "terraform-cloudflare"],
    "cloudflare-v4": ["-f", "terraform-cloudflare", "--cloudflare-provider", "v4"],
}


@pytest.fixture(autouse=True)
def configured_region(monkeypatch):
    monkeypatch.setenv("AWS_REGION", "us-east-1")


@pytest.fixture(scope="module")
def terraform(tmp_path_factory):
    """(terraform binary, environment) with the stand-ins in a filesystem mirror."""
    binary = shutil.which("terraform")
    if binary is None:
        pytest.skip("terraform is not on PATH (the project's machine image has it; a user's machine may not)")
    home = tmp_path_factory.mktemp("standin")
    for key, address, version in PROVIDERS:
        folder = home / "mirror" / "registry.terraform.io" / address / version / "linux_amd64"
        folder.mkdir(parents=True)
        wrapper = folder / f"terraform-provider-{address.split('/')[1]}_v{version}"
        wrapper.write_text(f'#!/bin/sh\nexec "{sys.executable}" "{STANDIN}" {key} "$@"\n', encoding="utf-8")
        wrapper.chmod(0o755)
    rc = home / "cli.tfrc"
    rc.write_text(f'provider_installation {{\n  filesystem_mirror {{\n    path    = "{home / "mirror"}"\n'
                  f'    include = ["registry.terraform.io/hashicorp/*", "registry.terraform.io/cloudflare/*"]\n  }}\n}}\n', encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("TF_", "PLUGIN_"))}
    env.update(TF_CLI_CONFIG_FILE=str(rc), TF_IN_AUTOMATION="1", CHECKPOINT_DISABLE="1", HOME=str(home))
    return binary, env


def plan(terraform, root: Path, data: dict) -> dict:
    """terraform init, validate and plan in `root`; the plan as `terraform show -json` prints it."""
    binary, env = terraform
    env = {**env, "STANDIN_DATA": json.dumps(data)}

    def run(*args: str) -> str:
        result = subprocess.run([binary, f"-chdir={root}", *args], capture_output=True, text=True, env=env, timeout=600)
        assert result.returncode == 0, f"terraform {args[0]}:\n{result.stdout}\n{result.stderr}"
        return result.stdout

    run("init", "-input=false", "-no-color")
    run("validate", "-no-color")
    run("plan", "-input=false", "-no-color", "-out=plan.bin")
    return json.loads(run("show", "-json", "plan.bin"))


def planned_records(fmt: str, plan_json: dict, zones_of_id: dict) -> list[tuple]:
    """(zone, name, type, ttl, priority, value) of every planned resource (or listed record set)."""
    found = []
    if fmt == "terraform-records":
        for output in plan_json["planned_values"]["outputs"].values():
            for item in output["value"]:
                values = item["values"]
                assert [rrdata_record(item["type"], rdata) for rdata in item["rdatas"]] == \
                    [(item["priority"], value) for value in values]
                found += [(item["zone"], item["name"], item["type"], item["ttl"], item["priority"], v) for v in values]
        return found
    for module in plan_json["planned_values"]["root_module"]["child_modules"]:
        for resource in module["resources"]:
            v, kind = resource["values"], resource["type"]
            if resource["mode"] == "data":
                continue
            if kind == "google_dns_record_set":
                zone = zones_of_id[v["managed_zone"]]
                found += [(zone, v["name"], v["type"], v["ttl"], *rrdata_record(v["type"], r)) for r in v["rrdatas"]]
            elif kind in ("cloudflare_dns_record", "cloudflare_record"):
                assert v["proxied"] is False and not v["name"].endswith(".")
                if v["type"] == "TXT":
                    value = txt_from_presentation(v["content"])
                else:
                    assert not v["content"].endswith(".")
                    value = v["content"] + "."
                found.append((zones_of_id[v["zone_id"]], v["name"] + ".", v["type"], v["ttl"], v.get("priority"), value))
            elif kind.startswith("azurerm_dns_"):
                zone = v["zone_name"] + "."
                name = zone if v["name"] == "@" else f"{v['name']}.{zone}"
                if kind == "azurerm_dns_cname_record":
                    assert not v["record"].endswith(".")
                    found.append((zone, name, "CNAME", v["ttl"], None, v["record"] + "."))
                elif kind == "azurerm_dns_mx_record":
                    found += [(zone, name, "MX", v["ttl"], int(r["preference"]), r["exchange"] + ".") for r in v["record"]]
                else:
                    found += [(zone, name, "TXT", v["ttl"], None, r["value"]) for r in v["record"]]
            else:
                zone = v["zone"]
                name = f"{v['name']}.{zone}" if v.get("name") else zone
                if kind == "dns_cname_record":
                    found.append((zone, name, "CNAME", v["ttl"], None, v["cname"]))
                elif kind == "dns_mx_record_set":
                    found += [(zone, name, "MX", v["ttl"], mx["preference"], mx["exchange"]) for mx in v["mx"]]
                else:
                    found += [(zone, name, "TXT", v["ttl"], None, dns_update_text(t)) for t in v["txt"]]
    return found


class RootModule:
    """A root module holding one module per file, with the arguments each file's variables need."""

    def __init__(self, folder: Path, fmt: str):
        self.folder, self.fmt = folder, fmt
        self.blocks: list[str] = []
        self.expected: list[tuple] = []
        self.data: dict = {"google_dns_managed_zone": {}}  # what the stand-in's data source answers
        self.zones_of_id: dict[str, str] = {}

    def add(self, text: str, records: list[tuple]) -> None:
        """One file; `records` are the model's (zone, name, type, ttl, priority, value)."""
        n = len(self.blocks)
        folder = self.folder / "modules" / f"m{n}"
        folder.mkdir(parents=True)
        (folder / "main.tf").write_text(text, encoding="utf-8")
        self.expected += records
        zones = {r[0] for r in records}
        arguments = {}
        for variable in re.findall(r'^variable "(\w+)"', text, re.M):
            if variable.startswith(("managed_zone_", "zone_id_")):
                ident = variable.removeprefix("managed_zone_").removeprefix("zone_id_")
                zone = next(z for z in zones if identifier(z[:-1]) == ident)
                zone_id = f"zone-{n}-{ident.replace('_', '-')}"
                arguments[variable] = zone_id
                self.data["google_dns_managed_zone"][zone_id] = {"dns_name": zone}
                self.zones_of_id[zone_id] = zone
            elif variable.startswith("resource_group_"):
                arguments[variable] = "dns-rg"
            elif variable in ("dns_server", "dns_key_name", "dns_key_secret"):
                arguments[variable] = {"dns_server": "127.0.0.1", "dns_key_name": "ses-export.",
                                       "dns_key_secret": "c2VjcmV0"}[variable]
        lines = "".join(f"  {k} = {json.dumps(v)}\n" for k, v in arguments.items())
        block = f'module "m{n}" {{\n  source = "./modules/m{n}"\n{lines}}}\n'
        if self.fmt == "terraform-records":
            block += f'\noutput "m{n}" {{\n  value = module.m{n}.records\n}}\n'
        self.blocks.append(block)

    def assert_plans_the_model(self, terraform) -> None:
        (self.folder / "main.tf").write_text("\n".join(self.blocks), encoding="utf-8")
        found = planned_records(self.fmt, plan(terraform, self.folder, self.data), self.zones_of_id)
        assert sorted(found, key=repr) == sorted(self.expected, key=repr)


@pytest.mark.parametrize("fmt", CASES)
def test_terraform_validates_and_plans_every_sample_as_the_model(terraform, cli, tmp_path, fmt):
    root = RootModule(tmp_path / "root", fmt)
    for sample in sample_identities():
        result = cli(*sample_argv(sample, *CASES[fmt]))
        assert result.exit_code == 0, result.stderr
        model = json.loads(cli(*sample_argv(sample, "-f", "json")).stdout)
        zones = {identity["domain"]: identity["zone"] for identity in model["identities"]}
        root.add(result.stdout, [(zones[r["identity"]], r["name"], r["type"], r["ttl"], r["priority"], r["value"])
                                 for r in model["records"]])
    root.assert_plans_the_model(terraform)


@settings(max_examples=1, deadline=None, suppress_health_check=list(HealthCheck))
@given(generated=st.lists(cases(), min_size=16, max_size=16))
def test_terraform_plans_generated_identities_as_the_model(terraform, tmp_path_factory, generated):
    """Hypothesis identities (IDN and long names, TXT text with quotes, backslashes, `${`, past
    255 bytes): each in every format, a module each, one plan per format."""
    identities = []
    for case in generated:
        try:
            identities.append(case.identity(ttl=300))  # a TTL every provider takes, Cloudflare included
        except InputError:
            continue  # refused input: tests/test_roundtrip.py checks the refusal
    identities = [identity for identity in identities if identity.records]
    assume(len(identities) >= 4)
    folder = tmp_path_factory.mktemp("generated")
    for fmt, args in CASES.items():
        root = RootModule(folder / fmt, fmt)
        settings_ = Settings(cloudflare_provider="v4" if "--cloudflare-provider" in args else "v5")
        for identity in identities:
            root.add(formats.render(args[1], [identity], settings_),
                     [(identity.zone, r.name, r.type, r.ttl, r.priority, r.value) for r in identity.records])
        root.assert_plans_the_model(terraform)


def test_the_google_postcondition_stops_a_plan_in_the_wrong_managed_zone(terraform, cli, tmp_path):
    root = tmp_path / "root"
    root.mkdir()
    result = cli("example.com", "--identity-file", str(ROOT / "samples" / "identities" / "example.com.json"),
                 "-f", "terraform-google", "-o", str(root / "main.tf"))
    assert result.exit_code == 0, result.stderr
    (root / "terraform.tfvars").write_text('managed_zone_example_com = "other"\n', encoding="utf-8")
    with pytest.raises(AssertionError, match="Resource postcondition failed"):
        plan(terraform, root, {"google_dns_managed_zone": {"other": {"dns_name": "example.net."}}})
    plan_json = plan(terraform, root, {"google_dns_managed_zone": {"other": {"dns_name": "example.com."}}})
    assert len(plan_json["resource_changes"]) == 4


def test_terraform_refuses_what_the_schema_does_not_have(terraform, tmp_path):
    """The stand-in's schema is what Terraform checks against: a misspelt argument fails validate."""
    root = tmp_path / "root"
    root.mkdir()
    (root / "main.tf").write_text('resource "dns_txt_record_set" "x" {\n  zone  = "example.com."\n'
                                  '  texts = ["v=DMARC1; p=none;"]\n}\n', encoding="utf-8")
    with pytest.raises(AssertionError, match='An argument named "texts" is not expected here'):
        plan(terraform, root, {})
