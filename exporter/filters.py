"""Escaping and splitting for each output syntax: the only place values are escaped.

Each function is registered as a Jinja2 filter under its own name (see FILTERS) and has its
own tests; templates never escape by hand.
"""

from __future__ import annotations

import csv
import io
import json
import re
from functools import cache, lru_cache

from .existing import existing_record
from .names import relative, to_unicode

TXT_CHUNK_BYTES = 255  # RFC 1035: a character-string is one length octet and at most 255 octets


def txt_chunks(value: str, size: int = TXT_CHUNK_BYTES) -> list[str]:
    """Split TXT text into character-strings of at most `size` bytes (ASCII in, so never mid-character)."""
    data = value.encode("ascii")
    if not data:
        return [""]
    return [data[i : i + size].decode("ascii") for i in range(0, len(data), size)]


@lru_cache(maxsize=1024)  # the same SPF and DMARC texts for thousands of identities
def bind_txt(value: str) -> str:
    """TXT rdata for a zone file: quoted character-strings, `"` and `\\` escaped, split at 255 bytes.

    Split first, then escape, so an escape never straddles two strings and each string
    still holds at most 255 bytes once the zone file is read back.
    """
    return " ".join('"' + chunk.replace("\\", "\\\\").replace('"', '\\"') + '"' for chunk in txt_chunks(value))


def json_text(value: object) -> str:
    """JSON with non-ASCII kept readable; the data is already A-labels and ASCII TXT.

    The text of json.dumps(value, indent=2, ensure_ascii=False), made faster: with an indent, the
    json module encodes in pure Python, value by value (seconds for 10,000 identities); here the
    containers are laid out in Python and their flat contents encoded by its C encoder."""
    try:
        return _json_block(value, "\n")
    except _NotPlainJson:
        return json.dumps(value, indent=2, ensure_ascii=False)


def json_line(value: object) -> str:
    """JSON on one line, non-ASCII kept readable: for reports laid out one item per line, where
    json_text's indentation would cost the pure-Python encoder (the --check report of thousands)."""
    return json.dumps(value, ensure_ascii=False)


class _NotPlainJson(Exception):
    """A key that is not text: left to the json module's own indenting."""


_JSON_SCALARS = frozenset({str, int, float, bool, type(None)})


def _json_block(value: object, newline: str) -> str:
    """`value` as json.dumps(indent=2) writes it at the depth where `newline` starts a line."""
    kind = type(value)
    if kind is str and isinstance(value, str):  # (isinstance for the type checker)
        return _json_str(value)
    if kind is int and isinstance(value, int):
        return int.__repr__(value)
    if kind in _JSON_SCALARS:
        return _json_encoder("")(value)
    inner = newline + "  "
    if isinstance(value, (list, tuple)):
        if not value:
            return "[]"
        if len(value) > _JSON_FEW and _json_plain(value):
            return "".join(["[", inner, _json_encoder(inner)(value)[1:-1], newline, "]"])
        if len(value) > 1 and all(type(item) is dict and item and _json_plain(item.values()) for item in value):
            # Rows of one level (records): one C call for the whole list, its items' separator
            # (the only place "}," comes before a line break: strings hold no raw line break)
            # then laid out as each row's end and the next one's start.
            fields = inner + "  "
            rows = _json_encoder(fields)(value)[2:-2].replace("}," + fields + "{", inner + "}," + inner + "{" + fields)
            return "".join(["[", inner, "{", fields, rows, inner, "}", newline, "]"])
        return "".join(["[", inner, ("," + inner).join([_json_block(item, inner) for item in value]), newline, "]"])
    if isinstance(value, dict):
        if not value:
            return "{}"
        keyed = _JSON_TEXT.issuperset(map(type, value))  # every key a str
        if (len(value) > _JSON_FEW or not keyed) and _json_plain(value.values()):
            return "".join(["{", inner, _json_encoder(inner)(value)[1:-1], newline, "}"])
        if not keyed:
            raise _NotPlainJson
        # One join, not a chain of +: each + copied the whole text so far (tens of MB for 10,000 identities).
        parts = ["{", inner]
        for key, item in value.items():
            parts += [_json_key(key), _json_block(item, inner), "," + inner]
        parts[-1] = newline + "}"
        return "".join(parts)
    return _json_encoder("")(value)


def _json_plain(values) -> bool:
    """Whether the C encoder writes each of `values` as the indenting one does: plain values, and
    empty lists and objects ([] and {} either way)."""
    return _JSON_SCALARS.issuperset(map(type, values)) or all(
        type(item) in _JSON_SCALARS or (type(item) in _JSON_EMPTY and not item) for item in values)


_JSON_EMPTY = frozenset({list, tuple, dict})
_JSON_TEXT = frozenset({str})
# Up to this many items, a container is laid out item by item: starting the C encoder costs more.
_JSON_FEW = 8


@lru_cache(maxsize=64)
def _json_encoder(inner: str):
    """The C encoder, each item of a container on a line of its own (`inner` starts each)."""
    return json.JSONEncoder(ensure_ascii=False, separators=("," + inner, ": ")).encode


@lru_cache(maxsize=256)
def _json_key(key: str) -> str:
    return _json_str(key) + ": "


_json_str = json.encoder.encode_basestring  # what the encoders write for a str (ensure_ascii=False)


JSON_FORMAT_VERSION = 1  # docs/json.schema.json: rises when a field is removed or changes its meaning


def json_document(identities) -> str:
    """The JSON contract (docs/json.schema.json): {"format_version": 1, "identities": [...], "records": [...]}
    for one identity or many."""
    return json_text(
        {
            "format_version": JSON_FORMAT_VERSION,
            "identities": [identity.as_json() for identity in identities],
            "records": [record.as_json() for identity in identities for record in identity.records],
        }
    )


