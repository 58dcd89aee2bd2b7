import csv
import io
import json

import dns.rdata
import dns.rdataclass
import dns.rdatatype
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exporter.filters import (
    bind_txt,
    comment_lines,
    comment_lookup_lines,
    csv_row,
    display_name,
    json_text,
    txt_chunks,
    zone_file_line,
)
from exporter.model import Record
from exporter.verify import lookup

from conftest import examples

PRINTABLE = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), min_size=1, max_size=1200)


def test_txt_chunks_split_at_255_bytes():
    assert txt_chunks("a" * 255) == ["a" * 255]
    assert txt_chunks("a" * 256) == ["a" * 255, "a"]
    assert [len(c) for c in txt_chunks("b" * 600)] == [255, 255, 90]


def test_bind_txt_escapes_quotes_and_backslashes():
    assert bind_txt('say "hi" \\ ok') == '"say \\"hi\\" \\\\ ok"'


def test_bind_txt_never_splits_an_escape():
    value = "x" * 254 + '"' + "y"  # the quote is the 255th byte: it must stay whole in string 1
    rdata = dns.rdata.from_text(dns.rdataclass.IN, dns.rdatatype.TXT, bind_txt(value))
    assert [s.decode() for s in rdata.strings] == ["x" * 254 + '"', "y"]


@settings(max_examples=examples(500), deadline=None)
@given(PRINTABLE)
def test_bind_txt_round_trips_through_dnspython(value):
    rdata = dns.rdata.from_text(dns.rdataclass.IN, dns.rdatatype.TXT, bind_txt(value))
    assert all(len(s) <= 255 for s in rdata.strings)
    assert b"".join(rdata.strings).decode("ascii") == value


def test_display_name():
    assert display_name("example.com.") == "example.com"
    assert display_name("xn--wgv71a119e.jp.") == "xn--wgv71a119e.jp (日本語.jp)"


# Any JSON value, with what could trip json_text's own layout: strings holding brackets, commas and line
# breaks, empty and one-item containers, rows of flat objects, tuples, keys that are not text.
_JSON_LEAVES = (st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True)
                | st.text(alphabet=st.sampled_from(list('ab{}[],: "\\\n\u2028日')), max_size=8))
_JSON_VALUES = st.recursive(
    _JSON_LEAVES,
    lambda inner: (st.lists(inner, max_size=4) | st.lists(inner, max_size=3).map(tuple)
                   | st.dictionaries(st.text(alphabet='ab{}",\n', max_size=3) | st.integers(0, 3), inner, max_size=4)
                   | st.lists(st.dictionaries(st.sampled_from(["k", "v", "}"]), _JSON_LEAVES | st.just([]), max_size=3),
                              max_size=4)),
    max_leaves=30,
)


@settings(max_examples=examples(1000), deadline=None)
@given(_JSON_VALUES)
def test_json_text_is_the_json_modules_indented_text(value):
    assert json_text(value) == json.dumps(value, indent=2, ensure_ascii=False)


@settings(max_examples=examples(1000), deadline=None)
@given(st.lists(st.none() | st.integers() | st.text(alphabet=st.sampled_from(list('ab ,"\r\n\t=+-@x')), max_size=6),
                max_size=8))
def test_csv_row_is_the_csv_modules_line(fields):
    """csv_row's own join, and its own quoting of a cell with a comma, a quote or a line end, write what
    the csv module writes."""
    cells = ["" if field is None else str(field) for field in fields]
    if any(isinstance(field, str) and field.startswith(("=", "+", "-", "@", "\t", "\r")) for field in fields):
        return  # refused instead (test_inputs.py)
    buffer = io.StringIO()
    csv.writer(buffer, lineterminator="\r\n").writerow(cells)
    assert csv_row(fields) == buffer.getvalue()[:-2]


def test_comment_lines_prefix_each_line_and_refuse_a_line_break():
    assert comment_lines(["one", "", "two"], ";") == "; one\n; \n; two"
    assert comment_lines([], "#") == ""
    for breaking in ("a\nb", "a\rb", "a\u2028b", "a\x85b"):  # YAML 1.1 also ends a line at U+0085, U+2028
        with pytest.raises(ValueError):
            comment_lines(["fine", breaking], "#")


def test_comment_lookup_lines_give_each_dig_line_its_answer_then_nslookup():
    records = [Record("example.com.", "_dmarc.example.com.", "TXT", 300, "v=DMARC1; p=none;", "dmarc"),
               Record("example.com.", "mail.example.com.", "MX", 300, "feedback-smtp.us-east-1.amazonses.com.",
                      "mail-from-mx", 10)]
    lines = comment_lookup_lines([lookup(record) for record in records])
    assert lines == ['dig +short TXT _dmarc.example.com.  -> "v=DMARC1; p=none;"',
                     "nslookup -type=TXT _dmarc.example.com.",
                     "dig +short MX mail.example.com.  -> 10 feedback-smtp.us-east-1.amazonses.com.",
                     "nslookup -type=MX mail.example.com."]


@settings(max_examples=examples(300), deadline=None)
@given(PRINTABLE, st.sampled_from(["TXT", "MX", "CNAME"]), st.integers(0, 65535), st.integers(0, 2147483647))
def test_zone_file_line_reads_back_as_the_record(text, kind, priority, ttl):
    value = text if kind == "TXT" else "feedback-smtp.us-east-1.amazonses.com."
    record = Record("example.com.", "x.example.com.", kind, ttl, value, "test", priority if kind == "MX" else None)
    name, read_ttl, klass, read_type, rdata_text = zone_file_line(record).split(" ", 4)
    assert (name, int(read_ttl), klass, read_type) == (record.name, ttl, "IN", kind)
    rdata = dns.rdata.from_text(dns.rdataclass.IN, dns.rdatatype.from_text(kind), rdata_text)
    if kind == "TXT":
        assert b"".join(rdata.strings).decode("ascii") == value
    elif kind == "MX":
        assert (rdata.preference, rdata.exchange.to_text()) == (priority, value)
    else:
        assert rdata.target.to_text() == value
