"""Issue 12, items 1-8: the region and zone found rather than assumed, DMARC below the organisational
domain, SES's statuses acted on, input of the wrong shape named, BYODKIM keys checked, CSV cells
that no spreadsheet runs, and contradictory options refused.

Through the model where the rule lives there, and through the command line (CliRunner, in-process)
for what a user sees: the records, stderr's notes and the exit status.
"""

from __future__ import annotations

import ast
import csv
import io
import json
import re
import subprocess
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

import exporter.advisories
from exporter import dkim_key, filters, formats, model
from exporter.errors import InputError
from exporter.filters import html_phrase, md_phrase
from exporter.language import LANGUAGES
from exporter.phrase import Phrase, placeholders
from exporter.text import catalogue

from conftest import ROOT, SAMPLES, examples, require_tool
from identity_strategies import cases, rsa_public_key_der

IDENTITIES = SAMPLES / "identities"
SHOP = str(IDENTITIES / "shop.example.net.json")  # SigningHostedZone dkim.ap-northeast-3.amazonses.com, MAIL FROM
PLAIN = str(IDENTITIES / "example.com.json")  # dkim.amazonses.com, no MAIL FROM
FAILED = str(IDENTITIES / "日本語.jp.json")  # DKIM, MAIL FROM and verification FAILED
BYODKIM = str(IDENTITIES / "byodkim.example.org.json")
BAD = ROOT / "tests" / "bad_input"
KEY_PEM = str(SAMPLES / "keys" / "byodkim.example.org.pem")


@pytest.fixture(autouse=True)
def no_aws_config(aws_env):
    aws_env(credentials=None)


def response(path: str) -> dict:
    return json.loads(Path(path).read_text(encoding="utf-8"))


def one_line_refusal(result, *texts: str) -> str:
    assert result.exit_code == 2, result.stderr
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and lines[0].startswith("ses-export: "), result.stderr
    for text in texts:
        assert text in lines[0]
    return lines[0]


# --- 1. the region ------------------------------------------------------------------------------

def test_the_signing_zone_names_the_region_of_the_mail_from_mx(cli):
    result = cli("shop.example.net", "--identity-file", SHOP, "-f", "json")
    assert result.exit_code == 0, result.stderr
    document = json.loads(result.stdout)
    assert document["identities"][0]["region"] == "ap-northeast-3"
    assert {r["value"] for r in document["records"] if r["type"] == "MX"} == {"feedback-smtp.ap-northeast-3.amazonses.com."}


def test_a_region_that_contradicts_the_signing_zone_is_refused_naming_both(cli):
    line = one_line_refusal(cli("shop.example.net", "--identity-file", SHOP, "--region", "us-east-1", "-f", "bind"),
                            "--region: us-east-1", "ap-northeast-3", "dkim.ap-northeast-3.amazonses.com")
    assert "shop.example.net" in line
    # The same region is no contradiction.
    assert cli("shop.example.net", "--identity-file", SHOP, "--region", "ap-northeast-3", "-f", "bind").exit_code == 0


def test_the_configured_region_gives_way_to_the_identitys_own(cli, monkeypatch):
    """AWS_REGION is a default for every run, not a statement about this identity: no refusal."""
    monkeypatch.setenv("AWS_REGION", "us-east-1")
    result = cli("shop.example.net", "--identity-file", SHOP, "-f", "bind")
    assert result.exit_code == 0, result.stderr
    assert "feedback-smtp.ap-northeast-3.amazonses.com." in result.stdout


def test_a_replica_takes_the_region_it_was_asked_in_not_its_parents():
    """Which region wins for a replica, and why: a replica (SigningAttributesOrigin AWS_SES_<PARENT>)
    signs with its parent's keys, so its SigningHostedZone is the parent's zone and names the
    parent's region. Its MAIL FROM MX, though, is its own region's feedback endpoint: the mail is
    sent from the replica's region. So --region (the region SES was asked in) wins, and a
    SigningHostedZone naming another region is not a contradiction there (docs/design.md)."""
    replica = response(SHOP)
    replica["DkimAttributes"]["SigningAttributesOrigin"] = "AWS_SES_AP_NORTHEAST_3"
    identity = model.identity(replica, "shop.example.net", model.options(region="eu-west-1"), "replica.json")
    assert identity.region == "eu-west-1"
    assert [r.value for r in identity.records if r.type == "MX"] == ["feedback-smtp.eu-west-1.amazonses.com."]
    assert identity.records[0].value.endswith(".dkim.ap-northeast-3.amazonses.com.")  # the parent's zone, as given
    with pytest.raises(InputError, match="pass --region"):  # the zone does not name the replica's region
        model.identity(replica, "shop.example.net", model.options(), "replica.json")


