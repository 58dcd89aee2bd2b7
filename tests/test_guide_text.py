"""The language catalogues (exporter/text/LANG.py) against the keys exporter/guide.py can produce.

The keys and the values each sentence is given are read from guide.py's source, where every
Phrase(...) call names its key as a string literal and its values as keyword arguments (the first
test holds it to that), so no hand-kept list can fall behind the code.
"""

import ast
from collections import defaultdict
from pathlib import Path

import pytest
from markdown_it import MarkdownIt

import exporter.existing
import exporter.guide
from exporter.filters import html_phrase, md_phrase
from exporter.language import LANGUAGES
from exporter.panels import PANEL_NAMES
from exporter.phrase import Phrase, placeholders
from exporter.text import catalogue

# guide.py, and existing.py: the keep-or-merge sentences, shared with the formats without steps.
SOURCES = [Path(module.__file__).read_text(encoding="utf-8") for module in (exporter.guide, exporter.existing)]
HOSTILE = "a_b*c`d<e>&f\\g"


def phrase_calls() -> list[ast.Call]:
    return [node for source in SOURCES for node in ast.walk(ast.parse(source)) if isinstance(node, ast.Call)
            and isinstance(node.func, ast.Name) and node.func.id == "Phrase"]


def given_values() -> dict[str, set[frozenset[str]]]:
    """{key: the sets of value names guide.py gives it, one per Phrase(...) call}."""
    found = defaultdict(set)
    for call in phrase_calls():
        found[call.args[0].value].add(frozenset(keyword.arg for keyword in call.keywords))
    return found


GIVEN = given_values()
KEYS = set(GIVEN)


def words(lang: str) -> dict[str, str]:
    return catalogue(lang).GUIDE


def test_every_phrase_in_guide_py_names_its_key_and_values_literally():
    calls = phrase_calls()
    assert len(calls) > 40  # the scan sees the calls (a renamed class would make this test vacuous)
    for call in calls:
        where = f"guide.py line {call.lineno}"
        assert len(call.args) == 1 and isinstance(call.args[0], ast.Constant) and isinstance(call.args[0].value, str), \
            f"{where}: the key must be a string literal"
        assert all(keyword.arg for keyword in call.keywords), f"{where}: values as keyword arguments, not **"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_key_the_guide_can_produce_has_a_sentence(lang):
    assert sorted(KEYS - set(words(lang))) == []


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_sentence_is_used(lang):
    assert sorted(set(words(lang)) - KEYS) == [], "a sentence no code asks for: remove it or use it"


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_placeholder_is_a_value_the_guide_gives(lang):
    for key, sites in GIVEN.items():
        shown = set(placeholders(words(lang)[key]))
        for given in sites:
            assert shown <= given, f"{lang} {key!r} shows {sorted(shown - given)}, which guide.py does not give"


def test_every_value_given_is_shown_in_some_language_and_the_same_way_in_all():
    for key, sites in GIVEN.items():
        shown = {lang: placeholders(words(lang)[key]) for lang in LANGUAGES}
        for given in sites:
            assert given <= set().union(*shown.values()), f"{key!r}: {sorted(given)} given, some never shown"
        for name in set().union(*shown.values()):
            ways = {shown[lang][name] for lang in LANGUAGES if name in shown[lang]}
            assert len(ways) == 1, f"{key!r}: {{{name}}} is code in one language and text in another"


def test_every_panel_has_its_where_sentence():
    assert set(exporter.guide.WHERE) == set(PANEL_NAMES)


@pytest.mark.parametrize("lang", LANGUAGES)
def test_a_fields_name_is_the_word_its_own_label_is_compared_with(lang):
    """The panel's own label is left out where it equals our word: the word must be the one shown."""
    w = words(lang)
    for field in ("host", "value", "priority"):
        assert w[f"field.{field}"].startswith(f"{w[f'word.{field}']}{{own}}")
    assert w["field.host-empty"].startswith(f"{w['word.host']}{{own}}")


@pytest.mark.parametrize("lang", LANGUAGES)
def test_every_sentence_means_the_same_in_markdown_and_html(lang):
    """Each sentence, with hostile values, becomes the HTML a CommonMark reader makes of its Markdown."""
    commonmark = MarkdownIt("commonmark")
    for key in sorted(KEYS):
        values = {name: HOSTILE for name in placeholders(words(lang)[key])}
        phrase = Phrase(key, **values)
        assert html_phrase(phrase, words(lang)) == commonmark.renderInline(md_phrase(phrase, words(lang))), key
