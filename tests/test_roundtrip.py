"""Escaping round trips: whole identities, rendered in every format, read back by each format's
real reader, equal the model's records exactly (issue 6).

Identities come from hypothesis (tests/identity_strategies.py) through the model's own entry
point, so what a user can type or a saved file can hold reaches the templates as it would in a
run. Readers: dnspython and BIND's own zone loader for bind, HashiCorp's HCL parser and
formatter for Terraform, the csv module, json, and a CommonMark parser for the instructions.
The number of examples comes from the hypothesis profile (tests/conftest.py: "ci" by default,
HYPOTHESIS_PROFILE=dev for a quick local run).
"""

from __future__ import annotations

import collections
import csv
import io
import json
import queue
import subprocess
import threading
from pathlib import Path

import dns.rdata
import dns.rdataclass
import dns.rdatatype
import dns.zone
import pytest
from hypothesis import assume, event, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from exporter import formats, model, panels
from exporter.errors import InputError
from exporter.filters import CSV_FORMULA_STARTS
from exporter.formats import Settings
from exporter.formats._terraform import CLOUDFLARE_TTL_AUTOMATIC, CLOUDFLARE_TTL_RANGE

from conftest import examples, require_tool
from hcl_support import Hcl, cloudflare_records, route53_records
from identity_strategies import UNWRITABLE_TXT, Case, cases, txt_values

pytestmark = [pytest.mark.needs_named, pytest.mark.needs_node, pytest.mark.slow]

# BIND: a fragment passes BIND's checks once wrapped like this.
WRAPPER = "$TTL 300\n@ SOA . . 0 0 0 0 0\n@ NS .\n"
ROUTE53_ZONE_ID = "Z0123456789ABCDEFGHIJ"
CLOUDFLARE_ZONE_ID = "023e105f4ecef8ad9ca31a8372d0c353"
CLOUDFLARE_RESOURCE = {"v5": "cloudflare_dns_record", "v4": "cloudflare_record"}

# An example's time is not the code's speed: the first compiles the templates, and the others
# share the two cores with the Terraform parser threads (TerraformBatch).
ROUND_TRIP = settings(deadline=None)


def records_of(identity: model.Identity) -> list[tuple]:
    return sorted((r.name, r.type, r.ttl, r.priority, r.value) for r in identity.records)


def build(case: Case, **changes) -> model.Identity:
    """The case's identity; bad input must fail with one clean message, and is then skipped."""
    try:
        return case.identity(**changes)
    except InputError as e:
        assert_one_line(str(e))
        event(f"model refused: {refusal_reason(str(e))}")
        assume(False)


REFUSALS = ("longer than 253", "longer than 63", "not a valid domain", "not a host name label", "not a host name",
            "SigningAttributesOrigin", "region", "twice", "subdomain", "--dkim-public-key", "--zone", "empty",
            "single label", "UTF-8", "not a string", "BYODKIM")


def refusal_reason(message: str) -> str:
    """A short class of refusal for the statistics (messages name the input, which varies)."""
    return next((reason for reason in REFUSALS if reason in message), message[:40])


def assert_one_line(message: str) -> None:
    assert message and "\n" not in message and "\r" not in message and "Traceback" not in message, message


def assert_printable(text: str, fmt: str) -> None:
    """Nothing a terminal or editor would hide, reorder or act on (comments included)."""
    if not text.replace("\r\n", "").replace("\n", "").isprintable():  # the fast path, in C
        bad = sorted({c for c in text if not (c.isprintable() or c in "\r\n")})
        pytest.fail(f"{fmt}: characters a reader would not see as written: {bad!r}")


# --- bind -----------------------------------------------------------------------------------

