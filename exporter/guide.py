"""The instructions as data: the steps a person takes at a DNS panel, and the advice for each.

`guide(identities, panel)` decides the whole document once, for every language and output kind:
one Step per record with the fields to type and the advice that applies to that record on that
panel. It holds no sentences, only catalogue keys and the values they show (Phrase); the words
are in exporter/text/LANG.py and a template per output kind lays the Guide out.

Every catalogue key is a string literal in a Phrase(...) call in this file (or exporter/existing.py),
with its values as keyword arguments: tests/test_guide_text.py reads them from here to prove that every language
has every sentence, and that each sentence shows only values given to it.
"""

# Annotations are evaluated here (no `from __future__ import annotations`): this module is loaded at
# every start-up, and typing compiles each string annotation of a NamedTuple field, about 50 k
# instructions a field (docs/benchmarks.md, start-up). Names defined later are quoted.

from collections.abc import Sequence
from typing import NamedTuple

from . import panels
from .errors import InputError
from .existing import existing_record
from .filters import TXT_CHUNK_BYTES, display_name, no_final_dot
from .model import Identity, Record, Summary
from .names import relative, to_unicode
from .panels import Entry, Panel, entry
from .phrase import Aside, Own, Phrase, Sentences, Series
from .verify import Lookup, check_command, check_command_set, lookup

# NamedTuples, as in exporter/phrase.py: immutable, and quick to define at start-up.


class Field(NamedTuple):
    """One line of a step's field list."""

    name: str  # "line", "host", "value", "priority", "ttl" or "proxy" (the type is in the step's title)
    text: Phrase
    copy: str | None  # exactly what is typed into the panel's field; None: nothing to type


class Step(NamedTuple):
    """One record, as a person adds it at the panel: only what differs from step to step."""

    record: Record
    title: Phrase
    fields: tuple[Field, ...]
    advice: tuple[Phrase, ...]  # keys "advice.CODE": what can go wrong with this record alone
    number: int  # numbered through the whole document, as its title says


class Section(NamedTuple):
    """The steps of one identity."""

    identity: Identity
    heading: str | None  # the identity's name as a heading, where the document holds several
    notes: tuple[Phrase, ...]
    steps: tuple[Step, ...]
    # Where the document holds several identities, each checks its own records by hand in its own
    # section (the closing check then has one command for all); one identity: in the closing check.
    lookups: tuple[Lookup, ...] = ()
    by_hand: Phrase | None = None  # as Check.by_hand (Markdown: the answer after a `#`)
    by_hand_page: Phrase | None = None  # as Check.by_hand_page (html: the answer under each line)


class Check(NamedTuple):
    """How to verify after the last step: with ses-export, or by hand with dig or nslookup."""

    heading: Phrase
    run: Phrase  # leads in to the ses-export commands
    commands: tuple[str, ...]  # shell lines, exactly as typed: one `ses-export ... --check` for the whole run
    # where one line can (verify.check_command_set), else one per identity
    by_hand: Phrase  # says how to read the lookups (each dig line with its answer after a `#`)
    lookups: tuple[Lookup, ...]  # one per record of one identity (several: in each Section instead)
    wait: Phrase  # how long DNS and SES take
    # The html page shows the expected answer under each line, not after a `#`, and the ses-export
    # commands as the sender's (they may name files on the sender's computer), after the lookups.
    by_hand_page: Phrase
    run_sender: Phrase


class Guide(NamedTuple):
    """The whole document. Laid out in this order: title, intro, where, before, sections, finish, check."""

    panel: Panel
    title: Phrase
    intro: tuple[Phrase, ...]  # the lines of an opening paragraph: none now (the title says what the records are)
    where: tuple[Phrase, ...]  # the lines of the paragraph that says where the records are added
    before_heading: Phrase
    before: tuple[Phrase, ...]  # "before you start": every pitfall of this panel, each explained once
    sections: tuple[Section, ...]
    finish: tuple[Phrase, ...]  # after the last step, at the panel (a save button), or nothing
    check: Check
    contents: Phrase = Phrase("contents")  # the heading of the list of identities, where there are several


# Records of which a name may hold only one (SES's MAIL FROM check). SPF and DMARC are said at their
# own step instead (exporter/existing.py), where the reader is about to add a second one.
ONE_PER_NAME = {
    "mail-from-mx": Phrase("single.mx"),
}

