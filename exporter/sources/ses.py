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
from ..phrase import Phrase, counted

GET_ACTION = "ses:GetEmailIdentity"
LIST_ACTION = "ses:ListEmailIdentities"
LIST_PAGE_SIZE = 1000  # the API's maximum: fewer pages, fewer throttled calls
MAX_LIST_PAGES = 1000  # a million identities: SES's quota is 10,000 a region, so more pages is a faulty endpoint
DEFAULT_TIMEOUT = 30.0  # seconds to connect, and to wait for an answer, per attempt (--timeout)
MAX_ATTEMPTS = 5  # 1 + 4 retries: a persistent 429 gives up in 8..14 s, 17 at most (benchmarks/ses_fault_bounds.py)
TIMEOUT_ATTEMPTS = 2  # a server that does not answer rarely does on the third try; each try costs `timeout`

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
            raise InputError(Phrase("error.no-profile", profile=repr(profile)), option="profile") from None
        except botocore.exceptions.BotoCoreError as e:  # an unreadable ~/.aws/config, for one
            raise AwsError(Phrase("error.aws-configuration", reason=str(e))) from None
        self.region = session.region_name
        if not self.region:
            raise InputError(Phrase("error.no-region"), option="region")
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
            raise AwsError(Phrase("error.ses-client", region=self.region, reason=str(e))) from None
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
            raise AwsError(Phrase("error.ses-not-identity", region=self.region, name=name,
                                  content=_content_type(response)))
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
            page = self._call("list_email_identities", Phrase("error.ses-list-subject"), LIST_ACTION, **kwargs)
            if not isinstance(page.get("EmailIdentities"), list):  # else a garbled page would read as "none"
                raise AwsError(Phrase("error.ses-not-list", region=self.region, content=_content_type(page)))
            for item in page["EmailIdentities"]:
                kind = item.get("IdentityType") if isinstance(item, dict) else None
                name = item.get("IdentityName") if isinstance(item, dict) else None
                if not isinstance(kind, str) or not isinstance(name, str):
                    raise AwsError(Phrase("error.ses-not-item", region=self.region))
                if kind == "DOMAIN":
                    domains.append(name)
                else:
                    skipped[kind] = skipped.get(kind, 0) + 1
            token = page.get("NextToken")
            if not token:
                return domains, skipped
            if token in seen:
                raise AwsError(Phrase("error.ses-token-again", region=self.region, pages=len(seen) + 1))
            seen.add(token)
        raise AwsError(Phrase("error.ses-too-many-pages", region=self.region, pages=MAX_LIST_PAGES,
                              identities=MAX_LIST_PAGES * LIST_PAGE_SIZE))

    def _call(self, operation: str, subject: object, action: str, **params) -> dict:
        """One SES operation, retried by botocore; any failure becomes one AwsError line."""
        self._attempts = 0
        try:
            return getattr(self.client, operation)(**params)
        except Exception as e:
            message = failure_message(e, self._exceptions, self.region, subject, action, self.timeout,
                                      self._attempts or 1)
            if self._late and isinstance(e, self._exceptions.ReadTimeoutError):
                message = Phrase("error.ses-too-slow", region=self.region, subject=subject,
                                 seconds=f"{self.deadline:g}", tries=counted("attempts", self._attempts or 1))
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


