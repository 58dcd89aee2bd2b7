"""The --check report: a table for people, or the JSON list of docs/check.md.

Everything that came from DNS or SES passes through filters.terminal_text before it reaches
the table, and the JSON goes through filters.json_text, as the render layer's JSON does.
"""

from __future__ import annotations

import unicodedata

from .. import filters
from ..errors import EXIT_CHECK_FAILED, EXIT_OK
from . import compare
from .words import FIXES, LABELS

MAX_CELL = 100  # wider values (a BYODKIM key) are shortened in the middle; JSON keeps them whole
COLOURS = {compare.OK: "32", compare.MISSING: "33", compare.WRONG: "31"}  # green, yellow, red


def exit_status(results) -> int:
    """0 when every record is ok and every server answered, 1 otherwise (docs/usage.md, "Exit status")."""
    return EXIT_OK if all(r.all_right for r in results) else EXIT_CHECK_FAILED


def fix_sentence(finding: compare.Finding, zone: str, lang: str) -> str | None:
    if finding.fix is None:
        return None
    record = finding.record
    return FIXES[lang][finding.fix].format(
        name=record.name,
        host=compare.host(record, zone),
        type=record.type,
        # An MX is typed with its priority: "10 feedback-smtp...", as every fix shows it (issue 12, 13).
        value=f"{record.priority} {record.value}" if record.type == "MX" else record.value,
        zone=filters.no_final_dot(zone),
        found_at=finding.detail.get("found_at", ""),
        servers=finding.detail.get("servers", ""),
    )


def render_json(results, lang: str) -> str:
    """[{"name", "type", "expected", "found", "status", "cause", "fix"}] for every record checked."""
    return _whole(Stream("json", lang), results)


def json_entries(result, lang: str) -> list[dict]:
    """The JSON entries of one identity: its findings, then one per server that did not answer."""
    entries = [f.as_json(fix_sentence(f, result.zone, lang)) for f in result.findings]
    for server in result.servers:
        if not server.answered:
            entries.append({"name": server.label, "type": None, "expected": [], "found": [],
                            "status": "no-answer", "cause": "server-not-answering", "fix": server.why})
    return entries


class Stream:
    """The report written one identity at a time (exporter/check/run.py streams results):
    `begin()`, then `add(result)` for each, then `end()`; joined, they are the whole report."""

    def __init__(self, kind: str, lang: str, live: bool = False, colour: bool = False):
        self.kind, self.lang, self.live, self.colour = kind, lang, live, colour
        self.count = 0  # identities added
        self.entries = 0  # JSON entries written

    def begin(self) -> str:
        return ""

    def add(self, result) -> str:
        self.count += 1
        if self.kind == "json":
            parts = []
            for entry in json_entries(result, self.lang):
                item = "\n".join("  " + line for line in filters.json_text(entry).splitlines())
                parts.append(("[\n" if self.entries == 0 else ",\n") + item)
                self.entries += 1
            return "".join(parts)
        block = _table_block(result, self.lang, self.live, self.colour)
        return block if self.count == 1 else "\n" + block

    def end(self) -> str:
        if self.kind == "json":
            return "\n]\n" if self.entries else "[]\n"
        return ""


def _whole(stream: Stream, results) -> str:
    return stream.begin() + "".join(stream.add(r) for r in results) + stream.end()


def render_table(results, lang: str, live: bool, colour: bool = False) -> str:
    return _whole(Stream("table", lang, live, colour), results)


def _table_block(result, lang: str, live: bool, colour: bool) -> str:
    words = LABELS[lang]
    lines = [_header(result, words, live)]
    if result.zone_note:
        lines.append(filters.terminal_text(result.zone_note))
    rows = [(words["status"], words["type"], words["name"], [words["expected"]], [words["found"]])]
    notes = []
    for f in result.findings:
        rows.append((f.status, f.record.type, f.record.name, list(f.expected), list(f.found) or [words["none"]]))
        sentence = fix_sentence(f, result.zone, lang)
        notes.append(f"{f.cause}: {sentence}" if f.cause and sentence else sentence)
    widths = [max(_width(_cell(v)) for row in rows for v in _values(row[i])) for i in range(5)]
    for index, row in enumerate(rows if result.findings else []):
        for line_no in range(max(len(row[3]), len(row[4]))):
            cells = [row[i] if line_no == 0 else "" for i in range(3)]
            cells += [row[i][line_no] if line_no < len(row[i]) else "" for i in (3, 4)]
            text = [_pad(_cell(c), w) for c, w in zip(cells, widths)]
            if colour and index > 0 and line_no == 0:
                text[0] = f"\x1b[{COLOURS[row[0]]}m{text[0]}\x1b[0m"
            lines.append("  ".join(text).rstrip())
        if index > 0 and notes[index - 1]:
            lines.append(" " * (widths[0] + 2) + "-> " + filters.terminal_text(notes[index - 1]))
    for server, reason in result.failures.items():
        lines.append(words["not_asked"].format(server=server, reason=filters.terminal_text(reason)))
    counts = {s: sum(f.status == s for f in result.findings) for s in (compare.OK, compare.MISSING, compare.WRONG)}
    lines.append(words["summary"].format(**counts))
    return "\n".join(lines) + "\n"


def _header(result, words, live: bool) -> str:
    identity = result.identity
    head = words["checked"].format(domain=filters.display_name(identity.domain),
                                   zone=filters.no_final_dot(result.zone),
                                   servers=", ".join(s.label for s in result.servers))
    none = words["none"]
    statuses = words["ses_statuses"].format(dkim=identity.dkim_status or none,
                                            mail_from=identity.mail_from_status or none,
                                            verification=identity.verification_status or none)
    if identity.verification_error:
        statuses += ", " + words["ses_error"].format(error=identity.verification_error)
    where = (words["ses_live"].format(region=identity.region or none) if live
             else words["ses_saved"].format(source=identity.source))
    return filters.terminal_text(head) + "\n" + filters.terminal_text(f"{where}: {statuses}")


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
    return sum(2 if unicodedata.east_asian_width(c) in "WF" else 1 for c in text)


def _pad(text: str, width: int) -> str:
    return text + " " * (width - _width(text))
