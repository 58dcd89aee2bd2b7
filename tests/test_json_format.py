"""The JSON contract of docs/formats.md ("json")."""

import json

from conftest import sample_argv
from json_schema import parsed

PURPOSES = {"dkim", "mail-from-mx", "mail-from-spf", "dmarc", "verification"}


def test_json_contract(cli, sample):
    result = cli(*sample_argv(sample, "--format", "json"))
    assert result.exit_code == 0, result.stderr
    doc = parsed(result.stdout)
    assert set(doc) == {"format_version", "identities", "records"} and doc["format_version"] == 1
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


def test_every_golden_json_sample_matches_the_schema():
    from conftest import ROOT

    documents = [path for path in (ROOT / "samples" / "rendered").glob("*.json")
                 if not path.name.endswith("route53-changes.json")]
    assert len(documents) >= 4
    for path in documents:
        assert parsed(path.read_text(encoding="utf-8"))["format_version"] == 1


def test_the_schema_refuses_what_the_contract_does_not_say():
    import jsonschema
    import pytest

    from json_schema import validator

    good = {"format_version": 1, "identities": [], "records": [
        {"identity": "example.com.", "name": "example.com.", "type": "MX", "ttl": 300, "priority": 10,
         "value": "feedback-smtp.us-east-1.amazonses.com.", "purpose": "mail-from-mx"}]}
    validator().validate(good)
    for broken in ({**good, "format_version": 2}, {k: v for k, v in good.items() if k != "format_version"},
                   {**good, "records": [{**good["records"][0], "priority": None}]},
                   {**good, "records": [{**good["records"][0], "value": "feedback-smtp.example"}]},
                   {**good, "records": [{**good["records"][0], "purpose": "carried"}]}):
        with pytest.raises(jsonschema.ValidationError):
            validator().validate(broken)


def test_the_schema_names_the_statuses_the_model_accepts():
    from exporter import model

    from json_schema import validator

    defs = validator().schema["$defs"]
    statuses = set(defs["dkim_status"]["enum"]) - {None}
    assert statuses == set(model.SES_VALUES["DkimAttributes.Status"]) == set(model.SES_VALUES["VerificationStatus"])
    errors = set(defs["identity"]["properties"]["verification_error"]["enum"]) - {None}
    assert errors == set(model.SES_VALUES["VerificationInfo.ErrorType"])
    mail_from = set(defs["identity"]["properties"]["mail_from_status"]["enum"]) - {None, "PLANNED"}
    assert mail_from == set(model.SES_VALUES["MailFromAttributes.MailFromDomainStatus"])


def test_a_rendered_document_that_breaks_the_schema_fails_the_test_that_rendered_it(monkeypatch):
    """conftest.py's wrapper is in force: a json document missing a field is caught where it is rendered."""
    import jsonschema
    import pytest

    import exporter
    from exporter import model

    from conftest import SAMPLES

    identities = exporter.load_saved(str(SAMPLES / "identities" / "example.com.json"), ["example.com"],
                                     exporter.options(region="us-east-1"))
    monkeypatch.setattr(model.Record, "as_json", lambda self: {"name": self.name})
    with pytest.raises(jsonschema.ValidationError):
        exporter.render("json", identities)
