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


def before(dns_host, *records, lang="en"):
    return [phrase.key.removeprefix("before.") for phrase in guide([identity(*records)], panel(dns_host), lang).before]


def test_steps_are_numbered_through_the_document_and_dkim_keys_within_their_identity():
    other = identity(*[Record("shop.example.com.", r.name.replace("example.com.", "shop.example.com."), r.type,
                              r.ttl, r.value, r.purpose) for r in DKIM], domain="shop.example.com.")
    document = guide([identity(*DKIM, MX), other], panel("generic"))
    titles = [step.title for section in document.sections for step in section.steps]
    assert [dict(t.params)["number"] for t in titles] == list(range(1, 8))
    assert [dict(t.params)["type"] for t in titles] == ["CNAME"] * 3 + ["MX"] + ["CNAME"] * 3
    assert [dict(dict(t.params)["record"].params).get("number") for t in titles] == [1, 2, 3, None, 1, 2, 3]
    assert [section.heading for section in document.sections] == ["example.com", "shop.example.com"]
    assert document.check.commands == ("ses-export example.com --region us-east-1 --check",
                                       "ses-export shop.example.com --region us-east-1 --check")
    assert guide([identity(*DKIM)], panel("generic")).sections[0].heading is None


def test_every_pitfall_is_explained_once_before_the_steps():
    document = guide([identity(*DKIM, MX, SPF, DMARC)], panel("generic"))
    keys = [phrase.key for phrase in document.before]
    assert len(keys) == len(set(keys))
    assert keys == ["before.host-maybe-added", "before.underscore", "before.value-keep-dot", "before.txt-no-quotes",
                    "before.one-per-name", "before.ttl"]
    for step in (step for section in document.sections for step in section.steps):
        assert not {p.key for p in step.advice} & {"before." + k for k in keys}


@pytest.mark.parametrize("dns_host, expected", [
    ("generic", ["host-maybe-added", "underscore", "value-keep-dot"]),
    ("route53", ["host-added-by-panel"]),  # every value fully qualified, '_' accepted
    ("cloudflare", ["host-full-name-ok", "value-dot-dropped", "proxy-dns-only"]),  # full name accepted
    ("sakura", ["host-added-by-panel", "underscore", "value-read-as-relative"]),
])
def test_pitfalls_that_cannot_happen_on_a_panel_are_left_out(dns_host, expected):
    assert before(dns_host, *DKIM, MX)[:-2] == expected


@pytest.mark.parametrize("dns_host, expected", [
    ("generic", ["priority-without-field"]),
    ("route53", []),
    ("cloudflare", []),
    ("muumuu", ["priority-blank-default"]),
    ("sakura", ["priority-without-field"]),
    ("valuedomain", []),
])
def test_mx_advice_follows_the_panel(dns_host, expected):
    assert advice(dns_host, MX) == expected


def test_mx_priority_is_a_field_or_inside_the_value():
    assert fields("generic", MX)["priority"] == ("field.priority", "10")
    assert fields("route53", MX)["value"] == ("field.value", "10 feedback-smtp.us-east-1.amazonses.com.")
    assert "priority" not in fields("route53", MX)


def test_cloudflare_cnames_are_dns_only():
    assert "proxy" in fields("cloudflare", DKIM[0]) and "proxy-dns-only" in before("cloudflare", DKIM[0])
    assert "proxy" not in fields("cloudflare", MX) and "proxy-dns-only" not in before("cloudflare", MX)


def test_value_domain_gets_a_line_or_says_how_to_write_one():
    assert fields("valuedomain", SPF)["line"] == ("field.line", "txt mail v=spf1 include:amazonses.com ~all")
    assert fields("valuedomain", MX)["line"] == ("field.line-unknown", None)
    assert "line" not in fields("generic", SPF)


@pytest.mark.parametrize("dns_host, expected", [
    ("generic", ["txt-long"]),
    ("route53", []),
    ("sakura", ["txt-too-long-for-panel"]),
    ("muumuu", ["txt-too-long-for-panel"]),
    ("xserver", ["txt-long"]),
    ("valuedomain", ["txt-long"]),
])
def test_a_long_key_is_flagged_where_the_panel_cannot_take_it(dns_host, expected):
    assert advice(dns_host, KEY) == expected


def test_one_record_per_name_lists_only_the_records_present():
    document = guide([identity(*DKIM, MX, SPF, DMARC)], panel("generic"))
    (single,) = [p for p in document.before if p.key == "before.one-per-name"]
    assert [item.key for item in dict(single.params)["records"].items] == ["single.mx"]
    assert "before.one-per-name" not in [p.key for p in guide([identity(*DKIM, DMARC)], panel("generic")).before]


@pytest.mark.parametrize("dns_host", PANEL_NAMES)
def test_dmarc_and_spf_steps_say_keep_or_merge_what_the_name_already_has(dns_host):
    """Issue 21: a second v=DMARC1 or v=spf1 record at a name is a permerror; each step says what to do
    where one exists, first among its advice, on every panel; no other record gets it."""
    assert advice(dns_host, DMARC)[0] == "dmarc-existing"
    assert advice(dns_host, SPF)[0] == "spf-existing"
    for record in (*DKIM, MX, KEY):
        assert not {"dmarc-existing", "spf-existing"} & set(advice(dns_host, record))


