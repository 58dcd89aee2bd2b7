"""--merge-live's decisions (exporter/merge.py), without a network: the SPF merge as receivers
evaluate it (RFC 7208), DMARC kept or refused (RFC 7489), other TXT strings carried."""

import re

import dns.rdata
import dns.rdataclass
import dns.rdatatype
import pytest
from hypothesis import given
from hypothesis import strategies as st

from exporter import model
from exporter.check import spf
from exporter.check.live import Published
from exporter.errors import InputError
from exporter.merge import Refusal, merge, merged_spf

from check_zones import saved_identity

# --- the SPF merge, as a property ------------------------------------------------------------

INCLUDED = {f"_spf{i}.senders.example.": f"v=spf1 ip4:192.0.2.{i} {q}all" for i, q in enumerate("-~?-~", 1)}
INCLUDED["_everyone.senders.example."] = "v=spf1 +all"


def lookup(name: str):
    return [INCLUDED[name]] if name in INCLUDED else []


def ses_passes(text: str, depth: int = 0) -> bool:
    """check_host() (RFC 7208 4.6, 5) for a message from SES's servers, written apart from
    exporter/check/spf.py: no ip4/a/mx/exists term matches them, amazonses.com's record does."""
    words = text.split()[1:]
    for word in words:
        qualifier = word[0] if word[0] in "+-~?" else "+"
        body = word.lstrip("+-~?")
        name, _, argument = body.partition(":")
        if "=" in name:
            continue
        if name == "all":
            return qualifier == "+"
        if name == "include":
            matched = argument == "amazonses.com" or (depth < 5 and ses_passes(INCLUDED[argument + "."], depth + 1))
            if matched:
                return qualifier == "+"
    redirect = next((w.split("=", 1)[1] for w in words if w.lower().startswith("redirect=")), None)
    return redirect is not None and ses_passes(INCLUDED[redirect + "."], depth + 1)


qualifiers = st.sampled_from(["", "+", "-", "~", "?"])
mechanism = st.one_of(
    st.builds(lambda q, n: f"{q}ip4:198.51.100.{n}", qualifiers, st.integers(0, 255)),
    st.builds(lambda q, n: f"{q}ip6:2001:db8::{n:x}", qualifiers, st.integers(0, 65535)),
    st.builds(lambda q: f"{q}a", qualifiers),
    st.builds(lambda q, n: f"{q}mx:mx{n}.example.net", qualifiers, st.integers(1, 9)),
    st.builds(lambda q, n: f"{q}include:_spf{n}.senders.example", st.sampled_from(["", "+", "~"]),
              st.integers(1, 5)),
    st.builds(lambda q, n: f"{q}exists:x{n}.example.org", qualifiers, st.integers(1, 9)),
)
ending = st.one_of(
    st.builds(lambda q: f"{q}all", st.sampled_from(["-", "~", "?"])),
    st.builds(lambda n: f"redirect=_spf{n}.senders.example", st.integers(1, 5)),
    st.just(""),
)


@given(st.lists(mechanism, max_size=7), ending, st.booleans())
def test_the_merged_record_keeps_every_term_in_order_and_authorizes_ses(terms, end, exp):
    text = " ".join(["v=spf1", *terms, end] + (["exp=explain.example.net"] if exp else [])).strip()
    kept, merged = merged_spf(text, lookup)
    if ses_passes(text):  # already authorizes SES (an include of a record ending in all... never +all here)
        assert kept == text and merged is None
        return
    assert kept is None
    assert merged.split().count("include:amazonses.com") == 1
    # Every original term, in order, with include:amazonses.com added once.
    assert [w for w in merged.split() if w != "include:amazonses.com"] == text.split()
    assert ses_passes(merged)
    # The all term (and its qualifier) is the original's, and SES's include comes before it.
    alls = [w for w in merged.split() if w.lstrip("+-~?") == "all"]
    assert alls == [w for w in text.split() if w.lstrip("+-~?") == "all"]
    if alls:
        assert merged.split().index("include:amazonses.com") == merged.split().index(alls[0]) - 1
    assert spf.judge(merged, lookup).ok


