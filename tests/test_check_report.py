"""The --check report (table and JSON), its words in each language, and the --check options."""

import json
import re
import string

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from test_check import DKIM1, clean, view

from exporter import model
from exporter.dnscheck import ask, compare, report, run
from exporter.errors import InputError
from exporter.filters import terminal_text
from exporter.language import LANGUAGES
from exporter.text import catalogue

from check_schema import parsed
from check_zones import saved_identity, write_identity
from conftest import ROOT, examples

SERVER = "ns1.example.test. (192.0.2.1)"


def result(data=None, live_error=None, lang_zone="example.test.", servers=None):
    response = saved_identity("example.test")
    identity = model.identity(response, "example.test", model.options(region="us-east-1"), "saved.json")
    if live_error:  # the model refuses it from saved JSON; an Identity a program made can still hold it
        identity = identity._replace(verification_error=live_error)
    findings = compare.compare(list(identity.records), lang_zone, {SERVER: view(clean() if data is None else data)})
    return run.CheckResult(identity, lang_zone, servers or [run.ServerAnswer(SERVER, True)], findings)


def broken():
    data = clean()
    data[DKIM1]["CNAME"] = ["tok1aaaa.dkim.amazonses.com.example.test."]
    return result(data)


def placeholders(text: str) -> set:
    return {name for _, name, _, _ in string.Formatter().parse(text) if name}


def test_every_language_has_every_sentence_with_the_same_blanks():
    english = catalogue("en").CHECK
    for lang in LANGUAGES:
        words = catalogue(lang).CHECK
        assert words.keys() == english.keys(), lang
        for key, sentence in english.items():
            assert placeholders(words[key]) == placeholders(sentence), (lang, key)


