"""Live SES: `sesv2.get_email_identity` through boto3. boto3 is imported only here, only when used.

Every failure of a call becomes one AwsError line naming the region, what was asked for and what to do.
Retries are botocore's (adaptive mode), bounded so a persistent fault ends in a known time:

  throttling (429), 5xx, refused or closed connections   MAX_ATTEMPTS tries, exponential backoff with jitter
                                                         (1, 2, 4, 8 s caps for throttling; 0.05..0.4 s otherwise)
  no answer within `timeout` (connect or read)            TIMEOUT_ATTEMPTS tries: each costs the whole timeout
  an answer not whole within 2 x `timeout` (a slow drip)  the same: each attempt has that deadline as a whole

Every message passes redaction (exporter/redaction.py), which learns here the credentials each request is
signed with: an SES error message may echo the session token.
"""

from __future__ import annotations

import logging
import re

from ..errors import AwsError, InputError

GET_ACTION = "ses:GetEmailIdentity"
LIST_ACTION = "ses:ListEmailIdentities"
LIST_PAGE_SIZE = 1000  # the API's maximum: fewer pages, fewer throttled calls
MAX_LIST_PAGES = 1000  # a million identities: SES's quota is 10,000 a region, so more pages is a faulty endpoint
DEFAULT_TIMEOUT = 30.0  # seconds to connect, and to wait for an answer, per attempt (--timeout)
MAX_ATTEMPTS = 5  # 1 + 4 retries: a persistent 429 gives up in 8..14 s, 17 at most (benchmarks/ses_fault_bounds.py)
TIMEOUT_ATTEMPTS = 2  # a server that does not answer rarely does on the third try; each try costs `timeout`

CREDENTIALS_HELP = ("set AWS_PROFILE or pass --profile, or set AWS_ACCESS_KEY_ID and AWS_SECRET_ACCESS_KEY "
                    "(or use --identity-file with saved JSON)")
THROTTLING_CODES = ("TooManyRequestsException", "ThrottlingException", "Throttling", "LimitExceededException")
ACCESS_DENIED_CODES = ("AccessDeniedException", "AccessDenied", "UnauthorizedOperation")
REJECTED_CREDENTIALS_CODES = ("UnrecognizedClientException", "InvalidClientTokenId", "InvalidSignatureException",
                              "ExpiredTokenException", "ExpiredToken", "SignatureDoesNotMatch")

log = logging.getLogger(__name__)


