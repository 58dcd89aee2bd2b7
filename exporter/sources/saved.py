"""Saved identities: the JSON that `aws sesv2 get-email-identity` prints, from a file, stdin or a folder."""

# Annotations are evaluated here (no `from __future__ import annotations`): this module is loaded at
# every start-up, and typing compiles each string annotation of a NamedTuple field, about 50 k
# instructions a field (docs/benchmarks.md, start-up). Names defined later are quoted.

import codecs
import json
import os
import sys
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from pathlib import Path
from typing import NamedTuple

from .. import model, names
from ..errors import InputError
from ..phrase import Phrase, Series

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
        make, errors = model.identity, failures.errors
        for item in load(self.path, list(domains or ()), failures):
            try:
                found.append(make(item.response, item.domain, options, item.source))
            except InputError as e:
                errors.append(e)
        failures.raise_any()
        return found

    def folder(self, domains: Sequence[str] | None, options: model.Options) -> "Folder | None":
        """A folder's identities made one at a time (-o FOLDER/ holds one, not 10,000), or None
        when the source is one file or stdin. Listing the folder raises what `identities` would."""
        if self.path == "-" or not Path(self.path).is_dir():
            return None
        failures = _Failures()
        wanted, files = _listed(Path(self.path), list(domains or ()), failures)
        return Folder(wanted, files, options, failures)


class Folder:
    """A folder of saved identities read twice rather than held: `summaries` makes every identity,
    collecting every bad file's error before any is raised (as `SavedSource.identities` does), and
    keeps of each only its model.Summary and a hash of its file's text; `made` makes each group's
    identities again when its file is written. A file whose text is not what was checked (edited
    meanwhile) is refused, not written as it now reads."""

    def __init__(self, domains: list[str], files: dict[str, str], options: model.Options, failures: "_Failures"):
        self.domains, self.files, self.options, self.failures = domains, files, options, failures
        self.read: dict[str, int] = {}  # domain -> hash() of its file's text, as the first pass read it

    def summaries(self) -> list[model.Summary]:
        errors, make, summary, read = self.failures.errors, model.identity, model.summary, self.read
        found = []
        for domain in self.domains:
            file = self.files[domain]
            try:
                text = _read(file)
                found.append(summary(make(_parse(text, file), domain, self.options, file)))
            except InputError as e:
                errors.append(e)
                continue
            read[domain] = hash(text)
        self.failures.raise_any()
        return found

    def identities(self, domains: Iterable[str]) -> list[model.Identity]:
        """The identities of `domains` (each summarised already), made again from their files."""
        found = []
        for domain in domains:
            file = self.files[domain]
            text = _read(file)
            if hash(text) != self.read[domain]:
                raise InputError(Phrase("error.saved-changed", source=file), option="identity_file")
            found.append(model.identity(_parse(text, file), domain, self.options, file))
        return found

    def made(self, groups: Mapping[str, Sequence[model.Summary]]) -> Mapping[str, list[model.Identity]]:
        """`groups` (file name: summaries, output.files) with each group's identities made when asked for."""
        return _Made(self, groups)


class _Made(Mapping[str, list]):
    __slots__ = ("_folder", "_groups")

    def __init__(self, folder: Folder, groups: Mapping[str, Sequence[model.Summary]]):
        self._folder, self._groups = folder, groups

    def __getitem__(self, name: str) -> list[model.Identity]:
        return self._folder.identities(summary.domain for summary in self._groups[name])

    def __iter__(self) -> Iterator[str]:
        return iter(self._groups)

    def __len__(self) -> int:
        return len(self._groups)


class SavedIdentity(NamedTuple):  # a NamedTuple: cheaper to define than a dataclass at every start-up
    domain: str  # FQDN with dot
    response: object  # the parsed JSON, validated later by model.identity
    source: str  # the path (or '-') for messages


class _Failures:
    """InputErrors of several files, raised as one."""

    def __init__(self) -> None:
        self.errors: list[InputError] = []

    def raise_any(self) -> None:
        if not self.errors:
            return
        if len(self.errors) == 1:
            raise self.errors[0]
        shown = Series(tuple(_flagged(e) for e in self.errors[:MAX_NAMED_FAILURES]), Phrase("error.separator"))
        more = len(self.errors) - MAX_NAMED_FAILURES
        if more > 0:
            raise InputError(Phrase("error.saved-several-more", count=len(self.errors), shown=shown, more=more))
        raise InputError(Phrase("error.saved-several", count=len(self.errors), shown=shown))


