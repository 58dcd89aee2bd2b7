"""HashiCorp's HCL parser and formatter for the Terraform tests, through one Node process.

tests/hcl/hcl.js serves @cdktf/hcl2json (HCL parsed by HashiCorp's hclsyntax) and
@cdktf/hcl-tools (hclwrite's format, what `terraform fmt` applies). hcl2json answers in
HCL's JSON syntax, so literal strings come back with `${` written `$${`; `literal` undoes
that, and `evaluate` computes the few expressions ses-export writes (trimsuffix of a literal,
references to variables and data sources) so records can be compared with the model.
"""

from __future__ import annotations

import json
import subprocess
import dns.rdata
import dns.rdataclass
import dns.rdatatype
import pytest

from conftest import ROOT, require_tool

HCL_DIR = ROOT / "tests" / "hcl"


class Hcl:
    def __init__(self) -> None:
        node = require_tool("node")
        if not (HCL_DIR / "node_modules" / "@cdktf" / "hcl2json").is_dir():
            pytest.fail("tests/hcl/node_modules is missing: run the README's test command (bash tests/run)")
        self.process = subprocess.Popen([node, str(HCL_DIR / "hcl.js"), "--serve"], cwd=HCL_DIR, text=True,
                                        encoding="utf-8", stdin=subprocess.PIPE, stdout=subprocess.PIPE)

    def _ask(self, request: dict) -> dict:
        self.process.stdin.write(json.dumps(request) + "\n")
        self.process.stdin.flush()
        line = self.process.stdout.readline()
        if not line:
            pytest.fail(f"tests/hcl/hcl.js stopped (exit {self.process.poll()})")
        return json.loads(line)

    def check(self, text: str, name: str = "output.tf") -> dict:
        """{"parsed": hcl2json output or None, "formatted": hclwrite's layout, "error": parse error or None}."""
        return self._ask({"op": "check", "name": name, "text": text})

    def parse(self, text: str, name: str = "output.tf") -> dict:
        result = self.check(text, name)
        assert result["error"] is None, f"{name} does not parse: {result['error']}"
        return result["parsed"]

    def ast(self, expression: str) -> dict:
        result = self._ask({"op": "ast", "expression": expression})
        assert result["error"] is None, f"{expression!r}: {result['error']}"
        return result["ast"]

    def evaluate(self, value, scope: dict):
        """A value of hcl2json's output as Terraform sees it. Any expression other than
        trimsuffix("literal", "literal") or a reference in `scope` fails the test."""
        if isinstance(value, list):
            return [self.evaluate(item, scope) for item in value]
        if not isinstance(value, str):
            return value
        if value.startswith("${") and value.endswith("}"):
            return self._evaluate_ast(self.ast(value[2:-1]), scope, value)
        return literal(value)

    def _evaluate_ast(self, node: dict, scope: dict, source: str):
        kind = node["type"]
        if kind == "scopeTraversal":
            accessor = node["meta"]["value"]
            assert accessor in scope, f"{source}: {accessor} refers to nothing the file declares"
            return scope[accessor]
        if kind == "function" and node["meta"]["name"] == "trimsuffix" and len(node["children"]) == 2:
            text, suffix = (self._string_argument(child, source) for child in node["children"])
            return text[: -len(suffix)] if suffix and text.endswith(suffix) else text
        pytest.fail(f"{source}: unexpected expression {kind} {node['meta'].get('value')!r}")

    def _string_argument(self, node: dict, source: str) -> str:
        """A quoted-string argument, decoded by the parser itself: its source text parsed as a value."""
        assert node["type"] == "template" and [c["type"] for c in node["children"]] == ["literalValue"], source
        return literal(self.parse(f"v = {node['meta']['value']}\n", "argument.tf")["v"])

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=10)


def literal(text: str) -> str:
    """A literal string of hcl2json's output (HCL JSON syntax): `$${` is `${`, `%%{` is `%{`.

    A lone `${` or `%{` would be an interpolation or directive: ses-export writes none inside
    string literals, so one fails the test.
    """
    out, i = [], 0
    while i < len(text):
        if text[i : i + 3] in ("$${", "%%{"):
            out.append(text[i + 1 : i + 3])
            i += 3
        elif text[i : i + 2] in ("${", "%{"):
            pytest.fail(f"template sequence in a literal string: {text!r}")
        else:
            out.append(text[i])
            i += 1
    return "".join(out)


def blocks(parsed: dict, kind: str, block_type: str) -> dict[str, dict]:
    """{name: body} for `resource`/`data` blocks of one type; a name declared twice fails."""
    found = parsed.get(kind, {}).get(block_type, {})
    for name, bodies in found.items():
        assert len(bodies) == 1, f'{kind} "{block_type}" "{name}" is declared {len(bodies)} times'
    return {name: bodies[0] for name, bodies in found.items()}


def required_providers(parsed: dict) -> dict[str, dict]:
    entries = {}
    for block in parsed.get("terraform", []):
        for providers in block.get("required_providers", []):
            entries.update(providers)
    return entries


def txt_text(presentation: str) -> str:
    """TXT rdata in presentation form (quoted character-strings) as the plain text, read by dnspython."""
    rdata = dns.rdata.from_text(dns.rdataclass.IN, dns.rdatatype.TXT, presentation)
    assert all(len(s) <= 255 for s in rdata.strings), presentation
    return b"".join(rdata.strings).decode("ascii")


def route53_records(hcl: Hcl, parsed: dict) -> list[tuple]:
    """(zone, name, type, ttl, priority, value) for every value the AWS provider would send."""
    scope = {f"data.aws_route53_zone.{ident}.zone_id": hcl.evaluate(body["name"], {})
             for ident, body in blocks(parsed, "data", "aws_route53_zone").items()}
    found = []
    for body in blocks(parsed, "resource", "aws_route53_record").values():
        zone, name, rtype = (hcl.evaluate(body[key], scope) for key in ("zone_id", "name", "type"))
        for value in hcl.evaluate(body["records"], scope):
            priority = None
            if rtype == "TXT":
                value = txt_text(f'"{value}"')  # the provider sends the value wrapped in one pair of quotes
            elif rtype == "MX":
                preference, value = value.split(" ")
                priority = int(preference)
            found.append((zone, name, rtype, body["ttl"], priority, value))
    return found


def cloudflare_records(hcl: Hcl, parsed: dict, resource_type: str) -> list[tuple]:
    """(zone, name, type, ttl, priority, value) as Cloudflare would store them, dots put back."""
    variables = {ident: bodies[0] for ident, bodies in parsed.get("variable", {}).items()}
    scope = {f"var.{ident}": zone_of_variable(hcl, body) for ident, body in variables.items()}
    found = []
    for body in blocks(parsed, "resource", resource_type).values():
        assert body["proxied"] is False
        zone, name, rtype, content = (hcl.evaluate(body[key], scope) for key in ("zone_id", "name", "type", "content"))
        assert not name.endswith("."), f"the final dot of {name} would reach the provider"
        if rtype == "TXT":
            value = txt_text(content)
        else:
            assert not content.endswith("."), f"the final dot of {content} would reach the provider"
            value = content + "."
        found.append((zone, name + ".", rtype, body["ttl"], body.get("priority"), value))
    return found


def zone_of_variable(hcl: Hcl, body: dict) -> str:
    """The zone a zone-id variable is for, from its description ("... zone id of example.com (...")."""
    description = hcl.evaluate(body["description"], {})
    return description.split(" of ", 1)[1].split(" ", 1)[0] + "."
