"""exporter/dnscheck/wire.py, the check's own reader of DNS answers, against dns.message.from_wire.

The differential property: on generated answers and on the same answers mutated, the module and
dnspython read the same rcode, flags, records owned by the name asked and authority owners, or both
refuse. The module refuses more only where its docstring says so (not an answer to the question
asked); a truncated answer is not read further. Nothing but WireError ever leaves it.
"""

from __future__ import annotations

import random

import dns.edns
import dns.exception
import dns.flags
import dns.message
import dns.name
import dns.rcode
import dns.rdataclass
import dns.rdatatype
import dns.rrset
import pytest
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st

from exporter.dnscheck.wire import Reply, WireError, name_text, question, read_name

from conftest import examples

QID = 0x1234
NAME = "sel._domainkey.Example.TEST."
TYPES = ["A", "AAAA", "CNAME", "MX", "NS", "SOA", "TXT"]
DATA = {
    "A": st.sampled_from(["192.0.2.1", "198.51.100.7"]),
    "AAAA": st.sampled_from(["2001:db8::1", "::1"]),
    "CNAME": st.sampled_from(["sel.dkim.amazonses.com.", "example.test.", "x.sel._domainkey.example.test."]),
    "MX": st.sampled_from(["10 feedback-smtp.us-east-1.amazonses.com.", "0 .", "5 example.test."]),
    "NS": st.sampled_from(["ns1.example.test.", "a.iana-servers.net."]),
    "SOA": st.sampled_from(["ns1.example.test. hostmaster.example.test. 1 7200 3600 1209600 300"]),
    "TXT": st.lists(st.text(st.characters(min_codepoint=32, max_codepoint=126).filter(lambda c: c not in '"\\'),
                            max_size=300), min_size=1, max_size=3).map(lambda texts: " ".join(
                                " ".join(f'"{t[i:i + 255]}"' for i in range(0, max(len(t), 1), 255)) for t in texts)),
}
OWNERS = st.sampled_from([NAME, NAME.lower(), NAME.upper(), "Example.TEST.", "other.example.test.", "."])


@st.composite
def rrsets(draw, owners=OWNERS):
    rdtype = draw(st.sampled_from(TYPES))
    rdclass = draw(st.sampled_from(["IN", "IN", "IN", "CH"])) if rdtype in ("TXT", "NS") else "IN"
    values = draw(st.lists(DATA[rdtype], min_size=1, max_size=3))
    return dns.rrset.from_text(draw(owners), draw(st.integers(0, 2**31 - 1)), rdclass, rdtype, *values)


@st.composite
def answers(draw):
    """A server's answer to NAME's question of one type, in dnspython's wire form (compressed)."""
    rdtype = draw(st.sampled_from(TYPES))
    query = dns.message.make_query(NAME, rdtype, use_edns=draw(st.sampled_from([None, 0])), payload=1232, id=QID)
    response = dns.message.make_response(query)
    response.set_rcode(draw(st.sampled_from([dns.rcode.NOERROR, dns.rcode.NXDOMAIN, dns.rcode.SERVFAIL,
                                             dns.rcode.REFUSED] + ([dns.rcode.BADVERS] if query.edns >= 0 else []))))
    if draw(st.booleans()):
        response.flags |= dns.flags.AA
    response.answer = draw(st.lists(rrsets(), max_size=4))
    response.authority = draw(st.lists(rrsets(st.sampled_from(["example.test.", "test.", "."])), max_size=2))
    response.additional = draw(st.lists(rrsets(st.sampled_from(["ns1.example.test."])), max_size=2))
    return rdtype, _to_wire(response, draw(st.integers(0, 2**32 - 1)))


def _to_wire(message: dns.message.Message, seed: int) -> bytes:
    """dnspython writes an rdataset's records in a shuffled order (random.shuffle): written here with the
    random module seeded from the example and its state put back, so that the example can be replayed
    and Hypothesis sees no strategy use the random module."""
    state = random.getstate()
    random.seed(seed)
    try:
        return message.to_wire(max_size=65535)
    finally:
        random.setstate(state)


