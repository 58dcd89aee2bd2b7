"""SPF and DMARC read as receivers read them, and the records found where they do not belong
(in-process answers; test_check_named_rules.py proves the same against a real named)."""

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_check import DKIM1, DMARC, DOMAIN, MAIL, clean, records, view

from exporter import model
from exporter.dnscheck import compare, dmarc, spf

from check_zones import saved_identity
from conftest import examples

SES = "include:amazonses.com"


# --- SPF -----------------------------------------------------------------------------------

@pytest.mark.parametrize("text", [
    "v=spf1 include:amazonses.com ~all",
    "v=spf1 include:amazonses.com -all",
    "v=spf1 include:amazonses.com ?all",
    "v=spf1 +include:amazonses.com",
    "v=spf1 include:_spf.google.com include:amazonses.com -all",
    "V=SPF1 ip4:192.0.2.0/24 a mx/24 INCLUDE:AmazonSES.com. exp=explain.example.test ~all",
    "v=spf1 include:amazonses.com redirect=_spf.example.test",
])
def test_spf_that_authorizes_ses(text):
    assert spf.judge(text).ok, spf.judge(text)


@pytest.mark.parametrize("text, cause", [
    ("v=spf1 include:_spf.google.com -all", "spf-lacks-include"),
    ("v=spf1 -include:amazonses.com ~all", "spf-lacks-include"),
    ("v=spf1 include:amazonses.co ~all", "spf-lacks-include"),
    ("v=spf1 -all include:amazonses.com", "spf-include-after-all"),
    ("v=spf1 include:amazonses.com ~all redirect=_spf.example.test", "spf-redirect-ignored"),
    ("v=spf1 include:amazonses.com ~all redirect=a.test redirect=b.test", "spf-syntax"),
    ("v=spf1 include:amazonses.com inclde:x.test ~all", "spf-syntax"),
    ("v=spf1 include: ~all", "spf-syntax"),
    ("v=spf1 " + " ".join(f"include:s{i}.test" for i in range(10)) + " include:amazonses.com ~all",
     "spf-too-many-lookups"),
])
def test_spf_mistakes_seen_offline(text, cause):
    assert spf.judge(text).cause == cause


SELF_CONTAINED = [
    "v=spf1 include:amazonses.com ~all", "v=spf1 include:amazonses.com -all", "v=spf1 +include:amazonses.com",
    "v=spf1 -include:amazonses.com ~all", "v=spf1 ?include:AmazonSES.com. ip4:192.0.2.1 ptr ?all",
    "v=spf1 include:amazonses.com +all", "v=spf1 all", "v=spf1 -all include:amazonses.com",
    "v=spf1 ip6:2001:db8::1 exp=explain.example.test include:amazonses.com", "v=spf1 ptr:x.test",
    "v=spf1 include:amazonses.com ~all exp=a.test exp=b.test", "v=spf1 " + " ".join(["ptr"] * 10) + " -all",
    "v=spf1 " + " ".join(["ptr"] * 11) + " include:amazonses.com -all",
]
NEEDS_DNS = [
    "v=spf1 include:_spf.google.com include:amazonses.com -all", "v=spf1 a include:amazonses.com ~all",
    "v=spf1 mx:x.test include:amazonses.com", "v=spf1 exists:%{i}.x.test include:amazonses.com ~all",
    "v=spf1 include:%{d}.x.test ~all", "v=spf1 redirect=_spf.example.test", "v=spf1 include:amazonses.co ~all",
    "v=spf1 inclde:x.test ~all",
]


@pytest.mark.parametrize("text", SELF_CONTAINED + NEEDS_DNS)
def test_a_record_that_asks_dns_nothing_is_judged_once_as_the_walk_judges_it(text, monkeypatch):
    """spf._self_contained: the verdict kept for the text is the walk's, and the walk asks nothing."""
    asked = []

    def lookup(name, rdtype="TXT"):
        asked.append((name, rdtype))
        return name  # not answered yet

    fast = spf.judge(text, lookup, lookup, "mail.example.test.")
    assert spf._self_contained(text) == (text in SELF_CONTAINED)
    assert spf.unread_questions(text, lookup, lookup, "mail.example.test.") == [] or text in NEEDS_DNS
    monkeypatch.setattr(spf, "_self_contained", lambda _: False)
    asked.clear()
    walked = spf.judge(text, lookup, lookup, "mail.example.test.")
    assert walked == fast
    assert spf.unread_questions(text, lookup, lookup, "mail.example.test.") == [] or text in NEEDS_DNS
    if text in SELF_CONTAINED:
        assert asked == []


def test_lookups_are_counted_at_least():
    text = "v=spf1 a mx ptr exists:%{i}.x.test " + " ".join(f"include:s{i}.test" for i in range(6)) + \
           " include:amazonses.com redirect=r.test"
    assert spf.judge(text).detail == {"count": "12"}  # 4 + 6 + SES + redirect; nested includes not followed
    assert spf.judge("v=spf1 ip4:192.0.2.1 ip6:2001:db8::1 " + " ".join(f"a:h{i}.test" for i in range(9)) +
                     " include:amazonses.com -all").ok  # exactly 10


