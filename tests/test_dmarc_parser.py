"""One DMARC tag parser (exporter/dmarc_policy.py) for what --dmarc may say and for what --check and
--merge-live read (exporter/dnscheck/dmarc.py): the same record gets the same tags and the same verdict,
in any case of the tag names and keyword values (RFC 7489 6.4; ABNF strings are case-insensitive)."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from exporter import dmarc_policy
from exporter.dnscheck import dmarc
from exporter.errors import InputError


def any_case(text: str):
    return st.tuples(*[st.sampled_from(sorted({c.lower(), c.upper()})) for c in text]).map("".join)


@st.composite
def records(draw):
    """Valid DMARC policy records with tag names and keywords in any case and spaces where allowed."""
    space = st.sampled_from(["", " ", "\t"])
    tags = [(draw(any_case("v")), "DMARC1"), (draw(any_case("p")), draw(any_case(draw(st.sampled_from(
        dmarc_policy.POLICIES)))))]
    for name, values in (("sp", dmarc_policy.POLICIES), ("adkim", "rs"), ("aspf", "rs"), ("pct", ["50", "100"])):
        if draw(st.booleans()):
            tags.append((draw(any_case(name)), draw(any_case(draw(st.sampled_from(list(values)))))))
    text = ";".join(f"{draw(space)}{n}{draw(space)}={draw(space)}{v}" for n, v in tags)
    return text + draw(st.sampled_from(["", ";", "; "])), dict((n.lower(), v) for n, v in tags)


@given(records())
def test_what_dmarc_accepts_the_check_reads_with_the_same_tags_and_policy(record):
    text, written = record
    assert dmarc_policy.checked(text) == text
    assert dmarc.tags(text) == written
    read = dmarc.read(text)
    assert read.problem is None
    assert read.policy == written["p"].lower()
    assert read.subdomain_policy == written.get("sp", written["p"]).lower()


@pytest.mark.parametrize("text", ["V=DMARC1; P=reject;", "v=DMARC1; p=Quarantine; SP=none", "v = DMARC1;p=none"])
def test_case_and_spaces_the_check_accepts_dmarc_accepts_too(text):
    assert dmarc.is_dmarc(text) and dmarc.read(text).problem is None
    assert dmarc_policy.checked(text) == text


@pytest.mark.parametrize("text", ["v=dmarc1; p=none;", "p=none; v=DMARC1", "v=DMARC1; p=never;", "v=DMARC1;"])
def test_what_receivers_discard_or_do_not_apply_is_refused_by_both(text):
    assert dmarc.read(text).problem is not None
    with pytest.raises(InputError):
        dmarc_policy.checked(text)


def test_a_tag_named_twice_in_two_cases_is_one_tag_given_twice():
    with pytest.raises(InputError, match="twice"):
        dmarc_policy.checked("v=DMARC1; p=none; P=reject")
    assert dmarc.tags("v=DMARC1; p=none; P=reject")["p"] == "none"  # receivers: the first wins
