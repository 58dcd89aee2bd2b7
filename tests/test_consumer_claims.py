"""What the docs promise about the outputs' consumers (issue 24 section 5): Azure DNS and the CSV formula guard."""

from __future__ import annotations

import ast
import csv
import io
import re
import subprocess

import pytest

from conftest import ROOT, require_tool, sample_argv, sample_identities

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


# --- The CSV: every cell exactly the value, for importers and spreadsheets alike ---------------------------------
# LibreOffice 7.4 keeps a leading apostrophe as part of a CSV cell's text (as pandas and the csv module do), so
# the old formula guard ('+AbC…=) made an import publish a wrong TXT value. The cells are now the values; the
# one value that can start with '+' (a verification token) ends with '=', and LibreOffice reads it as text.

TOKEN = "+" + "Ab9/" * 10 + "xy="  # an SES v1 verification token: 44 base64 characters


@pytest.mark.slow
def test_libreoffice_reads_every_csv_cell_as_the_value_written(cli, tmp_path):
    soffice = require_tool("soffice")
    sample = next(s for s in sample_identities() if s["domain"] == "example.com")
    result = cli(*sample_argv(sample, "-f", "csv", "--verification-token", TOKEN))
    assert result.exit_code == 0, result.stderr
    written = list(csv.reader(io.StringIO(result.stdout, newline="")))
    assert [TOKEN] == [row[3] for row in written if row[3].startswith("+")]  # the cell a guard once changed
    # Guarded the old way, for contrast: LibreOffice keeps the apostrophe, so an import would publish it.
    source = tmp_path / "ses.csv"
    source.write_text(result.stdout + f"TXT,guarded,,'{TOKEN},,1,\r\n", encoding="utf-8")
    subprocess.run([soffice, f"-env:UserInstallation=file://{tmp_path}/profile", "--headless", "--convert-to",
                    "csv:Text - txt - csv (StarCalc):44,34,76,1", "--outdir", str(tmp_path / "out"), str(source)],
                   check=True, capture_output=True, timeout=180)
    read = list(csv.reader(io.StringIO((tmp_path / "out" / "ses.csv").read_text(encoding="utf-8"), newline="")))
    assert read[:-1] == written
    assert read[-1][3] == "'" + TOKEN