def test_the_fix_keeps_the_other_senders():
    assert spf.with_ses_include("v=spf1 include:_spf.google.com -all") == \
        "v=spf1 include:_spf.google.com include:amazonses.com -all"
    assert spf.with_ses_include("v=spf1 mx redirect=_spf.x.test") == "v=spf1 mx include:amazonses.com redirect=_spf.x.test"
    assert spf.with_ses_include("v=spf1 -all include:amazonses.com") == "v=spf1 include:amazonses.com -all"
    assert spf.with_ses_include("v=spf1") == "v=spf1 include:amazonses.com"


MECHANISM = st.sampled_from(["mx", "a", "ip4:192.0.2.1", "include:_spf.google.com", "include:mail.zendesk.com",
                             "ip6:2001:db8::/32", "exists:%{i}.spf.test", "a:mail.test/24"])


@settings(max_examples=examples(200), deadline=None)
@given(st.lists(MECHANISM, max_size=8), st.sampled_from(["", " -all", " ~all", " ?all", " +all"]))
def test_adding_ses_to_any_record_authorizes_it_and_keeps_every_term(mechanisms, final):
    text = "v=spf1 " + " ".join(mechanisms) + final
    fixed = spf.with_ses_include(text)
    # +all stays +all in this fix (only the include is added), and is a finding of its own
    assert spf.judge(fixed).cause in (None, "spf-too-many-lookups", "spf-pass-all" if final == " +all" else None)
    assert [w for w in fixed.split() if w != SES] == text.split()


def test_two_spf_records_merge_into_one_that_keeps_both():
    assert compare.merged_spf(["v=spf1 include:amazonses.com ~all", "v=spf1 include:_spf.google.com -all"]) == \
        "v=spf1 include:amazonses.com include:_spf.google.com -all"  # the strictest all of the two
    assert compare.merged_spf(["v=spf1 mx -all", "v=spf1 include:_spf.google.com ~all"]) == \
        "v=spf1 mx include:_spf.google.com include:amazonses.com -all"
    # a redirect= would be lost in a merge: its senders are kept as an include
    assert compare.merged_spf(["v=spf1 redirect=_spf.example.test", "v=spf1 include:amazonses.com ~all"]) == \
        "v=spf1 include:_spf.example.test include:amazonses.com ~all"


def test_merged_spf_at_the_mail_from_name_is_ok():
    data = clean()
    data[MAIL]["TXT"] = ['"v=spf1 include:_spf.google.com include:amazonses.com -all"', '"site-verification=1"']
    finding = compare.compare(records(), DOMAIN + ".", {"a": view(data)})[4]
    assert (finding.status, finding.cause, finding.note) == ("ok", None, "spf-merged")
    assert finding.values == ("v=spf1 include:_spf.google.com include:amazonses.com -all",)


def test_one_spf_without_ses_says_add_the_include():
    data = clean()
    data[MAIL]["TXT"] = ['"v=spf1 include:_spf.google.com -all"']
    data["_spf.google.com."] = {"TXT": ['"v=spf1 ip4:192.0.2.0/24 ~all"']}  # read, and without SES
    finding = compare.compare(records(), DOMAIN + ".", {"a": view(data)})[4]
    assert (finding.status, finding.cause) == ("wrong", "spf-lacks-include")
    assert finding.detail["suggested"] == "v=spf1 include:_spf.google.com include:amazonses.com -all"


def test_an_include_not_read_is_not_said_to_lack_ses():
    """No server answered for the included name: the check cannot know, and says so."""
    data = clean()
    data[MAIL]["TXT"] = ['"v=spf1 include:_spf.example.org -all"']
    finding = compare.compare(records(), DOMAIN + ".", {"a": view(data)})[4]
    assert (finding.status, finding.cause, finding.fix) == ("wrong", "spf-unconfirmed", "spf-unconfirmed-unread")
    assert finding.detail["target"] == "_spf.example.org."
    assert compare.follow_questions(records(), DOMAIN + ".", {"a": view(data)}) == [("_spf.example.org.", "TXT")]


def spf_finding(at_mail: str, **others: list[str] | str):
    """The SPF finding when the MAIL FROM name holds `at_mail` and each name of `others` its TXT
    texts (a list, answered even when empty) or "CNAME target."."""
    data = clean()
    data[MAIL]["TXT"] = [f'"{at_mail}"']
    for name, held in others.items():
        data[name] = {"CNAME": [held.split()[1]]} if isinstance(held, str) else {"TXT": [f'"{t}"' for t in held]}
    views = {"a": view(data)}
    assert compare.follow_questions(records(), DOMAIN + ".", views) == []  # everything it needs is there
    return compare.compare(records(), DOMAIN + ".", views)[4]


