"""exporter/verify.py on its own: the dig and nslookup lines and the ses-export --check command it makes
(tests/test_verify.py runs them against a real named)."""

from exporter.model import Identity, Record
from exporter.verify import check_command, lookup, rerun_options

ZONE = "example.com."
DKIM = Record(ZONE, "tok._domainkey.example.com.", "CNAME", 1800, "tok.dkim.amazonses.com.", "dkim")
MX = Record(ZONE, "mail.example.com.", "MX", 1800, "feedback-smtp.us-east-1.amazonses.com.", "mail-from-mx", 10)
KEY = Record(ZONE, "sel._domainkey.example.com.", "TXT", 1800, "p=" + "A" * 398, "dkim")


def test_lookups_show_what_dig_prints():
    assert lookup(DKIM).dig == "dig +short CNAME tok._domainkey.example.com."
    assert lookup(DKIM).nslookup == "nslookup -type=CNAME tok._domainkey.example.com."
    assert lookup(DKIM).answer == "tok.dkim.amazonses.com."
    assert lookup(MX).answer == "10 feedback-smtp.us-east-1.amazonses.com."
    long = lookup(KEY)
    assert long.answer.count('"') == 4 and long.shortened and len(long.shown) < 60
    # dig prints the two character-strings quoted and apart: so does the shortened answer
    first, second = long.shown.split(" ")
    assert first.startswith('"p=AAAA') and first.endswith('"') and second.startswith('"') and second.endswith('A"')
    assert not lookup(DKIM).shortened


def test_the_check_command_repeats_what_decides_the_records():
    from exporter.job import Job

    job = Job(domains=("example.com",), identity_file="saved dir/x.json", zone="example.com", mail_from="m.example.com",
              dmarc="v=DMARC1; p=reject;", dkim_public_key="k.pem", verification_token="t" * 44, ttl=60,
              dns_host="cloudflare", format="bind", output="out.zone")
    args = rerun_options(job)
    for option in ("--identity-file", "--zone", "--mail-from", "--dmarc", "--dkim-public-key", "--verification-token"):
        assert option in args
    for render_only in ("--ttl", "--dns-host", "-f", "--format", "-o", "--output"):
        assert render_only not in args
    identity = Identity(domain="example.com.", region="eu-west-1", zone=ZONE, source="test")
    command = check_command(identity, args, "ja")
    assert command.startswith("ses-export example.com --identity-file 'saved dir/x.json' ")
    assert command.endswith("--region eu-west-1 --lang ja --check")
    assert "--no-dmarc" in rerun_options(Job(domains=("example.com",), dmarc=None))
    # No command line (a program rendered the records): live SES, --zone only where not the default
    below = Identity(domain="shop.example.com.", region=None, zone="shop.example.com.", source="test")
    assert check_command(below, None, None) == "ses-export shop.example.com --zone shop.example.com --check"


def test_options_for_some_identities_only_go_to_theirs():
    from exporter.job import Job

    args = rerun_options(Job(identity_file="dir", dkim_public_key="k.pem", mail_from="m.example.com", dmarc=None))
    easy = Identity(domain="example.com.", region=None, zone=ZONE, source="test", records=(DKIM,))
    own_key = Identity(domain="example.com.", region=None, zone=ZONE, source="test", records=(KEY,),
                       mail_from_status="PLANNED")
    assert check_command(easy, args, None) == "ses-export example.com --identity-file dir --no-dmarc --check"
    assert check_command(own_key, args, None) == ("ses-export example.com --identity-file dir --mail-from m.example.com "
                                                  "--no-dmarc --dkim-public-key k.pem --check")
