"""terraform-dns against a real `named` that takes RFC 2136 updates signed with TSIG.

There is no hashicorp/dns provider binary here, so the updates are built as provider 3.4 builds
them (internal/provider/resource_dns_*_record*.go): on create, one update per resource that adds
each value from the zone-file line `NAME TTL TYPE VALUE` (a TXT value between quotes, which its
DNS library splits into strings of at most 255 bytes), with no prerequisite; on a later apply, one
update that deletes every value read from DNS and adds every value of the file. dnspython sends
them with the key the file's provider block names. What `named` then serves is read back by a
zone transfer: this proves the value forms and the header's account of an existing _dmarc, not
the provider's own code.
"""

from __future__ import annotations

import base64
import json
import os

import dns.query
import dns.rcode
import dns.rdata
import dns.rdataclass
import dns.rdataset
import dns.rdatatype
import dns.rdtypes.ANY.TXT
import dns.tsig
import dns.tsigkeyring
import dns.update
import dns.zone
import pytest

from check_zones import write_identity
from conftest import SAMPLES, require_tool
from dns_servers import Named
from hcl_support import Hcl, blocks, dns_update_text
from merge_zones import REJECT, SITE_VERIFICATION, ZONES, zone_text

pytestmark = [pytest.mark.needs_named, pytest.mark.needs_node]

KEY_NAME = "ses-export-test."
ALL_SAMPLES = ["--identity-file", str(SAMPLES / "identities"), "--dkim-public-key", str(SAMPLES / "keys")]
SAMPLE_ZONES = ["example.com.", "example.net.", "example.org.", "xn--wgv71a119e.jp."]
MERGED = "v=spf1 include:_spf.senders.test include:amazonses.com ~all"
KINDS = {"dns_cname_record": "CNAME", "dns_mx_record_set": "MX", "dns_txt_record_set": "TXT"}


@pytest.fixture(autouse=True)
def configured_region(monkeypatch):
    monkeypatch.setenv("AWS_REGION", "us-east-1")


@pytest.fixture(scope="module")
def hcl():
    tools = Hcl()
    yield tools
    tools.close()


@pytest.fixture
def server(tmp_path):
    """A fresh named per test (updates change its zones): the sample zones and kept.test, empty
    but for SOA/NS and what kept.test holds (an SPF for other senders, a site verification and a
    p=reject DMARC record) and senders.test (the SPF it includes), updatable with a new key."""
    secret = base64.b64encode(os.urandom(32)).decode()
    zones = {origin: zone_text(origin[:-1], []) for origin in SAMPLE_ZONES}
    zones["kept.test."] = zone_text("kept.test", ['mail TXT "v=spf1 include:_spf.senders.test ~all"',
                                                  f'mail TXT "{SITE_VERIFICATION}"', f'_dmarc TXT "{REJECT}"'])
    zones["senders.test."] = zone_text("senders.test", ZONES["senders.test"])  # what kept.test's SPF includes
    named = Named(require_tool("named"), tmp_path / "named", zones, update_key=(KEY_NAME, "hmac-sha256", secret))
    named.secret = secret
    yield named
    named.stop()