def test_a_byodkim_identity_takes_the_region_its_signing_zone_names():
    """BYODKIM (origin EXTERNAL) is the region's own identity like Easy DKIM: its SigningHostedZone
    names its region, which decides the MAIL FROM MX, and a --region that contradicts it is refused."""
    byodkim = response(BYODKIM)
    byodkim["DkimAttributes"]["SigningHostedZone"] = "dkim.eu-central-2.amazonses.com"
    key = model.options(dkim_public_key=open(KEY_PEM).read())
    identity = model.identity(byodkim, "byodkim.example.org", key, "b.json")
    assert identity.region == "eu-central-2"
    assert [r.value for r in identity.records if r.type == "MX"] == ["feedback-smtp.eu-central-2.amazonses.com."]
    with pytest.raises(InputError, match="us-east-1 contradicts the identity byodkim.example.org"):
        model.identity(byodkim, "byodkim.example.org", key._replace(region="us-east-1"), "b.json")


def test_identities_of_two_regions_may_not_share_a_mail_from_name():
    jp = response(FAILED)
    first = model.identity(jp, "日本語.jp", model.options(region="us-east-1"), "a.json")
    second = model.identity(jp, "日本語.jp", model.options(region="eu-west-1"), "b.json")
    model.refuse_shared_mail_from([first, first._replace()])  # one region twice: the same record, no conflict
    with pytest.raises(InputError, match=r"of xn--wgv71a119e.jp in us-east-1 and of xn--wgv71a119e.jp in eu-west-1"):
        model.refuse_shared_mail_from([first, second])


def test_the_global_signing_zone_names_no_region():
    with pytest.raises(InputError, match="pass --region"):
        model.identity(response(FAILED), "日本語.jp", model.options(), "jp.json")
    assert model.identity(response(FAILED), "日本語.jp", model.options(region="eu-west-1"), "jp.json").region == "eu-west-1"


# --- 2. the zone --------------------------------------------------------------------------------

@pytest.mark.parametrize("domain, zone", [
    ("shop.example.net", "example.net."),
    ("example.com", "example.com."),
    ("mail.shop.example.co.uk", "example.co.uk."),
    ("news.example.co.jp", "example.co.jp."),
    ("日本語.jp", "xn--wgv71a119e.jp."),
    ("a.b.foo.github.io", "foo.github.io."),  # a private-section suffix
])
def test_the_zone_defaults_to_the_registrable_domain(domain, zone):
    identity = model.identity(response(PLAIN), domain, model.options(), "x.json")
    assert identity.zone == zone and identity.zone_assumed


def test_the_assumed_zone_is_said_in_the_header_and_the_instructions(cli):
    bind = cli("shop.example.net", "--identity-file", SHOP, "-f", "bind").stdout
    assert "; Identity shop.example.net, region ap-northeast-3, zone example.net." in bind
    assert "; Zone assumed: the registrable domain (Public Suffix List); --zone ZONE changes it" in bind
    given = cli("shop.example.net", "--identity-file", SHOP, "-f", "bind", "--zone", "shop.example.net").stdout
    assert "Zone assumed" not in given and "zone shop.example.net." in given
    text = cli("shop.example.net", "--identity-file", SHOP, "--lang", "en").stdout
    assert "Hosts are relative to the zone `example.net`" in text
    assert "`q3ogmtzmbnfwrhsfiv7yqb6c45dlrxeg._domainkey.shop`" in text


@pytest.mark.parametrize("suffix", ["co.uk", "co.jp", "github.io", "ac.jp"])
def test_a_public_suffix_is_refused_as_zone(cli, suffix):
    one_line_refusal(cli("example.com", "--identity-file", PLAIN, "-f", "csv", "--zone", suffix),
                     f"--zone: {suffix} is a public suffix")


