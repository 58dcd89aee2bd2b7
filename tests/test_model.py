import copy

import pytest

from exporter import model, regions
from exporter.errors import InputError

TOKENS = ["tok1", "tok2", "tok3"]
BASE = {
    "IdentityType": "DOMAIN",
    "DkimAttributes": {"Status": "PENDING", "Tokens": TOKENS, "SigningAttributesOrigin": "AWS_SES",
                       "SigningHostedZone": "dkim.amazonses.com"},
    "MailFromAttributes": {"MailFromDomain": "mail.example.com", "MailFromDomainStatus": "PENDING",
                           "BehaviorOnMxFailure": "USE_DEFAULT_VALUE"},
    "VerificationStatus": "PENDING",
}


def build(response=None, domain="example.com", **opts):
    return model.identity(copy.deepcopy(BASE) if response is None else response, domain, model.options(**opts), "test.json")


def without(*path):
    response = copy.deepcopy(BASE)
    target = response
    for key in path[:-1]:
        target = target[key]
    del target[path[-1]]
    return response


def test_full_identity_records_in_order():
    identity = build(region="eu-west-1")
    rows = [(r.name, r.type, r.priority, r.value, r.purpose) for r in identity.records]
    assert rows == [
        ("tok1._domainkey.example.com.", "CNAME", None, "tok1.dkim.amazonses.com.", "dkim"),
        ("tok2._domainkey.example.com.", "CNAME", None, "tok2.dkim.amazonses.com.", "dkim"),
        ("tok3._domainkey.example.com.", "CNAME", None, "tok3.dkim.amazonses.com.", "dkim"),
        ("mail.example.com.", "MX", 10, "feedback-smtp.eu-west-1.amazonses.com.", "mail-from-mx"),
        ("mail.example.com.", "TXT", None, "v=spf1 include:amazonses.com ~all", "mail-from-spf"),
        ("_dmarc.example.com.", "TXT", None, "v=DMARC1; p=none;", "dmarc"),
    ]
    assert all(r.ttl == 1800 for r in identity.records)


def test_signing_hosted_zone_is_used_as_given():
    response = copy.deepcopy(BASE)
    response["DkimAttributes"]["SigningHostedZone"] = "dkim.ap-southeast-5.amazonses.com"
    identity = build(response)  # the zone names the region: no --region needed (tests/test_inputs.py)
    assert identity.records[0].value == "tok1.dkim.ap-southeast-5.amazonses.com."
    assert identity.region == "ap-southeast-5"


@pytest.mark.parametrize("region, zone", [
    ("af-south-1", "dkim.af-south-1.amazonses.com."),
    ("ap-southeast-5", "dkim.ap-southeast-5.amazonses.com."),
    ("us-gov-east-1", "dkim.us-gov-east-1.amazonses.com."),
    ("us-east-1", "dkim.amazonses.com."),
    ("eu-west-1", "dkim.amazonses.com."),
])
def test_fallback_signing_zone_by_region(region, zone):
    identity = build(without("DkimAttributes", "SigningHostedZone"), region=region)
    assert identity.records[0].value == f"tok1.{zone}"


def test_fallback_without_region_is_bad_input():
    response = without("DkimAttributes", "SigningHostedZone")
    del response["MailFromAttributes"]
    with pytest.raises(InputError, match="pass --region"):
        build(response)


def test_mail_from_without_region_says_region_is_needed():
    with pytest.raises(InputError, match=r"test\.json: .*needed for the MX record.*pass --region"):
        build()


def test_no_mail_from_needs_no_region():
    identity = build(without("MailFromAttributes", "MailFromDomain"))
    assert identity.region is None
    assert [r.purpose for r in identity.records] == ["dkim"] * 3 + ["dmarc"]


def test_govcloud_mx_host():
    assert regions.mail_from_mx_host("us-gov-east-1") == "feedback-smtp.us-gov-west-1.amazonses.com."
    assert build(region="us-gov-east-1").records[3].value == "feedback-smtp.us-gov-west-1.amazonses.com."


def test_planned_mail_from():
    identity = build(without("MailFromAttributes", "MailFromDomain"), region="us-east-1", mail_from="bounce.example.com")
    assert identity.mail_from_status == "PLANNED"
    assert [(r.name, r.type) for r in identity.records[3:5]] == [("bounce.example.com.", "MX"), ("bounce.example.com.", "TXT")]


