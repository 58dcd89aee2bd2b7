"""Write the result to stdout or, atomically, to a file: a failed run leaves no partial file.

-o takes what a shell's `>` takes, without its harm: a regular file is replaced atomically (written
beside it, renamed over it); a character device or a FIFO (/dev/stdout, /dev/null, a named pipe) is
written through, since renaming over it would replace the device with a file; a symbolic link is
followed and its target replaced atomically, so the link stays a link. Anything else (a socket, a
block device) is refused.
"""

from __future__ import annotations

import codecs
import errno
import os
import stat
import sys
import tempfile
from collections.abc import Callable, Iterable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from pathlib import Path

from .errors import EXIT_STDOUT_CLOSED, EXIT_TERMINATED, InputError, OutputError
from .phrase import Phrase


def emit(text: str | Sequence[bytes], path: str | None) -> None:
    """Write `text` to stdout or -o FILE: a str, or the output as UTF-8 in pieces, in order
    (formats.render_utf8)."""
    if path in (None, "-"):
        to_stdout(text)
        return
    write_file(Path(path), text)


# Pieces written as one block: not the whole output at once (an html page of 10,000 identities is
# 91 MB), nor a write call per piece, nor blocks of megabytes: each of those is memory mapped afresh
# and faulted in page by page (0.2 s of system time for that page), where blocks of some 100 KB
# reuse the same memory.
PIECES_PER_WRITE = 64


def _blocks(text: str | Sequence[bytes]) -> Iterator[str | bytes]:
    """`text` as a few long blocks to write: a str as it is, UTF-8 pieces joined a block at a time.
    Where the run holds a secret, the pieces are joined whole and decoded, so that redaction (which
    reads text) finds a secret split between two blocks (exporter/redaction.py)."""
    if isinstance(text, str):
        yield text
    elif secrets_known():
        yield b"".join(text).decode("utf-8")
    else:
        for start in range(0, len(text), PIECES_PER_WRITE):
            yield b"".join(text[start : start + PIECES_PER_WRITE])


def _writer(handle) -> Callable[[str | bytes], object]:
    """write(block) into the text stream `handle`: a str redacted, UTF-8 bytes (from _blocks, where
    the run holds no secret) straight to the bytes under it where the stream writes UTF-8 as it is
    (no other encoding, no line ends rewritten), else decoded and written as text."""
    raw = getattr(handle, "buffer", None)
    encoding = getattr(handle, "encoding", None)
    if raw is None or not encoding or codecs.lookup(encoding).name != "utf-8" or os.linesep != "\n":
        return lambda block: handle.write(block.decode("utf-8") if isinstance(block, bytes) else _no_secrets(block))

    def write(block: str | bytes) -> object:
        if isinstance(block, str):
            return handle.write(_no_secrets(block))
        handle.flush()  # what was written as text goes first
        return raw.write(block)

    return write


def to_stdout(text: str | Sequence[bytes]) -> None:
    """Write to standard output; a failure is one OutputError naming standard output and why."""
    stream = sys.stdout
    if stream is None:  # started with standard output closed (`ses-export ... >&-`)
        raise OutputError(Phrase("error.stdout-closed"), stdout=True)
    try:
        if isinstance(text, str):  # most writes: a piece of the --check report (streamed), a small output
            stream.write(_no_secrets(text))
        else:
            write = _writer(stream)
            for block in _blocks(text):
                write(block)
        stream.flush()
    except BrokenPipeError:
        raise OutputError(Phrase("error.stdout-pipe-closed"), stdout=True, exit_code=EXIT_STDOUT_CLOSED) from None
    except (OSError, ValueError) as e:  # ENOSPC (> /dev/full), EBADF, EIO; ValueError: a closed stream
        reason = getattr(e, "strerror", None) or str(e)
        raise OutputError(Phrase("error.stdout-incomplete", reason=reason), stdout=True) from None


def _kind_phrase(kind: str | None) -> Phrase:
    """What _kind found, said in the run's language."""
    return {"file": Phrase("error.kind.file"), "folder": Phrase("error.kind.folder"),
            "character device": Phrase("error.kind.character-device"), "FIFO": Phrase("error.kind.fifo"),
            "socket": Phrase("error.kind.socket"), "block device": Phrase("error.kind.block-device")}[str(kind)]


def _kind(path: Path) -> str | None:
    """What `path` is once symbolic links are followed: None when nothing is there."""
    try:
        mode = os.stat(path).st_mode
    except FileNotFoundError:
        return None
    except OSError as e:
        if e.errno == errno.ENOTDIR:
            return None
        raise InputError(Phrase("error.path-reason", path=str(path), reason=str(e.strerror or e)), option="output") from None
    for test, kind in ((stat.S_ISREG, "file"), (stat.S_ISDIR, "folder"), (stat.S_ISCHR, "character device"),
                       (stat.S_ISFIFO, "FIFO"), (stat.S_ISSOCK, "socket"), (stat.S_ISBLK, "block device")):
        if test(mode):
            return kind
    return "special file"