@st.composite
def mutations(draw):
    rdtype, wire = draw(answers())
    data = bytearray(wire)
    for _ in range(draw(st.integers(1, 4))):
        kind = draw(st.sampled_from(["flip", "set", "cut", "insert", "delete", "count"]))
        if not data:
            break
        at = draw(st.integers(0, len(data) - 1))
        if kind == "flip":
            data[at] ^= 1 << draw(st.integers(0, 7))
        elif kind == "set":
            data[at] = draw(st.sampled_from([0x00, 0x3F, 0x40, 0xC0, 0xFF, 0x0C]))
        elif kind == "cut":
            del data[at:]
        elif kind == "insert":
            data[at:at] = draw(st.binary(min_size=1, max_size=3))
        elif kind == "delete":
            del data[at:at + draw(st.integers(1, 3))]
        elif len(data) >= 12:  # a section count one more or less
            index = draw(st.sampled_from([6, 8, 10]))
            count = (int.from_bytes(data[index:index + 2], "big") + draw(st.sampled_from([1, -1]))) % 65536
            data[index:index + 2] = count.to_bytes(2, "big")
    return rdtype, bytes(data)


def dnspython_reads(wire: bytes, rdtype: str):
    """What dns.message.from_wire makes of `wire` as the check reads an answer, or None: it refuses
    it, or it is not an answer to the question asked (wire.py's own refusals, listed there)."""
    asked = dns.name.from_text(NAME)
    try:  # the header and the question: a truncated answer is not read further (asked again over TCP)
        message = dns.message.from_wire(wire, question_only=True)
        if message.flags & dns.flags.TC and message.question:
            return "truncated" if asked_for(message, asked, rdtype) else None
        # one_rr_per_rrset: dnspython otherwise keeps only the last of two CNAMEs (a singleton type),
        # where wire.py keeps both, so that --check sees a name with two CNAMEs as it is served
        message = dns.message.from_wire(wire, one_rr_per_rrset=True)
    except Exception:
        return None
    return read_as_the_check_does(message, asked) if asked_for(message, asked, rdtype) else None


def asked_for(message: dns.message.Message, asked: dns.name.Name, rdtype: str) -> bool:
    return not (message.id != QID or not message.flags & dns.flags.QR or message.opcode() != 0
            or len(message.question) != 1 or message.question[0].name != asked
            or message.question[0].rdtype != dns.rdatatype.from_text(rdtype)
            or message.question[0].rdclass != dns.rdataclass.IN)


def read_as_the_check_does(message: dns.message.Message, asked: dns.name.Name):
    owned: dict[str, set] = {}
    for rrset in message.answer:
        if rrset.name == asked and rrset.rdclass == dns.rdataclass.IN:
            owned.setdefault(dns.rdatatype.to_text(rrset.rdtype), set()).update(rrset)
    authority = {(tuple(label.lower() for label in rrset.name.labels[:-1]), rrset.rdtype)
                 for rrset in message.authority if rrset.rdclass == dns.rdataclass.IN
                 and rrset.rdtype in (dns.rdatatype.SOA, dns.rdatatype.NS)}
    return (message.rcode(), bool(message.flags & dns.flags.AA), bool(message.answer), owned, authority)


def module_reads(wire: bytes, rdtype: str):
    try:
        reply = Reply(wire, question(NAME, dns.rdatatype.from_text(rdtype)), QID)
    except WireError:
        return None
    if reply.truncated:
        return "truncated"
    return (reply.rcode, reply.authoritative, reply.has_answer, {k: set(v) for k, v in reply.owned.items()},
            set(reply.authority))


@settings(suppress_health_check=[HealthCheck.too_slow])
@given(answers())
def test_generated_answers_read_as_dnspython_reads_them(answer):
    rdtype, wire = answer
    expected = dnspython_reads(wire, rdtype)
    assert expected is not None
    assert module_reads(wire, rdtype) == expected


@settings(max_examples=examples(max(500, settings.default.max_examples)), suppress_health_check=[HealthCheck.too_slow])
@given(mutations())
def test_mutated_answers_read_the_same_or_both_refuse(answer):
    rdtype, wire = answer
    assert module_reads(wire, rdtype) == dnspython_reads(wire, rdtype)


