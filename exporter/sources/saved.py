"""Saved identities: the JSON that `aws sesv2 get-email-identity` prints, from a file, stdin or a folder."""

from __future__ import annotations

import json
import sys
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path

from .. import model, names
from ..errors import InputError


class SavedSource:
    """Identities from saved JSON: a file for one domain, '-' for stdin, or a folder of DOMAIN.json.

    The region is not in the saved JSON: it comes with the options (`Options.region`).
    """

    def __init__(self, path: str):
        self.path = path

    def identities(self, domains: Sequence[str] | None, options: model.Options,
                   notify: Callable[[str], None] | None = None) -> list[model.Identity]:
        """The identities named by `domains`, or (None or empty) every one the folder holds."""
        return [model.identity(item.response, item.domain, options, item.source)
                for item in load(self.path, list(domains or ()))]


@dataclass(frozen=True)
class SavedIdentity:
    domain: str  # FQDN with dot
    response: object  # the parsed JSON, validated later by model.identity
    source: str  # the path (or '-') for messages


def load(path: str, domains: list[str]) -> list[SavedIdentity]:
    """Read saved identities for `domains` from a file, '-' (stdin) or a folder of DOMAIN.json."""
    if path == "-":
        return [SavedIdentity(_one_domain(domains, "stdin"), _parse(sys.stdin.read(), "stdin"), "stdin")]
    location = Path(path)
    if location.is_dir():
        return _load_folder(location, domains)
    if not location.exists():
        raise InputError(f"{path}: no such file or folder", option="identity_file")
    return [SavedIdentity(_one_domain(domains, path), _parse(_read(location), path), path)]


def _load_folder(folder: Path, domains: list[str]) -> list[SavedIdentity]:
    by_domain: dict[str, Path] = {}
    for file in sorted(folder.glob("*.json")):
        fqdn = names.domain(file.stem, f"{file}: file name", option="identity_file")
        if fqdn in by_domain:
            raise InputError(f"{by_domain[fqdn]} and {file} are the same domain {fqdn[:-1]}", option="identity_file")
        by_domain[fqdn] = file
    if not by_domain:
        raise InputError(f"{folder}: the folder holds no DOMAIN.json files", option="identity_file")
    wanted = [names.domain(d, "DOMAIN") for d in domains] or sorted(by_domain)
    missing = [d[:-1] for d in wanted if d not in by_domain]
    if missing:
        raise InputError(f"{folder} has no file for {', '.join(missing)} (expected DOMAIN.json)", option="identity_file")
    return [SavedIdentity(d, _parse(_read(by_domain[d]), str(by_domain[d])), str(by_domain[d])) for d in dict.fromkeys(wanted)]


def _one_domain(domains: list[str], source: str) -> str:
    if len(domains) != 1:
        raise InputError(
            f"{source} holds one identity; name its domain once "
            f"(ses-export DOMAIN --identity-file {source}), or pass a folder of DOMAIN.json files",
            option="identity_file",
        )
    return names.domain(domains[0], "DOMAIN")


def _read(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8-sig")
    except UnicodeDecodeError:
        raise InputError(f"{path}: not UTF-8 text", option="identity_file") from None
    except OSError as e:
        raise InputError(f"{path}: {e.strerror or e}", option="identity_file") from None


def _parse(text: str, source: str) -> object:
    try:
        return json.loads(text)
    except json.JSONDecodeError as e:
        raise InputError(f"{source}: not JSON ({e.msg} at line {e.lineno}, column {e.colno})") from None
    except RecursionError:
        raise InputError(f"{source}: not JSON (nested too deeply)") from None
