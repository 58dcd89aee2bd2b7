"""csv and instructions formats, for every bundled sample, both languages and every DNS panel.

The CSV is read back with the csv module and the Markdown with a CommonMark parser, and both
are compared with the JSON model of the same sample (the stable contract), not with strings the
templates produced.
"""

import csv
import io
import json

import dns.rdata
import dns.rdataclass
import dns.rdatatype
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from exporter.panels import PANEL_NAMES, PANELS

from conftest import SAMPLES, examples, sample_argv

LANGS = ("en", "ja")
MAIL_FROM = str(SAMPLES / "identities" / "shop.example.net.json")


def model(cli, sample, *extra):
    result = cli(*sample_argv(sample, "-f", "json", *extra))
    assert result.exit_code == 0, result.stderr
    return json.loads(result.stdout)


def code_spans(markdown: str) -> list[str]:
    tokens = MarkdownIt("commonmark").parse(markdown)
    return [child.content for token in tokens if token.type == "inline" for child in token.children
            if child.type == "code_inline"]


# --- csv ------------------------------------------------------------------------------

def test_csv_reads_back_as_the_model(cli, sample):
    result = cli(*sample_argv(sample, "-f", "csv"))
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert list(rows[0]) == ["Type", "Name", "Host", "Value", "Priority", "TTL", "Note"]
    document = model(cli, sample)
    zone = document["identities"][0]["zone"]
    assert [(row["Type"], row["Name"], row["Value"], row["Priority"], row["TTL"]) for row in rows] == [
        (r["type"], r["name"], r["value"], "" if r["priority"] is None else str(r["priority"]), str(r["ttl"]))
        for r in document["records"]
    ]
    # Note: what to do where the name already has a DMARC / SPF record (issue 21); empty for the rest.
    notes = {"dmarc": "already has a v=DMARC1 record, keep it and skip this record",
             "mail-from-spf": "already has a v=spf1 record, add include:amazonses.com to it, before its all term"}
    for row, record in zip(rows, document["records"]):
        assert (notes[record["purpose"]] in row["Note"]) if record["purpose"] in notes else row["Note"] == ""
    for row in rows:
        assert row["Name"].endswith(".") and not row["Value"].startswith('"')
        assert row["Host"] + "." + zone == row["Name"] or (row["Host"] == "@" and row["Name"] == zone)


def test_csv_host_is_relative_to_a_zone_above_the_identity(cli):
    result = cli("shop.example.net", "--identity-file", MAIL_FROM, "--region", "ap-northeast-3",
                 "-f", "csv", "--zone", "example.net")
    assert result.exit_code == 0, result.stderr
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [row["Host"] for row in rows] == [
        "q3ogmtzmbnfwrhsfiv7yqb6c45dlrxeg._domainkey.shop", "hdw4x2rn5c6pbjfgtb6sx3fz2ac3mtvm._domainkey.shop",
        "b4kpmqr7z2w5l5yzgo7czwo4ouqfjkxn._domainkey.shop", "bounce.shop", "bounce.shop"]  # no DMARC below example.net
    assert rows[3]["Priority"] == "10" and rows[3]["Value"] == "feedback-smtp.ap-northeast-3.amazonses.com."


def test_csv_quotes_a_value_with_commas(cli):
    # A DMARC record is the one value with commas (several report addresses); no value can hold
    # a double quote any more (--dmarc is checked against RFC 7489), so commas are what is quoted.
    dmarc = "v=DMARC1; p=none; rua=mailto:a@example.net,mailto:b@example.net"
    result = cli("shop.example.net", "--identity-file", MAIL_FROM, "-f", "csv", "--dmarc", dmarc)
    rows = list(csv.reader(io.StringIO(result.stdout)))
    assert rows[-1][3] == dmarc
    assert f'"{dmarc}"' in result.stdout


