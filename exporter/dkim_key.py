"""BYODKIM: turn the user's public key (PEM or DER) into the base64 body of the DKIM TXT record.

SES's BYODKIM takes RSA keys of 1024 to 2048 bits only (SES Developer Guide, "Provide your own
authentication token (BYODKIM)": "private key length must be at least 1024 bits and up to 2048
bits"), and a DKIM record's p= holds the key's SubjectPublicKeyInfo (RFC 6376 3.6.1, k=rsa by
default). An ed25519 or EC key written as p= would be a record no verifier reads as RSA, so the
key's algorithm and size are read here, from its DER, with the few lines of ASN.1 that
SubjectPublicKeyInfo needs (RFC 5280 4.1, RFC 3279 2.3.1): no cryptography library for one check.
"""

from __future__ import annotations

import base64
import binascii
import re
from pathlib import Path

from .errors import InputError
from .phrase import Phrase

_ARMOUR = re.compile(r"-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \1-----", re.S)
MIN_BITS, MAX_BITS = 1024, 2048

# Algorithm OIDs (DER content octets) a SubjectPublicKeyInfo may name.
_RSA = bytes.fromhex("2a864886f70d010101")  # 1.2.840.113549.1.1.1 rsaEncryption
_ALGORITHMS = {
    bytes.fromhex("2b6570"): "ed25519",  # 1.3.101.112
    bytes.fromhex("2b6571"): "ed448",  # 1.3.101.113
    bytes.fromhex("2a8648ce3d0201"): "EC (ECDSA)",  # 1.2.840.10045.2.1
    bytes.fromhex("2a864886f70d01010a"): "RSASSA-PSS",  # 1.2.840.113549.1.1.10
    bytes.fromhex("2a8648ce380401"): "DSA",  # 1.2.840.10040.4.1
}


class _Der:
    """A reader of DER TLVs (X.690 8.1): tag, definite length, contents."""

    def __init__(self, data: bytes):
        self.data, self.at = data, 0

    def take(self, tag: int) -> bytes:
        data, at = self.data, self.at
        if at + 2 > len(data) or data[at] != tag:
            raise ValueError(f"expected tag {tag:#x}")
        length, at = data[at + 1], at + 2
        if length & 0x80:
            count = length & 0x7F
            if count == 0 or count > 4 or at + count > len(data):
                raise ValueError("bad length")
            length, at = int.from_bytes(data[at:at + count], "big"), at + count
        if at + length > len(data):
            raise ValueError("truncated")
        self.at = at + length
        return data[at:at + length]

    def done(self) -> bool:
        return self.at == len(self.data)


def rsa_modulus_bits(der: bytes) -> int:
    """The key size of an RSA SubjectPublicKeyInfo; ValueError("algorithm NAME") for another
    algorithm, ValueError for anything that is not a SubjectPublicKeyInfo."""
    outer = _Der(der)
    spki = _Der(outer.take(0x30))
    if not outer.done():
        raise ValueError("trailing data")
    algorithm = _Der(spki.take(0x30))
    oid = algorithm.take(0x06)
    if oid != _RSA:
        raise ValueError(f"algorithm {_ALGORITHMS.get(oid, 'OID ' + oid.hex())}")
    bits = spki.take(0x03)
    if not bits or bits[0] != 0:
        raise ValueError("bad BIT STRING")
    rsa = _Der(_Der(bits[1:]).take(0x30))
    modulus = rsa.take(0x02).lstrip(b"\0")
    rsa.take(0x02)  # the public exponent
    if not modulus:
        raise ValueError("empty modulus")
    return (len(modulus) - 1) * 8 + modulus[0].bit_length()


