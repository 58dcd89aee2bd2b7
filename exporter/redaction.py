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

import os
import re
import threading
from functools import lru_cache

REDACTED = "<redacted>"
SECRET_ENVIRONMENT = ("AWS_SECRET_ACCESS_KEY", "AWS_SESSION_TOKEN", "AWS_SECURITY_TOKEN", "AWS_BEARER_TOKEN_SES")
SHORTEST = 8  # a shorter value would blank out ordinary words

_NAMES = (r"authorization|x-amz-security-token|x-amz-signature|x-amz-credential|credential|signature"
          r"|secret_?access_?key|session_?token|security_?token|access_?token|refresh_?token|client_?secret")
_SECRET_TEXT = (rf"(?P<name>\b(?:aws_)?(?:{_NAMES}))(?P<separator>['\"]?\s*(?::|=|>)\s*b?)"
                r"(?P<value>'[^']*'|\"[^\"]*\"|[^\s&,;<'\"}]+)")


@lru_cache(maxsize=1)
def _by_name() -> re.Pattern:
    """Compiled when first needed: every output passes redact_values, few runs print a line on stderr."""
    return re.compile(_SECRET_TEXT, re.IGNORECASE)
# What may stand between two characters of a value split across lines: whitespace, or its escape as JSON
# writes it (\n) or a Python repr of that JSON (\\n); and before a slash, JSON's optional escape (\/, \\/).
# Values are looked for in the text without these gaps.
_GAP = re.compile(r"(?:\s|\\+[nrt]|\\+(?=/))+")

_remembered: set[str] = set()
_remembering = threading.Lock()  # regions are read in threads, each remembering its request's secrets
_known_forms: dict[frozenset, tuple[str, ...]] = {}


def remember(*values: str | bytes | None) -> None:
    """Secrets this run holds that the environment does not show (a profile's keys, a request's token)."""
    for value in values:
        if isinstance(value, bytes):
            value = value.decode("utf-8", "replace")
        if value and len(value) >= SHORTEST:
            with _remembering:
                _remembered.add(value)


def redact(text: str, environment: dict[str, str] | None = None) -> str:
    """`text` with every credential, token and signature it carries replaced by <redacted>."""
    return _by_name().sub(_redacted_value, redact_values(text, environment))


def redact_values(text: str, environment: dict[str, str] | None = None, split: bool = True) -> str:
    """`text` with the known secret values replaced, in any of their forms (not by name: for output files,
    where a word such as "signature" is ordinary text). `split` False: only where a form stands whole,
    a quick test for long texts that the tool writes itself (the outputs)."""
    forms = _secret_forms(os.environ if environment is None else environment)
    if not forms:
        return text
    if not split:
        return _replace_whole(text, forms)
    import bisect

    flat_parts, starts, origins, at = [], [], [], 0
    position = 0
    for gap in _GAP.finditer(text):  # the text without gaps, and where each piece of it came from
        if gap.start() > position:
            starts.append(at)
            origins.append(position)
            flat_parts.append(text[position:gap.start()])
            at += gap.start() - position
        position = gap.end()
    if position < len(text):
        starts.append(at)
        origins.append(position)
        flat_parts.append(text[position:])
    flat = "".join(flat_parts)
    spans = sorted(_found(flat, forms))
    if not spans:
        return text

    def original(index: int) -> int:  # an index of `flat` as an index of `text`
        piece = bisect.bisect_right(starts, index) - 1
        return origins[piece] + index - starts[piece]

    out, done = [], 0
    for begin, end in _merged(spans):
        first, last = original(begin), original(end - 1) + 1
        out.append(text[done:first])
        out.append(REDACTED)
        done = last
    out.append(text[done:])
    return "".join(out)


def holds_secrets(environment: dict[str, str] | None = None) -> bool:
    """Whether redact_values has any value to look for."""
    return bool(_secret_forms(os.environ if environment is None else environment))


def _secret_forms(env) -> tuple[str, ...]:
    with _remembering:
        remembered = tuple(_remembered)
    secrets = frozenset(v for v in (*(env.get(name, "") for name in SECRET_ENVIRONMENT), *remembered)
                        if len(v) >= SHORTEST)
    if not secrets:
        return ()
    forms = _known_forms.get(secrets)
    if forms is None:
        if len(_known_forms) > 16:  # the environment changes only in tests
            _known_forms.clear()
        found = {_GAP.sub("", form) for secret in secrets for form in _forms(secret)}
        forms = _known_forms[secrets] = tuple(sorted((f for f in found if len(f) >= SHORTEST), key=len, reverse=True))
    return forms


def _found(flat: str, forms: tuple[str, ...]):
    for form in forms:
        start = flat.find(form)
        while start != -1:
            yield start, start + len(form)
            start = flat.find(form, start + len(form))


def _merged(spans: list[tuple[int, int]]) -> list[tuple[int, int]]:
    merged: list[tuple[int, int]] = []
    for begin, end in spans:
        if merged and begin <= merged[-1][1]:
            merged[-1] = (merged[-1][0], max(merged[-1][1], end))
        else:
            merged.append((begin, end))
    return merged


def _replace_whole(text: str, forms: tuple[str, ...]) -> str:
    for form in forms:
        if form in text:
            text = text.replace(form, REDACTED)
    return text


def _forms(secret: str) -> set[str]:
    """The ways the tool could print `secret`."""
    import base64
    import json
    from urllib.parse import quote

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
