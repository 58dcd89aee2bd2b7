"""Refusals of the saved files, the outputs, the formats, --nameserver and live SES in the run's language
(issue 24 §1, "every refusal"): with --lang ja the one stderr line is the Japanese catalogue's, with
--lang en it is the English text, byte for byte as before."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from exporter.text import plain

SAMPLES = Path(__file__).resolve().parent.parent / "samples" / "identities"
EXAMPLE = str(SAMPLES / "example.com.json")
SHOP = str(SAMPLES / "shop.example.net.json")
KANA = re.compile(r"[\u3040-\u30ff]")  # hiragana and katakana: a sentence of the Japanese catalogue


def refusal(cli, *args: str, lang: str) -> str:
    result = cli(*args, "--lang", lang)
    assert result.exit_code == 2, result.output
    last = result.stderr.splitlines()[-1]  # after any notes on the identities: the refusal ends the run
    assert last.startswith("ses-export: "), result.stderr
    return last.removeprefix("ses-export: ")


def said_both_ways(cli, *args: str, english: str) -> str:
    """The refusal in English (exactly `english`) and in Japanese (returned: kana, not the English)."""
    assert refusal(cli, *args, lang="en") == english
    ja = refusal(cli, *args, lang="ja")
    assert KANA.search(ja) and ja != english, ja
    return ja


def test_a_utf32_file(cli, tmp_path):
    saved = tmp_path / "example.com.json"
    saved.write_bytes(Path(EXAMPLE).read_text().encode("utf-32"))
    ja = said_both_ways(cli, "--identity-file", str(saved), english=(
        f"--identity-file: {saved}: saved as UTF-32; save it as UTF-8 (PowerShell: | Out-File -Encoding utf8)"))
    assert ja.startswith(f"--identity-file: {saved}: ") and "UTF-32 で保存" in ja


def test_several_bad_files_of_a_folder_each_in_the_language(cli, tmp_path):
    (tmp_path / "a.example.json").write_text("{")
    (tmp_path / "b.example.json").write_bytes(b"\x80\x81 not text")
    ja = said_both_ways(cli, "--identity-file", str(tmp_path), english=(
        f"2 saved identities are bad: {tmp_path / 'a.example.json'}: not JSON (Expecting property name enclosed "
        f"in double quotes at line 1, column 2); --identity-file: {tmp_path / 'b.example.json'}: not UTF-8 text"))
    assert ja.startswith("保存した ID のうち 2 件に問題があります: ")
    assert "JSON ではありません" in ja and "--identity-file: " in ja and "UTF-8 のテキストではありません" in ja


def test_an_output_folder_that_does_not_exist(cli, tmp_path):
    target = tmp_path / "missing" / "out.txt"
    ja = said_both_ways(cli, "example.com", "--identity-file", EXAMPLE, "-o", str(target),
                        english=f"--output: {tmp_path / 'missing'}: no such folder")
    assert ja == f"--output: {tmp_path / 'missing'}: そのようなフォルダーはありません"


def test_an_output_that_is_a_socket(cli, tmp_path):
    import socket

    path = tmp_path / "s"
    with socket.socket(socket.AF_UNIX) as listening:
        listening.bind(str(path))
        ja = said_both_ways(cli, "example.com", "--identity-file", EXAMPLE, "-o", str(path), english=(
            f"--output: {path} is a socket; -o writes a file, a folder, a device or a FIFO"))
    assert ja == f"--output: {path} はソケットです。-o で書き込めるのはファイル、フォルダー、デバイス、FIFO です"


def test_two_zones_in_one_change_batch(cli):
    ja = said_both_ways(cli, "example.com", "shop.example.net", "--identity-file", str(SAMPLES),
                        "-f", "route53-changes", english=(
                            "--format: a change batch is for one hosted zone, and these identities are in 2 "
                            "(example.com, example.net); write one batch per zone with -o FOLDER/, or pass --zone"))
    assert ja.startswith("--format: 変更バッチは 1 つのホストゾーンに対するものですが")
    assert "ゾーンごとにバッチを書く" in ja and "(example.com, example.net)" not in ja


def test_a_zone_id_of_the_wrong_shape(cli):
    ja = said_both_ways(cli, "example.com", "--identity-file", EXAMPLE, "-f", "terraform-cloudflare",
                        "--zone-id", "nothex", english=(
                            "--zone-id: 'nothex' is not a Cloudflare zone id (32 hex digits)"))
    assert ja == "--zone-id: 'nothex' は Cloudflare のゾーン ID（16 進数 32 桁）ではありません"


@pytest.mark.parametrize(("server", "english", "japanese"), [
    ("[::1]x", "--nameserver: '[::1]x' is not HOST[:PORT]", "--nameserver: '[::1]x' は HOST[:PORT] の形ではありません"),
    ("127.0.0.1:0", "--nameserver: '127.0.0.1:0': the port must be a number from 1 to 65535",
     "--nameserver: '127.0.0.1:0': ポートは 1 から 65535 までの数で指定してください"),
])
def test_a_nameserver_that_is_not_one(cli, server, english, japanese):
    ja = said_both_ways(cli, "example.com", "--identity-file", EXAMPLE, "--check", "--nameserver", server,
                        english=english)
    assert ja == japanese


def test_live_ses_failures_are_phrases():
    """The lines of a failed SES call (the live path: exercised against a loopback SES in test_failures.py)."""
    import botocore.exceptions

    from exporter.errors import AwsError
    from exporter.sources.ses import failure_message

    error = AwsError(failure_message(botocore.exceptions.NoCredentialsError(), botocore.exceptions, "us-east-1",
                                     "example.com", "ses:GetEmailIdentity", 5.0, 1))
    assert str(error).startswith("SES in us-east-1: no AWS credentials found: set AWS_PROFILE or pass --profile")
    assert error.cli_message("ja").startswith("SES（us-east-1）: AWS の認証情報が見つかりません。")
    timeout = failure_message(botocore.exceptions.ReadTimeoutError(endpoint_url="https://x"), botocore.exceptions,
                              "us-east-1", "example.com", "ses:GetEmailIdentity", 5.0, 2)
    assert plain(timeout, "en") == ("SES in us-east-1: no answer within 5 s asking for example.com (2 attempts); "
                                    "check the network, or allow longer with --timeout")
    assert "2 回試行" in plain(timeout, "ja")


def test_a_weaker_dmarc_record_says_why_in_the_language():
    from exporter.phrase import Phrase

    weaker = Phrase("error.weaker-policy", ours="none", live="reject")
    refusal_ = Phrase("error.merge-dmarc-weaker", value="'v=DMARC1; p=none'", name="_dmarc.example.com",
                      published="v=DMARC1; p=reject", weaker=weaker)
    assert plain(refusal_, "en") == ("'v=DMARC1; p=none' is weaker than the DMARC record published at "
                                     "_dmarc.example.com (v=DMARC1; p=reject): p=none where p=reject is published; "
                                     "drop --dmarc to keep the published record")
    assert "公開中は p=reject なのに p=none です" in plain(refusal_, "ja")


@pytest.mark.parametrize(("text", "english", "japanese"), [
    ("v=spf1 +all", "it ends in +all, which lets every sender on the Internet pass SPF; replace +all with ~all or "
     "-all first", "+all で終わっていて"),
    ("v=spf1 include:nothing.example ~all", "include:nothing.example leads to a permerror: nothing.example has no "
     "SPF record (RFC 7208 5.2)", "include:nothing.example の先で permerror になります: nothing.example に SPF "
     "レコードがありません"),
])
def test_an_spf_record_that_cannot_be_merged_says_why_in_the_language(text, english, japanese):
    """--merge-live's SPF refusal, with its reason (against named: tests/test_merge_live.py)."""
    from exporter.errors import InputError
    from exporter.merge import Refusal, merged_spf
    from exporter.phrase import Phrase

    with pytest.raises(Refusal) as refused:
        merged_spf(text, lambda name: [])
    assert str(refused.value) == english
    error = InputError(Phrase("error.merge-spf", name="mail.example.com", record=text, reason=refused.value.reason),
                       option="merge_live")
    assert str(error) == f"merge_live: cannot merge amazonses.com into the SPF record at mail.example.com ({text}): " \
                         f"{english}"
    assert error.cli_message("ja").startswith(f"--merge-live: mail.example.com の SPF レコード（{text}）に "
                                              f"amazonses.com を組み込めません: {japanese}")
