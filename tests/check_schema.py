"""The --check JSON against its published schema (docs/check.schema.json), with jsonschema from PyPI.

Every test that reads the --check JSON reads it through `parsed`, so every output is validated.
"""

from __future__ import annotations

import functools
import json

import jsonschema

from conftest import ROOT


@functools.lru_cache(maxsize=1)
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads((ROOT / "docs" / "check.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema, format_checker=jsonschema.Draft202012Validator.FORMAT_CHECKER)


def parsed(text: str) -> dict:
    """The report, once it is known to match the schema."""
    document = json.loads(text)
    validator().validate(document)
    return document