WRITTEN_THROUGH = ("character device", "FIFO")


def write_file(target: Path, text: str | Sequence[bytes], staged: list | None = None) -> None:
    """-o FILE: a regular file (or a link to one) replaced atomically; a device or FIFO written through.
    `text` is a str or the output as UTF-8 in pieces (emit). With `staged`, the file is left written beside its target
    and listed there, for the caller to rename."""
    with _file_writer(target, staged) as write:
        for block in _blocks(text):
            write(block)


@contextmanager
def _file_writer(target: Path, staged: list | None = None):
    """A `write(text)` into -o FILE: a device or FIFO is opened and written, as a shell's `>` does
    (it cannot be replaced atomically; opening a FIFO waits for its reader); anything else is
    written beside its target and renamed over it when the block ends without an error."""
    kind = _kind(target)
    if kind in WRITTEN_THROUGH:
        try:
            with open(target, "w", encoding="utf-8", newline="") as handle:
                yield _writer(handle)
        except OSError as e:
            raise OutputError(Phrase("error.output-incomplete", target=str(target), reason=str(e.strerror or e))) from None
        return
    if kind not in (None, "file"):
        raise InputError(Phrase("error.output-kind", path=str(target), kind=_kind_phrase(kind)), option="output")
    if target.is_symlink():
        # Replacing the link itself would leave its target stale: replace the target, keep the link.
        target = Path(os.path.realpath(target))
    with _atomic(target, staged) as handle:
        yield _writer(handle)


def secrets_known() -> bool:
    """Whether the run holds a secret value that an output must not carry (exporter/redaction.py)."""
    from .redaction import holds_secrets

    return holds_secrets()


def _no_secrets(text: str) -> str:
    """An output carries no credential the run holds (exporter/redaction.py), whatever an answer echoed."""
    from .redaction import redact_values

    return redact_values(text, split=False)


def check_target(path: str | None) -> None:
    """Refuse an -o that cannot be written before any work is done (the write checks again)."""
    if path in (None, "-"):
        return
    target = Path(path)
    if is_folder(path):
        folder = target if target.is_dir() else target.parent
        if not target.is_dir() and target.exists():
            raise InputError(Phrase("error.file-not-folder", path=str(path)), option="output")
    else:
        kind = _kind(target)
        if kind in WRITTEN_THROUGH:
            return  # no file is made beside a device; opening it is the test
        if kind not in (None, "file"):
            raise InputError(Phrase("error.output-kind", path=str(path), kind=_kind_phrase(kind)), option="output")
        folder = Path(os.path.realpath(target)).parent if target.is_symlink() else target.parent
    if not folder.is_dir():
        raise InputError(Phrase("error.no-such-folder", folder=str(folder)), option="output")
    try:  # the one honest test of "can write there" (permissions, read-only mounts, root or not)
        fd, probe = tempfile.mkstemp(dir=folder, prefix=".ses-export.", suffix=".probe")
    except OSError as e:
        raise InputError(Phrase("error.cannot-write-there", folder=str(folder), reason=str(e.strerror or e)),
                         option="output") from None
    os.close(fd)
    os.unlink(probe)


def write_atomic(target: Path, text: str) -> None:
    """Write beside the target and rename over it, so readers see the old file or the new one."""
    with _atomic(target) as handle:
        handle.write(_no_secrets(text))


@contextmanager
def _atomic(target: Path, staged: list | None = None):
    """A file handle beside `target`, renamed over it when the block ends without an error (the
    partial file is removed otherwise), so readers see the old file or the whole new one. With
    `staged`, (the written file, target) is added to it instead of the rename."""
    folder = target.parent
    if target.is_dir():
        raise InputError(Phrase("error.output-is-folder", path=str(target)), option="output")
    if not folder.is_dir():
        raise InputError(Phrase("error.no-such-folder", folder=str(folder)), option="output")
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".partial")
    except OSError as e:
        if e.errno == errno.ENAMETOOLONG:
            raise InputError(Phrase("error.file-name-too-long", name=target.name[:40], folder=str(folder),
                                    size=len(target.name.encode())), option="output") from None
        raise InputError(Phrase("error.cannot-write-there", folder=str(folder), reason=str(e.strerror or e)),
                         option="output") from None
    with _terminate_cleanly():
        try:
            with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
                yield handle
                handle.flush()
                if staged is None or not SYNC_ONCE or len(staged) < FSYNC_FIRST:  # else write_folder syncs
                    os.fsync(handle.fileno())
            os.chmod(tmp, _mode_for(target))
            if staged is None:
                os.replace(tmp, target)
            else:
                staged.append((tmp, str(target)))  # text: a Path is about 500 bytes more, 10,000 times over
        except BaseException as e:
            try:
                os.unlink(tmp)
            except OSError:
                pass
            if isinstance(e, OSError):  # the folder took the probe but not the output: a full disk, an I/O error
                raise OutputError(Phrase("error.output-nothing-written", target=str(target), reason=str(e.strerror or e))) from None
            raise


