"""--check judged as receivers judge, against a real `named`: merged and broken SPF, inherited
and invalid DMARC, records in the wrong place or of the wrong type, one server's own mistake.

One named serves every zone below (started once for this module); a second serves another copy
of one zone. Every JSON report is validated against docs/check.schema.json (check_schema.parsed).
"""

import pytest

from check_schema import parsed
from check_zones import MX_HOST, SPF, TOKENS, write_identity, zone_text
from conftest import require_tool
from dns_servers import two_named

pytestmark = [pytest.mark.needs_named]

DKIM_TXT = '"v=DKIM1; k=rsa; p=MIGfMA0GCSqGSIb3DQEBAQUAA4GNADCBiQKBgQC"'


def subdomain_zone(origin: str, sub: str, *extra: str) -> str:
    """Zone ORIGIN holding the records of identity SUB.ORIGIN (no _dmarc of its own), plus `extra`."""
    lines = [f"{tok}._domainkey.{sub} CNAME {tok}.dkim.amazonses.com." for tok in TOKENS]
    lines += [f"mail.{sub} MX 10 {MX_HOST}", f"mail.{sub} TXT {SPF}", *extra]
    return (f"$ORIGIN {origin}.\n$TTL 300\n@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\n"
            f"ns1 A 127.0.0.1\n" + "\n".join(lines) + "\n")


ZONES = {
    # a subdomain identity under an organisation that publishes p=reject; sp=reject
    "parent-reject.test": subdomain_zone("parent-reject.test", "shop", '_dmarc TXT "v=DMARC1; p=reject; sp=reject"'),
    # neither the identity nor its organisational domain publishes DMARC
    "no-dmarc.test": subdomain_zone("no-dmarc.test", "shop"),
    # the organisation publishes two DMARC records: none applies to anyone
    "org-two-dmarc.test": subdomain_zone("org-two-dmarc.test", "shop", '_dmarc TXT "v=DMARC1; p=reject"',
                                         '_dmarc TXT "v=DMARC1; p=none"'),
    "merged-spf.test": zone_text("merged-spf.test",
                                 spf=['mail TXT "v=spf1 include:_spf.google.com include:amazonses.com -all"',
                                      'mail TXT "google-site-verification=abc123"']),
    "two-spf.test": zone_text("two-spf.test", spf=[f"mail TXT {SPF}", 'mail TXT "v=spf1 include:_spf.google.com -all"']),
    "spf-no-ses.test": zone_text("spf-no-ses.test", spf=['mail TXT "v=spf1 include:_spf.spf-no-ses.test -all"',
                                                         '_spf TXT "v=spf1 ip4:192.0.2.0/24 -all"']),
    # SES through an include into another zone, which redirects back into this one
    "spf-through.test": zone_text("spf-through.test", spf=['mail TXT "v=spf1 include:_spf.provider.test -all"',
                                                           '_ses TXT "v=spf1 include:amazonses.com ~all"']),
    # a provider's zone: SPF to include, DMARC records hosted for its customers
    "provider.test": ("$ORIGIN provider.test.\n$TTL 300\n@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\n"
                      'ns1 A 127.0.0.1\n_spf TXT "v=spf1 ip4:198.51.100.0/24 redirect=_ses.spf-through.test"\n'
                      'hosted-dmarc-test TXT "v=DMARC1; p=quarantine"\n'
                      'org-hosted-test TXT "v=DMARC1; p=reject; sp=reject"\n'),
    # hosted DMARC: the identity's own _dmarc, and its organisation's, CNAMEs into the provider's zone
    "hosted-dmarc.test": zone_text("hosted-dmarc.test", dmarc=["_dmarc CNAME hosted-dmarc-test.provider.test."]),
    "hosted-gone.test": zone_text("hosted-gone.test", dmarc=["_dmarc CNAME hosted-gone-test.provider.test."]),
    "org-hosted.test": subdomain_zone("org-hosted.test", "shop", "_dmarc CNAME org-hosted-test.provider.test."),
    # an include evaluated before SES names nothing: permerror
    "spf-include-gone.test": zone_text("spf-include-gone.test", spf=[
        'mail TXT "v=spf1 include:_gone.provider.test include:amazonses.com ~all"']),
    # an include no server asked can answer for (named refuses names outside its zones)
    "spf-unread.test": zone_text("spf-unread.test", spf=['mail TXT "v=spf1 include:_spf.google.com -all"']),
    "spf-lookups.test": zone_text("spf-lookups.test", spf=[
        'mail TXT "v=spf1 ' + " ".join(f"include:s{i}.example" for i in range(10)) + ' include:amazonses.com ~all"']),
    "spf-redirect.test": zone_text("spf-redirect.test",
                                   spf=['mail TXT "v=spf1 include:amazonses.com ~all redirect=_spf.example"']),
    "apex-mx.test": zone_text("apex-mx.test", mx=[f"@ MX 10 {MX_HOST}"]),
    "apex-mx-too.test": zone_text("apex-mx-too.test", apex=[f"@ MX 10 {MX_HOST}"]),
    "dkim-txt.test": zone_text("dkim-txt.test", dkim1=[f"tok1aaaa._domainkey TXT {DKIM_TXT}"]),
    "no-domainkey.test": zone_text("no-domainkey.test", dkim1=["tok1aaaa CNAME tok1aaaa.dkim.amazonses.com."]),
    "spf-at-parent.test": zone_text("spf-at-parent.test", spf=[f"@ TXT {SPF}"]),
    "dmarc-invalid.test": zone_text("dmarc-invalid.test", dmarc=['_dmarc TXT "v=DMARC1; p=rejected"']),
    "dmarc-order.test": zone_text("dmarc-order.test", dmarc=['_dmarc TXT "p=reject; v=DMARC1"']),
    "dmarc-stronger.test": zone_text("dmarc-stronger.test", dmarc=['_dmarc TXT "v=DMARC1; p=quarantine; rua=mailto:d@example"']),
    "one-server-wrong.test": zone_text("one-server-wrong.test"),
    "clean.test": zone_text("clean.test"),
}
SECOND_COPY = {"one-server-wrong.test": zone_text(
    "one-server-wrong.test", dkim2=["tok2bbbb._domainkey CNAME tok2bbbb.dkim.amazonses.com"])}


