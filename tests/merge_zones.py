"""Zones for the --merge-live tests: each holds what real zones hold beside SES's records.

Every zone is served by one real `named` (tests/test_merge_live.py); each identity is the usual
test identity of tests/check_zones.py (MAIL FROM mail.DOMAIN, region us-east-1).
"""

from __future__ import annotations

SITE_VERIFICATION = "google-site-verification=abc123"
REJECT = "v=DMARC1; p=reject; rua=mailto:dmarc@kept.test"
SENDERS_SPF = "v=spf1 include:_spf.senders.test ~all"

# origin -> record lines (besides SOA/NS)
ZONES = {
    # An SPF for other senders, a site verification and an enforcing DMARC with reports.
    "kept.test": ["mail TXT \"v=spf1 include:_spf.senders.test ~all\"",
                  f"mail TXT \"{SITE_VERIFICATION}\"",
                  f"_dmarc TXT \"{REJECT}\""],
    # What another sender's include leads to (two look-ups deep).
    "senders.test": ["_spf TXT \"v=spf1 ip4:192.0.2.0/24 include:_inner.senders.test -all\"",
                     "_inner TXT \"v=spf1 ip4:198.51.100.0/24 -all\""],
    # Two SPF records at the MAIL FROM name: a permerror.
    "twospf.test": ["mail TXT \"v=spf1 ip4:192.0.2.1 ~all\"", "mail TXT \"v=spf1 include:_spf.senders.test ~all\""],
    # 8 a: terms and an include that costs 2 more: 10 look-ups, 11 once SES is added.
    "toomany.test": ["mail TXT \"v=spf1 " + " ".join(f"a:h{i}.toomany.test" for i in range(1, 9))
                     + " include:_spf.senders.test ~all\""],
    # The same with 7 a: terms: 10 look-ups once merged, which is allowed.
    "justfits.test": ["mail TXT \"v=spf1 " + " ".join(f"a:h{i}.justfits.test" for i in range(1, 8))
                      + " include:_spf.senders.test -all\""],
    # SES already authorized: kept as it is.
    "hasses.test": ["mail TXT \"v=spf1 ip4:192.0.2.1 include:amazonses.com -all\""],
    # An SPF that lets everyone pass.
    "plusall.test": ["mail TXT \"v=spf1 include:_spf.senders.test +all\""],
    # A DMARC record receivers do not apply (p= unknown), with a site verification at _dmarc.
    "invalid.test": ["_dmarc TXT \"v=DMARC1; p=bogus\""],
    # An organisation that enforces on its subdomains; the identity is shop.org.test.
    "org.test": ["_dmarc TXT \"v=DMARC1; p=quarantine; sp=reject\""],
    # Nothing beside: the usual output.
    "empty.test": ["_dmarc TXT \"v=DMARC1; p=none; sp=quarantine\""],
    # A subdomain delegated as a zone of its own (served by the same named); its organisation is empty.test.
    "news.empty.test": [],
}


def zone_text(origin: str, lines: list[str]) -> str:
    body = "\n".join(lines)
    return (f"$ORIGIN {origin}.\n$TTL 300\n@ SOA ns1 hostmaster 1 3600 600 86400 300\n@ NS ns1\n"
            f"ns1 A 127.0.0.1\n{body}\n")


def all_zones() -> dict[str, str]:
    return {f"{origin}.": zone_text(origin, lines) for origin, lines in ZONES.items()}