def literal_fix_keys() -> set:
    """The fix keys compare.py writes as literals: finding(STATUS, CAUSE, VALUES, FIX) and Finding(...)."""
    import ast
    import inspect

    found = set()
    for node in ast.walk(ast.parse(inspect.getsource(compare))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "finding":
            key = node.args[3] if len(node.args) >= 4 else (node.args[1] if len(node.args) == 2 else None)
            if isinstance(key, ast.Constant) and key.value:
                found.add(key.value)
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Finding" and len(node.args) >= 8:
            if isinstance(node.args[7], ast.Constant):
                found.add(node.args[7].value)
    return found


def spf_verdict_keys() -> tuple[set, set, set]:
    """The causes, fix keys and note keys spf.py writes as literals in Verdict(CAUSE, DETAIL, FIX, note=NOTE)."""
    import ast
    import inspect

    from exporter.dnscheck import spf

    causes, fixes, notes = set(), set(), set()
    for node in ast.walk(ast.parse(inspect.getsource(spf))):
        if isinstance(node, ast.Call) and getattr(node.func, "id", None) == "Verdict":
            if node.args and isinstance(node.args[0], ast.Constant) and node.args[0].value:
                causes.add(node.args[0].value)
            fix = node.args[2] if len(node.args) >= 3 else next((k.value for k in node.keywords if k.arg == "fix"), None)
            fixes |= {fix.value} if isinstance(fix, ast.Constant) else set()
            if isinstance(fix, ast.IfExp):  # "a" if ... else "b"
                fixes |= {branch.value for branch in (fix.body, fix.orelse) if isinstance(branch, ast.Constant)}
            notes |= {k.value.value for k in node.keywords if k.arg == "note" and isinstance(k.value, ast.Constant)}
    return causes, fixes, notes


def test_every_cause_fix_and_note_has_words():
    words = catalogue("en").CHECK
    assert {f"cause.{cause}" for cause in compare.CAUSES} == {key for key in words if key.startswith("cause.")}
    assert {f"fix.{key}" for key in compare.FIXES} == {key for key in words if key.startswith("fix.")}
    assert {f"note.{key}" for key in compare.NOTES} == {key for key in words if key.startswith("note.")}
    assert literal_fix_keys() <= set(compare.FIXES) and len(literal_fix_keys()) > 15
    causes, fixes, notes = spf_verdict_keys()
    assert causes <= set(compare.CAUSES) and fixes <= set(compare.FIXES) and notes <= set(compare.NOTES)
    assert len(fixes) >= 5 and len(notes) == 1
    assert {f"misplaced-{p}" for p in ("mail-from-mx", "mail-from-spf")} <= set(compare.FIXES)  # built from purpose


def test_json_object_of_docs_check():
    document = parsed(report.render_json([broken()], "en", checked_at="2026-12-02T01:00:00Z"))
    assert document["checked_at"] == "2026-12-02T01:00:00Z"
    assert document["summary"] == {"identities": 1, "all_right": 0, "with_problems": 1}
    (identity,) = document["identities"]
    assert identity["domain"] == "example.test." and identity["zone"] == "example.test."
    assert identity["servers"] == [{"server": SERVER, "answered": True, "why": None, "fix": None}]
    assert identity["ses"]["dkim_status"] == "PENDING" and identity["ses"]["verification_error"] == "HOST_NOT_FOUND"
    first, ok, spf = identity["findings"][0], identity["findings"][1], identity["findings"][4]
    assert first["status"] == "wrong" and first["cause"] == "value-has-zone-appended"
    assert first["found"] == {SERVER: ["tok1aaaa.dkim.amazonses.com.example.test."]}
    assert first["fix"].endswith(": tok1aaaa.dkim.amazonses.com.")
    assert ok["cause"] is None and ok["fix"] is None and ok["found"][SERVER] == ok["expected"]
    assert spf["expected"] == ["v=spf1 include:amazonses.com ~all"]  # TXT plain, as in the export JSON
    assert spf["found"] == {SERVER: ["v=spf1 include:amazonses.com ~all"]} and spf["purpose"] == "mail-from-spf"
    missing = parsed(report.render_json([result({})], "en"))["identities"][0]["findings"][0]
    assert (missing["status"], missing["cause"], missing["found"]) == ("missing", None, {SERVER: []})
    assert missing["fix"] == ("Add the CNAME record at tok1aaaa._domainkey.example.test. (host tok1aaaa._domainkey) "
                              "with this value: tok1aaaa.dkim.amazonses.com.")


def test_a_server_that_did_not_answer_is_in_the_json_and_fails_the_run():
    dead = result(servers=[run.ServerAnswer(SERVER, True), run.ServerAnswer("192.0.2.9", False, "timed out after 2 s")])
    document = parsed(report.render_json([dead], "en"))
    assert document["identities"][0]["servers"][1] == {
        "server": "192.0.2.9", "answered": False, "why": "timed out after 2 s",
        "fix": "if it is gone for good, remove it from the NS records of example.test at the registrar and in the "
               "zone; otherwise bring it back"}
    assert document["identities"][0]["ok"] is False and report.exit_status([dead]) == 1
    table = report.render_table([dead], "en", live=False)
    assert "no answer: 192.0.2.9: timed out after 2 s" in table
    assert "\n    -> if it is gone for good, remove it from the NS records of example.test" in table


@pytest.mark.parametrize("why, given, fix", [
    ("192.0.2.9 timed out after 2 s", False, "server.dead"),
    ("ns2.example.test. answered REFUSED: not authoritative for the zone", False, "server.lame"),
    ("ns2.example.test. was not authoritative (a referral or a lame delegation)", False, "server.lame"),
    ("127.0.0.1:5353 timed out after 2 s", True, "server.given-dead"),
    ("127.0.0.1:5353 answered REFUSED: not authoritative for the zone", True, "server.given-lame"),
])
def test_a_dead_or_lame_server_has_a_fix(why, given, fix):
    server = run.ServerAnswer("ns2", False, why, given)
    assert server.fix == fix
    for lang in ("en", "ja"):
        assert report.server_fix(server, "example.test.", lang) == report.words(lang)[fix].format(zone="example.test")
    assert "example.test" in report.server_fix(server, "example.test.", "en") or fix == "server.given-dead"
    assert run.ServerAnswer(run.RESOLVER, False, "DNS: cannot find the zone").fix is None
    assert run.ServerAnswer("ns1", True).fix is None


def test_many_identities_summary_and_only_problems():
    results = [result(), broken(), result()]
    table = report.render_table(results, "en", live=False)
    assert table.endswith("\n3 identities: 2 all right, 1 with problems\n")
    assert table.count("Checked example.test") == 3
    only = report.render_table(results, "en", live=False, only_problems=True)
    assert only.count("Checked example.test") == 1 and "value-has-zone-appended" in only
    assert only.endswith("3 identities: 2 all right, 1 with problems\n")
    assert report.render_table([result()], "en", live=False).endswith("6 ok, 0 missing, 0 wrong\n")
    document = parsed(report.render_json(results, "en", only_problems=True))
    assert len(document["identities"]) == 1 and document["summary"]["all_right"] == 2
    assert len(parsed(report.render_json(results, "en"))["identities"]) == 3
    assert parsed(report.render_json([], "en"))["identities"] == []


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
    assert report._width(head[:head.index("名前")]) == report._width(row[:row.index("tok1aaaa._domainkey")])
    assert lines[-1] == "正常 6 件、未登録 0 件、誤り 0 件"


def test_japanese_table_is_japanese_throughout():
    """Status words, causes, SES's statuses: all Japanese; only data (names, values, codes of DNS) stays."""
    data = clean()
    data[DKIM1]["CNAME"] = ["tok1aaaa.dkim.amazonses.com.example.test."]
    text = report.render_table([result(data, live_error="HOST_NOT_FOUND")], "ja", live=False)
    assert "検証 確認待ち、エラー レコードが見つからない" in text
    for english in ("PENDING", "FAILED", "HOST_NOT_FOUND", "ok ", "wrong", "missing", "value-has-zone-appended",
                    "error", "DKIM PENDING"):
        assert english not in text, english
    assert "誤り" in text and "値にゾーン名が付加: 末尾のドットがないため" in text
    document = parsed(report.render_json([result(data)], "ja"))
    assert document["identities"][0]["findings"][0]["cause"] == "value-has-zone-appended"  # codes stay in JSON


def test_control_characters_from_outside_never_reach_the_terminal():
    hostile = result(live_error="\x1b]0;owned\x07\x1b[2J")
    text = report.render_table([hostile], "en", live=True)
    assert "\x1b" not in text and "\x07" not in text
    assert "\\x1b]0;owned\\x07\\x1b[2J" in text


def test_long_values_are_shortened_in_the_table_only():
    record = model.Record("example.test.", "sel._domainkey.example.test.", "TXT", 300, "p=" + "A" * 400, "dkim")
    finding = compare.compare_one(record, "example.test.", {}, "ns")
    identity = result().identity
    res = run.CheckResult(identity, "example.test.", [run.ServerAnswer("ns", True)], [finding])
    table = report.render_table([res], "en", live=False)
    assert max(len(line) for line in table.splitlines()[2:4]) < 180 and "..." in table
    assert parsed(report.render_json([res], "en"))["identities"][0]["findings"][0]["expected"] == [record.value]


@settings(max_examples=examples(100))  # its own count: the "ci" profile sizes the round trips
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
    (["--only-problems"], "--only-problems: only with --check"),
])
def test_check_options_misused_exit_2(cli, tmp_path, extra, message):
    path = write_identity(tmp_path, "clean.test")
    result = cli("clean.test", "--identity-file", path, "--region", "us-east-1", *extra)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.count("\n") == 1 and message in result.stderr


