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
    "google": ["--format", "terraform-google"],
    "azurerm": ["--format", "terraform-azurerm"],
    "dns": ["--format", "terraform-dns"],
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
    """What is wrong with the file's resource, data and provider blocks against the provider's
    schema, nested blocks (azurerm's `record`, dns's `mx` and `update`) included."""
    problems = []
    for kind in ("resource", "data"):
        for block_type, named in parsed.get(kind, {}).items():
            key = f"{kind}.{block_type}"
            if key not in schema["blocks"]:
                problems.append(f"{kind} {block_type}: not a block of {schema['provider']} {schema['version']}")
                continue
            for name, bodies in named.items():
                for body in bodies:
                    problems += _body_problems(f"{kind} {block_type}.{name}", body, schema["blocks"], key, META_ARGUMENTS)
    for provider, bodies in parsed.get("provider", {}).items():
        key = f"provider.{provider}"
        if key not in schema["blocks"]:
            problems.append(f"provider {provider}: not the provider block of {schema['provider']} {schema['version']}")
            continue
        for body in bodies:
            problems += _body_problems(f"provider {provider}", body, schema["blocks"], key, set())
    return problems


def _body_problems(where: str, body: dict, blocks: dict, key: str, meta: set[str]) -> list[str]:
    arguments = blocks[key]
    allowed = set(arguments["required"]) | set(arguments["optional"]) | meta
    problems = [f"{where}: no argument {unknown}" for unknown in sorted(set(body) - allowed)]
    problems += [f"{where}: required argument {missing} is not set" for missing in sorted(set(arguments["required"]) - set(body))]
    for name in sorted(set(body) & allowed):
        if f"{key}.{name}" in blocks:  # a nested block: hcl2json gives a list of its bodies
            for element in body[name]:
                problems += _body_problems(f"{where}.{name}", element, blocks, f"{key}.{name}", set())
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
        "google": ("registry.terraform.io/hashicorp/google", "6.50.0"),
        "azurerm": ("registry.terraform.io/hashicorp/azurerm", "4.55.0"),
        "dns": ("registry.terraform.io/hashicorp/dns", "3.4.3"),
    }
    assert set(schemas["cloudflare-v5"]["blocks"]["resource.cloudflare_dns_record"]["required"]) >= {"ttl", "zone_id"}


def test_schema_check_reads_nested_and_provider_blocks(schemas):
    """azurerm's MX `record` block, dns's `mx` block and the provider's `update` block are checked too."""
    parsed = {"resource": {"azurerm_dns_mx_record": {"x": [{
        "zone_name": "z", "resource_group_name": "g", "ttl": 1, "record": [{"preference": "10", "host": "h"}]}]}},
        "provider": {"dns": [{"update": [{"server": "s", "key": "k"}]}]}}
    assert schema_problems(parsed, schemas["azurerm"]) == [
        "resource azurerm_dns_mx_record.x.record: no argument host",
        "resource azurerm_dns_mx_record.x.record: required argument exchange is not set",
        "provider dns: not the provider block of registry.terraform.io/hashicorp/azurerm 4.55.0",
    ]
    assert schema_problems({"provider": parsed["provider"]}, schemas["dns"]) == ["provider dns.update: no argument key"]


def test_version_constraint_reading():
    assert satisfies("5.14.0", "~> 5.14") and not satisfies("6.0.0", "~> 5.14") and not satisfies("5.13.9", "~> 5.14")
    assert satisfies("6.25.0", ">= 5.0, < 7.0") and not satisfies("7.0.0", ">= 5.0, < 7.0")