@pytest.mark.needs_named
def test_a_folder_of_zone_files_holds_one_file_per_zone_that_named_loads(cli, tmp_path):
    """-o FOLDER/ for bind: ZONE.zone, every identity of the zone in it; named-checkzone loads it
    as the zone it is named after."""
    saved = tmp_path / "saved"
    saved.mkdir()
    for domain in ("example.com", "news.example.com", "mail.example.com"):
        (saved / f"{domain}.json").write_text(Path(PLAIN).read_text(encoding="utf-8"), encoding="utf-8")
    (saved / "shop.example.net.json").write_text(Path(SHOP).read_text(encoding="utf-8"), encoding="utf-8")
    out = tmp_path / "zones"
    result = cli("--identity-file", str(saved), "-f", "bind", "--region", "ap-northeast-3", "-o", f"{out}/")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in out.iterdir()) == ["example.com.zone", "example.net.zone"]
    text = (out / "example.com.zone").read_text(encoding="utf-8")
    assert all(f"; {d}." in text for d in ("example.com", "news.example.com", "mail.example.com"))
    checkzone = require_tool("named-checkzone")
    for zone in ("example.com", "example.net"):
        wrapped = tmp_path / f"{zone}.db"
        wrapped.write_text("$TTL 300\n@ SOA . . 0 0 0 0 0\n@ NS .\n" + (out / f"{zone}.zone").read_text(), encoding="utf-8")
        loaded = subprocess.run([checkzone, "-k", "fail", zone, str(wrapped)], capture_output=True, text=True)
        assert loaded.returncode == 0, loaded.stdout + loaded.stderr


# --- 3. DMARC -----------------------------------------------------------------------------------

def test_no_dmarc_below_the_organisational_domain_and_a_note_saying_why(cli):
    result = cli("shop.example.net", "--identity-file", SHOP, "-f", "csv")
    assert result.exit_code == 0
    assert "_dmarc" not in result.stdout
    assert "note: shop.example.net: No DMARC record for shop.example.net: the policy of example.net already applies" \
        in result.stderr and "_dmarc.example.net" in result.stderr
    for lang, text in (("en", "publish one at `_dmarc.example.net`"), ("ja", "`_dmarc.example.net` に登録")):
        assert text in cli("shop.example.net", "--identity-file", SHOP, "--lang", lang).stdout
    asked = cli("shop.example.net", "--identity-file", SHOP, "-f", "csv", "--dmarc", "v=DMARC1; p=reject;")
    assert "_dmarc.shop.example.net.,_dmarc.shop,v=DMARC1; p=reject;" in asked.stdout
    assert "DMARC" not in asked.stderr


def test_the_default_dmarc_at_the_organisational_domain_and_its_report_address(cli):
    assert "_dmarc.example.com. 1800 IN TXT \"v=DMARC1; p=none;\"" in cli("example.com", "--identity-file", PLAIN,
                                                                          "-f", "bind").stdout
    result = cli("example.com", "--identity-file", PLAIN, "-f", "bind", "--dmarc-rua", "mailto:dmarc@example.com")
    assert '_dmarc.example.com. 1800 IN TXT "v=DMARC1; p=none; rua=mailto:dmarc@example.com;"' in result.stdout


@pytest.mark.parametrize("text", [
    "v=DMARC1; p=none;", "v=DMARC1; p=reject", "v=DMARC1;p=quarantine;pct=50;sp=none;adkim=s;aspf=r",
    "v=DMARC1; p=none; rua=mailto:a@example.com,mailto:b@example.org!10m; ruf=mailto:f@example.com; fo=1:d; ri=3600",
])
def test_valid_dmarc_records_are_kept_as_written(text):
    assert model.options(dmarc=text).dmarc == text


@pytest.mark.parametrize("text, reason", [
    ("p=none", "must start with 'v=DMARC1'"),
    ("v=DMARC2; p=none", "must start with 'v=DMARC1'"),
    ("v=DMARC1", "has no p= policy"),
    ("v=DMARC1; rua=mailto:d@example.com", "has no p= policy"),
    ("v=DMARC1; p=block", "p='block' is not a valid value"),
    ("v=DMARC1; p=none; sp=maybe", "sp='maybe'"),
    ("v=DMARC1; p=none; foo=bar", "'foo' is not a DMARC tag"),
    ("v=DMARC1; p=none; p=reject", "given twice"),
    ("v=DMARC1; p=none; pct=150", "pct='150'"),
    ("v=DMARC1; p=none; rua=d@example.com", "is not a report address"),
    ("v=DMARC1; p=none; adkim", "is not a tag=value pair"),
    ("v=DMARC1; p=none; v=DMARC1", "only once"),
])
def test_invalid_dmarc_records_are_refused_with_the_reason(text, reason):
    with pytest.raises(InputError, match="^dmarc: ") as refused:
        model.options(dmarc=text)
    assert reason in str(refused.value)