def no_final_dot(name: str) -> str:
    """A name as people type it (headers, comments): never used for a value."""
    return name[:-1] if name.endswith(".") else name


def display_name(fqdn: str) -> str:
    """A name for people reading a comment: 'example.com', or 'xn--wgv71a119e.jp (日本語.jp)'."""
    ascii_name = no_final_dot(fqdn)
    unicode_name = no_final_dot(to_unicode(fqdn))
    return ascii_name if unicode_name == ascii_name else f"{ascii_name} ({unicode_name})"


# What makes a spreadsheet read a cell as a formula (OWASP, "CSV Injection"): =, +, -, @, and tab
# or carriage return before them (Excel and LibreOffice skip those when looking for a formula).
CSV_FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r")
# An SES v1 verification token (model._VERIFICATION_TOKEN): the one value the tool writes that can start
# with '+'. It ends with '=', an operator without an operand, so no spreadsheet can run it as a formula.
_TOKEN = r"\+[A-Za-z0-9+/]{42}="


def csv_cell(value: object) -> str:
    """A CSV field's text, exactly the value (an importer publishes what it reads): None is empty.
    Text that a spreadsheet could run as a formula is refused instead of altered (an apostrophe in
    front is kept as part of the value by LibreOffice, pandas and the csv module: docs/formats.md);
    the tool's own values never start so, except a verification token, which cannot run."""
    if value is None:
        return ""
    if not isinstance(value, str):  # a number (priority, TTL) is a value, never a formula
        return str(value)
    if value.startswith(CSV_FORMULA_STARTS) and not re.fullmatch(_TOKEN, value):
        from .errors import InputError
        from .phrase import Phrase

        raise InputError(Phrase("error.csv-formula", value=repr(value[:60])))
    return value


def _csv_quoted(text: str) -> bool:
    """Whether the csv module quotes a field for `text`'s characters, besides the delimiter (scans in
    C: faster than a regular expression, which also cost 0.5 M instructions to compile at start-up)."""
    return '"' in text or "\r" in text or "\n" in text


def csv_row(fields) -> str:
    """One CSV line (no line end): each field through csv_cell, then the csv module's quoting of
    `"`, `,` and newlines."""
    # Text that cannot be a formula is its own cell (csv_cell's answer, without a call per field);
    # a line with nothing to quote is the fields joined by commas, as the writer writes it (a file
    # of 10,000 identities has 60,000 rows).
    cells = [field if type(field) is str and not field.startswith(CSV_FORMULA_STARTS) else csv_cell(field)
             for field in fields]
    line = ",".join(cells)
    if len(cells) > 1:
        if line.count(",") == len(cells) - 1 and not _csv_quoted(line):
            return line
        # The csv module's minimal quoting, without a writer and a buffer per line (an SPF or DMARC
        # value in each of 10,000 identities): a cell holding a comma, a quote or a line end is
        # quoted, its quotes doubled. (A row of one cell is left to the writer: it quotes an empty one.)
        return ",".join([f'"{cell.replace(chr(34), chr(34) * 2)}"' if "," in cell or _csv_quoted(cell) else cell
                         for cell in cells])
    buffer = io.StringIO()
    # "\r\n" as the terminator makes the writer quote a field holding either character.
    csv.writer(buffer, lineterminator="\r\n").writerow(cells)
    return buffer.getvalue()[: -len("\r\n")]


def md_code(value: object) -> str:
    """A Markdown (CommonMark) code span that shows `value` exactly, backticks included.

    The fence is one backtick longer than the longest run inside, and a space pads each side
    when the text starts or ends with a backtick or would lose its own edge spaces
    (CommonMark strips one space from each side of a code span).
    """
    text = str(value)
    if not text or "\n" in text or "\r" in text:
        raise ValueError(f"md_code: {text!r} cannot be shown as one code span")
    if "`" not in text and not (text[0] == " " and text[-1] == " "):
        return f"`{text}`"  # most values (names, records): one backtick, no padding
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    edge_spaces = text.startswith(" ") and text.endswith(" ") and text.strip(" ")
    pad = " " if text.startswith("`") or text.endswith("`") or edge_spaces else ""
    return f"{fence}{pad}{text}{pad}{fence}"


# Characters that start inline Markdown: emphasis, code, links, images, HTML, entities,
# GFM strikethrough and table cells; a backslash before any ASCII punctuation is literal.
_MD_INLINE = str.maketrans({char: "\\" + char for char in "\\`*_[]<>!&~|"})


def md_text(value: object) -> str:
    """Plain text placed inside a Markdown line (not at its start), shown as it is."""
    text = str(value)
    if not text.isprintable():  # every line break is unprintable: only then can there be lines to join
        text = " ".join(text.splitlines())
    return text.translate(_MD_INLINE)


def md_code_block(lines, info: str = "") -> str:
    """A fenced code block (CommonMark) that shows each of `lines` exactly, `info` naming its language.

    The fence is longer than any run of backticks inside, so no line can close it early.
    """
    lines = [str(line) for line in lines]
    body = "\n".join(lines)  # one pass over all the lines (a section of 10,000 holds 120,000)
    if "\r" in body or body.count("\n") != max(len(lines) - 1, 0) or "`" in info or "\n" in info:
        raise ValueError(f"md_code_block: {lines!r} cannot be shown as lines of one block")
    longest = max((len(run) for run in re.findall(r"`+", body)), default=0) if "`" in body else 0
    fence = "`" * max(3, longest + 1)
    return "\n".join([fence + info, body, fence]) if lines else "\n".join([fence + info, fence])


