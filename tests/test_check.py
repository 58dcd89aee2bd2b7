"""The comparison logic of --check, on answers built in-process (the causes are proven against
a real named in test_check_named.py; here the edges, fast)."""

import dns.rdata
import dns.rdataclass
import dns.rdatatype
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exporter import model
from exporter.dnscheck import compare

from check_zones import saved_identity
from conftest import examples

DOMAIN = "example.test"


def records(**kwargs):
    identity = model.identity(saved_identity(DOMAIN), DOMAIN, model.options(region="us-east-1", **kwargs), "test")
    return list(identity.records)


def view(data: dict) -> dict:
    """{name: {type: [rdata text]}} -> compare.View."""
    return {name: {rtype: frozenset(dns.rdata.from_text(dns.rdataclass.IN, dns.rdatatype.from_text(rtype), t)
                                    for t in texts)
                   for rtype, texts in types.items()}
            for name, types in data.items()}


def clean() -> dict:
    data = {}
    for record in records():
        data.setdefault(record.name, {}).setdefault(record.type, []).append(compare.expected_rdata(record).to_text())
    return data


def outcome(data: dict, **servers) -> list[tuple]:
    found = compare.compare(records(), DOMAIN + ".", {"a": view(data), **{k: view(v) for k, v in servers.items()}})
    return [(f.status, f.cause) for f in found]


OK = ("ok", None)
DKIM1 = f"tok1aaaa._domainkey.{DOMAIN}."
MAIL = f"mail.{DOMAIN}."
DMARC = f"_dmarc.{DOMAIN}."


def test_clean_answers_are_all_ok():
    assert outcome(clean()) == [OK] * 6


def test_nothing_at_all_is_missing_without_a_cause():
    assert outcome({}) == [("missing", None)] * 6
    finding = compare.compare(records(), DOMAIN + ".", {"a": {}})[0]
    assert finding.values == () and finding.found == {"a": ()} and finding.fix == "missing"
    assert compare.compare(records(), DOMAIN + ".", {"a": {}})[5].fix == "dmarc-missing"


def test_questions_ask_the_mistaken_places_too():
    asked = compare.questions(records(), DOMAIN + ".")
    assert (DKIM1, "TXT") in asked and (MAIL, "CNAME") in asked
    assert (DKIM1, "CNAME") not in asked  # the TXT answer holds the CNAME (asked later when it does not)
    assert (DOMAIN + ".", "MX") in asked  # an SES MX at the apex takes all the domain's mail
    assert len(asked) == len(set(asked)) == 9
    more = compare.diagnostic_questions(records(), DOMAIN + ".")
    assert (f"tok1aaaa._domainkey.{DOMAIN}.{DOMAIN}.", "CNAME") in more
    assert (f"tok1aaaa.domainkey.{DOMAIN}.", "CNAME") in more
    assert (f"tok1aaaa.{DOMAIN}.", "CNAME") in more  # _domainkey left out
    assert (f"dmarc.{DOMAIN}.", "TXT") in more and (DOMAIN + ".", "TXT") in more  # MAIL FROM's parent
    assert not set(more) & set(asked) and len(more) == len(set(more))


def test_the_cname_at_a_dkim_name_is_asked_when_the_txt_answer_does_not_hold_it():
    """A server answers a TXT question at a CNAME's name with the CNAME: nothing more to ask. When it
    answers with a TXT (a CNAME may stand beside it) or nothing, the CNAME question follows."""
    answered = {name: {"TXT": frozenset(), **types} for name, types in view(clean()).items()}
    assert compare.follow_questions(records(), DOMAIN + ".", {"a": answered}) == []
    beside = {**answered, DKIM1: {"TXT": view({DKIM1: {"TXT": ['"leftover"']}})[DKIM1]["TXT"]}}
    assert compare.follow_questions(records(), DOMAIN + ".", {"a": beside}) == [(DKIM1, "CNAME")]
    nothing = {**answered, DKIM1: {"TXT": frozenset()}}
    assert compare.follow_questions(records(), DOMAIN + ".", {"a": answered, "b": nothing}) == [(DKIM1, "CNAME")]


