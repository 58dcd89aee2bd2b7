"""The DNS wire codec of --check: RFC 1035 section 4, what the check needs and no more.

exporter/dnscheck/ask.py writes each question once (`question`) and reads every answer here
(`Reply`) instead of through dns.message: about 20 µs an answer against 100-250 µs, and a
thousand identities are tens of thousands of answers (docs/design.md, "Reading DNS answers").

Answers come from the network, so this module reads them as dns.message.from_wire would and
refuses whatever it would refuse: names (pointers only backwards, at most 255 octets), records
that run past their length or the message, an OPT record out of place, a TSIG, trailing bytes.
Every record's data is read by dnspython itself (dns.rdata.from_wire), but for a CNAME of plain labels and
nothing else (a DKIM answer: `_Cname`, dnspython's class with its text, hash and equality). Whatever is wrong, the
only error that leaves this module is `WireError`; tests/test_wire.py compares it with
dns.message.from_wire on generated and mutated messages.

Stricter than dns.message on purpose, for what is not an answer to the question asked: the
id, QR, opcode QUERY, and the question echoed (one question, same name, type, class IN). A
truncated answer (TC) is not read further: the question is asked again over TCP.
"""

from __future__ import annotations

import functools
import re
import struct
from typing import NamedTuple

import dns.exception
import dns.name
import dns.rdata
import dns.rdataclass
import dns.rdatatype
import dns.rdtypes.ANY.CNAME

EDNS_PAYLOAD = 1232  # the DNS flag day 2020 size: no fragmentation, a 2048-bit DKIM key fits
MAX_POINTERS = 16  # compression pointers in one name, as dnspython allows
_OPT, _TSIG, _SOA, _NS, _IN, _CNAME = 41, 250, 6, 2, 1, 5
_HEADER = struct.Struct("!6H")  # id, flags, and the four sections' counts
_RECORD = struct.Struct("!HHIH")  # a record after its owner: type, class, TTL, data length


class WireError(ValueError):
    """Bytes that are not a well-formed answer to the question asked."""


class Question(NamedTuple):  # a tuple: made for every question, and a frozen dataclass costs more to make
    labels: tuple[bytes, ...]  # lowercase, without the root label
    wire: bytes  # the question section: QNAME (lowercase) QTYPE QCLASS
    rest: bytes  # everything after the id and flags: counts, question, EDNS OPT record


_COUNTS = b"\x00\x01\x00\x00\x00\x00\x00\x01"  # QD 1, AN 0, NS 0, AR 1
_TAILS = {rdtype: rdtype.to_bytes(2, "big") + b"\x00\x01" for rdtype in (1, 2, 5, 6, 15, 16, 28)}  # QTYPE, QCLASS IN
_OPT_RECORD = b"\x00\x00\x29" + EDNS_PAYLOAD.to_bytes(2, "big") + b"\x00\x00\x00\x00\x00\x00"  # OPT, version 0


@functools.lru_cache(maxsize=4096)
def question(name: str, rdtype: int) -> Question:
    """The question `name rdtype IN` in wire form, with an EDNS OPT record. ValueError for a name
    that is not a domain name (the caller's mistake, not the network's)."""
    tail = _TAILS.get(rdtype) or rdtype.to_bytes(2, "big") + b"\x00\x01"  # QTYPE, QCLASS IN
    if "\\" in name or not name.isascii() or not name.endswith("."):
        labels = tuple(dns.name.from_text(name).labels[:-1])  # escapes: dnspython reads them
        qname = b"".join([bytes((len(label),)) + label for label in labels]) + b"\x00"
        return Question(tuple([label.lower() for label in labels]), qname.lower() + tail,
                        _COUNTS + qname + tail + _OPT_RECORD)
    if name == ".":
        return Question((), b"\x00" + tail, _COUNTS + b"\x00" + tail + _OPT_RECORD)
    # The usual case, a plain A-label name: a tenth of dnspython's time. ASCII throughout, so each label's
    # length (below 64) is one character, and the name in lowercase is each label's bytes.lower().
    raw = name[:-1].encode()
    parts = raw.split(b".")
    if len(name) > 254 or b"" in parts or max(map(len, parts)) > 63:
        raise ValueError(f"{name}: not a valid domain name")
    qname = b"".join([_LENGTHS[len(part)] + part for part in parts]) + b"\x00"
    lower = qname.lower()  # a length octet is below 64: lower() leaves it as it is
    return Question(tuple(raw.lower().split(b".")), lower + tail, _COUNTS + qname + tail + _OPT_RECORD)


_LENGTHS = [bytes((length,)) for length in range(64)]  # a label's length octet


