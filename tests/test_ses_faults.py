"""SES faults through the real boto3 HTTP stack: the loopback endpoint (tests/fake_ses.py) answers 429, 5xx,
slowly, garbage, not found, access denied, or closes the connection; a port with nothing listening refuses it.

Every failure must end with exit 3 and one line on stderr that names the region, the identity and what to do,
in bounded time, and nothing printed (with or without --debug) may carry the secret key, the session token
or a request signature.
"""

import json
import re
import subprocess
import sys
import time
from pathlib import Path

import pytest

from exporter.sources import ses

from conftest import ROOT, SAMPLES
from fake_ses import FakeSes, isolated_aws_environment, refused_url

pytestmark = [pytest.mark.slow]

RESPONSE = json.loads((SAMPLES / "identities" / "example.com.json").read_text())
IDENTITIES = {"us-east-1": {"example.com": RESPONSE, "shop.example.com": RESPONSE}}
ARGS = ("example.com", "--region", "us-east-1", "-f", "json")

# Distinctive fake credentials, so that finding them in the output means they leaked.
ACCESS_KEY_ID = "AKIDFAULTTESTS000001"
SECRET_KEY = "fAuLtSeCrEt/Never+Print+Me/0123456789abcdefXYZ"
SESSION_TOKEN = "FaultSessionToken/Never+Shown+Either/9876543210zyxwv"
PROGRAM = Path(sys.executable).parent / "ses-export"


# Credentials with a session token: the --debug tests look for each of them in what was printed.
CREDENTIALS = {"AWS_ACCESS_KEY_ID": ACCESS_KEY_ID, "AWS_SECRET_ACCESS_KEY": SECRET_KEY, "AWS_SESSION_TOKEN": SESSION_TOKEN}


@pytest.fixture
def aws(aws_env):
    """In-process runs with this file's credentials; returns a function that points boto3 at an endpoint."""
    return lambda url: aws_env(url, credentials=CREDENTIALS)


@pytest.fixture
def against(aws, cli):
    """Run ses-export in-process against a fresh loopback SES; returns (result, fake, seconds).

    fail_next=(kind, times) answers the first requests with a fault; fail_always=kind every one;
    delay is the "slow" fault's."""
    def run(*args: str, fail_next: tuple[str, int] | None = None, fail_always: str | None = None,
            delay: float = 0.0):
        with FakeSes(IDENTITIES) as fake:
            aws(fake.url)
            if fail_next:
                fake.fail_next(fail_next[0], times=fail_next[1], delay=delay)
            if fail_always:
                fake.fail_always(fail_always, delay=delay)
            started = time.monotonic()
            result = cli(*args)
            return result, fake, time.monotonic() - started

    return run


def program(*args: str, endpoint: str, credentials=CREDENTIALS,
            timeout: float = 60) -> tuple[subprocess.CompletedProcess, float]:
    """The installed entry point, as a user runs it (SES's real pace included); (result, seconds)."""
    env = isolated_aws_environment(credentials=credentials, endpoint=endpoint)
    started = time.monotonic()
    result = subprocess.run([str(PROGRAM), *args], env=env, capture_output=True, text=True, cwd=ROOT,
                            timeout=timeout)
    return result, time.monotonic() - started


def signatures(fake: FakeSes) -> list[str]:
    found = [re.search(r"Signature=([0-9a-f]+)", r.authorization) for r in fake.requests]
    return [m.group(1) for m in found if m]


def assert_no_secrets(text: str, fake: FakeSes | None = None) -> None:
    assert SECRET_KEY not in text
    assert SESSION_TOKEN not in text
    for signature in signatures(fake) if fake else []:
        assert signature not in text
    assert not re.search(r"Signature=[0-9a-f]{16}", text)


def assert_one_line(stderr: str, stdout: str, fake: FakeSes | None, *wanted: str) -> str:
    """Exactly one line on stderr, ours, with each of `wanted` in it; nothing on stdout; nothing secret."""
    assert stderr.endswith("\n") and stderr.count("\n") == 1, stderr
    assert stderr.startswith("ses-export: ")
    assert "Traceback" not in stderr
    for text in wanted:
        assert text in stderr
    assert stdout == ""
    assert_no_secrets(stderr, fake)
    return stderr


def statuses(fake: FakeSes) -> list[int]:
    return [r.status for r in fake.requests]


# --- retried, then fine ----------------------------------------------------------------------

@pytest.mark.parametrize("kind, status", [("throttle", 429), ("server_error", 500), ("unavailable", 503),
                                          ("close", -1)])
def test_transient_faults_are_retried_and_the_output_is_whole(against, kind, status):
    result, fake, _ = against(*ARGS, fail_next=(kind, 2))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == ""
    assert statuses(fake) == [status, status, 200]
    doc = json.loads(result.stdout)
    assert [i["domain"] for i in doc["identities"]] == ["example.com."]
    assert [r["value"] for r in doc["records"][:3]] == \
        [f"{t}.dkim.amazonses.com." for t in RESPONSE["DkimAttributes"]["Tokens"]]