def test_ses_authorized_through_includes_and_redirects_is_met():
    finding = spf_finding("v=spf1 include:_spf.example.test -all",
                          **{"_spf.example.test.": ["v=spf1 ip4:192.0.2.1 redirect=_ses.example.org"],
                             "_ses.example.org.": ["v=spf1 include:amazonses.com ~all"]})
    assert (finding.status, finding.note) == ("ok", "spf-through")
    assert finding.detail["via"] == "include:_spf.example.test → redirect=_ses.example.org"
    # a CNAME at the included name is followed, as resolvers follow it
    finding = spf_finding("v=spf1 redirect=_spf.example.test",
                          **{"_spf.example.test.": "CNAME spf.provider.test.",
                             "spf.provider.test.": ["v=spf1 include:amazonses.com -all"]})
    assert (finding.status, finding.note) == ("ok", "spf-through")


def test_an_include_evaluated_before_ses_that_permerrors_fails_ses_mail():
    no_record = spf_finding("v=spf1 include:gone.example.test include:amazonses.com ~all",
                            **{"gone.example.test.": []})
    assert (no_record.status, no_record.cause, no_record.fix) == ("wrong", "spf-include-permerror",
                                                                  "spf-include-no-record")
    two = spf_finding("v=spf1 include:two.example.test ~all",
                      **{"two.example.test.": ["v=spf1 -all", "v=spf1 ~all"]})
    assert (two.cause, two.fix, two.detail["count"]) == ("spf-include-permerror", "spf-include-several", "2")
    unreadable = spf_finding("v=spf1 redirect=bad.example.test", **{"bad.example.test.": ["v=spf1 ipv4:1.2.3.4 -all"]})
    assert (unreadable.fix, unreadable.detail["bad"]) == ("spf-include-syntax", "ipv4:1.2.3.4")
    # after the SES include it is never evaluated for SES's mail
    assert spf_finding("v=spf1 include:amazonses.com include:gone.example.test ~all",
                       **{"gone.example.test.": []}).status == "ok"


def test_lookups_of_included_records_count_towards_ten():
    data = clean()
    at_mail = "v=spf1 " + " ".join(f"include:n{i}.example.test" for i in range(3)) + " include:amazonses.com ~all"
    data[MAIL]["TXT"] = [f'"{at_mail}"']
    for i in range(3):  # each a and mx finds something: no void look-up
        data[f"n{i}.example.test."] = {"TXT": ['"v=spf1 a mx ptr -all"'], "A": ["192.0.2.1"], "MX": ["10 mx.test."]}
    views = {"a": view(data)}
    assert compare.follow_questions(records(), DOMAIN + ".", views) == []
    finding = compare.compare(records(), DOMAIN + ".", views)[4]  # the 11th look-up is n2's mx, before SES
    assert (finding.status, finding.cause, finding.detail["count"]) == ("wrong", "spf-too-many-lookups", "11")


def test_a_pass_all_through_an_include_is_wrong():
    finding = spf_finding("v=spf1 include:open.example.test -all", **{"open.example.test.": ["v=spf1 +all"]})
    assert (finding.status, finding.cause, finding.fix) == ("wrong", "spf-pass-all", "spf-pass-all-through")
    assert finding.detail == {"via": "include:open.example.test → +all", "term": "include:open.example.test"}
    assert spf_finding("v=spf1 ?include:open.example.test -all", **{"open.example.test.": ["v=spf1 +all"]}).cause \
        == "spf-lacks-include"  # matched, but neutral: not a pass
    # after SES too: SES's mail passes at the first include, everyone else's at the second
    after = spf_finding("v=spf1 include:amazonses.com include:open.example.test -all",
                        **{"open.example.test.": ["v=spf1 redirect=_all.example.test"], "_all.example.test.": ["v=spf1 all"]})
    assert (after.cause, after.detail["via"]) == ("spf-pass-all", "include:open.example.test → redirect=_all.example.test → +all")


@pytest.mark.parametrize("text, suggested", [
    ("v=spf1 include:amazonses.com +all", "v=spf1 include:amazonses.com ~all"),
    ("v=spf1 include:amazonses.com all", "v=spf1 include:amazonses.com ~all"),
    ("v=spf1 mx +all", "v=spf1 mx include:amazonses.com ~all"),
    ("v=spf1 include:amazonses.com +all redirect=_spf.example.test", "v=spf1 include:amazonses.com ~all"),
])
def test_a_record_that_passes_everyone_is_wrong_with_a_fix_that_ends_in_softfail(text, suggested):
    verdict = spf.judge(text)
    assert (verdict.cause, verdict.detail["suggested"]) == ("spf-pass-all", suggested)
    finding = spf_finding(text)
    assert (finding.status, finding.cause, finding.fix) == ("wrong", "spf-pass-all", "spf-pass-all")
    assert spf.judge(suggested).ok


def test_a_macro_include_before_ses_is_unconfirmed():
    finding = spf_finding("v=spf1 include:%{d}._spf.example.org include:amazonses.com ~all")
    assert (finding.status, finding.cause, finding.fix) == ("wrong", "spf-unconfirmed", "spf-unconfirmed-before-macro")
    assert finding.detail["suggested"] == "v=spf1 include:amazonses.com include:%{d}._spf.example.org ~all"
    assert spf_finding(finding.detail["suggested"]).status == "ok"  # after SES: never evaluated for SES's mail