# --- adversarial answers: only WireError, never IndexError, RecursionError or a hang ------------------

def header(ancount=1, nscount=0, arcount=0, flags=0x8400, qid=QID) -> bytes:
    return (qid.to_bytes(2, "big") + flags.to_bytes(2, "big") + b"\x00\x01"
            + b"".join(n.to_bytes(2, "big") for n in (ancount, nscount, arcount)))


Q = question("example.test.", dns.rdatatype.TXT)
START = header() + Q.wire  # the answer records start here
TXT_HEAD = b"\x00\x10\x00\x01\x00\x00\x01\x2c"  # TXT IN, TTL 300


def refused(wire: bytes, q=Q, qid=QID) -> str:
    with pytest.raises(WireError) as error:
        Reply(wire, q, qid)
    return str(error.value)


def test_a_well_formed_answer_is_read():
    wire = START + b"\xc0\x0c" + TXT_HEAD + b"\x00\x04\x03abc"
    reply = Reply(wire, Q, QID)
    assert [rdata.strings for rdata in reply.owned["TXT"]] == [(b"abc",)] and reply.authoritative


@pytest.mark.parametrize("target", ["Tok1.DKIM.amazonses.com.", "a.b.", "x" * 63 + ".example.", "."])
def test_a_cname_read_without_dnspython_is_dnspythons(target):
    """A CNAME's target is read from its labels (wire._Cname): the same text (case kept), hash and
    equality as dnspython's rdata, so a set of either holds the other."""
    q = question("sel._domainkey.example.test.", dns.rdatatype.CNAME)
    message = dns.message.make_response(dns.message.make_query("sel._domainkey.example.test.", "CNAME"))
    message.id = QID
    message.answer.append(dns.rrset.from_text("sel._domainkey.example.test.", 300, "IN", "CNAME", target))
    wire = message.to_wire()
    (mine,) = Reply(wire, q, QID).owned["CNAME"]
    (theirs,) = dns.message.from_wire(wire).answer[0]
    assert mine.to_text() == theirs.to_text() == target
    assert hash(mine) == hash(theirs) and mine == theirs and theirs == mine and {mine} == {theirs}
    assert mine.target == dns.name.from_text(target.lower())
    name = dns.name.from_text(target).to_wire()
    junk = (header() + q.wire + b"\xc0\x0c\x00\x05\x00\x01\x00\x00\x01\x2c"
            + (len(name) + 1).to_bytes(2, "big") + name + b"\x00")  # a byte after the name, inside the record
    with pytest.raises(dns.exception.DNSException):
        dns.message.from_wire(junk)
    refused(junk, q)


@pytest.mark.parametrize("pointer", [b"\xc0\x1e", b"\xc0\x1f", b"\xc0\x30", b"\xff\xff"])
def test_compression_pointers_to_themselves_or_forwards_are_refused(pointer):
    # 0x1e is where this owner name starts (12 + 18 question octets): a pointer to itself, a loop
    assert len(START) == 0x1E
    assert "pointer" in refused(START + pointer + TXT_HEAD + b"\x00\x00")


def test_a_loop_of_two_pointers_is_refused():
    # Two names, each pointing at the other: the second points back to the first, which points forwards.
    first = len(START)
    wire = START + bytes((0xC0 | (first + 14) >> 8, (first + 14) & 0xFF)) + TXT_HEAD + b"\x00\x02" + bytes(
        (0xC0 | first >> 8, first & 0xFF))
    refused(wire)


def test_a_long_chain_of_backward_pointers_ends():
    # Each pointer points to the one before it, the first to the name "a": dnspython follows 16 pointers
    # in one name and refuses the 17th, and so does wire.py.
    base = len(START)
    wire = START + b"\x01a\x00" + b"".join(bytes((0xC0, base if n == 0 else base + 3 + 2 * (n - 1)))
                                          for n in range(40))
    assert read_name(wire, base + 3 + 2 * 15) == ((b"a",), base + 3 + 2 * 16)
    with pytest.raises(WireError, match="too many"):
        read_name(wire, base + 3 + 2 * 16)
    assert dns.name.from_wire(wire, base + 3 + 2 * 15)[0] == dns.name.from_text("a.")
    with pytest.raises(dns.exception.DNSException):
        dns.name.from_wire(wire, base + 3 + 2 * 16)


