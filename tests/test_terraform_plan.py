"""terraform-route53 through Terraform itself: init from the machine's filesystem mirror of
hashicorp/aws (no network), validate, and plan every sample with --zone-id; the planned
aws_route53_record values (`terraform show -json`) are the model's records exactly.

The project's machines (developers' and CI) have `terraform` on PATH and the provider unpacked under
/opt/tf-plugins (or SES_EXPORT_TF_MIRROR). A user's machine may have neither: the test then skips,
saying which is missing. Plan reaches no AWS API: the provider skips every credential and account
check, and its Route 53 and STS endpoints point at a closed loopback port, so any call would fail.
All samples go into one root module (one module per sample) so Terraform starts once per step.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
from pathlib import Path

import pytest

from conftest import sample_argv, sample_identities
from hcl_support import txt_from_presentation
from test_route53_changes import sample_identity

ZONE_ID = "Z0123456789ABCDEFGHIJ"
MIRROR = Path(os.environ.get("SES_EXPORT_TF_MIRROR", "/opt/tf-plugins"))

PROVIDER = """provider "aws" {
  region                      = "us-east-1"
  access_key                  = "mock_access_key"
  secret_key                  = "mock_secret_key"
  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
  endpoints {
    route53 = "http://127.0.0.1:9"
    sts     = "http://127.0.0.1:9"
  }
}
"""


def terraform_and_mirror() -> tuple[str, Path]:
    terraform = shutil.which("terraform")
    if terraform is None:
        pytest.skip("terraform is not on PATH (the project's machine image has it; a user's machine may not)")
    providers = sorted(MIRROR.glob("registry.terraform.io/hashicorp/aws/*/*/terraform-provider-aws*"))
    if not providers:
        pytest.skip(f"no filesystem mirror of hashicorp/aws under {MIRROR} (set SES_EXPORT_TF_MIRROR to one)")
    return terraform, MIRROR


@pytest.mark.slow
def test_terraform_plans_every_sample_as_the_model(cli, tmp_path):
    terraform, mirror = terraform_and_mirror()
    root = tmp_path / "root"
    expected: dict[str, list[tuple]] = {}
    modules = []
    for n, sample in enumerate(sample_identities()):
        folder = root / "modules" / f"sample{n}"
        folder.mkdir(parents=True)
        result = cli(*sample_argv(sample, "-f", "terraform-route53", "--zone-id", ZONE_ID, "-o", str(folder / "main.tf")))
        assert result.exit_code == 0, result.stderr
        modules.append(f'module "sample{n}" {{\n  source = "./modules/sample{n}"\n}}\n')
        expected[f"module.sample{n}"] = sorted((ZONE_ID, r.name, r.type, r.ttl, r.priority, r.value)
                                               for r in sample_identity(sample).records)
    (root / "main.tf").write_text(PROVIDER + "\n" + "\n".join(modules), encoding="utf-8")
    rc = tmp_path / "cli.tfrc"
    rc.write_text(f'provider_installation {{\n  filesystem_mirror {{\n    path    = "{mirror}"\n'
                  f'    include = ["registry.terraform.io/hashicorp/aws"]\n  }}\n}}\n', encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if not k.startswith(("AWS_", "TF_"))}
    env.update(TF_CLI_CONFIG_FILE=str(rc), TF_IN_AUTOMATION="1", CHECKPOINT_DISABLE="1",
               AWS_EC2_METADATA_DISABLED="true", AWS_CONFIG_FILE=os.devnull, AWS_SHARED_CREDENTIALS_FILE=os.devnull,
               HOME=str(tmp_path))

    def run(*args: str) -> str:
        result = subprocess.run([terraform, f"-chdir={root}", *args], capture_output=True, text=True, env=env,
                                timeout=600)
        assert result.returncode == 0, f"terraform {' '.join(args)}:\n{result.stdout}\n{result.stderr}"
        return result.stdout

    run("init", "-input=false", "-no-color", "-backend=false")
    assert "The configuration is valid" in run("validate", "-no-color")
    run("plan", "-input=false", "-no-color", "-refresh=false", "-out=plan.bin")
    plan = json.loads(run("show", "-json", "plan.bin"))

    planned: dict[str, list[tuple]] = {}
    for module in plan["planned_values"]["root_module"]["child_modules"]:
        found = planned.setdefault(module["address"], [])
        for resource in module["resources"]:
            assert resource["type"] == "aws_route53_record", resource["address"]
            values = resource["values"]
            # The provider keeps names without the final dot (its own normalization); values as sent.
            assert not values["name"].endswith(".")
            for value in values["records"]:
                priority = None
                if values["type"] == "TXT":
                    value = txt_from_presentation(f'"{value}"')  # the provider wraps each value in one pair of quotes
                elif values["type"] == "MX":
                    preference, value = value.split(" ")
                    priority = int(preference)
                found.append((values["zone_id"], values["name"] + ".", values["type"], values["ttl"], priority, value))
    assert {address: sorted(records) for address, records in planned.items()} == expected
    changes = {change["change"]["actions"][0] for change in plan["resource_changes"]}
    assert changes == {"create"}