def test_dmarc_rua_is_checked_and_goes_only_with_the_default():
    assert model.options(dmarc_rua="mailto:a@example.com, mailto:b@example.com").dmarc_default == \
        "v=DMARC1; p=none; rua=mailto:a@example.com,mailto:b@example.com;"
    for kwargs, reason in (({"dmarc_rua": "a@example.com"}, "not a report address"),
                           ({"dmarc_rua": "mailto:a@example.com", "dmarc": None}, "--no-dmarc"),
                           ({"dmarc_rua": "mailto:a@example.com", "dmarc": "v=DMARC1; p=none"}, "with --dmarc")):
        with pytest.raises(InputError, match="^dmarc_rua: ") as refused:
            model.options(**kwargs)
        assert reason in str(refused.value)


# --- 4. SES statuses ----------------------------------------------------------------------------

def test_failed_statuses_say_how_to_restart_on_stderr_and_at_the_top_of_the_instructions(cli):
    result = cli("日本語.jp", "--identity-file", FAILED, "--region", "ap-northeast-1", "--lang", "en")
    assert result.exit_code == 0
    dkim = "https://docs.aws.amazon.com/ses/latest/dg/troubleshoot-dkim.html"  # no sourced restart command exists
    mail_from = ("aws sesv2 put-email-identity-mail-from-attributes --email-identity xn--wgv71a119e.jp "
                 "--mail-from-domain mail.xn--wgv71a119e.jp --behavior-on-mx-failure USE_DEFAULT_VALUE "
                 "--region ap-northeast-1")
    top = result.stdout.split("### Step 1 ")[0]  # above the first step
    for command in (dkim, mail_from):
        assert command in result.stderr
    assert dkim in top and f"`{mail_from}`" in top
    assert "status FAILED" in result.stderr
    ja = cli("日本語.jp", "--identity-file", FAILED, "--region", "ap-northeast-1", "--lang", "ja").stdout
    assert dkim in ja.split("### 手順 1")[0] and "確認をやり直させて" in ja


def statuses(**changes) -> model.Identity:
    data = response(SHOP)
    for path, value in changes.items():
        section, _, key = path.partition("__")
        (data[section] if key else data).__setitem__(key or section, value)
    return model.identity(data, "shop.example.net", model.options(), "shop.json")


def keys(identity: model.Identity) -> list[str]:
    return [phrase.key for phrase in identity.advisories]


def test_each_status_gets_its_notice():
    assert keys(statuses()) == ["notice.dmarc-at-organisation", "notice.zone-assumed"]
    assert keys(statuses(DkimAttributes__Status="TEMPORARY_FAILURE"))[0] == "notice.dkim-temporary-failure"
    assert keys(statuses(VerificationStatus="FAILED"))[0] == "notice.verification-failed"
    assert keys(statuses(DkimAttributes__SigningEnabled=False))[0] == "notice.signing-disabled"
    assert keys(statuses(MailFromAttributes__MailFromDomainStatus="FAILED"))[0] == "notice.mail-from-failed"
    # SES retries a temporary failure by itself: no restart command (issue 21, section 4).
    assert keys(statuses(MailFromAttributes__MailFromDomainStatus="TEMPORARY_FAILURE"))[0] == \
        "notice.mail-from-temporary-failure"
    assert keys(statuses(MailFromAttributes__BehaviorOnMxFailure="REJECT_MESSAGE"))[0] == "notice.reject-on-mx-failure"
    # Once SES found the MX, REJECT_MESSAGE no longer stops anything.
    assert "notice.reject-on-mx-failure" not in keys(statuses(MailFromAttributes__BehaviorOnMxFailure="REJECT_MESSAGE",
                                                             MailFromAttributes__MailFromDomainStatus="SUCCESS"))


def test_reject_on_mx_failure_and_signing_disabled_on_stderr(cli, tmp_path):
    data = response(SHOP)
    data["MailFromAttributes"]["BehaviorOnMxFailure"] = "REJECT_MESSAGE"
    data["DkimAttributes"]["SigningEnabled"] = False
    path = tmp_path / "shop.example.net.json"
    path.write_text(json.dumps(data), encoding="utf-8")
    result = cli("--identity-file", str(path), "-f", "bind")
    assert result.exit_code == 0
    assert "BehaviorOnMxFailure: REJECT_MESSAGE: SES refuses to send from it until it finds the MX record of " \
           "bounce.shop.example.net" in result.stderr
    assert "DKIM signing is turned off" in result.stderr


