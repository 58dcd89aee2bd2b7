"""Reading one DNS answer: exporter/dnscheck/wire.py's Reply against dns.message.from_wire.

    .venv/bin/python benchmarks/wire_speed.py

Three answers as an authoritative server sends them to --check: a DKIM CNAME, an SPF TXT, and a
NODATA with the zone's SOA in the authority section. The best of five rounds, in µs per answer
(docs/design.md quotes the figures).
"""

from __future__ import annotations

import timeit

import dns.message
import dns.rrset

from exporter.dnscheck.wire import Reply, question


def answer(name: str, rdtype: str, *rrsets: tuple[str, list[str]], authority: tuple = ()) -> tuple[int, bytes]:
    query = dns.message.make_query(name, rdtype, use_edns=0, payload=1232)
    response = dns.message.make_response(query)
    response.flags |= 0x0400  # AA
    response.answer = [dns.rrset.from_text(name, 300, "IN", t, *values) for t, values in rrsets]
    response.authority = [dns.rrset.from_text(*record) for record in authority]
    return response.id, response.to_wire()


CASES = {
    "DKIM CNAME": answer("abc._domainkey.shop.example.net.", "CNAME",
                         ("CNAME", ["abc.dkim.us-east-1.amazonses.com."])),
    "SPF TXT": answer("bounce.shop.example.net.", "TXT", ("TXT", ['"v=spf1 include:amazonses.com ~all"'])),
    "NODATA (SOA)": answer("_dmarc.shop.example.net.", "TXT", authority=(
        ("example.net.", 300, "IN", "SOA", "ns1.example.net. hostmaster.example.net. 1 7200 3600 1209600 300"),)),
}


def main() -> None:
    for label, (qid, wire) in CASES.items():
        asked = dns.message.from_wire(wire).question[0]
        q = question(asked.name.to_text(), asked.rdtype)
        n = 20000
        ours = min(timeit.repeat(lambda w=wire, q=q, i=qid: Reply(w, q, i), number=n, repeat=5)) / n * 1e6
        theirs = min(timeit.repeat(lambda w=wire: dns.message.from_wire(w), number=n // 10, repeat=5)) / (n // 10) * 1e6
        print(f"{label:14} wire.Reply {ours:5.1f} µs   dns.message.from_wire {theirs:6.1f} µs")


if __name__ == "__main__":
    main()
