"""route53-changes: the ChangeBatch JSON for `aws route53 change-resource-record-sets`.

For whoever owns the hosted zone and applies changes with the AWS CLI or an SDK. A change batch
belongs to one hosted zone, so -o FOLDER/ writes one per zone (ZONE.route53-changes.json), and
one stream refuses identities of several zones. JSON has no comments: the batch's own `Comment`
names the identities and says that TXT sets are created, not replaced.

TXT record sets are CREATE, CNAME and MX sets UPSERT (filters.route53_change_batch): where a name
already holds TXT (a DMARC policy, another sender's SPF, a site verification), Route 53 refuses the
whole batch instead of replacing what is there; `--merge-live` writes records merged with the zone.
"""

from __future__ import annotations

from ..errors import InputError
from ..phrase import Phrase
from . import Format, Settings, register
from ._record_sets import one_set_each, one_zone, route53_values_fit

# botocore's route53 model: ChangeBatch.Comment is at most 256 characters.
COMMENT_MAX = 256
# The Comment's last words (JSON has no comments): what a refused batch means, and what to do.
CREATE_NOTE = (". TXT sets are CREATE: Route 53 refuses the whole batch where a name already has TXT "
               "(nothing replaced); ses-export --merge-live merges with it")
# With --merge-live, the TXT sets read from DNS hold what they held, merged, and are UPSERT.
LIVE_NOTE = ". TXT sets read with --merge-live are UPSERT, holding what DNS had; other TXT sets are CREATE"


def prepare(identities, settings: Settings) -> dict:

    one_zone(identities, Phrase("error.one-zone.route53-changes"), Phrase("error.apart.route53-changes"))
    if not any(identity.records for identity in identities):
        raise InputError(Phrase("error.route53-changes-empty"), option="format")
    one_set_each(identities, Phrase("error.twice.route53-changes"))
    route53_values_fit(identities)
    return {"comment": comment(identities), "txt_action": "CREATE"}


def comment(identities) -> str:
    """The batch's Comment: tool, identities and regions, and where TXT is written that it is
    created (CREATE_NOTE), shortened to what Route 53 takes."""
    from .. import __version__

    head = f"ses-export {__version__}: Amazon SES records for "
    named = ", ".join(f"{i.name} ({i.region})" if i.region else i.name for i in identities)
    note = CREATE_NOTE if any(r.type == "TXT" for identity in identities for r in identity.records) else ""
    if note and any(identity.read_live for identity in identities):
        note = LIVE_NOTE
    if len(head + named + note) > COMMENT_MAX:
        named = f"{len(identities)} identities in {identities[0].zone[:-1]}"
    return (head + named)[: COMMENT_MAX - len(note)] + note


FORMAT = register(Format(
    name="route53-changes", suffix="route53-changes.json", template="route53-changes.j2", prepare=prepare,
    per_zone=True,
    summary="the ChangeBatch JSON for aws route53 change-resource-record-sets (one change per record set; TXT "
            "is CREATE, so an existing TXT set is never replaced)",
))