# The NOTICES catalogue against the keys exporter/advisories.py produces (as tests/test_guide_text.py
# does for GUIDE and guide.py).
SOURCE = Path(exporter.advisories.__file__).read_text(encoding="utf-8")
CALLS = [node for node in ast.walk(ast.parse(SOURCE)) if isinstance(node, ast.Call)
         and isinstance(node.func, ast.Name) and node.func.id == "Phrase"]
GIVEN = {call.args[0].value: {keyword.arg for keyword in call.keywords} for call in CALLS}


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_notice_is_in_every_language_with_the_values_it_is_given(lang):
    assert len(CALLS) >= 7
    words = catalogue(lang).NOTICES
    assert set(words) == set(GIVEN)
    for key, values in GIVEN.items():
        assert set(placeholders(words[key])) == values, (lang, key)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_notice_means_the_same_in_markdown_and_html(lang):
    words = catalogue(lang).NOTICES
    commonmark = MarkdownIt("commonmark")
    for key, values in GIVEN.items():
        phrase = Phrase(key, **{name: "a_b*c`d<e>&f\\g" for name in values})
        assert html_phrase(phrase, words) == commonmark.renderInline(md_phrase(phrase, words)), key


# --- 5. input of the wrong shape ----------------------------------------------------------------

@pytest.mark.parametrize("file, texts", [
    ("ses-v1-dkim.json", ["SES v1 output ('aws ses get-identity-dkim-attributes'",
                          "aws sesv2 get-email-identity --email-identity example.com"]),
    ("ses-v1-verification.json", ["'aws ses get-identity-verification-attributes'"]),
    ("no-dkim-attributes.json", ["no DkimAttributes object", "aws sesv2 get-email-identity --email-identity example.com"]),
    ("utf16-no-bom.json", ["saved as UTF-16 without a byte-order mark"]),
])
def test_input_of_the_wrong_shape_is_named(cli, file, texts):
    one_line_refusal(cli("example.com", "--identity-file", str(BAD / file), "-f", "bind"), *texts)


