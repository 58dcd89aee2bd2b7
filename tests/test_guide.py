"""The instructions as data (exporter/guide.py): which fields and which advice each record gets on
each panel, decided once in Python for every language."""

import pytest

from exporter.guide import guide
from exporter.model import Identity, Record
from exporter.panels import PANEL_NAMES, panel

ZONE = "example.com."
DKIM = [Record(ZONE, f"tok{n}._domainkey.example.com.", "CNAME", 1800, f"tok{n}.dkim.amazonses.com.", "dkim")
        for n in (1, 2, 3)]
MX = Record(ZONE, "mail.example.com.", "MX", 1800, "feedback-smtp.us-east-1.amazonses.com.", "mail-from-mx", 10)
SPF = Record(ZONE, "mail.example.com.", "TXT", 1800, "v=spf1 include:amazonses.com ~all", "mail-from-spf")
DMARC = Record(ZONE, "_dmarc.example.com.", "TXT", 1800, "v=DMARC1; p=none;", "dmarc")
KEY = Record(ZONE, "sel._domainkey.example.com.", "TXT", 1800, "p=" + "A" * 398, "dkim")


def identity(*records, domain=ZONE, notes=()):
    return Identity(domain=domain, region="us-east-1", zone=ZONE, source="test", records=tuple(records),
                    notes=tuple(notes))


def steps(dns_host, *records):
    return [step for section in guide([identity(*records)], panel(dns_host)).sections for step in section.steps]


def advice(dns_host, record):
    (step,) = steps(dns_host, record)
    return [phrase.key.removeprefix("advice.") for phrase in step.advice]


def fields(dns_host, record):
    (step,) = steps(dns_host, record)
    return {field.name: (field.text.key, field.copy) for field in step.fields}


def test_steps_are_numbered_through_the_document_and_dkim_keys_within_their_identity():
    other = identity(*[Record("shop.example.com.", r.name.replace("example.com.", "shop.example.com."), r.type,
                              r.ttl, r.value, r.purpose) for r in DKIM], domain="shop.example.com.")
    document = guide([identity(*DKIM, MX), other], panel("generic"))
    titles = [step.title for section in document.sections for step in section.steps]
    assert [dict(t.params)["number"] for t in titles] == list(range(1, 8))
    assert {dict(t.params)["total"] for t in titles} == {7}
    assert [dict(dict(t.params)["record"].params).get("number") for t in titles] == [1, 2, 3, None, 1, 2, 3]
    assert [section.heading for section in document.sections] == ["example.com", "shop.example.com"]
    assert document.check.commands == ("ses-export example.com --check", "ses-export shop.example.com --check")
    assert guide([identity(*DKIM)], panel("generic")).sections[0].heading is None


def test_the_underscore_is_explained_once_in_the_whole_document():
    document = guide([identity(MX, *DKIM), identity(DMARC, domain="b.example.com.")], panel("onamae"))
    told = [step.record.name for section in document.sections for step in section.steps
            if "advice.underscore" in {p.key for p in step.advice}]
    assert told == [DKIM[0].name]


@pytest.mark.parametrize("dns_host, expected", [
    ("generic", ["host-maybe-added", "value-keep-dot", "priority-without-field", "mx-only-one"]),
    ("route53", ["host-added-by-panel", "value-keep-dot", "priority-in-value", "mx-only-one"]),
    ("cloudflare", ["host-added-by-panel", "value-dot-dropped", "mx-only-one"]),
    ("muumuu", ["host-added-by-panel", "value-keep-dot", "priority-blank-default", "mx-only-one"]),
    ("sakura", ["host-added-by-panel", "value-read-as-relative", "priority-without-field", "mx-only-one"]),
    ("valuedomain", ["host-added-by-panel", "value-read-as-relative", "mx-only-one"]),
])
def test_mx_advice_follows_the_panel(dns_host, expected):
    assert advice(dns_host, MX) == expected


def test_mx_priority_is_a_field_or_inside_the_value():
    assert fields("generic", MX)["priority"] == ("field.priority", "10")
    assert fields("route53", MX)["value"] == ("field.value", "10 feedback-smtp.us-east-1.amazonses.com.")
    assert "priority" not in fields("route53", MX)


def test_cloudflare_cnames_are_dns_only():
    assert "proxy" in fields("cloudflare", DKIM[0]) and "proxy-dns-only" in advice("cloudflare", DKIM[0])
    assert "proxy" not in fields("cloudflare", MX) and "proxy-dns-only" not in advice("cloudflare", MX)


def test_value_domain_gets_a_line_or_says_how_to_write_one():
    assert fields("valuedomain", SPF)["line"] == ("field.line", "txt mail v=spf1 include:amazonses.com ~all")
    assert fields("valuedomain", MX)["line"] == ("field.line-unknown", None)
    assert "line" not in fields("generic", SPF)


@pytest.mark.parametrize("dns_host, expected", [
    ("generic", ["txt-no-quotes", "txt-long"]),
    ("route53", ["txt-quoted-split"]),
    ("sakura", ["txt-no-quotes", "txt-too-long-for-panel"]),
    ("muumuu", ["txt-no-quotes", "txt-too-long-for-panel"]),
    ("xserver", ["txt-quotes-stripped", "txt-long"]),
    ("valuedomain", ["txt-editor-unquoted", "txt-long"]),
])
def test_a_long_key_is_flagged_where_the_panel_cannot_take_it(dns_host, expected):
    assert [code for code in advice(dns_host, KEY) if code.startswith("txt-")] == expected


def test_spf_and_dmarc_warn_about_a_second_record():
    assert advice("generic", SPF)[-2:] == ["txt-no-quotes", "spf-merge"]
    assert advice("route53", DMARC)[-2:] == ["txt-quoted", "dmarc-only-one"]


@pytest.mark.parametrize("dns_host", PANEL_NAMES)
def test_every_step_has_type_host_value_and_ttl(dns_host):
    for step in steps(dns_host, *DKIM, MX, SPF, DMARC):
        names = [field.name for field in step.fields]
        assert {"type", "host", "value", "ttl"} <= set(names)
        assert names.index("type") < names.index("host") < names.index("value") < names.index("ttl")
        copied = {field.name: field.copy for field in step.fields}
        assert copied["value"] and copied["host"]