RECORD_TITLES = {
    "mail-from-mx": Phrase("record.mail-from-mx"),
    "mail-from-spf": Phrase("record.mail-from-spf"),
    "dmarc": Phrase("record.dmarc"),
    "verification": Phrase("record.verification"),
}


def guide(identities: Sequence[Identity], panel: Panel, lang: str = "en",
          rerun: Sequence[str] | None = None, check_lang: str | None = None) -> Guide:
    """The instructions for `identities` at `panel`: steps numbered through the whole document.

    `lang` picks the panel's own field labels (a Japanese interface names them differently);
    `rerun` and `check_lang` make the closing `ses-export ... --check` commands (exporter/verify.py).
    Raises InputError where the panel cannot take a record as it is (a TTL out of its range).
    """
    records = [record for identity in identities for record in identity.records]
    _refuse_what_the_panel_cannot_take(panel, records)
    several = len(identities) > 1

    numbers = iter(range(1, len(records) + 1))
    own_ttl = len({record.ttl for record in records}) > 1  # else "before you start" gives the one TTL
    labelled: set[str] = set()  # the panel's own field labels already shown: each once, at its first field
    labels: dict = {}  # the panel's labels looked up, by field and record type
    # What is the same for every record of a kind, worked out at its first: the DKIM keys' titles
    # (by number and count) and the advice (by what it depends on: see _advice_key).
    dkim_titles: dict[tuple[int, int], Phrase] = {}
    advised: dict[tuple, tuple[Phrase, ...]] = {}
    by_hand = {shortened: (_by_hand(shortened), _by_hand_page(shortened)) for shortened in (False, True)}
    # A record's fields and advice, by what they are made of (_Kinds): the MAIL FROM, SPF and DMARC
    # steps of thousands of identities type the same host and value, and are made once.
    kinds = _Kinds()
    sections = []
    for identity in identities:
        zone = identity.zone
        dkim_total = sum(record.purpose == "dkim" for record in identity.records)
        dkim_number = 0
        steps = []
        for record in identity.records:
            rtype, purpose = record.type, record.purpose
            if purpose == "dkim" and rtype == "CNAME":
                dkim_number += 1
                what = dkim_titles.get((dkim_number, dkim_total))
                if what is None:
                    what = dkim_titles[dkim_number, dkim_total] = Phrase(
                        "record.dkim-key", number=dkim_number, total=dkim_total)
            elif purpose == "dkim":
                what = Phrase("record.dkim-public-key")
            else:
                what = RECORD_TITLES[purpose]
            kind = (purpose, rtype, relative(record.name, zone), record.value, record.priority, record.ttl)
            made = kinds.get(kind)
            if made is None:
                typed = entry(panel, record, zone)
                key = _advice_key(record)
                said = advised.get(key)
                if said is None:
                    said = advised[key] = advice(panel, typed)
                shown = len(labelled)
                made = (fields(panel, typed, lang, own_ttl, labelled, labels), said)
                if len(labelled) == shown:  # no panel label given its first mention: the same again next time
                    kinds[kind] = made
            number = next(numbers)
            steps.append(Step(record, Phrase("step", number=number, record=what, type=rtype), made[0], made[1], number))
        if several:
            lookups = tuple(lookup(record) for record in identity.records)
            hand, hand_page = by_hand[any(found.shortened for found in lookups)] if lookups else (None, None)
        else:
            lookups, hand, hand_page = (), None, None
        sections.append(Section(
            identity,
            display_name(identity.domain) if several else None,
            # SES's statuses and the assumed zone / DMARC first (NOTICES catalogue, exporter/advisories.py)
            identity.advisories + tuple(Phrase("note", note=note) for note in identity.notes),
            tuple(steps), lookups, hand, hand_page,
        ))
    alone = () if several else tuple(lookup(record) for record in records)

    return Guide(
        panel=panel,
        title=_title(identities),
        intro=(),
        where=_where(panel, lang),
        before_heading=Phrase("before.heading"),
        before=before(panel, identities),
        sections=tuple(sections),
        finish=finish(panel),
        check=_check(identities, alone, rerun, check_lang),
    )


