"""The instructions as data: the steps a person takes at a DNS panel, and the advice for each.

`guide(identities, panel)` decides the whole document once, for every language and output kind:
one Step per record with the fields to type and the advice that applies to that record on that
panel. It holds no sentences, only catalogue keys and the values they show (Phrase); the words
are in exporter/text/LANG.py and a template per output kind lays the Guide out.

Every catalogue key is a string literal in a Phrase(...) call in this file, with its values as
keyword arguments: tests/test_guide_text.py reads them from here to prove that every language
has every sentence, and that each sentence shows only values given to it.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import NamedTuple

from .filters import TXT_CHUNK_BYTES, display_name, no_final_dot, txt_chunks
from .model import Identity, Record
from . import panels
from .panels import Entry, Panel, entry
from .phrase import Aside, Phrase, Series

# NamedTuples, as in exporter/phrase.py: immutable, and quick to define at start-up.


class Field(NamedTuple):
    """One line of a step's field list."""

    name: str  # "line", "type", "host", "value", "priority", "ttl" or "proxy"
    text: Phrase
    copy: str | None  # exactly what is typed into the panel's field; None: nothing to type


class Step(NamedTuple):
    """One record, as a person adds it at the panel."""

    record: Record
    title: Phrase
    fields: tuple[Field, ...]
    advice: tuple[Phrase, ...]  # keys "advice.CODE": what can go wrong with this record on this panel


class Section(NamedTuple):
    """The steps of one identity."""

    identity: Identity
    heading: str | None  # the identity's name as a heading, where the document holds several
    notes: tuple[Phrase, ...]
    steps: tuple[Step, ...]


class Check(NamedTuple):
    """How to verify after the last step."""

    heading: Phrase
    run: Phrase  # says what the commands do
    commands: tuple[str, ...]  # shell lines, exactly as typed
    wait: Phrase  # how long DNS and SES take


class Guide(NamedTuple):
    panel: Panel
    title: Phrase
    intro: tuple[Phrase, ...]  # the lines of the opening paragraph
    where: tuple[Phrase, ...]  # the lines of the paragraph that says where the records are added
    sections: tuple[Section, ...]
    check: Check


# Where the records are added: one sentence per panel (tests hold this to panels.PANELS).
WHERE = {
    "generic": Phrase("where.generic"),
    "cloudflare": Phrase("where.cloudflare"),
    "route53": Phrase("where.route53"),
    "onamae": Phrase("where.onamae"),
    "muumuu": Phrase("where.muumuu"),
    "xserver": Phrase("where.xserver"),
    "sakura": Phrase("where.sakura"),
    "valuedomain": Phrase("where.valuedomain"),
    "godaddy": Phrase("where.godaddy"),
    "namecheap": Phrase("where.namecheap"),
}

# Why the records are there, in the order the opening paragraph gives the reasons (the SPF record
# shares the MX's reason).
REASONS = {
    "dkim": Phrase("reason.dkim"),
    "mail-from-mx": Phrase("reason.mail-from"),
    "dmarc": Phrase("reason.dmarc"),
    "verification": Phrase("reason.verification"),
}

RECORD_TITLES = {
    "mail-from-mx": Phrase("record.mail-from-mx"),
    "mail-from-spf": Phrase("record.mail-from-spf"),
    "dmarc": Phrase("record.dmarc"),
    "verification": Phrase("record.verification"),
}


def guide(identities: Sequence[Identity], panel: Panel) -> Guide:
    """The instructions for `identities` at `panel`: steps numbered through the whole document."""
    records = [record for identity in identities for record in identity.records]
    purposes = {record.purpose for record in records}
    reasons = Series(tuple(phrase for purpose, phrase in REASONS.items() if purpose in purposes),
                     Phrase("separator.clauses"))
    intro = Phrase("intro.one", reasons=reasons) if len(identities) == 1 else Phrase("intro.many", reasons=reasons)
    title = Phrase("title", domains=Series(tuple(display_name(i.domain) for i in identities), Phrase("separator.list")))

    numbers = iter(range(1, len(records) + 1))
    underscore = _Once()
    sections = []
    for identity in identities:
        dkim_total = sum(record.purpose == "dkim" for record in identity.records)
        dkim_numbers = iter(range(1, dkim_total + 1))
        steps = []
        for record in identity.records:
            typed = entry(panel, record, identity.zone)
            if record.purpose == "dkim" and record.type == "CNAME":
                what = Phrase("record.dkim-key", number=next(dkim_numbers), total=dkim_total)
            elif record.purpose == "dkim":
                what = Phrase("record.dkim-public-key")
            else:
                what = RECORD_TITLES[record.purpose]
            steps.append(Step(
                record=record,
                title=Phrase("step", number=next(numbers), total=len(records), record=what),
                fields=fields(panel, typed),
                advice=advice(panel, typed, identity.zone, underscore),
            ))
        sections.append(Section(
            identity=identity,
            heading=display_name(identity.domain) if len(identities) > 1 else None,
            # SES's statuses and the assumed zone / DMARC first (NOTICES catalogue, exporter/advisories.py)
            notes=identity.advisories + tuple(Phrase("note", note=note) for note in identity.notes),
            steps=tuple(steps),
        ))

    return Guide(
        panel=panel,
        title=title,
        intro=(intro, Phrase("intro.one-step-per-record")),
        where=(Phrase("where", where=WHERE[panel.key]), Phrase("where.name-servers")),
        sections=tuple(sections),
        check=Check(
            heading=Phrase("check.heading"),
            run=Phrase("check.run"),
            commands=tuple(f"ses-export {identity.name} --check" for identity in identities),
            wait=Phrase("check.wait"),
        ),
    )