@pytest.mark.parametrize("text, reason", [
    ("v=spf1 ip4:192.0.2.1 +all", "+all"),
    ("v=spf1 include:_spf1.senders.example all", "+all"),
    ("v=spf1 include:_everyone.senders.example ~all", "leads to +all (include:_everyone.senders.example → +all)"),
    ("v=spf1 " + " ".join(f"a:h{i}.example" for i in range(10)) + " ~all", "more than 10 DNS look-ups once"),
    ("v=spf1 " + " ".join(f"a:h{i}.example" for i in range(11)) + " ~all", "more than 10 DNS look-ups ("),
    ("v=spf1 include:nothing.example ~all", "include:nothing.example leads to a permerror: nothing.example has no SPF record"),
    ("v=spf1 ip4:192.0.2.1 foo:bar ~all", "foo:bar is not valid SPF"),
    ("v=spf1 include:%{i}._spf.example ~all", "cannot be followed"),
    ("v=spf1 ?include:amazonses.com ~all", "?include:amazonses.com"),
])
def test_no_valid_merge_is_refused_with_the_reason(text, reason):
    with pytest.raises(Refusal, match=re.escape(reason)):
        merged_spf(text, lookup)


def test_ten_look_ups_once_merged_are_allowed():
    text = "v=spf1 " + " ".join(f"a:h{i}.example" for i in range(9)) + " -all"
    assert merged_spf(text, lookup) == (None, text[:-len("-all")] + "include:amazonses.com -all")


# --- the whole identity ----------------------------------------------------------------------

def txt(*texts: str) -> dict:
    return {"TXT": frozenset(dns.rdata.from_text(dns.rdataclass.IN, dns.rdatatype.TXT, f'"{t}"') for t in texts)}


def identity(domain: str = "example.com", **options):
    opts = model.options(region="us-east-1", **options)
    return model.identity(saved_identity(domain), domain, opts, "test"), opts


def published(view: dict, zone: str = "example.com.") -> Published:
    return Published(zone, ("ns1",), view)


def test_dmarc_kept_spf_merged_and_verification_carried():
    ident, opts = identity()
    found = published({"mail.example.com.": txt("v=spf1 ip4:192.0.2.1 -all", "site-verification=abc"),
                       "_dmarc.example.com.": txt("v=DMARC1; p=reject; rua=mailto:d@example.com")})
    merged = merge(ident, found, opts.dmarc)
    purposes = [r.purpose for r in merged.records]
    assert "dmarc" not in purposes
    spf_record = next(r for r in merged.records if r.purpose == "mail-from-spf")
    assert spf_record.value == "v=spf1 ip4:192.0.2.1 include:amazonses.com -all"
    assert [(r.name, r.value) for r in merged.carried] == [("mail.example.com.", "site-verification=abc")]
    assert merged.read_live == ("mail.example.com.",)
    assert [(r.name, r.purpose, r.value) for r in merged.replaced] == [
        ("mail.example.com.", "mail-from-spf", "v=spf1 ip4:192.0.2.1 -all")]
    sets = {(s.name, s.type): s for s in model.record_sets(merged)}
    assert [r.value for r in sets[("mail.example.com.", "TXT")].records] == [spf_record.value, "site-verification=abc"]
    assert sets[("mail.example.com.", "TXT")].live and not sets[("mail.example.com.", "MX")].live
    keys = [a.key for a in merged.advisories if a.key.startswith("notice.live-")]
    assert keys == ["notice.live-read", "notice.live-spf-merged", "notice.live-carried", "notice.live-dmarc-kept"]
    # The JSON contract lists the records the identity needs, never the strings carried; its notes say why.
    import json

    from exporter.filters import json_document

    document = json.loads(json_document([merged]))
    assert "site-verification=abc" not in [r["value"] for r in document["records"]]
    assert any("Kept the DMARC record" in note for note in document["identities"][0]["notes"])


def test_an_empty_zone_changes_nothing_but_the_notes():
    ident, opts = identity()
    merged = merge(ident, published({"mail.example.com.": {"TXT": frozenset()},
                                     "_dmarc.example.com.": {"TXT": frozenset()}}), opts.dmarc)
    assert merged.records == ident.records and not merged.carried and not merged.read_live
    assert all(not s.live for s in model.record_sets(merged))