def void_finding(at_mail: str, **held: dict):
    data = clean()
    data[MAIL]["TXT"] = [f'"{at_mail}"']
    for name, types in held.items():
        data.setdefault(name, {}).update(types)
    views = {"a": view(data)}
    return compare.follow_questions(records(), DOMAIN + ".", views), compare.compare(records(), DOMAIN + ".", views)[4]


def test_more_than_two_void_lookups_before_ses_are_a_permerror():
    text = "v=spf1 a:gone1.example.test mx:gone2.example.test a include:amazonses.com -all"
    asked, finding = void_finding(text)
    assert set(asked) == {("gone1.example.test.", "A"), ("gone2.example.test.", "MX"), (MAIL, "A")}
    assert finding.status == "ok"  # not known yet: never a permerror claimed on names not asked
    nothing = {"gone1.example.test.": {"A": []}, "gone2.example.test.": {"MX": []}}
    asked, finding = void_finding(text, **nothing)  # the MAIL FROM name has its MX, but no A
    assert asked == [(MAIL, "A")]
    data = clean()
    data[MAIL]["TXT"] = [f'"{text}"']
    data.update({name: {t: [] for t in types} for name, types in nothing.items()})
    data[MAIL]["A"] = []
    finding = compare.compare(records(), DOMAIN + ".", {"a": view(data)})[4]
    assert (finding.status, finding.cause, finding.detail["count"]) == ("wrong", "spf-void-lookups", "3")
    assert finding.detail["terms"] == "a:gone1.example.test, mx:gone2.example.test, a"
    data[MAIL]["A"] = ["192.0.2.1"]  # two void look-ups are allowed
    assert compare.compare(records(), DOMAIN + ".", {"a": view(data)})[4].status == "ok"
    data[MAIL]["TXT"] = ['"v=spf1 include:amazonses.com a:gone1.example.test mx:gone2.example.test a -all"']
    assert compare.compare(records(), DOMAIN + ".", {"a": view(data)})[4].status == "ok"  # after SES: not evaluated


def test_a_redirect_beside_all_is_dropped_in_the_fix():
    verdict = spf.judge("v=spf1 include:amazonses.com ~all redirect=_spf.example.test")
    assert (verdict.cause, verdict.detail["suggested"]) == ("spf-redirect-ignored", "v=spf1 include:amazonses.com ~all")
    without_ses = spf.judge("v=spf1 mx redirect=_spf.example.test -all")
    assert (without_ses.cause, without_ses.detail["suggested"]) == ("spf-redirect-ignored",
                                                                    "v=spf1 mx include:amazonses.com -all")


def test_two_spf_records_are_a_conflict_with_a_merged_suggestion():
    data = clean()
    data[MAIL]["TXT"] = ['"v=spf1 include:amazonses.com ~all"', '"v=spf1 include:_spf.google.com ~all"']
    finding = compare.compare(records(), DOMAIN + ".", {"a": view(data)})[4]
    assert (finding.status, finding.cause, finding.fix) == ("wrong", "conflict", "conflict-spf")
    assert finding.detail["suggested"] == "v=spf1 include:_spf.google.com include:amazonses.com ~all"


# --- DMARC ---------------------------------------------------------------------------------

@pytest.mark.parametrize("text, problem, policy, sub", [
    ("v=DMARC1; p=none;", None, "none", "none"),
    ("v=DMARC1;p=reject;sp=quarantine", None, "reject", "quarantine"),
    ("v=DMARC1; p=Reject", None, "reject", "reject"),
    ("p=reject; v=DMARC1", "dmarc-v-not-first", None, None),
    ("v=dmarc1; p=reject", "dmarc-v-not-first", None, None),  # RFC 7489 6.4: DMARC1 exactly
    ("V = DMARC1 ; P = quarantine", None, "quarantine", "quarantine"),  # but "v", "p" in any case, spaces
    ("v=DMARC1; rua=mailto:d@x.test", "dmarc-p-missing", "none", "none"),  # 6.6.3 step 6: rua rescues as none
    ("v=DMARC1; p=rejected", "dmarc-p-invalid", None, None),
    ("v=DMARC1; p=reject; sp=all", "dmarc-sp-invalid", None, None),
])
def test_dmarc_lint(text, problem, policy, sub):
    read = dmarc.read(text)
    assert (read.problem, read.policy, read.subdomain_policy) == (problem, policy, sub)


def subdomain_records(**kwargs):
    """shop.example.co.uk's records, with the DMARC record asked for (none by default below the
    organisational domain: its policy applies)."""
    domain = "shop.example.co.uk"
    options = model.options(region="us-east-1", **{"dmarc": "v=DMARC1; p=none;", **kwargs})
    identity = model.identity(saved_identity(domain), domain, options, "test")
    return list(identity.records)


def subdomain_view(org_txt=None, own_txt=None):
    data = {}
    for record in subdomain_records():
        data.setdefault(record.name, {}).setdefault(record.type, []).append(
            compare.expected_rdata(record).to_text())
    del data["_dmarc.shop.example.co.uk."]
    if own_txt:
        data["_dmarc.shop.example.co.uk."] = {"TXT": own_txt}
    if org_txt is not None:
        data["_dmarc.example.co.uk."] = {"TXT": org_txt}
    return view(data)


