"""Domain names: parse once into A-label FQDNs with the trailing dot, and relate them to a zone."""

from __future__ import annotations

import re

import dns.exception
import dns.name

from .errors import InputError
from .phrase import Phrase

# Explicit IDNA 2008 (UTS 46 mapping, so "Example.COM" and full-width forms work):
# dnspython falls back to IDNA 2003 silently when the idna package is missing, and the
# two disagree on names such as "faß.de". Failing loudly is better than a wrong name.
_IDNA = dns.name.IDNA_2008_Practical
# It passes "xn--" labels through unchecked; the strict codec decodes them by IDNA 2008's rules.
_IDNA_STRICT = dns.name.IDNA_2008_Strict

# A host name label: letters, digits, hyphens, and the underscore of _domainkey/_dmarc.
_LABEL = re.compile(r"[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?")
_PLAIN_FQDN = re.compile(r"(?:[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.)+[a-z0-9_](?:[a-z0-9_-]{0,61}[a-z0-9_])?\.?")
# A DKIM token or selector is opaque: any DNS label that every panel and zone file can carry.
_TOKEN = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_-]{0,62}")
# A host name label in the strict sense (RFC 952/1123, and RFC 5321's sub-domain): no '_'.

_HOST_NAME = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+")  # host name labels (RFC 952/1123, RFC 5321): no "_"


def at(what: object, problem: Phrase) -> Phrase:
    """`problem` said of the input `what` names ("DOMAIN: ..."; a text or a Phrase), or alone."""
    return Phrase("error.at", what=what, problem=problem) if what else problem


def domain(text: str, what: object = "domain", option: str | None = None) -> str:
    """Return `text` as a lowercase A-label FQDN with its trailing dot, or raise InputError.

    `what` names the input in the error ("DOMAIN", "FILE: MailFromDomain"); `option` is the
    parameter it came from ("zone"), which the error carries (see errors.ExportError).
    """

    if type(text) is str:  # the common case first: a plain name needs none of the checks below
        plain = _plain_ascii_domain(text)
        if plain is not None:
            return plain

    def fail(problem: Phrase) -> InputError:
        return InputError(at(what, problem), option=option)

    if not isinstance(text, str) or not text.strip():
        raise fail(Phrase("error.name-empty"))
    raw = text.strip()
    bad = control_character(raw)
    if bad is not None:
        raise fail(Phrase("error.name-control", raw=repr(raw), character=repr(bad)))
    if "@" in raw:
        raise fail(Phrase("error.name-email", raw=repr(raw)))
    if raw == ".":
        raise fail(Phrase("error.name-root"))
    plain = _plain_ascii_domain(raw)  # again: `raw` is `text` stripped
    if plain is not None:
        return plain
    if ".." in raw or raw.startswith("."):
        raise fail(Phrase("error.name-empty-label", raw=repr(raw)))
    try:
        name = dns.name.from_unicode(raw.rstrip(".") + ".", idna_codec=_IDNA)
    except dns.name.LabelTooLong:
        raise fail(Phrase("error.name-label-long", raw=repr(raw))) from None
    except dns.name.NameTooLong:
        raise fail(Phrase("error.name-long", raw=repr(raw))) from None
    except dns.name.NoIDNA2008:
        raise fail(Phrase("error.name-no-idna")) from None
    except (dns.exception.DNSException, UnicodeError, ValueError) as e:
        raise fail(Phrase("error.name-invalid", raw=repr(raw), reason=_reason(e))) from None
    labels = [label.decode("ascii").lower() for label in name.labels[:-1]]
    if len(labels) < 2:
        raise fail(Phrase("error.name-single-label", raw=repr(raw)))
    for label in labels:
        if not _LABEL.fullmatch(label):
            raise fail(Phrase("error.name-bad-label", raw=repr(raw), label=repr(label)))
        if label.startswith("xn--"):
            problem = _a_label_problem(label)
            if problem:
                raise fail(Phrase("error.name-bad-a-label", raw=repr(raw), label=repr(label), problem=problem))
    fqdn = ".".join(labels) + "."
    if len(fqdn) - 1 > 253:
        raise fail(Phrase("error.name-long", raw=repr(raw)))
    return fqdn


