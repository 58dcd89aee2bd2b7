"""No format's work grows faster than the number of identities (issue 23: 10,000 identities, SES's
limit per region). Not a timing: the Python function calls one render makes, counted with
sys.setprofile, at 100 and at 1,000 identities. Linear work makes ten times the calls for ten
times the identities, plus what a document does once; a quadratic step (each identity looking
through all the others) makes about a hundred times."""

import json
import re
import sys

import pytest

from exporter import formats, model
from exporter.formats import Settings

from conftest import ROOT, SAMPLES

RESPONSE = json.loads((SAMPLES / "identities" / "shop.example.net.json").read_text())
OPTIONS = model.options(region="ap-northeast-3")


ONE_ZONE = ("octodns", "route53-changes")  # a file for one zone (-o FOLDER/ writes one per zone)


def identities(count: int, zone: str | None = None) -> list:
    """`count` identities with DKIM and MAIL FROM records: each its own zone (and DMARC record), or
    all subdomains of `zone`."""
    found = []
    for i in range(count):
        domain = f"customer{i:05d}.{zone}" if zone else f"customer{i:05d}.example"
        response = dict(RESPONSE, MailFromAttributes=dict(RESPONSE["MailFromAttributes"], MailFromDomain=f"mail.{domain}"))
        found.append(model.identity(response, domain, OPTIONS, f"{domain}.json"))
    return found


def calls(name: str, batch: list) -> int:
    """Python function calls made while rendering `batch` in format `name` (the template compiled first)."""
    settings = Settings(rerun=("--identity-file", "saved"))
    formats.render(name, batch[:1], settings)  # compile and cache the template, import what it needs
    counted = 0

    def count(frame, event, arg):
        nonlocal counted
        if event == "call":
            counted += 1

    sys.setprofile(count)
    try:
        formats.render(name, batch, settings)
    finally:
        sys.setprofile(None)
    return counted


@pytest.fixture(scope="module")
def batches():
    return {zone: {100: identities(100, zone), 1000: identities(1000, zone)} for zone in (None, "example.net")}


@pytest.mark.parametrize("name", formats.names())
def test_a_formats_work_grows_linearly_with_the_identities(name, batches):
    batch = batches["example.net" if name in ONE_ZONE else None]
    small, large = calls(name, batch[100]), calls(name, batch[1000])
    # Ten times the identities: at most ten times the calls and 10 % for what grows with the names'
    # lengths (customer00999 sorts and escapes as customer00099 does); quadratic work would be ~100x.
    assert large <= 11 * small, f"{name}: {small} calls for 100 identities, {large} for 1,000"
    assert large >= 5 * small, f"{name}: the count does not follow the identities, so it proves nothing"


@pytest.mark.parametrize("name", ["html", "instructions"])
def test_a_page_lays_out_each_identity_with_one_filter_call(name, batches):
    """The identity's section (html_section) or steps (md_steps): one call each, not a template
    expression per record (their work per record is in test_a_formats_work_grows_linearly_...)."""
    from exporter import filters

    layout = (filters.html_section if name == "html" else filters.md_steps).__code__
    settings = Settings(rerun=("--identity-file", "saved"))
    formats.render(name, batches[None][100][:1], settings)
    made = 0

    def count(frame, event, arg):
        nonlocal made
        if event == "call" and frame.f_code is layout:
            made += 1

    sys.setprofile(count)
    try:
        formats.render(name, batches[None][1000], settings)
    finally:
        sys.setprofile(None)
    assert made == 1000


@pytest.mark.parametrize("name", formats.names())
def test_the_pieces_the_command_line_writes_are_the_whole_output(name, batches):
    """formats.render_utf8 (what the command line writes, a block at a time) joined is render's text."""
    batch = batches["example.net" if name in ONE_ZONE else None][100]
    for lang in ("en", "ja"):
        settings = Settings(lang=lang, rerun=("--identity-file", "saved"))
        pieces = formats.render_utf8(name, batch, settings)
        assert len(pieces) > 1 and b"".join(pieces).decode("utf-8") == formats.render(name, batch, settings)


