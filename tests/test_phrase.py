"""The phrase renderer (exporter/phrase.py) and its two output kinds (md_phrase, html_phrase).

The Markdown kind is read back with a CommonMark parser (markdown-it-py); the HTML kind must be
exactly what that parser makes of the Markdown kind, so one sentence means the same in both.
"""

import html

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from exporter.filters import html_code, html_markup, html_phrase, html_text, md_phrase
from exporter.phrase import Aside, Phrase, Series, placeholders

from conftest import examples

COMMONMARK = MarkdownIt("commonmark")
HOSTILE = ["a`b", "``x``", "<b>&amp;</b>", "*em* _u_ **s**", "__init__", "a\\*b", "[l](u) ![i](j)", "x|y~z",
           'say "hi"', "1 < 2 & 3 > 2", "_dmarc.example.com.", "`", "&", "<"]
WORDS = {
    "sentence": "**Host**{own}: {host:code} (full name {fqdn:code}), said by {panel}; the `_` stays \\_ here.",
    "own": " ({label})",
    "word.host": "Host",
    "list": "Names: {names:code}.",
    "comma": ", ",
    "outer": "Step {number}: {inner}",
    "inner": "DKIM key {number} of {total}",
}


def md_inline_html(markdown: str) -> str:
    """What a CommonMark reader makes of one line of Markdown (without the paragraph)."""
    return COMMONMARK.renderInline(markdown)


def code_spans(markdown: str) -> list[str]:
    tokens = COMMONMARK.parseInline(markdown)
    return [child.content for token in tokens for child in token.children or [] if child.type == "code_inline"]


def sentence(value: str, label: str = "Record name") -> Phrase:
    return Phrase("sentence", own=Aside(Phrase("own", label=label), label, Phrase("word.host")),
                  host=value, fqdn=value + ".example.com.", panel=value)


# --- Markdown -------------------------------------------------------------------------------

@pytest.mark.parametrize("value", HOSTILE)
def test_markdown_shows_code_values_exactly_and_text_values_as_text(value):
    markdown = md_phrase(sentence(value), WORDS)
    assert code_spans(markdown) == [value, value + ".example.com.", "_"]
    # The plain-text value reads back as itself, markup and all, and nothing else became markup.
    rendered = md_inline_html(markdown)
    assert f"said by {html.escape(value, quote=True)};" in rendered.replace("&#x27;", "'")
    assert rendered.startswith("<strong>Host</strong> (Record name): <code>")
    assert rendered.endswith("the <code>_</code> stays _ here.")


def test_markdown_keeps_the_sentence_markup_as_written():
    assert md_phrase(sentence("tok"), WORDS) == \
        "**Host** (Record name): `tok` (full name `tok.example.com.`), said by tok; the `_` stays \\_ here."


def test_an_aside_is_left_out_where_it_is_our_own_word():
    assert md_phrase(sentence("tok", label="Host"), WORDS).startswith("**Host**: `tok`")


def test_a_series_joins_its_items_with_the_catalogues_separator_each_shown_as_the_placeholder_says():
    phrase = Phrase("list", names=Series(("a`b", "example.com"), Phrase("comma")))
    assert md_phrase(phrase, WORDS) == "Names: ``a`b``, `example.com`."
    assert md_phrase(Phrase("list", names=Series((), Phrase("comma"))), WORDS) == "Names: ."


def test_a_phrase_inside_a_phrase_is_written_in_place():
    phrase = Phrase("outer", number=4, inner=Phrase("inner", number=1, total=3))
    assert md_phrase(phrase, WORDS) == "Step 4: DKIM key 1 of 3"
    assert html_phrase(phrase, WORDS) == "Step 4: DKIM key 1 of 3"


# --- HTML -----------------------------------------------------------------------------------

def test_html_turns_the_sentence_markup_into_tags_and_escapes_values_once():
    out = html_phrase(sentence("<i>&amp;`*_"), WORDS)
    assert out == ("<strong>Host</strong> (Record name): <code>&lt;i&gt;&amp;amp;`*_</code> (full name "
                   "<code>&lt;i&gt;&amp;amp;`*_.example.com.</code>), said by &lt;i&gt;&amp;amp;`*_; the "
                   "<code>_</code> stays _ here.")


def test_html_phrase_is_markup_that_autoescape_leaves_alone():
    import jinja2

    env = jinja2.Environment(autoescape=True)
    env.filters["html_phrase"] = html_phrase
    out = env.from_string("<p>{{ p | html_phrase(words) }}</p>").render(p=sentence("a<b"), words=WORDS)
    assert "<strong>Host</strong>" in out and "<code>a&lt;b</code>" in out and "&amp;lt;" not in out