def read_name(wire: bytes, offset: int, end: int | None = None) -> tuple[tuple[bytes, ...], int]:
    """(lowercase labels, the offset after the name), following compression pointers as dnspython
    does: each points before the last one (so no loop), and what it points to ends before it.
    `end`: where the name must end (a record's data), default the message's end."""
    labels: list[bytes] = []
    after: int | None = None  # where the name ends in the message: after its first pointer
    lowest = start = offset  # a pointer must point below `lowest`; `start`: where this part of the name began
    end = len(wire) if end is None else end  # reading may not reach this (then: the start of the part that pointed)
    octets = 1  # the root label
    pointers = 0
    while True:
        if offset >= end:
            raise WireError("a name runs past the end")
        length = wire[offset]
        if length >= 0xC0:
            if offset + 1 >= end:
                raise WireError("a name runs past the end")
            target = ((length & 0x3F) << 8) | wire[offset + 1]
            if target >= lowest:
                raise WireError("a compression pointer that does not point backwards")
            pointers += 1
            if pointers > MAX_POINTERS:
                raise WireError("too many compression pointers in one name")
            if after is None:
                after = offset + 2
            end, lowest, start, offset = start, target, target, target
            continue
        if length > 63:
            raise WireError("a bad label type")
        if offset + 1 + length > end:
            raise WireError("a name runs past the end")
        if length == 0:
            return tuple(labels), after if after is not None else offset + 1
        octets += length + 1
        if octets > 255:
            raise WireError("a name longer than 255 octets")
        labels.append(wire[offset + 1:offset + 1 + length].lower())
        offset += 1 + length


class Reply:
    """A server's answer to one question: its rcode (with EDNS's extended bits) and flags, the
    records owned by the name asked (type -> rdata set, class IN), and the (owner, type) of the SOA
    and NS records of the authority section. WireError for anything else."""

    __slots__ = ("rcode", "authoritative", "truncated", "has_answer", "owned", "authority")

    def __init__(self, wire: bytes, question: Question, qid: int | None = None):
        size = len(wire)
        if size < 12:
            raise WireError("shorter than a DNS header")
        ident, flags, asked, answers, authorities, additional = _HEADER.unpack_from(wire)
        asked_wire = question.wire
        end = 12 + len(asked_wire)
        if qid is not None and ident != qid:
            raise WireError("not the id asked")
        if not flags & 0x8000 or flags & 0x7800 or asked != 1 or (
                wire[12:end] != asked_wire  # the name echoed as asked (lowercase), else compared without case:
                and wire[12:end - 4].lower() + wire[end - 4:end] != asked_wire):
            raise WireError("not an answer to the question asked")
        self.rcode = flags & 0x000F
        self.authoritative = bool(flags & 0x0400)
        self.truncated = bool(flags & 0x0200)
        self.has_answer = answers > 0
        self.authority: list[tuple[tuple[bytes, ...], int]] = []  # (owner labels, type) of SOA and NS
        self.owned: dict[str, frozenset[dns.rdata.Rdata]] = {}
        if self.truncated:
            return  # asked again over TCP: the rest is not read
        offset = end
        owned: dict[int, list[frozenset[dns.rdata.Rdata]]] = {}
        opt = False
        asked_labels = question.labels
        unpack = _RECORD.unpack_from
        for section, count in ((0, answers), (1, authorities), (2, additional)):
            for _ in range(count):
                if offset + 1 < size and wire[offset] == 0xC0 and wire[offset + 1] == 12:
                    # A pointer to the question's name (most owners): read_name would give its labels,
                    # which equal the question's (the echo was compared above).
                    owner, offset = asked_labels, offset + 2
                elif offset < size and wire[offset] == 0:  # the root (an OPT record's owner)
                    owner, offset = (), offset + 1
                else:
                    owner, offset = read_name(wire, offset)
                if offset + 10 > size:
                    raise WireError("a record runs past the end")
                rdtype, rdclass, _, rdlen = unpack(wire, offset)
                offset += 10
                if offset + rdlen > size:
                    raise WireError("a record runs past the end")
                if rdtype == _OPT:
                    if section != 2 or opt or owner:
                        raise WireError("an OPT record out of place")
                    opt = True
                    self.rcode |= wire[offset - 6] << 4  # the extended rcode: the TTL's first octet
                elif rdtype == _TSIG:
                    raise WireError("a TSIG record (no question is signed)")
                if section == 0 and rdclass == _IN and owner == asked_labels:
                    owned.setdefault(rdtype, []).append(_rdata(rdclass, rdtype, wire, offset, rdlen))
                elif rdtype == _SOA or rdtype == _NS:  # read as dnspython reads them, but only their owner is kept
                    _check_names(rdtype, wire, offset, offset + rdlen)
                    if section == 1 and rdclass == _IN:
                        self.authority.append((owner, rdtype))
                else:  # not kept, but refused as dnspython would refuse it (read once when it stands alone)
                    _rdata(rdclass, rdtype, wire, offset, rdlen)
                offset += rdlen
        if offset != len(wire):
            raise WireError("bytes after the last record")
        self.owned = {_type_text(rdtype): sets[0] if len(sets) == 1 else frozenset().union(*sets)
                      for rdtype, sets in owned.items()}


_PLAIN_LABELS = re.compile(rb"[A-Za-z0-9_-]*")  # nothing dnspython's text escapes (dns.name._escapify)


