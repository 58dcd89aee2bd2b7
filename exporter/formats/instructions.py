"""instructions: Markdown steps for a person at a DNS panel, tailored to it (--dns-host), en or ja."""

from . import Format, Settings, register


def prepare(identities, settings: Settings) -> dict:
    from .. import panels

    # The DNS panel's facts (--dns-host) and how a record is typed there.
    return {"panel": panels.panel(settings.dns_host), "entry": panels.entry}


FORMAT = register(Format(
    name="instructions", suffix="md", template="instructions.{lang}.j2", localized=True, prepare=prepare,
    summary="step-by-step Markdown for the person at the DNS panel, in English or Japanese",
))
