"""Render identities through the format's Jinja2 template (templates/FORMAT.j2)."""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from . import __version__
from .errors import InputError
from .filters import FILTERS
from .model import Identity

FORMATS = ("bind", "csv", "terraform-cloudflare", "terraform-route53", "instructions", "json")
# Text for people: one template for every language, laying out exporter/guide.py's Guide in the
# words of exporter/text/LANG.py.
TEMPLATES = {"instructions": "instructions.md.j2"}


def template_folder() -> Path:
    """Where the templates are: inside the installed package, or at the top of a checkout.

    An installed wheel has exporter/templates/ (pyproject maps the top-level templates/
    folder there); an editable install or a plain checkout reads templates/ itself.
    """
    for folder in (Path(__file__).resolve().parent / "templates", Path(__file__).resolve().parent.parent / "templates"):
        if (folder / "json.j2").is_file():
            return folder
    raise RuntimeError(f"ses-export is installed without its templates (looked beside {__file__})")


@lru_cache(maxsize=1)
def environment():
    """One Jinja2 environment per process, so each template compiles once per run (and, with
    the bytecode cache, once per edit of the template: see template_cache)."""
    import jinja2

    from .template_cache import for_this_user

    env = jinja2.Environment(
        loader=jinja2.FileSystemLoader(str(template_folder())),
        bytecode_cache=for_this_user(),
        undefined=jinja2.StrictUndefined,
        autoescape=False,  # not HTML: each format escapes through its own named filters
        keep_trailing_newline=True,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters.update(FILTERS)
    env.globals["terraform_plan"] = _terraform_plan
    return env


def _terraform_plan(*args, **kwargs):
    """terraform.terraform_plan, imported when a Terraform template first calls it: the other
    formats start without it (its dataclasses cost 4 ms, 3% of a start-up)."""
    from .terraform import terraform_plan

    return terraform_plan(*args, **kwargs)


def render(fmt: str, identities: list[Identity], **settings) -> str:
    """The whole output for `identities` in format `fmt`; settings are format options."""
    if fmt not in FORMATS:
        raise InputError(f"--format: {fmt!r} is not one of {', '.join(FORMATS)}")
    import jinja2

    name = TEMPLATES.get(fmt, f"{fmt}.j2")
    try:
        template = environment().get_template(name)
    except jinja2.TemplateNotFound:
        raise InputError(f"--format: {fmt} is not available yet in this version") from None
    extra = {}
    if fmt == "instructions":
        from .guide import context

        extra = context(identities, settings.get("dns_host"), settings.get("lang"))
    records = [record for identity in identities for record in identity.records]
    return template.render(identities=identities, records=records, version=__version__, settings=settings, **extra)
