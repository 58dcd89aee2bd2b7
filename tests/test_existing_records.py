"""Issue 21: where the zone may already hold DMARC or SPF, the formats without steps say at the record what
the instructions say at the step (exporter/existing.py): keep an existing DMARC record, add
SES's include to an existing SPF record. One sentence, from the catalogue, beside the record it concerns."""

from __future__ import annotations

import pytest

from exporter import formats
from exporter.existing import existing_record
from exporter.filters import existing_record_note, plain_markup
from exporter.model import Record
from exporter.phrase import Kind, compose
from exporter.text import catalogue

from conftest import SAMPLES
from test_route53_changes import sample_identity

PURPOSES = ("dkim", "mail-from-mx", "mail-from-spf", "dmarc", "verification")


@pytest.mark.parametrize("purpose", PURPOSES)
def test_the_note_is_the_guide_sentence_in_plain_english(purpose):
    record = Record("example.com.", "x.example.com.", "TXT", 1800, "v", purpose)
    phrase = existing_record(record)
    if phrase is None:
        assert existing_record_note(record) == ""
        return
    markdown = catalogue("en").GUIDE[phrase.key]
    assert "`" in markdown  # the sentence shows its values as code in the instructions...
    note = existing_record_note(record)  # ...and bare in a comment or a cell
    assert note == compose(phrase, catalogue("en").GUIDE, Kind(markup=plain_markup, code=str, text=str))
    assert "`" not in note and note.isprintable()
    assert {"dmarc": "v=DMARC1", "mail-from-spf": "include:amazonses.com"}[purpose] in note


def test_plain_markup_drops_markup_and_refuses_what_would_mean_two_things():
    assert plain_markup("**One:** add `include:x` \\_here\\_") == "One: add include:x _here_"
    for bad in ("a < b", "a & b", "a `b"):
        with pytest.raises(ValueError, match="plain_markup"):
            plain_markup(bad)


def rendered_lines(sample: dict, fmt: str, suffix: str) -> list[str]:
    from exporter.names import domain as a_label

    path = SAMPLES / "rendered" / f"{a_label(sample['domain'])[:-1]}.{suffix}"
    return path.read_text(encoding="utf-8").splitlines()


def test_bind_says_it_on_the_line_above_the_record_and_only_there(sample):
    identity = sample_identity(sample)
    lines = rendered_lines(sample, "bind", "zone")
    notes = [line for line in lines if line.startswith("; If this name already has")]
    expected = [existing_record_note(r) for r in identity.records if existing_record_note(r)]
    assert notes == [f"; {note}" for note in expected]
    for record in identity.records:
        note = existing_record_note(record)
        (at,) = [i for i, line in enumerate(lines) if line.startswith(f"{record.name} {record.ttl} IN {record.type} ")]
        assert (lines[at - 1] == f"; {note}") if note else not lines[at - 1].startswith("; If this name")


@pytest.mark.parametrize("suffix", ["cloudflare.tf", "cloudflare-v4.tf"])
def test_terraform_cloudflare_says_it_above_the_resource(sample, suffix):
    identity = sample_identity(sample)
    lines = rendered_lines(sample, "terraform-cloudflare", suffix)
    for record in identity.records:
        note = existing_record_note(record)
        if not note:
            continue
        (at,) = [i for i, line in enumerate(lines) if line == f"# {note}" and
                 f'"{record.name}"' in lines[i + 3]]  # the comment, resource, zone_id, then the name
        assert lines[at + 1].startswith("resource ")


def test_a_record_the_model_leaves_out_takes_its_note_with_it(cli):
    """The notes follow the model's records (--no-dmarc: no DMARC record, no DMARC note); they add none."""
    argv = ["example.com", "--identity-file", str(SAMPLES / "identities" / "example.com.json"), "--region",
            "us-east-1", "-f", "bind"]
    with_dmarc = cli(*argv).stdout
    without = cli(*argv, "--no-dmarc").stdout
    assert "; If this name already has a v=DMARC1 record, keep it and skip this record." in with_dmarc
    assert "v=DMARC1" not in without
    assert formats.render("csv", []).splitlines() == ["Type,Name,Host,Value,Priority,TTL,Note"]


@pytest.mark.parametrize("suffix", ["route53.tf", "cloudformation.yaml", "route53-changes.json"])
def test_the_route53_formats_never_overwrite_an_existing_set(sample, suffix):
    """terraform-route53 sets no allow_overwrite (the provider's default, false, makes it CREATE: apply
    fails on an existing set), cloudformation creates, route53-changes CREATEs TXT; each file says so.
    tests/test_route53_apply.py applies all three to a zone holding such sets."""
    import re

    text = "\n".join(rendered_lines(sample, "", suffix))
    assert not re.search(r"^\s*allow_overwrite\s*=", text, re.MULTILINE)
    said = {"route53.tf": "No allow_overwrite: where a name already holds a record set of the same type",
            "cloudformation.yaml": "Each record set is created: where a name already holds a record set of the same",
            "route53-changes.json": "TXT sets are CREATE: Route 53 refuses the whole batch where a name already has"}
    assert said[suffix] in text
    assert "--merge-live" in text
