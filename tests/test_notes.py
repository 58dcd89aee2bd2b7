"""Notes on stderr at scale (exporter/notes.py): a note many identities share is said once, with a
count and a few names; one identity keeps its own line. Said in the run's language (MESSAGES)."""

import json
from types import SimpleNamespace

from exporter import job as jobs
from exporter.notes import lines
from exporter.phrase import Phrase
from exporter.text import plain

from conftest import SAMPLES

FAILED = json.loads((SAMPLES / "identities" / "日本語.jp.json").read_text())  # DKIM and MAIL FROM FAILED


def notes_of(folder, count, lang="en", **options):
    for i in range(count):
        response = dict(FAILED, MailFromAttributes=dict(FAILED["MailFromAttributes"],
                                                        MailFromDomain=f"mail.d{i:02d}.example.jp"))
        (folder / f"d{i:02d}.example.jp.json").write_text(json.dumps(response))
    said = []
    out = folder / "out.csv"
    assert jobs.run(jobs.Job(identity_file=str(folder), regions=("us-east-1",), format="csv", output=str(out),
                             lang=lang, **options), said.append) == 0
    return said


def test_one_identity_keeps_its_own_lines(tmp_path):
    said = notes_of(tmp_path, 1)
    assert said == [
        "note: d00.example.jp: SES stopped looking for the DKIM records (status FAILED). Publish them as shown, "
        "check them (end of this page), then have SES look again as AWS's DKIM troubleshooting guide says: "
        "https://docs.aws.amazon.com/ses/latest/dg/troubleshoot-dkim.html",
        said[1],
        said[2],
    ]
    assert said[1].startswith("note: d00.example.jp: SES stopped looking for the MX record of the MAIL FROM domain "
                              "mail.d00.example.jp ")
    assert said[2].startswith("note: d00.example.jp: No DMARC record for d00.example.jp: the policy of example.jp ")
    assert "more identities" not in "".join(said)


def test_a_note_many_identities_share_is_said_once_with_a_count(tmp_path):
    said = notes_of(tmp_path, 12)
    assert len(said) == 3  # three notes (DKIM, MAIL FROM, DMARC left to example.jp), each said once for all twelve
    dkim, mail_from, dmarc = said
    assert dkim.startswith("note: d00.example.jp: SES stopped looking for the DKIM records")
    assert dkim.endswith("(the same for 11 more identities: d01.example.jp, d02.example.jp, d03.example.jp "
                         "and 8 others; each output names them all)")
    # The first identity's own sentence (its MAIL FROM domain), never another's
    assert "mail.d00.example.jp" in mail_from and "mail.d05.example.jp" not in mail_from
    assert "11 more identities" in mail_from
    assert dmarc.startswith("note: d00.example.jp: No DMARC record for d00.example.jp:") and "11 more" in dmarc


def test_a_few_identities_are_all_named(tmp_path):
    said = notes_of(tmp_path, 3)
    assert said[0].endswith("(the same for 2 more identities: d01.example.jp, d02.example.jp)")


def test_the_outputs_still_name_every_identity(tmp_path):
    notes_of(tmp_path, 12)
    headers = (tmp_path / "out.csv").read_text()
    assert all(f"d{i:02d}.example.jp" in headers for i in range(12))


def test_one_more_identity_and_one_other_are_said_in_the_singular(tmp_path):
    two, five = tmp_path / "two", tmp_path / "five"
    two.mkdir()
    five.mkdir()
    assert notes_of(two, 2)[0].endswith("(the same for 1 more identity: d01.example.jp)")
    assert notes_of(five, 5)[0].endswith(
        "(the same for 4 more identities: d01.example.jp, d02.example.jp, d03.example.jp and 1 other; "
        "each output names them all)")


def test_a_shared_note_is_said_in_the_runs_language(tmp_path):
    said = notes_of(tmp_path, 12, lang="ja")
    assert len(said) == 3
    assert said[0].startswith("注記: d00.example.jp: SES は DKIM レコードの確認をやめています")
    assert said[0].endswith("（ほかの 11 件の ID も同じです: d01.example.jp、d02.example.jp、d03.example.jp ほか 8 件。"
                            "各出力にはすべての ID が載っています）")
    assert not any("same" in line or "note:" in line for line in said)


def _identity(name, *notes):
    return SimpleNamespace(name=name, advisories=(), notes=notes)


def test_notes_are_the_same_only_where_they_differ_by_the_identitys_own_name():
    planned = lambda domain: Phrase("notice.mail-from-planned", domain=domain)  # noqa: E731
    # mail.a.example of a.example and mail.c.example of c.example say the same thing ...
    same = list(lines([_identity("a.example", planned("mail.a.example")), _identity("c.example", planned("mail.c.example"))]))
    assert [phrase.key for phrase in same] == ["note.identity-shared"]
    # ... ba.example of a.example and bc.example of c.example do not: a label only ends the same way
    apart = list(lines([_identity("a.example", planned("ba.example")), _identity("c.example", planned("bc.example"))]))
    assert [phrase.key for phrase in apart] == ["note.identity", "note.identity"]
    assert "bc.example" in plain(apart[1])