def docs_rows(heading: str) -> list[list[str]]:
    """The rows of the first table under `heading` in docs/check.md, as cells."""
    text = (ROOT / "docs" / "check.md").read_text()
    section = text.split(f"\n## {heading}\n", 1)[1].split("\n## ", 1)[0]
    lines = [line for line in section.splitlines() if line.startswith("|")][2:]
    return [[cell.strip() for cell in line.strip("|").split(" | ")] for line in lines]


def sentence_pattern(template: str) -> str:
    parts = []
    for literal, name, _, _ in string.Formatter().parse(template):
        parts.append(re.escape(literal))
        if name:
            parts.append(".+?")
    return "".join(parts)


def test_docs_list_every_cause_with_a_true_example_line():
    """docs/check.md: each cause has a row, and each example line is a sentence the code can write."""
    words = catalogue("en").CHECK
    patterns = [sentence_pattern(words[key]) for key in words if key.startswith(("fix.", "note."))]
    rows = docs_rows("Causes") + docs_rows("Findings of their own")
    named = {row[0].strip("`") for row in rows}
    assert set(compare.CAUSES) <= named
    examples = [row[-1].strip("`") for row in rows] + [row[-1].strip("`") for row in docs_rows("Remarks on records that are right")]
    assert len(examples) > 30
    for example in examples:
        cause, _, sentence = example.partition(": ")
        if cause not in compare.CAUSES:
            sentence = example
        assert any(re.fullmatch(pattern, sentence) for pattern in patterns), example