def name_text(name: dns.name.Name) -> str:
    """dnspython's text of an absolute name (`name.to_text()`), made in one join when no label holds a
    character it escapes: the text of every CNAME and MX found, for a thousand identities."""
    labels = name.labels
    if len(labels) > 1 and not labels[-1] and _PLAIN_LABELS.fullmatch(b"".join(labels)):
        return b".".join(labels).decode("ascii")
    return name.to_text()


@functools.lru_cache(maxsize=256)
def _type_text(rdtype: int) -> str:
    return dns.rdatatype.to_text(dns.rdatatype.RdataType.make(rdtype))


def _check_names(rdtype: int, wire: bytes, offset: int, end: int) -> None:
    """The data of an SOA (two names and five numbers) or an NS (one name) record, checked as dnspython
    reads it, without building its rdata: an authority section's SOA is in every NODATA answer."""
    _, offset = read_name(wire, offset, end)
    if rdtype == _SOA:
        _, offset = read_name(wire, offset, end)
        offset += 20
    if offset != end:
        raise WireError("record data that does not add up")


_RDATA: dict[tuple[int, int, bytes], frozenset[dns.rdata.Rdata]] = {}  # the same record in many answers is read once
_RDATA_KEPT = 4096
_NAMED: dict[int, int] = {dns.rdatatype.CNAME: 0, dns.rdatatype.NS: 0, dns.rdatatype.MX: 2}  # name at
_PLAIN = (dns.rdatatype.TXT, dns.rdatatype.A, dns.rdatatype.AAAA, _OPT)  # no name inside


def _name(labels: tuple[bytes, ...]) -> dns.name.Name:
    """dnspython's Name of labels already checked as its __init__ checks them (each 1 to 63 octets, the root label
    last, 255 octets in all), made as its __setstate__ makes one: without converting and checking them again."""
    name = _NEW_NAME(dns.name.Name)
    _SET(name, "labels", labels)
    return name


_NEW_NAME, _SET = object.__new__, object.__setattr__


class _Cname(dns.rdtypes.ANY.CNAME.CNAME):
    """dnspython's CNAME rdata, made from the labels read here, with its hash worked out from its
    bytes: each DKIM answer's CNAME is its own (no cache helps), and dnspython hashes an rdata by
    writing it out in canonical wire form again. The same hash and equality as dnspython's: the
    canonical form of an uncompressed name is its wire form in lowercase (RFC 4034 6.2)."""

    __slots__ = ("_hash",)
    _hash: int

    def __init__(self, target: dns.name.Name, data: bytes):
        # What dnspython's __init__ sets, without its immutability context (a third of the time):
        # the fields are set once here, and the object is immutable after, as dnspython's are.
        setattr_ = object.__setattr__
        setattr_(self, "rdclass", dns.rdataclass.IN)
        setattr_(self, "rdtype", dns.rdatatype.CNAME)
        setattr_(self, "rdcomment", None)
        setattr_(self, "target", target)
        setattr_(self, "_hash", hash(data.lower()))

    def __hash__(self) -> int:
        return self._hash


def _rdata(rdclass: int, rdtype: int, wire: bytes, offset: int, rdlen: int) -> frozenset[dns.rdata.Rdata]:
    """dnspython's rdata for one record, as a set of one, kept when its bytes stand alone (no
    compression pointer into the rest of the message): the MX and SPF of a thousand identities
    are one record, read and hashed once (hashing an rdata writes it out in wire form again)."""
    data = wire[offset:offset + rdlen]
    if rdtype == _CNAME and rdclass == _IN and rdlen <= 255:  # at most 255 octets: no NameTooLong
        # A DKIM answer: plain labels (lengths 1 to 63) and the root label ending the data (dnspython refuses
        # trailing bytes), case kept. Each is its own, so it is not kept.
        labels, at = [], 0
        while at < rdlen and 0 < (length := data[at]) < 64:
            labels.append(data[at + 1:at + 1 + length])
            at += length + 1
        if at == rdlen - 1 and data[at] == 0:
            labels.append(b"")
            return frozenset({_Cname(_name(tuple(labels)), data)})
    start = _NAMED.get(rdtype)
    standalone = rdtype in _PLAIN
    if start is not None:
        position = start
        while position < rdlen and 0 < data[position] < 0xC0:
            position += data[position] + 1
        standalone = position < rdlen and data[position] == 0
    key = (rdclass, rdtype, data)
    one = _RDATA.get(key) if standalone else None
    if one is None:
        try:
            klass, kind = dns.rdataclass.RdataClass.make(rdclass), dns.rdatatype.RdataType.make(rdtype)
            if standalone:
                one = frozenset({dns.rdata.from_wire(klass, kind, data, 0, rdlen)})
            else:
                one = frozenset({dns.rdata.from_wire(klass, kind, wire, offset, rdlen)})
        except Exception as e:  # whatever dnspython raises for data it refuses: this module's error
            raise WireError(f"record data dnspython refuses ({type(e).__name__})") from None
        if standalone:
            if len(_RDATA) >= _RDATA_KEPT:
                _RDATA.clear()
            _RDATA[key] = one
    return one
