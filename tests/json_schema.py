"""The -f json document against its published schema (docs/json.schema.json), with jsonschema from PyPI.

conftest.py validates every json document the tests render in this process (the filter that writes it is
wrapped), and tests that parse `-f json` output read it through `parsed`.
"""

from __future__ import annotations

import functools
import json

import jsonschema

from conftest import ROOT


@functools.lru_cache(maxsize=1)
def validator() -> jsonschema.Draft202012Validator:
    schema = json.loads((ROOT / "docs" / "json.schema.json").read_text())
    jsonschema.Draft202012Validator.check_schema(schema)
    return jsonschema.Draft202012Validator(schema)


def parsed(text: str) -> dict:
    """The document, once it is known to match the schema."""
    document = json.loads(text)
    validator().validate(document)
    return document