def test_diagnostic_places_only_for_the_records_nothing_was_found_for():
    """Only `_not_here` reads the diagnostic places, and only for a record with nothing at its name: a
    record found wrong at its name asks none; the MAIL FROM MX name's parent is asked all the same
    (an SES MX there is a finding of its own)."""
    data = clean()
    data[DKIM1]["CNAME"] = ["tok1aaaa.dkim.amazonses.com.example.test."]  # wrong, but there
    del data[DMARC]  # nothing there
    findings = compare.compare(records(), DOMAIN + ".", {"a": view(data)})
    unfound = compare.unfound(records(), DOMAIN + ".", {"a": view(data)}, findings)
    assert [r.name for r in unfound] == [DMARC]
    asked = compare.diagnostic_questions(records(), DOMAIN + ".", unfound)
    assert set(asked) == {(f"dmarc.{DOMAIN}.", "TXT"), (f"_dmarc.{DOMAIN}.{DOMAIN}.", "TXT")}
    sub = [r for r in records() if r.purpose == "mail-from-mx"][0]
    deeper = [model.Record(sub.identity, f"bounce.{sub.name}", "MX", sub.ttl, sub.value, sub.purpose, sub.priority)]
    assert compare.diagnostic_questions(deeper, DOMAIN + ".", []) == [(sub.name, "MX")]
    # Two servers: nothing on one, the record on the other: the places are asked (the one may hold it there).
    other = clean()
    del other[DMARC]
    both = {"a": view(clean()), "b": view(other)}
    assert [r.name for r in compare.unfound(records(), DOMAIN + ".", both, compare.compare(
        records(), DOMAIN + ".", both))] == [DMARC]


def test_mistaken_names():
    assert compare.underscore_dropped("_dmarc.example.com.") == "dmarc.example.com."
    assert compare.underscore_dropped("mail.example.com.") is None
    assert compare.underscore_dropped("_.example.com.") is None  # nothing would be left of the label
    assert compare.doubled_name("a.example.com.", "example.com.") == "a.example.com.example.com."
    assert compare.doubled_name("a" * 60 + "." + "b" * 60 + ".example.com.", "c" * 60 + "." + "d" * 60 + ".com.") is None


def test_single_mx_with_another_priority_is_ok():
    data = clean()
    data[MAIL]["MX"] = ["50 feedback-smtp.us-east-1.amazonses.com."]  # Muumuu's blank priority
    assert outcome(data)[3] == OK


def test_names_compare_without_case():
    data = clean()
    data[DKIM1]["CNAME"] = ["TOK1AAAA.DKIM.AmazonSES.com."]
    assert outcome(data)[0] == OK


def test_cname_where_txt_belongs_is_wrong_and_shown():
    data = clean()
    data[DMARC] = {"CNAME": ["dmarc.provider.example."]}
    finding = compare.compare(records(), DOMAIN + ".", {"a": view(data)})[5]
    assert (finding.status, finding.cause, finding.fix) == ("wrong", "wrong-type", "dmarc-cname")
    assert finding.values == ("CNAME dmarc.provider.example.",)
    assert compare.follow_questions(records(), DOMAIN + ".", {"a": view(data)}) == [("dmarc.provider.example.", "TXT")]
    data[DMARC] = {"CNAME": ["mail.example.test."]}  # followed as receivers follow it: no DMARC record there
    finding = compare.compare(records(), DOMAIN + ".", {"a": view(data)})[5]
    # and no TXT record can be added beside the CNAME: the fix says to delete it first
    assert (finding.status, finding.cause, finding.fix) == ("wrong", "wrong-type", "dmarc-cname-empty")
    assert finding.detail["target"] == "mail.example.test."
    data[MAIL]["CNAME"] = ["elsewhere.example."]
    del data[MAIL]["MX"], data[MAIL]["TXT"]
    finding = compare.compare(records(), DOMAIN + ".", {"a": view(data)})[3]
    assert (finding.status, finding.cause, finding.fix) == ("wrong", "wrong-type", "wrong-type-cname-here")