class SesClient:
    """One SES v2 client for a region; errors become AwsError/InputError with the fix in the message."""

    def __init__(self, region: str | None, profile: str | None, timeout: float | None = None):
        import boto3
        import botocore.config
        import botocore.exceptions

        self._exceptions = botocore.exceptions
        self.timeout = timeout or DEFAULT_TIMEOUT
        self._attempts = 0  # of the last call, as botocore counted them (for the messages)
        try:
            session = boto3.session.Session(profile_name=profile, region_name=region)
        except botocore.exceptions.ProfileNotFound:
            raise InputError(f"no AWS profile named {profile!r} in the AWS configuration", option="profile") from None
        except botocore.exceptions.BotoCoreError as e:  # an unreadable ~/.aws/config, for one
            raise AwsError(f"AWS configuration: {e}") from None
        self.region = session.region_name
        if not self.region:
            raise InputError("no region given and none in the AWS configuration; pass --region (or set AWS_REGION)",
                             option="region")
        config = botocore.config.Config(
            # SES v2 throttles its control plane at about 1 request/s: adaptive mode waits
            # client-side instead of failing; MAX_ATTEMPTS and the timeouts bound a dead endpoint.
            retries={"mode": "adaptive", "total_max_attempts": MAX_ATTEMPTS},  # max_attempts would not count the first
            connect_timeout=self.timeout,
            read_timeout=self.timeout,
        )
        # AWS_ENDPOINT_URL_SESV2 / AWS_ENDPOINT_URL are honoured by botocore itself.
        try:
            self.client = session.client("sesv2", config=config)
        except (botocore.exceptions.BotoCoreError, ValueError) as e:  # e.g. a malformed endpoint URL
            raise AwsError(f"SES in {self.region}: cannot make a client: {e}") from None
        # First, so that its "no retry" (False) wins over the standard handler's delay.
        self.client.meta.events.register_first("needs-retry.sesv2", self._limit_timeout_retries)
        self._session = session
        self.client.meta.events.register("before-send.sesv2", self._remember_secrets)
        # Last, after the pacing's wait: it sends the request itself, within a deadline.
        self._late = False  # the last attempt was given up at its deadline
        self.client.meta.events.register_last("before-send.sesv2", self._send_within_deadline)
        log.debug("SES client: region %s, endpoint %s, timeout %g s, %d attempts (%d after a timeout)",
                  self.region, self.client.meta.endpoint_url, self.timeout, MAX_ATTEMPTS, TIMEOUT_ATTEMPTS)

    def get_identity(self, fqdn: str) -> dict:
        name = fqdn.rstrip(".")
        response = self._call("get_email_identity", name, GET_ACTION, EmailIdentity=name)
        if "IdentityType" not in response:  # every GetEmailIdentity answer has it; rest-json reads a non-JSON body as {}
            raise AwsError(f"SES in {self.region}: the answer for {name} is not a GetEmailIdentity response "
                           f"({_content_type(response)}); try again, or run with --debug for a bug report")
        response.pop("ResponseMetadata", None)
        return response

    def list_domain_identities(self) -> tuple[list[str], dict[str, int]]:
        """Every identity name of the region, following NextToken (boto3 has no paginator for it).

        Returns the DOMAIN identities' names, and how many of each other type (EMAIL_ADDRESS, ...)
        were left out: those have no DNS records.
        """
        domains: list[str] = []
        skipped: dict[str, int] = {}
        token = None
        seen: set[str] = set()  # a token SES gave before would list the same pages again, forever
        for _ in range(MAX_LIST_PAGES):
            kwargs = {"PageSize": LIST_PAGE_SIZE, **({"NextToken": token} if token else {})}
            page = self._call("list_email_identities", "the list of identities", LIST_ACTION, **kwargs)
            if not isinstance(page.get("EmailIdentities"), list):  # else a garbled page would read as "none"
                raise AwsError(f"SES in {self.region}: the answer listing identities is not a ListEmailIdentities "
                               f"response ({_content_type(page)}); try again, or run with --debug for a bug report")
            for item in page["EmailIdentities"]:
                kind = item.get("IdentityType") if isinstance(item, dict) else None
                name = item.get("IdentityName") if isinstance(item, dict) else None
                if not isinstance(kind, str) or not isinstance(name, str):
                    raise AwsError(f"SES in {self.region}: the answer listing identities holds an item that is not "
                                   "an identity (IdentityType and IdentityName expected); try again, or run with "
                                   "--debug for a bug report")
                if kind == "DOMAIN":
                    domains.append(name)
                else:
                    skipped[kind] = skipped.get(kind, 0) + 1
            token = page.get("NextToken")
            if not token:
                return domains, skipped
            if token in seen:
                raise AwsError(f"SES in {self.region}: listing identities, SES gave a NextToken it had given before "
                               f"(after {len(seen) + 1} pages): the list would never end; try again, or run with "
                               "--debug for a bug report")
            seen.add(token)
        raise AwsError(f"SES in {self.region}: listing identities, SES was still giving pages after "
                       f"{MAX_LIST_PAGES} ({MAX_LIST_PAGES * LIST_PAGE_SIZE} identities, more than a region holds); "
                       "try again, or run with --debug for a bug report")

    def _call(self, operation: str, subject: str, action: str, **params) -> dict:
        """One SES operation, retried by botocore; any failure becomes one AwsError line."""
        self._attempts = 0
        try:
            return getattr(self.client, operation)(**params)
        except Exception as e:
            message = failure_message(e, self._exceptions, self.region, subject, action, self.timeout,
                                      self._attempts or 1)
            if self._late and isinstance(e, self._exceptions.ReadTimeoutError):
                attempts = self._attempts or 1
                message = (f"SES in {self.region}: the answer for {subject} did not come whole within "
                           f"{self.deadline:g} s ({attempts} attempt{'s' if attempts != 1 else ''}; it came too "
                           "slowly); check the network or proxy, or allow longer with --timeout")
            if message is None:
                raise
            raise AwsError(message) from None  # --debug still shows `e`: debug.traceback_text follows __context__

    def _remember_secrets(self, request=None, **_) -> None:
        """before-send: the credentials this request was signed with, and its token and signature, are
        redacted wherever they would be printed (an SES error message may echo the token)."""
        from ..redaction import remember

        credentials = self._session.get_credentials()  # resolved and kept by the session when it signed
        if credentials is not None:
            frozen = credentials.get_frozen_credentials()
            remember(frozen.secret_key, frozen.token)
        headers = getattr(request, "headers", None) or {}
        authorization = headers.get("Authorization") or b""
        if isinstance(authorization, bytes):
            authorization = authorization.decode("latin-1")
        remember(headers.get("X-Amz-Security-Token"),
                 authorization.rpartition("Signature=")[2] if "Signature=" in authorization else None)
        return None

    def _send_within_deadline(self, request=None, **_):
        """before-send: send the attempt and read its whole answer within `deadline` seconds.

        urllib3's read timeout is per socket read: a server that drips a byte every half second
        is never given up on. The attempt runs in a daemon thread that is left behind at the
        deadline (its socket closes when the server's side does, or with the process), and a
        ReadTimeoutError stands for it, so the retry rules for timeouts apply."""
        import threading

        outcome: list = []

        def attempt():
            try:
                outcome.append((self.client._endpoint._send(request), None))  # reads the whole body
            except BaseException as e:  # handed to the caller's thread
                outcome.append((None, e))

        worker = threading.Thread(target=attempt, name="ses-attempt", daemon=True)
        worker.start()
        worker.join(self.deadline)
        if not outcome:
            self._late = True
            raise self._exceptions.ReadTimeoutError(endpoint_url=str(getattr(request, "url", "SES")).split("?")[0])
        self._late = False
        response, error = outcome[0]
        if error is not None:
            raise error
        return response

    @property
    def deadline(self) -> float:
        """Seconds for one attempt, connecting and reading the whole answer: --timeout for each."""
        return 2 * self.timeout

    def _limit_timeout_retries(self, attempts, caught_exception=None, **_):
        """needs-retry handler: count attempts; after TIMEOUT_ATTEMPTS timeouts, stop (False: no retry)."""
        self._attempts = attempts
        timeouts = (self._exceptions.ReadTimeoutError, self._exceptions.ConnectTimeoutError)
        if isinstance(caught_exception, timeouts) and attempts >= TIMEOUT_ATTEMPTS:
            return False
        return None  # the standard handler decides