def _flagged(error: InputError) -> object:
    """One error of several, as cli_message says it, kept a Phrase so that it is said in the run's language."""
    detail = error.detail if error.phrase is None else error.phrase
    if error.option is None:
        return detail
    return Phrase("error.flagged", flag=f"--{error.option.replace('_', '-')}", detail=detail)


def load(path: str, domains: list[str], failures: _Failures | None = None) -> Iterable[SavedIdentity]:
    """Read saved identities for `domains` from a file, '-' (stdin) or a folder of DOMAIN.json; given
    `failures`, a folder's files are read as the result is iterated (the caller raises them after)."""
    if path == "-":
        return [SavedIdentity(_one_domain(domains, "-", "stdin"), _parse(_read_stdin(), "stdin"), "stdin")]
    location = Path(path)
    if location.is_dir():
        if failures is not None:  # the caller raises them, with its own
            return _load_folder(location, domains, failures)
        failures = _Failures()
        found = list(_load_folder(location, domains, failures))
        failures.raise_any()
        return found
    if not location.exists():
        raise InputError(Phrase("error.no-such-path", path=str(path)), option="identity_file")
    return [SavedIdentity(_one_domain(domains, path, path), _parse(_read(location), path), path)]


def _load_folder(folder: Path, domains: list[str], failures: _Failures) -> Iterator[SavedIdentity]:
    wanted, files = _listed(folder, domains, failures)
    return _read_each(wanted, files, failures)


def _listed(folder: Path, domains: list[str], failures: _Failures) -> tuple[list[str], dict[str, str]]:
    """(the domains asked for, in order: `domains` or every one the folder holds, sorted; each domain's
    file). A file name that is no domain, or two files of one domain, go to `failures`."""
    by_domain: dict[str, str] = {}
    try:  # not glob(), which reads an unreadable folder as an empty one
        # Names, not Path objects (10,000 of them cost a tenth of a second to make and sort): each
        # joined to the folder as str(folder / name) writes it. (A name longer than ".json".)
        base = str(folder)
        listed = sorted(entry.name for entry in os.scandir(folder) if entry.name.endswith(".json") and len(entry.name) > 5)
    except OSError as e:
        raise InputError(Phrase("error.cannot-list-folder", folder=str(folder), reason=str(e.strerror or e)),
                         option="identity_file") from None
    join = os.path.join
    for name in listed:
        file = join(base, name)
        try:
            fqdn = names.domain(name[:-5], f"{file}: file name", option="identity_file")
            if fqdn in by_domain:
                raise InputError(Phrase("error.same-domain", first=by_domain[fqdn], second=file,
                                        domain=fqdn[:-1]), option="identity_file")
            by_domain[fqdn] = file
        except InputError as e:
            failures.errors.append(e)
    if not by_domain and not failures.errors:
        raise InputError(Phrase("error.folder-empty", folder=str(folder)), option="identity_file")
    wanted = [names.domain(d, "DOMAIN") for d in domains] or sorted(by_domain)
    missing = [d[:-1] for d in wanted if d not in by_domain]
    if missing:
        raise InputError(Phrase("error.folder-lacks", folder=str(folder), domains=", ".join(missing)),
                         option="identity_file")
    return list(dict.fromkeys(wanted)), by_domain


def _read_each(domains: Iterable[str], files: dict[str, str], failures: _Failures) -> Iterator[SavedIdentity]:
    """Each file read and parsed when its identity is asked for, so that a folder of 10,000 holds one
    parsed response at a time, not all of them beside their identities. A file that cannot be read
    is kept in `failures`, which the caller raises once it has asked for every identity."""
    for d in domains:
        file = files[d]
        try:
            response = _parse(_read(file), file)
        except InputError as e:
            failures.errors.append(e)
            continue
        yield SavedIdentity(d, response, file)


def _one_domain(domains: list[str], option_value: str, source: str) -> str:
    """The DOMAIN of a file holding one identity: the one argument, else the file's name (DOMAIN.json,
    as in a folder)."""
    if not domains and option_value != "-":
        stem = Path(option_value).name
        stem = stem[: -len(".json")] if stem.endswith(".json") else stem
        try:
            return names.domain(stem, None)
        except InputError:
            raise InputError(Phrase("error.file-name-not-domain", path=option_value, stem=repr(stem)),
                             option="identity_file") from None
    if len(domains) != 1:
        raise InputError(Phrase("error.one-identity", source=source, path=option_value), option="identity_file")
    return names.domain(domains[0], "DOMAIN")


MAX_FILE = 10 * 1024 * 1024  # a response is a few kilobytes; bound what a wrong path (or `< /dev/zero`) makes us read


