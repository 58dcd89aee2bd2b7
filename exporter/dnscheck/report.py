"""The --check report: a table for people, or one JSON object (docs/check.md, docs/check.schema.json).

The words come from the language's catalogue (exporter/text/LANG.py, CHECK), so a Japanese table is
Japanese throughout; the JSON keeps the machine-readable cause codes and statuses. Everything that
came from DNS or SES passes through filters.terminal_text before it reaches the table, and the JSON
goes through filters.json_text, as the render layer's JSON does.

A result (exporter/dnscheck/run.py CheckResult) carries identity, zone, servers (each with
.label, .answered, .why) and findings (compare.Finding). Both renderers take an iterable and
produce their text one identity at a time, so thousands of identities need not be held at once.
"""

from __future__ import annotations

import datetime
import json
import re
import string
import unicodedata

from .. import filters
from ..errors import EXIT_CHECK_FAILED, EXIT_OK
from ..text import catalogue
from . import compare

MAX_CELL = 100  # wider values (a BYODKIM key) are shortened in the middle; JSON keeps them whole
COLOURS = {compare.OK: "32", compare.MISSING: "33", compare.WRONG: "31"}  # green, yellow, red
JSON_INDENT = "  "


def words(lang: str) -> dict[str, str]:
    return catalogue(lang).CHECK


def is_right(result) -> bool:
    """Every record ok and every server answered (a dead name server is an outage)."""
    return result.all_right


def exit_status(results) -> int:
    """0 when every record is ok on every server, 1 otherwise (docs/usage.md, "Exit status")."""
    return EXIT_OK if all(is_right(result) for result in results) else EXIT_CHECK_FAILED


# --- sentences -----------------------------------------------------------------------------

def _blanks(finding: compare.Finding, zone: str, lang: str) -> dict:
    text = words(lang)
    detail = dict(finding.detail)
    servers = detail.pop("only_on", None)
    per_server = detail.pop("per_server", None)
    values = {
        "name": finding.name,
        "host": compare.host_of(finding.name, zone),
        "type": finding.type,
        "value": finding.value,
        "zone": filters.no_final_dot(zone),
        "servers": text["label.separator"].join(servers) if servers else "",
    }
    if per_server:
        values["servers"] = text["label.separator"].join(
            text["label.server_state"].format(server=server, state=_state(status, cause, text))
            for server, status, cause in per_server)
    values.update({key: str(value) for key, value in detail.items()})
    return values


def _state(status: str, cause: str | None, text: dict) -> str:
    state = text[f"status.{status}"]
    return f"{state} ({text[f'cause.{cause}']})" if cause else state


def fix_sentence(finding: compare.Finding, zone: str, lang: str) -> str | None:
    if finding.fix is None:
        return None
    text = words(lang)
    blanks = _blanks(finding, zone, lang)
    sentence = _fill(text[f"fix.{finding.fix}"], blanks)
    if finding.detail.get("only_on"):
        sentence = _fill(text["only_on"], blanks) + sentence
    return sentence


def note_sentence(finding: compare.Finding, zone: str, lang: str) -> str | None:
    if finding.note is None:
        return None
    return _fill(words(lang)[f"note.{finding.note}"], _blanks(finding, zone, lang))


def _fill(template: str, blanks: dict) -> str:
    """str.format with every blank the template names; a blank the finding lacks stays empty."""
    names = {name for _, name, _, _ in string.Formatter().parse(template) if name}
    return template.format(**{name: blanks.get(name, "") for name in names})


# --- JSON ----------------------------------------------------------------------------------

def finding_json(finding: compare.Finding, zone: str, lang: str) -> dict:
    return {
        "name": finding.name,
        "type": finding.type,
        "purpose": finding.purpose,
        "status": finding.status,
        "cause": finding.cause,
        "expected": list(finding.expected),
        "found": {server: list(values) for server, values in finding.found.items()},
        "fix": fix_sentence(finding, zone, lang),
        "note": note_sentence(finding, zone, lang),
    }


def identity_json(result, lang: str) -> dict:
    identity = result.identity
    return {
        "domain": identity.domain,
        "zone": result.zone,
        "zone_note": zone_note(result, words(lang)),
        "servers": [{"server": s.label, "answered": bool(s.answered), "why": why_text(s.why, lang) if s.why is not None else None,
                     "fix": server_fix(s, result.zone, lang)} for s in result.servers],
        "ses": {
            "source": identity.source,
            "region": identity.region,
            "dkim_status": identity.dkim_status,
            "mail_from_status": identity.mail_from_status,
            "verification_status": identity.verification_status,
            "verification_error": identity.verification_error,
        },
        "ok": is_right(result),
        "findings": [finding_json(f, result.zone, lang) for f in result.findings],
    }


def _identity_text(result, lang: str) -> str:
    """One identity of the JSON report: its facts on one line, then one line per finding."""
    whole = identity_json(result, lang)
    findings = whole.pop("findings")
    head = _json_line(whole)[:-1] + ', "findings": ['
    if not findings:
        return head + "]}"
    inner = "\n" + JSON_INDENT * 3
    return head + inner + ("," + inner).join(map(_json_line, findings)) + "\n" + JSON_INDENT * 2 + "]}"


