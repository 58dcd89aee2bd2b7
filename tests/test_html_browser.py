"""The html format in a real browser: Debian's Chromium driven by playwright-core (tests/browser/).

Every html sample (en and ja), a page holding two identities, and the pages and index.html of
`-o FOLDER/` are opened from disk with every network request refused. For each page the browser
clicks every copy button and reads the clipboard back, runs axe-core, measures the page at 375 and
1280 px, and prints it to PDF; this file compares what it saw with the model (the json format's
records, the stable contract) and with pdftotext's reading of the PDF. One browser run serves every
test here (about 20 s); tests/install puts chromium, pdftotext and the npm packages in place.
"""

from __future__ import annotations

import json
import re
import subprocess
from pathlib import Path

import pytest

from exporter.names import relative
from exporter.text import catalogue

from conftest import ROOT, SAMPLES, require_tool

pytestmark = [pytest.mark.needs_node, pytest.mark.slow]  # node drives Chromium: a minute

BROWSER = ROOT / "tests" / "browser"
SPEC = json.loads((SAMPLES / "samples.json").read_text(encoding="utf-8"))
HTML_SAMPLES = [(identity, fmt) for identity in SPEC["identities"] for fmt in SPEC["formats"] if fmt["format"] == "html"]


def _sample_args(identity: dict) -> list[str]:
    return [identity["domain"], "--identity-file", str(SAMPLES / "identities" / f"{identity['domain']}.json"),
            *[str(ROOT / a) if a.startswith("samples/") else a for a in identity["args"]]]


def _rendered(identity: dict, fmt: dict) -> Path:
    from exporter.names import domain

    return SAMPLES / "rendered" / f"{domain(identity['domain'])[:-1]}.{fmt['suffix']}"


# Pages by test id: (how to make it, its language). Samples are the committed files themselves.
PAGES = {f"{_rendered(i, f).name}": ("sample", (i, f)) for i, f in HTML_SAMPLES}
TWO = ["example.com", "shop.example.net"]
PAGES["two-identities.ja.html"] = ("two", "ja")
PAGES["folder/index.html"] = ("folder", "index.html")
# Pages with nothing to copy: the folder's index links the pages, each with its identity's own dig and
# nslookup lines, and shows the sender's check command as text (issue 23).
NOTHING_TO_COPY = {"folder/index.html"}
PAGES["folder/example.com.html"] = ("folder", "example.com.html")
PAGES["folder/shop.example.net.html"] = ("folder", "shop.example.net.html")
# Pages tailored to a panel: MX priority inside the value and quoted TXT (Route 53), lines for a zone
# editor holding a 2048-bit key (Value Domain). Their boxes hold what that panel wants typed; the
# test holds each box to the clipboard and to the printed text.
TAILORED = {"route53.shop.example.net.en.html": ("shop.example.net", "en", "route53"),
            "valuedomain.byodkim.example.org.ja.html": ("byodkim.example.org", "ja", "valuedomain")}
for name in TAILORED:
    PAGES[name] = ("tailored", name)


def _run(*args: str) -> str:
    from click.testing import CliRunner

    from exporter.cli import main

    result = CliRunner().invoke(main, list(args), catch_exceptions=False)
    assert result.exit_code == 0, result.output
    return result.stdout