def test_one_slow_answer_is_retried_within_the_timeout(against):
    result, fake, elapsed = against(*ARGS, "--timeout", "0.3", fail_next=("slow", 1), delay=5.0)
    assert result.exit_code == 0, result.stderr
    assert len(fake.requests) == 2 and json.loads(result.stdout)["identities"][0]["domain"] == "example.com."
    assert elapsed < 2.0  # the first try was abandoned after 0.3 s, not waited out (5 s)


def test_a_slow_answer_inside_the_timeout_is_waited_for(against):
    result, fake, _ = against(*ARGS, "--timeout", "2", fail_next=("slow", 1), delay=0.4)
    assert result.exit_code == 0, result.stderr
    assert len(fake.requests) == 1


# --- persistent faults: exit 3, one line, bounded time ---------------------------------------

@pytest.mark.parametrize("kind, wanted", [
    ("server_error", "SES kept failing (500 InternalFailure): 5 attempts asking for example.com"),
    ("unavailable", "SES kept failing (503 ServiceUnavailable): 5 attempts asking for example.com"),
    ("close", "the connection closed without an answer asking for example.com (5 attempts)"),
])
def test_persistent_server_faults_give_up_after_five_attempts(against, kind, wanted):
    result, fake, elapsed = against(*ARGS, fail_always=kind)
    assert result.exit_code == 3
    assert_one_line(result.stderr, result.stdout, fake, "SES in us-east-1: ", wanted, "try again later")
    assert len(fake.requests) == ses.MAX_ATTEMPTS
    assert elapsed < 3  # backoff for non-throttling errors is 50 ms x 2^i at most (0.75 s in all)


def test_persistent_throttling_gives_up_in_bounded_time(tmp_path):
    """The real program at SES's real pace: 5 attempts, then exit 3 within the documented ~17 s."""
    with FakeSes(IDENTITIES) as fake:
        fake.fail_always("throttle")
        result, elapsed = program(*ARGS, endpoint=fake.url)
    assert result.returncode == 3
    assert_one_line(result.stderr, result.stdout, fake, "SES in us-east-1: still throttled (429 TooManyRequestsException) "
                    "after 5 attempts asking for example.com", "try again later")
    assert statuses(fake) == [429] * 5
    gaps = [b.at - a.at for a, b in zip(fake.requests, fake.requests[1:])]
    assert min(gaps) >= 1.0  # the pacer and the adaptive rate limiter kept the tries apart
    assert elapsed < 20, f"gave up after {elapsed:.1f} s"


def test_no_answer_gives_up_after_two_timeouts(against):
    result, fake, elapsed = against(*ARGS, "--timeout", "0.3", fail_always="slow", delay=5.0)
    assert result.exit_code == 3
    assert_one_line(result.stderr, result.stdout, fake,
                    "SES in us-east-1: no answer within 0.3 s asking for example.com (2 attempts)", "--timeout")
    assert len(fake.requests) == ses.TIMEOUT_ATTEMPTS == 2
    assert 0.6 <= elapsed < 2.0  # two timeouts of 0.3 s, not the server's 5 s, and no third try (count above)


def test_connection_refused(aws, cli):
    url = refused_url()
    aws(url)
    started = time.monotonic()
    result = cli(*ARGS)
    elapsed = time.monotonic() - started
    assert result.exit_code == 3
    assert_one_line(result.stderr, result.stdout, None, f"SES in us-east-1: could not connect to {url}/v2/email/identities/"
                    "example.com: connection refused (5 attempts)", "AWS_ENDPOINT_URL_SESV2")
    assert elapsed < 3


@pytest.mark.parametrize("kind, content_type", [("malformed", "text/html"), ("truncated", "application/json")])
def test_a_malformed_answer_is_exit_3_not_a_traceback(against, kind, content_type):
    result, fake, _ = against(*ARGS, fail_next=(kind, 1))
    assert result.exit_code == 3
    assert_one_line(result.stderr, result.stdout, fake, "SES in us-east-1: the answer for example.com is not a "
                    f"GetEmailIdentity response (Content-Type {content_type})", "--debug")


def test_not_found_names_the_identity_and_suggests_the_region(against):
    result, fake, _ = against("nothere.example.com", "--region", "us-east-1", "-f", "json")
    assert result.exit_code == 3
    assert_one_line(result.stderr, result.stdout, fake, "SES in us-east-1: no identity nothere.example.com", "--region")
    assert statuses(fake) == [404]  # not retried


