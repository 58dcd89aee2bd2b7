"""The CSV and Markdown filters, checked by reading their output back with the csv module and a
CommonMark parser (markdown-it-py), not by comparing strings the code itself produced."""

import csv
import html
import io

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from exporter.filters import CSV_FORMULA_STARTS, csv_row, md_code, md_code_block, md_text
from exporter.names import relative

from conftest import examples

ASCII = st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), min_size=1, max_size=300)
ANY_LINE = st.text(alphabet=st.characters(blacklist_categories=("Cs",), blacklist_characters="\x00\r\n\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"),
                   min_size=1, max_size=200)
COMMONMARK = MarkdownIt("commonmark")


def code_spans(markdown: str) -> list[str]:
    tokens = COMMONMARK.parseInline(markdown)
    return [child.content for token in tokens for child in token.children or [] if child.type == "code_inline"]


def test_csv_row_quotes_what_the_csv_module_quotes():
    assert csv_row(["TXT", 'say "hi", ok', None, 10]) == 'TXT,"say ""hi"", ok",,10'


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(st.one_of(ANY_LINE, st.text(max_size=40), st.integers()), min_size=1, max_size=8).filter(
    lambda fields: not any(isinstance(f, str) and f.startswith(CSV_FORMULA_STARTS) for f in fields)))
def test_csv_row_reads_back_with_the_csv_module(fields):
    # Text a spreadsheet could run as a formula is refused by filters.csv_cell (tests/test_inputs.py).
    (row,) = list(csv.reader(io.StringIO(csv_row(fields) + "\n")))
    assert row == [str(f) for f in fields]


def test_relative():
    assert relative("tok._domainkey.news.example.com.", "example.com.") == "tok._domainkey.news"
    assert relative("example.com.", "example.com.") == "@"
    with pytest.raises(ValueError):
        relative("example.org.", "example.com.")


@pytest.mark.parametrize("value", ["tok.dkim.amazonses.com.", "a`b", "`x", "x`", "``", " a ", "v=DMARC1; p=none;", " "])
def test_md_code_shows_the_value_exactly(value):
    assert code_spans(md_code(value)) == [value]


@settings(max_examples=examples(500), deadline=None)
@given(ANY_LINE)
def test_md_code_round_trips_through_commonmark(value):
    assert code_spans("Value: " + md_code(value) + " end") == [value]


def test_md_code_refuses_what_one_span_cannot_show():
    for value in ("", "two\nlines"):
        with pytest.raises(ValueError):
            md_code(value)


@settings(max_examples=examples(500), deadline=None)
@given(ASCII.filter(lambda s: s == s.strip() and "  " not in s))
def test_md_text_shows_plain_text_as_it_is(value):
    rendered = COMMONMARK.render("Note: " + md_text(value))
    assert rendered == "<p>Note: " + html.escape(value, quote=True).replace("&#x27;", "'") + "</p>\n"


def test_md_text_neutralises_markup():
    assert COMMONMARK.render("Note: " + md_text("*a* _b_ `c` [d](e) <f> &amp;")) == \
        "<p>Note: *a* _b_ `c` [d](e) &lt;f&gt; &amp;amp;</p>\n"


def fenced_blocks(markdown: str) -> list[tuple[str, str]]:
    return [(token.info, token.content) for token in COMMONMARK.parse(markdown) if token.type == "fence"]


def test_md_code_block_shows_each_line_exactly():
    lines = ["ses-export example.com --check", "dig +short TXT _dmarc.example.com"]
    assert md_code_block(lines, "sh") == "```sh\n" + "\n".join(lines) + "\n```"
    assert fenced_blocks(md_code_block(lines, "sh")) == [("sh", "\n".join(lines) + "\n")]


@settings(max_examples=examples(300), deadline=None)
@given(st.lists(ANY_LINE, min_size=1, max_size=5))
def test_md_code_block_round_trips_through_commonmark(lines):
    """Backtick runs, a line of only backticks or tildes, leading spaces: none closes the block early."""
    assert fenced_blocks(md_code_block(lines, "sh") + "\nafter\n") == [("sh", "\n".join(lines) + "\n")]


def test_md_code_block_refuses_what_one_block_cannot_show():
    for lines, info in ((["two\nlines"], ""), (["x"], "s`h")):
        with pytest.raises(ValueError):
            md_code_block(lines, info)