def test_no_template_grows_a_list_by_copying_it():
    """`{% set ns.lines = ns.lines + [...] %}` in a loop copies the whole list at every turn: 38 s for
    the instructions of 10,000 identities. Lists are made by a filter in one pass instead."""
    copying = re.compile(r"{%-?\s*set\s+([\w.]+)\s*=\s*\1\s*\+\s*\[")
    for template in sorted((ROOT / "templates").glob("*.j2")):
        for number, line in enumerate(template.read_text(encoding="utf-8").splitlines(), 1):
            assert not copying.search(line), f"{template.name}:{number}: {line.strip()}"


# --- -o FOLDER/ holds one identity at a time ------------------------------------------------------

def write_saved(folder, count: int, regions: tuple[str, ...] = ("ap-northeast-3",)) -> None:
    """`count` saved get-email-identity responses, as benchmarks/many_identities.py writes them."""
    folder.mkdir()
    for i in range(count):
        domain = f"customer{i:05d}.example"
        dkim = dict(RESPONSE["DkimAttributes"], SigningHostedZone=f"dkim.{regions[i % len(regions)]}.amazonses.com")
        response = dict(RESPONSE, DkimAttributes=dkim,
                        MailFromAttributes=dict(RESPONSE["MailFromAttributes"], MailFromDomain=f"mail.{domain}"))
        (folder / f"{domain}.json").write_text(json.dumps(response), encoding="utf-8")


def most_identities_at_once(monkeypatch, saved, output: str, fmt: str = "bind") -> int:
    """The most model.Identity objects alive at once in a run of `saved` (counted as each is made
    and freed), the run's output written to `output`."""
    from exporter.job import Job, run

    live = most = 0

    class Counted(model.Identity):  # made by model.identity as an Identity is
        def __new__(cls, *fields):
            nonlocal live, most
            made = super().__new__(cls, *fields)
            live += 1
            most = max(most, live)
            return made

        def __del__(self):
            nonlocal live
            live -= 1

    monkeypatch.setattr(model, "Identity", Counted)
    assert run(Job(identity_file=str(saved), format=fmt, output=output), notify=lambda line: None) == 0
    return most


@pytest.mark.parametrize("fmt", ["bind", "json", "html"])  # one file per zone, one per identity, and an index
def test_a_folder_output_holds_a_bounded_number_of_identities(monkeypatch, tmp_path, fmt):
    most = {}
    for count in (100, 1000):
        write_saved(tmp_path / f"saved{count}", count)
        most[count] = most_identities_at_once(monkeypatch, tmp_path / f"saved{count}", f"{tmp_path}/out{count}/", fmt)
        assert len(list((tmp_path / f"out{count}").iterdir())) == count + (fmt == "html")  # index.html
    assert most[1000] <= most[100] <= 3, most  # the probe counts: one -o FILE holds them all (below)


def test_the_identity_probe_sees_a_run_that_holds_every_identity(monkeypatch, tmp_path):
    write_saved(tmp_path / "saved", 100)
    assert most_identities_at_once(monkeypatch, tmp_path / "saved", str(tmp_path / "all.zone")) >= 100


