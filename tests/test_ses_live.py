"""The live path through botocore's Stubber: requests and responses checked against the real sesv2 model."""

import json

import pytest
from botocore.stub import Stubber

from exporter import model
from exporter.errors import AwsError
from exporter.sources import ses

from conftest import SAMPLES

pytestmark = pytest.mark.slow  # every test builds a botocore client: its service model loads in ~0.2 s


@pytest.fixture
def source(aws_env):
    src = ses.SesClient("ap-northeast-3", None)
    with Stubber(src.client) as stubber:
        yield src, stubber


def saved(domain):
    return json.loads((SAMPLES / "identities" / f"{domain}.json").read_text())


def test_get_identity_feeds_the_model(source):
    src, stubber = source
    response = saved("shop.example.net")
    stubber.add_response("get_email_identity", response, {"EmailIdentity": "shop.example.net"})
    got = src.get_identity("shop.example.net.")
    identity = model.identity(got, "shop.example.net", model.options(region=src.region), "SES")
    assert identity.records[0].value.endswith(".dkim.ap-northeast-3.amazonses.com.")
    assert identity.records[3].value == "feedback-smtp.ap-northeast-3.amazonses.com."
    stubber.assert_no_pending_responses()


@pytest.mark.parametrize("code, status, text", [
    ("NotFoundException", 404, "no identity example.com"),
    ("AccessDeniedException", 403, "ses:GetEmailIdentity"),
    ("BadRequestException", 400, "BadRequestException"),
])
def test_client_errors_become_aws_errors(source, code, status, text):
    src, stubber = source
    stubber.add_client_error("get_email_identity", code, "msg", status, expected_params={"EmailIdentity": "example.com"})
    with pytest.raises(AwsError, match=text):
        src.get_identity("example.com.")


def test_cli_live_path_with_stubbed_client(aws_env, monkeypatch, cli):
    """The CLI's live branch, with the SES client stubbed where it is made."""
    real_init = ses.SesClient.__init__
    stubbers = []

    def init(self, region, profile, *args):
        real_init(self, region, profile, *args)
        stubber = Stubber(self.client)
        stubber.add_response("get_email_identity", saved("example.com"), {"EmailIdentity": "example.com"})
        stubber.activate()
        stubbers.append(stubber)

    monkeypatch.setattr(ses.SesClient, "__init__", init)
    result = cli("example.com", "--region", "us-west-2", "-f", "json")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert doc["identities"][0]["region"] == "us-west-2"
    assert len(doc["records"]) == 4
    stubbers[0].assert_no_pending_responses()


def test_no_credentials_exit_3(aws_env, cli):
    aws_env("http://127.0.0.1:9", credentials=None)  # never reached: no credentials first
    result = cli("example.com", "--region", "us-east-1", "-f", "json")
    assert result.exit_code == 3
    assert "credentials" in result.stderr and "Traceback" not in result.stderr


@pytest.mark.parametrize("path", sorted((SAMPLES / "identities").glob("*.json")), ids=lambda p: p.name)
def test_bundled_samples_are_valid_sesv2_responses(source, path):
    """Every saved sample is a response the real sesv2 model accepts (the Stubber validates it)."""
    src, stubber = source
    stubber.add_response("get_email_identity", json.loads(path.read_text()), {"EmailIdentity": "x.example"})
    assert src.get_identity("x.example.")["IdentityType"] == "DOMAIN"


def test_live_path_honours_aws_region(aws_env, monkeypatch, cli):
    """AWS_REGION alone picks the region of the live client (boto3 by itself reads only AWS_DEFAULT_REGION)."""
    aws_env(AWS_REGION="eu-west-3")
    seen = []
    real_init = ses.SesClient.__init__

    def init(self, region, profile, *args):
        real_init(self, region, profile, *args)
        seen.append(self.region)
        stubber = Stubber(self.client)
        stubber.add_response("get_email_identity", saved("example.com"), {"EmailIdentity": "example.com"})
        stubber.activate()

    monkeypatch.setattr(ses.SesClient, "__init__", init)
    result = cli("example.com", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert seen == ["eu-west-3"]
