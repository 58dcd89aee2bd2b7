"""--check never blesses a weakening (issue 21, section 3), against a real `named`: an SPF record
that lets everyone pass, a macro or void look-ups before SES, a dead redirect=; an identity's own
DMARC weaker than its organisation's, fixes at the identity's own _dmarc name and never weaker
than the policy in force, an organisation _dmarc CNAME to nothing; BYODKIM keys compared as tag
lists; wildcards; servers out of sync under one SOA serial; a DKIM record one label too high; one
MAIL FROM name shared by two regions.

One named serves the zones below; a second serves another copy of one zone under the same serial.
Every JSON report is validated against docs/check.schema.json (check_schema.parsed).
"""

import pytest
from test_check_named_rules import subdomain_zone

from exporter import dkim_key, model
from exporter.dnscheck import ask, report, run

from check_schema import parsed
from check_zones import MX_HOST, SPF, TOKENS, saved_identity, write_identity, zone_text
from conftest import require_tool
from dns_servers import two_named
from identity_strategies import rsa_public_key_der

pytestmark = [pytest.mark.needs_named]

KEY = dkim_key.public_key_base64(rsa_public_key_der(1024, 3), "a 1024-bit test key")  # options() checks keys

ZONES = {
    "pass-all.test": zone_text("pass-all.test", spf=['mail TXT "v=spf1 include:amazonses.com +all"']),
    "spf-macro.test": zone_text("spf-macro.test", spf=[
        'mail TXT "v=spf1 include:%{d}._spf.spf-macro.test include:amazonses.com ~all"']),
    # three a/mx look-ups that find nothing (NXDOMAIN, and a name with no A) before SES
    "spf-void.test": zone_text("spf-void.test", spf=[
        'mail TXT "v=spf1 a:gone1.spf-void.test mx:gone2.spf-void.test a:txt-only.spf-void.test '
        'include:amazonses.com ~all"', 'txt-only TXT "not an address"']),
    "spf-void-two.test": zone_text("spf-void-two.test", spf=[
        'mail TXT "v=spf1 a:gone1.spf-void-two.test mx:gone2.spf-void-two.test a:host.spf-void-two.test '
        'include:amazonses.com ~all"', "host A 192.0.2.1"]),
    "redirect-all.test": zone_text("redirect-all.test", spf=[
        'mail TXT "v=spf1 include:amazonses.com ~all redirect=_spf.redirect-all.test"']),
    # the organisation enforces; the identity's own record switches it off for its name
    "org-enforces.test": subdomain_zone("org-enforces.test", "shop", '_dmarc TXT "v=DMARC1; p=reject; pct=100"',
                                        '_dmarc.shop TXT "v=DMARC1; p=none; rua=mailto:d@org-enforces.test"'),
    # the organisation enforces on subdomains by sp=, pct=50; the identity has no record of its own
    "org-sp.test": subdomain_zone("org-sp.test", "shop", '_dmarc TXT "v=DMARC1; p=none; sp=quarantine; pct=50"'),
    "org-none.test": subdomain_zone("org-none.test", "shop"),
    "org-cname-gone.test": subdomain_zone("org-cname-gone.test", "shop", "_dmarc CNAME nothing.org-cname-gone.test."),
    "byodkim.test": zone_text("byodkim.test", dkim1=[
        f'sel._domainkey TXT "v=DKIM1; k=rsa; " "p={KEY[:20]} {KEY[20:40]}" "{KEY[40:]}"'], dkim2=[], dkim3=[]),
    "byodkim-old.test": zone_text("byodkim-old.test", dkim1=['sel._domainkey TXT "v=DKIM1; k=rsa; p=MIIBoldkey"'],
                                  dkim2=[], dkim3=[]),
    # a wildcard answers where nothing is published: a CNAME at the MAIL FROM name, a TXT at a DKIM name
    "wild.test": zone_text("wild.test", mx=[], spf=["* CNAME elsewhere.example."],
                           dkim1=['*._domainkey TXT "v=DKIM1; p=MIIBold"']),
    # the DKIM records of news.one-up.test published one label too high
    "one-up.test": ("$ORIGIN one-up.test.\n$TTL 300\n@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\n"
                    "ns1 A 127.0.0.1\n"
                    + "".join(f"{tok}._domainkey CNAME {tok}.dkim.amazonses.com.\n" for tok in TOKENS)
                    + f"mail.news MX 10 {MX_HOST}\nmail.news TXT {SPF}\n"),
    "out-of-sync.test": zone_text("out-of-sync.test"),
    "two-regions.test": zone_text("two-regions.test"),
}
# the same serial, other records: a copy edited in place, or a secondary that missed a change
SECOND_COPY = {"out-of-sync.test": zone_text("out-of-sync.test", dkim3=[])}