@pytest.mark.parametrize("fmt", ["bind", "json", "csv", "instructions", "html"])
def test_a_folder_output_made_one_identity_at_a_time_is_the_one_made_from_all(monkeypatch, tmp_path, fmt):
    """The files written as each identity is made again (html's index.html from the summaries kept) are
    byte for byte those written from the list of every identity (the way -o FOLDER/ goes from a file,
    stdin or live SES, and with --merge-live or --dns-host auto)."""
    from exporter import job
    from exporter.job import Job, run

    write_saved(tmp_path / "saved", 30, ("ap-northeast-3", "eu-west-1"))
    for number in (7, 11, 12):  # a note on stderr, said once with a count
        (tmp_path / "saved" / f"customer{number:05d}.example.json").write_text(json.dumps(dict(
            RESPONSE, DkimAttributes=dict(RESPONSE["DkimAttributes"], Status="FAILED"), MailFromAttributes={})))
    said: dict[str, list] = {"streamed": [], "whole": []}
    for way in ("streamed", "whole"):
        if way == "whole":
            monkeypatch.setattr(job, "_streamed_folder", lambda *args: None)
        run(Job(identity_file=str(tmp_path / "saved"), format=fmt, output=f"{tmp_path}/{way}/"),
            notify=said[way].append)
    names = sorted(path.name for path in (tmp_path / "whole").iterdir())
    assert names == sorted(path.name for path in (tmp_path / "streamed").iterdir())
    assert len(names) == 30 + (fmt == "html")  # index.html
    for name in names:
        assert (tmp_path / "streamed" / name).read_bytes() == (tmp_path / "whole" / name).read_bytes(), name
    assert said["streamed"] == said["whole"] and said["whole"]  # the notes on stderr too


def test_every_bad_file_is_named_and_nothing_written_with_a_folder_output(tmp_path):
    from exporter.errors import InputError
    from exporter.job import Job, run

    write_saved(tmp_path / "saved", 20)
    (tmp_path / "saved" / "customer00003.example.json").write_text("[]", encoding="utf-8")
    (tmp_path / "saved" / "customer00017.example.json").write_text("{", encoding="utf-8")
    with pytest.raises(InputError, match="2 saved identities are bad") as refused:
        run(Job(identity_file=str(tmp_path / "saved"), format="bind", output=f"{tmp_path}/out/"), notify=lambda s: None)
    assert "customer00003.example.json" in str(refused.value) and "customer00017.example.json" in str(refused.value)
    assert not (tmp_path / "out").exists()


def test_a_mail_from_name_shared_across_regions_is_refused_with_a_folder_output(tmp_path):
    """The check across identities reads the summaries of the first pass: two identities of two regions
    whose MAIL FROM is one name (a.example's and b.a.example's) are refused, nothing written."""
    from exporter.errors import InputError
    from exporter.job import Job, run

    saved = tmp_path / "saved"
    saved.mkdir()
    for domain, region in (("a.example", "eu-west-1"), ("b.a.example", "us-east-1")):
        dkim = dict(RESPONSE["DkimAttributes"], SigningHostedZone=f"dkim.{region}.amazonses.com")
        (saved / f"{domain}.json").write_text(json.dumps(dict(
            RESPONSE, DkimAttributes=dkim, MailFromAttributes=dict(RESPONSE["MailFromAttributes"],
                                                                   MailFromDomain="mail.b.a.example"))))
    with pytest.raises(InputError, match="mail.b.a.example"):
        run(Job(identity_file=str(saved), format="json", output=f"{tmp_path}/out/"), notify=lambda s: None)
    assert not (tmp_path / "out").exists()


def test_a_file_changed_between_reading_and_writing_is_refused_and_nothing_written(monkeypatch, tmp_path):
    """-o FOLDER/ reads each file twice (to check all, then to write each): a file that reads otherwise
    the second time (edited meanwhile) is refused, and the folder is left as it was."""
    from exporter.errors import InputError
    from exporter.job import Job, run
    from exporter.sources import saved as saved_module

    write_saved(tmp_path / "saved", 5)
    target = str(tmp_path / "saved" / "customer00002.example.json")
    reads = []
    real = saved_module._read

    def read(path):
        text = real(path)
        if str(path) == target:
            reads.append(path)
            if len(reads) == 2:  # as if edited after the first pass: another MAIL FROM domain
                text = text.replace('"mail.customer00002.example"', '"bounce.customer00002.example"')
        return text

    monkeypatch.setattr(saved_module, "_read", read)
    with pytest.raises(InputError, match="customer00002.example.json changed while the run read it"):
        run(Job(identity_file=str(tmp_path / "saved"), format="json", output=f"{tmp_path}/out/"), notify=lambda s: None)
    assert len(reads) == 2
    assert list((tmp_path / "out").iterdir()) == []  # made for the run, nothing renamed into it
