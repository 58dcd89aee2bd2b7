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

from exporter.formats._terraform import identifier

from conftest import ROOT, sample_argv, sample_identities
from hcl_support import dns_update_text, rrdata_record, txt_from_presentation

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


@pytest.mark.parametrize("fmt", CASES)
def test_terraform_validates_and_plans_every_sample_as_the_model(terraform, cli, tmp_path, fmt):
    root = tmp_path / "root"
    modules, expected, data = [], [], {"google_dns_managed_zone": {}}
    zones_of_id = {}
    for n, sample in enumerate(sample_identities()):
        folder = root / "modules" / f"sample{n}"
        folder.mkdir(parents=True)
        result = cli(*sample_argv(sample, *CASES[fmt], "-o", str(folder / "main.tf")))
        assert result.exit_code == 0, result.stderr
        model = json.loads(cli(*sample_argv(sample, "-f", "json")).stdout)
        zones = {identity["domain"]: identity["zone"] for identity in model["identities"]}
        expected += [(zones[r["identity"]], r["name"], r["type"], r["ttl"], r["priority"], r["value"])
                     for r in model["records"]]
        arguments = {}
        for variable in re.findall(r'^variable "(\w+)"', (folder / "main.tf").read_text(encoding="utf-8"), re.M):
            if variable.startswith(("managed_zone_", "zone_id_")):
                ident = variable.removeprefix("managed_zone_").removeprefix("zone_id_")
                zone = next(z for z in zones.values() if identifier(z[:-1]) == ident)
                zone_id = f"zone-{n}-{ident.replace('_', '-')}"
                arguments[variable] = zone_id
                data["google_dns_managed_zone"][zone_id] = {"dns_name": zone}
                zones_of_id[zone_id] = zone
            elif variable.startswith("resource_group_"):
                arguments[variable] = "dns-rg"
            elif variable in ("dns_server", "dns_key_name", "dns_key_secret"):
                arguments[variable] = {"dns_server": "127.0.0.1", "dns_key_name": "ses-export.",
                                       "dns_key_secret": "c2VjcmV0"}[variable]
        lines = "".join(f"  {k} = {json.dumps(v)}\n" for k, v in arguments.items())
        modules.append(f'module "sample{n}" {{\n  source = "./modules/sample{n}"\n{lines}}}\n')
        if fmt == "terraform-records":
            modules.append(f'output "sample{n}" {{\n  value = module.sample{n}.records\n}}\n')
    (root / "main.tf").write_text("\n".join(modules), encoding="utf-8")
    found = planned_records(fmt, plan(terraform, root, data), zones_of_id)
    assert sorted(found, key=repr) == sorted(expected, key=repr)


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
