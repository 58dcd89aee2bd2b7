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


def test_no_template_grows_a_list_by_copying_it():
    """`{% set ns.lines = ns.lines + [...] %}` in a loop copies the whole list at every turn: 38 s for
    the instructions of 10,000 identities. Lists are made by a filter in one pass instead."""
    copying = re.compile(r"{%-?\s*set\s+([\w.]+)\s*=\s*\1\s*\+\s*\[")
    for template in sorted((ROOT / "templates").glob("*.j2")):
        for number, line in enumerate(template.read_text(encoding="utf-8").splitlines(), 1):
            assert not copying.search(line), f"{template.name}:{number}: {line.strip()}"
