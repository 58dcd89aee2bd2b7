"""Output formats: one module per format in this package, each with one template in templates/.

A format module declares what it is and registers it (docs/design.md, "Adding a format"):

    FORMAT = register(Format(name="bind", suffix="zone", template="bind.j2",
                             summary="a BIND zone-file fragment to import"))

The registry finds the modules itself (every module here whose name does not start with '_'), so a
new format touches no other file. Modules starting with '_' are helpers shared by formats. Format
modules are imported at every start-up: they import nothing heavy at module level; `prepare` does.
"""

from __future__ import annotations

import importlib
import pkgutil
from collections.abc import Callable, Iterator, Mapping, Sequence
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, NamedTuple

from ..errors import InputError
from ..model import Identity

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
                cloudflare_provider: str = "v5", rerun: tuple[str, ...] | None = None) -> Settings:
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

    def _replace(self, **changes: object) -> Settings:  # through __new__, so a copy is validated too
        return Settings(**{**self._asdict(), **changes})


# What a format adds to the template's context: names it computed once, checked settings.
Prepare = Callable[[Sequence[Identity], Settings], Mapping[str, object]]


class Format(NamedTuple):
    name: str  # the --format value
    suffix: str  # -o FOLDER/: files are named DOMAIN.SUFFIX (or ZONE.SUFFIX, see per_zone)
    template: str  # its file in templates/
    summary: str  # one line: what it is and who uses it (--help, docs)
    prepare: Prepare | None = None
    localized: bool = False  # its text for people follows Settings.lang (--lang)
    per_zone: bool = False  # -o FOLDER/: one file per zone, ZONE.SUFFIX (tools that read it look it up by zone)
    index_page: str | None = None  # -o FOLDER/: also this file, the template rendered for all with `pages` set


_REGISTRY: dict[str, Format] = {}


def register(fmt: Format) -> Format:
    """Add a format; a second, different format under a taken name is a bug."""
    known = _REGISTRY.get(fmt.name)
    if known is not None and known != fmt:
        raise ValueError(f"two formats are named {fmt.name!r}")
    _REGISTRY[fmt.name] = fmt
    return fmt


@lru_cache(maxsize=1)
def _discover() -> None:
    for module in pkgutil.iter_modules(__path__):
        if not module.name.startswith("_"):
            importlib.import_module(f"{__name__}.{module.name}")


def names() -> tuple[str, ...]:
    """Every format's name, sorted: the --format choices."""
    _discover()
    return tuple(sorted(_REGISTRY))


def localized() -> tuple[str, ...]:
    """The formats whose text for people follows --lang."""
    return tuple(name for name in names() if _REGISTRY[name].localized)


def get(name: str) -> Format:
    _discover()
    try:
        return _REGISTRY[name]
    except KeyError:
        from ..phrase import Phrase

        raise InputError(Phrase("error.not-one-of", value=repr(name), known=", ".join(names())),
                         option="format") from None


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
def environment() -> jinja2.Environment:
    """One Jinja2 environment per process, so each template compiles once per run (and, with
    the bytecode cache, once per edit of the template: see exporter/template_cache.py)."""
    import jinja2

    from ..filters import FILTERS
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
    return env


def render(name: str, identities: Sequence[Identity], settings: Settings | None = None,
           pages: Mapping[str, Sequence[Identity]] | None = None) -> str:
    """The whole output for `identities` in format `name`; `pages` (file name: identities) makes
    the format's index page of a folder instead (see render_folder)."""
    from ..collection import fewer_collections

    with fewer_collections():  # also for a program that renders many identities (docs/api.md)
        template, context = _prepared(name, identities, settings, pages)
        return template.render(context)


def render_utf8(name: str, identities: Sequence[Identity], settings: Settings | None = None) -> list[bytes]:
    """render's text as UTF-8, in the pieces the template wrote, all written before this returns (so a
    failure part-way leaves nothing to write): what the command line writes (output.emit). The whole
    text is never one str: a page of 10,000 identities is 91 MB, and in Japanese its pieces as str
    take two bytes a character (169 MB against 96 MB)."""
    from ..collection import fewer_collections

    with fewer_collections():
        template, context = _prepared(name, identities, settings, None)
        return [piece.encode("utf-8") for piece in template.generate(context)]


def _prepared(name: str, identities: Sequence[Identity], settings: Settings | None,
              pages: Mapping[str, Sequence[Identity]] | None) -> tuple[jinja2.Template, dict[str, object]]:
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
    if pages is not None:
        context["pages"] = pages
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


def render_folder(name: str, groups: Mapping[str, Sequence[Identity]],
                  settings: Settings | None = None) -> Iterator[tuple[str, str]]:
    """-o FOLDER/: (file name, text) for each group of identities (output.files), one at a time so
    that only one file's text is in memory while it is written, then the format's index page
    where it has one (Format.index_page)."""
    fmt = get(name)
    for file, group in groups.items():
        yield file, render(name, group, settings)
    if fmt.index_page is not None and fmt.index_page not in groups:
        everyone = [identity for group in groups.values() for identity in group]
        yield fmt.index_page, render(name, everyone, settings, pages=groups)
