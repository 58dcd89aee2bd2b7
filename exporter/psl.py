"""The Public Suffix List: which part of a name is public (co.uk, github.io) and which is registrable.

The list comes from the PyPI package `publicsuffixlist` (ko-zu), which ships Mozilla's
`public_suffix_list.dat` inside the wheel and publishes a new version whenever the list changes
(the version number ends with the list's date). Nothing is downloaded at run time: refreshing the
list means upgrading the package (`pip install -U publicsuffixlist`). Candidates compared:

- `publicsuffixlist`: maintained, ships the list with ICANN and private sections, and also
  ships the PSL project's own test vectors (`test_psl.txt`), which tests/test_psl.py runs.
- `tldextract`: fetches the list over the network at first use by default (a snapshot is only the
  fallback) and caches it in the user's folder: a run-time download we do not want.
- `publicsuffix2`, `publicsuffix`: last released in 2019, so their bundled lists are stale.
- `psl`: a daily-updated list, but without the test vectors and with a smaller user base.

Start-up matters: the offline render path calls this on every run. The package's own
`PublicSuffixList()` parses all 16,000 rules and encodes each as IDNA at construction (about
70 ms here), so this module does not use its API: it reads the shipped file and looks rules up in
it (see _Rules: searched while few names are asked, a set of its lines after that) and applies the
PSL algorithm (https://github.com/publicsuffix/list/wiki/Format), written out below.
"""

from __future__ import annotations

import importlib.util
import os


class _Rules:
    """The lines of the shipped list, asked one rule at a time.

    Rules are written one per line in Unicode (U-labels), lowercase, with nothing after them (the
    format allows trailing text after whitespace, which the list does not use; the PSL's own test
    vectors in tests/test_psl.py would catch a list that did). Comment lines start with '//', which
    no domain name does. A run with a few names searches the file's bytes (about 0.1 ms a rule);
    building a set of its 16,000 lines costs more than a one-identity run's searches (callgrind:
    about 24 M instructions, a sixth of the tool's start-up beyond its imports), so the set is built
    only once a run has asked SET_AFTER rules (a folder of identities)."""

    SET_AFTER = 60

    def __init__(self) -> None:
        self._data: bytes | None = None
        self._lines: frozenset[str] | None = None
        self._asked = 0

    def _read(self) -> bytes:
        if self._data is None:
            spec = importlib.util.find_spec("publicsuffixlist")
            if spec is None or not spec.submodule_search_locations:
                raise RuntimeError("the publicsuffixlist package is missing; reinstall ses-export")
            path = os.path.join(next(iter(spec.submodule_search_locations)), "public_suffix_list.dat")
            with open(path, "rb") as handle:
                # The list is LF-only (a CRLF copy would fail tests/test_psl.py, not pass silently).
                self._data = b"\n" + handle.read() + b"\n"
        return self._data

    def __contains__(self, rule: str) -> bool:
        if self._lines is not None:
            return rule in self._lines
        self._asked += 1
        if self._asked > self.SET_AFTER:
            self._lines = frozenset(self._read().decode("utf-8").split("\n"))  # text: no encoding per question
            return rule in self._lines
        return b"\n" + rule.encode("utf-8") + b"\n" in self._read()


_RULES = _Rules()


def _unicode_label(label: str) -> str:
    """The list writes IDN rules in U-labels; our names are A-labels."""
    if label.startswith("xn--"):
        try:
            return label[4:].encode("ascii").decode("punycode")
        except UnicodeError:
            return label
    return label


def _labels(fqdn: str) -> list[str]:
    name = fqdn.strip().rstrip(".").lower()
    if not name or ".." in name or name.startswith("."):
        raise ValueError(f"{fqdn!r} is not a domain name")
    return name.split(".")


def _public_suffix_length(labels: list[str]) -> int:
    """How many labels, counted from the right, the prevailing rule makes public."""
    if any(label.startswith("xn--") for label in labels):
        labels = [_unicode_label(label) for label in labels]
    has_rule = _RULES.__contains__  # asked five times or more per name: one lookup of the method
    longest = 1  # the implicit rule "*": an unlisted top-level domain is a public suffix
    suffix = ""
    for count in range(1, len(labels) + 1):
        parent, suffix = suffix, f"{labels[-count]}.{suffix}" if suffix else labels[-count]
        if has_rule("!" + suffix):
            return count - 1  # an exception rule prevails: its leftmost label is registrable
        if has_rule(suffix):
            longest = count
        elif count > 1 and has_rule("*." + parent):
            longest = count
    return longest


def public_suffix(fqdn: str) -> str:
    """The public suffix of `fqdn` (an A-label FQDN, with or without its dot), with the dot."""
    labels = _labels(fqdn)
    return ".".join(labels[-_public_suffix_length(labels):]) + "."


def registrable_domain(fqdn: str) -> str | None:
    """The organisational domain of `fqdn` (the public suffix plus one label), as an FQDN with its
    dot; None when `fqdn` is itself a public suffix (co.uk., github.io.)."""
    labels = _labels(fqdn)
    count = _public_suffix_length(labels)
    if count >= len(labels):
        return None
    return ".".join(labels[-count - 1:]) + "."


def is_public_suffix(fqdn: str) -> bool:
    """True when `fqdn` is a public suffix itself: nobody can register a zone for it alone."""
    labels = _labels(fqdn)
    return _public_suffix_length(labels) >= len(labels)