def _read(path: Path | str) -> str:
    """The file's text. Read with os.open and os.read, not open(): no buffered file object to make
    and close for each of a folder's 10,000 files; and asked for its size (plus a byte, to see it
    grow), not for MAX_FILE: a read of n bytes allocates n first (10 MiB for each file, most of its
    time, and of a folder's)."""
    source = str(path)
    try:
        fd = os.open(path, os.O_RDONLY)
        try:
            # A FIFO or a device says 0 (read on in pieces); more than MAX_FILE is read as far as MAX_FILE + 1.
            size = os.fstat(fd).st_size
            data = b""
            while len(data) <= MAX_FILE:
                asked = max(min(size, MAX_FILE) + 1 - len(data), 65536)
                more = os.read(fd, asked)
                data += more
                if not more or (size and len(more) < asked):  # a regular file's short read is its end
                    break
        finally:
            os.close(fd)
    except OSError as e:
        raise InputError(Phrase("error.path-reason", path=source, reason=str(e.strerror or e)),
                         option="identity_file") from None
    if len(data) > MAX_FILE:
        raise InputError(Phrase("error.saved-too-large", source=source, size=MAX_FILE // (1024 * 1024)),
                         option="identity_file")
    return _decode(data, source)


def _read_stdin() -> str:
    """Standard input, under the files' cap."""
    stream = sys.stdin
    if stream is None:  # started with standard input closed (`<&-`)
        raise InputError(Phrase("error.stdin-closed"), option="identity_file")
    try:
        if hasattr(stream, "buffer"):
            return _decode(_bounded(stream.buffer, "stdin"), "stdin")
        return _decode(_bounded(stream, "stdin").encode("utf-8"), "stdin")  # a text stream (a library caller's)
    except (OSError, ValueError) as e:  # EBADF, EIO; ValueError: a closed stream
        if isinstance(e, InputError):
            raise
        raise InputError(Phrase("error.stdin-unreadable", reason=str(getattr(e, "strerror", None) or e)),
                         option="identity_file") from None


def _bounded(handle, source: str):
    """At most MAX_FILE bytes (or characters) of `handle`; more is refused, not read."""
    data = handle.read(MAX_FILE + 1)
    if data is None:  # a non-blocking stream with nothing yet
        data = b""
    if len(data) > MAX_FILE:
        raise InputError(Phrase("error.saved-too-large", source=source, size=MAX_FILE // (1024 * 1024)),
                         option="identity_file")
    return data


def _decode(data: bytes, source: str) -> str:
    """UTF-8 (with or without BOM), or UTF-16 with its BOM: what PowerShell 5.1's `>` writes."""
    if 0 not in data:  # no zero byte: neither UTF-32 nor UTF-16 without a byte-order mark (the tests below)
        if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
            return _utf16(data, source)
        return _utf8(data, source)
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)) or _every_fourth(data):
        # Before UTF-16: UTF-32LE's byte-order mark starts with UTF-16LE's.
        raise InputError(Phrase("error.saved-utf32", source=source), option="identity_file")
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _utf16(data, source)
    if len(data) >= 4 and max(data[1::2].count(0), data[0::2].count(0)) > len(data) // 4:
        # JSON is ASCII in its structure: every other byte zero is UTF-16 (NUL is valid UTF-8 too).
        raise InputError(Phrase("error.saved-utf16-no-bom", source=source), option="identity_file")
    return _utf8(data, source)


def _utf16(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-16")
    except UnicodeDecodeError:
        raise InputError(Phrase("error.saved-utf16-invalid", source=source), option="identity_file") from None


def _utf8(data: bytes, source: str) -> str:
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(Phrase("error.saved-not-utf8", source=source), option="identity_file") from None


def _every_fourth(data: bytes) -> bool:
    """UTF-32 without a byte-order mark: JSON is ASCII in its structure, so three bytes in four are zero."""
    if len(data) < 8:
        return False
    def zero(start: int) -> bool:
        return data[start::4].count(0) * 10 > len(data[start::4]) * 9
    return (zero(1) and zero(2) and zero(3)) or (zero(0) and zero(1) and zero(2))


def _parse(text: str, source: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(Phrase("error.not-json", source=source, reason=e.msg, line=e.lineno, column=e.colno)) from None
    except RecursionError:
        raise InputError(Phrase("error.json-too-deep", source=source)) from None
    except ValueError as e:  # a number of more digits than Python converts (4300): no SES field is one
        raise InputError(Phrase("error.saved-not-response", source=source, reason=_first_words(e))) from None


def _first_words(error: Exception) -> str:
    """The reason, without Python's advice to the programmer ("use sys.set_int_max_str_digits()")."""
    return str(error).split(";")[0]
