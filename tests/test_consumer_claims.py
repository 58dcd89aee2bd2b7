"""What the docs promise about the outputs' consumers (issue 24 section 5): Azure DNS and the CSV formula guard."""

from __future__ import annotations

import ast
import re

from conftest import ROOT, sample_argv, sample_identities

# --- Azure DNS: `az network dns zone import` takes only a whole zone (SOA first) and overwrites the zone's
# SOA with the file's, so no page may say it imports the fragment; the way named must exist. ----------------

def importers(sentence: str) -> str:
    return sentence.split("Import it into", 1)[1].split(") or paste", 1)[0]


def test_the_bind_header_does_not_send_azure_users_to_an_import_that_refuses_the_fragment(cli):
    result = cli(*sample_argv(sample_identities()[0], "-f", "bind"))
    header = " ".join(line.lstrip("; ") for line in result.stdout.splitlines() if line.startswith(";"))
    assert "Azure" not in importers(header)
    assert "Azure DNS imports only a whole zone, SOA first" in header
    assert "-f octodns" in header and "exporter.octodns.SesSource" in header


def test_the_way_named_for_azure_exists():
    from exporter import formats

    assert "octodns" in formats.names()
    tree = ast.parse((ROOT / "exporter" / "octodns.py").read_text(encoding="utf-8"))
    assert "SesSource" in {node.name for node in tree.body if isinstance(node, ast.ClassDef)}


def test_readme_and_formats_say_what_works_for_azure():
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    bind_row = next(line for line in readme.splitlines() if line.startswith("| `bind`"))
    assert re.search(r"not Azure DNS", bind_row)
    formats = (ROOT / "docs" / "formats.md").read_text(encoding="utf-8")
    assert "**Azure DNS does not import it**" in formats and "octodns_azure.AzureProvider" in formats