def test_csv_holds_every_identity_of_a_folder(cli, monkeypatch):
    # The configuration's region (shop.example.net names its own, which --region would contradict)
    # and a folder of DOMAIN.pem keys (the Easy DKIM identities take none).
    monkeypatch.setenv("AWS_REGION", "eu-central-2")
    result = cli("--identity-file", str(SAMPLES / "identities"), "-f", "csv", "--dkim-public-key", str(SAMPLES / "keys"))
    assert result.exit_code == 0, result.stderr
    names = {row["Name"] for row in csv.DictReader(io.StringIO(result.stdout))}
    assert {"_dmarc.example.com.", "_dmarc.xn--wgv71a119e.jp.", "ses2026._domainkey.byodkim.example.org.",
            "bounce.shop.example.net."} <= names
    assert "_dmarc.shop.example.net." not in names  # below example.net: its policy applies


# --- instructions ---------------------------------------------------------------------

def code_blocks(markdown: str) -> list[list[str]]:
    """The lines of each fenced code block, as a CommonMark reader sees them."""
    return [token.content.splitlines() for token in MarkdownIt("commonmark").parse(markdown) if token.type == "fence"]


@pytest.mark.parametrize("lang", LANGS)
@pytest.mark.parametrize("dns_host", PANEL_NAMES)
def test_instructions_show_every_host_and_value_verbatim(cli, sample, lang, dns_host):
    result = cli(*sample_argv(sample, "-f", "instructions", "--lang", lang, "--dns-host", dns_host))
    assert result.exit_code == 0, result.stderr
    spans = code_spans(result.stdout)
    blocks = code_blocks(result.stdout)
    document = model(cli, sample)
    zone = document["identities"][0]["zone"]
    panel = PANELS[dns_host]
    lookups = {}  # (type, name) -> the answer after '#', from the dig lines of the closing check
    for line in blocks[-1]:
        if line.startswith("dig "):
            command, answer = line.split(" # ", 1)
            _, _, rtype, name = command.split(" ")
            lookups[(rtype, name)] = answer
    for r in document["records"]:
        host = r["name"][: -len(zone) - 1]
        assert host in spans
        # The full name, exactly, in the lookup lines (dig, and nslookup below it)
        assert (r["type"], r["name"]) in lookups, r
        assert f"nslookup -type={r['type']} {r['name']}" in blocks[-1]
        if r["type"] == "TXT" and panel.txt_quoted:
            # Route 53 takes RFC 1035 quoted strings: they must read back as the plain text.
            typed = [s for s in spans if s.startswith('"') and
                     b"".join(dns.rdata.from_text(dns.rdataclass.IN, dns.rdatatype.TXT, s).strings).decode() == r["value"]]
            assert typed, r
        elif r["type"] == "MX" and panel.mx_priority == "in-value":
            assert f"{r['priority']} {r['value']}" in spans
        else:
            assert r["value"] in spans, r
        if r["type"] in ("CNAME", "MX"):
            assert r["value"].endswith(".")
        if r["type"] == "MX" and panel.mx_priority != "in-value":
            assert str(r["priority"]) in spans
    # Each pitfall once, with one example of its wrong result, where it can happen on the panel
    doubled = {r["name"] + zone[:-1] for r in document["records"] if r["name"] + zone[:-1] in spans}
    assert len(doubled) == (0 if panel.full_name_ok else 1)
    relative = {r["value"] + zone[:-1] for r in document["records"] if r["value"] + zone[:-1] in spans}
    assert len(relative) == (0 if panel.drops_final_dot or panel.fqdn_values else 1)
    (command,) = blocks[-2]
    domain = document["identities"][0]["domain"][:-1]
    assert command.startswith(f"ses-export {domain} --identity-file ") and command.endswith(f"--lang {lang} --check")
    assert "72" in result.stdout