def _plain_ascii_domain(raw: str) -> str | None:
    """The common case without dnspython (a run of thousands of identities parses each name
    several times): pure ASCII without escapes is exactly what dnspython's practical IDNA codec
    passes through unchanged. Anything else, or anything wrong, takes the full path and its
    precise error (tests/test_names.py checks the two agree). A name already in its final form
    (lowercase, one final dot or none) costs one match: the pattern admits no space, control
    character, '@' or backslash, so what matches needs none of domain()'s other checks."""
    if not _PLAIN_FQDN.fullmatch(raw):
        if not raw.isascii():  # 'K' (KELVIN SIGN) lowers to ASCII 'k': the full path maps it
            return None
        raw = raw.lower()
        if not _PLAIN_FQDN.fullmatch(raw):  # two labels or more, each a _LABEL, one final dot or none
            return None
    if "xn--" in raw:  # A-labels get checked on the full path
        return None
    name = raw if raw[-1] == "." else raw + "."
    return name if len(name) <= 254 else None


def _a_label_problem(label: str) -> str | None:
    """Why an xn-- label does not decode under IDNA 2008, or None: dnspython passes ASCII through
    unchecked, and a broken A-label ('xn--zz') would be written into records no registry can hold."""
    try:
        _IDNA_STRICT.decode(label.encode("ascii"))
    except (dns.exception.DNSException, UnicodeError) as e:
        return _reason(e)
    return None


def token(text: object, what: object) -> str:
    """A DKIM token or selector: one DNS label, kept exactly as SES wrote it. It may not start with
    '-': the dig and nslookup lines the outputs print would read it as an option."""
    if not isinstance(text, str) or not _TOKEN.fullmatch(text):
        raise InputError(at(what, Phrase("error.name-not-token", value=repr(text))))
    return text


def are_tokens(values: list) -> bool:
    """True when every value is a token (as token() takes it): checked at once, naming nothing."""
    return all(type(value) is str and _TOKEN.fullmatch(value) for value in values)


# C0 and C1 controls, DEL, the line and paragraph separators (line breaks to YAML 1.1), and the
# bidirectional overrides and isolates that reorder what a terminal or an editor shows (U+202A-U+202E,
# U+2066-U+2069): no name, path or option value holds one honestly.
_CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")


def control_character(text: str) -> str | None:
    """The first control character in `text`, or None."""
    found = _CONTROL.search(text)
    return found.group() if found else None


def is_host_name(fqdn: str) -> bool:
    """True when every label of `fqdn` (lowercase, with dot) is letters, digits and inner hyphens."""
    return _HOST_NAME.fullmatch(fqdn) is not None


def is_within(name: str, zone: str) -> bool:
    """True when FQDN `name` is `zone` or lies below it (both FQDNs with dots)."""
    return name == zone or name.endswith("." + zone)


def relative(name: str, zone: str) -> str:
    """`name` relative to `zone`, as a panel's host field wants it: '@' for the apex."""
    if name == zone:
        return "@"
    if not name.endswith("." + zone):
        raise ValueError(f"{name} is not within {zone}")
    return name[: -len(zone) - 1]


def to_unicode(fqdn: str) -> str:
    """The U-label form, for people reading headers and instructions (never for values).

    Decoded strictly: an "xn--" label that is not a valid IDNA 2008 A-label is plain ASCII to
    DNS, but its Punycode can hold control characters, invisible or right-to-left marks that
    would land in a comment. Such a name is shown as it is written.
    """
    if "xn--" not in fqdn:  # no A-label to decode: the name is its own U-label form
        return fqdn
    try:
        return dns.name.from_text(fqdn).to_unicode(idna_codec=_IDNA_STRICT)
    except Exception:
        return fqdn


def _reason(e: Exception) -> str:
    text = str(e).strip()
    return text or type(e).__name__