def test_hosted_dmarc_is_judged_at_the_cname_target_when_its_answer_is_known():
    data = clean()
    data[DMARC] = {"CNAME": ["example.test.dmarc.provider.example."]}
    data["example.test.dmarc.provider.example."] = {"TXT": ['"v=DMARC1; p=quarantine; rua=mailto:r@provider.example"']}
    finding = compare.compare(records(), DOMAIN + ".", {"a": view(data)})[5]
    assert (finding.status, finding.note) == ("ok", "dmarc-in-force")
    assert finding.found == {"a": ("CNAME example.test.dmarc.provider.example.",
                                   "v=DMARC1; p=quarantine; rua=mailto:r@provider.example")}


def test_an_organisations_hosted_dmarc_is_inherited_through_its_cname():
    """_dmarc.ORG is a CNAME to a DMARC service (common for organisations): its policy applies below."""
    identity = model.identity(saved_identity("shop.example.test"), "shop.example.test",
                              model.options(region="us-east-1"), "test")
    required = compare.requirements(identity)
    org, hosted = "_dmarc.example.test.", "example-test.hosted.provider.example."
    data = {org: {"CNAME": [hosted]}}
    assert compare.follow_questions(required, "example.test.", {"a": view(data)}) == [(hosted, "TXT")]
    data[hosted] = {"TXT": ['"v=DMARC1; p=reject"']}
    (finding,) = [f for f in compare.compare(required, "example.test.", {"a": view(data)}) if f.purpose == "dmarc"]
    assert (finding.status, finding.note, finding.detail["policy"]) == ("ok", "dmarc-inherited", "reject")


def test_txt_where_cname_belongs_is_one_finding():
    """One problem, one finding: the record in the way is named in the missing CNAME's fix, not
    counted again as a row of its own."""
    data = clean()
    data[DKIM1] = {"TXT": ['"p=oldkey"']}
    found = compare.compare(records(), DOMAIN + ".", {"a": view(data)})
    assert (found[0].status, found[0].cause, found[0].fix) == ("missing", "wrong-type", "wrong-type-blocks-cname")
    assert found[0].found == {"a": ("TXT p=oldkey",)} and found[0].detail == {"found_type": "TXT"}
    assert len(found) == 6 and [f.status for f in found[1:]] == ["ok"] * 5


def test_cname_beside_other_data():
    data = clean()
    data[DKIM1]["TXT"] = ['"leftover"']
    data[MAIL]["CNAME"] = ["elsewhere.example."]
    result = outcome(data)
    assert result[0] == ("wrong", "conflict") and result[3] == ("wrong", "conflict") and result[4] == ("wrong", "conflict")


def test_unrelated_txt_is_neither_conflict_nor_found():
    data = clean()
    data[MAIL]["TXT"].append('"google-site-verification=x"')
    data[DMARC]["TXT"].append('"something else"')
    assert outcome(data) == [OK] * 6


def test_a_second_spf_even_beside_the_right_one_is_a_conflict():
    data = clean()
    data[MAIL]["TXT"].append('"v=spf1 -all"')
    finding = compare.compare(records(), DOMAIN + ".", {"a": view(data)})[4]
    assert (finding.status, finding.cause, finding.fix) == ("wrong", "conflict", "conflict-spf")


def test_a_stronger_dmarc_policy_meets_the_requirement_and_a_weaker_does_not():
    data = clean()
    data[DMARC]["TXT"] = ['"v=DMARC1; p=reject; rua=mailto:d@example.test"']
    stronger = compare.compare(records(), DOMAIN + ".", {"a": view(data)})[5]
    assert (stronger.status, stronger.cause, stronger.note) == ("ok", None, "dmarc-in-force")
    assert stronger.detail["policy"] == "reject"
    asked_reject = records(dmarc="v=DMARC1; p=reject;")
    data[DMARC]["TXT"] = ['"v=DMARC1; p=none;"']
    weaker = compare.compare(asked_reject, DOMAIN + ".", {"a": view(data)})[5]
    assert (weaker.status, weaker.cause, weaker.fix) == ("wrong", "value-differs", "value-differs-dmarc")