def md_lookup_lines(lookups) -> list[str]:
    """The shell lines of verify.Lookups, for md_code_block: each dig line with the answer to expect
    after `#`, then its nslookup line (a list made in one pass: a template's `set ns.lines = ns.lines +
    [...]` copies the list at every record, quadratic at thousands of identities)."""
    return [line for found in lookups for line in (f"{found.dig} # {found.shown}", found.nslookup)]


# What GitHub's heading anchors drop (github-slugger): all but letters, digits, marks, '_', '-' and spaces.
_NOT_IN_ANCHOR = re.compile(r"[^\w\- ]", re.UNICODE)


def md_anchors(headings) -> list[str]:
    """The link targets (#...) that Markdown renderers (GitHub, GitLab) give these headings, in order:
    lowercase, punctuation dropped, spaces made '-', and -1, -2 after a repeated one."""
    seen: dict[str, int] = {}
    anchors = []
    for heading in headings:
        slug = _NOT_IN_ANCHOR.sub("", str(heading).lower()).replace(" ", "-")
        count = seen.get(slug, 0)
        seen[slug] = count + 1
        anchors.append(f"{slug}-{count}" if count else slug)
    return anchors


def md_phrase(phrase, words) -> str:
    """A catalogue sentence (exporter/text/) in Markdown: its own markup as written, each value
    through md_code ({name:code}) or md_text ({name})."""
    lazy = _lazy()
    return lazy.compose(phrase, words, lazy.markdown, _remembered(words, "markdown"))


@lru_cache(maxsize=1)
def _lazy():
    """exporter/phrase.py (compose, Kind and the two output kinds) and markupsafe's Markup, imported
    when a sentence is first written (the formats without sentences start without them), then at no
    cost per sentence. The html kind writes plain str: a Markup is made once, for the whole text."""
    from types import SimpleNamespace

    from markupsafe import Markup, escape

    from .phrase import Kind, _compiled, compose

    return SimpleNamespace(compose=compose, Kind=Kind, Markup=Markup, escape=escape, compiled=_compiled,
                           markdown=Kind(markup=str, code=md_code, text=md_text),
                           html=Kind(markup=html_markup, code=_html_code, text=_html_text))


def _remembered(words, kind: str) -> dict | None:
    """What `kind` wrote from `words` so far, where `words` keeps it (phrase.Sentences)."""
    remembered = getattr(words, "remembered", None)
    return remembered(kind) if remembered is not None else None


# --- HTML -------------------------------------------------------------------------------------
# Values are escaped here once and returned as markupsafe.Markup, so that a template with
# autoescape on does not escape them again. markupsafe comes with Jinja2; imported when used.


def _html_escape(text: str) -> str:
    # str.replace, '&' first: the same text as a look-up per character, at a tenth of its time
    # (an html page of 10,000 identities escapes millions of characters).
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&quot;")


def html_text(value: object):
    """Plain text inside HTML content or a double-quoted attribute, shown as it is."""
    return _lazy().Markup(_html_text(value))


def html_code(value: object):
    """A value to copy exactly, as an HTML <code> element."""
    return _lazy().Markup(_html_code(value))


def _html_text(value: object) -> str:
    return _html_escape(str(value))


def _html_code(value: object) -> str:
    return f"<code>{_html_escape(str(value))}</code>"


# The inline markup a catalogue sentence may use: **strong**, a `code` span (single backticks)
# and a backslash before ASCII punctuation, as CommonMark reads them. A bare `<` or `&` would be
# raw HTML or an entity to Markdown: a sentence writes \< and \& instead.
_MARKUP = re.compile(r"\\([!-/:-@\[-`{-~])|\*\*|`([^`]+)`(?!`)|([`\\<&])")


def html_markup(text: str) -> str:
    """A catalogue sentence's own words (Markdown inline subset) as HTML; the rest escaped.

    Bold and code must open and close within `text`, and a bare `<` or `&` is refused: a sentence
    never means one thing in Markdown and another in HTML.
    """
    out, strong, end = [], False, 0
    for match in _MARKUP.finditer(text):
        out.append(_html_escape(text[end : match.start()]))
        end = match.end()
        escaped, code, stray = match.groups()
        if stray:
            raise ValueError(f"html_markup: {text!r} has an unmatched {stray!r}")
        if escaped:
            out.append(_html_escape(escaped))
        elif code is not None:
            out.append(f"<code>{_html_escape(code)}</code>")
        else:
            out.append("</strong>" if strong else "<strong>")
            strong = not strong
    if strong:
        raise ValueError(f"html_markup: {text!r} opens ** without closing it")
    out.append(_html_escape(text[end:]))
    return "".join(out)


def plain_markup(text: str) -> str:
    """A catalogue sentence's own words (Markdown inline subset) as plain text for a comment or a
    cell: bold marks and code backticks dropped, backslash escapes undone; a bare `<` or `&` is
    refused, as in html_markup."""
    out, end = [], 0
    for match in _MARKUP.finditer(text):
        out.append(text[end : match.start()])
        end = match.end()
        escaped, code, stray = match.groups()
        if stray:
            raise ValueError(f"plain_markup: {text!r} has an unmatched {stray!r}")
        out.append(escaped or code or "")
    out.append(text[end:])
    return "".join(out)


def existing_record_note(record) -> str:
    """What to do where the record's name already holds one of its kind (exporter/existing.py: keep
    an existing DMARC record, merge SPF), as one line of English plain text for the formats that are
    not localized (a bind or HCL comment, a CSV cell); '' for the others."""
    phrase = existing_record(record)
    return "" if phrase is None else _existing_note(phrase)