def index(summaries: Sequence[Summary], panel: Panel, lang: str = "en", rerun: Sequence[str] | None = None,
          check_lang: str | None = None) -> Guide:
    """The index page of -o FOLDER/ (html's index.html) as a Guide with no sections: its title, where
    the records go, and the closing check of the whole set. Each identity's steps and dig/nslookup lines
    are on its own page. Made of the identities' summaries (model.Summary), so that -o FOLDER/ need
    not hold 10,000 identities for it."""
    return Guide(panel=panel, title=_title(summaries), intro=(), where=_where(panel, lang),
                 before_heading=Phrase("before.heading"), before=(), sections=(), finish=(),
                 check=_check(summaries, (), rerun, check_lang))


def _title(identities: Sequence[Identity] | Sequence[Summary]) -> Phrase:
    if len(identities) > 1:  # the names are in the contents list: a title of 10,000 names reads as none
        return Phrase("title.count", count=len(identities))
    return Phrase("title", domains=Series(tuple(display_name(i.domain) for i in identities), Phrase("separator.list")))


def _where(panel: Panel, lang: str) -> tuple[Phrase, ...]:
    # Generic instructions also say which DNS host counts; a named panel is the one the reader uses.
    # The place itself is the panel entry's own words, in the reader's language (exporter/panels.py).
    return (Phrase("where.any", where=Own(panel.where_in(lang))) if panel.key == "generic"
            else Phrase("where", where=Own(panel.where_in(lang))),)


def _check(identities: Sequence[Identity] | Sequence[Summary], lookups: tuple[Lookup, ...],
           rerun: Sequence[str] | None, check_lang: str | None) -> Check:
    """The closing check: one `ses-export ... --check` for the whole run where one line can
    (verify.check_command_set), else one per identity; `lookups` by hand for a single identity."""
    whole = check_command_set(identities, rerun, check_lang)
    return Check(
        heading=Phrase("check.heading"),
        run=Phrase("check.run"),
        commands=(whole,) if whole else tuple(check_command(identity, rerun, check_lang) for identity in identities),
        by_hand=_by_hand(_shortened(lookups)),
        lookups=lookups,
        wait=Phrase("check.wait"),
        by_hand_page=_by_hand_page(_shortened(lookups)),
        run_sender=Phrase("check.run-sender"),
    )


class _Kinds(dict):
    """What guide() made for records alike (their fields and advice), by (type, host, value,
    priority, TTL, and the record's purpose): these decide both at one panel. Past LIMIT kinds it starts afresh: most records
    of a DKIM key are each of their own kind, and the kinds many identities share are soon back."""

    LIMIT = 4096

    def __setitem__(self, kind: tuple, made: tuple) -> None:
        if len(self) >= self.LIMIT:
            self.clear()
        super().__setitem__(kind, made)


def _by_hand(shortened: bool) -> Phrase:
    return Phrase("check.by-hand-shortened") if shortened else Phrase("check.by-hand")


def _by_hand_page(shortened: bool) -> Phrase:
    return Phrase("check.by-hand-page-shortened") if shortened else Phrase("check.by-hand-page")


def _shortened(lookups: Sequence[Lookup]) -> bool:
    return any(found.shortened for found in lookups)


def _advice_key(record: Record) -> tuple:
    """What `advice` reads of a record, at one panel: records alike in it get the same advice (the
    MAIL FROM, SPF and DMARC records of thousands of identities)."""
    return (record.purpose, record.type, record.priority, record.value if record.type == "MX" else len(record.value))


def _refuse_what_the_panel_cannot_take(panel: Panel, records: Sequence[Record]) -> None:
    for ttl in sorted({record.ttl for record in records}):
        problem = panel.ttl_problem(ttl)
        if problem:
            raise InputError(problem, option="ttl")