@pytest.fixture(scope="module")
def named(tmp_path_factory):
    folders = (tmp_path_factory.mktemp("rules-1"), tmp_path_factory.mktemp("rules-2"))
    yield from two_named(require_tool("named"), folders, ZONES, SECOND_COPY)


def check(cli, tmp_path, domain, *servers, extra=(), fmt="json"):
    path = write_identity(tmp_path, domain)
    # --dmarc explicit: the identity's record is checked whatever the default for a subdomain.
    args = [domain, "--identity-file", path, "--region", "us-east-1", "--check", "--dmarc", "v=DMARC1; p=none;", *extra]
    if fmt == "json":
        args += ["-f", "json"]
    for server in servers:
        args += ["--nameserver", server.address]
    return cli(*args)


def findings(result) -> list[dict]:
    return parsed(result.stdout)["identities"][0]["findings"]


def by_purpose(result) -> dict:
    """The identity's own record findings (dkim1..3, mx, spf, dmarc) and the extra ones."""
    found = findings(result)
    keys = ("dkim1", "dkim2", "dkim3", "mx", "spf", "dmarc")
    return {**dict(zip(keys, found[:6])), "extra": found[6:]}


def states(report: dict) -> dict:
    return {key: (f["status"], f["cause"]) for key, f in report.items() if key != "extra" and f["status"] != "ok"}


def test_inherited_reject_policy_meets_dmarc_for_a_subdomain(cli, named, tmp_path):
    result = check(cli, tmp_path, "shop.parent-reject.test", named[0], extra=("--zone", "parent-reject.test"))
    report = by_purpose(result)
    assert result.exit_code == 0, result.stdout
    assert states(report) == {} and report["extra"] == []
    dmarc = report["dmarc"]
    assert dmarc["name"] == "_dmarc.shop.parent-reject.test." and dmarc["found"] == {named[0].address: []}
    assert dmarc["note"] == "met: inherited from _dmarc.parent-reject.test.: sp=reject, pct=100"
    assert dmarc["expected"] == []  # nothing belongs there: p=none would switch enforcement off
    table = check(cli, tmp_path, "shop.parent-reject.test", named[0], extra=("--zone", "parent-reject.test"),
                  fmt="table").stdout
    assert "-> met: inherited from _dmarc.parent-reject.test.: sp=reject, pct=100" in table
    assert "p=none" not in table  # never a weaker policy than the one in force