@pytest.fixture(scope="module")
def named(tmp_path_factory):
    folders = (tmp_path_factory.mktemp("weak-1"), tmp_path_factory.mktemp("weak-2"))
    yield from two_named(require_tool("named"), folders, ZONES, SECOND_COPY)


def check(cli, tmp_path, domain, *servers, extra=(), fmt="json"):
    path = write_identity(tmp_path, domain)
    args = [domain, "--identity-file", path, "--region", "us-east-1", "--check", *extra]
    if fmt == "json":
        args += ["-f", "json"]
    for server in servers:
        args += ["--nameserver", server.address]
    return cli(*args)


def findings(result) -> list[dict]:
    return parsed(result.stdout)["identities"][0]["findings"]


def of(result, purpose: str) -> dict:
    (finding,) = [f for f in findings(result) if f["purpose"] == purpose]
    return finding


def not_ok(result) -> list[tuple]:
    return [(f["purpose"], f["status"], f["cause"]) for f in findings(result) if f["status"] != "ok"]


# --- SPF -----------------------------------------------------------------------------------

def test_pass_all_at_the_mail_from_name_is_wrong_and_never_hidden(cli, named, tmp_path):
    result = check(cli, tmp_path, "pass-all.test", named[0])
    assert result.exit_code == 1 and not_ok(result) == [("mail-from-spf", "wrong", "spf-pass-all")]
    spf = of(result, "mail-from-spf")
    assert spf["fix"] == ("The SPF record at mail.pass-all.test. ends in +all, which lets every sender on the internet "
                          "pass SPF for this name (and, with relaxed alignment, DMARC); end it in ~all instead: "
                          "v=spf1 include:amazonses.com ~all")
    only = check(cli, tmp_path, "pass-all.test", named[0], extra=("--only-problems",), fmt="table")
    assert only.exit_code == 1 and "spf-pass-all: The SPF record at mail.pass-all.test. ends in +all" in only.stdout
    japanese = check(cli, tmp_path, "pass-all.test", named[0], extra=("--lang", "ja"), fmt="table").stdout
    assert "SPF が全送信元を許可: mail.pass-all.test. の SPF レコードは +all で終わっており" in japanese
    assert "（SES リージョン us-east-1）を確認しました" in japanese


def test_a_macro_include_before_ses_is_unconfirmed(cli, named, tmp_path):
    result = check(cli, tmp_path, "spf-macro.test", named[0])
    assert not_ok(result) == [("mail-from-spf", "wrong", "spf-unconfirmed")]
    assert of(result, "mail-from-spf")["fix"].endswith(
        "put include:amazonses.com first: v=spf1 include:amazonses.com include:%{d}._spf.spf-macro.test ~all")


def test_three_void_lookups_before_ses_are_a_permerror(cli, named, tmp_path):
    result = check(cli, tmp_path, "spf-void.test", named[0])
    assert not_ok(result) == [("mail-from-spf", "wrong", "spf-void-lookups")]
    assert "makes 3 DNS look-ups that find nothing (a:gone1.spf-void.test, mx:gone2.spf-void.test, " \
           "a:txt-only.spf-void.test) before SES is reached" in of(result, "mail-from-spf")["fix"]
    two = check(cli, tmp_path, "spf-void-two.test", named[0])  # two are allowed
    assert two.exit_code == 0, two.stdout


def test_a_dead_redirect_is_dropped_by_the_fix(cli, named, tmp_path):
    spf = of(check(cli, tmp_path, "redirect-all.test", named[0]), "mail-from-spf")
    assert (spf["status"], spf["cause"]) == ("wrong", "spf-redirect-ignored")
    assert spf["fix"].endswith("remove it: v=spf1 include:amazonses.com ~all")


# --- DMARC ---------------------------------------------------------------------------------

