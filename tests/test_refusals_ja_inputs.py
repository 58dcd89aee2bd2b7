"""The refusals of the model, of names, regions, DMARC values and keys, and of the library's
arguments: said in the run's language (--lang ja), and in English exactly as before (--lang en)."""

from pathlib import Path

import pytest

import exporter
from exporter.errors import InputError

IDENTITY = ("example.com", "--identity-file", "samples/identities/example.com.json", "--region", "us-east-1")
BYODKIM = ("byodkim.example.org", "--identity-file", "samples/identities/byodkim.example.org.json", "-f", "bind")

CASES = [
    pytest.param(
        (*IDENTITY, "--zone", "co.jp"),
        "--zone: co.jp is a public suffix (Public Suffix List): nobody's DNS host holds a zone for it; give the zone "
        "you manage, such as example.co.jp",
        "--zone: co.jp はパブリックサフィックス（Public Suffix List）で、どの DNS サービスもこのゾーンを持てません。"
        "example.co.jp のように、管理しているゾーンを指定してください",
        id="public-suffix"),
    pytest.param(
        (*IDENTITY, "--dmarc", "p=none"),
        "--dmarc: 'p=none' must start with 'v=DMARC1' (for example 'v=DMARC1; p=none;')",
        "--dmarc: 'p=none' は 'v=DMARC1' で始めてください（例: 'v=DMARC1; p=none;'）",
        id="dmarc-version"),
    pytest.param(
        (*IDENTITY, "--dmarc", "v=DMARC1; p=none; pct=50; pct=60"),
        "--dmarc: the tag 'pct' is given twice",
        "--dmarc: タグ 'pct' が 2 回指定されています",
        id="dmarc-tag-twice"),
    pytest.param(
        (*IDENTITY, "--mail-from", "mail.example.net"),
        "--mail-from: mail.example.net must be a subdomain of example.com",
        "--mail-from: mail.example.net は example.com のサブドメインにしてください",
        id="mail-from-outside"),
    pytest.param(
        (*IDENTITY, "--mail-from", "user@example.com"),
        "--mail-from: 'user@example.com' is an email address, not a domain",
        "--mail-from: 'user@example.com' はメールアドレスで、ドメインではありません",
        id="domain-name"),
    pytest.param(
        ("example.com", "--identity-file", "samples/identities/example.com.json", "--region", "moon-1"),
        "--region: 'moon-1' is not an AWS region (like us-east-1 or ap-northeast-1)",
        "--region: 'moon-1' は AWS のリージョン名（us-east-1 や ap-northeast-1 など）ではありません",
        id="region"),
    pytest.param(
        BYODKIM,
        "samples/identities/byodkim.example.org.json: byodkim.example.org uses BYODKIM (selector 'ses2026'); pass "
        "--dkim-public-key PEM_FILE with the public half of the key you gave SES",
        "samples/identities/byodkim.example.org.json: byodkim.example.org は BYODKIM（セレクター 'ses2026'）を使って"
        "います。SES に渡した鍵の公開鍵を --dkim-public-key PEM_FILE で指定してください",
        id="byodkim-without-key"),
    pytest.param(
        (*BYODKIM, "--dkim-public-key", "tests/bad_input/private-key.pem"),
        "--dkim-public-key: tests/bad_input/private-key.pem: this is a PRIVATE key; pass the public key "
        "(openssl rsa -in KEY -pubout)",
        "--dkim-public-key: tests/bad_input/private-key.pem: これは秘密鍵です。公開鍵を渡してください"
        "（openssl rsa -in KEY -pubout）",
        id="private-key"),
]


@pytest.mark.parametrize("args, english, japanese", CASES)
def test_a_refusal_is_said_in_the_run_language(cli, args, english, japanese):
    for lang, expected in (("en", english), ("ja", japanese)):
        result = cli(*args, "--lang", lang)
        assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"ses-export: {expected}\n"), lang


def test_the_library_keeps_english_and_says_it_in_japanese_too():
    with pytest.raises(InputError) as raised:
        exporter.options(ttl=0)
    assert str(raised.value) == "ttl: 0 is not a TTL (a whole number of seconds from 1 to 2147483647)"
    assert raised.value.cli_message("ja") == "--ttl: 0 は TTL（1 から 2147483647 までの整数の秒数）ではありません"

    with pytest.raises(InputError) as raised:
        exporter.options(dkim_public_key="-----BEGIN PUBLIC KEY-----\n!!!\n-----END PUBLIC KEY-----\n")
    assert str(raised.value) == "dkim_public_key: the key: the key is not valid base64"
    assert raised.value.cli_message("ja") == "--dkim-public-key: 鍵: 正しい base64 ではありません"

    with pytest.raises(InputError) as raised:
        exporter.check([], nameservers="127.0.0.1")
    assert str(raised.value) == "nameservers: '127.0.0.1' is not a list of HOST[:PORT] texts"
    assert raised.value.cli_message("ja") == "--nameservers: '127.0.0.1' は HOST[:PORT] の文字列のリストではありません"


def test_a_key_folder_refusal_names_the_file_in_the_run_language(cli, tmp_path):
    (tmp_path / "bad@name.pem").write_bytes(Path("samples/keys/byodkim.example.org.pem").read_bytes())
    shown = f"--dkim-public-key: {tmp_path}/bad@name.pem"
    for lang, expected in (("en", f"{shown}: file name: 'bad@name' is an email address, not a domain"),
                           ("ja", f"{shown}: ファイル名: 'bad@name' はメールアドレスで、ドメインではありません")):
        result = cli(*BYODKIM, "--dkim-public-key", str(tmp_path), "--lang", lang)
        assert (result.exit_code, result.stdout, result.stderr) == (2, "", f"ses-export: {expected}\n"), lang
