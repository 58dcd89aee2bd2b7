"""route53-changes: the ChangeBatch JSON for `aws route53 change-resource-record-sets`.

For whoever owns the hosted zone and applies changes with the AWS CLI or an SDK. A change batch
belongs to one hosted zone, so -o FOLDER/ writes one per zone (ZONE.route53-changes.json), and
one stream refuses identities of several zones. JSON has no comments: the batch's own `Comment`
names the identities.
"""

from __future__ import annotations

from ..errors import InputError
from . import Format, Settings, register
from ._record_sets import one_set_each, one_zone, route53_values_fit

# botocore's route53 model: ChangeBatch.Comment is at most 256 characters.
COMMENT_MAX = 256


def prepare(identities, settings: Settings) -> dict:

    one_zone(identities, "a change batch is for one hosted zone", "write one batch per zone")
    if not any(identity.records for identity in identities):
        raise InputError("no records to change: a change batch needs at least one (is DMARC left out and "
                         "DKIM not set up?)", option="format")
    one_set_each(identities, "one change batch cannot UPSERT one record set twice. Render them in separate files")
    route53_values_fit(identities)
    return {"comment": comment(identities)}


def comment(identities) -> str:
    """The batch's Comment: tool, identities and regions, shortened to what Route 53 takes."""
    from .. import __version__

    head = f"ses-export {__version__}: Amazon SES records for "
    named = ", ".join(f"{i.name} ({i.region})" if i.region else i.name for i in identities)
    text = head + named
    if len(text) > COMMENT_MAX:
        text = head + f"{len(identities)} identities in {identities[0].zone[:-1]}"
    return text[:COMMENT_MAX]


FORMAT = register(Format(
    name="route53-changes", suffix="route53-changes.json", template="route53-changes.j2", prepare=prepare,
    per_zone=True,
    summary="the ChangeBatch JSON for aws route53 change-resource-record-sets (UPSERT, one change per record set)",
))
