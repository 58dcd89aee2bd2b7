"""What to do where the zone already holds a record of the kind SES needs: keep DMARC, merge SPF.

Two `v=DMARC1` records at a name, or two `v=spf1`, are a permerror (RFC 7489 6.6.3, RFC 7208 4.5):
receivers then apply no policy at all. So an existing DMARC record is kept, whatever its policy
(replacing it could weaken it), and SES's include joins an existing SPF record before its `all`
(terms after `all` are never evaluated). The instructions and html say it at the record's step
(exporter/guide.py `advice`); bind, csv and terraform-cloudflare beside the record
(filters.existing_record_note). A module of its own, light to import: the formats without steps
use it without loading the guide. Keys are GUIDE sentences (tests/test_guide_text.py reads them here too).
"""

from __future__ import annotations

from .model import Record
from .phrase import Phrase


def existing_record(record: Record) -> Phrase | None:
    """The sentence for `record` where its name already holds one of its kind, or None."""
    if record.purpose == "dmarc":
        return Phrase("advice.dmarc-existing")
    if record.purpose == "mail-from-spf":
        return Phrase("advice.spf-existing")
    return None
