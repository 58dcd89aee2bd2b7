"""The html format without a browser: its filters, the page's structure, several identities, -o FOLDER/.

tests/test_html_browser.py checks the pages in Chromium; this file checks what can be read from the
text: escaping, one box per typed value, no address outside the page, the table of contents and the
folder's index, and that the closing check is the instructions' own.
"""

from __future__ import annotations

import html
import re

import pytest
from hypothesis import given
from hypothesis import strategies as st
from markupsafe import Markup

from exporter import formats
from exporter.filters import html_copy, html_field, html_phrase, md_phrase
from exporter.guide import Field
from exporter.phrase import Phrase
from exporter.text import catalogue

from conftest import SAMPLES

IDS = str(SAMPLES / "identities")
TWO = ["example.com", "shop.example.net", "--identity-file", IDS, "--region", "ap-northeast-3"]


def test_html_copy_escapes_the_value_once_and_adds_nothing_to_it():
    out = html_copy('a<b&"c d', 'x"1', 'Copy "it"', "Copy")
    assert isinstance(out, Markup)
    box = re.search(r'<code class="value" id="x&quot;1">(.*?)</code>', out).group(1)
    assert html.unescape(box) == 'a<b&"c d'  # the DOM text is the value, exactly
    assert 'aria-label="Copy &quot;it&quot;"' in out and 'data-copy="x&quot;1"' in out
    assert '<button type="button"' in out


def test_html_field_boxes_only_what_is_typed():
    words = {"field.host": "**Host**: {host:code} (full name {fqdn:code}, type {type:code})"}
    controls = catalogue("en").HTML
    field = Field("host", Phrase("field.host", host="_dmarc", fqdn="_dmarc.example.com.", type="TXT"), "_dmarc")
    out = html_field(field, words, controls, 7)
    assert 'id="step-7-host">_dmarc</code>' in out
    assert 'id="step-7-fqdn">_dmarc.example.com.</code>' in out
    assert "<code>TXT</code>" in out  # shown, not a value to copy
    assert 'aria-label="Copy the host of step 7"' in out
    assert out.count("<button") == 2


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_every_sentence_of_the_html_controls_exists_in_every_language(lang):
    assert set(catalogue(lang).HTML) == set(catalogue("en").HTML)


def test_the_page_names_no_outside_address_and_forbids_requests():
    page = (SAMPLES / "rendered" / "shop.example.net.en.html").read_text(encoding="utf-8")
    assert "Content-Security-Policy" in page and "default-src 'none'" in page
    assert not re.search(r"""(src|href)\s*=\s*["']?(https?:|//)""", page, re.I)
    assert not re.search(r"@import|url\(", page)
    assert page.startswith("<!DOCTYPE html>") and '<html lang="en">' in page


def test_box_ids_are_unique_and_every_button_names_an_existing_box(cli):
    page = cli(*TWO, "-f", "html").stdout
    ids = re.findall(r'\bid="([^"]+)"', page)
    assert len(ids) == len(set(ids))
    targets = re.findall(r'data-copy="([^"]+)"', page)
    assert targets and set(targets) <= set(ids)


def test_several_identities_make_one_page_with_a_table_of_contents(cli):
    page = cli(*TWO, "-f", "html", "--lang", "ja").stdout
    toc = re.search(r'<nav aria-labelledby="contents">(.*?)</nav>', page, re.S).group(1)
    assert "目次" in toc
    links = re.findall(r'href="#([^"]+)"', toc)
    assert links == ["identity-1", "identity-2"]
    for anchor, domain in zip(links, ["example.com", "shop.example.net"]):
        assert re.search(rf'<h2 id="{anchor}"><code>{re.escape(domain)}</code></h2>', page)
    assert page.count("<h3") == len(re.findall(r'<section class="step"', page))  # steps under the identity