def test_no_dmarc_anywhere_suggests_one_at_the_identitys_own_name(cli, named, tmp_path):
    """--dmarc asks for the identity's own record: the fix puts it there, not on the whole organisation."""
    result = check(cli, tmp_path, "shop.no-dmarc.test", named[0], extra=("--zone", "no-dmarc.test"))
    dmarc = by_purpose(result)["dmarc"]
    assert result.exit_code == 1
    assert (dmarc["status"], dmarc["cause"]) == ("missing", None)
    assert dmarc["fix"].endswith("Add a TXT record at _dmarc.shop.no-dmarc.test. (host _dmarc.shop) with this value: "
                                 "v=DMARC1; p=none;")
    assert "rua=mailto:" in dmarc["fix"] and "No DMARC policy applies to shop.no-dmarc.test" in dmarc["fix"]


def test_two_dmarc_records_at_the_organisation_apply_none(cli, named, tmp_path):
    dmarc = by_purpose(check(cli, tmp_path, "shop.org-two-dmarc.test", named[0]))["dmarc"]
    assert (dmarc["status"], dmarc["cause"]) == ("missing", "conflict")
    assert "_dmarc.org-two-dmarc.test." in dmarc["fix"]


def test_merged_spf_is_right(cli, named, tmp_path):
    result = check(cli, tmp_path, "merged-spf.test", named[0])
    report = by_purpose(result)
    assert result.exit_code == 0 and states(report) == {}
    assert report["spf"]["found"] == {named[0].address: ["v=spf1 include:_spf.google.com include:amazonses.com -all"]}
    assert report["spf"]["note"].startswith("met: this one SPF record authorizes SES")


def test_two_spf_records_are_a_conflict_with_a_merge_that_keeps_both(cli, named, tmp_path):
    report = by_purpose(check(cli, tmp_path, "two-spf.test", named[0]))
    assert states(report) == {"spf": ("wrong", "conflict")}
    assert len(report["spf"]["found"][named[0].address]) == 2
    assert report["spf"]["fix"].endswith("for example: v=spf1 include:_spf.google.com include:amazonses.com -all")


def test_one_spf_without_ses_says_add_the_include(cli, named, tmp_path):
    report = by_purpose(check(cli, tmp_path, "spf-no-ses.test", named[0]))
    assert states(report) == {"spf": ("wrong", "spf-lacks-include")}
    assert report["spf"]["fix"] == ("The one SPF record at mail.spf-no-ses.test. does not authorize SES; add "
                                    "include:amazonses.com to it, keeping the rest: "
                                    "v=spf1 include:_spf.spf-no-ses.test include:amazonses.com -all")


def test_spf_through_includes_and_redirects_across_zones_is_met(cli, named, tmp_path):
    report = by_purpose(check(cli, tmp_path, "spf-through.test", named[0]))
    assert states(report) == {}
    assert report["spf"]["note"] == ("met: the SPF record authorizes SES through include:_spf.provider.test → "
                                     "redirect=_ses.spf-through.test, which includes amazonses.com")


def test_spf_include_of_nothing_before_ses_is_a_permerror(cli, named, tmp_path):
    report = by_purpose(check(cli, tmp_path, "spf-include-gone.test", named[0]))
    assert states(report) == {"spf": ("wrong", "spf-include-permerror")}
    assert report["spf"]["fix"].startswith("include:_gone.provider.test in the SPF record at "
                                           "mail.spf-include-gone.test. leads to _gone.provider.test., which has no "
                                           "SPF record")


def test_spf_include_nobody_answers_for_is_unconfirmed_not_wrong_advice(cli, named, tmp_path):
    report = by_purpose(check(cli, tmp_path, "spf-unread.test", named[0]))
    assert states(report) == {"spf": ("wrong", "spf-unconfirmed")}
    assert "no server answered for _spf.google.com." in report["spf"]["fix"]
    assert "does not authorize" not in report["spf"]["fix"]


def test_spf_permerrors_seen_offline(cli, named, tmp_path):
    lookups = by_purpose(check(cli, tmp_path, "spf-lookups.test", named[0]))["spf"]
    assert (lookups["status"], lookups["cause"]) == ("wrong", "spf-too-many-lookups")
    assert "at least 11 DNS look-ups" in lookups["fix"]
    redirect = by_purpose(check(cli, tmp_path, "spf-redirect.test", named[0]))["spf"]
    assert (redirect["status"], redirect["cause"]) == ("wrong", "spf-redirect-ignored")