def dmarc_finding(found_view, **kwargs):
    return compare.compare(subdomain_records(**kwargs), "example.co.uk.", {"a": found_view})[5]


def test_the_organisational_domain_is_asked_by_the_public_suffix_list():
    asked = compare.questions(subdomain_records(), "example.co.uk.")
    assert ("_dmarc.example.co.uk.", "TXT") in asked and ("_dmarc.co.uk.", "TXT") not in asked
    at_org = {name for name, _ in compare.questions(records(), DOMAIN + ".") if name.startswith("_dmarc.")}
    assert at_org == {DMARC}  # an identity at its organisational domain: nothing to inherit


def test_inherited_reject_policy_meets_the_requirement():
    finding = dmarc_finding(subdomain_view(['"v=DMARC1; p=reject; sp=reject"']))
    assert (finding.status, finding.cause, finding.fix, finding.note) == ("ok", None, None, "dmarc-inherited")
    assert finding.detail == {"org": "_dmarc.example.co.uk.", "policy": "reject", "tag": "sp", "pct": "100"}


def test_inherited_policy_is_sp_when_given():
    finding = dmarc_finding(subdomain_view(['"v=DMARC1; p=reject; sp=none"']), dmarc="v=DMARC1; p=quarantine;")
    assert (finding.status, finding.cause) == ("missing", "dmarc-inherited-weaker")
    assert finding.detail["policy"] == "none"


def test_two_records_at_the_organisational_domain_apply_none():
    finding = dmarc_finding(subdomain_view(['"v=DMARC1; p=reject"', '"v=DMARC1; p=none"']))
    assert (finding.status, finding.cause, finding.fix) == ("missing", "conflict", "conflict-dmarc-org")


def test_neither_record_suggests_one_at_the_identitys_own_name():
    """--dmarc asks for the identity's own record: it goes there, never on the whole organisation."""
    finding = dmarc_finding(subdomain_view([]))
    assert (finding.status, finding.cause, finding.fix) == ("missing", None, "dmarc-missing")
    assert finding.detail["dmarc_at"] == "_dmarc.shop.example.co.uk." and finding.detail["dmarc_host"] == "_dmarc.shop"


def test_an_organisation_nobody_answered_for_is_could_not_tell():
    finding = dmarc_finding(subdomain_view())  # _dmarc.example.co.uk. not answered
    assert (finding.status, finding.cause, finding.fix) == ("missing", "dmarc-org-unknown", "dmarc-org-unknown")
    assert finding.detail["target"] == "_dmarc.example.co.uk."


def test_own_record_weaker_than_the_organisations_is_a_finding():
    finding = dmarc_finding(subdomain_view(['"v=DMARC1; p=reject"'], ['"v=DMARC1; p=none; rua=mailto:d@example.test"']))
    assert (finding.status, finding.cause) == ("wrong", "dmarc-weaker-than-organisation")
    assert finding.detail == {"policy": "none", "org": "_dmarc.example.co.uk.", "org_policy": "reject", "tag": "p",
                              "suggested": "v=DMARC1; p=reject; rua=mailto:d@example.test"}
    # sp= is what the organisation applies to its subdomains
    assert dmarc_finding(subdomain_view(['"v=DMARC1; p=reject; sp=quarantine"'], ['"v=DMARC1; p=quarantine"'])).status \
        == "ok"
    weaker = dmarc_finding(subdomain_view(['"v=DMARC1; p=none; sp=quarantine"'], ['"v=DMARC1; p=none"']))
    assert (weaker.cause, weaker.detail["tag"], weaker.detail["org_policy"]) == \
        ("dmarc-weaker-than-organisation", "sp", "quarantine")


def test_own_record_as_strong_as_the_organisations_wins():
    finding = dmarc_finding(subdomain_view(['"v=DMARC1; p=none"'], ['"v=DMARC1; p=reject"']))
    assert (finding.status, finding.note) == ("ok", "dmarc-in-force")
    assert dmarc_finding(subdomain_view(['"v=DMARC1; p=none"'], ['"v=DMARC1; p=none;"'])).note is None


@pytest.mark.parametrize("published, suggested", [
    ('"p=reject; v=DMARC1"', "v=DMARC1; p=reject;"),  # what was meant, not --dmarc's p=none
    ('"v=dmarc1; p=quarantine; rua=mailto:d@example.test"', "v=DMARC1; p=quarantine; rua=mailto:d@example.test;"),
    ('"\\"v=DMARC1; p=reject\\""', "v=DMARC1; p=reject"),  # typed quotes: the inside, as typed
    ('"p=none; v=DMARC1"', "v=DMARC1; p=none;"),
])
def test_a_dmarc_record_receivers_discard_gets_the_policy_it_meant(published, suggested):
    data = clean()
    data[DMARC]["TXT"] = [published]
    finding = compare.compare(records(), DOMAIN + ".", {"a": view(data)})[5]
    assert finding.status == "wrong" and finding.detail["value"] == suggested


