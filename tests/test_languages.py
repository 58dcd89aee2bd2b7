"""Languages (issue 24 §1): a language is its catalogue, exporter/text/LANG.py, and nothing else.

Every catalogue holds every sentence English holds (the missing ones are named here); the MESSAGES
keys the code says are in the catalogue with the values the code gives; a catalogue added from
tests/languages/ is found, chosen by the locale and used, and an incomplete one is refused with the
keys it lacks (exit 2, one line), never exit 70.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import exporter
from exporter import language, text
from exporter.language import LANGUAGES
from exporter.phrase import placeholders
from exporter.text import catalogue, missing, plain

PACKAGE = Path(exporter.__file__).parent
EXTRA = Path(__file__).parent / "languages"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_catalogue_has_every_sentence_english_has(lang):
    assert missing(lang) == {}, f"exporter/text/{lang}.py lacks {missing(lang)}"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_catalogue_holds_nothing_english_does_not(lang):
    english, words = catalogue("en"), catalogue(lang)
    for part in text.PARTS:
        assert set(getattr(words, part)) <= set(getattr(english, part)), (lang, part)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_sentence_shows_the_same_values_in_every_language(lang):
    english, words = catalogue("en"), catalogue(lang)
    for part in ("MESSAGES", "NOTICES"):
        for key, sentence in getattr(english, part).items():
            assert placeholders(getattr(words, part)[key]) == placeholders(sentence), (lang, part, key)


def _said_keys() -> dict[str, set[str]]:
    """{key: the values given} of every Phrase("error.|note|auto.|wait.|...") the package says, and the
    count keys `counted(NOUN, n)` can make."""
    found: dict[str, set[str]] = {}
    for path in PACKAGE.rglob("*.py"):
        if "text" in path.parts:
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Name) and node.args
                    and isinstance(node.args[0], ast.Constant) and isinstance(node.args[0].value, str)):
                continue
            if node.func.id in ("Phrase", "_note", "_said"):  # cli._said(KEY, lang, **values)
                found.setdefault(node.args[0].value, set()).update(k.arg for k in node.keywords)
            elif node.func.id == "counted":
                for key in (f"count.{node.args[0].value}", f"count.{node.args[0].value}.one"):
                    found.setdefault(key, set()).add("count")
    return found


def test_every_message_the_code_says_is_in_the_catalogue_with_its_values():
    said = _said_keys()
    english = catalogue("en").MESSAGES
    elsewhere = {key for part in ("GUIDE", "CHECK", "NOTICES", "HTML") for key in getattr(catalogue("en"), part)}
    messages = {key: values for key, values in said.items() if key not in elsewhere and (
        key in english or key.split(".")[0] in {"error", "auto", "wait", "count", "source", "progress", "dns", "note"})}
    assert len(messages) > 60
    for key, values in messages.items():
        assert key in english, f"MESSAGES has no {key!r}"
        assert set(placeholders(english[key])) == values, key
    assert set(english) - set(messages) <= {"count.other-identities"} | {k for k in english if k.startswith("count.")}


def test_the_default_language_is_matched_from_the_locale(monkeypatch):
    for var in ("LC_ALL", "LC_MESSAGES", "LANG"):
        monkeypatch.delenv(var, raising=False)
    assert language.default_language() == "en"
    monkeypatch.setenv("LANG", "ja_JP.UTF-8")
    assert language.default_language() == "ja"
    monkeypatch.setenv("LC_MESSAGES", "C")  # the first one set decides, as POSIX says
    assert language.default_language() == "en"
    monkeypatch.setenv("LC_ALL", "ja_JP.eucJP@euro")
    assert language.default_language() == "ja"
    monkeypatch.setenv("LC_ALL", "de_DE.UTF-8")  # no German catalogue: English
    assert language.default_language() == "en"


@pytest.fixture
def extra_languages(monkeypatch):
    """tests/languages/ as a second folder of the catalogue package: eo (small, complete) and ko (a stub)."""
    def forget():
        for cached in (text._load, text.missing, text._sentences):
            cached.cache_clear()

    monkeypatch.setattr(text, "__path__", [*text.__path__, str(EXTRA)])
    forget()
    yield
    forget()


def test_a_catalogue_added_as_a_file_is_found_and_chosen_by_the_locale(extra_languages, monkeypatch):
    assert {"eo", "ko"} <= set(language.languages())
    monkeypatch.setenv("LC_ALL", "eo.UTF-8")
    assert language.default_language() == "eo"
    assert missing("eo") == {}


def test_a_catalogue_added_as_a_file_says_the_run_in_its_language(extra_languages, monkeypatch, cli):
    monkeypatch.setenv("LC_ALL", "eo")
    sample = "samples/identities/example.com.json"
    result = cli("example.com", "--identity-file", sample, "--region", "us-east-1", "--mail-from",
                 "bounce.example.com", "--no-dmarc")
    assert result.exit_code == 0, result.stderr
    assert result.stdout.startswith("# DNS-registroj, kiujn Amazon SES bezonas:")
    assert "ses-export: noto: example.com: La MAIL FROM-domajno bounce.example.com estas planita" in result.stderr
    refused = cli("example.com", "--identity-file", sample, "--wait", "5m")
    assert (refused.exit_code, refused.stderr) == (2, "ses-export: --wait: nur kun --check\n")


def test_an_incomplete_catalogue_is_named_with_its_missing_keys_not_exit_70(extra_languages, monkeypatch, cli):
    gaps = missing("ko")
    assert gaps["GUIDE"] and "title" not in gaps["GUIDE"] and set(gaps) == set(text.PARTS)
    monkeypatch.setenv("LC_ALL", "ko_KR.UTF-8")
    result = cli("example.com", "--identity-file", "samples/identities/example.com.json", "--region", "us-east-1")
    assert result.exit_code == 2 and result.stdout == ""
    line, = result.stderr.splitlines()
    assert line.startswith("ses-export: --lang: the catalogue exporter/text/ko.py lacks ")
    assert "GUIDE: " in line and "MESSAGES: " in line and "Traceback" not in result.stderr


@pytest.mark.parametrize("lang, expected", [("en", "--wait: only with --check"), ("ja", "--wait: --check と一緒にだけ使えます")])
def test_refusals_are_said_in_the_run_language(cli, lang, expected):
    result = cli("example.com", "--identity-file", "samples/identities/example.com.json", "--wait", "5m",
                 "--lang", lang)
    assert (result.exit_code, result.stderr) == (2, f"ses-export: {expected}\n")


def test_the_library_keeps_english_text_and_the_phrase():
    from exporter.errors import InputError
    from exporter.phrase import Phrase

    error = InputError(Phrase("error.only-with-check"), option="wait")
    assert str(error) == "wait: only with --check"
    assert error.cli_message("ja") == "--wait: --check と一緒にだけ使えます"
    assert plain(error.phrase, "ja") == "--check と一緒にだけ使えます"


def test_the_check_json_says_why_a_server_did_not_answer_in_the_report_language():
    """servers[].why was English in every language; the table already said it in the catalogue's."""
    from test_check_report import result

    from exporter.dnscheck import report, run

    down = run.ServerAnswer("ns2.example.test. (192.0.2.2)", False, "ns2.example.test. timed out after 2.0 s")
    checked = result(servers=[run.ServerAnswer("ns1", True), down])
    servers = {lang: report.identity_json(checked, lang)["servers"] for lang in ("en", "ja")}
    assert servers["en"][1]["why"] == "ns2.example.test. timed out after 2.0 s"
    assert servers["ja"][1]["why"] == catalogue("ja").CHECK["why.timeout"].format(name="ns2.example.test.",
                                                                               seconds="2.0")
    assert servers["ja"][0]["why"] is None and servers["ja"][1]["answered"] is False  # machine fields as they were