def _line_encoder():
    """filters.json_line's text (json.dumps with ensure_ascii=False) of a report line: seven lines an identity.
    JSONEncoder.encode makes a new C encoder for every value it writes; this one is made once, and without
    the check for circular references (a report line is a few plain dicts and lists, made here)."""
    encoder = json.JSONEncoder(ensure_ascii=False, check_circular=False)
    make = getattr(json.encoder, "c_make_encoder", None)  # None where Python was built without the C accelerator
    if make is None:
        return encoder.encode
    chunks = make(None, encoder.default, json.encoder.encode_basestring, None, encoder.key_separator,
                  encoder.item_separator, False, False, True)  # as JSONEncoder.iterencode makes it for encode()
    return lambda value: "".join(chunks(value, 0))


_json_line = _line_encoder()


def render_json(results, lang: str, checked_at: str | None = None, only_problems: bool = False) -> str:
    """The one JSON object of docs/check.md (docs/check.schema.json)."""
    return _whole(Stream("json", lang, only_problems=only_problems, checked_at=checked_at), results)


def now() -> str:
    """The time of the check, UTC, to the second (RFC 3339)."""
    return datetime.datetime.now(datetime.timezone.utc).replace(microsecond=0).isoformat().replace("+00:00", "Z")


# --- streaming -----------------------------------------------------------------------------

class Stream:
    """The report written one identity at a time (exporter/dnscheck/run.py streams the results):
    `begin()`, then `add(result)` for each, then `end()`; joined, they are the whole report.

    kind is "table" or "json". With only_problems, identities that are all right are left out;
    the summary (the table's last line when there are several identities, the JSON's "summary")
    still counts them."""

    def __init__(self, kind: str, lang: str, live: bool = False, colour: bool = False,
                 only_problems: bool = False, checked_at: str | None = None):
        self.kind, self.lang, self.live, self.colour = kind, lang, live, colour
        self.only_problems = only_problems
        self.checked_at = checked_at
        self.count = self.right = self.listed = 0

    def begin(self) -> str:
        if self.kind != "json":
            return ""
        return ("{\n" + f'{JSON_INDENT}"checked_at": {json.dumps(self.checked_at or now())},\n'
                f'{JSON_INDENT}"identities": [')

    def add(self, result) -> str:
        self.count += 1
        right = is_right(result)
        self.right += right
        if self.only_problems and right:
            return ""
        self.listed += 1
        if self.kind == "json":
            return ("," if self.listed > 1 else "") + "\n" + JSON_INDENT * 2 + _identity_text(result, self.lang)
        return ("\n" if self.listed > 1 else "") + _block(result, self.lang, self.live, self.colour)

    def end(self) -> str:
        if self.kind == "json":
            summary = {"identities": self.count, "all_right": self.right, "with_problems": self.count - self.right}
            return (("\n" + JSON_INDENT) if self.listed else "") + f"],\n{JSON_INDENT}\"summary\": " + \
                json.dumps(summary) + "\n}\n"
        if self.count > 1 or self.only_problems:
            key = "label.summary_one" if self.count == 1 else "label.summary_many"  # not "1 identities"
            return ("\n" if self.listed else "") + words(self.lang)[key].format(
                count=self.count, right=self.right, problems=self.count - self.right) + "\n"
        return ""


def _whole(stream: Stream, results) -> str:
    return stream.begin() + "".join(stream.add(result) for result in results) + stream.end()


def render_table(results, lang: str, live: bool, colour: bool = False, only_problems: bool = False) -> str:
    """The table, one block per identity; with several identities, a summary line last."""
    return _whole(Stream("table", lang, live, colour, only_problems), results)


# --- table ---------------------------------------------------------------------------------

def _block(result, lang: str, live: bool, colour: bool) -> str:
    text = words(lang)
    lines = [_header(result, text, live)]
    rows: list[tuple[str | None, str, str, str, list[str], list[str]]]
    rows = [(None, text["label.status"], text["label.type"], text["label.name"], [text["label.expected"]],
             [text["label.found"]])]
    notes: list[str | None] = []
    for f in result.findings:
        rows.append((f.status, text[f"status.{f.status}"], f.type, f.name,
                     list(f.expected) or [text["label.nothing_belongs"]], _found_cells(f, text)))
        sentence = fix_sentence(f, result.zone, lang) or note_sentence(f, result.zone, lang)
        notes.append(f"{text[f'cause.{f.cause}']}: {sentence}" if f.cause and sentence else sentence)
    widths = [max(_width(_cell(v)) for row in rows for v in _values(row[i])) for i in range(1, 6)]
    for index, row in enumerate(rows if result.findings else []):  # no findings: no server answered
        for line_no in range(max(len(row[4]), len(row[5]))):
            cells = [row[1], row[2], row[3]] if line_no == 0 else ["", "", ""]
            cells += [column[line_no] if line_no < len(column) else "" for column in (row[4], row[5])]
            padded = [_pad(_cell(c), w) for c, w in zip(cells, widths)]
            if colour and row[0] is not None and line_no == 0:
                padded[0] = f"\x1b[{COLOURS[row[0]]}m{padded[0]}\x1b[0m"
            lines.append("  ".join(padded).rstrip())
        note = notes[index - 1] if index > 0 else None
        if note:
            lines.append(" " * (widths[0] + 2) + "-> " + filters.terminal_text(note))
    for server in result.servers:
        if not server.answered:
            lines.append(filters.terminal_text(text["label.not_asked"].format(
                server=server.label, reason=why_text(server.why, lang))))
            fix = server_fix(server, result.zone, lang)
            if fix:
                lines.append("    -> " + filters.terminal_text(fix))
    counts = {s: sum(f.status == s for f in result.findings) for s in compare.STATUSES}
    lines.append(text["label.summary"].format(**counts))
    return "\n".join(lines) + "\n"


