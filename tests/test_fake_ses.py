"""The loopback SES endpoint speaks the SES v2 protocol well enough for the real boto3 stack."""

import json

import boto3
import botocore.config
import pytest
from botocore.exceptions import ClientError

from conftest import SAMPLES
from fake_ses import FakeSes

RESPONSE = json.loads((SAMPLES / "identities" / "example.com.json").read_text())

pytestmark = pytest.mark.slow  # every test builds a botocore client: its service model loads in ~0.2 s


def client(url, region="us-east-1", attempts=1):
    return boto3.session.Session(aws_access_key_id="AKIDEXAMPLE", aws_secret_access_key="secret",
                                 region_name=region).client(
        "sesv2", endpoint_url=url,
        config=botocore.config.Config(retries={"mode": "standard", "max_attempts": attempts}))


def test_get_and_not_found():
    with FakeSes({"us-east-1": {"example.com": RESPONSE}}) as ses:
        got = client(ses.url).get_email_identity(EmailIdentity="example.com")
        assert got["DkimAttributes"]["Tokens"] == RESPONSE["DkimAttributes"]["Tokens"]
        with pytest.raises(ClientError) as error:
            client(ses.url, region="eu-west-1").get_email_identity(EmailIdentity="example.com")
        assert error.value.response["Error"]["Code"] == "NotFoundException"


def test_list_pages_with_next_token():
    identities = {f"d{i}.example.com": RESPONSE for i in range(5)}
    with FakeSes({"us-east-1": identities}, page_size=2) as ses:
        c, names, token = client(ses.url), [], None
        while True:
            page = c.list_email_identities(**({"NextToken": token} if token else {}))
            names += [i["IdentityName"] for i in page["EmailIdentities"]]
            token = page.get("NextToken")
            if not token:
                break
        assert names == sorted(identities)
        assert ses.count() == 3


@pytest.mark.slow
def test_rate_limit_and_throttle_fault_are_retried_by_botocore():
    with FakeSes({"us-east-1": {"example.com": RESPONSE}}) as ses:
        ses.fail_next("throttle", times=2)
        client(ses.url, attempts=5).get_email_identity(EmailIdentity="example.com")
        assert [r.status for r in ses.requests] == [429, 429, 200]