class Model:
    """What a page's boxes must hold, from the model (the json format: the stable contract).

    A step's box `step-N-NAME` holds record N's NAME as typed at a generic panel: host (relative to the
    zone), fqdn, value (an MX's exchange with its final dot), priority (MX only), ttl; every step has a
    host, a value and, for an MX, a priority box (the Guide decides whether the others show). The check's
    boxes, where the page has them, hold a dig and an nslookup line per record that ask for that record's
    name: in the closing check for one identity, in each identity's own section (`lookup-SECTION-N-TOOL`,
    numbered from 1 in each) when the page holds several. The sender's `ses-export ... --check` is shown,
    never a box to copy.
    """

    def __init__(self, args: list[str]):
        model = json.loads(_run(*args, "-f", "json"))
        self.domains = [identity["domain"][:-1] for identity in model["identities"]]
        zones = {identity["domain"]: identity["zone"] for identity in model["identities"]}
        self.records = model["records"]
        self.typed = [{"host": relative(r["name"], zones[r["identity"]]), "fqdn": r["name"], "value": r["value"],
                       "priority": None if r["priority"] is None else str(r["priority"]), "ttl": str(r["ttl"])}
                      for r in self.records]
        self.names = [r["name"] for r in model["records"]]
        # Several identities: each section's lookups are numbered from 1 (lookup-SECTION-N-dig)
        self.names_by_identity = [[r["name"] for r in model["records"] if r["identity"] == identity["domain"]]
                                  for identity in model["identities"]]

    def check(self, copies: list[dict]) -> None:
        boxes = {copy["id"]: copy["clipboard"] for copy in copies}
        for number, typed in enumerate(self.typed, 1):
            for name in ("host", "value") + (("priority",) if typed["priority"] else ()):  # each step has these
                assert boxes.get(f"step-{number}-{name}") == typed[name], (number, name)
        # The ses-export check is the sender's (it may name the sender's files): shown, never copied.
        assert not [key for key in boxes if key.startswith("command-")]
        for key, value in boxes.items():
            kind, number, name = (key.split("-", 2) + ["", ""])[:3]
            if kind == "step":
                assert value == self.typed[int(number) - 1][name], key
            elif kind == "lookup" and len(self.domains) > 1:  # lookup-SECTION-N-TOOL, in each identity's section
                _, section, number, name = key.split("-")
                expected = self.names_by_identity[int(section) - 1][int(number) - 1]
                assert value.split()[0] == name and value.split()[-1] == expected, key
            elif kind == "lookup":
                assert value.split()[0] == name and value.split()[-1] == self.names[int(number) - 1], key
            else:
                raise AssertionError(f"an unexpected copy box {key}")
        lookups = {key for key in boxes if key.startswith("lookup-")}
        if lookups and len(self.domains) > 1:  # every record of every section, none left out
            assert lookups == {f"lookup-{section}-{number}-{tool}"
                               for section, names in enumerate(self.names_by_identity, 1)
                               for number in range(1, len(names) + 1) for tool in ("dig", "nslookup")}


@pytest.fixture(scope="session")
def pages(tmp_path_factory) -> dict:
    """{test id: (file, language, Model or None)} with every page written (None: tailored to a panel, or
    nothing to copy)."""
    folder = tmp_path_factory.mktemp("html-pages")
    two_args = [*TWO, "--identity-file", str(SAMPLES / "identities"), "--region", "ap-northeast-3", "--lang", "ja"]
    (folder / "two-identities.ja.html").write_text(_run(*two_args, "-f", "html"), encoding="utf-8")
    en_args = [*TWO, "--identity-file", str(SAMPLES / "identities"), "--region", "ap-northeast-3", "--lang", "en"]
    _run(*en_args, "-f", "html", "-o", f"{folder}/folder/")
    result = {}
    for test_id, (kind, what) in PAGES.items():
        if kind == "sample":
            identity, fmt = what
            lang = fmt["args"][fmt["args"].index("--lang") + 1]
            result[test_id] = (_rendered(identity, fmt), lang, Model([*_sample_args(identity), *fmt["args"]]))
        elif kind == "tailored":
            domain, lang, panel = TAILORED[what]
            identity = next(i for i in SPEC["identities"] if i["domain"] == domain)
            args = [*_sample_args(identity), "--lang", lang, "--dns-host", panel, "-f", "html"]
            (folder / test_id).write_text(_run(*args), encoding="utf-8")
            result[test_id] = (folder / test_id, lang, None)
        elif kind == "two":
            result[test_id] = (folder / test_id, "ja", Model(two_args))
        elif what == "index.html":
            result[test_id] = (folder / test_id, "en", None)  # NOTHING_TO_COPY
        else:
            domain = what.removesuffix(".html")
            args = [domain, "--identity-file", str(SAMPLES / "identities"), "--region", "ap-northeast-3"]
            result[test_id] = (folder / test_id, "en", Model(args))
    return result


