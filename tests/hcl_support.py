"""HashiCorp's HCL parser and formatter for the Terraform tests, through one Node process.

tests/hcl/hcl.js serves @cdktf/hcl2json (HCL parsed by HashiCorp's hclsyntax) and
@cdktf/hcl-tools (hclwrite's format, what `terraform fmt` applies). hcl2json answers in
HCL's JSON syntax, so literal strings come back with `${` written `$${`; `literal` undoes
that, and `evaluate` computes the few expressions ses-export writes (trimsuffix of a literal,
references to variables and data sources) so records can be compared with the model.
"""

from __future__ import annotations

import json
import re
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
        return self.evaluate_all([value], scope)[0]

    def evaluate_all(self, values: list, scope: dict) -> list:
        """`evaluate` for many values at once. The parser is asked twice whatever the number of
        expressions (their syntax trees as one tuple, then every string argument as one list),
        because a parser call costs far more than the text it reads."""
        expressions = list(dict.fromkeys(e for value in values for e in _expressions(value)))
        evaluated = dict(zip(expressions, self._evaluate_expressions(expressions, scope)))

        def resolve(value):
            if isinstance(value, list):
                return [resolve(item) for item in value]
            if not isinstance(value, str):
                return value
            return evaluated[value] if _is_expression(value) else literal(value)

        return [resolve(value) for value in values]

    def _evaluate_expressions(self, expressions: list[str], scope: dict) -> list:
        if not expressions:
            return []
        # Each expression came whole from the parser, so joined by commas they make a tuple of
        # exactly these elements; the element count and texts are checked all the same.
        nodes = self.ast("[" + ", ".join(e[2:-1] for e in expressions) + "]")["children"]
        assert [node["meta"]["value"] for node in nodes] == [e[2:-1] for e in expressions], expressions
        arguments = [child for node in nodes if node["type"] == "function" for child in node["children"]]
        for argument in arguments:  # quoted strings without interpolation, decoded by the parser itself
            assert argument["type"] == "template" and [c["type"] for c in argument["children"]] == ["literalValue"], \
                argument["meta"]["value"]
        decoded = iter([])
        if arguments:
            sources = ", ".join(argument["meta"]["value"] for argument in arguments)
            strings = self.parse(f"v = [{sources}]\n", "arguments.tf")["v"]
            assert len(strings) == len(arguments), strings
            decoded = iter([literal(text) for text in strings])
        results = []
        for node, source in zip(nodes, expressions):
            kind = node["type"]
            if kind == "scopeTraversal":
                accessor = node["meta"]["value"]
                assert accessor in scope, f"{source}: {accessor} refers to nothing the file declares"
                results.append(scope[accessor])
            elif kind == "function" and node["meta"]["name"] == "trimsuffix" and len(node["children"]) == 2:
                text, suffix = next(decoded), next(decoded)
                results.append(text[: -len(suffix)] if suffix and text.endswith(suffix) else text)
            else:
                pytest.fail(f"{source}: unexpected expression {kind} {node['meta'].get('value')!r}")
        return results

    def close(self) -> None:
        self.process.stdin.close()
        self.process.wait(timeout=10)


def _is_expression(value: str) -> bool:
    """hcl2json writes an expression that is not a literal as "${SOURCE}"."""
    return value.startswith("${") and value.endswith("}")


def _expressions(value) -> list[str]:
    if isinstance(value, list):
        return [e for item in value for e in _expressions(item)]
    return [value] if isinstance(value, str) and _is_expression(value) else []


_TEMPLATE_START = re.compile(r"\$\$\{|%%\{|\$\{|%\{")


def literal(text: str) -> str:
    """A literal string of hcl2json's output (HCL JSON syntax): `$${` is `${`, `%%{` is `%{`.

    A lone `${` or `%{` would be an interpolation or directive: ses-export writes none inside
    string literals, so one fails the test.
    """
    def unescape(match: re.Match) -> str:
        if len(match.group()) == 2:
            pytest.fail(f"template sequence in a literal string: {text!r}")
        return match.group()[1:]

    return _TEMPLATE_START.sub(unescape, text)  # left to right, as HCL reads it


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


def txt_from_presentation(presentation: str) -> str:
    """TXT rdata in presentation form (quoted character-strings) as the plain text, read by dnspython."""
    rdata = dns.rdata.from_text(dns.rdataclass.IN, dns.rdatatype.TXT, presentation)
    assert all(len(s) <= 255 for s in rdata.strings), presentation
    return b"".join(rdata.strings).decode("ascii")