@cache
def _existing_note(phrase) -> str:
    """existing_record_note's line for one sentence, composed once per run (a handful of sentences,
    each said beside thousands of records)."""
    from .phrase import Kind, compose
    from .text import catalogue

    text = compose(phrase, catalogue("en").GUIDE, Kind(markup=plain_markup, code=str, text=str))
    if not text.isprintable():
        raise ValueError(f"existing_record_note: {text!r} is not one line of printable text")
    return text


def html_phrase(phrase, words):
    """A catalogue sentence (exporter/text/) as HTML: its markup as tags, each value escaped once
    through html_code ({name:code}) or html_text ({name})."""
    lazy = _lazy()
    return lazy.Markup(lazy.compose(phrase, words, lazy.html, _remembered(words, "html")))


# The values a person types, each in a box with its own copy button (the html format). A
# field's sentence shows them as {name:code}; these names get a box, any other code value
# (the type, a doubled name in a warning) stays a plain <code>.
COPYABLE = ("line", "host", "fqdn", "value", "priority", "ttl")


def html_copy(value: object, box_id: str, label: str, button: str):
    """A value to copy exactly: a monospace box whose text is the value and nothing else, and a
    <button> that copies the box's text, `label` saying what it copies (for screen readers)."""
    return _lazy().Markup(_copy_box(value, _html_escape(box_id), _html_escape(label), _html_escape(button)))


def _copy_box(value: object, box: str, label: str, button: str) -> str:
    # html_copy as str, with its id, label and button's word already escaped: a page of 10,000
    # identities has 250,000 boxes, whose ids are made of numbers and whose words are a few
    return (f'<span class="copy"><code class="value" id="{box}">{_html_escape(str(value))}</code>'
            f'<button type="button" class="copy-button" data-copy="{box}" aria-label="{label}">'
            f'{button}</button></span>')


@lru_cache(maxsize=64)
def _escaped(text: str) -> str:
    """A word of the page's controls (exporter/text/LANG.py HTML), escaped once per run. A label
    with {number} stays a template: a number is digits, which escaping leaves as they are."""
    return _html_escape(text)


def html_field(field, words, controls, number: int):
    """A step's field (exporter/guide.py Field) as HTML: its catalogue sentence, each value a
    person types in a copy box (html_copy), labelled by the `controls` words of the language
    ("copy.host": "Copy the host of step {number}")."""
    return _lazy().Markup(_html_field(field, words, controls, number, _remembered(words, "html-field")))


# A step's number in a field written once and kept (_html_field): replaced by the number at each use.
_NUMBER = "\x00"


def _html_field(field, words, controls, number: int, memo: dict | None) -> str:
    """html_field as str; `memo`: what _remembered(words, "html-field") gives (html_steps asks once for all)."""
    phrase = field.text
    # Many fields are the same but for the step's number (every identity's MAIL FROM host, SPF and
    # DMARC values): each is written once with _NUMBER in its place, and kept where every _NUMBER
    # in it is a number's place (counted), not a character of a value.
    if memo is not None:
        try:
            found = memo.get(phrase)
        except TypeError:  # a value that cannot be a key (a list): written, not remembered
            memo, found = None, None
        if found is not None:
            return found.replace(_NUMBER, str(number)) if _NUMBER in found else found
    boxes = {str(value): name for name, value in phrase.params if name in COPYABLE}
    if all(value.__class__ is str or value.__class__ is int for _, value in phrase.params):
        # Most fields (a host, a value, an empty own label): the sentence's pieces written here, as
        # compose would with the kind below, without making that kind (a page has 130,000 fields).
        if memo is None:
            return _plain_field(phrase, boxes, words, controls, number)[0]
        written, places = _plain_field(phrase, boxes, words, controls, _NUMBER)
        if written.count(_NUMBER) != places:
            return _plain_field(phrase, boxes, words, controls, number)[0]
        memo[phrase] = written
        return written.replace(_NUMBER, str(number)) if places else written

    def code(value: object) -> str:
        name = boxes.get(str(value))
        return _html_code(value) if name is None else _field_box(value, name, number, controls)

    lazy = _lazy()
    return lazy.compose(field.text, words, lazy.Kind(markup=html_markup, code=code, text=_html_text))


def _field_box(value: object, name: str, number: object, controls) -> str:
    """A field's value in its copy box (html_copy as str): the id "step-", the step's number and a
    COPYABLE name, nothing that escaping would change; labelled by the `controls` words of `name`."""
    return _copy_box(value, f"step-{number}-{name}", _escaped(controls[f"copy.{name}"]).format(number=number),
                     _escaped(controls["copy"]))


def _plain_field(phrase, boxes: dict, words, controls, number: object) -> tuple[str, int]:
    """_html_field for a phrase whose values are all text or numbers, and how many times it wrote `number`."""
    params = dict(phrase.params)
    try:
        template = words[phrase.key]
    except KeyError:
        raise KeyError(f"the catalogue has no sentence {phrase.key!r}") from None
    out, places = [], 0
    for text, name, spec in _lazy().compiled(template, html_markup):
        out.append(text)
        if name is None:
            continue
        if name not in params:
            raise KeyError(f"{phrase.key}: the sentence shows {{{name}}}, which the phrase does not give")
        value = params[name]
        if spec == "code":
            box = boxes.get(str(value))
            if box is None:
                out.append(_html_code(value))
            else:
                # the box's id twice (id, data-copy), and wherever its label shows the number
                places += 2 + controls[f"copy.{box}"].count("{number}")
                out.append(_field_box(value, box, number, controls))
        elif value != "":
            out.append(_html_text(value))
    return "".join(out), places


