"""instructions: Markdown steps for a person at a DNS panel, tailored to it (--dns-host), en or ja."""

from . import Format, Settings, register


def prepare(identities, settings: Settings) -> dict:
    from ..guide import context

    # The Guide (steps, fields, advice for this panel) and the sentences of the language.
    return context(identities, settings.dns_host, settings.lang, settings.rerun)


FORMAT = register(Format(
    name="instructions", suffix="md", template="instructions.md.j2", localized=True, prepare=prepare,
    summary="step-by-step Markdown for the person at the DNS panel, in English or Japanese",
))
