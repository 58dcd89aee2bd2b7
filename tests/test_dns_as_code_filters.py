"""The named filters of the DNS-as-code formats (exporter/filters.py): route53_rdata,
route53_change_batch, yaml_string, natural_key, octodns_txt; each read back by the real reader."""

from __future__ import annotations

import json

import dns.rdata
import dns.rdataclass
import dns.rdatatype
import pytest
import yaml
from hypothesis import given
from hypothesis import strategies as st

from exporter import model
from exporter.filters import (
    natural_key,
    octodns_txt,
    octodns_txt_problem,
    route53_change_batch,
    route53_rdata,
    yaml_string,
)

from identity_strategies import PRINTABLE, txt_values


def txt(value: str) -> model.Record:
    return model.Record("example.com.", "_dmarc.example.com.", "TXT", 300, value, "dmarc")


def test_route53_rdata_by_type():
    assert route53_rdata(txt('v=DMARC1; x="a\\b"')) == '"v=DMARC1; x=\\"a\\\\b\\""'
    mx = model.Record("example.com.", "bounce.example.com.", "MX", 300, "feedback-smtp.us-east-1.amazonses.com.",
                      "mail-from-mx", 10)
    assert route53_rdata(mx) == "10 feedback-smtp.us-east-1.amazonses.com."
    assert route53_rdata(txt("a" * 256)) == '"' + "a" * 255 + '" "a"'


@given(text=txt_values())
def test_route53_rdata_reads_back_as_route53_reads_it(text):
    rdata = dns.rdata.from_text(dns.rdataclass.IN, dns.rdatatype.TXT, route53_rdata(txt(text)))
    assert all(len(s) <= 255 for s in rdata.strings)
    assert b"".join(rdata.strings).decode("ascii") == text


def test_route53_change_batch_creates_txt_and_upserts_the_rest():
    """One change per record: TXT sets CREATE (never replace an existing DMARC, SPF or verification:
    tests/test_route53_apply.py applies it), CNAME and MX UPSERT; UPSERT for TXT only when asked."""
    identity = model.identity({"IdentityType": "DOMAIN", "DkimAttributes": {"Tokens": ["tok"]},
                               "MailFromAttributes": {"MailFromDomain": "mail.example.com"}}, "example.com",
                              model.options(region="us-east-1"), "test")
    batch = json.loads(route53_change_batch([identity], "a comment"))
    assert batch["Comment"] == "a comment"
    assert [(c["ResourceRecordSet"]["Type"], c["Action"]) for c in batch["Changes"]] == \
        [("CNAME", "UPSERT"), ("MX", "UPSERT"), ("TXT", "CREATE"), ("TXT", "CREATE")]
    merged = json.loads(route53_change_batch([identity], "a comment", "UPSERT"))
    assert {c["Action"] for c in merged["Changes"]} == {"UPSERT"}
    with pytest.raises(ValueError, match="DELETE"):
        route53_change_batch([identity], "a comment", "DELETE")


@given(text=st.text(alphabet=PRINTABLE + "日本語éü", max_size=300))
def test_yaml_string_reads_back_with_pyyaml(text):
    assert yaml.safe_load(f"key: {yaml_string(text)}\n") == {"key": text}


@pytest.mark.parametrize("text", ["a\nb", "tab\there", "\x1b[31m"])
def test_yaml_string_refuses_what_a_single_quoted_scalar_would_change(text):
    with pytest.raises(ValueError, match="yaml_string"):
        yaml_string(text)


def test_natural_key_orders_numbers_as_numbers():
    assert sorted(["dkim10", "dkim2", "", "_dmarc", "bounce"], key=natural_key) == ["", "_dmarc", "bounce", "dkim2",
                                                                                       "dkim10"]


def test_octodns_txt_escapes_semicolons_and_refuses_what_octodns_would_alter():
    assert octodns_txt("v=DMARC1; p=none;") == "v=DMARC1\\; p=none\\;"
    assert octodns_txt('a "b" \\ c') == 'a "b" \\ c'
    for text in ("a\\;b", '"quoted"', 'one" "two'):
        assert octodns_txt_problem(text)
        with pytest.raises(ValueError, match="octodns_txt"):
            octodns_txt(text)
