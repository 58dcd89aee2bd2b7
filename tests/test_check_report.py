"""The --check report (table and JSON), its words in each language, and the --check options."""

import json
import re
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from check_zones import saved_identity, write_identity
from exporter import model
from exporter.check import ask, compare, report, run
from exporter.check.words import FIXES, LABELS
from exporter.errors import InputError
from exporter.filters import terminal_text
from test_check import DKIM1, clean, view


def result(data=None, live_error=None, lang_zone="example.test."):
    response = saved_identity("example.test")
    if live_error:
        response["VerificationInfo"]["ErrorType"] = live_error
    identity = model.identity(response, "example.test", model.options(region="us-east-1"), "saved.json")
    findings = compare.compare(list(identity.records), lang_zone, {"ns": view(clean() if data is None else data)})
    return run.CheckResult(identity, lang_zone, None, [run.ServerAnswer("ns1.example.test. (192.0.2.1)", True)], findings)


def broken():
    data = clean()
    data[DKIM1]["CNAME"] = ["tok1aaaa.dkim.amazonses.com.example.test."]
    return result(data)


def placeholders(text: str) -> set:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_language_has_every_sentence_with_the_same_blanks():
    assert FIXES["ja"].keys() == FIXES["en"].keys()
    assert LABELS["ja"].keys() == LABELS["en"].keys()
    for key, sentence in FIXES["en"].items():
        assert placeholders(FIXES["ja"][key]) == placeholders(sentence), key
    for key, label in LABELS["en"].items():
        assert placeholders(LABELS["ja"][key]) == placeholders(label), key


def test_every_cause_has_a_sentence():
    causes = {"value-has-zone-appended", "name-has-zone-appended", "extra-quotes", "underscore-dropped",
              "servers-disagree", "value-differs", "missing", "conflict-spf", "conflict-dmarc", "conflict-mx",
              "conflict-cname", "value-differs-dmarc"}
    assert causes == FIXES["en"].keys()


def test_json_list_of_design_section_5():
    entries = json.loads(report.render_json([broken()], "en"))
    assert [set(entry) for entry in entries] == [{"name", "type", "expected", "found", "status", "cause", "fix"}] * 6
    first, ok = entries[0], entries[1]
    assert first["status"] == "wrong" and first["cause"] == "value-has-zone-appended"
    assert first["found"] == ["tok1aaaa.dkim.amazonses.com.example.test."]
    assert first["fix"].endswith(": tok1aaaa.dkim.amazonses.com.")
    assert ok["cause"] is None and ok["fix"] is None and ok["found"] == ok["expected"]
    missing = json.loads(report.render_json([result({})], "en"))[0]
    assert (missing["status"], missing["cause"], missing["found"]) == ("missing", None, [])
    assert missing["fix"] == ("Add the CNAME record at tok1aaaa._domainkey.example.test. (host tok1aaaa._domainkey) "
                              "with this value: tok1aaaa.dkim.amazonses.com.")


def test_exit_status():
    assert report.exit_status([result()]) == 0
    assert report.exit_status([result(), broken()]) == 1


def test_table_colours_only_when_asked():
    plain = report.render_table([broken()], "en", live=False)
    coloured = report.render_table([broken()], "en", live=False, colour=True)
    assert "\x1b[" not in plain
    assert "\x1b[31mwrong \x1b[0m" in coloured and "\x1b[32mok    \x1b[0m" in coloured
    assert re.sub(r"\x1b\[\d+m", "", coloured) == plain


def test_table_header_says_whether_ses_statuses_are_live():
    live = report.render_table([result(live_error="DNS_SERVER_ERROR")], "en", live=True).splitlines()
    assert live[1] == ("SES says (live, us-east-1): DKIM PENDING, MAIL FROM PENDING, verification PENDING, "
                       "error DNS_SERVER_ERROR")
    saved = report.render_table([result()], "en", live=False).splitlines()
    assert saved[1].startswith("SES said (saved in saved.json; may be out of date): DKIM PENDING")


def test_japanese_table_columns_line_up():
    lines = report.render_table([result()], "ja", live=False).splitlines()
    head, row = lines[2], lines[3]
    assert head.startswith("状態")
    # "名前" is 4 columns wide on a terminal: the NAME column starts where the row's name starts.
    assert report._width(head[:head.index("名前")]) == row.index("tok1aaaa._domainkey")
    assert lines[-1] == "ok 6 件、missing 0 件、wrong 0 件"


def test_control_characters_from_outside_never_reach_the_terminal():
    hostile = result(live_error="\x1b]0;owned\x07\x1b[2J")
    text = report.render_table([hostile], "en", live=True)
    assert "\x1b" not in text and "\x07" not in text
    assert "\\x1b]0;owned\\x07\\x1b[2J" in text


def test_long_values_are_shortened_in_the_table_only():
    record = model.Record("example.test.", "sel._domainkey.example.test.", "TXT", 300, "p=" + "A" * 400, "dkim")
    finding = compare.compare_one(record, "example.test.", {})
    identity = result().identity
    res = run.CheckResult(identity, "example.test.", ["ns"], {}, [finding])
    table = report.render_table([res], "en", live=False)
    assert max(len(line) for line in table.splitlines()[2:4]) < 180 and "..." in table
    assert json.loads(report.render_json([res], "en"))[0]["expected"] == [compare.expected_rdata(record).to_text()]


@settings(max_examples=100)  # its own count: the "ci" profile sizes the round trips
@given(st.text())
def test_terminal_text_leaves_only_printable_text(value):
    shown = terminal_text(value)
    assert all(c.isprintable() or c == " " for c in shown)
    if all(c.isprintable() or c == " " for c in value):
        assert shown == value


@pytest.mark.parametrize("text, address, port, name", [
    ("127.0.0.1", "127.0.0.1", 53, None),
    ("127.0.0.1:5353", "127.0.0.1", 5353, None),
    ("[::1]:5300", "::1", 5300, None),
    ("::1", "::1", 53, None),
    ("localhost:5353", "127.0.0.1", 5353, "localhost"),
])
def test_nameserver_host_and_port(text, address, port, name):
    server = ask.parse_nameserver(text)
    assert (server.address, server.port, server.name, server.recursion) == (address, port, name, True)


@pytest.mark.parametrize("text", ["127.0.0.1:0", "127.0.0.1:70000", "127.0.0.1:x", ":53", "[::1]x"])
def test_nameserver_refused(text):
    with pytest.raises(InputError, match="--nameserver"):
        ask.parse_nameserver(text)


def test_server_labels():
    assert ask.Server("192.0.2.1").label == "192.0.2.1"
    assert ask.Server("127.0.0.1", 5353).label == "127.0.0.1:5353"
    assert ask.Server("::1", 5353).label == "[::1]:5353"
    assert ask.Server("192.0.2.1", name="ns1.example.").label == "ns1.example. (192.0.2.1)"


@pytest.mark.parametrize("extra, message", [
    (["--check", "-f", "bind"], "--format: bind writes the records; with --check"),
    (["--nameserver", "127.0.0.1", "-f", "bind"], "--nameserver: only with --check"),
    (["--check", "--nameserver", "127.0.0.1:99999"], "--nameserver: '127.0.0.1:99999'"),
])
def test_check_options_misused_exit_2(cli, tmp_path, extra, message):
    path = write_identity(tmp_path, "clean.test")
    result = cli("clean.test", "--identity-file", path, "--region", "us-east-1", *extra)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and message in result.stderr