def test_japanese_runs_say_their_notes_in_japanese(cli):
    result = cli("example.com", "--identity-file", "samples/identities/example.com.json", "--region", "us-east-1",
                 "--mail-from", "bounce.example.com", "--lang", "ja", "-f", "bind")
    assert result.exit_code == 0
    assert result.stderr == ("ses-export: 注記: example.com: MAIL FROM ドメイン bounce.example.com は予定（--mail-from）で、"
                             "SES ではまだ設定されていません\n")
    assert "; 注記: MAIL FROM ドメイン bounce.example.com は予定" in result.stdout  # the zone file's header too
    english = cli("example.com", "--identity-file", "samples/identities/example.com.json", "--region", "us-east-1",
                  "--mail-from", "bounce.example.com", "--lang", "ja", "-f", "json")
    assert __import__("json").loads(english.stdout)["identities"][0]["notes"] == [
        "MAIL FROM domain bounce.example.com is planned (--mail-from), not yet configured in SES"]  # the contract's


def test_japanese_wait_progress_and_dns_host_notes():
    from exporter.dns_host import from_hosts
    from exporter.dnscheck.wait import until_right

    class Wrong:
        all_right, findings, servers = False, (), ()

    said = []
    until_right(lambda batch: [Wrong() for _ in batch], ["x", "y"], 1, said.append, sleep=lambda s: None,
                clock=iter([0.0, 0.5, 5.0]).__next__)
    assert plain(said[0], "ja").startswith("待機: 確認 1 回目: 2 件の ID のうち 2 件がまだ正しくありません")
    assert plain(said[0]).startswith("wait: check 1: 2 of 2 identities not right yet (0 records not ok)")
    note = from_hosts("example.test.", ["ns1.unknown.test."]).note
    assert plain(note, "ja").startswith("example.test: ネームサーバー（ns1.unknown.test.）は")


def test_help_is_said_in_the_language_asked_where_its_catalogue_describes_it(cli, monkeypatch):
    """--help in Japanese (--lang ja, or a Japanese locale): the command's text and every option's, from the
    catalogue's HELP; click's own headings ("Usage:", "Options:") stay click's."""
    from exporter.cli import main

    words = catalogue("ja").HELP
    options = {param.name for param in main.params if param.help is not None or param.name in ("help", "version")}
    assert set(words) - {"command"} <= options | {"help", "version"}
    assert options - set(words) == set(), "options --help would show in English under --lang ja"
    shown = cli("--lang", "ja", "--help").stdout
    assert "Amazon SES のドメイン ID に必要な DNS レコード" in shown and "Usage: " in shown
    assert "このメッセージを表示して終了します。" in shown and "Show this message and exit." not in shown
    assert "With --check: check again" not in shown and "間隔を広げながら" in shown
    monkeypatch.setenv("LC_ALL", "ja_JP.UTF-8")
    assert "間隔を広げながら" in cli("-h").stdout
    monkeypatch.setenv("LC_ALL", "C")
    english = cli("--help").stdout  # the command object is shared: nothing Japanese stays behind
    assert "With --check: check again" in english and "Show this message and exit." in english
    assert not any("\u3040" <= c <= "\u30ff" for c in english)