def test_ses_mx_at_the_apex_instead_of_the_mail_from_name(cli, named, tmp_path):
    report = by_purpose(check(cli, tmp_path, "apex-mx.test", named[0]))
    assert states(report) == {"mx": ("missing", "misplaced")}
    assert report["mx"]["fix"].startswith("The SES MX was published at apex-mx.test. instead of the MAIL FROM domain")
    (apex,) = report["extra"]
    assert (apex["name"], apex["type"], apex["status"], apex["cause"]) == ("apex-mx.test.", "MX", "wrong", "misplaced")
    assert apex["expected"] == [] and apex["purpose"] == "mail-from-mx"
    assert apex["fix"] == ("Delete the MX at apex-mx.test.: it sends all mail for apex-mx.test to SES's feedback host, "
                           "which does not deliver it (the SES MX belongs only at the MAIL FROM domain, "
                           "mail.apex-mx.test.).")


def test_ses_mx_at_the_apex_beside_a_right_mail_from_is_still_found(cli, named, tmp_path):
    """Asked in the first phase: everything else is right, and the apex MX alone fails the check."""
    result = check(cli, tmp_path, "apex-mx-too.test", named[0])
    report = by_purpose(result)
    assert result.exit_code == 1 and states(report) == {}
    assert [(f["name"], f["cause"]) for f in report["extra"]] == [("apex-mx-too.test.", "misplaced")]


def test_txt_where_the_dkim_cname_belongs(cli, named, tmp_path):
    report = by_purpose(check(cli, tmp_path, "dkim-txt.test", named[0]))
    assert states(report) == {"dkim1": ("missing", "wrong-type")}
    assert "delete the TXT record, then add a CNAME" in report["dkim1"]["fix"]
    assert report["dkim1"]["found"] == {named[0].address: ["TXT " + DKIM_TXT.strip('"')]}
    assert report["extra"] == []  # one problem, one finding


def test_dkim_without_domainkey(cli, named, tmp_path):
    report = by_purpose(check(cli, tmp_path, "no-domainkey.test", named[0]))
    assert states(report) == {"dkim1": ("missing", "misplaced")}
    assert report["dkim1"]["fix"].startswith("It was published at tok1aaaa.no-domainkey.test., without _domainkey, "
                                             "where nothing reads it: delete it there")
    assert report["extra"] == []  # one problem, one finding


def test_spf_at_the_parent_of_the_mail_from_name(cli, named, tmp_path):
    report = by_purpose(check(cli, tmp_path, "spf-at-parent.test", named[0]))
    assert states(report) == {"spf": ("missing", "misplaced")}
    assert report["extra"] == []  # the apex SPF may serve other mail: never "delete it"


@pytest.mark.parametrize("domain, fix", [("dmarc-invalid.test", "p= that is not none, quarantine or reject"),
                                         ("dmarc-order.test", "does not start with v=DMARC1")])
def test_invalid_dmarc(cli, named, tmp_path, domain, fix):
    dmarc = by_purpose(check(cli, tmp_path, domain, named[0]))["dmarc"]
    assert (dmarc["status"], dmarc["cause"]) == ("wrong", "dmarc-invalid") and fix in dmarc["fix"]


def test_a_stronger_dmarc_policy_is_right(cli, named, tmp_path):
    result = check(cli, tmp_path, "dmarc-stronger.test", named[0])
    assert result.exit_code == 0
    assert by_purpose(result)["dmarc"]["note"] == "met: the published policy p=quarantine is in force"


def test_one_servers_known_mistake_is_named_not_waited_for(cli, named, tmp_path):
    first, second = named
    report = by_purpose(check(cli, tmp_path, "one-server-wrong.test", first, second))
    assert states(report) == {"dkim2": ("wrong", "value-has-zone-appended")}
    assert report["dkim2"]["fix"].startswith(f"only on {second.address}: The value was entered without its final dot")
    assert report["dkim2"]["found"] == {first.address: ["tok2bbbb.dkim.amazonses.com."],
                                        second.address: ["tok2bbbb.dkim.amazonses.com.one-server-wrong.test."]}
    table = check(cli, tmp_path, "one-server-wrong.test", first, second, fmt="table").stdout
    assert f"{second.address}: tok2bbbb.dkim.amazonses.com.one-server-wrong.test." in table