def test_access_denied_names_the_identity_and_the_iam_action(against):
    result, fake, _ = against(*ARGS, fail_always="access_denied")
    assert result.exit_code == 3
    assert_one_line(result.stderr, result.stdout, fake,
                    "SES in us-east-1: access denied to example.com: the caller needs the IAM permission "
                    "ses:GetEmailIdentity")
    assert statuses(fake) == [403]


# --- --all: the listing call ------------------------------------------------------------------

@pytest.mark.parametrize("kind, wanted", [
    ("access_denied", "access denied to the list of identities: the caller needs the IAM permission "
                      "ses:ListEmailIdentities"),
    ("malformed", "the answer listing identities is not a ListEmailIdentities response (Content-Type text/html)"),
    ("server_error", "SES kept failing (500 InternalFailure): 5 attempts asking for the list of identities"),
    ("close", "the connection closed without an answer asking for the list of identities (5 attempts)"),
])
def test_all_listing_faults(against, tmp_path, kind, wanted):
    target = tmp_path / "all.json"
    result, fake, _ = against("--all", "--region", "us-east-1", "-f", "json", "-o", str(target), fail_always=kind)
    assert result.exit_code == 3
    assert_one_line(result.stderr, result.stdout, fake, f"SES in us-east-1: {wanted}")
    assert not target.exists()


def test_all_listing_throttled_once_then_every_identity(against):
    result, fake, _ = against("--all", "--region", "us-east-1", "-f", "json", fail_next=("throttle", 1))
    assert result.exit_code == 0, result.stderr
    assert [i["domain"] for i in json.loads(result.stdout)["identities"]] == ["example.com.", "shop.example.com."]
    assert statuses(fake) == [429, 200, 200, 200]


# --- credentials ------------------------------------------------------------------------------

def test_no_credentials_says_what_to_set(tmp_path):
    result, elapsed = program(*ARGS, endpoint=refused_url(), credentials=None)
    assert result.returncode == 3
    assert_one_line(result.stderr, result.stdout, None, "SES in us-east-1: no AWS credentials found",
                    "AWS_PROFILE", "--profile", "AWS_ACCESS_KEY_ID", "AWS_SECRET_ACCESS_KEY")
    assert elapsed < 10  # no instance-metadata probing (disabled), no network at all


def test_rejected_credentials(against):
    result, fake, _ = against(*ARGS, fail_next=("bad_credentials", 1))
    assert result.exit_code == 3
    assert_one_line(result.stderr, result.stdout, fake, "SES in us-east-1: the AWS credentials were rejected "
                    "(UnrecognizedClientException)", "--profile")


def test_other_client_errors_name_the_code_and_quote_the_server(against):
    result, fake, _ = against(*ARGS, fail_next=("bad_request", 1))
    assert result.exit_code == 3
    assert_one_line(result.stderr, result.stdout, fake, "SES in us-east-1: BadRequestException (HTTP 400) asking for "
                    "example.com: fake bad_request")


# --- --debug: the traceback and the request log, nothing secret ------------------------------

def test_debug_shows_the_traceback_and_requests_without_secrets(tmp_path):
    with FakeSes(IDENTITIES) as fake:
        fake.fail_next("throttle")
        fake.fail_always("access_denied")
        result, _ = program(*ARGS, "--debug", endpoint=fake.url)
    assert result.returncode == 3  # the same status as without --debug
    assert result.stdout == ""
    err = result.stderr
    assert "Traceback (most recent call last)" in err
    assert "botocore.exceptions.ClientError: An error occurred (AccessDeniedException)" in err  # the cause, too
    assert err.splitlines()[-1] == ("ses-export: SES in us-east-1: access denied to example.com: the caller needs "
                                    "the IAM permission ses:GetEmailIdentity")
    assert '"GET /v2/email/identities/example.com HTTP/1.1" 429' in err  # the request log, retries included
    assert "Retry needed" in err
    assert "'Authorization': b'<redacted>'" in err and "'X-Amz-Security-Token': b'<redacted>'" in err
    assert len(signatures(fake)) == 2
    assert_no_secrets(err, fake)


def test_debug_on_success_keeps_stdout_clean(aws, cli):
    with FakeSes(IDENTITIES) as fake:
        aws(fake.url)
        fake.fail_next("server_error")
        result = cli(*ARGS, "--debug")
        plain = cli(*ARGS)
    assert result.exit_code == 0 and plain.exit_code == 0
    assert result.stdout == plain.stdout  # the log goes to stderr only
    assert "ses-export debug:" in result.stderr and "Traceback" not in result.stderr
    assert plain.stderr == ""  # and is gone once the --debug run has ended
    assert_no_secrets(result.stderr + result.stdout, fake)


def test_help_documents_timeout_and_redaction(cli):
    text = " ".join(cli("--help").stdout.split())
    assert "--timeout SECONDS" in text and "[default: 30.0; 0.1<=x<=600]" in text
    assert "redacted" in text
