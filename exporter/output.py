"""Write the result to stdout or, atomically, to a file: a failed run leaves no partial file."""

from __future__ import annotations

import os
import sys
import tempfile
from contextlib import contextmanager
from pathlib import Path

from .errors import InputError


def emit(text: str, path: str | None) -> None:
    if path in (None, "-"):
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    write_atomic(Path(path), text)


def check_target(path: str | None) -> None:
    """Refuse an -o that cannot be written before any work is done (the write checks again)."""
    if path in (None, "-"):
        return
    target = Path(path)
    if is_folder(path):
        folder = target if target.is_dir() else target.parent
        if not target.is_dir() and target.exists():
            raise InputError(f"{path} is a file, not a folder", option="output")
    else:
        folder = target.parent
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder", option="output")
    try:  # the one honest test of "can write there" (permissions, read-only mounts, root or not)
        fd, probe = tempfile.mkstemp(dir=folder, prefix=".ses-export.", suffix=".probe")
    except OSError as e:
        raise InputError(f"{folder}: cannot write there ({e.strerror or e})", option="output") from None
    os.close(fd)
    os.unlink(probe)


def write_atomic(target: Path, text: str) -> None:
    """Write beside the target and rename over it, so readers see the old file or the new one."""
    folder = target.parent
    if target.is_dir():
        raise InputError(f"{target} is a folder", option="output")
    if not folder.is_dir():
        raise InputError(f"{folder}: no such folder", option="output")
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".partial")
    except OSError as e:
        raise InputError(f"{folder}: cannot write there ({e.strerror or e})", option="output") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            handle.write(text)
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except BaseException as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(e, OSError):
            raise InputError(f"{target}: {e.strerror or e}", option="output") from None
        raise


@contextmanager
def streamed(path: str | None):
    """A `write(text)` for output made piece by piece (the --check report of many identities):
    on stdout each piece is flushed at once; a file is written beside its target and renamed
    over it only when the block ends without an error, as write_atomic does."""
    if path in (None, "-"):
        def write(text: str) -> None:
            sys.stdout.write(text)
            sys.stdout.flush()

        yield write
        return
    target = Path(path)
    if target.is_dir():
        raise InputError(f"{target} is a folder", option="output")
    try:
        fd, tmp = tempfile.mkstemp(dir=target.parent, prefix=f".{target.name}.", suffix=".partial")
    except OSError as e:
        raise InputError(f"{target.parent}: cannot write there ({e.strerror or e})", option="output") from None
    try:
        with os.fdopen(fd, "w", encoding="utf-8", newline="") as handle:
            yield handle.write
            handle.flush()
            os.fsync(handle.fileno())
        os.chmod(tmp, _mode_for(target))
        os.replace(tmp, target)
    except BaseException as e:
        try:
            os.unlink(tmp)
        except OSError:
            pass
        if isinstance(e, OSError):
            raise InputError(f"{target}: {e.strerror or e}", option="output") from None
        raise


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
    return path not in (None, "-") and (path.endswith(("/", os.sep)) or Path(path).is_dir())


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


def write_folder(folder: str, files: dict[str, str]) -> None:
    """Write each file atomically into `folder` (made if missing, its parent must exist)."""
    target = Path(folder)
    if not target.is_dir():
        try:
            target.mkdir()
        except FileExistsError:
            raise InputError(f"{folder} is a file, not a folder", option="output") from None
        except OSError as e:
            raise InputError(f"{folder}: cannot make the folder ({e.strerror or e})", option="output") from None
    for name, text in files.items():
        write_atomic(target / name, text)