def failure_message(error: Exception, exc, region: str, subject: str, action: str, timeout: float,
                    attempts: int) -> str | None:
    """The one line for a failed SES call, or None when `error` is not an AWS or network failure.

    `exc` is botocore.exceptions (passed in: this module imports botocore only when it is used).
    Only messages botocore builds from its own state are quoted: never one that could carry a
    credential (a credential_process's output, for one).
    """
    from botocore.parsers import ResponseParserError

    where = f"SES in {region}"
    tries = f"{attempts} attempt{'s' if attempts != 1 else ''}"
    if isinstance(error, exc.ClientError):
        return _client_error_message(error, where, subject, action)
    if isinstance(error, exc.NoCredentialsError):
        return f"{where}: no AWS credentials found: {CREDENTIALS_HELP}"
    if isinstance(error, (exc.PartialCredentialsError, exc.CredentialRetrievalError, exc.TokenRetrievalError,
                          exc.SSOError, exc.NoAuthTokenError)):
        provider = getattr(error, "kwargs", {}).get("provider")
        origin = f" from {provider}" if provider else ""
        return (f"{where}: the AWS credentials{origin} could not be loaded ({type(error).__name__}): "
                f"refresh them (aws sso login, for SSO) or {CREDENTIALS_HELP}")
    if isinstance(error, exc.ReadTimeoutError):
        return (f"{where}: no answer within {timeout:g} s asking for {subject} ({tries}); "
                "check the network, or allow longer with --timeout")
    if isinstance(error, exc.ConnectTimeoutError):
        return (f"{where}: could not connect within {timeout:g} s to {_endpoint(error)} ({tries}); "
                "check the network or proxy, or allow longer with --timeout")
    if isinstance(error, exc.EndpointConnectionError):
        return (f"{where}: could not connect to {_endpoint(error)}{_reason(error)} ({tries}); "
                "check the network, the proxy and AWS_ENDPOINT_URL_SESV2 / AWS_ENDPOINT_URL")
    if isinstance(error, exc.ConnectionClosedError):
        return (f"{where}: the connection closed without an answer asking for {subject} ({tries}); "
                "check the network or proxy, and try again later")
    if isinstance(error, (ResponseParserError, exc.ResponseStreamingError)):
        return (f"{where}: the answer for {subject} could not be read ({type(error).__name__}); "
                "try again, or run with --debug for a bug report")
    if isinstance(error, exc.BotoCoreError):  # SSL, proxy, parameter validation: botocore's own words
        return f"{where}: {subject}: {type(error).__name__}: {error}"
    if _raised_by_parser(error):  # JSON of another shape ([1,2,3], an item that is no object), or nested too deeply
        why = "nested too deeply" if isinstance(error, RecursionError) else type(error).__name__
        return (f"{where}: the answer for {subject} could not be read ({why}: not what SES answers); "
                "try again, or run with --debug for a bug report")
    return None


