"""Render identities through the format's Jinja2 template (templates/FORMAT.j2)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from . import __version__
from .errors import InputError
from .filters import FILTERS
from .model import Identity

FORMATS = ("bind", "csv", "terraform-cloudflare", "terraform-route53", "instructions", "json")
# Text for people: one template per language, templates/FORMAT.LANG.j2 (en when no lang is set).
LOCALIZED_FORMATS = ("instructions",)


def template_folder() -> Path:
    """templates/ ships as the package exporter.templates; a plain checkout has it at the top."""
    try:
        from importlib.resources import files

        folder = Path(str(files("exporter.templates")))
        if folder.is_dir():
            return folder
    except (ModuleNotFoundError, TypeError):
        pass
    return Path(__file__).resolve().parent.parent / "templates"


@lru_cache(maxsize=1)
def environment():
    """One Jinja2 environment per process, so each template compiles once per run."""
    import jinja2

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(template_folder())),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # not HTML: each format escapes through its own named filters
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(FILTERS)
    return env


def render(fmt: str, identities: list[Identity], **settings) -> str:
    """The whole output for `identities` in format `fmt`; settings are format options."""
    if fmt not in FORMATS:
        raise InputError(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}")
    import jinja2

    name = f"{fmt}.{settings.get('lang') or 'en'}.j2" if fmt in LOCALIZED_FORMATS else f"{fmt}.j2"
    try:
        template = environment().get_template(name)
    except jinja2.TemplateNotFound:
        raise InputError(f"--format: {fmt} is not available yet in this version") from None
    from . import panels

    records = [record for identity in identities for record in identity.records]
    # The DNS panel's facts (--dns-host) and how a record is typed there, for the instructions.
    return template.render(identities=identities, records=records, version=__version__, settings=settings,
                           panel=panels.panel(settings.get("dns_host")), entry=panels.entry)