def test_dmarc_fixes_never_suggest_a_policy_weaker_than_the_organisations():
    """--dmarc p=none under an organisation with sp=quarantine: an invalid record of its own gets a
    suggestion at least as strict as the organisation's."""
    finding = dmarc_finding(subdomain_view(['"v=DMARC1; p=reject; sp=quarantine"'], ['"p=none; v=DMARC1"']))
    assert (finding.cause, finding.fix, finding.detail["value"]) == ("dmarc-invalid", "dmarc-v-not-first",
                                                                     "v=DMARC1; p=quarantine;")


def test_own_conflict_names_the_strongest_policy_never_a_weaker_one():
    data = clean()
    data[DMARC]["TXT"] = ['"v=DMARC1; p=none;"', '"v=DMARC1; p=reject;"']
    finding = compare.compare(records(), DOMAIN + ".", {"a": view(data)})[5]
    assert (finding.cause, finding.detail["policy"]) == ("conflict", "reject")


@pytest.mark.parametrize("text, fix", [('"p=none; v=DMARC1"', "dmarc-v-not-first"),
                                       ('"v=DMARC1; p=nothing"', "dmarc-p-invalid"),
                                       ('"v=DMARC1; pct=50"', "dmarc-p-missing")])
def test_invalid_own_dmarc_is_wrong(text, fix):
    data = clean()
    data[DMARC]["TXT"] = [text]
    finding = compare.compare(records(), DOMAIN + ".", {"a": view(data)})[5]
    assert (finding.status, finding.cause, finding.fix) == ("wrong", "dmarc-invalid", fix)


# --- misplaced records ---------------------------------------------------------------------

def test_ses_mx_at_the_apex_is_a_finding_of_its_own():
    data = clean()
    data[DOMAIN + "."] = {"MX": ["10 feedback-smtp.us-east-1.amazonses.com."]}
    del data[MAIL]["MX"]
    found = compare.compare(records(), DOMAIN + ".", {"a": view(data)})
    assert (found[3].status, found[3].cause, found[3].fix) == ("missing", "misplaced", "misplaced-mail-from-mx")
    assert found[3].detail["found_at"] == DOMAIN + "."
    apex = found[6]
    assert (apex.name, apex.type, apex.status, apex.cause, apex.fix) == \
        (DOMAIN + ".", "MX", "wrong", "misplaced", "delete-ses-mx")
    assert apex.found == {"a": ("10 feedback-smtp.us-east-1.amazonses.com.",)}


def test_an_ordinary_apex_mx_is_no_finding():
    data = clean()
    data[DOMAIN + "."] = {"MX": ["10 mx.example.test."]}
    assert len(compare.compare(records(), DOMAIN + ".", {"a": view(data)})) == 6


def test_dkim_without_domainkey():
    data = clean()
    del data[DKIM1]
    data[f"tok1aaaa.{DOMAIN}."] = {"CNAME": ["tok1aaaa.dkim.amazonses.com."]}
    found = compare.compare(records(), DOMAIN + ".", {"a": view(data)})
    assert (found[0].status, found[0].cause, found[0].detail["found_at"]) == ("missing", "misplaced", f"tok1aaaa.{DOMAIN}.")
    assert len(found) == 6  # one problem, one finding: its fix says to delete the record there


def test_dkim_one_label_too_high_for_a_subdomain_identity():
    identity = model.identity(saved_identity("news.example.test"), "news.example.test",
                              model.options(region="us-east-1"), "test")
    required = compare.requirements(identity)
    high = "tok1aaaa._domainkey.example.test."
    assert (high, "CNAME") in compare.diagnostic_questions(required, "example.test.")
    assert (high, "CNAME") not in compare.diagnostic_questions(list(records()), DOMAIN + ".")  # above the zone
    data = {high: {"CNAME": ["tok1aaaa.dkim.amazonses.com."]}}
    found = compare.compare(required, "example.test.", {"a": view(data)})
    assert (found[0].status, found[0].cause, found[0].fix) == ("missing", "subdomain-dropped", "subdomain-dropped")
    assert found[0].detail == {"found_at": high, "parent": "example.test", "domain": "news.example.test"}
    assert len(found) == len(required)  # no "delete it": the parent domain may use a record there


@pytest.mark.parametrize("published", [
    "p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtest",
    "v=DKIM1; k=rsa; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtest",
    "v=DKIM1;k=rsa;p=MIIBIjANBgkqhkiG9w0BAQEF AAOCAQ8AMIIBCgKCAQEAtest;",
    "k=RSA; p = MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8A\tMIIBCgKCAQEAtest",
])
def test_byodkim_keys_compare_as_dkim_tag_lists(published):
    wanted = "p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtest"
    assert compare.same_dkim_key(published, wanted)


@pytest.mark.parametrize("published", [
    "p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAother",
    "v=DKIM1; k=ed25519; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtest",
    "k=rsa; v=DKIM1; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtest",  # v= not first: invalid
    "v=DKIM1; p=",  # a revoked key
    "p=MIIB; p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtest",  # a repeated tag: invalid
])
def test_byodkim_keys_that_differ(published):
    assert not compare.same_dkim_key(published, "p=MIIBIjANBgkqhkiG9w0BAQEFAAOCAQ8AMIIBCgKCAQEAtest")