def failure_message(error: Exception, exc, region: str, subject: object, action: str, timeout: float,
                    attempts: int) -> Phrase | None:
    """The one line for a failed SES call, or None when `error` is not an AWS or network failure.

    `exc` is botocore.exceptions (passed in: this module imports botocore only when it is used).
    Only messages botocore builds from its own state are quoted: never one that could carry a
    credential (a credential_process's output, for one).
    """
    from botocore.parsers import ResponseParserError

    tries = counted("attempts", attempts)
    if isinstance(error, exc.ClientError):
        return _client_error_message(error, region, subject, action)
    if isinstance(error, exc.NoCredentialsError):
        return Phrase("error.ses-no-credentials", region=region)
    if isinstance(error, (exc.PartialCredentialsError, exc.CredentialRetrievalError, exc.TokenRetrievalError,
                          exc.SSOError, exc.NoAuthTokenError)):
        provider = getattr(error, "kwargs", {}).get("provider")
        kind = type(error).__name__
        if provider:
            return Phrase("error.ses-credentials-from", region=region, provider=provider, kind=kind)
        return Phrase("error.ses-credentials", region=region, kind=kind)
    if isinstance(error, exc.ReadTimeoutError):
        return Phrase("error.ses-no-answer", region=region, seconds=f"{timeout:g}", subject=subject, tries=tries)
    if isinstance(error, exc.ConnectTimeoutError):
        return Phrase("error.ses-connect-timeout", region=region, seconds=f"{timeout:g}", endpoint=_endpoint(error),
                      tries=tries)
    if isinstance(error, exc.EndpointConnectionError):
        return Phrase("error.ses-connect", region=region, endpoint=_endpoint(error), reason=_reason(error),
                      tries=tries)
    if isinstance(error, exc.ConnectionClosedError):
        return Phrase("error.ses-closed", region=region, subject=subject, tries=tries)
    if isinstance(error, (ResponseParserError, exc.ResponseStreamingError)):
        return Phrase("error.ses-unreadable", region=region, subject=subject, kind=type(error).__name__)
    if isinstance(error, exc.BotoCoreError):  # SSL, proxy, parameter validation: botocore's own words
        return Phrase("error.ses-botocore", region=region, subject=subject, kind=type(error).__name__,
                      reason=str(error))
    if _raised_by_parser(error):  # JSON of another shape ([1,2,3], an item that is no object), or nested too deeply
        why = Phrase("error.nested-too-deeply") if isinstance(error, RecursionError) else type(error).__name__
        return Phrase("error.ses-not-ses", region=region, subject=subject, why=why)
    return None


def _raised_by_parser(error: BaseException) -> bool:
    """botocore's response parser met an answer it could not read: it raises what the JSON's shape
    makes it raise (AttributeError, TypeError, RecursionError), not a BotoCoreError."""
    import os
    import traceback

    parsers = os.path.join("botocore", "parsers.py")
    return any(frame.filename.endswith(parsers) for frame in traceback.extract_tb(error.__traceback__))


def _client_error_message(error, region: str, subject: object, action: str) -> Phrase:
    response = getattr(error, "response", {}) or {}
    code = response.get("Error", {}).get("Code", "Unknown")
    status = response.get("ResponseMetadata", {}).get("HTTPStatusCode")
    attempts = response.get("ResponseMetadata", {}).get("RetryAttempts", 0) + 1
    tries = counted("attempts", attempts)
    if code == "NotFoundException":
        return Phrase("error.ses-not-found", region=region, subject=subject)
    if code in ACCESS_DENIED_CODES:
        return Phrase("error.ses-access-denied", region=region, subject=subject, action=action)
    if code in THROTTLING_CODES:
        return Phrase("error.ses-throttled", region=region, status=str(status), code=code, tries=tries,
                      subject=subject)
    if code in REJECTED_CREDENTIALS_CODES:
        return Phrase("error.ses-credentials-rejected", region=region, code=code)
    if isinstance(status, int) and 300 <= status < 400:
        location = response.get("ResponseMetadata", {}).get("HTTPHeaders", {}).get("location")
        if location:
            return Phrase("error.ses-redirect-to", region=region, status=status, location=_one_line(location, 100),
                          subject=subject)
        return Phrase("error.ses-redirect", region=region, status=status, subject=subject)
    if isinstance(status, int) and status >= 500:
        return Phrase("error.ses-failing", region=region, status=status, code=code, tries=tries, subject=subject)
    detail = _one_line(response.get("Error", {}).get("Message", ""))
    if detail:
        return Phrase("error.ses-error-detail", region=region, code=code, status=str(status), subject=subject,
                      detail=detail)
    return Phrase("error.ses-error", region=region, code=code, status=str(status), subject=subject)


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
