"""What a person must know or do beyond publishing the records, decided from SES's own statuses.

Each advisory is a Phrase of the NOTICES catalogue (exporter/text/LANG.py): the command line
prints it on stderr (`plain`, English) and the instructions show it at the top of the identity's
section. Sources, for each status (also in docs/design.md, "SES statuses"):

- DkimAttributes.Status / MailFromAttributes.MailFromDomainStatus / VerificationStatus FAILED:
  SES stopped looking for the records (SES API v2 reference, DkimAttributes and MailFromAttributes:
  "FAILED – The verification process failed ... SES can't find the required MX record"). Once DNS is
  right, the check is restarted by writing the same settings again: `put-email-identity-dkim-attributes
  --signing-enabled` for DKIM, `put-email-identity-mail-from-attributes` with the same
  --mail-from-domain and --behavior-on-mx-failure for MAIL FROM (SES Developer Guide,
  "Troubleshooting DKIM" and "Using a custom MAIL FROM domain"; AWS re:Post knowledge center
  "ses-domain-stuck-pending-verification": "retry the domain verification").
- TEMPORARY_FAILURE: "a temporary issue is preventing Amazon SES from determining the status";
  SES retries on its own. For DKIM the note still points to AWS's guide if it persists; for MAIL FROM
  it names no restart command: SES looks again by itself, and a restart only resets its 72 hours.
- DkimAttributes.SigningEnabled false: SES does not sign with DKIM whatever DNS holds.
- MailFromAttributes.BehaviorOnMxFailure REJECT_MESSAGE: while the MAIL FROM status is not
  SUCCESS, sending from the identity fails with MailFromDomainNotVerified.
"""

from __future__ import annotations

from .phrase import Kind, Phrase, compose

FAILED = ("FAILED", "TEMPORARY_FAILURE")
MERGE_LIVE = "notice.live-"  # the keys of what DNS said when asked live (exporter/merge.py, the zone found): named
# in file headers too
DKIM_TROUBLESHOOTING = "https://docs.aws.amazon.com/ses/latest/dg/troubleshoot-dkim.html"  # SES Developer Guide, "Troubleshooting DKIM problems"


def _region_option(region: str | None) -> str:
    return f" --region {region}" if region else ""


def from_statuses(*, domain: str, region: str | None, dkim_status: str | None, signing_enabled: object,
                  dkim_origin: str | None, mail_from: str | None, mail_from_status: str | None,
                  behavior_on_mx_failure: str | None, verification_status: str | None,
                  verification_error: str | None) -> tuple[Phrase, ...]:
    """The advisories SES's statuses call for; `domain` and `mail_from` without the final dot."""
    found: list[Phrase] = []
    where = _region_option(region)
    # No AWS page names a command that restarts a failed Easy DKIM check, so the notes send the reader to
    # AWS's own troubleshooting guide rather than to a command we cannot source (docs/design.md, SES statuses).
    if dkim_status == "FAILED":
        found.append(Phrase("notice.dkim-failed", status=dkim_status, guide=DKIM_TROUBLESHOOTING))
    elif dkim_status == "TEMPORARY_FAILURE":
        found.append(Phrase("notice.dkim-temporary-failure", status=dkim_status, guide=DKIM_TROUBLESHOOTING))
    elif verification_status in FAILED:
        found.append(Phrase("notice.verification-failed", status=verification_status,
                            error=verification_error or "-", guide=DKIM_TROUBLESHOOTING))
    if signing_enabled is False:  # PutEmailIdentityDkimAttributes: "enable or disable DKIM authentication"
        found.append(Phrase("notice.signing-disabled", command=f"aws sesv2 put-email-identity-dkim-attributes "
                                                               f"--email-identity {domain} --signing-enabled{where}"))
    if mail_from and mail_from_status == "TEMPORARY_FAILURE":
        found.append(Phrase("notice.mail-from-temporary-failure", status=mail_from_status, domain=mail_from))
    elif mail_from and mail_from_status == "FAILED":
        behavior = behavior_on_mx_failure or "USE_DEFAULT_VALUE"
        found.append(Phrase("notice.mail-from-failed", status=mail_from_status, domain=mail_from,
                            command=f"aws sesv2 put-email-identity-mail-from-attributes --email-identity {domain} "
                                    f"--mail-from-domain {mail_from} --behavior-on-mx-failure {behavior}{where}"))
    if mail_from and behavior_on_mx_failure == "REJECT_MESSAGE" and mail_from_status not in ("SUCCESS", "PLANNED"):
        found.append(Phrase("notice.reject-on-mx-failure", setting="BehaviorOnMxFailure: REJECT_MESSAGE",
                            domain=mail_from))
    return tuple(found)


def dmarc_left_to_organisation(domain: str, organisation: str) -> Phrase:
    """No DMARC record below the organisational domain: its policy applies (RFC 7489 6.6.3)."""
    return Phrase("notice.dmarc-at-organisation", domain=domain, organisation=organisation,
                  record=f"_dmarc.{organisation}")


def zone_assumed(domain: str, zone: str) -> Phrase:
    """The host names are relative to the registrable domain, which was assumed as the zone."""
    return Phrase("notice.zone-assumed", domain=domain, zone=zone)


# --- --merge-live (exporter/merge.py): what the live zone held and what became of it -----------
# Names and values without the final dot; values as DNS holds them (printable ASCII).

def live_read(zone: str, servers: str) -> Phrase:
    return Phrase("notice.live-read", zone=zone, servers=servers)


def live_dmarc_kept(name: str, value: str) -> Phrase:
    return Phrase("notice.live-dmarc-kept", name=name, value=value)


def live_dmarc_invalid(name: str, value: str, cause: str, command: str) -> Phrase:
    """`cause`: --check's cause code for the record (docs/check.md), `command` the check to run."""
    return Phrase("notice.live-dmarc-invalid", name=name, value=value, cause=cause, command=command)


def live_dmarc_weaker(name: str, value: str, organisation: str, tag: str, policy: str) -> Phrase:
    """The identity's own published record is weaker than what its organisation applies to it."""
    return Phrase("notice.live-dmarc-weaker", name=name, value=value, organisation=organisation, tag=tag,
                  policy=policy)


def live_dmarc_replaced(name: str, value: str) -> Phrase:
    return Phrase("notice.live-dmarc-replaced", name=name, value=value)


def live_spf_kept(name: str, value: str) -> Phrase:
    return Phrase("notice.live-spf-kept", name=name, value=value)


def live_spf_merged(name: str, found: str, value: str) -> Phrase:
    return Phrase("notice.live-spf-merged", name=name, found=found, value=value)


def live_carried(name: str, values: str) -> Phrase:
    return Phrase("notice.live-carried", name=name, values=values)


def zone_found(domain: str, zone: str) -> Phrase:
    """The zone DNS delegates for the identity, below the one assumed (model.in_zone_found)."""
    return Phrase("notice.live-zone", domain=domain, zone=zone)


def merge_notes(advisories, lang: str = "en") -> list[str]:
    """--merge-live's notes and the zone found in DNS (what DNS said, asked live) as plain text, for
    file headers and the JSON's notes."""
    return [plain(phrase, lang) for phrase in advisories if phrase.key.startswith(MERGE_LIVE)]


_PLAIN = Kind(markup=str, code=str, text=str)


def plain(phrase: Phrase, lang: str = "en") -> str:
    """The advisory as plain text (stderr): the catalogue's words, values as they are."""
    from .text import catalogue

    return compose(phrase, catalogue(lang).NOTICES, _PLAIN)
