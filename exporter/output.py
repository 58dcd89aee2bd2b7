"""Write the result to stdout or, atomically, to a file: a failed run leaves no partial file."""

from __future__ import annotations

import os
import sys
import tempfile
from pathlib import Path

from .errors import InputError


def emit(text: str, path: str | None) -> None:
    if path in (None, "-"):
        sys.stdout.write(text)
        sys.stdout.flush()
        return
    write_atomic(Path(path), text)


def write_atomic(target: Path, text: str) -> None:
    """Write beside the target and rename over it, so readers see the old file or the new one."""
    folder = target.parent
    if target.is_dir():
        raise InputError(f"--output: {target} is a folder")
    if not folder.is_dir():
        raise InputError(f"--output: {folder}: no such folder")
    try:
        fd, tmp = tempfile.mkstemp(dir=folder, prefix=f".{target.name}.", suffix=".partial")
    except OSError as e:
        raise InputError(f"--output: {folder}: cannot write there ({e.strerror or e})") from None
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
            raise InputError(f"--output: {target}: {e.strerror or e}") from None
        raise


def _mode_for(target: Path) -> int:
    """Keep an existing file's mode; a new file gets what open() would give (0666 less umask)."""
    try:
        return target.stat().st_mode & 0o7777
    except OSError:
        umask = os.umask(0)
        os.umask(umask)
        return 0o666 & ~umask
