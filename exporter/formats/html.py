"""html: the instructions as one self-contained page, a copy button per host and value, en or ja.

The same Guide as the Markdown instructions (exporter/guide.py) with the same sentences
(exporter/text/LANG.py GUIDE); the page adds only its controls' words (HTML in the same
catalogue). The template (templates/instructions.html.j2, autoescaped) inlines its CSS and a
few lines of script and asks for nothing else: a Content-Security-Policy forbids any request.
With -o FOLDER/ there is one page per identity and an index.html linking them.
"""

from . import Format, Settings, register


def prepare(identities, settings: Settings) -> dict:
    from ..text import catalogue
    from .instructions import prepare as instructions

    # Exactly the instructions' context (the Guide and its sentences), plus the page's control words.
    return {**instructions(identities, settings), "controls": catalogue(settings.lang).HTML}


def prepare_index(pages, settings: Settings) -> dict:
    from ..guide import index_context
    from ..text import catalogue

    # A Guide with no sections: each identity's steps and lookups are on its own page.
    summaries = [summary for group in pages.values() for summary in group]
    return {**index_context(summaries, settings.dns_host, settings.lang, settings.rerun),
            "controls": catalogue(settings.lang).HTML}


FORMAT = register(Format(
    name="html", suffix="html", template="instructions.html.j2", localized=True, prepare=prepare,
    index_page="index.html", prepare_index=prepare_index,
    summary="the instructions as one self-contained web page with a copy button per value, printable, in English "
            "or Japanese",
))