def terminal_text(value: str) -> str:
    """Text safe to print on a terminal: control characters (ESC, CR, BEL...) shown as \\xNN.

    DNS answers are someone else's data; an escape sequence in a TXT record must not be
    able to recolour, move the cursor or retitle the terminal of whoever runs --check.
    """
    return "".join(
        c if c.isprintable() or c == " " else (f"\\x{ord(c):02x}" if ord(c) < 0x100 else f"\\u{ord(c):04x}")
        for c in value
    )


def identity_notes(identity, lang: str = "en") -> list[str]:
    """The model's notes on the identity (Identity.notes), for a file header: one line each, in `lang`."""
    if not identity.notes:  # most identities: nothing to import or look up
        return []
    from .text import catalogue, plain

    note = catalogue(lang).GUIDE["note"]  # "Note: {note}", as the instructions show it
    return [terminal_text(note.replace("{note}", plain(phrase, lang))) for phrase in identity.notes]


def live_notes(identity, lang: str = "en") -> list[str]:
    """--merge-live's notes on the identity, for a file header: one line each, in `lang`, with
    control characters shown (the values come from DNS, someone else's data)."""
    if not identity.advisories:  # most identities: nothing to import or look up
        return []
    from .advisories import merge_notes

    return [terminal_text(note) for note in merge_notes(identity.advisories, lang)]


# --- Terraform (HCL) ---------------------------------------------------------------------

# HCL's quoted-template escapes (hclsyntax spec): a backslash starts an escape, and "${" / "%{"
# start an interpolation or directive unless doubled. Any other backslash sequence is an error.
_HCL_ESCAPES = {"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\t": "\\t"}
# The same as one table for str.translate (other control characters as \uNNNN): a Terraform file of
# 10,000 identities quotes 200,000 values, and a loop per character cost seconds.
_HCL_TABLE = {**{code: f"\\u{code:04x}" for code in (*range(0x20), 0x7F)},
              **{ord(char): escape for char, escape in _HCL_ESCAPES.items()}}


def hcl_string(value: str) -> str:
    """`value` as an HCL quoted string literal that Terraform reads back as exactly `value`."""
    # Most values (names, SES values) need no escape: printable (no control character), without
    # '"', '\\' or '{'. Four scans in C take an eighth of the time of one regular expression search,
    # and a file of 10,000 identities quotes 420,000 values. The rest go the whole way.
    if value.isprintable() and '"' not in value and "\\" not in value and "{" not in value:
        return f'"{value}"'
    # After the backslash escapes, so the doubled "$" and "%" are never read as escaped themselves.
    text = value.translate(_HCL_TABLE).replace("${", "$${").replace("%{", "%%{")
    return f'"{text}"'


def route53_txt(value: str) -> str:
    """A TXT value for aws_route53_record `records`: unquoted, split with \"\" past 255 bytes.

    The AWS provider wraps each value in one pair of quotes and sends it to Route 53 as
    presentation text, so inside it `"` and `\\` are escaped and `""` ends one
    character-string and starts the next. Split first, so every string stays 255 bytes.
    """
    return '""'.join(chunk.replace("\\", "\\\\").replace('"', '\\"') for chunk in txt_chunks(value))


def cloudflare_txt(value: str) -> str:
    """A TXT `content` for Cloudflare: RFC 1035 quoted character-strings of at most 255 bytes.

    Cloudflare stores TXT content in this form and splits an unquoted long value itself, which
    the provider then reports as drift (terraform-provider-cloudflare issues 6238, 6354). The
    strings are separated by one space, as Cloudflare writes them back; the text is that of
    zone-file rdata.
    """
    return bind_txt(value)


def google_txt(value: str) -> str:
    """One TXT entry of google_dns_record_set `rrdatas`: RFC 1035 quoted character-strings of at
    most 255 bytes, the form Cloud DNS takes and returns (an unquoted value is split at spaces)."""
    return bind_txt(value)


def dns_update_txt(value: str) -> str:
    """One string of hashicorp/dns dns_txt_record_set `txt`: the plain text with `\\` and `"`
    escaped. Provider 3.4 puts it between quotes in a zone-file line (`NAME TTL TXT "%s"`) that
    its DNS library parses, which reads those escapes and splits a text past 255 bytes itself."""
    return value.replace("\\", "\\\\").replace('"', '\\"')


# --- Route 53 change batches, CloudFormation and octoDNS (docs/formats.md) ---------------------

ROUTE53_VALUE_MAX = 4000  # botocore's route53 model: ResourceRecord.Value, max 4000 characters


def route53_rdata(record) -> str:
    """One ResourceRecord `Value` as Route 53 reads it: presentation text.

    TXT: quoted character-strings of at most 255 bytes, `"` and `\\` escaped (Route 53 wants
    the quotes itself, unlike the Terraform provider which adds them); MX: "PRIORITY EXCHANGE";
    CNAME: the target. Names keep their final dot: Route 53 stores what it is sent.
    """
    if record.type == "TXT":
        return bind_txt(record.value)
    if record.type == "MX":
        return f"{record.priority} {record.value}"
    return record.value