def test_japanese_table_has_no_english_words(cli, named, tmp_path):
    result = check(cli, tmp_path, "apex-mx.test", named[0], extra=("--lang", "ja"), fmt="table")
    text = result.stdout
    assert result.exit_code == 1
    for english in ("missing", "wrong", "misplaced", "PENDING", "HOST_NOT_FOUND", "Delete", "error", " ok "):
        assert english not in text, english
    assert "登録場所の誤り: " in text and "確認待ち" in text


def test_many_identities_summary_and_only_problems(cli, named, tmp_path):
    folder = tmp_path / "ids"
    folder.mkdir()
    for domain in ("clean.test", "merged-spf.test", "apex-mx.test"):
        write_identity(folder, domain)
    args = ["--identity-file", str(folder), "--region", "us-east-1", "--check", "--nameserver", named[0].address]
    table = cli(*args)
    assert table.exit_code == 1
    assert table.stdout.endswith("\n3 identities: 2 all right, 1 with problems\n")
    only = cli(*args, "--only-problems")
    assert only.stdout.count("Checked ") == 1 and "Checked apex-mx.test" in only.stdout
    assert only.stdout.endswith("3 identities: 2 all right, 1 with problems\n") and only.exit_code == 1
    document = parsed(cli(*args, "--only-problems", "-f", "json").stdout)
    assert [i["domain"] for i in document["identities"]] == ["apex-mx.test."]
    assert document["summary"] == {"identities": 3, "all_right": 2, "with_problems": 1}


def test_by_default_a_subdomain_identity_still_has_its_dmarc_judged(cli, named, tmp_path):
    """No --dmarc: the export writes no DMARC record below the organisational domain, and the check
    still says whether the organisation's policy applies (and suggests one at it where none does)."""
    path = write_identity(tmp_path, "shop.parent-reject.test")
    base = ["--identity-file", path, "--region", "us-east-1", "--check", "-f", "json", "--nameserver", named[0].address]
    inherited = cli("shop.parent-reject.test", *base)
    assert inherited.exit_code == 0, inherited.stdout
    dmarc = [f for f in parsed(inherited.stdout)["identities"][0]["findings"] if f["purpose"] == "dmarc"]
    assert [(f["status"], f["note"]) for f in dmarc] == [("ok", "met: inherited from _dmarc.parent-reject.test.: sp=reject, pct=100")]
    path = write_identity(tmp_path, "shop.no-dmarc.test")
    base[1] = path
    nothing = cli("shop.no-dmarc.test", *base)
    (dmarc,) = [f for f in parsed(nothing.stdout)["identities"][0]["findings"] if f["purpose"] == "dmarc"]
    # SES needs no DMARC and the export wrote none here: a remark with the suggestion, not a failure
    assert (dmarc["status"], dmarc["fix"], nothing.exit_code) == ("ok", None, 0)
    assert dmarc["note"].startswith("no DMARC policy applies to shop.no-dmarc.test")
    assert dmarc["note"].endswith("at _dmarc.no-dmarc.test. (host _dmarc): v=DMARC1; p=none;")


def test_hosted_dmarc_is_followed_into_the_providers_zone(cli, named, tmp_path):
    report = by_purpose(check(cli, tmp_path, "hosted-dmarc.test", named[0]))
    assert states(report) == {}
    assert report["dmarc"]["found"] == {named[0].address: ["CNAME hosted-dmarc-test.provider.test.",
                                                           "v=DMARC1; p=quarantine"]}
    gone = by_purpose(check(cli, tmp_path, "hosted-gone.test", named[0]))["dmarc"]
    assert (gone["status"], gone["cause"]) == ("wrong", "wrong-type")
    assert gone["fix"].startswith("_dmarc.hosted-gone.test. is a CNAME to hosted-gone-test.provider.test., which has "
                                  "no DMARC record")


def test_an_organisations_hosted_dmarc_is_inherited(cli, named, tmp_path):
    result = check(cli, tmp_path, "shop.org-hosted.test", named[0], extra=("--zone", "org-hosted.test"))
    report = by_purpose(result)
    assert result.exit_code == 0 and states(report) == {}
    assert report["dmarc"]["note"] == "met: inherited from _dmarc.org-hosted.test.: sp=reject, pct=100"