def fields(panel: Panel, typed: Entry) -> tuple[Field, ...]:
    """What a person types for one record at `panel`, field by field."""
    record = typed.record
    result = []
    if panel.zone_editor:
        if typed.editor_line:
            result.append(Field("line", Phrase("field.line", line=typed.editor_line), typed.editor_line))
        else:
            result.append(Field("line", Phrase("field.line-unknown", panel=panel.title), None))
    result.append(Field("type", Phrase("field.type", type=record.type), None))
    own = _own_label(panel.label("host"), Phrase("word.host"))
    if typed.host:
        result.append(Field("host", Phrase("field.host", own=own, host=typed.host, fqdn=typed.fqdn), typed.host))
    else:
        result.append(Field("host", Phrase("field.host-empty", own=own, fqdn=typed.fqdn), None))
    own = _own_label(panel.label("value", record.type), Phrase("word.value"))
    result.append(Field("value", Phrase("field.value", own=own, value=typed.value), typed.value))
    if typed.priority is not None:
        own = _own_label(panel.label("priority"), Phrase("word.priority"))
        result.append(Field("priority", Phrase("field.priority", own=own, priority=typed.priority),
                            str(typed.priority)))
    result.append(Field("ttl", Phrase("field.ttl", ttl=record.ttl), str(record.ttl)))
    if record.type == "CNAME" and panel.cname_proxy:
        result.append(Field("proxy", Phrase("field.proxy"), None))
    return tuple(result)


def advice(panel: Panel, typed: Entry, zone: str, underscore: _Once) -> tuple[Phrase, ...]:
    """What can go wrong with this record at `panel`, and how to avoid it.

    `underscore` is shared by the whole document: the underscore is explained once, at the first
    host that has one, since it is the same for every such name.
    """
    record = typed.record
    title = panel.title
    result = []
    if panel.host_appends_zone:
        result.append(Phrase("advice.host-added-by-panel", panel=title, zone="." + no_final_dot(zone),
                             host=typed.host, doubled=typed.doubled_name))
    else:
        result.append(Phrase("advice.host-maybe-added", zone="." + no_final_dot(zone), host=typed.host,
                             doubled=typed.doubled_name, fqdn=typed.fqdn))
    if "_" in typed.host and underscore.first():
        result.append(Phrase("advice.underscore"))

    if record.type in ("CNAME", "MX"):
        if panel.drops_final_dot:
            result.append(Phrase("advice.value-dot-dropped", panel=title))
        elif panel.relative_values:
            result.append(Phrase("advice.value-read-as-relative", panel=title, relative=typed.relative_value))
        else:
            result.append(Phrase("advice.value-keep-dot", relative=typed.relative_value))
    if record.type == "CNAME" and panel.cname_proxy:
        result.append(Phrase("advice.proxy-dns-only"))

    if record.type == "MX":
        if panel.mx_priority == "in-value":
            result.append(Phrase("advice.priority-in-value", panel=title, value=typed.value))
        elif panel.blank_mx_priority is not None:
            result.append(Phrase("advice.priority-blank-default", priority=record.priority, panel=title,
                                 blank=panel.blank_mx_priority))
        elif panel.mx_priority is None and not panel.zone_editor:
            result.append(Phrase("advice.priority-without-field", value=f"{record.priority} {record.value}"))
        result.append(Phrase("advice.mx-only-one", name=record.name))

    if record.type == "TXT":
        if panel.txt_quoted:
            if len(txt_chunks(record.value)) > 1:
                result.append(Phrase("advice.txt-quoted-split", panel=title, size=TXT_CHUNK_BYTES))
            else:
                result.append(Phrase("advice.txt-quoted", panel=title))
        elif panel.zone_editor:
            result.append(Phrase("advice.txt-editor-unquoted", panel=title))
        elif panel.strips_txt_quotes:
            result.append(Phrase("advice.txt-quotes-stripped", panel=title))
        else:
            result.append(Phrase("advice.txt-no-quotes"))
        if typed.too_long:
            result.append(Phrase("advice.txt-too-long-for-panel", length=len(record.value), panel=title,
                                 limit=panel.max_txt_chars))
        elif len(record.value) > TXT_CHUNK_BYTES and not panel.txt_quoted:
            result.append(Phrase("advice.txt-long", length=len(record.value), limit=TXT_CHUNK_BYTES))
        if record.purpose == "mail-from-spf":
            result.append(Phrase("advice.spf-merge", name=record.name))
        elif record.purpose == "dmarc":
            result.append(Phrase("advice.dmarc-only-one", name=record.name))
    return tuple(result)


def _own_label(label: str | None, word: Phrase) -> Aside | str:
    """The panel's own name for a field, beside ours where the two differ; "" where no source names it."""
    return Aside(Phrase("field.own-label", label=label), label, word) if label else ""


class _Once:
    """True the first time it is asked, False ever after."""

    def __init__(self) -> None:
        self._told = False

    def first(self) -> bool:
        told, self._told = self._told, True
        return not told


def context(identities: Sequence[Identity], dns_host: str | None, lang: str | None) -> dict:
    """What the instructions template lays out: the Guide, and the sentences of the language."""
    from .text import catalogue

    words = catalogue(lang or "en")
    return {"guide": guide(identities, panels.panel(dns_host)), "words": {**words.GUIDE, **words.NOTICES}}