def route53_records(hcl: Hcl, parsed: dict) -> list[tuple]:
    """(zone, name, type, ttl, priority, value) for every value the AWS provider would send."""
    zones = blocks(parsed, "data", "aws_route53_zone")
    zone_names = hcl.evaluate_all([body["name"] for body in zones.values()], {})
    scope = {f"data.aws_route53_zone.{ident}.zone_id": name for ident, name in zip(zones, zone_names)}
    bodies = list(blocks(parsed, "resource", "aws_route53_record").values())
    keys = ("zone_id", "name", "type", "records")
    values = iter(hcl.evaluate_all([body[key] for body in bodies for key in keys], scope))
    found = []
    for body in bodies:
        zone, name, rtype, records = (next(values) for _ in keys)
        for value in records:
            priority = None
            if rtype == "TXT":
                value = txt_from_presentation(f'"{value}"')  # the provider sends the value wrapped in one pair of quotes
            elif rtype == "MX":
                preference, value = value.split(" ")
                priority = int(preference)
            found.append((zone, name, rtype, body["ttl"], priority, value))
    return found


def cloudflare_records(hcl: Hcl, parsed: dict, resource_type: str) -> list[tuple]:
    """(zone, name, type, ttl, priority, value) as Cloudflare would store them, dots put back."""
    variables = {ident: bodies[0] for ident, bodies in parsed.get("variable", {}).items()}
    descriptions = hcl.evaluate_all([body["description"] for body in variables.values()], {})
    scope = {f"var.{ident}": zone_of_description(text) for ident, text in zip(variables, descriptions)}
    bodies = list(blocks(parsed, "resource", resource_type).values())
    keys = ("zone_id", "name", "type", "content")
    values = iter(hcl.evaluate_all([body[key] for body in bodies for key in keys], scope))
    found = []
    for body in bodies:
        assert body["proxied"] is False
        zone, name, rtype, content = (next(values) for _ in keys)
        assert not name.endswith("."), f"the final dot of {name} would reach the provider"
        if rtype == "TXT":
            value = txt_from_presentation(content)
        else:
            assert not content.endswith("."), f"the final dot of {content} would reach the provider"
            value = content + "."
        found.append((zone, name + ".", rtype, body["ttl"], body.get("priority"), value))
    return found


def zone_of_description(description: str) -> str:
    """The zone a zone-id variable is for, from its description ("... zone id of example.com (...")."""
    return description.split(" of ", 1)[1].split(" ", 1)[0] + "."


def _fqdn(relative: str, zone: str) -> str:
    """A name relative to `zone` ("@" the apex), as the provider joins them."""
    return zone if relative == "@" else f"{relative}.{zone}"


def rrdata_record(rtype: str, rdata: str) -> tuple[int | None, str]:
    """(priority, value) of one zone-file rdata (Cloud DNS `rrdatas`, terraform-records `rdatas`)."""
    if rtype == "TXT":
        return None, txt_from_presentation(rdata)
    if rtype == "MX":
        preference, exchange = rdata.split(" ")
        return int(preference), exchange
    return None, rdata


def google_records(hcl: Hcl, parsed: dict) -> list[tuple]:
    """(zone, name, type, ttl, priority, value) for every rrdata the Google provider would send,
    each managed zone checked by its postcondition to be the zone its variable names."""
    variables = {ident: bodies[0] for ident, bodies in parsed.get("variable", {}).items()}
    descriptions = hcl.evaluate_all([body["description"] for body in variables.values()], {})
    scope = {f"var.{ident}": zone_of_description(text) for ident, text in zip(variables, descriptions)}
    zones = blocks(parsed, "data", "google_dns_managed_zone")
    for ident, body in zones.items():
        zone = hcl.evaluate(body["name"], scope)
        (postcondition,) = body["lifecycle"][0]["postcondition"]
        assert postcondition["condition"] == f'${{self.dns_name == "{zone}"}}', postcondition
        scope[f"data.google_dns_managed_zone.{ident}.name"] = zone
    bodies = list(blocks(parsed, "resource", "google_dns_record_set").values())
    keys = ("managed_zone", "name", "type", "rrdatas")
    values = iter(hcl.evaluate_all([body[key] for body in bodies for key in keys], scope))
    found = []
    for body in bodies:
        zone, name, rtype, rrdatas = (next(values) for _ in keys)
        for rdata in rrdatas:
            found.append((zone, name, rtype, body["ttl"], *rrdata_record(rtype, rdata)))
    return found