class Provider:
    """The updates hashicorp/dns 3.4 would send for the file's resources, with the server and key
    its provider block takes from the variables."""

    def __init__(self, hcl: Hcl, text: str, named: Named):
        parsed = hcl.parse(text)
        (update,) = parsed["provider"]["dns"][0]["update"]
        scope = {"var.dns_server": "127.0.0.1", "var.dns_key_name": KEY_NAME,
                 "var.dns_key_algorithm": hcl.evaluate(parsed["variable"]["dns_key_algorithm"][0]["default"], {}),
                 "var.dns_key_secret": named.secret}
        settings = dict(zip(update, hcl.evaluate_all(list(update.values()), scope)))
        assert set(settings) == {"server", "key_name", "key_algorithm", "key_secret"}
        assert settings["key_algorithm"] == "hmac-sha256"
        self.server, self.port = settings["server"], named.port
        self.keyring = dns.tsigkeyring.from_text({settings["key_name"]: settings["key_secret"]})
        self.resources = []
        for block_type, rtype in KINDS.items():
            for ident, body in blocks(parsed, "resource", block_type).items():
                zone = hcl.evaluate(body["zone"], {})
                name = f"{hcl.evaluate(body['name'], {})}.{zone}" if "name" in body else zone
                self.resources.append((ident, zone, name, rtype, body["ttl"], self._rdatas(hcl, rtype, body)))

    @staticmethod
    def _rdatas(hcl: Hcl, rtype: str, body: dict) -> list:
        if rtype == "CNAME":
            return [dns.rdata.from_text("IN", "CNAME", hcl.evaluate(body["cname"], {}))]
        if rtype == "MX":
            return [dns.rdata.from_text("IN", "MX", f"{mx['preference']} {hcl.evaluate(mx['exchange'], {})}")
                    for mx in body["mx"]]
        rdatas = []
        for value in hcl.evaluate(body["txt"], {}):
            text = dns_update_text(value).encode()  # between quotes, then split at 255 bytes, as miekg/dns does
            chunks = [text[i:i + 255] for i in range(0, len(text), 255)] or [b""]
            rdatas.append(dns.rdtypes.ANY.TXT.TXT(dns.rdataclass.IN, dns.rdatatype.TXT, chunks))
        return rdatas

    def _send(self, update: dns.update.UpdateMessage) -> None:
        response = dns.query.tcp(update, self.server, port=self.port, timeout=5)
        assert response.rcode() == 0, dns.rcode.to_text(response.rcode())

    def create(self) -> None:
        """terraform apply of a new configuration: each resource adds its values."""
        for _ident, zone, name, _rtype, ttl, rdatas in self.resources:
            update = dns.update.UpdateMessage(zone, keyring=self.keyring, keyalgorithm=dns.tsig.HMAC_SHA256)
            for rdata in rdatas:
                update.add(name, ttl, rdata)
            self._send(update)

    def apply_over_state(self, ident: str) -> None:
        """A resource whose state holds what DNS holds at its name (read after create, or
        terraform import): its update deletes every value read and adds every value of the file."""
        ((_ident, zone, name, rtype, ttl, rdatas),) = [r for r in self.resources if r[0] == ident]
        held = served(self.port)[zone].get((name, rtype), [])
        update = dns.update.UpdateMessage(zone, keyring=self.keyring, keyalgorithm=dns.tsig.HMAC_SHA256)
        for rdata in held:
            update.delete(name, dns.rdataset.from_rdata(ttl, rdata))
        for rdata in rdatas:
            update.add(name, ttl, rdata)
        self._send(update)


def served(port: int, origins=("kept.test.", *SAMPLE_ZONES)) -> dict[str, dict[tuple[str, str], list]]:
    """{zone: {(name, type): [rdata]}} by zone transfer, without SOA, NS and the server's address."""
    result = {}
    for origin in origins:
        zone = dns.zone.from_xfr(dns.query.xfr("127.0.0.1", origin, port=port, timeout=5, relativize=False), relativize=False)
        result[origin] = {(name.to_text(), dns.rdatatype.to_text(rdataset.rdtype)): list(rdataset)
                          for name, rdataset in zone.iterate_rdatasets()
                          if rdataset.rdtype not in (dns.rdatatype.SOA, dns.rdatatype.NS)
                          and name.to_text() != f"ns1.{origin}"}
    return result


def as_records(zone_sets: dict, ttl_of) -> list[tuple]:
    """(zone, name, type, ttl, priority, value) of what named serves, TXT strings joined."""
    found = []
    for zone, sets in zone_sets.items():
        for (name, rtype), rdatas in sets.items():
            for rdata in rdatas:
                if rtype == "TXT":
                    assert all(len(s) <= 255 for s in rdata.strings)
                    found.append((zone, name, rtype, ttl_of(zone, name, rtype), None, b"".join(rdata.strings).decode()))
                elif rtype == "MX":
                    found.append((zone, name, rtype, ttl_of(zone, name, rtype), rdata.preference, rdata.exchange.to_text()))
                else:
                    found.append((zone, name, rtype, ttl_of(zone, name, rtype), None, rdata.target.to_text()))
    return found


