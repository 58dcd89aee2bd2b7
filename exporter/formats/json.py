"""json: the normalized records and identities, the stable machine-readable contract (docs/formats.md)."""

from . import Format, register

FORMAT = register(Format(
    name="json", suffix="json", template="json.j2",
    summary="the identities and their records as one JSON document, for scripts and other tools",
))
