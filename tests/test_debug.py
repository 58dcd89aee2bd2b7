"""--debug's redaction: every form a credential, token or signature is logged in comes out <redacted>."""

import io
import logging
import sys

import pytest

from exporter import debug
from exporter.debug import REDACTED

SECRET = "wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY"
TOKEN = "IQoJb3JpZ2luX2VjEXAMPLE+token/with=padding=="
SIGNATURE = "5d672d79c15b13162d9279b0855cfba6789a8edb4c82c400e06b5924a6f2b5d7"


@pytest.mark.parametrize("logged, kept", [
    # botocore.endpoint's prepared request (header values are bytes)
    (f"headers={{'X-Amz-Date': b'20240101T000000Z', 'X-Amz-Security-Token': b'{TOKEN}', 'Authorization': "
     f"b'AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/ses/aws4_request, "
     f"SignedHeaders=host;x-amz-date, Signature={SIGNATURE}'}}>",
     ["'X-Amz-Date': b'20240101T000000Z'", f"'X-Amz-Security-Token': b'{REDACTED}'", f"'Authorization': b'{REDACTED}'"]),
    # the same header as text
    (f"Authorization: AWS4-HMAC-SHA256 Credential=AKIDEXAMPLE/20240101/us-east-1/ses/aws4_request, "
     f"SignedHeaders=host;x-amz-date, Signature={SIGNATURE}",
     [f"Credential={REDACTED}", "SignedHeaders=host;x-amz-date", f"Signature={REDACTED}"]),
    # a presigned URL
    (f"https://x/?X-Amz-Credential=AKID%2F20240101&X-Amz-Security-Token={TOKEN}&X-Amz-Signature={SIGNATURE}&a=1",
     [f"X-Amz-Signature={REDACTED}", f"X-Amz-Security-Token={REDACTED}", "&a=1"]),
    # botocore.auth's signature line
    (f"Signature:\n{SIGNATURE}", [f"Signature:\n{REDACTED}"]),
    # STS AssumeRole's XML answer, SSO GetRoleCredentials' JSON answer
    (f"<SecretAccessKey>{SECRET}</SecretAccessKey><SessionToken>{TOKEN}</SessionToken>",
     [f"<SecretAccessKey>{REDACTED}</SecretAccessKey>", f"<SessionToken>{REDACTED}</SessionToken>"]),
    (f'{{"roleCredentials": {{"accessKeyId": "ASIA1", "secretAccessKey": "{SECRET}", "sessionToken": "{TOKEN}"}}, '
     f'"accessToken": "{TOKEN}"}}',
     [f'"secretAccessKey": "{REDACTED}"', f'"sessionToken": "{REDACTED}"', f'"accessToken": "{REDACTED}"']),
    # a credentials file, an environment listing
    (f"aws_secret_access_key = {SECRET}\naws_session_token={TOKEN}",
     [f"aws_secret_access_key = {REDACTED}", f"aws_session_token={REDACTED}"]),
    (f"AWS_SECRET_ACCESS_KEY={SECRET} AWS_SESSION_TOKEN={TOKEN}",
     [f"AWS_SECRET_ACCESS_KEY={REDACTED}", f"AWS_SESSION_TOKEN={REDACTED}"]),
], ids=["prepared-request", "header-text", "presigned-url", "auth-log", "sts-xml", "sso-json", "ini", "env"])
def test_every_form_is_redacted(logged, kept):
    text = debug.redact(logged, environment={})
    assert SECRET not in text and TOKEN not in text and SIGNATURE not in text
    assert "AKIDEXAMPLE/20240101" not in text
    for part in kept:
        assert part in text


def test_secrets_from_the_environment_are_redacted_wherever_they_appear():
    text = debug.redact(f"odd place: {SECRET} and {TOKEN}.",
                        environment={"AWS_SECRET_ACCESS_KEY": SECRET, "AWS_SESSION_TOKEN": TOKEN})
    assert text == f"odd place: {REDACTED} and {REDACTED}."


def test_ordinary_lines_are_left_alone():
    lines = ["Found credentials in environment variables.",
             "An error occurred (InvalidSignatureException) when calling the GetEmailIdentity operation",
             "SignedHeaders=host;x-amz-date;x-amz-security-token",
             "Response body:\nb'{\"IdentityType\": \"DOMAIN\", \"DkimAttributes\": {\"Tokens\": [\"abc\"]}}'"]
    for line in lines:
        assert debug.redact(line, environment={"AWS_SECRET_ACCESS_KEY": "x"}) == line  # too short to search for


def test_traceback_shows_the_cause_hidden_by_from_none_and_is_redacted():
    try:
        try:
            raise ValueError(f"inner Signature={SIGNATURE}")
        except ValueError:
            raise RuntimeError("outer") from None
    except RuntimeError as error:
        text = debug.traceback_text(error)
    assert text.index("ValueError: inner") < text.index("RuntimeError: outer")
    assert "During handling of the above exception" in text
    assert SIGNATURE not in text and f"Signature={REDACTED}" in text


def test_start_logs_to_the_current_stderr_redacted_and_stop_undoes_it(monkeypatch):
    botocore_log = logging.getLogger("botocore")
    hooks_log = logging.getLogger("botocore.hooks")
    levels = (botocore_log.level, hooks_log.level, len(botocore_log.handlers))
    stop = debug.start()
    try:
        stream = io.StringIO()
        monkeypatch.setattr(sys, "stderr", stream)  # replaced after start: the handler must follow it
        logging.getLogger("botocore.endpoint").debug("Sending: %s", {"Authorization": f"Signature={SIGNATURE}"})
        hooks_log.debug("Event before-send.sesv2: calling handler")  # chatter, kept out
    finally:
        stop()
    shown = stream.getvalue()
    assert "ses-export debug:" in shown and "botocore.endpoint: Sending: {'Authorization': '<redacted>'}" in shown
    assert SIGNATURE not in shown and "calling handler" not in shown
    assert (botocore_log.level, hooks_log.level, len(botocore_log.handlers)) == levels
    logging.getLogger("botocore.endpoint").debug("after stop")
    assert "after stop" not in stream.getvalue()
