"""Output formats: one module per format in this package, each with one template in templates/.

A format module declares what it is and registers it (docs/design.md, "Adding a format"):

    FORMAT = register(Format(name="bind", suffix="zone", template="bind.j2",
                             summary="a BIND zone-file fragment to import"))

The registry finds the modules itself (every module here whose name does not start with '_'), so a
new format touches no other file. Modules starting with '_' are helpers shared by formats. A module
holds the format its name says, `-` written `_` (route53_changes.py: route53-changes), so listing
the formats imports none of them and a run imports only its own (importing all fourteen cost
about 5 M instructions at every start-up: docs/benchmarks.md). They import nothing heavy at
module level all the same; `prepare` does.
"""

# Annotations are evaluated here (no `from __future__ import annotations`): this module is loaded at
# every start-up, and typing compiles each string annotation of a NamedTuple field, about 50 k
# instructions a field (docs/benchmarks.md, start-up). Names defined later are quoted.

import importlib
import os
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..errors import InputError
from ..model import Identity, Summary

if TYPE_CHECKING:
    import jinja2


class _Settings(NamedTuple):
    lang: str = "en"  # text for people: en or ja
    dns_host: str = "generic"  # the DNS panel the instructions are tailored to (exporter/panels.py)
    zone_id: str | None = None  # a hosted zone id (terraform-route53) or zone id default (terraform-cloudflare)
    cloudflare_provider: str = "v5"  # terraform-cloudflare provider generation: v5 or v4
    # The options of the run that decide the records (exporter/verify.py rerun_options), for the
    # "check afterwards" command the outputs print; None: rendered by a program, not a command line.
    rerun: tuple[str, ...] | None = None


# Settings and Format are NamedTuples, not dataclasses: both are defined at every start-up, and a
# frozen dataclass costs about half a millisecond to define (docs/benchmarks.md, start-up).
class Settings(_Settings):
    """The choices that change how a format writes (not which records): validated once, when made."""

    __slots__ = ()

    def __new__(cls, lang: str = "en", dns_host: str = "generic", zone_id: str | None = None,
                cloudflare_provider: str = "v5", rerun: tuple[str, ...] | None = None) -> "Settings":
        from ..language import ENGLISH, languages
        from ..panels import PANEL_NAMES
        from ..phrase import Phrase

        if lang not in languages():
            raise InputError(Phrase("error.not-one-of", value=repr(lang), known=", ".join(languages())), option="lang")
        if lang != ENGLISH:  # a catalogue that lacks sentences is refused here, naming them, not halfway through
            from ..text import catalogue

            catalogue(lang)
        if dns_host not in PANEL_NAMES:
            raise InputError(Phrase("error.not-one-of", value=repr(dns_host), known=", ".join(PANEL_NAMES)),
                             option="dns_host")
        if cloudflare_provider not in ("v5", "v4"):
            raise InputError(Phrase("error.not-one-of", value=repr(cloudflare_provider), known="v5, v4"),
                             option="cloudflare_provider")
        if zone_id is not None and not isinstance(zone_id, str):  # its shape is the format's to check
            raise InputError(Phrase("error.not-text", value=repr(zone_id)), option="zone_id")
        if rerun is not None and not (isinstance(rerun, tuple) and all(isinstance(arg, str) for arg in rerun)):
            raise InputError(Phrase("error.not-arguments", value=repr(rerun)), option="rerun")
        return super().__new__(cls, lang, dns_host, zone_id, cloudflare_provider, rerun)

    def _replace(self, **changes: object) -> "Settings":  # through __new__, so a copy is validated too
        return Settings(**{**self._asdict(), **changes})


# What a format adds to the template's context: names it computed once, checked settings.
Prepare = Callable[[Sequence[Identity], Settings], Mapping[str, object]]
# The same for its index page, from the summaries of each page's identities (file name: summaries).
PrepareIndex = Callable[[Mapping[str, Sequence[Summary]], Settings], Mapping[str, object]]