# The reasons exporter/dnscheck/ask.py gives for a server that did not answer, as catalogue keys, so
# the table says them in its language; a reason of another form is shown as it is.
WHY = (
    (re.compile(r"(?P<name>\S+) timed out after (?P<seconds>[\d.]+) s \(it stopped answering earlier in this "
                r"check\)"), "why.down"),
    (re.compile(r"(?P<name>\S+) timed out after (?P<seconds>[\d.]+) s"), "why.timeout"),
    (re.compile(r"(?P<name>\S+) answered REFUSED: not authoritative for the zone"), "why.refused"),
    (re.compile(r"(?P<name>\S+) answered (?P<rcode>[A-Z0-9]+)"), "why.rcode"),
    (re.compile(r"(?P<name>\S+) was not authoritative \(a referral or a lame delegation\)"), "why.lame"),
    (re.compile(r"(?P<name>\S+) failed (?P<detail>.*)"), "why.failed"),
)


def server_fix(server, zone: str, lang: str) -> str | None:
    """What to do about a server that did not answer: a dead or lame one in the zone's NS set is
    removed at the registrar (or brought back); one named with --nameserver is checked."""
    key = getattr(server, "fix", None)
    return words(lang)[key].format(zone=filters.no_final_dot(zone)) if key else None


def why_text(why: str | None, lang: str) -> str:
    """Why a server did not answer, in the report's language when the reason is a known one."""
    if not why:
        return ""
    for pattern, key in WHY:
        match = pattern.fullmatch(why)
        if match:
            return words(lang)[key].format(**match.groupdict())
    return why


def _found_cells(finding: compare.Finding, text: dict) -> list[str]:
    """What was found; when the servers differ, each value labelled with who served it."""
    per_server = {tuple(values) for values in finding.found.values()}
    if len(per_server) <= 1:
        return list(finding.values) or [text["label.none"]]
    cells = []
    for server, values in finding.found.items():
        cells += [f"{server}: {value}" for value in values] or [f"{server}: {text['label.none']}"]
    return cells


def _header(result, text, live: bool) -> str:
    identity = result.identity
    none = text["label.none"]
    head = text["label.checked"].format(domain=filters.display_name(identity.domain), region=identity.region or none,
                                        zone=filters.no_final_dot(result.zone),
                                        servers=text["label.separator"].join(s.label for s in result.servers))

    def ses(value):
        return text.get(f"ses.{value}", value) if value else none

    statuses = text["label.ses_statuses"].format(dkim=ses(identity.dkim_status),
                                                 mail_from=ses(identity.mail_from_status),
                                                 verification=ses(identity.verification_status))
    if identity.verification_error:
        statuses += text["label.ses_error"].format(error=ses(identity.verification_error))
    where = (text["label.ses_live"].format(region=identity.region or none) if live
             else text["label.ses_saved"].format(source=identity.source))
    lines = [filters.terminal_text(head), filters.terminal_text(f"{where}: {statuses}")]
    note = zone_note(result, text)
    if note:
        lines.append(filters.terminal_text(note))
    return "\n".join(lines)


def zone_note(result, text: dict) -> str | None:
    """When the zone found in DNS differs from the one assumed, that, in the catalogue's language."""
    if result.zone == result.identity.zone:
        return None
    return text["label.zone_note"].format(domain=filters.no_final_dot(result.identity.domain),
                                          zone=filters.no_final_dot(result.zone),
                                          assumed=filters.no_final_dot(result.identity.zone))


def _values(cell) -> list[str]:
    return cell if isinstance(cell, list) else [cell]


def _cell(value: str) -> str:
    """One table cell: terminal-safe and, when very long, shortened in the middle."""
    value = filters.terminal_text(value)
    if len(value) > MAX_CELL:
        keep = (MAX_CELL - 3) // 2
        value = value[:keep] + "..." + value[-keep:]
    return value


def _width(text: str) -> int:
    """Columns on a terminal: East Asian wide characters (Japanese headings) take two."""
    if text.isascii():
        return len(text)
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
