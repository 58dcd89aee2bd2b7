"""Panel facts as data: every panel is complete, and `entry` lays a record out for its fields."""

import dns.rdata
import dns.rdataclass
import dns.rdatatype
import pytest

from exporter.language import LANGUAGES
from exporter.model import Record
from exporter.panels import PANEL_NAMES, PANELS, entry, panel

DESIGN_PANELS = {"generic", "cloudflare", "route53", "onamae", "muumuu", "xserver", "sakura", "valuedomain",
                 "godaddy", "namecheap"}
ZONE = "example.com."
CNAME = Record(ZONE, "tok._domainkey.example.com.", "CNAME", 1800, "tok.dkim.amazonses.com.", "dkim")
MX = Record(ZONE, "mail.example.com.", "MX", 1800, "feedback-smtp.us-east-1.amazonses.com.", "mail-from-mx", 10)
SPF = Record(ZONE, "mail.example.com.", "TXT", 1800, "v=spf1 include:amazonses.com ~all", "mail-from-spf")
LONG_KEY = Record(ZONE, "sel._domainkey.example.com.", "TXT", 1800, "p=" + "A" * 398, "dkim")


def test_every_panel_of_the_design_is_there():
    assert set(PANEL_NAMES) == DESIGN_PANELS
    assert panel(None) is PANELS["generic"]


@pytest.mark.parametrize("key", sorted(DESIGN_PANELS - {"generic"}))
def test_each_known_panel_says_where_and_cites_a_source(key):
    p = PANELS[key]
    assert set(p.where) == {"en", "ja"}  # where the records are added: its own words, in each language it has
    for lang in LANGUAGES:  # and in every language a sentence of its own (English where it has none), not generic's
        assert p.where_in(lang) and p.where_in(lang) != PANELS["generic"].where_in(lang)
    assert p.name_servers and p.name_servers_source  # --dns-host auto knows it from its entry
    assert p.sources
    assert p.mx_priority in (None, "field", "in-value")


def test_generic_entry_keeps_values_as_they_are():
    e = entry(panel("generic"), CNAME, ZONE)
    assert (e.host, e.fqdn, e.value, e.priority) == ("tok._domainkey", CNAME.name, CNAME.value, None)
    assert e.relative_value == "tok.dkim.amazonses.com.example.com"
    assert e.doubled_name == "tok._domainkey.example.com.example.com"
    mx = entry(panel("generic"), MX, ZONE)
    assert (mx.value, mx.priority) == (MX.value, 10)


def test_a_zone_above_the_identity_gives_longer_hosts():
    e = entry(panel("onamae"), Record("news.example.com.", "tok._domainkey.news.example.com.", "CNAME", 1800,
                                      "tok.dkim.amazonses.com.", "dkim"), ZONE)
    assert e.host == "tok._domainkey.news"


def test_route53_takes_mx_priority_in_the_value_and_quoted_txt():
    r53 = panel("route53")
    assert entry(r53, MX, ZONE).value == "10 feedback-smtp.us-east-1.amazonses.com."
    assert entry(r53, MX, ZONE).priority is None
    typed = entry(r53, LONG_KEY, ZONE).value
    strings = dns.rdata.from_text(dns.rdataclass.IN, dns.rdatatype.TXT, typed).strings
    assert len(strings) == 2 and b"".join(strings).decode() == LONG_KEY.value


def test_apex_host_follows_the_panel():
    apex = Record(ZONE, ZONE, "TXT", 1800, "v=spf1 include:amazonses.com ~all", "mail-from-spf")
    assert entry(panel("route53"), apex, ZONE).host == ""  # Route 53: leave the name empty, never '@'
    assert entry(panel("generic"), apex, ZONE).host == "@"


def test_value_domain_lines():
    vd = panel("valuedomain")
    assert entry(vd, CNAME, ZONE).editor_line == "cname tok._domainkey tok.dkim.amazonses.com."
    assert entry(vd, SPF, ZONE).editor_line == "txt mail v=spf1 include:amazonses.com ~all"
    assert entry(vd, MX, ZONE).editor_line is None  # the MX line syntax for a subdomain is not known


def test_too_long_for_the_panel():
    assert entry(panel("sakura"), LONG_KEY, ZONE).too_long
    assert entry(panel("muumuu"), LONG_KEY, ZONE).too_long
    assert not entry(panel("sakura"), SPF, ZONE).too_long
    assert not entry(panel("cloudflare"), LONG_KEY, ZONE).too_long


def test_labels_fall_back_when_unknown():
    assert panel("cloudflare").label("value", "CNAME") == "Target"
    assert panel("cloudflare").label("host") == "Name"
    assert panel("xserver").label("value", "TXT") is None
    assert panel("generic").label("host") is None


def test_panel_facts_of_issue_12():
    cf, r53 = panel("cloudflare"), panel("route53")
    assert cf.full_name_ok and not r53.full_name_ok  # Cloudflare strips the zone from a full name
    assert r53.fqdn_values and not panel("generic").fqdn_values  # Route 53: every value fully qualified
    assert cf.underscore_ok and r53.underscore_ok and not panel("onamae").underscore_ok
    assert cf.ttl_problem(1) is None and cf.ttl_problem(60) is None and cf.ttl_problem(86400) is None
    assert "60..86400" in cf.ttl_problem(30) and cf.ttl_problem(86401)
    assert panel("generic").ttl_problem(1) is None  # nothing known, nothing refused
    assert cf.label("host", None, "ja") == "名前" and cf.label("value", "CNAME", "ja") == "ターゲット"
    assert cf.label("value", "TXT", "ja") == "Content"  # no Japanese label known: the panel's English one
    assert (r53.label("host", None, "ja"), r53.label("value", "TXT", "ja")) == ("レコード名", "値")
    assert panel("muumuu").save_button == "セットアップ情報変更"
    assert {p.key for p in PANELS.values() if p.shows_unicode} == {"onamae", "muumuu", "xserver", "sakura",
                                                                   "valuedomain"}
    assert panel("sakura").max_txt_chars == 255
