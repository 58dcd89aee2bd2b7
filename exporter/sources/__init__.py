"""Where identities come from. Every source has one method:

    source.identities(domains, options, notify) -> list[model.Identity]

`domains` names the identities (any spelling: Unicode, capitals, a final dot); None asks for all
of them (every DOMAIN.json of a folder, every domain identity of the regions). `options` are the
validated model.Options; `notify(text)` receives notes for people (stderr on the command line).

- saved.SavedSource(path): saved `aws sesv2 get-email-identity` JSON (a file, '-', a folder)
- live.LiveSource(regions, profile, timeout): SES itself, through boto3 (sources/ses.py)
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from typing import Protocol

from ..model import Identity, Options


class Source(Protocol):
    def identities(self, domains: Sequence[str] | None, options: Options,
                   notify: Callable[[str], None] | None = None) -> list[Identity]: ...