def azurerm_records(hcl: Hcl, parsed: dict) -> list[tuple]:
    """(zone, name, type, ttl, priority, value) as Azure DNS would hold them, final dots put back."""
    variables = {ident: bodies[0] for ident, bodies in parsed.get("variable", {}).items()}
    scope = {}
    for ident, body in variables.items():
        if ident.startswith("zone_name_"):
            scope[f"var.{ident}"] = hcl.evaluate(body["default"], {}) + "."
        else:
            assert ident.startswith("resource_group_") and "default" not in body, ident
            scope[f"var.{ident}"] = "RESOURCE_GROUP"
    found = []
    for rtype in ("CNAME", "MX", "TXT"):
        for body in blocks(parsed, "resource", f"azurerm_dns_{rtype.lower()}_record").values():
            zone, relative = hcl.evaluate_all([body["zone_name"], body["name"]], scope)
            assert hcl.evaluate(body["resource_group_name"], scope) == "RESOURCE_GROUP"
            assert not relative.endswith("."), f"{relative}: azurerm names are relative to the zone"
            name = _fqdn(relative, zone)
            if rtype == "CNAME":
                target = hcl.evaluate(body["record"], scope)
                assert not target.endswith("."), f"the final dot of {target} would reach the provider"
                found.append((zone, name, rtype, body["ttl"], None, target + "."))
            for record in body.get("record", []) if rtype != "CNAME" else []:
                if rtype == "MX":
                    preference = record["preference"]
                    assert isinstance(preference, str), "preference is a string in azurerm 4.x"
                    exchange = hcl.evaluate(record["exchange"], scope)
                    assert not exchange.endswith("."), f"the final dot of {exchange} would reach the provider"
                    found.append((zone, name, rtype, body["ttl"], int(preference), exchange + "."))
                else:
                    found.append((zone, name, rtype, body["ttl"], None, hcl.evaluate(record["value"], scope)))
    return found


def dns_update_text(value: str) -> str:
    """A dns_txt_record_set string as provider 3.4's DNS library reads it between quotes: `\\X` is X."""
    return re.sub(r"\\(.)", r"\1", value)


def dns_records(hcl: Hcl, parsed: dict) -> list[tuple]:
    """(zone, name, type, ttl, priority, value) for every record the hashicorp/dns provider would insert."""
    found = []
    kinds = {"CNAME": "dns_cname_record", "MX": "dns_mx_record_set", "TXT": "dns_txt_record_set"}
    for rtype, block_type in kinds.items():
        for body in blocks(parsed, "resource", block_type).values():
            zone = hcl.evaluate(body["zone"], {})
            assert zone.endswith("."), f"{zone}: the provider wants the zone as an FQDN"
            relative = hcl.evaluate(body["name"], {}) if "name" in body else "@"
            assert relative and not relative.endswith("."), f"{relative}: names are relative to the zone"
            name = _fqdn(relative, zone)
            if rtype == "CNAME":
                found.append((zone, name, rtype, body["ttl"], None, hcl.evaluate(body["cname"], {})))
            elif rtype == "MX":
                for mx in body["mx"]:
                    found.append((zone, name, rtype, body["ttl"], mx["preference"], hcl.evaluate(mx["exchange"], {})))
            else:
                for text in hcl.evaluate(body["txt"], {}):
                    found.append((zone, name, rtype, body["ttl"], None, dns_update_text(text)))
    return found


def records_list(parsed: dict) -> list[dict]:
    """terraform-records: local.ses_records, the same list as output "records"."""
    (local,) = parsed["locals"]
    (output,) = parsed["output"]["records"]
    assert output["value"] == "${local.ses_records}"
    return local["ses_records"]


def listed_records(hcl: Hcl, parsed: dict) -> list[tuple]:
    """(zone, name, type, ttl, priority, value) of terraform-records, its `values` and `rdatas` agreeing."""
    found = []
    for item in records_list(parsed):
        zone, name, relative, rtype = hcl.evaluate_all([item[k] for k in ("zone", "name", "relative_name", "type")], {})
        assert _fqdn(relative, zone) == name
        values = hcl.evaluate(item["values"], {})
        from_rdatas = [rrdata_record(rtype, rdata) for rdata in hcl.evaluate(item["rdatas"], {})]
        priority = item["priority"]
        assert from_rdatas == [(priority, value) for value in values], (from_rdatas, values)
        assert isinstance(item["exists"], bool)
        found.extend((zone, name, rtype, item["ttl"], priority, value) for value in values)
    return found
