"""BYODKIM: turn the user's PEM public key into the base64 body of the DKIM TXT record."""

from __future__ import annotations

import base64
import binascii
import re

from .errors import InputError

_ARMOUR = re.compile(r"-----BEGIN ([A-Z0-9 ]+)-----(.*?)-----END \1-----", re.S)


def public_key_base64(pem_text: str, what: str, option: str | None = None) -> str:
    """The key's SubjectPublicKeyInfo as one base64 line: what follows 'p=' in DNS.

    `what` names the key in errors (its path); `option` the parameter it came from.
    """
    match = _ARMOUR.search(pem_text)
    if not match:
        body = "".join(pem_text.split())
        kind = "PUBLIC KEY"
    else:
        kind, body = match.group(1), "".join(match.group(2).split())
    if "PRIVATE" in kind:
        # Never echo it: a private key in the wrong place is a secret to protect, not to print.
        raise InputError(f"{what}: this is a PRIVATE key; pass the public key (openssl rsa -in KEY -pubout)", option=option)
    if kind == "RSA PUBLIC KEY":
        raise InputError(f"{what}: PKCS#1 'RSA PUBLIC KEY'; DKIM needs the SubjectPublicKeyInfo form (openssl rsa -in KEY -pubout)", option=option)
    if kind != "PUBLIC KEY":
        raise InputError(f"{what}: expected a PEM 'PUBLIC KEY', found {kind!r}", option=option)
    try:
        der = base64.b64decode(body, validate=True)
    except (binascii.Error, ValueError):
        raise InputError(f"{what}: the key is not valid base64", option=option) from None
    if len(der) < 32 or der[0] != 0x30:
        raise InputError(f"{what}: the key is not a DER public key (SubjectPublicKeyInfo)", option=option)
    return base64.b64encode(der).decode("ascii")