def test_a_folder_gets_a_page_per_identity_and_an_index(cli, tmp_path):
    result = cli(*TWO, "-f", "html", "-o", f"{tmp_path}/out/")
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["example.com.html", "index.html",
                                                                   "shop.example.net.html"]
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    assert re.findall(r'<li><a href="([^"]+)">', index) == ["example.com.html", "shop.example.net.html"]
    # The closing check of both: one command naming the two (a folder's other identities were not exported)
    commands = re.findall(r'<code id="command-\d+">(ses-export [^<]*--check)</code>', index)
    assert commands == [f"ses-export example.com shop.example.net --identity-file {IDS} "
                        "--region ap-northeast-3 --lang en --check"]
    # The title counts them; no sections and no dig or nslookup lines on the index (issue 23: never
    # thousands in one block): each identity's are on its own page, in its closing check
    assert re.search(r"<h1>[^<]*\b2\b[^<]*</h1>", index)
    assert "dig +short" not in index and "nslookup" not in index and '<section class="step"' not in index
    for page, name in (("example.com.html", "_dmarc.example.com."), ("shop.example.net.html", "bounce.shop.example.net.")):
        text = (tmp_path / "out" / page).read_text(encoding="utf-8")
        assert re.search(rf'id="lookup-\d+-dig">dig \+short \w+ {re.escape(name)}</code>', text), name
    one = (tmp_path / "out" / "example.com.html").read_text(encoding="utf-8")
    assert "shop.example.net" not in one


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_index_made_from_summaries_says_what_the_instructions_of_all_say(cli, tmp_path, lang):
    """index.html is made from the identities' summaries (-o FOLDER/ does not hold them all): its title and
    its sender's commands are the Markdown instructions' for the same identities, made from each whole
    identity. Two regions: one line cannot check both, so there is one per identity."""
    import shutil

    saved = tmp_path / "saved"
    saved.mkdir()
    for domain in ("example.com", "shop.example.net"):
        shutil.copy(SAMPLES / "identities" / f"{domain}.json", saved)
    assert cli("--identity-file", str(saved), "-f", "html", "--lang", lang, "-o", f"{tmp_path}/out/").exit_code == 0
    index = (tmp_path / "out" / "index.html").read_text(encoding="utf-8")
    markdown = cli("--identity-file", str(saved), "-f", "instructions", "--lang", lang).stdout
    commands = [html.unescape(c) for c in re.findall(r'<code id="command-\d+">([^<]*)</code>', index)]
    assert commands == re.findall(r"^ses-export .*--check$", markdown, re.M)
    assert [c.split()[:2] for c in commands] == [["ses-export", "example.com"], ["ses-export", "shop.example.net"]]
    title = re.search(r"<h1>([^<]*)</h1>", index).group(1)
    assert markdown.startswith(f"# {html.unescape(title)}\n")


def test_the_contents_filter_writes_what_the_template_loop_it_replaced_wrote():
    """html_contents is the index's list items of one call, as the template's loop over the pages wrote them
    (autoescaped): the same bytes, with names to escape and Unicode names shown beside their A-labels."""
    import jinja2

    from exporter.filters import display_name, html_contents
    from exporter.model import Summary

    def summary(domain):
        return Summary(domain, "eu-west-1", domain, (), (), (), frozenset(), None)

    pages = {"example.com.html": [summary("example.com.")],
             "xn--wgv71a119e.jp.eu-west-1.html": [summary("xn--wgv71a119e.jp.")],
             'a&b<"\'>.html': [summary("a.example."), summary("b.example.")]}
    env = jinja2.Environment(autoescape=True)
    env.filters["display_name"] = display_name
    loop = env.from_string(
        '{% for file, group in pages.items() %}<li><a href="{{ file }}">{% for identity in group %}'
        '{{ identity.domain | display_name }}{{ ", " if not loop.last }}{% endfor %}</a></li>\n{% endfor %}')
    assert str(html_contents(pages)) == loop.render(pages=pages)
    assert "日本語.jp" in html_contents(pages) and "a&amp;b&lt;&#34;&#39;&gt;.html" in html_contents(pages)