@contextmanager
def _terminate_cleanly():
    """SIGTERM while a .partial file exists ends the run as Ctrl-C does: the file is removed (by the
    caller's `except BaseException`), one line is said, and the status is 143 (128 + SIGTERM)."""
    import signal
    import threading

    if threading.current_thread() is not threading.main_thread():  # only the main thread sets handlers
        yield
        return

    def terminated(signum, frame):
        signal.signal(signal.SIGTERM, signal.SIG_DFL)  # a second SIGTERM is not held up
        os.write(2, b"ses-export: terminated\n")  # not print(): the signal may land inside a write to stderr
        raise SystemExit(EXIT_TERMINATED)

    previous = signal.signal(signal.SIGTERM, terminated)
    try:
        yield
    finally:
        signal.signal(signal.SIGTERM, previous if previous is not None else signal.SIG_DFL)


@contextmanager
def streamed(path: str | None):
    """A `write(text)` for output made piece by piece (the --check report of many identities),
    with emit()'s rules: stdout is written (and flushed) piece by piece with its one-line errors,
    -o FILE as write_file writes it (a device or FIFO through, a file atomically at the end)."""
    if path in (None, "-"):
        yield to_stdout
        return
    with _file_writer(Path(path)) as write:
        yield write


def _mode_for(target: Path) -> int:
    """Keep an existing file's mode; a new file gets what open() would give (0666 less umask)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask


def is_folder(path: str | None) -> bool:
    """-o names a folder: an existing one, or a path ending in '/' (made if missing)."""
    if path in (None, "-"):
        return False
    if path.endswith(("/", os.sep)):
        return True
    try:
        return stat.S_ISDIR(os.stat(path).st_mode)
    except (OSError, ValueError):  # nothing there, a name too long, a NUL: check_target says what is wrong
        return False


def files(identities, suffix: str, per_zone: bool = False) -> dict[str, list]:
    """-o FOLDER/: the file name of each group of identities, A-labels, in order.

    Per identity: DOMAIN.SUFFIX, or DOMAIN.REGION.SUFFIX for a domain present in several regions.
    Per zone (formats that tools read by zone, such as zone files): ZONE.SUFFIX holding every
    identity of that zone.
    """
    if per_zone:
        grouped: dict[str, list] = {}
        for identity in identities:
            grouped.setdefault(f"{identity.zone[:-1]}.{suffix}", []).append(identity)
        return grouped
    seen: dict[str, int] = {}
    for identity in identities:
        seen[identity.name] = seen.get(identity.name, 0) + 1
    return {(f"{i.name}.{i.region}.{suffix}" if seen[i.name] > 1 else f"{i.name}.{suffix}"): [i] for i in identities}


# -o FOLDER/: each file is on disk before any is renamed into place. An fsync per file costs about 3 ms
# here, 30 s for 10,000 files; Linux's sync(2) writes every file's data and waits until it is written
# ("since Linux 1.3.20 ... does actually wait", sync(2); syncfs(2) alike), so one os.sync() after the
# last file is as durable as an fsync of each. It flushes the whole machine's dirty data, so the first
# FSYNC_FIRST files (a run of one or a few) are synced each, as a single -o FILE is. Elsewhere (macOS:
# sync(2) may return before the data is written) every file is fsynced.
SYNC_ONCE = sys.platform.startswith("linux")
FSYNC_FIRST = 8


def write_folder(folder: str, files: Mapping[str, str] | Iterable[tuple[str, str]]) -> None:
    """Write the files into `folder` (made if missing, its parent must exist) as a whole: each is written
    beside its target first, and only when all are written are they renamed over their targets, so a
    failure (a full disk, Ctrl-C, SIGTERM) leaves the folder as it was. `files` may be (name, text)
    pairs made one at a time (formats.render_folder): each is written before the next is made."""
    target = Path(folder)
    if not target.is_dir():
        try:
            target.mkdir()
        except FileExistsError:
            raise InputError(Phrase("error.file-not-folder", path=str(folder)), option="output") from None
        except OSError as e:
            raise InputError(Phrase("error.cannot-make-folder", folder=str(folder), reason=str(e.strerror or e)),
                             option="output") from None
    staged: list[tuple[str, str]] = []  # (written file, target) of each file
    replaced = 0
    with _terminate_cleanly():
        try:
            for name, text in files.items() if isinstance(files, Mapping) else files:
                write_file(target / name, text, staged)
            if SYNC_ONCE and len(staged) > FSYNC_FIRST:  # the files after the first FSYNC_FIRST: see above
                os.sync()
            for tmp, path in staged:
                os.replace(tmp, path)
                replaced += 1
        except BaseException as e:
            for tmp, _ in staged[replaced:]:
                try:
                    os.unlink(tmp)
                except OSError:
                    pass
            if isinstance(e, OSError):  # a rename failed: say exactly which files are new
                names = ", ".join(os.path.basename(path) for _, path in staged[:replaced])
                done = f"; replaced already: {names}" if replaced else "; nothing was replaced"
                raise OutputError(f"{staged[replaced][1]}: {e.strerror or e}{done}") from None
            raise