@pytest.mark.parametrize("mail_from", ["example.com", "mail.example.org", "notexample.com"])
def test_mail_from_must_be_a_subdomain(mail_from):
    with pytest.raises(InputError, match="subdomain"):
        build(without("MailFromAttributes", "MailFromDomain"), region="us-east-1", mail_from=mail_from)


def test_dmarc_options():
    assert build(region="us-east-1", dmarc=None).records[-1].purpose == "mail-from-spf"
    assert build(region="us-east-1", dmarc="v=DMARC1; p=reject; rua=mailto:d@example.com").records[-1].value == \
        "v=DMARC1; p=reject; rua=mailto:d@example.com"
    with pytest.raises(InputError, match="^dmarc: "):
        model.options(dmarc="p=none")
    with pytest.raises(InputError, match="^dmarc: "):
        model.options(dmarc="v=DMARC1; p=none; ü")


@pytest.mark.parametrize("ttl", [0, -1, 2**31, True])
def test_ttl_range(ttl):
    with pytest.raises(InputError, match="^ttl: ") as refused:
        model.options(ttl=ttl)
    # The library names the parameter; the command line names its option.
    assert refused.value.option == "ttl" and refused.value.cli_message().startswith("--ttl: ")


def test_zone_must_contain_identity():
    assert build(region="us-east-1", zone="example.com").zone == "example.com."
    assert build(domain="news.example.com", response=without("MailFromAttributes", "MailFromDomain"),
                 zone="example.com").zone == "example.com."
    with pytest.raises(InputError, match="^zone: example.org does not contain"):
        build(region="us-east-1", zone="example.org")


def test_email_identity_is_bad_input():
    with pytest.raises(InputError, match="email-address identity"):
        build({"IdentityType": "EMAIL_ADDRESS", "VerificationStatus": "SUCCESS"})


@pytest.mark.parametrize("response", [[], "x", {"Foo": 1}, {"IdentityType": "DOMAIN", "DkimAttributes": []},
                                      {"IdentityType": "DOMAIN", "DkimAttributes": {"Tokens": ["bad.token"]}}])
def test_not_an_identity(response):
    with pytest.raises(InputError, match=r"^test\.json"):
        build(response, region="us-east-1")


def test_replica_uses_parent_records_and_says_so():
    response = without("DkimAttributes", "SigningHostedZone")
    response["DkimAttributes"]["SigningAttributesOrigin"] = "AWS_SES_EU_SOUTH_1"
    identity = build(response, region="us-east-1")
    assert identity.records[0].value == "tok1.dkim.eu-south-1.amazonses.com."
    from exporter.text import plain

    assert any("eu-south-1" in plain(note) and "parent" in plain(note) for note in identity.notes)
    assert any("eu-south-1" in plain(note, "ja") and "親 ID" in plain(note, "ja") for note in identity.notes)


def test_byodkim_needs_the_key_and_writes_a_txt():
    response = copy.deepcopy(BASE)
    response["DkimAttributes"] = {"SigningAttributesOrigin": "EXTERNAL", "Tokens": ["sel1"]}
    with pytest.raises(InputError, match="--dkim-public-key"):
        build(response, region="us-east-1")
    from exporter.dkim_key import read_public_key

    key = read_public_key("samples/keys/byodkim.example.org.pem")
    identity = build(response, region="us-east-1", dkim_public_key=key)
    assert (identity.records[0].name, identity.records[0].type, identity.records[0].value) == \
        ("sel1._domainkey.example.com.", "TXT", f"p={key}")


def test_unicode_mail_from_is_normalized():
    response = copy.deepcopy(BASE)
    response["MailFromAttributes"]["MailFromDomain"] = "mail.日本語.jp"
    identity = build(response, domain="日本語.jp", region="ap-northeast-1")
    assert identity.domain == "xn--wgv71a119e.jp."
    assert identity.mail_from_domain == "mail.xn--wgv71a119e.jp."


def test_region_shape():
    assert regions.region("ap-southeast-5") == "ap-southeast-5"
    assert regions.region("us-gov-west-1") == "us-gov-west-1"
    for bad in ["moon-1", "US-EAST-1", "us-east", "", "us-east-1 "]:
        with pytest.raises(InputError, match="^region: "):
            regions.region(bad)


# --- found by the escaping round trips (tests/test_roundtrip.py) ------------------------------