class Format(NamedTuple):
    name: str  # the --format value
    suffix: str  # -o FOLDER/: files are named DOMAIN.SUFFIX (or ZONE.SUFFIX, see per_zone)
    template: str  # its file in templates/
    summary: str  # one line: what it is and who uses it (--help, docs)
    prepare: Prepare | None = None
    localized: bool = False  # its text for people follows Settings.lang (--lang)
    per_zone: bool = False  # -o FOLDER/: one file per zone, ZONE.SUFFIX (tools that read it look it up by zone)
    # -o FOLDER/: also this file, the template rendered with `pages` set and prepare_index's context
    index_page: str | None = None
    prepare_index: PrepareIndex | None = None


_REGISTRY: dict[str, Format] = {}


def register(fmt: Format) -> Format:
    """Add a format; a second, different format under a taken name is a bug."""
    known = _REGISTRY.get(fmt.name)
    if known is not None and known != fmt:
        raise ValueError(f"two formats are named {fmt.name!r}")
    _REGISTRY[fmt.name] = fmt
    return fmt


@lru_cache(maxsize=1)
def _modules() -> dict[str, str]:
    """{format name: its module's name}, read from the package's files without importing them
    (a listing of the folder: pkgutil.iter_modules would cost 1.2 M instructions to import)."""
    modules = [file[:-3] for file in os.listdir(__path__[0]) if file.endswith(".py") and not file.startswith("_")]
    return {module.replace("_", "-"): module for module in modules}


def names() -> tuple[str, ...]:
    """Every format's name, sorted: the --format choices."""
    return tuple(sorted(_modules()))


def localized() -> tuple[str, ...]:
    """The formats whose text for people follows --lang (imports every format module)."""
    return tuple(name for name in names() if get(name).localized)


def get(name: str) -> Format:
    """The format `name`, its module imported on first use; InputError naming the choices if unknown."""
    module = _modules().get(name)
    if module is None:
        from ..phrase import Phrase

        raise InputError(Phrase("error.not-one-of", value=repr(name), known=", ".join(names())),
                         option="format")
    if name not in _REGISTRY:
        importlib.import_module(f"{__name__}.{module}")
        if name not in _REGISTRY:  # a module registering another name than its own is a bug
            raise ValueError(f"exporter/formats/{module}.py registers no format named {name!r}")
    return _REGISTRY[name]


def template_folder() -> Path:
    """Where the templates are: inside the installed package, or at the top of a checkout.

    An installed wheel has exporter/templates/ (pyproject maps the top-level templates/
    folder there); an editable install or a plain checkout reads templates/ itself.
    """
    package = Path(__file__).resolve().parent.parent
    for folder in (package / "templates", package.parent / "templates"):
        if (folder / "json.j2").is_file():
            return folder
    raise RuntimeError(f"ses-export is installed without its templates (looked beside {package})")


@lru_cache(maxsize=1)
def environment() -> "jinja2.Environment":
    """One Jinja2 environment per process, so each template compiles once per run (and, with
    the bytecode cache, once per edit of the template: see exporter/template_cache.py)."""
    import jinja2

    from ..filters import FILTERS, TESTS
    from ..template_cache import for_this_user

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(template_folder())),
        bytecode_cache=for_this_user(),
        undefined=jinja2.StrictUndefined,
        # HTML templates (*.html.j2) escape every value by default; the other syntaxes escape
        # through their own named filters (exporter/filters.py), never by hand.
        autoescape=lambda name: name is not None and name.endswith(".html.j2"),
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(FILTERS)
    env.tests.update(TESTS)
    return env


def render(name: str, identities: Sequence[Identity], settings: Settings | None = None) -> str:
    """The whole output for `identities` in format `name`."""
    from ..collection import fewer_collections

    with fewer_collections():  # also for a program that renders many identities (docs/api.md)
        template, context = _prepared(name, identities, settings)
        return template.render(context)