class NamedBatch:
    """Zone files collected during a hypothesis run and loaded by BIND in one go at the end.

    BIND's loader, not our reading of it: `named-checkconf -z` loads every zone of a
    configuration as named would (check-names fail for a primary zone: what named-checkzone
    -k fail does), thousands of zones in a second or two where one named-checkzone per
    example would cost 10 ms each. A zone name may come up in several examples, so the n-th
    zone of a name goes into the n-th view. A sample also goes through named-checkzone -k fail.
    """

    def __init__(self, folder: Path) -> None:
        self.folder = folder
        self.zones: dict[tuple[str, str], str] = {}  # (zone, fragment) -> what produced it

    def add(self, zone: str, fragment: str, what: str) -> None:
        self.zones.setdefault((zone.lower(), fragment), what)

    def check(self) -> None:
        checkconf, checkzone = require_tool("named-checkconf"), require_tool("named-checkzone")
        views: list[list[tuple[str, Path, str]]] = []
        seen: collections.Counter = collections.Counter()
        for number, ((zone, fragment), what) in enumerate(self.zones.items()):
            path = self.folder / f"{number}.db"
            path.write_text(WRAPPER + fragment, encoding="utf-8")
            if seen[zone] == len(views):
                views.append([])
            views[seen[zone]].append((zone, path, what))
            seen[zone] += 1
        lines = [f'options {{ directory "{self.folder}"; check-names primary fail; check-integrity yes; }};']
        for number, zones in enumerate(views):
            lines += [f'view "v{number}" {{', *(f'  zone "{zone}" {{ type primary; file "{path}"; }};'
                                                for zone, path, _ in zones), "};"]
        conf = self.folder / "named.conf"
        conf.write_text("\n".join(lines) + "\n", encoding="utf-8")
        result = subprocess.run([checkconf, "-z", str(conf)], capture_output=True, text=True)
        loaded = result.stdout.count(": loaded serial 0")
        every_zone = [z for zones in views for z in zones]
        failures = []
        if result.returncode != 0 or loaded != len(self.zones):
            failures.append(f"named-checkconf -z {conf}: {loaded} of {len(self.zones)} zones loaded\n"
                            + self._explain(result.stdout + result.stderr, every_zone))
        for zone, path, what in every_zone[:: max(1, len(every_zone) // 40)]:
            result = subprocess.run([checkzone, "-q", "-k", "fail", "-i", "local", zone, str(path)],
                                    capture_output=True, text=True)
            if result.returncode != 0:
                failures.append(f"named-checkzone -k fail {zone} {path} ({what}):\n{result.stdout}{result.stderr}")
        assert not failures, "\n".join(failures)

    @staticmethod
    def _explain(output: str, zones) -> str:
        files = {str(path): (what, path) for _, path, what in zones}
        lines = [line for line in output.splitlines() if "loaded serial" not in line][:20]
        shown = {f for f in files if any(f in line for line in lines)}
        return "\n".join(lines + [f"--- {f} ({files[f][0]}):\n{files[f][1].read_text()}" for f in sorted(shown)[:3]])


@pytest.fixture(scope="module")
def named_batch(tmp_path_factory):
    batch = NamedBatch(tmp_path_factory.mktemp("zones"))
    yield batch
    batch.check()  # a failure here is reported as an error at the teardown of the module's last test


def bind_records(text: str, zone: str) -> list[tuple]:
    """The records of a zone-file fragment, read by dnspython (each TXT string at most 255 bytes)."""
    for line in text.splitlines():  # every line is a comment, blank, or one whole record
        assert not line or line.startswith(";") or line.split(" ", 4)[2:4] in (["IN", "CNAME"], ["IN", "MX"],
                                                                                ["IN", "TXT"]), line
    loaded = dns.zone.from_text(text, origin=zone, relativize=False, check_origin=False)
    found = []
    for name, rdataset in loaded.iterate_rdatasets():
        for rdata in rdataset:
            priority = None
            if rdataset.rdtype == dns.rdatatype.TXT:
                assert all(len(s) <= 255 for s in rdata.strings)
                value = b"".join(rdata.strings).decode("ascii")
            elif rdataset.rdtype == dns.rdatatype.MX:
                value, priority = rdata.exchange.to_text(), rdata.preference
            else:
                value = rdata.target.to_text()
            found.append((name.to_text(), dns.rdatatype.to_text(rdataset.rdtype), rdataset.ttl, priority, value))
    return sorted(found)


# --- csv, json, instructions -----------------------------------------------------------------

def csv_records(text: str, zone: str) -> list[tuple]:
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == ["Type", "Name", "Host", "Value", "Priority", "TTL", "Note"]
    found = []
    def unguarded(cell: str) -> str:  # filters.csv_cell's guard against spreadsheet formulas, as an importer strips it
        return cell[1:] if cell.startswith("'") and cell[1:].startswith(CSV_FORMULA_STARTS) else cell

    for kind, name, host, value, priority, ttl, note in ([unguarded(cell) for cell in row] for row in rows[1:]):
        assert note == "" or (kind == "TXT" and note.startswith("If this name already has a v="))  # DMARC / SPF only
        assert host == ("@" if name == zone else name[: -len(zone) - 1]) and (name == zone or name.endswith("." + zone))
        found.append((name, kind, int(ttl), int(priority) if priority else None, value))
    return sorted(found)


def code_spans(markdown: str) -> list[str]:
    tokens = MarkdownIt("commonmark").parse(markdown)
    return [child.content for token in tokens if token.type == "inline" for child in token.children
            if child.type == "code_inline"]


def assert_instructions_show_every_record(text: str, identity: model.Identity, panel: panels.Panel) -> None:
    """Every host and value appears as a code span, exactly as the panel takes it, and every full name
    in the lookup lines of the closing check (a code block), exactly."""
    spans = set(code_spans(text))
    fences = [token.content.splitlines() for token in MarkdownIt("commonmark").parse(text) if token.type == "fence"]
    looked_up = {line.split(" # ", 1)[0].split(" ")[-1] for line in fences[-1] if line.startswith("dig ")}
    for r in identity.records:
        host = "@" if r.name == identity.zone else r.name[: -len(identity.zone) - 1]
        assert r.name in looked_up and (host in spans or host == "@"), r
        if r.type == "TXT" and panel.txt_quoted:  # RFC 1035 strings that read back as the text
            assert any(s.startswith('"') and b"".join(dns.rdata.from_text(
                dns.rdataclass.IN, dns.rdatatype.TXT, s).strings).decode() == r.value for s in spans), r
        elif r.type == "MX" and panel.mx_priority == "in-value":
            assert f"{r.priority} {r.value}" in spans, r
        else:
            assert r.value in spans, r


# --- terraform ---------------------------------------------------------------------------------

class TerraformBatch:
    """Terraform files read by HashiCorp's parser while hypothesis goes on generating.

    The parser (Go compiled to wasm, in Node) needs 6-7 ms for a file; waiting for it in each
    example would more than double the run. Two worker threads, each with its own Node
    process (one per core), take the files from a queue and check them: they parse, are in
    `terraform fmt` layout, and carry exactly the expected records. Failures are reported
    with the example that produced them when the module's tests end.
    """

    def __init__(self) -> None:
        self.jobs: queue.Queue = queue.Queue()
        self.failures: list[str] = []
        self.checked: collections.Counter = collections.Counter()
        self.lock = threading.Lock()
        self.queued: set[tuple[str, str, str]] = set()
        self.workers = [threading.Thread(target=self._work, args=(Hcl(),), daemon=True) for _ in range(2)]
        for worker in self.workers:
            worker.start()

    def add(self, flavour: str, text: str, expected: list[tuple], what: str) -> None:
        expected = sorted(expected, key=repr)
        key = (flavour, text, repr(expected))
        if key in self.queued:  # hypothesis repeats simple examples: the same file, the same answer
            return
        self.queued.add(key)
        self.jobs.put((flavour, text, expected, what))

    def _work(self, hcl: Hcl) -> None:
        try:
            while (job := self.jobs.get()) is not None:
                flavour, text, expected, what = job
                try:
                    assert terraform_records(hcl, text, flavour) == expected
                    with self.lock:
                        self.checked[flavour] += 1
                except BaseException as e:
                    self.failures.append(f"{flavour}: {type(e).__name__}: {e}\nexample: {what}\nfile:\n{text}")
        finally:
            hcl.close()

    def finish(self) -> None:
        for _ in self.workers:
            self.jobs.put(None)
        for worker in self.workers:
            worker.join(timeout=600)
            assert not worker.is_alive(), "a Terraform parser process stopped answering"
        assert not self.failures, f"{len(self.failures)} Terraform files failed; the first:\n" + self.failures[0]


@pytest.fixture(scope="module")
def terraform_batch():
    batch = TerraformBatch()
    yield batch
    batch.finish()  # a failure here is reported as an error at the teardown of the module's last test
    print(f"\nDistinct Terraform files read back by HashiCorp's parser: {dict(batch.checked)}")


def terraform_records(hcl: Hcl, text: str, flavour: str) -> list[tuple]:
    """The records of a Terraform file, as the provider would send them; the file must parse
    and be in `terraform fmt` layout."""
    result = hcl.check(text)
    assert result["error"] is None, result["error"]
    assert result["formatted"] == text, "not in terraform fmt layout"
    if flavour == "route53":
        return sorted(route53_records(hcl, result["parsed"]), key=repr)
    return sorted(cloudflare_records(hcl, result["parsed"], CLOUDFLARE_RESOURCE[flavour]), key=repr)


def cloudflare_can_carry(ttl: int) -> bool:
    low, high = CLOUDFLARE_TTL_RANGE
    return ttl == CLOUDFLARE_TTL_AUTOMATIC or low <= ttl <= high


# --- the round trip ----------------------------------------------------------------------------

@ROUND_TRIP
@given(case=cases(), generation=st.sampled_from(["v5", "v4"]), zone_ids=st.booleans())
def test_every_format_reads_back_as_the_model(terraform_batch, named_batch, case, generation, zone_ids):
    identity = build(case)
    expected = records_of(identity)
    zone = identity.zone
    # Unicode in, A-labels out; TXT text is printable ASCII or was refused.
    assert all(field.isascii() and field.isprintable() for r in expected for field in (r[0], r[4])), expected

    text = formats.render("bind", [identity])
    assert_printable(text, "bind")
    assert bind_records(text, zone) == expected
    named_batch.add(zone, text, repr(case))

    text = formats.render("csv", [identity])
    assert_printable(text, "csv")
    assert csv_records(text, zone) == expected

    text = formats.render("json", [identity])
    document = json.loads(text.encode("utf-8").decode("utf-8"))  # as written to a file
    assert document == {"identities": [identity.as_json()], "records": [r.as_json() for r in identity.records]}

    route53_zone = ROUTE53_ZONE_ID if zone_ids else zone
    text = formats.render("terraform-route53", [identity], Settings(zone_id=ROUTE53_ZONE_ID if zone_ids else None))
    assert_printable(text, "terraform-route53")
    terraform_batch.add("route53", text, [(route53_zone, *r) for r in expected], repr(case))

    settings = {"cloudflare_provider": generation, "zone_id": CLOUDFLARE_ZONE_ID if zone_ids else None}
    if identity.records and not cloudflare_can_carry(case.options["ttl"]):
        with pytest.raises(InputError, match=r"^ttl: Cloudflare accepts 60\.\.86400 seconds") as refused:
            formats.render("terraform-cloudflare", [identity], Settings(**settings))
        assert_one_line(str(refused.value))
        event("terraform-cloudflare: TTL refused, then rendered with 300")
        identity = build(case, ttl=300)  # what the user does next
    text = formats.render("terraform-cloudflare", [identity], Settings(**settings))
    assert_printable(text, "terraform-cloudflare")
    terraform_batch.add(generation, text, [(zone, *r) for r in records_of(identity)], repr(case))
    event(f"terraform-cloudflare {generation}")


# Markdown is read back on a tenth of the examples (300 in the "ci" profile): the instructions
# show values through the same md_code filter whatever the identity, and each read-back parses
# a long document.
@settings(ROUND_TRIP, max_examples=max(10, settings.default.max_examples // 10))
@given(case=cases(), lang=st.sampled_from(["en", "ja"]), dns_host=st.sampled_from(panels.PANEL_NAMES))
def test_instructions_show_every_value_verbatim(case, lang, dns_host):
    identity = build(case)
    panel = panels.PANELS[dns_host]
    if any(panel.ttl_problem(r.ttl) for r in identity.records):  # a TTL the panel cannot take: refused
        with pytest.raises(InputError, match="cannot be entered there"):
            formats.render("instructions", [identity], Settings(lang=lang, dns_host=dns_host))
        identity = build(case, ttl=300)  # what the user does next
    text = formats.render("instructions", [identity], Settings(lang=lang, dns_host=dns_host))
    assert_printable(text, "instructions")
    assert_instructions_show_every_record(text, identity, panels.PANELS[dns_host])


@settings(max_examples=examples(500), deadline=None)
@given(text=UNWRITABLE_TXT, option=st.sampled_from(["dmarc", "verification_token"]))
def test_txt_that_cannot_be_written_is_refused_with_one_message(text, option):
    """Non-ASCII, control characters or text past the model's limit: refused, never rendered."""
    value = "v=DMARC1" + text if option == "dmarc" else text
    with pytest.raises(InputError) as refused:
        model.options(**{option: value})
    message = str(refused.value)
    assert_one_line(message)
    assert message.startswith(f"{option}: ")
    assert "not printable ASCII" in message or "longer than" in message


@settings(max_examples=examples(200), deadline=None)
@given(text=txt_values())
def test_txt_up_to_the_limit_is_kept_exactly(text):
    """The other side of the limit: any printable ASCII up to it is TXT text the model holds as it is
    (trimmed). What --dmarc and --verification-token may say is narrower still (RFC 7489, SES's
    token shape: tests/test_inputs.py); what they accept is kept exactly."""
    assert model.checked_txt(text.strip()) == text.strip()
    rua = ",".join(f"mailto:r{n}@example.com" for n in range(len(text) // 24))
    dmarc = f"v=DMARC1; p=none; rua={rua}" if rua else "v=DMARC1; p=none"
    assert model.options(dmarc=dmarc).dmarc == dmarc


# --- the batch checkers can fail --------------------------------------------------------------

def test_named_batch_refuses_what_bind_refuses(tmp_path):
    """One good zone, the same zone name again in a second view, and a zone BIND refuses
    (an MX at a name with '_': check-names)."""
    batch = NamedBatch(tmp_path)
    good = "_dmarc.example.com. 300 IN TXT \"v=DMARC1; p=none;\"\n"
    batch.add("example.com.", good, "good")
    batch.add("example.com.", good.replace("300", "600"), "good, second view")
    batch.add("example.net.", "bounce_1.example.net. 300 IN MX 10 feedback-smtp.us-east-1.amazonses.com.\n", "bad")
    with pytest.raises(AssertionError, match=r"2 of 3 zones loaded(.|\n)*bad owner name(.|\n)*\(bad\)"):
        batch.check()
    del batch.zones[("example.net.", "bounce_1.example.net. 300 IN MX 10 feedback-smtp.us-east-1.amazonses.com.\n")]
    batch.check()


def test_terraform_batch_reports_what_does_not_read_back():
    identity = model.identity({"IdentityType": "DOMAIN", "DkimAttributes": {"Tokens": ["tok"]}}, "example.com",
                              model.options(region="us-east-1"), "test")
    text = formats.render("terraform-route53", [identity])
    expected = [("example.com.", *r) for r in records_of(identity)]
    batch = TerraformBatch()
    batch.add("route53", text, expected, "as rendered")
    batch.add("route53", text.replace("v=DMARC1", "v=DMARC2"), expected, "another value")
    batch.add("route53", text.replace('records = ["v=DMARC1', 'records = ["v=DMARC1 ${x}'), expected, "interpolation")
    batch.add("route53", text.replace("  ttl     =", "  ttl =", 1), expected, "not fmt layout")
    with pytest.raises(AssertionError, match=r"^3 Terraform files failed"):
        batch.finish()
    assert batch.checked == {"route53": 1}
    for what in ("another value", "interpolation", "not fmt layout"):
        assert f"example: {what}" in "\n".join(batch.failures)