def answered(data: dict, asked: set) -> dict:
    """What a server holding `data` answers to the questions `asked`: the type asked, or the name's CNAME
    when it holds none of that type (RFC 1034 4.3.2), as FakeDns and named answer."""
    out: dict = {}
    for name, types in data.items():
        kept = {t: v for t, v in types.items() if (name, t) in asked}
        if "CNAME" in types and any(n == name and t not in types for n, t in asked):
            kept["CNAME"] = types["CNAME"]
        if kept:
            out[name] = kept
    return out


def first_phase(data: dict) -> dict:
    """The answers of the first phase: the first questions, then what they lead to (a CNAME at a DKIM
    name the TXT answer did not show), as run.Checker asks them."""
    asked = set(compare.questions(records(), APEX))
    while True:
        got = answered(data, asked)
        more = set(compare.follow_questions(records(), APEX, {"a": view(got)})) - asked
        if not more:
            return got
        asked |= more


def test_phase_one_answers_alone_claim_no_diagnostic_cause():
    """Names not asked are unknown: the verdicts hold, and no diagnostic cause is invented."""
    data = clean()
    del data[DKIM1]
    data[f"tok1aaaa.{DOMAIN}."] = {"CNAME": ["tok1aaaa.dkim.amazonses.com."]}
    phase_one = first_phase(data)
    first = compare.compare(records(), DOMAIN + ".", {"a": view(phase_one)})
    both = compare.compare(records(), DOMAIN + ".", {"a": view(data)})
    assert [f.status for f in first] == [f.status for f in both[:6]]
    assert (first[0].status, first[0].cause) == ("missing", None) and len(first) == 6


def test_a_known_mistake_on_one_server_is_said_for_that_server():
    late = clean()
    late[DKIM1]["CNAME"] = ["tok1aaaa.dkim.amazonses.com.example.test."]
    finding = compare.compare(records(), DOMAIN + ".", {"a": view(clean()), "b": view(late)})[0]
    assert (finding.status, finding.cause) == ("wrong", "value-has-zone-appended")
    assert finding.detail["only_on"] == ["b"]
    assert finding.found == {"a": ("tok1aaaa.dkim.amazonses.com.",), "b": ("tok1aaaa.dkim.amazonses.com.example.test.",)}


APEX = DOMAIN + "."
FAULTS = {
    "dkim-appended": lambda d: d.setdefault(DKIM1, {}).update(CNAME=["tok1aaaa.dkim.amazonses.com.example.test."]),
    "dkim-doubled": lambda d: (d.pop(DKIM1, None), d.update({DKIM1 + APEX: {"CNAME": ["tok1aaaa.dkim.amazonses.com."]}})),
    "dkim-bare": lambda d: (d.pop(DKIM1, None), d.update({"tok1aaaa." + APEX: {"CNAME": ["tok1aaaa.dkim.amazonses.com."]}})),
    "dkim-txt": lambda d: d.update({DKIM1: {"TXT": ['"v=DKIM1; p=x"']}}),
    "mx-at-apex": lambda d: (d.setdefault(MAIL, {}).pop("MX", None),
                             d.setdefault(APEX, {}).update(MX=["10 feedback-smtp.us-east-1.amazonses.com."])),
    "spf-at-apex": lambda d: (d.setdefault(MAIL, {}).pop("TXT", None),
                              d.setdefault(APEX, {}).update(TXT=['"v=spf1 include:amazonses.com ~all"'])),
    "spf-merged": lambda d: d.setdefault(MAIL, {}).update(TXT=['"v=spf1 mx include:amazonses.com -all"']),
    "spf-two": lambda d: d.setdefault(MAIL, {}).update(TXT=['"v=spf1 mx -all"', '"v=spf1 include:amazonses.com ~all"']),
    "dmarc-dropped": lambda d: (d.pop(DMARC, None), d.update({"dmarc." + APEX: {"TXT": ['"v=DMARC1; p=none"']}})),
    "dmarc-doubled": lambda d: (d.pop(DMARC, None), d.update({DMARC + APEX: {"TXT": ['"v=DMARC1; p=none"']}})),
    "dmarc-reject": lambda d: d.update({DMARC: {"TXT": ['"v=DMARC1; p=reject"']}}),
    "dmarc-cname": lambda d: d.update({DMARC: {"CNAME": ["d.provider.example."]}}),
}


@settings(max_examples=examples(150), deadline=None)
@given(st.lists(st.sampled_from(sorted(FAULTS)), unique=True, max_size=5))
def test_first_phase_answers_alone_give_the_same_verdicts(faults):
    """The runner asks diagnostic questions only when a verdict is not ok: so the verdicts (status
    of every record, ok or not) must never depend on them, and a cause seen in the first phase stays."""
    data = clean()
    for fault in faults:
        FAULTS[fault](data)
    first = compare.compare(records(), APEX, {"a": view(first_phase(data))})
    both = compare.compare(records(), APEX, {"a": view(data)})
    assert [f.status for f in first[:6]] == [f.status for f in both[:6]]
    for one, two in zip(first[:6], both[:6]):
        assert one.cause is None or one.cause == two.cause, (one, two)
    assert {(f.name, f.type, f.cause) for f in first[6:]} <= {(f.name, f.type, f.cause) for f in both[6:]}
    everything_ok = all(f.status == "ok" for f in first)
    assert everything_ok == all(f.status == "ok" for f in both)  # no diagnostic can find a problem phase 1 missed


