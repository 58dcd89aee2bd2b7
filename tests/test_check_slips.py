"""Issue 12, item 13: small slips of the --check report, each with its test."""

from __future__ import annotations

import dns.asyncresolver
import dns.resolver
import pytest

from exporter import model
from exporter.dnscheck import ask, compare, report
from exporter.errors import DnsError

RESPONSE = {"IdentityType": "DOMAIN",
            "DkimAttributes": {"Tokens": ["tok1"], "SigningHostedZone": "dkim.amazonses.com"},
            "MailFromAttributes": {"MailFromDomain": "mail.example.com", "MailFromDomainStatus": "PENDING"}}


def missing(purpose: str) -> compare.Finding:
    """The finding for the identity's record of `purpose` when the server holds nothing at all."""
    identity = model.identity(RESPONSE, "example.com", model.options(region="eu-west-1"), "t.json")
    records = list(identity.records)
    found = compare.compare(records, "example.com.", {"ns": {}})
    finding = next(f for f in found if f.purpose == purpose)
    assert (finding.status, finding.fix) == (compare.MISSING, "missing")
    return finding


@pytest.mark.parametrize("lang", ["en", "ja"])
def test_the_mx_fix_gives_the_priority_with_the_exchange(lang):
    sentence = report.fix_sentence(missing("mail-from-mx"), "example.com.", lang)
    assert sentence.endswith(": 10 feedback-smtp.eu-west-1.amazonses.com.")


def test_the_missing_sentence_has_no_a_before_mx():
    sentence = report.fix_sentence(missing("mail-from-mx"), "example.com.", "en")
    assert "a MX" not in sentence and sentence.startswith("Add the MX record at mail.example.com.")
    assert report.fix_sentence(missing("dkim"), "example.com.", "en").startswith("Add the CNAME record")


def test_no_soa_up_to_the_root_is_said_in_our_words(monkeypatch):
    """dnspython's own text ("There is no SOA RR at the DNS root name. This should never happen!")
    is a message for its developers, not for a user whose resolver returned nothing."""
    def no_root_soa(name, resolver=None):
        raise dns.resolver.NoRootSOA()

    async def no_root_soa_async(name, resolver=None):  # what the check's asyncio look-up calls
        raise dns.resolver.NoRootSOA()

    monkeypatch.setattr(dns.resolver, "zone_for_name", no_root_soa)
    monkeypatch.setattr(dns.asyncresolver, "zone_for_name", no_root_soa_async)
    with pytest.raises(DnsError) as failed:
        ask.authoritative_servers("example.com.", resolver=dns.resolver.Resolver(configure=False))
    message = str(failed.value)
    assert "This should never happen" not in message and "no SOA RR" not in message
    assert message.startswith("DNS: the system resolver found no zone holding example.com") and "--nameserver" in message