def route53_change_batch(identities, comment: str, txt_action: str = "CREATE") -> str:
    """The ChangeBatch document of `aws route53 change-resource-record-sets`: one change per
    record set (model.record_sets), in the identities' order. A set holds the identity's record
    and, with --merge-live, the TXT strings DNS already holds there (formats/route53_changes.py
    refuses two identities' records for one set).

    TXT sets are `txt_action` (CREATE): an UPSERT would replace every string of an existing set (a
    DMARC policy, another sender's SPF, a site verification), while a CREATE where the set exists
    fails the whole batch, which Route 53 applies atomically (API reference, ChangeResourceRecordSets:
    InvalidChangeBatch). A TXT set read from DNS with --merge-live holds everything the zone has there,
    merged: UPSERT replaces it and loses nothing. CNAME and MX sets are UPSERT: SES's own names, one
    value each."""
    from .model import record_sets

    if txt_action not in ("CREATE", "UPSERT"):
        raise ValueError(f"route53_change_batch: {txt_action!r} is not CREATE or UPSERT")
    changes = [
        {
            "Action": change_action(record_set, txt_action),
            "ResourceRecordSet": {
                "Name": record_set.name,
                "Type": record_set.type,
                "TTL": record_set.ttl,
                "ResourceRecords": [{"Value": route53_rdata(record)} for record in record_set.records],
            },
        }
        for identity in identities
        for record_set in record_sets(identity)
    ]
    return json_text({"Comment": comment, "Changes": changes})


def change_action(record_set, txt_action: str = "CREATE") -> str:
    """UPSERT for CNAME and MX, and for a TXT set read from DNS with --merge-live
    (model.RecordSet.live); `txt_action` for the other TXT sets (route53_change_batch says why)."""
    if record_set.type != "TXT" or record_set.live:
        return "UPSERT"
    return txt_action


def yaml_string(value: object) -> str:
    """`value` as a YAML single-quoted scalar (YAML 1.1 and 1.2 read it the same): `'` doubled.

    Only for one-line printable text (names, values, comments of our own making); anything else
    is refused, as a single-quoted scalar would fold a line break into a space.
    """
    text = str(value)
    if not text.isprintable():
        raise ValueError(f"yaml_string: {text!r} is not one line of printable text")
    return "'" + text.replace("'", "''") + "'"


def natural_key(text: str) -> tuple:
    """The order octoDNS's YamlProvider enforces on the keys of every mapping (natsort's default:
    runs of digits compare as numbers): `dkim2` before `dkim10`."""
    return tuple([int(part) if part.isdigit() else part for part in _DIGIT_RUNS.split(text)])


_DIGIT_RUNS = re.compile(r"(\d+)")


def octodns_txt_problem(value: str) -> str | None:
    """Why octoDNS cannot carry this TXT text exactly, or None.

    octoDNS keeps TXT text with each `;` written `\\;` and reads it back by undoing only that;
    its validators refuse `\\\\;` ("double escaped ;"), and on loading it strips a leading `"`
    (with the last character) and deletes every `" "` (octodns/record/chunked.py, process()).
    """
    if "\\;" in value:
        return "a backslash before ';' (octoDNS reads it as its own escape and refuses it)"
    if value.startswith('"'):
        return "a leading '\"' (octoDNS strips it, and the last character, on loading)"
    if '" "' in value:
        return "'\" \"' (octoDNS deletes it on loading, as a joint between character-strings)"
    return None


def octodns_txt(value: str) -> str:
    """TXT text in octoDNS's own form: `;` escaped as `\\;`, nothing else; octoDNS splits long
    values into character-strings itself. The result is written through yaml_string."""
    problem = octodns_txt_problem(value)
    if problem:
        raise ValueError(f"octodns_txt: {value!r} holds {problem}")
    return value.replace(";", "\\;")


# --- The html page's parts that repeat per record (templates/instructions.html.j2) ----------------
# One filter call per identity instead of a dozen template expressions per record: with autoescape
# each expression costs about a microsecond, and a page of 10,000 identities has 60,000 records.


def html_steps(steps, words, controls, heading: str):
    """The steps of one identity (exporter/guide.py Step) as the page lays each out:

        <section class="step" aria-labelledby="step-N">
        <HEADING id="step-N">title</HEADING>
        <ul class="fields">
        <li>field</li>  (html_field, one per field)
        </ul>
        <p>advice</p>  (html_phrase, one per piece of advice)
        </section>

    each step's last line ended by a newline but the last step's."""
    return _lazy().Markup(_html_steps(steps, words, controls, heading))


def _html_steps(steps, words, controls, heading: str) -> str:
    # html_steps as str: html_section adds it to its own text without a Markup copied in between
    lazy = _lazy()
    memos = (lazy.compose, lazy.html, _remembered(words, "html"), _remembered(words, "html-field"))
    tag = str(lazy.escape(heading))
    # Steps alike but for their number (every identity's MAIL FROM, SPF and DMARC steps), by what
    # they show: "" seen once (a DKIM key's step is mostly alone), then the step written with
    # _NUMBER in the number's places, or _UNLIKE where that is not the step's text with its number.
    alike = _remembered(words, f"html-step-{tag}")
    out = []
    for step in steps:
        number, title = step.number, step.title
        key = found = None
        if alike is not None and title.params[:1] == (("number", number),):
            key = (title.key, title.params[1:], step.fields, step.advice)
            try:
                found = alike.get(key)
            except TypeError:  # a value that cannot be a key: written, not remembered
                key = None
            if found and found != _UNLIKE:
                out.append(found.replace(_NUMBER, str(number)))
                continue
        written = _html_step(step, title, number, words, controls, tag, memos)
        out.append(written)
        if key is None or alike is None:
            continue
        if found is None:
            alike[key] = ""
        elif found == "":
            general = _html_step(step, tuple.__new__(title.__class__, (title.key, (("number", _NUMBER), *title.params[1:]))),
                                 _NUMBER, words, controls, tag, memos)
            alike[key] = general if general.replace(_NUMBER, str(number)) == written else _UNLIKE
    return "\n".join(out)


_UNLIKE = "\x00unlike"  # _html_steps: a step not written again from a pattern (holds _NUMBER: never found as is)


