"""HCL escaping and the providers' TXT forms, read back by HashiCorp's parser and dnspython."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporter import formats
from exporter.filters import cloudflare_txt, hcl_string, route53_txt
from exporter.model import Identity, Record

from conftest import examples
from hcl_support import Hcl, blocks, cloudflare_records, literal, route53_records, txt_from_presentation

pytestmark = [pytest.mark.needs_node]

# TXT text as SES and users write it, weighted towards what breaks naive escaping.
TRICKY = st.sampled_from(['"', "\\", "${", "%{", "$${", "%%{", "$", "%", "{", "}", ";", " ", "\\\"", "'"])
PRINTABLE = st.characters(min_codepoint=0x20, max_codepoint=0x7E)
TXT_TEXT = st.lists(st.one_of(PRINTABLE, TRICKY, st.just("x" * 250)), min_size=1, max_size=80).map("".join).filter(
    lambda text: 0 < len(text) <= 2000)


@pytest.fixture(scope="module")
def hcl():
    tools = Hcl()
    yield tools
    tools.close()


def read_back(hcl: Hcl, literal_text: str) -> str:
    """What Terraform reads from `v = <literal_text>`, by HashiCorp's parser."""
    return literal(hcl.parse(f"v = {literal_text}\n")["v"])


def test_hcl_string_escapes():
    assert hcl_string('say "hi"') == '"say \\"hi\\""'
    assert hcl_string("a\\b") == '"a\\\\b"'
    assert hcl_string("line\nnext\ttab\rret") == '"line\\nnext\\ttab\\rret"'
    assert hcl_string("${var.x} %{ if true }") == '"$${var.x} %%{ if true }"'
    assert hcl_string("\\${x}") == '"\\\\$${x}"'
    assert hcl_string("bell\x07") == '"bell\\u0007"'
    assert hcl_string("$ % { }") == '"$ % { }"'
    assert hcl_string("del\x7f") == '"del\\u007f"'
    # Not printable, yet nothing HCL escapes: written as it is (the slow path, like any '{').
    assert hcl_string("line\u2028sep\xa0") == '"line\u2028sep\xa0"'


def test_unescaped_text_is_what_the_parser_rejects_or_misreads(hcl):
    """The escaping above is needed: the raw text is an error or an interpolation to the parser."""
    assert hcl.check('v = "a\\qb"\n')["error"] is not None
    assert hcl.check('v = "${var.x}"\n')["parsed"]["v"] == "${var.x}"  # an expression, not text
    assert read_back(hcl, hcl_string("${var.x}")) == "${var.x}"


@pytest.mark.parametrize("text", ['"', "\\", "\\\\\"", "${", "$${", "$$${", "%{", "%%{", "a$", "%", "\n", "日本語.jp"])
def test_hcl_string_round_trips_edge_cases(hcl, text):
    assert read_back(hcl, hcl_string(text)) == text


@settings(max_examples=examples(300), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(alphabet=st.one_of(st.characters(min_codepoint=0x20, max_codepoint=0x7E), st.sampled_from("\n\t\r\x01é日")),
               max_size=300))
def test_hcl_string_round_trips_through_hashicorp_parser(hcl, text):
    assert read_back(hcl, hcl_string(text)) == text


def test_route53_txt_splits_with_quote_pairs_and_escapes():
    assert route53_txt("v=spf1 include:amazonses.com ~all") == "v=spf1 include:amazonses.com ~all"
    assert route53_txt("a" * 256) == "a" * 255 + '""' + "a"
    assert route53_txt('say "hi" \\') == 'say \\"hi\\" \\\\'
    # Split before escaping: the quote is byte 255 and stays whole in the first string.
    assert route53_txt("x" * 254 + '"y') == "x" * 254 + '\\"' + '""' + "y"


def test_cloudflare_txt_is_quoted_strings_of_255_bytes():
    assert cloudflare_txt("v=DMARC1; p=none;") == '"v=DMARC1; p=none;"'
    assert cloudflare_txt("a" * 300) == '"' + "a" * 255 + '" "' + "a" * 45 + '"'
    assert cloudflare_txt('q"\\') == '"q\\"\\\\"'


def one_txt_identity(value: str) -> list[Identity]:
    record = Record("example.com.", "_dmarc.example.com.", "TXT", 300, value, "dmarc")
    return [Identity("example.com.", "us-east-1", "example.com.", "test", records=(record,))]


@settings(max_examples=examples(200), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(TXT_TEXT)
def test_any_txt_text_round_trips_through_both_terraform_files(hcl, value):
    identities = one_txt_identity(value)
    expected = ("_dmarc.example.com.", "TXT", 300, None, value)

    route53 = hcl.parse(formats.render("terraform-route53", identities))
    assert [found[1:] for found in route53_records(hcl, route53)] == [expected]

    cloudflare = hcl.parse(formats.render("terraform-cloudflare", identities))
    assert [found[1:] for found in cloudflare_records(hcl, cloudflare, "cloudflare_dns_record")] == [expected]
    (body,) = blocks(cloudflare, "resource", "cloudflare_dns_record").values()
    assert txt_from_presentation(hcl.evaluate(body["content"], {})) == value


def test_txt_with_every_hazard_at_once(hcl):
    value = 'v=spf1 "${x}" %{y} \\ ; ' + "z" * 300 + '"'
    parsed = hcl.parse(formats.render("terraform-route53", one_txt_identity(value)))
    (found,) = route53_records(hcl, parsed)
    assert found[-1] == value