def test_explicit_dmarc_weaker_than_the_published_one_is_refused():
    ident, opts = identity(dmarc="v=DMARC1; p=quarantine; rua=mailto:d@example.com")
    found = published({"_dmarc.example.com.": txt("v=DMARC1; p=reject")})
    with pytest.raises(InputError, match="p=quarantine where p=reject is published"):
        merge(ident, found, opts.dmarc)
    stronger, opts = identity(dmarc="v=DMARC1; p=reject; rua=mailto:d@example.com")
    merged = merge(stronger, published({"_dmarc.example.com.": txt("v=DMARC1; p=quarantine", "other")}), opts.dmarc)
    assert next(r for r in merged.records if r.purpose == "dmarc").value == "v=DMARC1; p=reject; rua=mailto:d@example.com"
    assert [r.value for r in merged.carried] == ["other"]
    assert "notice.live-dmarc-replaced" in [a.key for a in merged.advisories]


def test_a_subdomain_dmarc_weaker_than_the_organisation_sp_is_refused():
    ident, opts = identity("shop.example.com", dmarc="v=DMARC1; p=quarantine;")
    found = published({"_dmarc.example.com.": txt("v=DMARC1; p=quarantine; sp=reject")})
    with pytest.raises(InputError, match=r"applies to shop.example.com \(sp=reject at _dmarc.example.com\)"):
        merge(ident, found, opts.dmarc)
    ident, opts = identity("shop.example.com", dmarc="v=DMARC1; p=reject;")
    assert any(r.purpose == "dmarc" for r in merge(ident, found, opts.dmarc).records)


def test_an_invalid_dmarc_is_reported_and_left_alone_without_dmarc():
    ident, opts = identity()
    found = published({"_dmarc.example.com.": txt("v=DMARC1; p=bogus", "v=DMARC1; p=none")})
    merged = merge(ident, found, opts.dmarc)
    assert not any(r.purpose == "dmarc" for r in merged.records)
    note = next(a for a in merged.advisories if a.key == "notice.live-dmarc-invalid")
    assert dict(note.params)["cause"] == "conflict"


def test_a_cname_at_the_mail_from_name_is_refused():
    ident, opts = identity()
    cname = {"CNAME": frozenset({dns.rdata.from_text(dns.rdataclass.IN, dns.rdatatype.CNAME, "elsewhere.example.")}),
             "TXT": frozenset()}
    with pytest.raises(InputError, match="mail.example.com holds a CNAME"):
        merge(ident, published({"mail.example.com.": cname}), opts.dmarc)


def test_no_dmarc_leaves_dmarc_alone():
    ident, opts = identity(dmarc=None)
    merged = merge(ident, published({"_dmarc.example.com.": txt("v=DMARC1; p=bogus")}), opts.dmarc)
    assert not any(a.key.startswith("notice.live-dmarc") for a in merged.advisories)


def test_a_quoted_dmarc_is_reported_as_check_reports_it():
    ident, opts = identity()
    merged = merge(ident, published({"_dmarc.example.com.": txt('\\"v=DMARC1; p=reject\\"')}), opts.dmarc)
    note = next(a for a in merged.advisories if a.key == "notice.live-dmarc-invalid")
    assert dict(note.params)["cause"] == "extra-quotes"


def test_a_published_subdomain_dmarc_weaker_than_the_organisation_is_kept_and_said():
    ident, opts = identity("shop.example.com")
    found = published({"_dmarc.shop.example.com.": txt("v=DMARC1; p=none"),
                       "_dmarc.example.com.": txt("v=DMARC1; p=reject")})
    merged = merge(ident, found, opts.dmarc)
    keys = [a.key for a in merged.advisories]
    assert "notice.live-dmarc-kept" in keys and "notice.live-dmarc-weaker" in keys
    note = next(a for a in merged.advisories if a.key == "notice.live-dmarc-weaker")
    assert dict(note.params) == {"name": "_dmarc.shop.example.com", "value": "v=DMARC1; p=none",
                                 "organisation": "example.com", "tag": "p", "policy": "reject"}
