"""Test identities and zone files for --check: one zone per fault, built from one clean zone.

Every test domain gets the same kind of identity (three DKIM tokens, MAIL FROM mail.DOMAIN,
region us-east-1, the default DMARC), so a fault is one edited line of the clean zone file.
"""

from __future__ import annotations

import json
from pathlib import Path

TOKENS = ("tok1aaaa", "tok2bbbb", "tok3cccc")
REGION = "us-east-1"
SPF = '"v=spf1 include:amazonses.com ~all"'
DMARC = '"v=DMARC1; p=none;"'
MX_HOST = f"feedback-smtp.{REGION}.amazonses.com."


def saved_identity(domain: str, tokens=TOKENS, mail_from: bool = True) -> dict:
    """A saved `aws sesv2 get-email-identity` response for DOMAIN."""
    response = {
        "IdentityType": "DOMAIN",
        "VerificationStatus": "PENDING",
        "VerificationInfo": {"ErrorType": "HOST_NOT_FOUND"},
        "DkimAttributes": {"Status": "PENDING", "Tokens": list(tokens), "SigningAttributesOrigin": "AWS_SES",
                           "SigningHostedZone": "dkim.amazonses.com"},
    }
    if mail_from:
        response["MailFromAttributes"] = {"MailFromDomain": f"mail.{domain}", "MailFromDomainStatus": "PENDING"}
    return response


def write_identity(folder: Path, domain: str, **kwargs) -> str:
    path = folder / f"{domain}.json"
    path.write_text(json.dumps(saved_identity(domain, **kwargs)))
    return str(path)


def clean_lines() -> dict[str, list[str]]:
    """The clean zone's records, keyed so a fault can replace or add to one of them."""
    lines = {f"dkim{i}": [f"{tok}._domainkey CNAME {tok}.dkim.amazonses.com."] for i, tok in enumerate(TOKENS, 1)}
    lines["mx"] = [f"mail MX 10 {MX_HOST}"]
    # An unrelated TXT beside the SPF: a site verification must not count as a second SPF.
    lines["spf"] = [f"mail TXT {SPF}", 'mail TXT "google-site-verification=abc123"']
    lines["dmarc"] = [f"_dmarc TXT {DMARC}"]
    return lines


def zone_text(origin: str, serial: int = 1, **faults: list[str]) -> str:
    """A zone file for `origin`: the clean records with `faults` replacing some of them."""
    records = {**clean_lines(), **faults}
    body = "\n".join(line for lines in records.values() for line in lines)
    return (f"$ORIGIN {origin}.\n$TTL 300\n@ SOA ns1 hostmaster {serial} 3600 600 86400 300\n@ NS ns1\n"
            f"ns1 A 127.0.0.1\n{body}\n")


# One zone per fault: (domain, {record key: replacement lines}).
FAULT_ZONES = {
    "clean.test": {},
    "value-appended.test": {"dkim1": ["tok1aaaa._domainkey CNAME tok1aaaa.dkim.amazonses.com"],
                            "mx": ["mail MX 10 feedback-smtp.us-east-1.amazonses.com"]},
    "name-appended.test": {"dkim1": ["tok1aaaa._domainkey.name-appended.test CNAME tok1aaaa.dkim.amazonses.com."],
                           "dmarc": [f"_dmarc.name-appended.test TXT {DMARC}"]},
    "extra-quotes.test": {"spf": ['mail TXT "\\"v=spf1 include:amazonses.com ~all\\""'],
                          "dmarc": ['_dmarc TXT "\\"v=DMARC1; p=none;\\""']},
    "conflict.test": {"mx": [f"mail MX 10 {MX_HOST}", "mail MX 20 mx.other.example."],
                      "spf": [f"mail TXT {SPF}", 'mail TXT "v=spf1 include:_spf.other.example ~all"'],
                      "dmarc": [f"_dmarc TXT {DMARC}", '_dmarc TXT "v=DMARC1; p=reject;"']},
    "underscore-dropped.test": {"dkim1": ["tok1aaaa.domainkey CNAME tok1aaaa.dkim.amazonses.com."],
                                "dmarc": [f"dmarc TXT {DMARC}"]},
    "value-differs.test": {"dkim1": ["tok1aaaa._domainkey CNAME oldtoken.dkim.amazonses.com."],
                           "spf": ['mail TXT "v=spf1 include:amazonses.com -all"'],
                           "dmarc": ['_dmarc TXT "v=DMARC1; p=quarantine;"']},
    "missing.test": {"dkim2": [], "spf": []},
    "disagree.test": {},
}

# The second server's copy of disagree.test: the change has reached only the first.
DISAGREE_SECOND_COPY = {"dkim3": [], "dmarc": ['_dmarc TXT "v=DMARC1; p=reject;"']}
