"""What ses-export writes on stderr passes here, once: credentials redacted, then terminal controls escaped.

A file name, an SES status or an SES error message is someone else's text: an escape sequence (ESC, BEL,
CR, U+202E) in it must not recolour, move the cursor or reorder what the terminal shows, nor a newline
forge a second `ses-export:` line. The escaping is the --check table's (filters.terminal_text).
"""

from __future__ import annotations

import sys


def line(text: str) -> str:
    """`text` as one safe line: redacted (on the raw text, so a secret split across lines is still
    found), then every control character shown as \\xNN."""
    from .filters import terminal_text
    from .redaction import redact

    return terminal_text(redact(text))


def lines(text: str) -> str:
    """Several lines (a traceback, a logged HTTP body), each made safe, the line breaks kept."""
    from .filters import terminal_text
    from .redaction import redact

    return "\n".join(terminal_text(part) for part in redact(text).split("\n"))


def say(text: str) -> None:
    """One line on stderr: `ses-export: TEXT`."""
    print(f"ses-export: {line(text)}", file=sys.stderr, flush=True)