def render_utf8(name: str, identities: Sequence[Identity], settings: Settings | None = None) -> list[bytes]:
    """render's text as UTF-8, in the pieces the template wrote, all written before this returns (so a
    failure part-way leaves nothing to write): what the command line writes (output.emit). The whole
    text is never one str: a page of 10,000 identities is 91 MB, and in Japanese its pieces as str
    take two bytes a character (169 MB against 96 MB)."""
    from ..collection import fewer_collections

    with fewer_collections():
        template, context = _prepared(name, identities, settings)
        return [piece.encode("utf-8") for piece in template.generate(context)]


def _prepared(name: str, identities: Sequence[Identity],
              settings: Settings | None) -> "tuple[jinja2.Template, dict[str, object]]":
    """The format's template and what it lays out."""
    from .. import __version__

    fmt = get(name)
    settings = settings or Settings()
    context: dict[str, object] = {
        "identities": list(identities),
        "records": [record for identity in identities for record in identity.records],
        "version": __version__,
        "settings": settings,
    }
    # How to check afterwards, per identity, for the headers (templates/_identities.j2).
    context["checks"] = _checks(identities, settings)
    if fmt.prepare is not None:
        context.update(fmt.prepare(identities, settings))
    return environment().get_template(fmt.template), context


def _checks(identities: Sequence[Identity], settings: Settings) -> Mapping[str, dict[str, object]]:
    """{domain: {"command": the ses-export --check line, "lookups": a verify.Lookup per record,
    "shortened": whether a lookup shows its answer shortened}},
    each worked out when a template first asks for it: most formats never do."""
    return _Checks({identity.domain: identity for identity in identities}, settings)


class _Checks(Mapping[str, dict[str, object]]):
    __slots__ = ("_identities", "_settings", "_done")

    def __init__(self, identities: dict[str, Identity], settings: Settings):
        self._identities, self._settings = identities, settings
        self._done: dict[str, dict[str, object]] = {}

    def __getitem__(self, domain: str) -> dict[str, object]:
        found = self._done.get(domain)
        if found is None:
            from ..verify import check_command, lookup

            identity = self._identities[domain]
            lookups = [lookup(record) for record in identity.records]
            found = self._done[domain] = {"command": check_command(identity, self._settings.rerun, None),
                                          "lookups": lookups,
                                          "shortened": any(each.shortened for each in lookups)}
        return found

    def __iter__(self) -> Iterator[str]:
        return iter(self._identities)

    def __len__(self) -> int:
        return len(self._identities)


def render_index(name: str, pages: Mapping[str, Sequence[Summary]], settings: Settings | None = None) -> str:
    """Format `name`'s index page of -o FOLDER/ (Format.index_page) for `pages` (file name: the summaries
    of its identities, model.Summary): made without the identities themselves."""
    from .. import __version__

    fmt = get(name)
    if fmt.prepare_index is None:
        raise ValueError(f"format {name!r} has no index page")
    settings = settings or Settings()
    context = {"pages": pages, "version": __version__, "settings": settings, **fmt.prepare_index(pages, settings)}
    return environment().get_template(fmt.template).render(context)


def render_folder(name: str, groups: Mapping[str, Sequence[Identity]], settings: Settings | None = None,
                  pages: Mapping[str, Sequence[Summary]] | None = None) -> Iterator[tuple[str, str]]:
    """-o FOLDER/: (file name, text) for each group of identities (output.files), one at a time so
    that only one file's text is in memory while it is written, then the format's index page
    where it has one (Format.index_page), from `pages`: the groups' summaries (where `groups`
    makes each group's identities as it is asked for, sources.saved.Folder.made), else made here."""
    fmt = get(name)
    index: tuple[str, str] | None = None
    if fmt.index_page is not None and fmt.index_page not in groups:
        if pages is None:
            from ..model import summary

            pages = {file: [summary(identity) for identity in group] for file, group in groups.items()}
        # Made first, before output.write_folder holds the names of 10,000 files written (its making needs a
        # few MB then); written last, so that it is renamed into place after the files it links.
        index = fmt.index_page, render_index(name, pages, settings)
    for file, group in groups.items():
        yield file, render(name, group, settings)
    if index is not None:
        yield index