def model_records(model: dict) -> list[tuple]:
    zones = {identity["domain"]: identity["zone"] for identity in model["identities"]}
    return [(zones[r["identity"]], r["name"], r["type"], r["ttl"], r["priority"], r["value"]) for r in model["records"]]


def render(cli, *args: str) -> str:
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    return result.stdout


def test_the_planned_values_sent_as_updates_make_exactly_the_model_s_records(hcl, cli, server):
    text = render(cli, *ALL_SAMPLES, "-f", "terraform-dns")
    model = json.loads(render(cli, *ALL_SAMPLES, "-f", "json"))
    assert sorted(identity["zone"] for identity in model["identities"]) == sorted(SAMPLE_ZONES)
    Provider(hcl, text, server).create()
    sets = served(server.port, SAMPLE_ZONES)
    ttls = {(r["name"], r["type"]): r["ttl"] for r in model["records"]}
    found = as_records(sets, lambda zone, name, rtype: ttls.get((name, rtype)))
    assert sorted(found, key=repr) == sorted(model_records(model), key=repr)
    assert any(len(rdata.strings) > 1 for rdatas in sets["example.org."].values() for rdata in rdatas
               if rdata.rdtype == dns.rdatatype.TXT), "the BYODKIM key is served split, whole once joined"


def test_an_existing_dmarc_gains_a_second_record_then_loses_its_own_as_the_header_says(hcl, cli, server, tmp_path):
    identity = write_identity(tmp_path, "kept.test")
    text = render(cli, "kept.test", "--identity-file", identity, "--region", "us-east-1", "-f", "terraform-dns")
    provider = Provider(hcl, text, server)
    provider.create()
    dmarc = [b"".join(r.strings).decode() for r in served(server.port)["kept.test."][("_dmarc.kept.test.", "TXT")]]
    assert sorted(dmarc) == sorted([REJECT, "v=DMARC1; p=none;"])  # two v=DMARC1 records: a permerror
    provider.apply_over_state("kept_test_dmarc")  # the next apply: state read from DNS, the file's one value
    dmarc = [b"".join(r.strings).decode() for r in served(server.port)["kept.test."][("_dmarc.kept.test.", "TXT")]]
    assert dmarc == ["v=DMARC1; p=none;"]  # the p=reject policy is gone
    header = text.split("\n\n", 1)[0]
    assert "second v=DMARC1 or v=spf1 record" in header and "removes the strings this file does not list" in header


def test_merge_live_imported_then_applied_replaces_the_set_with_the_merged_one(hcl, cli, server, tmp_path):
    identity = write_identity(tmp_path, "kept.test")
    text = render(cli, "kept.test", "--identity-file", identity, "--region", "us-east-1", "--merge-live",
                  "--nameserver", server.address, "-f", "terraform-dns")
    assert "terraform import dns_txt_record_set.kept_test_mail_from_spf mail.kept.test." in text
    provider = Provider(hcl, text, server)
    before = served(server.port)["kept.test."]
    for ident, *_ in provider.resources:
        if ident == "kept_test_mail_from_spf":
            provider.apply_over_state(ident)  # imported: state is what DNS holds
    txt = served(server.port)["kept.test."]
    assert sorted(b"".join(r.strings).decode() for r in txt[("mail.kept.test.", "TXT")]) == sorted([MERGED, SITE_VERIFICATION])
    assert txt[("_dmarc.kept.test.", "TXT")] == before[("_dmarc.kept.test.", "TXT")]  # DMARC kept: no resource for it
    assert [r for r in provider.resources if r[3] == "TXT"] == [r for r in provider.resources if r[0] == "kept_test_mail_from_spf"]