def test_an_own_record_weaker_than_the_organisations_is_a_finding(cli, named, tmp_path):
    result = check(cli, tmp_path, "shop.org-enforces.test", named[0])
    assert result.exit_code == 1 and not_ok(result) == [("dmarc", "wrong", "dmarc-weaker-than-organisation")]
    dmarc = of(result, "dmarc")
    assert dmarc["fix"] == ("The DMARC record at _dmarc.shop.org-enforces.test. (p=none) replaces, for this domain, the "
                            "policy _dmarc.org-enforces.test. applies to it (p=reject), so it weakens it: delete it so "
                            "that the organisation's applies, or match it: "
                            "v=DMARC1; p=reject; rua=mailto:d@org-enforces.test")
    # The identity writes no DMARC record of its own: nothing is expected there (not the p=none placeholder).
    assert dmarc["expected"] == [] and dmarc["found"]


def test_an_inherited_policy_is_reported_with_its_tag_and_pct(cli, named, tmp_path):
    result = check(cli, tmp_path, "shop.org-sp.test", named[0])
    assert result.exit_code == 0, result.stdout
    assert of(result, "dmarc")["note"] == "met: inherited from _dmarc.org-sp.test.: sp=quarantine, pct=50"
    stricter = check(cli, tmp_path, "shop.org-sp.test", named[0], extra=("--dmarc", "v=DMARC1; p=reject;"))
    dmarc = of(stricter, "dmarc")
    assert (dmarc["status"], dmarc["cause"]) == ("missing", "dmarc-inherited-weaker")
    assert dmarc["fix"] == ("_dmarc.shop.org-sp.test. has no DMARC record, so _dmarc.org-sp.test. applies with "
                            "sp=quarantine (pct=50), weaker than the one asked for; add a TXT record at "
                            "_dmarc.shop.org-sp.test. (host _dmarc.shop) with this value: v=DMARC1; p=reject;")


def test_a_dmarc_fix_never_weakens_the_policy_in_force(cli, named, tmp_path):
    """--dmarc p=none where the organisation applies sp=quarantine: nothing to publish, and no
    'p=none is the usual start' anywhere in the report."""
    result = check(cli, tmp_path, "shop.org-sp.test", named[0], extra=("--dmarc", "v=DMARC1; p=none;"), fmt="table")
    assert result.exit_code == 0 and "p=none" not in result.stdout.split("\n", 3)[3]


def test_the_dmarc_fix_names_the_identitys_own_name(cli, named, tmp_path):
    result = check(cli, tmp_path, "shop.org-none.test", named[0], extra=("--dmarc", "v=DMARC1; p=quarantine;"))
    dmarc = of(result, "dmarc")
    assert (dmarc["status"], dmarc["cause"]) == ("missing", None)
    assert dmarc["fix"].endswith("Add a TXT record at _dmarc.shop.org-none.test. (host _dmarc.shop) with this value: "
                                 "v=DMARC1; p=quarantine;")
    assert "_dmarc.org-none.test." not in dmarc["fix"]


def test_an_organisation_cname_to_nothing_is_could_not_tell(cli, named, tmp_path):
    default = check(cli, tmp_path, "shop.org-cname-gone.test", named[0])
    dmarc = of(default, "dmarc")
    assert (dmarc["status"], dmarc["fix"]) == ("ok", None)
    assert dmarc["note"] == ("which DMARC policy applies to shop.org-cname-gone.test could not be told: it is left to "
                             "_dmarc.org-cname-gone.test., a CNAME to nothing.org-cname-gone.test., which holds no "
                             "DMARC record (a DMARC service should publish it there)")
    asked = of(check(cli, tmp_path, "shop.org-cname-gone.test", named[0], extra=("--dmarc", "v=DMARC1; p=none;")),
               "dmarc")
    assert (asked["status"], asked["cause"]) == ("missing", "dmarc-org-unknown")
    assert "could not be told" in asked["fix"] and "at least as strict" in asked["fix"]
    assert "Add a TXT record at _dmarc.org-cname-gone.test." not in asked["fix"]


# --- DKIM ----------------------------------------------------------------------------------

def byodkim(domain: str):
    response = saved_identity(domain)
    response["DkimAttributes"] = {"Status": "PENDING", "Tokens": ["sel"], "SigningAttributesOrigin": "EXTERNAL"}
    return model.identity(response, domain, model.options(region="us-east-1", dkim_public_key=KEY), "test")