def _html_step(step, title, number, words, controls, tag: str, memos: tuple) -> str:
    """One step of html_steps, `number` (an int, or _NUMBER) in its ids, its title `title`."""
    compose, kind, memo, fields = memos
    # A title with _NUMBER is written without remembering it: _numbered keeps a pattern only once it
    # has checked that every _NUMBER in it is the number's place.
    titled = _numbered(title, words, kind, memo if number.__class__ is int else None)
    return "".join([
        f'<section class="step" aria-labelledby="step-{number}">\n'
        f'<{tag} id="step-{number}">{titled}</{tag}>\n'
        '<ul class="fields">\n',
        *[f"<li>{_html_field(field, words, controls, number, fields)}</li>\n" for field in step.fields],
        "</ul>\n",
        *[f"<p>{compose(advice, words, kind, memo)}</p>\n" for advice in step.advice],
        "</section>"])


def html_lookups(lookups, prefix: str, controls):
    """A dig and an nslookup line per record to copy (verify.Lookup), each box `PREFIX N-dig` /
    `PREFIX N-nslookup`, with the answer to expect under them, as an ordered list:

        <ol class="lookups">
        <li>
        <div class="command">dig line (html_copy)</div>
        <div class="command">nslookup line (html_copy)</div>
        <p class="answer">Expected answer: <code>answer</code></p>
        </li>
        </ol>
    """
    return _lazy().Markup(_html_lookups(lookups, prefix, controls))


def _html_lookups(lookups, prefix: str, controls) -> str:
    prefix, button = _html_escape(str(prefix)), _escaped(controls["copy"])
    dig, nslookup = _escaped(controls["copy.dig"]), _escaped(controls["copy.nslookup"])
    expected = _autoescaped(controls["expected"])  # the words and answers as autoescape writes them
    out = ['<ol class="lookups">\n']
    for number, found in enumerate(lookups, 1):
        out.append(
            f'<li>\n<div class="command">{_copy_box(found.dig, f"{prefix}{number}-dig", dig.format(number=number), button)}</div>\n'
            f'<div class="command">{_copy_box(found.nslookup, f"{prefix}{number}-nslookup", nslookup.format(number=number), button)}'
            f'</div>\n<p class="answer">{expected} <code>{_autoescaped(found.shown)}</code></p>\n</li>\n')
    out.append("</ol>")
    return "".join(out)


def _autoescaped(text: str) -> str:
    """`text` as markupsafe.escape (Jinja's autoescape) writes it, for a str, without making a Markup."""
    return (text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace('"', "&#34;")
            .replace("'", "&#39;"))


def html_section(section, number: int, words, controls, heading: str, notes: bool = True):
    """One identity's section of the page (exporter/guide.py Section), `number` counting the
    identities from 1:

        <section aria-labelledby="identity-N">   (without the attribute where it has no heading)
        <h2 id="identity-N"><code>heading</code></h2>
        <ul class="notes">
        <li>note</li>  (html_phrase, one per note; the list only where `notes` and it has any)
        </ul>
        steps  (html_steps, with `heading` as their headings' tag)
        <p>by hand</p>  (html_phrase, with the lookups, where the section has any)
        lookups  (html_lookups, their ids starting "lookup-N-")
        </section>
    """
    lazy = _lazy()
    compose, kind, memo = lazy.compose, lazy.html, _remembered(words, "html")
    out = []
    if section.heading:
        out.append(f'<section aria-labelledby="identity-{number}">\n'
                   f'<h2 id="identity-{number}">{_html_code(section.heading)}</h2>\n')
    else:
        out.append("<section>\n")
    if notes and section.notes:
        out.append('<ul class="notes">\n')
        out.extend([f"<li>{compose(note, words, kind, memo)}</li>\n" for note in section.notes])
        out.append("</ul>\n")
    if section.steps:
        out.append(f"{_html_steps(section.steps, words, controls, heading)}\n")
    if section.lookups:
        out.append(f"<p>{compose(section.by_hand_page, words, kind, memo)}</p>\n"
                   f"{_html_lookups(section.lookups, f'lookup-{number}-', controls)}\n")
    out.append("</section>")
    return lazy.Markup("".join(out))


def html_contents(pages):
    """The list items of -o FOLDER/'s index page (html's index.html): one link per file, named by its
    identities (model.Summary) as people read them, as autoescape writes them:

        <li><a href="FILE">DOMAIN, DOMAIN</a></li>

    One string per file rather than template pieces per file: the index of 10,000 files is made whole
    while the run holds every summary, and this is what it mostly is."""
    lazy = _lazy()
    escape = lazy.escape
    return lazy.Markup("".join(
        f'<li><a href="{escape(file)}">{", ".join([escape(display_name(each.domain)) for each in group])}</a></li>\n'
        for file, group in pages.items()))


FILTERS = {
    "csv_row": csv_row,
    "csv_cell": csv_cell,
    "relative": relative,  # names.relative: what a panel's host field wants
    "md_code": md_code,
    "md_text": md_text,
    "md_code_block": md_code_block,
    "md_phrase": md_phrase,
    "md_lookup_lines": md_lookup_lines,
    "md_anchors": md_anchors,
    "html_text": html_text,
    "html_code": html_code,
    "html_phrase": html_phrase,
    "html_copy": html_copy,
    "html_field": html_field,
    "existing_record_note": existing_record_note,
    "display_name": display_name,
    "txt_chunks": txt_chunks,
    "bind_txt": bind_txt,
    "json_text": json_text,
    "json_document": json_document,
    "no_final_dot": no_final_dot,
    "terminal_text": terminal_text,
    "live_notes": live_notes,
    "identity_notes": identity_notes,
    "hcl_string": hcl_string,
    "route53_txt": route53_txt,
    "cloudflare_txt": cloudflare_txt,
    "google_txt": google_txt,
    "dns_update_txt": dns_update_txt,
    "route53_rdata": route53_rdata,
    "route53_change_batch": route53_change_batch,
    "yaml_string": yaml_string,
    "octodns_txt": octodns_txt,
    "html_steps": html_steps,
    "html_lookups": html_lookups,
    "html_contents": html_contents,
    "html_section": html_section,
}