def test_zone_appended_value_only_when_it_is_exactly_the_zone():
    data = clean()
    data[DKIM1]["CNAME"] = ["tok1aaaa.dkim.amazonses.com.example.test."]
    assert outcome(data)[0] == ("wrong", "value-has-zone-appended")
    data[DKIM1]["CNAME"] = ["tok1aaaa.dkim.amazonses.com.other.test."]
    assert outcome(data)[0] == ("wrong", "value-differs")


def test_zone_is_the_parent_when_the_identity_is_below_it():
    """A panel for example.net appends example.net, even to a name of shop.example.net."""
    identity = model.identity(saved_identity("shop.example.net"), "shop.example.net",
                              model.options(region="us-east-1", zone="example.net"), "test")
    doubled = "tok1aaaa._domainkey.shop.example.net.example.net."
    assert (doubled, "CNAME") in compare.diagnostic_questions(list(identity.records), "example.net.")
    data = view({doubled: {"CNAME": ["tok1aaaa.dkim.amazonses.com."]}})
    finding = compare.compare(list(identity.records), "example.net.", {"a": data})[0]
    assert (finding.status, finding.cause) == ("missing", "name-has-zone-appended")
    assert compare.host(finding.record, "example.net.") == "tok1aaaa._domainkey.shop"


def test_servers_disagree_only_when_their_findings_differ():
    late = clean()
    late[DKIM1] = {}
    assert outcome(clean(), b=clean()) == [OK] * 6
    result = compare.compare(records(), DOMAIN + ".", {"a": view(clean()), "b": view(late)})
    assert (result[0].status, result[0].cause) == ("wrong", "servers-disagree")
    assert result[0].detail["per_server"] == [("a", "ok", None), ("b", "missing", None)]
    assert result[0].found == {"a": ("tok1aaaa.dkim.amazonses.com.",), "b": ()}
    assert [(f.status, f.cause) for f in result[1:]] == [OK] * 5


TXT_TEXT = st.text(alphabet=st.characters(min_codepoint=0x21, max_codepoint=0x7E, blacklist_characters='"'),
                   min_size=1, max_size=600)


@settings(max_examples=examples(200), deadline=None)
@given(TXT_TEXT, st.lists(st.integers(min_value=1, max_value=255), min_size=1, max_size=5))
def test_txt_compares_its_joined_strings_however_split(value, cuts):
    """A 2048-bit BYODKIM key is split into 255-byte strings; any split of the same text is the same value."""
    record = model.Record(DOMAIN + ".", f"sel._domainkey.{DOMAIN}.", "TXT", 300, value, "dkim")
    pieces, rest = [], value
    for cut in cuts:
        if rest:
            pieces.append(rest[:cut])
            rest = rest[cut:]
    while rest:
        pieces.append(rest[:255])
        rest = rest[255:]
    split = " ".join('"' + p.replace("\\", "\\\\") + '"' for p in pieces)
    published = view({record.name: {"TXT": [split]}})
    assert compare.compare_one(record, DOMAIN + ".", published).status == "ok"
    quoted = view({record.name: {"TXT": ['"\\"' + value[:250].replace("\\", "\\\\") + '\\""']}})
    assert compare.compare_one(model.Record(record.identity, record.name, "TXT", 300, value[:250], "dkim"),
                             DOMAIN + ".", quoted).cause == "extra-quotes"


@pytest.mark.parametrize("value", ["v=spf1 include:amazonses.com ~all", "p=" + "A" * 400])
def test_expected_rdata_round_trips(value):
    record = model.Record(DOMAIN + ".", MAIL, "TXT", 300, value, "mail-from-spf")
    assert compare.txt_text(compare.expected_rdata(record)) == value