def test_byodkim_keys_compare_as_tag_lists(named):
    server = ask.parse_nameserver(named[0].address)
    same = run.check_identity(byodkim("byodkim.test"), [server])
    assert [(f.status, f.cause) for f in same.findings] == [("ok", None)] * 4
    assert same.findings[0].values == (f"v=DKIM1; k=rsa; p={KEY[:20]} {KEY[20:40]}{KEY[40:]}",)
    old = run.check_identity(byodkim("byodkim-old.test"), [server])
    assert (old.findings[0].status, old.findings[0].cause) == ("wrong", "value-differs")


def test_a_wildcards_answer_is_never_said_to_be_deleted(cli, named, tmp_path):
    result = check(cli, tmp_path, "wild.test", named[0])
    assert not_ok(result) == [("dkim", "missing", "wildcard"), ("mail-from-mx", "missing", "wildcard"),
                              ("mail-from-spf", "missing", "wildcard")]
    for finding in findings(result):
        assert "Delete" not in (finding["fix"] or "") and "delete" not in (finding["fix"] or "")
    mx = of(result, "mail-from-mx")
    assert mx["fix"] == ("Nothing is published at mail.wild.test. itself: what it answers (CNAME) comes from a "
                         "wildcard (*.wild.test), and a record of its own overrides the wildcard for this name; add "
                         "the MX record at mail.wild.test. (host mail) with this value: 10 "
                         "feedback-smtp.us-east-1.amazonses.com.")
    dkim = findings(result)[0]
    assert dkim["found"] == {named[0].address: ["TXT v=DKIM1; p=MIIBold"]} and "(TXT)" in dkim["fix"]


def test_a_dkim_record_one_label_too_high(cli, named, tmp_path):
    result = check(cli, tmp_path, "news.one-up.test", named[0], extra=("--zone", "one-up.test"))
    dkim = [f for f in findings(result) if f["purpose"] == "dkim"]
    assert [(f["status"], f["cause"]) for f in dkim] == [("missing", "subdomain-dropped")] * 3
    assert dkim[0]["fix"] == ("It was published at tok1aaaa._domainkey.one-up.test., the name for one-up.test (the "
                              "subdomain label is missing), where it does nothing for news.one-up.test; publish it "
                              "at tok1aaaa._domainkey.news.one-up.test. (host tok1aaaa._domainkey.news) with this "
                              "value: tok1aaaa.dkim.amazonses.com.")
    assert len(findings(result)) == 6  # no "delete it": the parent domain may use that name


# --- servers, regions ------------------------------------------------------------------------

def test_servers_out_of_sync_under_one_serial_will_not_converge(cli, named, tmp_path):
    first, second = named
    result = check(cli, tmp_path, "out-of-sync.test", first, second)
    (dkim3,) = [f for f in findings(result) if f["status"] != "ok"]
    assert (dkim3["name"], dkim3["cause"]) == ("tok3cccc._domainkey.out-of-sync.test.", "servers-out-of-sync")
    assert dkim3["fix"] == (f"The zone's servers answer differently ({first.address}: ok; {second.address}: missing) "
                            "with the same SOA serial (1), so waiting will not make them agree: one of them serves an "
                            "old or edited copy of the zone. Correct the zone on the server that is wrong and raise "
                            "the serial so every server loads it.")


def test_one_mail_from_name_for_two_regions_names_both(named):
    server = ask.parse_nameserver(named[0].address)
    identities = [model.identity(saved_identity("two-regions.test"), "two-regions.test",
                                 model.options(region=region), "test") for region in ("us-east-1", "eu-west-1")]
    results = list(run.stream(identities, [server]))
    for result, region in zip(results, ("us-east-1", "eu-west-1")):
        (mx,) = [f for f in result.findings if f.purpose == "mail-from-mx"]
        assert (mx.status, mx.cause) == ("wrong", "mail-from-shared")
        assert mx.detail["regions"] == "eu-west-1, us-east-1" and mx.detail["region"] == region
        assert [f.cause for f in result.findings if f.status != "ok"] == ["mail-from-shared"]
    table = report.render_table(results, "en", live=False)
    assert "Checked two-regions.test of SES region us-east-1 (zone two-regions.test)" in table
    assert "Checked two-regions.test of SES region eu-west-1 (zone two-regions.test)" in table
    assert table.count("mail.two-regions.test. is the MAIL FROM domain of identities in eu-west-1, us-east-1") == 2