# --- Whole lines for the record formats -----------------------------------------------------------
# A file of 10,000 identities holds 60,000 records and as many lookups: each line made by one filter,
# not by a template piece per value (Jinja's cost is per piece and per attribute looked up).


def comment_lines(lines, marker: str) -> str:
    """`lines` as comment lines of a syntax whose comments run to the end of the line (zone file,
    HCL, YAML): `marker`, a space, the line; joined by line ends. A line that holds a line break
    is refused: its rest would be read as the syntax's own text."""
    text = "\n".join([f"{marker} {line}" for line in lines])
    if len(text.splitlines()) != len(lines):
        raise ValueError(f"comment_lines: {list(lines)!r} holds a line break")
    return text


def comment_lookup_lines(lookups) -> list[str]:
    """The lines of verify.Lookups for comment_lines: each dig line with the answer to expect after
    "->", then its nslookup line."""
    return [line for found in lookups for line in (f"{found.dig}  -> {found.shown}", found.nslookup)]


def zone_file_line(record) -> str:
    """`record` as one zone-file line (RFC 1035 5.1): absolute name, TTL, class IN, type and rdata,
    TXT text through bind_txt, MX as PRIORITY EXCHANGE."""
    if record.type == "TXT":
        rdata = bind_txt(record.value)
    elif record.type == "MX":
        rdata = f"{record.priority} {record.value}"
    else:
        rdata = record.value
    return f"{record.name} {record.ttl} IN {record.type} {rdata}"


FILTERS.update({
    "zone_file_line": zone_file_line,
    "comment_lines": comment_lines,
    "comment_lookup_lines": comment_lookup_lines,
})


def hcl_values(records, through: str | None = None) -> str:
    """The values of `records` as HCL quoted strings separated by ", " (the inside of a list), each
    first passed through the filter named `through` (route53_txt, google_txt, dns_update_txt) when
    given. One call per record set: a Jinja loop with loop.last made a loop context per resource."""
    if through is None:
        return ", ".join([hcl_string(record.value) for record in records])
    shape = _TXT_SHAPES[through]
    return ", ".join([hcl_string(shape(record.value)) for record in records])


# The TXT value shapes hcl_values passes values through, by their filter names.
_TXT_SHAPES = {"route53_txt": route53_txt, "google_txt": google_txt, "dns_update_txt": dns_update_txt}


FILTERS["hcl_values"] = hcl_values


def first_in(item, items) -> bool:
    """The Jinja test `item is first_in(items)`: `item` is the first of `items`, the same object. The
    Terraform templates put a blank line before each resource of a section but its first; loop.first
    would make a loop context per section (1.8 % more instructions for terraform-route53)."""
    return item is items[0]


# Jinja tests, like the filters registered by name (formats.environment).
TESTS = {"first_in": first_in}


# --- The Markdown instructions' parts that repeat per record (templates/instructions.md.j2) -------


def md_steps(steps, words) -> str:
    """The steps of one identity (exporter/guide.py Step) as the instructions lay each out, each
    sentence through md_phrase:

        (blank line)
        ### title
        (blank line)
        - field  (one line per field)
        (blank line)
        advice  (one paragraph, the pieces separated by a space; only where the step has advice)

    without the last step's final line end (the template's line gives it)."""
    lazy = _lazy()
    compose, kind, memo = lazy.compose, lazy.markdown, _remembered(words, "markdown")
    out = []
    for step in steps:
        out.append(f"\n### {_numbered(step.title, words, kind, memo)}\n\n")
        out.extend(f"- {compose(field.text, words, kind, memo)}\n" for field in step.fields)
        if step.advice:
            out.append(f"\n{' '.join(compose(advice, words, kind, memo) for advice in step.advice)}\n")
    return "".join(out)[:-1]


FILTERS["md_steps"] = md_steps


def _numbered(phrase, words, kind, memo: dict | None) -> str:
    """compose(phrase) for a phrase that differs from many others only by its `number` value (a
    step's title: "3. DMARC: TXT" in every identity but for the number). The sentence is written
    once with _NUMBER for the number and kept, where that pattern gives exactly the phrase's own text."""
    compose = _lazy().compose
    params = phrase.params
    if params and params[0][0] == "number":  # a step's title: Phrase("step", number=..., ...)
        number, rest = params[0][1], (("number", _NUMBER), *params[1:])
    else:
        number = dict(params).get("number")
        rest = tuple((name, _NUMBER if name == "number" else value) for name, value in params)
    if memo is None or number.__class__ is not int:
        return compose(phrase, words, kind, memo)
    pattern = tuple.__new__(phrase.__class__, (phrase.key, rest))
    try:
        found = memo.get(pattern)
    except TypeError:  # a value that cannot be a key: written, not remembered
        return compose(phrase, words, kind, None)
    shown = str(number)
    if found is not None:
        return found.replace(_NUMBER, shown)
    written = compose(phrase, words, kind, memo)
    general = compose(pattern, words, kind, None)
    if general.replace(_NUMBER, shown) == written:  # every _NUMBER in it is the number's place
        memo[pattern] = general
    return written