@pytest.fixture(scope="session")
def seen(pages, tmp_path_factory) -> dict:
    """What Chromium saw on every page, by test id (one browser for all of them)."""
    require_tool("chromium")
    node = require_tool("node")
    if not (BROWSER / "node_modules" / "playwright-core").is_dir():
        pytest.fail("tests/browser/node_modules is missing: run bash tests/install")
    out = tmp_path_factory.mktemp("pdf")
    spec = out / "spec.json"
    ids = list(pages)
    spec.write_text(json.dumps({"pages": [str(pages[i][0].resolve()) for i in ids], "pdf_dir": str(out)}))
    run = subprocess.run([node, str(BROWSER / "check_pages.js"), str(spec)], capture_output=True, text=True,
                         timeout=600)
    assert run.returncode == 0, run.stderr[-3000:]
    report = json.loads(run.stdout)
    return {i: {**page, "without_script": plain} for i, page, plain in zip(ids, report["pages"],
                                                                          report["withoutScript"])}


@pytest.mark.parametrize("page", PAGES)
def test_every_copy_button_copies_exactly_the_models_value(page, pages, seen):
    _, lang, model = pages[page]
    copies = seen[page]["copies"]
    words = catalogue(lang).HTML
    if page in NOTHING_TO_COPY:
        assert copies == []
        return
    assert copies
    if model is not None:
        model.check(copies)
    for copy in copies:
        assert copy["box"] == copy["clipboard"]  # the box's text is the value, nothing added
        assert copy["tag"] == "BUTTON"
        assert words["copy"] in copy["label"] and copy["label"] != words["copy"]  # names what it copies
        assert copy["feedback"] == words["copied"]  # visible feedback after the click


@pytest.mark.parametrize("page", PAGES)
def test_without_javascript_no_button_shows_and_every_value_stays_selectable(page, seen):
    """A copy button does nothing without JavaScript, so the page hides them then (a <noscript> style);
    the boxes stay, each holding the value the button would copy, visible and selectable."""
    plain = seen[page]["without_script"]
    assert plain["buttons"] == len(seen[page]["copies"]) > 0 or page in NOTHING_TO_COPY
    assert plain["visibleButtons"] == 0
    assert {box["id"]: box["text"] for box in plain["boxes"]} == {copy["id"]: copy["box"] for copy in seen[page]["copies"]}
    assert all(box["visible"] and box["userSelect"] != "none" for box in plain["boxes"])


@pytest.mark.parametrize("page", PAGES)
def test_the_page_asks_for_nothing_and_raises_no_error(page, seen):
    assert seen[page]["requests"] == []
    assert seen[page]["errors"] == []


@pytest.mark.parametrize("page", PAGES)
def test_axe_finds_no_serious_or_critical_violation(page, seen):
    assert seen[page]["axe"] == []


@pytest.mark.parametrize("page", PAGES)
def test_language_and_heading_order(page, pages, seen):
    assert seen[page]["lang"] == pages[page][1]
    levels = seen[page]["headings"]
    assert levels[0] == 1 and levels.count(1) == 1
    assert all(b - a <= 1 for a, b in zip(levels, levels[1:])), levels


@pytest.mark.parametrize("page", PAGES)
def test_no_page_level_horizontal_scroll_on_a_phone_or_a_desktop(page, seen):
    assert seen[page]["overflow"] == {"375": 0, "1280": 0}, seen[page]["widest"]


@pytest.mark.parametrize("page", PAGES)
def test_the_printed_page_shows_every_value_in_full(page, pages, seen):
    # -raw: the text in drawing order, with a hyphen that ends a line kept (the default reading joins
    # "ap-northeast-" and "3" into "ap-northeast3", as if the hyphen were a word break).
    text = subprocess.run([require_tool("pdftotext"), "-raw", "-enc", "UTF-8", seen[page]["pdf"], "-"],
                          capture_output=True, text=True, check=True).stdout
    flat = re.sub(r"\s+", "", text)
    for value in [copy["box"] for copy in seen[page]["copies"]]:  # a long TXT value wraps across lines: compare without whitespace
        assert re.sub(r"\s+", "", value) in flat, value
    assert seen[page]["printedButtons"] == 0  # the print stylesheet hides the buttons