def test_a_zone_found_in_dns_is_said_in_the_reports_language():
    found = result(lang_zone="test.")  # DNS says "test.", not the zone assumed, example.test.
    english = report.render_table([found], "en", live=False).splitlines()[2]
    assert english == ("DNS says the zone holding example.test is test, not example.test: host names and fixes "
                       "are for the test zone")
    japanese = report.render_table([found], "ja", live=False).splitlines()[2]
    assert japanese.startswith("DNS によると example.test を含むゾーンは example.test ではなく test です。")
    assert parsed(report.render_json([found], "ja"))["identities"][0]["zone_note"] == japanese
    assert parsed(report.render_json([found], "en"))["identities"][0]["zone_note"] == english


def test_no_answer_at_all_leaves_no_table_rows():
    dead = result(servers=[run.ServerAnswer("system resolver", False, "DNS: example.test does not exist (NXDOMAIN)")])
    dead.findings = []
    lines = report.render_table([dead], "en", live=False).splitlines()
    assert lines[2].startswith("no answer: system resolver: DNS: example.test does not exist") and len(lines) == 4
    assert parsed(report.render_json([dead], "en"))["identities"][0]["findings"] == []


@settings(max_examples=examples(100))
@given(st.recursive(st.none() | st.booleans() | st.integers() | st.text(),
                    lambda inner: st.lists(inner, max_size=3) | st.dictionaries(st.text(), inner, max_size=3),
                    max_leaves=10))
def test_json_line_is_one_line_of_the_same_value(value):
    from exporter.filters import json_line

    text = json_line(value)
    assert "\n" not in text and json.loads(text) == value


def test_json_line_keeps_non_ascii_readable():
    from exporter.filters import json_line

    assert json_line({"n": "日本語.jp", "v": 'a"b\\c\n'}) == '{"n": "日本語.jp", "v": "a\\"b\\\\c\\n"}'


@pytest.mark.parametrize("why, japanese", [
    ("clean.test. timed out after 0.2 s", "clean.test. の問い合わせに 0.2 秒以内の応答がありません"),
    ("clean.test. timed out after 2 s (it stopped answering earlier in this check)",
     "clean.test. の問い合わせに 2 秒以内の応答がありません（この確認の途中から応答が止まっています）"),
    ("x.test. answered REFUSED: not authoritative for the zone",
     "x.test. の問い合わせを拒否されました（REFUSED）。このゾーンの権威サーバーではありません"),
    ("x.test. answered SERVFAIL", "x.test. の問い合わせにエラー SERVFAIL が返りました"),
    ("x.test. was not authoritative (a referral or a lame delegation)",
     "x.test. について権威のある応答がありません（委任先の誤り、いわゆる lame delegation）"),
    ("x.test. failed (Connection refused)", "x.test. の問い合わせに失敗しました (Connection refused)"),
    ("something new", "something new"),
])
def test_why_a_server_did_not_answer_in_each_language(why, japanese):
    assert report.why_text(why, "en") == why  # the English catalogue says it as ask.py does
    assert report.why_text(why, "ja") == japanese


def test_the_schema_lists_every_cause_the_check_can_give():
    schema = json.loads((ROOT / "docs" / "check.schema.json").read_text())
    assert set(schema["$defs"]["finding"]["properties"]["cause"]["enum"]) == {None, *compare.CAUSES}


_JSON_VALUES = st.recursive(
    st.none() | st.booleans() | st.integers() | st.text(),
    lambda inner: st.lists(inner, max_size=4) | st.dictionaries(st.text(), inner, max_size=4), max_leaves=12)


@settings(max_examples=300)
@given(_JSON_VALUES)
def test_a_report_line_is_what_json_dumps_writes(value):
    """report._json_line keeps one C encoder for the run: its text is json.dumps's, byte for byte."""
    assert report._json_line(value) == json.dumps(value, ensure_ascii=False)