def _raised_by_parser(error: BaseException) -> bool:
    """botocore's response parser met an answer it could not read: it raises what the JSON's shape
    makes it raise (AttributeError, TypeError, RecursionError), not a BotoCoreError."""
    import os
    import traceback

    parsers = os.path.join("botocore", "parsers.py")
    return any(frame.filename.endswith(parsers) for frame in traceback.extract_tb(error.__traceback__))


def _client_error_message(error, where: str, subject: str, action: str) -> str:
    response = getattr(error, "response", {}) or {}
    code = response.get("Error", {}).get("Code", "Unknown")
    status = response.get("ResponseMetadata", {}).get("HTTPStatusCode")
    attempts = response.get("ResponseMetadata", {}).get("RetryAttempts", 0) + 1
    tries = f"{attempts} attempt{'s' if attempts != 1 else ''}"
    if code == "NotFoundException":
        return f"{where}: no identity {subject} (check the domain, and --region: identities belong to one region)"
    if code in ACCESS_DENIED_CODES:
        return f"{where}: access denied to {subject}: the caller needs the IAM permission {action}"
    if code in THROTTLING_CODES:
        return (f"{where}: still throttled ({status} {code}) after {tries} asking for {subject}; another client "
                "shares the account's SES request rate: try again later")
    if code in REJECTED_CREDENTIALS_CODES:
        return f"{where}: the AWS credentials were rejected ({code}); refresh them or pick another --profile"
    if isinstance(status, int) and 300 <= status < 400:
        location = response.get("ResponseMetadata", {}).get("HTTPHeaders", {}).get("location")
        to = f" to {_one_line(location, 100)}" if location else ""
        return (f"{where}: the endpoint answered with a redirect (HTTP {status}){to} asking for {subject}; SES never "
                "redirects: check AWS_ENDPOINT_URL_SESV2 / AWS_ENDPOINT_URL, the proxy and the region")
    if isinstance(status, int) and status >= 500:
        return f"{where}: SES kept failing ({status} {code}): {tries} asking for {subject}; try again later"
    detail = _one_line(response.get("Error", {}).get("Message", ""))
    return f"{where}: {code} (HTTP {status}) asking for {subject}" + (f": {detail}" if detail else "")


def _endpoint(error) -> str:
    return str(getattr(error, "kwargs", {}).get("endpoint_url", "SES")).split("?")[0]


def _reason(error) -> str:
    """', connection refused' from urllib3's '[Errno 111] Connection refused', when it says so."""
    found = re.search(r"\[Errno -?\d+\] ([^'\")]+)", str(getattr(error, "kwargs", {}).get("error", "")))
    return f": {found.group(1).strip().lower()}" if found else ""


def _content_type(response: dict) -> str:
    headers = response.get("ResponseMetadata", {}).get("HTTPHeaders", {})
    return f"Content-Type {headers.get('content-type', 'missing')}"


def _one_line(text: str, limit: int = 200) -> str:
    from ..redaction import redact

    text = " ".join(redact(str(text)).split())  # redacted before it is cut: a cut secret is not recognised
    return text if len(text) <= limit else text[:limit - 3] + "..."