def test_spf_strings_are_joined_without_a_space_as_rfc_7208_says():
    """A panel that splits the value into two strings without the space changes the record."""
    data = clean()
    data[MAIL]["TXT"] = ['"v=spf1 include:amazonses.com" "~all"']
    finding = compare.compare(records(), DOMAIN + ".", {"a": view(data)})[4]
    assert finding.values == ("v=spf1 include:amazonses.com~all",)
    # "amazonses.com~all" is no domain-spec (RFC 7208 7.1): receivers return permerror, as pyspf does
    assert (finding.status, finding.cause, finding.detail) == ("wrong", "spf-syntax",
                                                               {"term": "include:amazonses.com~all"})
    data[MAIL]["TXT"] = ['"v=spf1 include:amazonses.com" " ~all"']
    assert compare.compare(records(), DOMAIN + ".", {"a": view(data)})[4].status == "ok"


def test_the_same_mistake_on_every_server_is_not_said_to_be_on_some():
    one, two = clean(), clean()
    one[MAIL]["TXT"] = ['"v=spf1 include:amazonses.com ~all"', '"v=spf1 mx -all"']
    two[MAIL]["TXT"] = ['"v=spf1 include:amazonses.com ~all"', '"v=spf1 a -all"']
    finding = compare.compare(records(), DOMAIN + ".", {"a": view(one), "b": view(two)})[4]
    assert (finding.cause, finding.detail.get("only_on")) == ("conflict", None)


# --- wildcards, servers out of sync, a MAIL FROM name shared by regions ---------------------

def test_a_wildcards_answer_is_never_a_record_to_delete():
    data = clean()
    del data[MAIL]  # *.example.test answers there: a CNAME, and a TXT at a DKIM name
    data[MAIL] = {"CNAME": ["elsewhere.example."], "MX": [], "TXT": []}
    first = compare.compare(records(), APEX, {"a": view(data)})
    assert (first[3].cause, first[3].fix) == ("wrong-type", "wrong-type-cname-here")  # "delete the CNAME"
    probe = compare.probe_name(MAIL)
    assert probe == f"{compare.WILDCARD_PROBE}.{APEX}"
    assert set(compare.wildcard_questions(first, {"a": view(data)})) == {(probe, "CNAME")}
    data[probe] = {"CNAME": ["elsewhere.example."]}
    found = compare.compare(records(), APEX, {"a": view(data)})
    for finding in found[3:5]:
        assert (finding.status, finding.cause, finding.fix) == ("missing", "wildcard", "wildcard")
        assert finding.detail == {"found_type": "CNAME", "parent": DOMAIN}
    data[probe] = {"CNAME": ["other.example."]}  # a sibling answers otherwise: the name's own CNAME
    assert compare.compare(records(), APEX, {"a": view(data)})[3].cause == "wrong-type"


def test_servers_that_disagree_with_the_same_serial_will_not_converge():
    one, two = clean(), clean()
    del two[DKIM1]
    found = compare.compare(records(), APEX, {"a": view(one), "b": view(two)})[0]
    assert found.cause == "servers-disagree"
    for data, serial in ((one, 7), (two, 7)):
        data[APEX] = {**data.get(APEX, {}), "SOA": [f"ns1.example.test. host.example.test. {serial} 3600 600 86400 300"]}
    found = compare.compare(records(), APEX, {"a": view(one), "b": view(two)})[0]
    assert (found.status, found.cause, found.fix) == ("wrong", "servers-out-of-sync", "servers-out-of-sync")
    assert found.detail == {"per_server": [("a", "ok", None), ("b", "missing", None)], "serial": 7}
    two[APEX]["SOA"] = ["ns1.example.test. host.example.test. 8 3600 600 86400 300"]  # a newer copy: on its way
    assert compare.compare(records(), APEX, {"a": view(one), "b": view(two)})[0].cause == "servers-disagree"


def test_one_mail_from_name_for_two_regions_is_one_finding_naming_both():
    east = model.identity(saved_identity(DOMAIN), DOMAIN, model.options(region="us-east-1"), "test")
    west = model.identity(saved_identity(DOMAIN), DOMAIN, model.options(region="eu-west-1"), "test")
    shared = compare.mail_from_regions([east, west])
    assert shared == {MAIL: ["eu-west-1", "us-east-1"]}
    for identity, region in ((east, "us-east-1"), (west, "eu-west-1")):
        found = compare.compare(list(identity.records), APEX, {"a": view(clean())}, shared)
        mx = [f for f in found if f.purpose == "mail-from-mx"]
        assert [(f.status, f.cause, f.fix) for f in mx] == [("wrong", "mail-from-shared", "mail-from-shared")]
        assert mx[0].detail == {"regions": "eu-west-1, us-east-1", "region": region, "domain": DOMAIN}
    assert compare.mail_from_regions([east, east]) == {}