def before(panel: Panel, identities: Sequence[Identity]) -> tuple[Phrase, ...]:
    """Every pitfall that can happen on `panel` with these records, each once, with one example.

    A pitfall that cannot happen there is left out: Cloudflare takes a full name in its Name
    field, Route 53 reads every value as fully qualified, both accept '_'.
    """
    title = panel.title
    records = [(identity, record) for identity in identities for record in identity.records]
    result: list[Phrase] = []
    if not records:
        return ()

    # The host field: the zone added to a full name. The example is the shortest name's.
    identity, first = min(records, key=lambda pair: len(pair[1].name))
    typed = entry(panel, first, identity.zone)
    zone = "." + no_final_dot(identity.zone)
    shown = Phrase("before.zone-unicode", zone=zone, unicode="." + no_final_dot(to_unicode(identity.zone))) \
        if panel.shows_unicode and to_unicode(identity.zone) != identity.zone else Phrase("before.zone", zone=zone)
    if panel.full_name_ok:
        result.append(Phrase("before.host-full-name-ok", panel=title, zone=shown, fqdn=first.name))
    elif panel.host_appends_zone:
        result.append(Phrase("before.host-added-by-panel", panel=title, zone=shown, doubled=typed.doubled_name))
    else:
        result.append(Phrase("before.host-maybe-added", zone=shown, doubled=typed.doubled_name))
    if any(panel.apex_host == "" and record.name == identity.zone for identity, record in records):
        result.append(Phrase("before.apex-empty", panel=title))
    if not panel.underscore_ok and any("_" in relative(record.name, identity.zone) for identity, record in records):
        result.append(Phrase("before.underscore"))

    # Values that are names (CNAME targets, MX exchanges): the final dot.
    named = [(identity, record) for identity, record in records if record.type in ("CNAME", "MX")]
    if named:
        identity, record = min(named, key=lambda pair: len(pair[1].value))
        relative_value = f"{no_final_dot(record.value)}.{no_final_dot(identity.zone)}"
        if panel.drops_final_dot:
            result.append(Phrase("before.value-dot-dropped", panel=title))
        elif panel.fqdn_values:
            pass  # every value is fully qualified there: the dot cannot be lost
        elif panel.relative_values:
            result.append(Phrase("before.value-read-as-relative", panel=title, relative=relative_value))
        else:
            result.append(Phrase("before.value-keep-dot", relative=relative_value))
    if panel.cname_proxy and any(record.type == "CNAME" for _, record in records):
        result.append(Phrase("before.proxy-dns-only", panel=title))

    if any(record.type == "TXT" for _, record in records):
        if panel.txt_quoted:
            result.append(Phrase("before.txt-quoted", panel=title, size=TXT_CHUNK_BYTES))
        elif panel.zone_editor:
            result.append(Phrase("before.txt-editor-unquoted", panel=title))
        elif panel.strips_txt_quotes:
            result.append(Phrase("before.txt-quotes-stripped", panel=title))
        else:
            result.append(Phrase("before.txt-no-quotes"))
    single = tuple(phrase for purpose, phrase in ONE_PER_NAME.items()
                   if any(record.purpose == purpose for _, record in records))
    if single:
        result.append(Phrase("before.one-per-name", records=Series(single, Phrase("separator.list"))))

    ttls = {record.ttl for _, record in records}
    if len(ttls) == 1:
        (ttl,) = ttls
        if ttl == panel.ttl_auto:
            result.append(Phrase("before.ttl-auto"))
        elif panel.ttl_field is None:  # no source says the rows have a TTL field: none is asked for
            result.append(Phrase("before.ttl-if-asked", ttl=ttl, panel=title))
        else:
            result.append(Phrase("before.ttl", ttl=ttl))
    return tuple(result)


def finish(panel: Panel) -> tuple[Phrase, ...]:
    """What to do at the panel after the last step, where rows are not saved one by one."""
    if panel.save_button:
        return (Phrase("finish.save-button", panel=panel.title, button=panel.save_button),)
    if panel.confirm_screen:
        return (Phrase("finish.confirm-screen", panel=panel.title),)
    if panel.zone_editor:
        return (Phrase("finish.save-once"),)
    return ()


# Our word for each field that a panel may name otherwise (Aside.word).
FIELD_WORDS = {"host": Phrase("word.host"), "value": Phrase("word.value"), "priority": Phrase("word.priority")}