def public_key_base64(key: str | bytes, what: object, option: str | None = None) -> str:
    """The key's SubjectPublicKeyInfo as one base64 line: what follows 'p=' in DNS.

    `key` is PEM text (or bare base64), or DER bytes; `what` names the key in errors (its path);
    `option` the parameter it came from.
    """
    if isinstance(key, bytes):
        if key[:1] == b"\x30":
            der = key
        else:
            try:
                key = key.decode("ascii")
            except UnicodeDecodeError:
                raise InputError(Phrase("error.at", what=what, problem=Phrase("error.key-not-key")), option=option) from None
    if isinstance(key, str):
        der = _pem_der(key, what, option)
    try:
        bits = rsa_modulus_bits(der)
    except ValueError as e:
        reason = str(e)
        if reason.startswith("algorithm "):
            raise InputError(Phrase("error.at", what=what, problem=Phrase("error.key-algorithm", algorithm=reason[len('algorithm '):],
                                             low=MIN_BITS, high=MAX_BITS)), option=option) from None
        raise InputError(Phrase("error.at", what=what, problem=Phrase("error.key-not-der")), option=option) from None
    if not MIN_BITS <= bits <= MAX_BITS:
        raise InputError(Phrase("error.at", what=what, problem=Phrase("error.key-size", bits=bits, low=MIN_BITS, high=MAX_BITS)), option=option)
    return base64.b64encode(der).decode("ascii")


def _pem_der(pem_text: str, what: object, option: str | None) -> bytes:
    match = _ARMOUR.search(pem_text)
    if not match:
        body = "".join(pem_text.split())
        kind = "PUBLIC KEY"
    else:
        kind, body = match.group(1), "".join(match.group(2).split())
    if "PRIVATE" in kind:
        # Never echo it: a private key in the wrong place is a secret to protect, not to print.
        raise InputError(Phrase("error.at", what=what, problem=Phrase("error.key-private")), option=option)
    if kind == "RSA PUBLIC KEY":
        raise InputError(Phrase("error.at", what=what, problem=Phrase("error.key-pkcs1")), option=option)
    if kind != "PUBLIC KEY":
        raise InputError(Phrase("error.at", what=what, problem=Phrase("error.key-pem-kind", kind=repr(kind))), option=option)
    try:
        der = base64.b64decode(body, validate=True)
    except (binascii.Error, ValueError):
        raise InputError(Phrase("error.at", what=what, problem=Phrase("error.key-base64")), option=option) from None
    if len(der) < 32 or der[0] != 0x30:
        raise InputError(Phrase("error.at", what=what, problem=Phrase("error.key-not-der")), option=option)
    return der


MAX_KEY_FILE = 64 * 1024  # a 2048-bit key is 451 bytes of PEM; bound what a wrong path makes us read


def read_public_key(path: str, option: str | None = None) -> str:
    """The base64 key of a PEM or DER file."""
    try:
        with open(path, "rb") as handle:
            data = handle.read(MAX_KEY_FILE + 1)
    except OSError as e:
        raise InputError(Phrase("error.key-unreadable", path=path, reason=e.strerror or str(e)), option=option) from None
    if len(data) > MAX_KEY_FILE:
        raise InputError(Phrase("error.key-file-large", path=path, size=MAX_KEY_FILE), option=option)
    return public_key_base64(data, path, option)


def read_public_keys(folder: str, option: str | None = None) -> dict[str, str]:
    """{FQDN: base64 key} from a folder of DOMAIN.pem (or DOMAIN.der) files, one per BYODKIM identity."""
    from . import names

    keys: dict[str, str] = {}
    for file in sorted(Path(folder).iterdir()):
        if file.suffix not in (".pem", ".der") or not file.is_file():
            continue
        fqdn = names.domain(file.stem, Phrase("error.what-file-name", file=str(file)), option=option)
        if fqdn in keys:
            raise InputError(Phrase("error.key-folder-two", folder=folder, domain=fqdn[:-1]), option=option)
        keys[fqdn] = read_public_key(str(file), option)
    if not keys:
        raise InputError(Phrase("error.key-folder-empty", folder=folder), option=option)
    return keys