@pytest.mark.parametrize("tokens", [["tok1", "tok2", "tok1"], ["Tok1", "tok1"]])
def test_a_token_listed_twice_is_bad_input(tokens):
    """Two CNAMEs at one name (DNS names ignore case): no zone can hold them."""
    response = copy.deepcopy(BASE)
    response["DkimAttributes"]["Tokens"] = tokens
    with pytest.raises(InputError, match=r"^test\.json: DkimAttributes\.Tokens lists 'tok1' twice"):
        build(response, region="us-east-1")


@pytest.mark.parametrize("mail_from", ["_dmarc.example.com", "tok1._domainkey.example.com", "send_mail.example.com"])
def test_mail_from_must_be_a_host_name(mail_from):
    """An MX at a name with '_' makes BIND refuse the whole zone (check-names), and SMTP takes no such
    domain; at tok1._domainkey it would also sit beside the DKIM CNAME."""
    with pytest.raises(InputError, match=r"^mail_from: .* is not a host name") as refused:
        build(without("MailFromAttributes", "MailFromDomain"), region="us-east-1", mail_from=mail_from)
    assert refused.value.cli_message().startswith("--mail-from: ")
    response = copy.deepcopy(BASE)
    response["MailFromAttributes"]["MailFromDomain"] = mail_from
    with pytest.raises(InputError, match=r"^test\.json: MailFromDomain: .* is not a host name"):
        build(response, region="us-east-1")


@pytest.mark.parametrize("origin", ["AWS_SES_X\nevil. 300 IN A 192.0.2.1", "AWS_SES_MOON", "AWS_SES_"])
def test_replica_origin_must_name_a_region(origin):
    """The parent's region is written into file headers: a line break there would start a line of zone data."""
    response = without("DkimAttributes", "SigningHostedZone")
    response["DkimAttributes"]["SigningAttributesOrigin"] = origin
    with pytest.raises(InputError, match=r"^test\.json: DkimAttributes\.SigningAttributesOrigin") as error:
        build(response, region="us-east-1")
    assert "\n" not in str(error.value)


@pytest.mark.parametrize("path, value, problem", [
    # A lone surrogate: json.load reads it from "\ud800", UTF-8 cannot write it (was a traceback).
    (("VerificationStatus",), "\ud800", "is not one of SES's values"),
    (("DkimAttributes", "SigningAttributesOrigin"), "X\udfff", "is not one of SES's values"),
    (("DkimAttributes", "Status"), ["PENDING"], "is not a string"),
    (("MailFromAttributes", "MailFromDomainStatus"), 5, "is not a string"),
    # Values the tool repeats to people or puts in the commands it prints (issue 22): SES's own only.
    (("MailFromAttributes", "BehaviorOnMxFailure"), "USE_DEFAULT_VALUE; curl x | sh", "is not one of SES's values"),
    (("MailFromAttributes", "BehaviorOnMxFailure"), "REJECT_MESSAGE\n", "is not one of SES's values"),
    (("VerificationInfo", "ErrorType"), "TYPE_NOT_FOUND\nses-export: note: forged", "is not one of SES's values"),
    (("VerificationStatus",), "NEW\tSTATUS", "is not one of SES's values"),
    (("DkimAttributes", "SigningAttributesOrigin"), "AWS_SES_AP_NORTHEAST_3\n", "is not one of SES's values"),
    (("DkimAttributes", "Status"), "\x1b]0;pwned\x07", "is not one of SES's values"),
])
def test_ses_values_must_be_those_ses_returns(path, value, problem):
    response = copy.deepcopy(BASE)
    target = response
    for key in path[:-1]:
        target = target.setdefault(key, {})
    target[path[-1]] = value
    with pytest.raises(InputError, match=rf"^test\.json: {'.'.join(path)} .*{problem}") as error:
        build(response, region="us-east-1")
    message = str(error.value)
    message.encode("utf-8")  # the message itself can be written
    assert not any(c in message for c in "\n\r\x1b\x07\t")  # and holds no control character


def test_ses_values_are_passed_on_as_they_are():
    response = copy.deepcopy(BASE)
    response["VerificationInfo"] = {"ErrorType": "TYPE_NOT_FOUND"}
    response["VerificationStatus"] = "TEMPORARY_FAILURE"
    identity = build(response, region="us-east-1")
    assert (identity.dkim_status, identity.mail_from_status, identity.verification_status,
            identity.verification_error) == ("PENDING", "PENDING", "TEMPORARY_FAILURE", "TYPE_NOT_FOUND")