def test_japanese_uses_the_words_a_japanese_admin_uses(cli):
    result = cli("shop.example.net", "--identity-file", MAIL_FROM, "--region", "ap-northeast-3", "--lang", "ja")
    for word in ("ホスト名", "値", "優先度", "末尾のドット", "最大 72 時間"):
        assert word in result.stdout
    assert "Step " not in result.stdout


@pytest.mark.parametrize("env, heading", [({"LANG": "ja_JP.UTF-8"}, "# Amazon SES 用 DNS レコード"),
                                          ({"LANG": "C.UTF-8"}, "# DNS records Amazon SES needs")])
def test_language_defaults_to_the_locale(cli, monkeypatch, env, heading):
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    for var, value in env.items():
        monkeypatch.setenv(var, value)
    result = cli("shop.example.net", "--identity-file", MAIL_FROM, "--region", "ap-northeast-3")
    assert heading in result.stdout


def instructions(cli, dns_host, lang="en", sample="shop.example.net", *extra):
    path = str(SAMPLES / "identities" / f"{sample}.json")
    # shop.example.net's SigningHostedZone names its region; the BYODKIM sample needs one and its key.
    byodkim = ["--region", "eu-central-2", "--dkim-public-key", str(SAMPLES / "keys" / "byodkim.example.org.pem")]
    result = cli(sample, "--identity-file", path, "--lang", lang, "--dns-host", dns_host,
                 *(byodkim if sample == "byodkim.example.org" else []), *extra)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_cloudflare_dkim_cnames_are_dns_only(cli):
    text = instructions(cli, "cloudflare")
    assert text.count("- Proxy status: DNS only") == 3
    assert text.count("**Proxy status:** DNS only for CNAMEs") == 1
    assert "「DNS のみ」" in instructions(cli, "cloudflare", "ja")
    assert "Proxy status" not in instructions(cli, "route53")


def test_muumuu_says_a_blank_priority_becomes_50(cli):
    assert "Left blank, ムームードメイン sets `50`, not `10`." in instructions(cli, "muumuu")
    assert "空欄だとムームードメインは `10` でなく `50` にします" in instructions(cli, "muumuu", "ja")


def test_xserver_txt_quotes(cli):
    assert "strips surrounding quotes anyway" in instructions(cli, "xserver")


def test_value_domain_gets_editor_lines(cli):
    spans = code_spans(instructions(cli, "valuedomain"))
    # relative to the zone example.net (the registrable domain), as the editor of that zone reads them
    assert "txt bounce.shop v=spf1 include:amazonses.com ~all" in spans
    assert "cname q3ogmtzmbnfwrhsfiv7yqb6c45dlrxeg._domainkey.shop q3ogmtzmbnfwrhsfiv7yqb6c45dlrxeg.dkim.ap-northeast-3.amazonses.com." in spans


def test_a_key_longer_than_the_panel_takes_is_flagged(cli):
    text = instructions(cli, "sakura", "en", "byodkim.example.org")
    assert "takes at most 255 characters in a TXT value, so this 394-character key cannot be entered there" in text
    assert "鍵は登録できません" in instructions(cli, "sakura", "ja", "byodkim.example.org")
    assert "cannot be entered" not in instructions(cli, "cloudflare", "en", "byodkim.example.org")


def test_unknown_dns_host_is_bad_usage(cli):
    result = cli("shop.example.net", "--identity-file", MAIL_FROM, "--dns-host", "nowhere")
    assert result.exit_code == 2
    assert "--dns-host" in result.stderr


def test_instructions_for_several_identities_number_steps_throughout(cli, monkeypatch):
    monkeypatch.setenv("AWS_REGION", "eu-central-2")  # not --region: shop.example.net names its own
    result = cli("--identity-file", str(SAMPLES / "identities"), "--lang", "en",
                 "--dkim-public-key", str(SAMPLES / "keys"))
    assert result.exit_code == 0, result.stderr
    total = result.stdout.count("\n### ")
    assert f"\n### {total}. " in result.stdout and f"\n### {total + 1}. " not in result.stdout
    for domain in ("example.com", "shop.example.net", "xn--wgv71a119e.jp", "byodkim.example.org"):
        assert f"ses-export {domain} --identity-file {SAMPLES / 'identities'} " in result.stdout


