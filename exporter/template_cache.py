"""Compiled templates kept between runs, so a run renders without compiling Jinja2 source.

Jinja2 compiles a template to Python on first use: about 8 ms for bind and 40 ms for the
instructions, as much as a third of the whole start-up. Its own FileSystemBytecodeCache keeps
the compiled code keyed by the template's name and checked against the source's checksum, so
an edited template is compiled afresh. It lives in the user's cache folder
($XDG_CACHE_HOME or ~/.cache, then ses-export/); a folder that is not private to the user, or
cannot be made, read or written, only means the run compiles as before.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import jinja2


class QuietBytecodeCache(jinja2.FileSystemBytecodeCache):
    """A cache that never fails a run: what cannot be read is compiled, what cannot be written is not kept."""

    def load_bytecode(self, bucket) -> None:
        try:
            super().load_bytecode(bucket)
        except Exception:
            bucket.reset()

    def dump_bytecode(self, bucket) -> None:
        try:
            super().dump_bytecode(bucket)
        except OSError:
            pass


def folder() -> Path | None:
    """The cache folder, or None when there is no absolute place for it."""
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return Path(base) / "ses-export" if os.path.isabs(base) else None


def for_this_user() -> QuietBytecodeCache | None:
    """The cache in a folder only this user can write (compiled code is executed), else None."""
    path = folder()
    if path is None:
        return None
    try:
        path.mkdir(mode=0o700, parents=True, exist_ok=True)
        info = path.lstat()
    except OSError:
        return None
    if not stat.S_ISDIR(info.st_mode) or info.st_uid != os.getuid() or info.st_mode & (stat.S_IWGRP | stat.S_IWOTH):
        return None
    # Jinja2's version in the name: code compiled by one version is never run by another.
    return QuietBytecodeCache(str(path), f"jinja2-{jinja2.__version__}-%s.cache")
