"""Saved identities: the JSON that `aws sesv2 get-email-identity` prints, from a file, stdin or a folder."""

from __future__ import annotations

import codecs
import json
import os
import sys
from collections.abc import Callable, Sequence
from pathlib import Path
from typing import NamedTuple

from .. import model, names
from ..errors import InputError

# A folder with many bad files: name this many in the one message, then count the rest.
MAX_NAMED_FAILURES = 5


class SavedSource:
    """Identities from saved JSON: a file for one domain, '-' for stdin, or a folder of DOMAIN.json.

    The region is not in the saved JSON: the identity's SigningHostedZone may name it, else it
    comes with the options (`Options.region`).
    """

    def __init__(self, path: str):
        self.path = path

    def identities(self, domains: Sequence[str] | None, options: model.Options,
                   notify: Callable[[str], None] | None = None) -> list[model.Identity]:
        """The identities named by `domains`, or (None or empty) every one the folder holds.

        Every file is read before any error is raised, so one message names every bad file of a
        folder (up to MAX_NAMED_FAILURES), not only the first.
        """
        failures = _Failures()
        found = []
        for item in load(self.path, list(domains or ()), failures):
            with failures.collect():
                found.append(model.identity(item.response, item.domain, options, item.source))
        failures.raise_any()
        return found


class SavedIdentity(NamedTuple):  # a NamedTuple: cheaper to define than a dataclass at every start-up
    domain: str  # FQDN with dot
    response: object  # the parsed JSON, validated later by model.identity
    source: str  # the path (or '-') for messages


class _Failures:
    """InputErrors of several files, raised as one."""

    def __init__(self) -> None:
        self.errors: list[InputError] = []

    def collect(self) -> _Collect:
        return _Collect(self)

    def raise_any(self) -> None:
        if not self.errors:
            return
        if len(self.errors) == 1:
            raise self.errors[0]
        shown = "; ".join(e.cli_message() for e in self.errors[:MAX_NAMED_FAILURES])
        more = len(self.errors) - MAX_NAMED_FAILURES
        raise InputError(f"{len(self.errors)} saved identities are bad: {shown}"
                         + (f"; and {more} more" if more > 0 else ""))


class _Collect:
    """`with failures.collect():` keeps an InputError of the block for raise_any (a class of its
    own, not one defined per call: a folder of 10,000 identities enters it three times each)."""

    __slots__ = ("failures",)

    def __init__(self, failures: _Failures):
        self.failures = failures

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, error, traceback) -> bool:
        if isinstance(error, InputError):
            self.failures.errors.append(error)
            return True
        return False


def load(path: str, domains: list[str], failures: _Failures | None = None) -> list[SavedIdentity]:
    """Read saved identities for `domains` from a file, '-' (stdin) or a folder of DOMAIN.json."""
    if path == "-":
        data = sys.stdin.buffer.read() if hasattr(sys.stdin, "buffer") else sys.stdin.read().encode("utf-8")
        return [SavedIdentity(_one_domain(domains, "-", "stdin"), _parse(_decode(data, "stdin"), "stdin"), "stdin")]
    location = Path(path)
    if location.is_dir():
        if failures is not None:  # the caller raises them, with its own
            return _load_folder(location, domains, failures)
        failures = _Failures()
        found = _load_folder(location, domains, failures)
        failures.raise_any()
        return found
    if not location.exists():
        raise InputError(f"{path}: no such file or folder", option="identity_file")
    return [SavedIdentity(_one_domain(domains, path, path), _parse(_read(location), path), path)]


def _load_folder(folder: Path, domains: list[str], failures: _Failures) -> list[SavedIdentity]:
    by_domain: dict[str, Path] = {}
    # Names sorted as strings, then made paths: sorting 10,000 Path objects costs a tenth of a second.
    for file in [folder / entry for entry in sorted(e.name for e in os.scandir(folder) if e.name.endswith(".json"))]:
        with failures.collect():
            fqdn = names.domain(file.stem, f"{file}: file name", option="identity_file")
            if fqdn in by_domain:
                raise InputError(f"{by_domain[fqdn]} and {file} are the same domain {fqdn[:-1]}", option="identity_file")
            by_domain[fqdn] = file
    if not by_domain and not failures.errors:
        raise InputError(f"{folder}: the folder holds no DOMAIN.json files", option="identity_file")
    wanted = [names.domain(d, "DOMAIN") for d in domains] or sorted(by_domain)
    missing = [d[:-1] for d in wanted if d not in by_domain]
    if missing:
        raise InputError(f"{folder} has no file for {', '.join(missing)} (expected DOMAIN.json)", option="identity_file")
    found = []
    for d in dict.fromkeys(wanted):
        with failures.collect():
            found.append(SavedIdentity(d, _parse(_read(by_domain[d]), str(by_domain[d])), str(by_domain[d])))
    return found


def _one_domain(domains: list[str], option_value: str, source: str) -> str:
    """The DOMAIN of a file holding one identity: the one argument, else the file's name (DOMAIN.json,
    as in a folder)."""
    if not domains and option_value != "-":
        stem = Path(option_value).name
        stem = stem[: -len(".json")] if stem.endswith(".json") else stem
        try:
            return names.domain(stem, None)
        except InputError:
            raise InputError(
                f"{option_value}: no DOMAIN given, and the file name {stem!r} is not one; name it "
                f"(ses-export DOMAIN --identity-file {option_value}) or save the file as DOMAIN.json",
                option="identity_file") from None
    if len(domains) != 1:
        raise InputError(
            f"{source} holds one identity; name its domain once "
            f"(ses-export DOMAIN --identity-file {option_value}), or pass a folder of DOMAIN.json files",
            option="identity_file",
        )
    return names.domain(domains[0], "DOMAIN")


MAX_FILE = 10 * 1024 * 1024  # a response is a few kilobytes; bound what a wrong path makes us read


def _read(path: Path) -> str:
    try:
        with path.open("rb") as handle:
            data = handle.read(MAX_FILE + 1)
    except OSError as e:
        raise InputError(f"{path}: {e.strerror or e}", option="identity_file") from None
    if len(data) > MAX_FILE:
        raise InputError(f"{path}: larger than {MAX_FILE // (1024 * 1024)} MB; not a saved get-email-identity "
                         "response", option="identity_file")
    return _decode(data, str(path))


def _decode(data: bytes, source: str) -> str:
    """UTF-8 (with or without BOM), or UTF-16 with its BOM: what PowerShell 5.1's `>` writes."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        try:
            return data.decode("utf-16")
        except UnicodeDecodeError:
            raise InputError(f"{source}: saved as UTF-16, but not valid UTF-16 text", option="identity_file") from None
    if len(data) >= 4 and max(data[1::2].count(0), data[0::2].count(0)) > len(data) // 4:
        # JSON is ASCII in its structure: every other byte zero is UTF-16 (NUL is valid UTF-8 too).
        raise InputError(f"{source}: saved as UTF-16 without a byte-order mark; save it as UTF-8 "
                         "(PowerShell: | Out-File -Encoding utf8)", option="identity_file")
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{source}: not UTF-8 text", option="identity_file") from None


def _parse(text: str, source: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(f"{source}: not JSON ({e.msg} at line {e.lineno}, column {e.colno})") from None
    except RecursionError:
        raise InputError(f"{source}: not JSON (nested too deeply)") from None