def test_a_single_file_names_its_domain_as_a_folder_does(cli):
    result = cli("--identity-file", SHOP, "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["identities"][0]["domain"] == "shop.example.net."
    one_line_refusal(cli("--identity-file", str(BAD / "array.json"), "-f", "bind"),
                     "no DOMAIN given, and the file name 'array' is not one")


def test_utf16_with_a_byte_order_mark_is_read(cli):
    """PowerShell 5.1's `aws ... > example.com.json` writes UTF-16 LE with a BOM."""
    result = cli("--identity-file", str(ROOT / "tests" / "utf16" / "example.com.json"), "-f", "csv")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == cli("example.com", "--identity-file", PLAIN, "-f", "csv").stdout
    utf16_stdin = Path(PLAIN).read_text(encoding="utf-8").encode("utf-16")
    from click.testing import CliRunner

    from exporter.cli import main
    piped = CliRunner().invoke(main, ["example.com", "--identity-file", "-", "-f", "csv"], input=utf16_stdin)
    assert piped.exit_code == 0 and piped.stdout.startswith("Type,Name")


def test_stdin_without_domain_suggests_the_dash(cli):
    line = one_line_refusal(cli("--identity-file", "-", "-f", "bind", input="{}"), "--identity-file -")
    assert "--identity-file stdin" not in line


def test_every_bad_file_of_a_folder_is_named_in_one_line(cli, tmp_path):
    line = one_line_refusal(cli("--identity-file", str(BAD / "several-bad"), "-f", "bind"), "3 saved identities are bad")
    for name in ("a.example.json", "b.example.json", "c.example.json"):
        assert name in line
    many = tmp_path / "many"
    many.mkdir()
    for n in range(8):
        (many / f"d{n}.example.json").write_text("[]", encoding="utf-8")
    line = one_line_refusal(cli("--identity-file", str(many), "-f", "bind"), "8 saved identities are bad", "and 3 more")
    assert line.count("found list") == 5


# --- 6. BYODKIM keys ----------------------------------------------------------------------------

@pytest.mark.parametrize("file, reason", [
    ("ed25519-public.pem", "an ed25519 key; SES's BYODKIM takes RSA keys of 1024 to 2048 bits only"),
    ("ec-p256-public.pem", "an EC (ECDSA) key"),
    ("rsa-4096-public.pem", "a 4096-bit RSA key; SES's BYODKIM takes 1024 to 2048 bits"),
])
def test_keys_ses_cannot_take_are_refused_with_the_reason(cli, file, reason):
    one_line_refusal(cli("byodkim.example.org", "--identity-file", BYODKIM, "--region", "eu-central-2", "-f", "bind",
                         "--dkim-public-key", str(BAD / file)), "--dkim-public-key:", reason)


@pytest.mark.parametrize("bits, ok", [(512, False), (1023, False), (1024, True), (2048, True), (2049, False)])
def test_rsa_sizes(bits, ok):
    der = rsa_public_key_der(bits, 7)
    assert dkim_key.rsa_modulus_bits(der) == bits
    if ok:
        assert dkim_key.public_key_base64(der, "k.der") == __import__("base64").b64encode(der).decode()
    else:
        with pytest.raises(InputError, match=f"a {bits}-bit RSA key"):
            dkim_key.public_key_base64(der, "k.der")


def test_der_and_pem_give_the_same_record(cli):
    args = ("byodkim.example.org", "--identity-file", BYODKIM, "--region", "eu-central-2", "-f", "bind")
    pem = cli(*args, "--dkim-public-key", KEY_PEM)
    der = cli(*args, "--dkim-public-key", str(ROOT / "tests" / "keys" / "byodkim.example.org.der"))
    assert pem.exit_code == der.exit_code == 0
    records = [[line for line in r.stdout.splitlines() if not line.startswith(";")] for r in (pem, der)]
    assert records[0] == records[1]  # the headers differ only in the key file the check command names
    assert "ses2026._domainkey.byodkim.example.org. 1800 IN TXT \"p=MIIB" in der.stdout


def test_a_folder_of_keys_gives_each_byodkim_identity_its_own(cli, tmp_path):
    saved, keys_folder = tmp_path / "saved", tmp_path / "keys"
    saved.mkdir()
    keys_folder.mkdir()
    identity = response(BYODKIM)
    del identity["MailFromAttributes"]  # its MAIL FROM is byodkim.example.org's
    for n, bits in ((1, 1024), (2, 2048)):
        (saved / f"b{n}.example.org.json").write_text(json.dumps(identity), encoding="utf-8")
        der = rsa_public_key_der(bits, n)
        (keys_folder / f"b{n}.example.org.pem").write_text(
            "-----BEGIN PUBLIC KEY-----\n" + __import__("base64").b64encode(der).decode() + "\n-----END PUBLIC KEY-----\n")
    (saved / "example.com.json").write_text(Path(PLAIN).read_text(encoding="utf-8"), encoding="utf-8")
    result = cli("--identity-file", str(saved), "--region", "eu-central-2", "-f", "json",
                 "--dkim-public-key", str(keys_folder))
    assert result.exit_code == 0, result.stderr
    values = {r["identity"]: r["value"] for r in json.loads(result.stdout)["records"] if r["type"] == "TXT"
              and r["purpose"] == "dkim"}
    assert len(set(values.values())) == 2 and set(values) == {"b1.example.org.", "b2.example.org."}
    (keys_folder / "b2.example.org.pem").unlink()
    one_line_refusal(cli("--identity-file", str(saved), "--region", "eu-central-2", "-f", "json",
                         "--dkim-public-key", str(keys_folder)), "the key folder has no b2.example.org.pem")


# --- 7. the verification token and CSV cells ---------------------------------------------------

@pytest.mark.parametrize("token, ok", [
    ("QTKknzFg2J4ygwa+XvHAxUl1hyHoY0gVfZdfjIedHZ0=", True),
    ("+TKknzFg2J4ygwa/XvHAxUl1hyHoY0gVfZdfjIedHZ0=", True),
    ("=1+1", False), ("QTKknzFg2J4ygwa+XvHAxUl1hyHoY0gVfZdfjIedHZ0", False),
    ("QTKknzFg2J4ygwa+XvHAxUl1hyHoY0gVfZdfjIedHZ0==", False), ("QTKknzFg2J4ygwa-XvHAxUl1hyHoY0gVfZdfjIedHZ0=", False),
])
def test_the_verification_token_is_44_base64_characters(token, ok):
    if ok:
        assert model.options(verification_token=token).verification_token == token
    else:
        with pytest.raises(InputError, match="^verification_token: .* is not an SES verification token"):
            model.options(verification_token=token)


@pytest.mark.parametrize("value, cell", [
    ("=1+1", "'=1+1"), ("+AB=", "'+AB="), ("-2", "'-2"), ("@SUM(A1)", "'@SUM(A1)"), ("\t=1", "'\t=1"),
    ("\r=1", "'\r=1"), ("v=DMARC1; p=none;", "v=DMARC1; p=none;"), ("'already", "'already"), (None, ""), (10, "10"),
    (-1, "-1"),
    ("", ""),
])
def test_csv_cell_disarms_what_a_spreadsheet_would_run(value, cell):
    assert filters.csv_cell(value) == cell


FORMULA = re.compile(r"^[=+\-@\t\r]")


@settings(max_examples=examples(300), deadline=None)
@given(case=cases())
def test_no_csv_cell_can_start_a_formula(case):
    """Whatever SES and the options hold, no cell the CSV holds starts with = + - @ tab or CR."""
    try:
        identity = case.identity()
    except InputError:
        return
    rows = list(csv.reader(io.StringIO(formats.render("csv", [identity]), newline="")))
    assert len(rows) == 1 + len(identity.records)
    for row in rows:
        for cell in row:
            assert not FORMULA.match(cell), row


@settings(max_examples=examples(300), deadline=None)
@given(fields=st.lists(st.one_of(st.none(), st.integers(), st.text(max_size=30),
                                 st.builds(lambda c, t: c + t, st.sampled_from(["=", "+", "-", "@", "\t", "\r"]),
                                           st.text(max_size=10))), max_size=6))
def test_csv_row_never_starts_a_cell_with_a_formula_and_keeps_the_rest(fields):
    [row] = list(csv.reader(io.StringIO(filters.csv_row(fields), newline=""))) or [[]]
    if not fields:
        return
    assert len(row) == len(fields)
    for cell, field in zip(row, fields):
        if isinstance(field, int):  # numbers are written as they are: -1 is a number, not a formula
            assert cell == str(field)
            continue
        assert not FORMULA.match(cell)
        text = "" if field is None else field
        assert cell == text or cell == "'" + text


# --- 8. contradictions --------------------------------------------------------------------------

@pytest.mark.parametrize("args, text", [
    (["--dmarc", "v=DMARC1; p=none;", "--no-dmarc"], "--dmarc: contradicts --no-dmarc"),
    (["--mail-from", "a.example.com", "--mail-from", "b.example.com"], "--mail-from: given 2 times"),
    (["--dkim-public-key", KEY_PEM], "--dkim-public-key: example.com uses Easy DKIM"),
    (["--check", "--ttl", "300"], "--ttl: changes how records are written; --check writes none"),
    (["--check", "--zone-id", "Z123"], "--zone-id: changes how records are written"),
    (["--check", "--dns-host", "cloudflare"], "--dns-host: changes how records are written"),
    (["--check", "--cloudflare-provider", "v4"], "--cloudflare-provider: changes how records are written"),
    (["-o", ""], "--output: empty path"),
    (["--dmarc-rua", "mailto:d@example.com", "--no-dmarc"], "--dmarc-rua: "),
])
def test_contradictions_are_refused_with_one_line(cli, args, text):
    one_line_refusal(cli("example.com", "--identity-file", PLAIN, "--region", "us-east-1", *args), text)


def test_the_defaults_of_render_only_options_are_no_contradiction_with_check():
    from exporter.job import Job, _refuse_contradictions

    _refuse_contradictions(Job(domains=("example.com",), identity_file=PLAIN, check=True))
    assert Job().settings().dns_host == "generic" and Job().settings().cloudflare_provider == "v5"
    assert Job().options().ttl == model.DEFAULT_TTL


def test_a_key_mapping_from_the_library_takes_any_spelling_of_the_domain():
    der = rsa_public_key_der(1024, 3)
    key = dkim_key.public_key_base64(der, "k.der")
    opts = model.options(region="eu-central-2", dkim_public_keys={"BYODKIM.Example.org": key})
    identity = model.identity(response(BYODKIM), "byodkim.example.org", opts, "b.json")
    assert identity.records[0].value == f"p={key}"