def test_other_formats_write_no_index(cli, tmp_path):
    cli(*TWO, "-f", "csv", "-o", f"{tmp_path}/out/")
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["example.com.csv", "shop.example.net.csv"]


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_closing_check_is_the_instructions_own(cli, lang):
    page, markdown = (cli(*TWO, "-f", fmt, "--lang", lang).stdout for fmt in ("html", "instructions"))
    check = re.search(r'<section aria-labelledby="check">(.*?)</section>', page, re.S).group(1)
    # The same Check of the same Guide (exporter/guide.py), written by each format's own filters.
    words = catalogue(lang).GUIDE
    for key in ("check.heading", "check.wait"):
        assert str(html_phrase(Phrase(key), words)) in check
        assert md_phrase(Phrase(key), words) in markdown
    # The page's own: the answer shown under each line (no `#` to follow), in each identity's section
    # where the page holds several; the sender's commands as text, last
    by_hand, sender = (str(html_phrase(Phrase(key), words)) for key in ("check.by-hand-page", "check.run-sender"))
    assert "#" not in by_hand
    assert page.count(by_hand) == 2 and page.rindex(by_hand) < page.index(sender) and sender in check
    commands = re.findall(r'<pre class="sender"><code id="command-\d+">([^<]*)</code></pre>', check)
    assert 'id="command-' not in "".join(re.findall(r"<button[^>]*>", check))
    assert [c.split()[:3] for c in commands] == [["ses-export", "example.com", "shop.example.net"]]  # one for both
    for command in commands:
        assert html.unescape(command) in markdown


def test_html_is_registered_as_a_localized_format_with_an_index():
    fmt = formats.get("html")
    assert fmt.localized and fmt.index_page == "index.html" and fmt.template.endswith(".html.j2")


@given(st.text(st.characters(blacklist_categories=("Cs", "Cc")), min_size=1, max_size=300))
def test_a_copy_box_holds_any_value_exactly_once_parsed(value):
    """Whatever a value holds (quotes, <, &, spaces, non-ASCII; control characters, which an HTML
    parser rewrites and no DNS value here holds, aside), the box's text as parsed is the value."""
    from html.parser import HTMLParser

    class Box(HTMLParser):
        def __init__(self):
            super().__init__(convert_charrefs=True)
            self.inside, self.text, self.label = False, [], None

        def handle_starttag(self, tag, attrs):
            self.inside = tag == "code"
            if tag == "button":
                self.label = dict(attrs)["aria-label"]

        def handle_endtag(self, tag):
            self.inside = False

        def handle_data(self, data):
            if self.inside:
                self.text.append(data)

    box = Box()
    box.feed(str(html_copy(value, "b", f"Copy {value}", "Copy")))
    box.close()
    assert "".join(box.text) == value
    assert box.label == f"Copy {value}"


# --- The parts a page repeats per record, one filter call per identity ------------------------

HOSTILE = ['a<b&"c d', "x'y", "<script>&amp;", "日本語.jp."]


def test_html_lookups_is_a_list_of_copy_boxes_and_answers_each_escaped_once():
    from markupsafe import escape

    from exporter.filters import html_lookups
    from exporter.verify import Lookup

    controls = {**catalogue("en").HTML, "copy": 'C"o', "expected": "<Expected>", "copy.dig": "dig & {number}"}
    lookups = [Lookup(None, f"dig {value}", f"nslookup {value}", value, value) for value in HOSTILE]
    out = html_lookups(lookups, 'p"-', controls)
    assert isinstance(out, Markup) and out.startswith('<ol class="lookups">\n<li>\n') and out.endswith("</li>\n</ol>")
    for number, value in enumerate(HOSTILE, 1):
        # each line exactly as html_copy writes it, under ids PREFIX N-dig / PREFIX N-nslookup
        assert html_copy(f"dig {value}", f'p"-{number}-dig', f"dig & {number}", 'C"o') in out
        label = controls["copy.nslookup"].format(number=number)
        assert html_copy(f"nslookup {value}", f'p"-{number}-nslookup', label, 'C"o') in out
        # the answer as autoescape writes it, after the catalogue's word
        assert f'<p class="answer">&lt;Expected&gt; <code>{escape(value)}</code></p>' in out
    assert out.count("<li>") == len(HOSTILE) and out.count("<button") == 2 * len(HOSTILE) and "<script>" not in out


