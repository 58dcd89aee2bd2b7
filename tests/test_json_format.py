"""The JSON contract of docs/formats.md ("json")."""

import json

from conftest import sample_argv

PURPOSES = {"dkim", "mail-from-mx", "mail-from-spf", "dmarc", "verification"}


def test_json_contract(cli, sample):
    result = cli(*sample_argv(sample, "--format", "json"))
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert set(doc) == {"identities", "records"}
    (identity,) = doc["identities"]
    assert identity["domain"].endswith(".") and identity["domain"].isascii()
    assert doc["records"]
    for record in doc["records"]:
        assert set(record) == {"identity", "name", "type", "ttl", "priority", "value", "purpose"}
        assert record["identity"] == identity["domain"]
        assert record["name"].endswith("." + identity["domain"]) or record["name"] == identity["domain"]
        assert record["purpose"] in PURPOSES
        if record["type"] == "MX":
            assert record["priority"] == 10 and record["value"].endswith(".amazonses.com.")
            assert " " not in record["value"]
        else:
            assert record["priority"] is None
        if record["type"] == "CNAME":
            assert record["value"].endswith(".")
        if record["type"] == "TXT":
            assert not record["value"].startswith('"')


def test_json_records_by_sample():
    """Each bundled sample carries exactly the records of docs/design.md ("The records")."""
    from click.testing import CliRunner

    from exporter.cli import main

    from conftest import sample_identities

    kinds = {}
    for sample in sample_identities():
        doc = json.loads(CliRunner().invoke(main, sample_argv(sample, "-f", "json")).stdout)
        kinds[sample["domain"]] = [(r["type"], r["purpose"]) for r in doc["records"]]
    dkim3 = [("CNAME", "dkim")] * 3
    mail_from = [("MX", "mail-from-mx"), ("TXT", "mail-from-spf")]
    assert kinds == {
        "example.com": dkim3 + [("TXT", "dmarc")],
        "shop.example.net": dkim3 + mail_from,  # below example.net: no DMARC by default
        "日本語.jp": dkim3 + mail_from + [("TXT", "dmarc")],
        "byodkim.example.org": [("TXT", "dkim")] + mail_from,  # below example.org: no DMARC
    }


def test_several_identities_in_one_document(cli):
    from conftest import SAMPLES

    result = cli("example.com", "shop.example.net", "--identity-file", str(SAMPLES / "identities"),
                 "--region", "ap-northeast-3", "-f", "json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert [i["domain"] for i in doc["identities"]] == ["example.com.", "shop.example.net."]
    assert {r["identity"] for r in doc["records"]} == {"example.com.", "shop.example.net."}
