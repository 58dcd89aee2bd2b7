"""Credentials never printed: every line on stderr, the --debug log and every output pass `redact`.

Two kinds of secret are found:
- by name: a secret's name (a header, query parameter, XML element, JSON key, ini or env key), its
  separator, then its value (`Signature=...`, `<SessionToken>...`, `"secretAccessKey": "..."`);
- by value: the secret values of the environment (AWS_SECRET_ACCESS_KEY, AWS_SESSION_TOKEN, ...)
  and those `remember` was given (the profile's credentials and the request's token and signature,
  from sources/ses.py), wherever they appear, in every form the tool could print them in: clear,
  URL-encoded, JSON-escaped (`\\/`, also as a bytes repr shows it), base64 (at any alignment inside a longer base64 text), and
  split across lines (whitespace, or an escaped `\\n`, between any two of its characters).

An SES error message that echoes the session token (`expired: <X-Amz-Security-Token>`) is caught
by value: nothing in it names the secret.
"""

from __future__ import annotations

import base64
import json
import os
import re
from urllib.parse import quote

REDACTED = "<redacted>"
SECRET_ENVIRONMENT = ("AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_BEARER_TOKEN_SES")
SHORTEST = 8  # a shorter value would blank out ordinary words

_NAMES = (r"authorization|x-amz-security-token|x-amz-signature|x-amz-credential|credential|signature"
          r"|secret_?access_?key|session_?token|security_?token|access_?token|refresh_?token|client_?secret")
_SECRET = re.compile(
    rf"(?P<name>\b(?:aws_)?(?:{_NAMES}))(?P<separator>['\"]?\s*(?::|=|>)\s*b?)"
    r"(?P<value>'[^']*'|\"[^\"]*\"|[^\s&,;<'\"}]+)",
    re.IGNORECASE,
)
# What may stand between two characters of a value split across lines: whitespace, or its escape as JSON
# writes it (\n) or a Python repr of that JSON (\\n); and before a slash, JSON's optional escape (\/, \\/).
_SPLIT = r"(?:\s|\\+[nrt])*"
_SLASH = r"\\*/"

_remembered: set[str] = set()
_patterns: dict[frozenset, re.Pattern | None] = {}


def remember(*values: str | bytes | None) -> None:
    """Secrets this run holds that the environment does not show (a profile's keys, a request's token)."""
    for value in values:
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        if value and len(value) >= SHORTEST:
            _remembered.add(value)


def redact(text: str, environment: dict[str, str] | None = None) -> str:
    """`text` with every credential, token and signature it carries replaced by <redacted>."""
    return _SECRET.sub(_redacted_value, redact_values(text, environment))


def redact_values(text: str, environment: dict[str, str] | None = None) -> str:
    """`text` with the known secret values replaced, in any of their forms (not by name: for output files,
    where a word such as "signature" is ordinary text)."""
    env = os.environ if environment is None else environment
    secrets = frozenset(v for v in (*(env.get(name, "") for name in SECRET_ENVIRONMENT), *_remembered)
                        if len(v) >= SHORTEST)
    if not secrets:
        return text
    pattern = _patterns.get(secrets)
    if pattern is None:
        if len(_patterns) > 16:  # the environment changes only in tests
            _patterns.clear()
        pattern = _patterns[secrets] = _pattern(secrets)
    return pattern.sub(REDACTED, text) if pattern is not None else text


def _pattern(secrets: frozenset) -> re.Pattern | None:
    forms = {form for secret in secrets for form in _forms(secret) if len(form) >= SHORTEST}
    if not forms:
        return None
    alternatives = (_SPLIT.join(_SLASH if c == "/" else re.escape(c) for c in form)
                    for form in sorted(forms, key=len, reverse=True))
    return re.compile("|".join(alternatives))


def _forms(secret: str) -> set[str]:
    """The ways the tool could print `secret`."""
    forms = {secret, quote(secret, safe=""), quote(secret, safe="/"), json.dumps(secret)[1:-1]}
    forms |= {re.sub("%[0-9A-F]{2}", lambda m: m.group().lower(), f) for f in forms}  # lowercase hex
    data = secret.encode("utf-8")
    for skip in range(3):  # inside a longer base64 text the value starts at any of three alignments
        for encode in (base64.b64encode, base64.urlsafe_b64encode):
            encoded = encode(b"\0" * skip + data).decode("ascii")
            first = -(-8 * skip // 6)  # the first character made of the value's bits only
            last = 8 * (skip + len(data)) // 6  # past the last such character
            forms.add(encoded[first:last])
    return forms


def _redacted_value(match: re.Match) -> str:
    value = match.group("value")
    quote_mark = value[0] if value[:1] in ("'", '"') else ""
    return f"{match.group('name')}{match.group('separator')}{quote_mark}{REDACTED}{quote_mark}"
