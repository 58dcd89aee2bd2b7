"""A small SES v2 REST endpoint on 127.0.0.1, for tests and benchmarks of the live path.

boto3 talks to it with its real HTTP stack (point it there with AWS_ENDPOINT_URL_SESV2 or
endpoint_url). It serves GetEmailIdentity and ListEmailIdentities for several regions at
once (the region is read from the SigV4 credential scope, as AWS routes it), can enforce
SES's ~1 request/s control-plane limit per region with 429 TooManyRequestsException, and
can be told to answer the next requests with faults.

    with FakeSes({"us-east-1": {"example.com": response}}, rate_per_second=1) as ses:
        os.environ["AWS_ENDPOINT_URL_SESV2"] = ses.url
        ...
        ses.fail_next("throttle", times=3)
"""

from __future__ import annotations

import json
import os
import re
import socket
import threading
import time
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qs, unquote, urlsplit

_SCOPE = re.compile(r"Credential=[^/]+/\d{8}/([a-z0-9-]+)/ses/aws4_request")

# What each fault answers: HTTP status, error type (x-amzn-ErrorType), or a special behaviour.
FAULTS = {
    "throttle": (429, "TooManyRequestsException"),
    "server_error": (500, "InternalFailure"),
    "unavailable": (503, "ServiceUnavailable"),
    "not_found": (404, "NotFoundException"),
    "access_denied": (403, "AccessDeniedException"),
    "bad_request": (400, "BadRequestException"),
    "bad_credentials": (403, "UnrecognizedClientException"),
    "malformed": None,  # 200 with a body that is not JSON
    "truncated": None,  # 200, application/json, cut off mid-document
    "slow": None,  # sleep `delay` seconds before the normal answer
    "close": None,  # close the connection without an answer
    # Hostile endpoints (docs/failures.md, "A hostile SES endpoint"):
    "echo_token": None,  # 400 whose message echoes the request's X-Amz-Security-Token, in several encodings
    "drip": None,  # the normal answer, status line and headers included, one byte every `delay` seconds (0.5)
    "loop_token": None,  # ListEmailIdentities: every page says NextToken "again"
    "redirect": None,  # 302 to another host
    "array": None,  # 200, application/json, the body [1,2,3]
    "deep": None,  # 200, application/json, an array nested 100,000 deep
    "bad_items": None,  # ListEmailIdentities: objects without IdentityName or IdentityType
    "escapes": None,  # 400 whose message holds ESC, BEL, CR and U+202E
}

HOSTILE = ("echo_token", "drip", "loop_token", "redirect", "array", "deep", "bad_items", "escapes")


def token_echo(token: str) -> str:
    """What "echo_token" answers in its message: the token clear, URL-encoded, base64-encoded and split across
    lines (the body is written with JSON's optional `\\/` escape, so the clear token is JSON-escaped too)."""
    import base64
    from urllib.parse import quote

    half = len(token) // 2
    return (f"expired: {token} (url {quote(token, safe='')}, base64 {base64.b64encode(token.encode()).decode()}, "
            f"split {token[:half]}\n{token[half:]})")


# Credentials that exist only in tests: finding them in any output would mean a leak.
FAKE_CREDENTIALS = {"AWS_ACCESS_KEY_ID": "AKIDEXAMPLE", "AWS_SECRET_ACCESS_KEY": "fake/Secret+Key/0123456789abcdefghij"}


def isolated_aws_environment(base=None, *, credentials=FAKE_CREDENTIALS, endpoint: str | None = None,
                             **extra: str) -> dict[str, str]:
    """The environment of a run that sees none of the machine's AWS configuration: every AWS_*
    variable of `base` (default os.environ) removed, empty config and credentials files, no instance
    metadata, the given fake `credentials` (None: none at all) and SES `endpoint` (a URL), then `extra`.
    One definition for every test and benchmark of the live path."""
    env = {k: v for k, v in (os.environ if base is None else base).items() if not k.startswith("AWS_")}
    env.update(AWS_CONFIG_FILE=os.devnull, AWS_SHARED_CREDENTIALS_FILE=os.devnull, AWS_EC2_METADATA_DISABLED="true")
    env.update(credentials or {})
    if endpoint is not None:
        env["AWS_ENDPOINT_URL_SESV2"] = endpoint
    env.update(extra)
    return env