def test_html_steps_lays_out_each_step_from_the_same_filters_as_one_step_alone():
    from exporter.filters import html_steps
    from exporter.guide import Step
    from exporter.phrase import Sentences

    words = Sentences({**catalogue("en").GUIDE, "advice.x": "Mind {value:code}."})
    controls = catalogue("en").HTML
    steps = []
    for number, value in enumerate(HOSTILE, 4):
        title = Phrase("step", number=number, record=Phrase("record.dmarc"), type="TXT")
        fields = (Field("host", Phrase("field.host", own="", host=value), value),
                  Field("value", Phrase("field.value", own="", value=value + "!"), value + "!"))
        steps.append(Step(None, title, fields, (Phrase("advice.x", value=value),) if number % 2 else (), number))
    expected = "\n".join(
        f'<section class="step" aria-labelledby="step-{step.number}">\n'
        f'<h3 id="step-{step.number}">{html_phrase(step.title, dict(words))}</h3>\n<ul class="fields">\n'
        + "".join(f"<li>{html_field(field, dict(words), controls, step.number)}</li>\n" for field in step.fields)
        + "</ul>\n" + "".join(f"<p>{html_phrase(advice, dict(words))}</p>\n" for advice in step.advice)
        + "</section>"
        for step in steps)
    assert html_steps(steps, words, controls, "h3") == expected
    assert html_steps(steps, words, controls, "h3") == expected  # the second time from what words remembers
    assert html_steps((), words, controls, "h2") == ""


# Values a field or title may hold that look like the place a remembered sentence keeps for a
# step's number (filters._NUMBER) or like a number itself.
NUMBER_LIKE = ["\x00", "a\x00b", "12", "step-\x00-host", *HOSTILE]


@pytest.mark.parametrize("value", NUMBER_LIKE)
def test_a_field_written_again_at_another_step_shows_that_steps_number_and_its_value(value):
    from exporter.phrase import Sentences

    words = Sentences(catalogue("en").GUIDE)
    controls = catalogue("en").HTML
    field = Field("host", Phrase("field.host", own="", host=value), value)
    for number in (3, 12, 3, 104):  # the first time written, then from what words remembers
        assert html_field(field, words, controls, number) == html_field(field, dict(words), controls, number)
    assert f'id="step-104-host">{html.escape(value, quote=True).replace("&#x27;", chr(39))}</code>' \
        in html_field(field, words, controls, 104)


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_md_steps_lays_out_each_step_from_the_same_sentences_as_md_phrase(lang):
    from exporter.filters import md_steps
    from exporter.guide import Step
    from exporter.phrase import Sentences

    words = Sentences({**catalogue(lang).GUIDE, "advice.x": "Mind {value:code}."})
    steps = []
    for number, value in enumerate(NUMBER_LIKE, 4):
        title = Phrase("step", number=number, record=Phrase("record.dmarc"), type=value)
        fields = (Field("host", Phrase("field.host", own="", host=value), value),
                  Field("value", Phrase("field.value", own="", value=value + "!"), value + "!"))
        advice = (Phrase("advice.x", value=value), Phrase("advice.x", value="v")) if number % 2 else ()
        steps.append(Step(None, title, fields, advice, number))
    plain = dict(words)
    expected = "".join(
        f"\n### {md_phrase(step.title, plain)}\n\n"
        + "".join(f"- {md_phrase(field.text, plain)}\n" for field in step.fields)
        + (f"\n{' '.join(md_phrase(advice, plain) for advice in step.advice)}\n" if step.advice else "")
        for step in steps)[:-1]
    assert md_steps(steps, words) == expected
    assert md_steps(steps, words) == expected  # the second time from what words remembers
    assert md_steps((), words) == ""