def test_documented_examples_are_what_the_tool_writes(cli):
    doc = (SAMPLES.parent / "docs" / "formats.md").read_text(encoding="utf-8")
    csv_example = doc.split("Type,Name,Host,Value,Priority,TTL,Note\n", 1)[1].split("```", 1)[0]
    result = cli("shop.example.net", "--identity-file", MAIL_FROM, "--region", "ap-northeast-3", "-f", "csv",
                 "--zone", "example.net")
    for line in csv_example.strip().splitlines():
        assert line in result.stdout.splitlines()
    ja = cli("shop.example.net", "--identity-file", MAIL_FROM, "--region", "ap-northeast-3", "--zone", "example.net",
             "--lang", "ja", "--dns-host", "onamae").stdout
    step = doc.split("```markdown\n", 1)[1].split("```", 1)[0]
    for line in step.splitlines():
        assert line.replace("（…）", "") in ja.splitlines() or line == "（…）"


@settings(max_examples=examples(150), deadline=None)
@given(st.text(alphabet="abcXYZ019.!#$%&'*+/=?^_`{|}~-", min_size=1, max_size=60),
       st.sampled_from(LANGS), st.sampled_from(PANEL_NAMES))
def test_any_txt_text_reads_back_from_csv_and_markdown(local, lang, dns_host):
    """A DMARC value with backticks, commas or Markdown marks (a report address's local part may
    hold them; RFC 7489 allows nothing freer in --dmarc) still shows exactly."""
    from click.testing import CliRunner

    from exporter.cli import main

    dmarc = f"v=DMARC1; p=none; rua=mailto:{local}@example.net,mailto:b@example.net"
    base = ["shop.example.net", "--identity-file", MAIL_FROM, "--region", "ap-northeast-3", "--dmarc", dmarc]
    runner = CliRunner()
    rows = list(csv.DictReader(io.StringIO(runner.invoke(main, [*base, "-f", "csv"]).stdout)))
    assert rows[-1]["Value"] == dmarc
    text = runner.invoke(main, [*base, "--lang", lang, "--dns-host", dns_host]).stdout
    spans = code_spans(text)
    if PANELS[dns_host].txt_quoted:
        assert any(s.startswith('"') and b"".join(
            dns.rdata.from_text(dns.rdataclass.IN, dns.rdatatype.TXT, s).strings).decode() == dmarc for s in spans)
    else:
        assert dmarc in spans


@pytest.mark.slow
def test_installed_entry_point_finds_the_language_templates(tmp_path):
    import shutil
    import subprocess
    import sys
    from pathlib import Path

    exe = shutil.which("ses-export", path=str(Path(sys.executable).parent)) or shutil.which("ses-export")
    result = subprocess.run([exe, "shop.example.net", "--identity-file", MAIL_FROM, "--region", "ap-northeast-3",
                             "--lang", "ja", "--dns-host", "sakura"], capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 0, result.stderr
    assert "さくらインターネット" in result.stdout
    assert all(line.startswith("ses-export: note: ") for line in result.stderr.splitlines()), result.stderr


@pytest.mark.parametrize("lang, text", [("en", "**Underscores** are part of the names"),
                                        ("ja", "**`_`** も名前の一部")])
def test_the_underscore_warning_comes_once_before_the_steps(cli, lang, text):
    """Every DKIM and DMARC host has an '_': the same paragraph at each step would be noise."""
    result = cli("example.com", "--identity-file", str(SAMPLES / "identities" / "example.com.json"),
                 "--lang", lang)
    assert result.exit_code == 0, result.stderr
    assert result.stdout.count(text) == 1
    first_step, _ = result.stdout.split("### 1.", 1)
    assert text in first_step