def fields(panel: Panel, typed: Entry, lang: str = "en", own_ttl: bool = False,
           labelled: set[str] | None = None, labels: dict | None = None) -> tuple[Field, ...]:
    """What a person types for one record at `panel`, field by field (the TTL only where the
    records' TTLs differ: otherwise "before you start" gives it once). The panel's own name for
    a field is given at the first field it names; `labelled` holds those given so far, and
    `labels` the panel's labels looked up so far (by field and record type: a document's
    records look up the same few)."""
    record = typed.record
    result = []
    labelled = set() if labelled is None else labelled
    labels = {} if labels is None else labels

    def _own_label(name: str, rtype: str | None) -> Aside | str:
        label = labels.get((name, rtype), False)
        if label is False:
            label = labels[name, rtype] = panel.label(name, rtype, lang)
        if not label or label in labelled:
            return ""
        labelled.add(label)
        return Aside(Phrase("field.own-label", label=label), label, FIELD_WORDS[name])

    if panel.zone_editor:
        if typed.editor_line:
            result.append(Field("line", Phrase("field.line", line=typed.editor_line), typed.editor_line))
        else:
            result.append(Field("line", Phrase("field.line-unknown", panel=panel.title), None))
    own = _own_label("host", None)
    if typed.host:
        result.append(Field("host", Phrase("field.host", own=own, host=typed.host), typed.host))
    else:
        result.append(Field("host", Phrase("field.host-empty", own=own), None))
    own = _own_label("value", record.type)
    result.append(Field("value", Phrase("field.value", own=own, value=typed.value), typed.value))
    if typed.priority is not None:
        own = _own_label("priority", None)
        result.append(Field("priority", Phrase("field.priority", own=own, priority=typed.priority),
                            str(typed.priority)))
    if own_ttl:
        result.append(ttl_field(record, panel))
    if record.type == "CNAME" and panel.cname_proxy:
        result.append(Field("proxy", Phrase("field.proxy"), None))
    return tuple(result)


def ttl_field(record: Record, panel: Panel) -> Field:
    """The TTL as a field of its own step, for documents whose records' TTLs differ."""
    if record.ttl == panel.ttl_auto:
        return Field("ttl", Phrase("field.ttl-auto"), None)
    return Field("ttl", Phrase("field.ttl", ttl=record.ttl), str(record.ttl))


def advice(panel: Panel, typed: Entry) -> tuple[Phrase, ...]:
    """What can go wrong with this record alone at `panel` (the pitfalls every record shares are
    in `before`)."""
    record = typed.record
    title = panel.title
    result = []
    existing = existing_record(record)
    if existing is not None:
        result.append(existing)
    if record.type == "MX":
        if panel.blank_mx_priority is not None:
            result.append(Phrase("advice.priority-blank-default", priority=record.priority, panel=title,
                                 blank=panel.blank_mx_priority))
        elif panel.mx_priority is None and not panel.zone_editor:
            result.append(Phrase("advice.priority-without-field", value=f"{record.priority} {record.value}"))
    if record.type == "TXT":
        if typed.too_long:
            result.append(Phrase("advice.txt-too-long-for-panel", length=len(record.value), panel=title,
                                 limit=panel.max_txt_chars))
        elif len(record.value) > TXT_CHUNK_BYTES and not panel.txt_quoted:
            result.append(Phrase("advice.txt-long", length=len(record.value), limit=TXT_CHUNK_BYTES))
    return tuple(result)


def context(identities: Sequence[Identity], dns_host: str | None, lang: str | None,
            rerun: Sequence[str] | None = None) -> dict:
    """What an instructions template lays out (Markdown here, HTML in formats/html.py):

    - `guide`: the Guide, in the order the document shows it: title, intro, where, before_heading
      and before ("before you start": each pitfall once), sections (each with notes and steps: a
      step's title, fields and advice), finish (at the panel, after the last step) and check
      (run + commands: `ses-export ... --check`; by_hand + lookups: a dig and an nslookup line per
      record with the answer to expect; wait);
    - `words`: the sentences of the language, for md_phrase / html_phrase.
    """
    lang = lang or "en"
    document = guide(identities, panels.panel(dns_host), lang, rerun, lang)
    return {"guide": document, "words": _words(lang)}


def index_context(summaries: Sequence[Summary], dns_host: str | None, lang: str | None,
                  rerun: Sequence[str] | None = None) -> dict:
    """`context` for the index page of -o FOLDER/ (`index`), from the identities' summaries."""
    lang = lang or "en"
    return {"guide": index(summaries, panels.panel(dns_host), lang, rerun, lang), "words": _words(lang)}


def _words(lang: str) -> Sentences:
    from .text import catalogue

    words = catalogue(lang)
    # Sentences: each phrase the document says many times (a pitfall, a record's title) written once
    return Sentences({**words.GUIDE, **words.NOTICES})
