"""Every block ses-export writes uses only arguments its provider has, and sets the required ones.

The schemas come from HashiCorp's prebuilt CDKTF bindings on npm (TypeScript declarations
generated from each provider's schema), pinned with their sha512 in tests/hcl/providers.json;
tests/hcl/schemas.js reads them from tests/hcl/.cache/, which `bash tests/run` fills.
"""

from __future__ import annotations

import json
import subprocess

import pytest

from conftest import ROOT, require_tool, sample_argv
from hcl_support import Hcl, required_providers

pytestmark = [pytest.mark.needs_node]

# The provider each output is checked against (keys of tests/hcl/providers.json).
FLAVOURS = {
    "aws": ["--format", "terraform-route53"],
    "cloudflare-v5": ["--format", "terraform-cloudflare"],
    "cloudflare-v4": ["--format", "terraform-cloudflare", "--cloudflare-provider", "v4"],
}
# Terraform's own arguments, valid in every resource and data block.
META_ARGUMENTS = {"count", "for_each", "depends_on", "provider", "lifecycle"}


@pytest.fixture(scope="module")
def schemas() -> dict:
    node = require_tool("node")
    result = subprocess.run([node, str(ROOT / "tests" / "hcl" / "schemas.js")], capture_output=True, text=True)
    if result.returncode != 0:
        pytest.fail(f"provider schemas unavailable: {result.stderr.strip()}")
    return json.loads(result.stdout)


@pytest.fixture(scope="module")
def hcl():
    tools = Hcl()
    yield tools
    tools.close()


def schema_problems(parsed: dict, schema: dict) -> list[str]:
    """What is wrong with the file's resource and data blocks against the provider's schema."""
    problems = []
    for kind in ("resource", "data"):
        for block_type, named in parsed.get(kind, {}).items():
            arguments = schema["blocks"].get(f"{kind}.{block_type}")
            if arguments is None:
                problems.append(f"{kind} {block_type}: not a block of {schema['provider']} {schema['version']}")
                continue
            allowed = set(arguments["required"]) | set(arguments["optional"]) | META_ARGUMENTS
            for name, bodies in named.items():
                for body in bodies:
                    for unknown in sorted(set(body) - allowed):
                        problems.append(f"{kind} {block_type}.{name}: no argument {unknown}")
                    for missing in sorted(set(arguments["required"]) - set(body)):
                        problems.append(f"{kind} {block_type}.{name}: required argument {missing} is not set")
    return problems


def satisfies(version: str, constraints: str) -> bool:
    """Terraform's version constraint syntax, for the operators these files use (>=, <, ~>)."""
    def parts(text: str) -> tuple[int, ...]:
        return tuple(int(p) for p in text.split("."))

    have = parts(version)
    for constraint in constraints.split(","):
        operator, wanted = constraint.strip().split(" ", 1)
        want = parts(wanted.strip())
        if operator == ">=" and not have >= want + (0,) * (3 - len(want)):
            return False
        if operator == "<" and not have < want + (0,) * (3 - len(want)):
            return False
        if operator == "~>":  # the last given part may grow, the ones before it stay
            if not (have[: len(want) - 1] == want[:-1] and have >= want + (0,) * (3 - len(want))):
                return False
        if operator not in (">=", "<", "~>"):
            raise ValueError(f"operator {operator} not handled here")
    return True


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_blocks_use_only_real_arguments_and_set_the_required_ones(hcl, cli, sample, schemas, flavour):
    result = cli(*sample_argv(sample, *FLAVOURS[flavour]))
    assert result.exit_code == 0, result.stderr
    parsed = hcl.parse(result.stdout)
    assert parsed.get("resource"), "no resources written"
    assert schema_problems(parsed, schemas[flavour]) == []


@pytest.mark.parametrize("flavour", FLAVOURS)
def test_required_providers_name_the_schema_provider_and_admit_its_version(hcl, cli, schemas, flavour):
    result = cli("example.com", "--identity-file", str(ROOT / "samples" / "identities" / "example.com.json"),
                 *FLAVOURS[flavour])
    (entry,) = required_providers(hcl.parse(result.stdout)).values()
    schema = schemas[flavour]
    assert "registry.terraform.io/" + entry["source"] == schema["provider"]
    assert satisfies(schema["version"], entry["version"]), (schema["version"], entry["version"])


def test_v4_uses_content_not_the_deprecated_value(hcl, cli, sample):
    result = cli(*sample_argv(sample, *FLAVOURS["cloudflare-v4"]))
    for bodies in hcl.parse(result.stdout)["resource"]["cloudflare_record"].values():
        assert "content" in bodies[0] and "value" not in bodies[0]


def test_schema_check_finds_unknown_and_missing_arguments(schemas):
    """The check above can fail: a v5 record without ttl, and a v4-only argument in v5."""
    parsed = {"resource": {"cloudflare_dns_record": {"x": [{"zone_id": "z", "name": "n", "type": "TXT", "value": "v"}]}}}
    assert schema_problems(parsed, schemas["cloudflare-v5"]) == [
        "resource cloudflare_dns_record.x: no argument value",
        "resource cloudflare_dns_record.x: required argument ttl is not set",
    ]
    assert schema_problems({"resource": {"cloudflare_dns_record": {}}}, schemas["cloudflare-v4"]) == [
        "resource cloudflare_dns_record: not a block of registry.terraform.io/cloudflare/cloudflare 4.52.0"]


def test_schemas_are_the_pinned_provider_versions(schemas):
    assert {key: (s["provider"], s["version"]) for key, s in schemas.items()} == {
        "aws": ("registry.terraform.io/hashicorp/aws", "6.25.0"),
        "cloudflare-v5": ("registry.terraform.io/cloudflare/cloudflare", "5.14.0"),
        "cloudflare-v4": ("registry.terraform.io/cloudflare/cloudflare", "4.52.0"),
    }
    assert set(schemas["cloudflare-v5"]["blocks"]["resource.cloudflare_dns_record"]["required"]) >= {"ttl", "zone_id"}


def test_version_constraint_reading():
    assert satisfies("5.14.0", "~> 5.14") and not satisfies("6.0.0", "~> 5.14") and not satisfies("5.13.9", "~> 5.14")
    assert satisfies("6.25.0", ">= 5.0, < 7.0") and not satisfies("7.0.0", ">= 5.0, < 7.0")