def refused_url() -> str:
    """An http://127.0.0.1:PORT where nothing listens, so connecting is refused at once.

    The port is bound (not listened on) only long enough to learn a free one; another process
    could take it afterwards, which in a test run is a risk worth this simplicity."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


class _QuietServer(ThreadingHTTPServer):
    daemon_threads = True

    def handle_error(self, request, client_address):
        """A client that gave up (read timeout) leaves a broken pipe behind: expected here, not news."""
        import sys

        if not isinstance(sys.exc_info()[1], (BrokenPipeError, ConnectionResetError)):
            super().handle_error(request, client_address)


@dataclass
class Request:
    method: str
    path: str
    region: str | None
    at: float  # time.monotonic() when it arrived
    status: int = 0
    authorization: str = ""  # the SigV4 header as sent: tests check that its signature is never printed


class FakeSes:
    def __init__(self, identities: dict[str, dict[str, dict]] | None = None, *,
                 rate_per_second: float | None = None, page_size: int = 1000):
        """`identities`: {region: {identity name: GetEmailIdentity response}}. An identity whose
        response has IdentityType EMAIL_ADDRESS is listed as one, as SES does."""
        self.identities = identities or {}
        self.rate_per_second = rate_per_second
        self.page_size = page_size
        self.requests: list[Request] = []
        self._faults: list[tuple[str, float]] = []
        self._last_admitted: dict[str | None, float] = {}
        self._lock = threading.Lock()
        self._server = _QuietServer(("127.0.0.1", 0), self._handler_class())
        # A short poll: stop() waits for it, and every test stops one.
        self._thread = threading.Thread(target=self._server.serve_forever, kwargs={"poll_interval": 0.05},
                                        name="fake-ses", daemon=True)

    # --- lifecycle -----------------------------------------------------------------------
    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host}:{port}"

    def start(self) -> FakeSes:
        self._thread.start()
        return self

    def stop(self) -> None:
        self._server.shutdown()
        self._server.server_close()

    def __enter__(self) -> FakeSes:
        return self.start()

    def __exit__(self, *exc) -> None:
        self.stop()

    # --- control -------------------------------------------------------------------------
    def fail_next(self, kind: str, times: int = 1, delay: float = 0.0) -> None:
        """Answer the next `times` requests with fault `kind` (see FAULTS)."""
        if kind not in FAULTS:
            raise ValueError(f"unknown fault {kind!r}")
        with self._lock:
            self._faults.extend([(kind, delay)] * times)

    def fail_always(self, kind: str, delay: float = 0.0) -> None:
        self.fail_next(kind, times=10**6, delay=delay)

    def clear_faults(self) -> None:
        """Answer normally again (the faults not yet served are dropped)."""
        with self._lock:
            self._faults.clear()

    def count(self, status: int | None = None) -> int:
        with self._lock:
            return sum(1 for r in self.requests if status is None or r.status == status)

    # --- serving -------------------------------------------------------------------------
    def _take_fault(self) -> tuple[str, float] | None:
        with self._lock:
            return self._faults.pop(0) if self._faults else None

    def _admit(self, region: str | None, now: float) -> bool:
        """A per-region limiter like SES's: at most one request per 1/rate seconds."""
        if not self.rate_per_second:
            return True
        with self._lock:
            last = self._last_admitted.get(region)
            if last is not None and now - last < 1.0 / self.rate_per_second:
                return False
            self._last_admitted[region] = now
            return True

    def _handler_class(self):
        fake = self

        class Handler(BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def log_message(self, *args):  # keep test output clean
                pass

            def do_GET(self):
                self._handle("GET")

            def do_POST(self):
                self._handle("POST")

            def _handle(self, method):
                length = int(self.headers.get("Content-Length") or 0)
                self.body = self.rfile.read(length) if length else b""
                match = _SCOPE.search(self.headers.get("Authorization", ""))
                record = Request(method, self.path, match.group(1) if match else None, time.monotonic(),
                                 authorization=self.headers.get("Authorization", ""))
                with fake._lock:
                    fake.requests.append(record)
                fault = fake._take_fault()
                if fault:
                    kind, delay = fault
                    if kind == "close":
                        record.status = -1
                        self.close_connection = True
                        self.connection.shutdown(2)
                        return
                    if kind in HOSTILE:
                        return getattr(self, f"_{kind}")(record, delay)
                    if kind == "slow":
                        time.sleep(delay)
                    elif kind == "malformed":
                        return self._send(record, 200, b"<html>not json", "text/html")
                    elif kind == "truncated":
                        return self._send(record, 200, b'{"IdentityType": "DOMAIN", "DkimAttri', "application/json")
                    else:
                        status, error_type = FAULTS[kind]
                        return self._error(record, status, error_type, f"fake {kind}")
                if not fake._admit(record.region, record.at):
                    return self._error(record, 429, "TooManyRequestsException", "Too Many Requests")
                self._route(record)

            def _route(self, record):
                url = urlsplit(self.path)
                regional = fake.identities.get(record.region, {})
                if url.path == "/v2/email/identities" and record.method == "GET":
                    # botocore < 1.44: GET with NextToken/PageSize in the query string
                    query = {k: v[0] for k, v in parse_qs(url.query).items()}
                    return self._list(record, regional, query)
                if url.path == "/v2/email/list-identities" and record.method == "POST":
                    # botocore >= 1.44: POST with a JSON body (NextToken, PageSize, Filter)
                    return self._list(record, regional, json.loads(self.body or b"{}"))
                prefix = "/v2/email/identities/"
                if url.path.startswith(prefix):
                    name = unquote(url.path[len(prefix):])
                    if name in regional:
                        return self._json(record, regional[name])
                    return self._error(record, 404, "NotFoundException", f"Email identity {name} does not exist.")
                return self._error(record, 404, "NotFoundException", "no such operation")

            def _echo_token(self, record, _delay):
                message = token_echo(self.headers.get("X-Amz-Security-Token", ""))
                body = json.dumps({"message": message}).replace("/", "\\/").encode()
                self._send(record, 400, body, "application/json", {"x-amzn-ErrorType": "BadRequestException"})

            def _drip(self, record, delay):
                record.status = 200
                body = json.dumps(fake.identities.get(record.region, {}).get("example.com", {})).encode()
                answer = (b"HTTP/1.1 200 OK\r\nContent-Type: application/json\r\nContent-Length: "
                          + str(len(body)).encode() + b"\r\n\r\n" + body)
                self.close_connection = True
                for i in range(len(answer)):
                    self.wfile.write(answer[i:i + 1])
                    self.wfile.flush()
                    time.sleep(delay or 0.5)

            def _loop_token(self, record, _delay):
                body = {"EmailIdentities": [{"IdentityType": "DOMAIN", "IdentityName": "example.com"}],
                        "NextToken": "again"}
                self._json(record, body)

            def _redirect(self, record, _delay):
                self._send(record, 302, b"", "text/html", {"Location": "https://ses.example.net/moved"})

            def _array(self, record, _delay):
                self._send(record, 200, b"[1,2,3]", "application/json")

            def _deep(self, record, _delay):
                self._send(record, 200, b"[" * 100_000 + b"]" * 100_000, "application/json")

            def _bad_items(self, record, _delay):
                self._json(record, {"EmailIdentities": [{"IdentityType": "DOMAIN"}, {"IdentityName": "example.com"}]})

            def _escapes(self, record, _delay):
                self._error(record, 400, "BadRequestException", "bad \x1b]0;owned\x07\x1b[2J\rforged \u202etxt.exe")

            def _list(self, record, regional, query):
                names = sorted(regional)
                start = int(query.get("NextToken") or 0)
                size = min(int(query.get("PageSize") or fake.page_size), fake.page_size)
                page = names[start:start + size]
                body = {"EmailIdentities": [
                    {"IdentityType": regional[n].get("IdentityType", "DOMAIN"), "IdentityName": n,
                     "SendingEnabled": True, "VerificationStatus": regional[n].get("VerificationStatus", "PENDING")}
                    for n in page]}
                if start + size < len(names):
                    body["NextToken"] = str(start + size)
                return self._json(record, body)

            def _json(self, record, body):
                self._send(record, 200, json.dumps(body).encode(), "application/json")

            def _error(self, record, status, error_type, message):
                body = json.dumps({"message": message}).encode()
                self._send(record, status, body, "application/json", {"x-amzn-ErrorType": error_type})

            def _send(self, record, status, body, content_type, headers=None):
                record.status = status
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(body)))
                self.send_header("x-amzn-RequestId", "fake-request-id")
                for key, value in (headers or {}).items():
                    self.send_header(key, value)
                self.end_headers()
                self.wfile.write(body)

        return Handler