def test_names_over_255_octets_are_refused_even_through_pointers():
    long_name = b"\x3f" + b"a" * 63
    assert "255" in refused(START + long_name * 4 + b"\x00" + TXT_HEAD + b"\x00\x00")
    # 3 labels here, and a pointer to 2 more labels of the question name: 256 octets in all
    assert "255" in refused(START + long_name * 3 + b"\x3d" + b"b" * 61 + b"\xc0\x0c" + TXT_HEAD + b"\x00\x00")


@pytest.mark.parametrize("cut", range(len(START), len(START) + 2 + 10 + 4))
def test_every_truncation_of_a_record_is_refused(cut):
    wire = START + b"\xc0\x0c" + TXT_HEAD + b"\x00\x04\x03abc"
    refused(wire[:cut])


@pytest.mark.parametrize("rdata", [b"\x00\x05\x03abc", b"\x00\x04\x09abc", b"\x00\x00"])
def test_record_data_that_does_not_add_up_is_refused(rdata):
    refused(START + b"\xc0\x0c" + TXT_HEAD + rdata)


def test_wrong_ids_questions_and_queries_are_refused():
    good = START + b"\xc0\x0c" + TXT_HEAD + b"\x00\x04\x03abc"
    assert "id" in refused(good, qid=QID + 1)
    refused(header(flags=0x0400) + good[12:])  # QR clear: a query, not an answer
    refused(header(flags=0xAC00) + good[12:])  # opcode UPDATE
    refused(good, q=question("example.test.", dns.rdatatype.A))
    refused(good, q=question("other.test.", dns.rdatatype.TXT))
    refused(good[:11])
    refused(b"")


def test_trailing_bytes_a_misplaced_opt_and_a_tsig_are_refused():
    good = START + b"\xc0\x0c" + TXT_HEAD + b"\x00\x04\x03abc"
    refused(good + b"\x00")
    opt = b"\x00\x00\x29\x04\xd0\x00\x00\x00\x00\x00\x00"
    refused(START + opt)  # OPT in the answer section
    refused(header(ancount=0, arcount=2) + Q.wire + opt + opt)  # two OPT records
    tsig = b"\x00\x00\xfa\x00\xff\x00\x00\x00\x00\x00\x00"
    refused(header(ancount=0, arcount=1) + Q.wire + tsig)


def test_the_extended_rcode_of_edns_is_read():
    badvers = b"\x00\x00\x29\x04\xd0\x01\x00\x00\x00\x00\x00"  # extended rcode 1: BADVERS (16)
    assert Reply(header(ancount=0, arcount=1) + Q.wire + badvers, Q, QID).rcode == dns.rcode.BADVERS


def test_a_truncated_answer_is_not_read_further():
    # TC: the question goes again over TCP, so a datagram cut in the middle of a record is still that news
    wire = header(flags=0x8600) + Q.wire + b"\xc0\x0c" + TXT_HEAD
    reply = Reply(wire, Q, QID)
    assert reply.truncated and reply.owned == {}


@example(b"\xc0")
@given(st.binary(max_size=300))
@settings(max_examples=examples(500))
def test_any_bytes_after_the_question_raise_only_wire_error(tail):
    for head in (START, header(ancount=3, nscount=2, arcount=2) + Q.wire):
        try:
            Reply(head + tail, Q, QID)
        except WireError:
            pass


@given(st.lists(st.binary(min_size=1, max_size=12), max_size=5))
def test_a_names_text_is_dnspythons(labels):
    """name_text (the report's text of every CNAME and MX found) is dnspython's to_text, escapes and all."""
    name = dns.name.Name([*labels, b""])
    assert name_text(name) == name.to_text()
    plain = dns.name.Name([*(bytes(b % 26 + 97 for b in label) for label in labels), b""])
    assert name_text(plain) == plain.to_text()