# The section markup templates/instructions.html.j2 wrote before html_section, expression by expression.
SECTION_TEMPLATE = """\
<section{% if section.heading %} aria-labelledby="identity-{{ number }}"{% endif %}>
{% if section.heading %}
<h2 id="identity-{{ number }}">{{ section.heading | html_code }}</h2>
{% endif %}
{% if section.notes and notes %}
<ul class="notes">
{% for note in section.notes %}
<li>{{ note | html_phrase(words) }}</li>
{% endfor %}
</ul>
{% endif %}
{% if section.steps %}
{{ section.steps | html_steps(words, controls, heading) }}
{% endif %}
{% if section.lookups %}
<p>{{ section.by_hand_page | html_phrase(words) }}</p>
{{ section.lookups | html_lookups("lookup-" ~ number ~ "-", controls) }}
{% endif %}
</section>"""


@pytest.mark.parametrize("lang", ["en", "ja"])
@pytest.mark.parametrize("heading", [None, *HOSTILE])
def test_html_section_is_the_template_piece_it_replaced(lang, heading):
    """One filter call per identity writes what a dozen autoescaped template expressions wrote."""
    import jinja2

    from exporter.filters import FILTERS, html_section
    from exporter.guide import Section, Step
    from exporter.phrase import Sentences
    from exporter.verify import Lookup

    words = Sentences({**catalogue(lang).GUIDE, **catalogue(lang).NOTICES})
    controls = catalogue(lang).HTML
    env = jinja2.Environment(autoescape=True, trim_blocks=True, lstrip_blocks=True, undefined=jinja2.StrictUndefined)
    env.filters.update(FILTERS)
    piece = env.from_string(SECTION_TEMPLATE)
    for value in HOSTILE:
        steps = (Step(None, Phrase("step", number=7, record=Phrase("record.dmarc"), type="TXT"),
                      (Field("host", Phrase("field.host", own="", host=value), value),), (), 7),)
        lookups = (Lookup(None, f"dig {value}", f"nslookup {value}", value, value),)
        notes = (Phrase("note", note=value), Phrase("note", note="<b>"))
        for section in (Section(None, heading, notes, steps, lookups, None, Phrase("check.by-hand-page")),
                        Section(None, heading, (), (), (), None, None), Section(None, heading, notes, (), (), None, None)):
            for number, shown in ((1, True), (12, False)):
                made = html_section(section, number, words, controls, "h3", shown)
                assert isinstance(made, Markup)
                assert made == piece.render(section=section, number=number, words=dict(words), controls=controls,
                                            heading="h3", notes=shown)


@given(st.text())
def test_autoescaped_is_markupsafes_escape(text):
    from markupsafe import escape

    from exporter.filters import _autoescaped

    assert _autoescaped(text) == str(escape(text))


@pytest.mark.parametrize("value", NUMBER_LIKE)
def test_html_steps_alike_but_for_their_number_are_each_their_own_text(value):
    """html_steps writes a step seen before but for its number (every identity's MAIL FROM steps) from a
    pattern: each must be what the step alone gives at its number, whatever its values hold."""
    from exporter.filters import html_steps
    from exporter.guide import Step
    from exporter.phrase import Sentences

    words = Sentences({**catalogue("en").GUIDE, "advice.x": "Mind {value:code} at {number}."})
    controls = catalogue("en").HTML
    fields = (Field("host", Phrase("field.host", own="", host=value), value),
              Field("value", Phrase("field.value", own="", value="12"), "12"))

    def step(number, advice=()):
        return Step(None, Phrase("step", number=number, record=Phrase("record.dmarc"), type=value), fields, advice,
                    number)

    def alone(each, heading):
        return (f'<section class="step" aria-labelledby="step-{each.number}">\n'
                f'<{heading} id="step-{each.number}">{html_phrase(each.title, dict(words))}</{heading}>\n'
                '<ul class="fields">\n'
                + "".join(f"<li>{html_field(field, dict(words), controls, each.number)}</li>\n" for field in each.fields)
                + "</ul>\n" + "".join(f"<p>{html_phrase(advice, dict(words))}</p>\n" for advice in each.advice)
                + "</section>")

    for heading in ("h3", "h2"):
        for numbers in ((1, 12), (3, 120), (4,), (12, 1, 0)):
            steps = [step(n) for n in numbers] + [step(n + 1000, (Phrase("advice.x", value=value, number=n),))
                                                   for n in numbers]
            assert html_steps(steps, words, controls, heading) == "\n".join(alone(each, heading) for each in steps)