@pytest.mark.parametrize("dns_host", PANEL_NAMES)
def test_every_step_has_host_and_value_and_the_ttl_is_said_once(dns_host):
    for step in steps(dns_host, *DKIM, MX, SPF, DMARC):
        names = [field.name for field in step.fields]
        assert {"host", "value"} <= set(names) and "ttl" not in names
        assert names.index("host") < names.index("value")
        copied = {field.name: field.copy for field in step.fields}
        assert copied["value"] and copied["host"]
    # Said once; where no source says the panel's rows have a TTL field (ムームーDNS), only "if it asks for one".
    assert ("ttl-if-asked" if dns_host == "muumuu" else "ttl") in before(dns_host, *DKIM)


def test_ttls_that_differ_go_into_their_steps():
    slow = Record(ZONE, "_dmarc.example.com.", "TXT", 3600, "v=DMARC1; p=none;", "dmarc")
    assert all("ttl" in [f.name for f in step.fields] for step in steps("generic", DKIM[0], slow))
    assert "ttl" not in before("generic", DKIM[0], slow)


def test_cloudflare_refuses_a_ttl_it_cannot_take_and_says_auto_for_1():
    from exporter.errors import InputError

    short = Record(ZONE, "_dmarc.example.com.", "TXT", 30, "v=DMARC1; p=none;", "dmarc")
    with pytest.raises(InputError, match="60..86400"):
        guide([identity(short)], panel("cloudflare"))
    assert guide([identity(short)], panel("generic"))  # nothing known: nothing refused
    auto = short._replace(ttl=1) if hasattr(short, "_replace") else Record(ZONE, short.name, "TXT", 1, short.value, "dmarc")
    assert "ttl-auto" in before("cloudflare", auto)


def test_japanese_panel_labels_in_japanese():
    own = {lang: [dict(f.text.params)["own"] for f in steps_in("cloudflare", lang, DKIM[0])[0].fields
                  if f.name in ("host", "value")] for lang in ("en", "ja")}
    assert [a.value for a in own["en"]] == ["Name", "Target"]
    assert [a.value for a in own["ja"]] == ["名前", "ターゲット"]
    r53 = [dict(f.text.params)["own"] for f in steps_in("route53", "ja", DKIM[0])[0].fields if f.name in ("host", "value")]
    assert [a.value for a in r53] == ["レコード名", "値"]


def test_a_panels_own_label_is_given_once():
    labels = [dict(f.text.params)["own"] for step in steps("onamae", *DKIM) for f in step.fields if f.name == "value"]
    assert labels[0] and not any(labels[1:])


def test_japanese_panels_show_an_internationalized_zone_in_unicode():
    zone = "xn--wgv71a119e.jp."
    idn = Identity(domain=zone, region="ap-northeast-1", zone=zone, source="test",
                   records=(Record(zone, "_dmarc." + zone, "TXT", 1800, "v=DMARC1; p=none;", "dmarc"),))
    host = guide([idn], panel("onamae")).before[0]
    assert dict(host.params)["zone"].key == "before.zone-unicode"
    assert dict(dict(host.params)["zone"].params)["unicode"] == ".日本語.jp"
    assert dict(guide([idn], panel("cloudflare")).before[0].params)["zone"].key == "before.zone"


def test_muumuu_and_onamae_say_how_to_save():
    assert [p.key for p in guide([identity(DMARC)], panel("muumuu")).finish] == ["finish.save-button"]
    assert dict(guide([identity(DMARC)], panel("muumuu")).finish[0].params)["button"] == "セットアップ情報変更"
    assert [p.key for p in guide([identity(DMARC)], panel("onamae")).finish] == ["finish.confirm-screen"]
    assert guide([identity(DMARC)], panel("cloudflare")).finish == ()


def test_the_check_has_a_lookup_per_record():
    document = guide([identity(*DKIM, MX, SPF)], panel("generic"))
    assert [lookup.record for lookup in document.check.lookups] == [*DKIM, MX, SPF]


def steps_in(dns_host, lang, *records):
    return [step for section in guide([identity(*records)], panel(dns_host), lang).sections for step in section.steps]


@pytest.mark.parametrize("dns_host", PANEL_NAMES)
def test_records_alike_share_their_fields_and_advice_as_if_each_were_made_alone(dns_host):
    """guide() makes the fields and advice of records alike once (the MAIL FROM, SPF and DMARC steps of
    thousands of identities): each step must be what fields() and advice() give for its record in
    turn, a panel's own label at its first mention only, also where that mention is a shared record's."""
    from exporter import guide as guide_module
    from exporter.panels import entry

    def shop(record, zone="shop.example.com."):
        return record._replace(identity=zone, name=record.name.replace("example.com.", zone))

    documents = [identity(MX, SPF, DMARC), identity(*DKIM, MX, SPF, DMARC),
                 Identity(domain="shop.example.com.", region="us-east-1", zone="shop.example.com.", source="test",
                          records=tuple(shop(r) for r in (*DKIM, MX, SPF, DMARC, KEY)))]
    at = panel(dns_host)
    for lang in ("en", "ja"):
        made = guide(documents, at, lang)
        labelled: set[str] = set()
        expected = [(guide_module.fields(at, entry(at, record, each.zone), lang, False, labelled),
                     guide_module.advice(at, entry(at, record, each.zone)))
                    for each in documents for record in each.records]
        assert [(step.fields, step.advice) for section in made.sections for step in section.steps] == expected