@settings(max_examples=examples(300), deadline=None)
@given(st.text(alphabet=st.characters(min_codepoint=0x20, max_codepoint=0x7E), min_size=1, max_size=60)
       .filter(lambda s: s == s.strip() and "  " not in s))
def test_html_is_what_commonmark_makes_of_the_markdown(value):
    for label in ("Record name", "Host", value):
        phrase = sentence(value, label)
        assert html_phrase(phrase, WORDS) == md_inline_html(md_phrase(phrase, WORDS))


@pytest.mark.parametrize("value", HOSTILE)
def test_html_value_filters_escape_what_html_reads(value):
    assert html.unescape(html_text(value)) == value
    code = html_code(value)
    assert code.startswith("<code>") and code.endswith("</code>")
    assert html.unescape(code[len("<code>"):-len("</code>")]) == value
    assert "<" not in html_text(value) and "<" not in code[len("<code>"):-len("</code>")]


@pytest.mark.parametrize("text, out", [
    ("**DNS > Records**", "<strong>DNS &gt; Records</strong>"),
    ("a `@` b", "a <code>@</code> b"),
    ("the \\_amazonses record", "the _amazonses record"),
    ("`**` and \\` and \\\\", "<code>**</code> and ` and \\"),
    ('say "R\\&D" \\<now>', "say &quot;R&amp;D&quot; &lt;now&gt;"),
])
def test_html_markup(text, out):
    assert html_markup(text) == out
    assert html_markup(text) == md_inline_html(text)


@pytest.mark.parametrize("text", ["**open", "a ` b", "``x``", "x\\y", "`a``b`", "<b>", "R&D", "&amp;"])
def test_html_markup_refuses_what_it_would_read_differently_from_markdown(text):
    with pytest.raises(ValueError):
        html_markup(text)


# --- Errors and placeholders ------------------------------------------------------------------

def test_a_missing_sentence_or_value_is_an_error_not_a_gap():
    with pytest.raises(KeyError, match="nope"):
        md_phrase(Phrase("nope"), WORDS)
    with pytest.raises(KeyError, match="fqdn"):
        md_phrase(Phrase("sentence", own="", host="h", panel="p"), WORDS)


@pytest.mark.parametrize("template", ["{a!r}", "{a:bold}", "{a.b}", "{0}", "{}", "{a[0]}"])
def test_only_plain_and_code_placeholders(template):
    with pytest.raises(ValueError):
        placeholders(template)
    with pytest.raises((ValueError, KeyError)):
        md_phrase(Phrase("t", a="x"), {"t": template})


def test_placeholders():
    assert placeholders(WORDS["sentence"]) == {"own": "", "host": "code", "fqdn": "code", "panel": ""}
    assert placeholders("{{literal}} {a}") == {"a": ""}
    with pytest.raises(ValueError):
        placeholders("{a} {a:code}")


# --- Sentences: a document's phrases written once ----------------------------------------------

def test_sentences_write_each_phrase_as_compose_does_and_remember_it():
    from exporter.phrase import Sentences

    words = Sentences(WORDS)
    phrases = [sentence(value, label) for value in HOSTILE for label in ("Record name", "Host")]
    phrases += [Phrase("outer", number=n, inner=Phrase("inner", number=1, total=3)) for n in range(3)]
    for _ in range(2):  # written, then remembered: the same text
        assert [md_phrase(p, words) for p in phrases] == [md_phrase(p, WORDS) for p in phrases]
        assert [html_phrase(p, words) for p in phrases] == [html_phrase(p, WORDS) for p in phrases]
    assert set(words.written) == {"markdown", "html"}
    assert words.written["markdown"][phrases[0]] == md_phrase(phrases[0], WORDS)
    assert Phrase("inner", number=1, total=3) in words.written["html"]  # a phrase inside one, too


def test_sentences_remember_a_bounded_number_of_phrases():
    from exporter.phrase import Sentences

    words = Sentences(WORDS)
    for number in range(3 * Sentences.LIMIT):
        assert md_phrase(Phrase("inner", number=number, total=1), words) == f"DKIM key {number} of 1"
    assert len(words.written["markdown"]) <= Sentences.LIMIT + 1


def test_a_phrase_with_a_value_that_cannot_be_remembered_is_still_written():
    from exporter.phrase import Sentences

    assert md_phrase(Phrase("list", names=Series((["a"],), Phrase("comma"))), Sentences(WORDS)) == "Names: `['a']`."
