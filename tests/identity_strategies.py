"""Hypothesis strategies for whole identities, as the model's entry point receives them.

A `Case` is what a user and SES can hand to `model.identity`: a DOMAIN argument as typed (ASCII
in any case, Unicode, trailing dot or not), a get-email-identity response (tokens, signing zone,
MAIL FROM, statuses) and the options (region, TTL, --zone, --mail-from, --dmarc,
--verification-token, BYODKIM key). The strategies lean towards what breaks escaping and
length limits: quotes, backslashes, `;`, `${`, `%{`, TXT past 255 bytes, 63-octet labels and
names near 253 octets. Some cases are bad input on purpose; the model must refuse those.
"""

from __future__ import annotations

import base64
import random
import textwrap
from dataclasses import dataclass, field

from hypothesis import strategies as st

from exporter import dkim_key, model

LOWER = "abcdefghijklmnopqrstuvwxyz"
DIGITS = "0123456789"
# Letters that IDNA 2008 accepts (PVALID) in several scripts, and upper case that UTS 46 maps.
UNICODE_LETTERS = "éüñçåøæßàöäÉÜ" "日本語例えテスト中文한국어" "пример" "δοκιμή" "ąęłżśćń"

# Real regions, including those with a regional DKIM zone and GovCloud's single MX host.
REAL_REGIONS = ("us-east-1", "us-west-2", "eu-west-1", "eu-central-2", "ap-northeast-3", "ap-southeast-5",
                "il-central-1", "us-gov-east-1", "us-gov-west-1", "ca-west-1", "sa-east-1")
SHAPED_REGIONS = st.from_regex(r"\A[a-z]{2}-(gov-|iso-|isob-)?[a-z]{1,12}-[0-9]{1,2}\Z")

# TXT text as users write it, dense in what breaks naive escaping in some syntax: quotes,
# backslashes, `;`, `${`, `%{`, comment starters. Strategies here are drawn thousands of times,
# so a value is a few draws (text around a run of any length), never one draw per character.
PRINTABLE = "".join(chr(c) for c in range(0x20, 0x7F))
HAZARDS = '"\\;${}%#`\' =:~/*<>!&@,|()aZ0'
TRICKY = st.sampled_from(['"', "\\", ";", "${", "%{", "$${", "%%{", "\\\"", "//", "/*", "<!--", "\\n", "  "])
# Runs that push a value past one or several 255-byte character-strings, so that what follows
# lands on either side of a split; 0 (no run) most of the time, as every byte is read back
# by each format's reader in each example.
RUN_LENGTHS = [0] * 27 + [253, 254, 255, 256, 300, 509, 510, 511, 1000]


def txt_values(max_size: int = model.MAX_TXT_LENGTH) -> st.SearchStrategy[str]:
    """Printable-ASCII TXT text of 1..max_size characters: mostly short, often past 255, now
    and then exactly max_size long."""
    def compose(head: str, tricky: str, run: int, tail: str, at_limit: bool) -> str:
        text = head + tricky + ("0123456789abcdef" * (max_size // 16 + 1))[:run] + tail
        return (text + "x" * max_size)[:max_size] if at_limit else text[:max_size]

    return st.builds(compose, st.text(HAZARDS, max_size=24), TRICKY, st.sampled_from(RUN_LENGTHS),
                     st.text(PRINTABLE, max_size=24), st.integers(0, 39).map(lambda n: n == 39)
                     ).filter(lambda s: s.strip())


def _from_seed(seed: int, size: int, alphabet: str) -> str:
    """`size` characters of `alphabet` from one drawn integer (shrinks to 'aaa...')."""
    return "".join(random.Random(seed).choices(alphabet, k=size)) if seed else alphabet[0] * size


@st.composite
def weighted(draw, *choices: tuple[int, st.SearchStrategy]):
    """one_of with weights. (st.one_of counts a strategy listed twice once, and the refusals a
    case meets must stay rare enough for most examples to reach the formats.)"""
    index = draw(st.integers(0, sum(weight for weight, _ in choices) - 1))
    for weight, strategy in choices:
        if index < weight:
            return draw(strategy)
        index -= weight
    raise AssertionError("unreachable")


def _ldh_label(alphabet: str, min_size: int, max_size: int) -> st.SearchStrategy[str]:
    """A label of the given alphabet that neither starts nor ends with '-'."""
    return st.text(alphabet, min_size=min_size, max_size=max_size).filter(
        lambda s: not s.startswith("-") and not s.endswith("-"))


HOST_LABEL = _ldh_label(LOWER + LOWER.upper() + DIGITS + "-", 1, 20)  # upper case is lowered
ASCII_LABEL = weighted(
    (6, HOST_LABEL),
    (2, _ldh_label(LOWER + DIGITS + "-_", 1, 20)),  # '_' is a label character of a domain here
    (1, st.builds(_from_seed, st.integers(0, 2**32), st.integers(60, 63), st.just(LOWER + DIGITS))),  # 63 octets
)
# Typed as Unicode (U-labels, upper case mapped by UTS 46) and written as xn-- A-labels.
UNICODE_LABEL = st.builds(lambda first, rest: first + rest, st.sampled_from(UNICODE_LETTERS),
                          st.text(UNICODE_LETTERS + LOWER + DIGITS, max_size=19))
# "xn--" followed by the Punycode of arbitrary text: a plain ASCII label to DNS, but one whose
# Unicode form (shown in headers for people) may be invalid, invisible or a control character.
PUNYCODE_LABEL = st.text(st.characters(min_codepoint=0x80, codec="utf-8"), min_size=1, max_size=8).map(
    lambda s: "xn--" + s.encode("punycode").decode("ascii").lower()).filter(
    lambda s: len(s) <= 63 and all(c in LOWER + DIGITS + "-" for c in s) and not s.endswith("-"))
LABEL = weighted((6, ASCII_LABEL), (2, UNICODE_LABEL), (1, PUNYCODE_LABEL))


@st.composite
def long_labels(draw) -> list[str]:
    """Labels that add up to a name of 180..253 octets (the longest a name may be)."""
    total = draw(st.integers(180, 253))
    seed = draw(st.integers(0, 2**32))
    labels: list[str] = []
    length = -1  # no dot before the first label
    while True:
        size = draw(st.integers(1, 63))
        if length + 1 + size > total:
            break
        labels.append(_from_seed(seed + len(labels), size, LOWER + DIGITS))
        length += 1 + size
    rest = total - length - 1
    if rest >= 1:
        labels.append(_from_seed(seed, rest, LOWER + DIGITS))
    return labels


# Mostly names of a few labels; one in twelve near the 253-octet limit (and then often refused
# for a record name too long, which must be a clean refusal).
DOMAIN_LABELS = weighted((11, st.lists(LABEL, min_size=2, max_size=4)), (1, long_labels()))
TOKEN = weighted(
    (3, st.builds(_from_seed, st.integers(0, 2**64), st.just(32), st.just(LOWER + DIGITS))),  # what SES sends today
    # Tokens are opaque DNS labels; none starts with '-' (it would be an option of the printed dig line).
    (1, st.builds(str.__add__, st.text(LOWER + LOWER.upper() + DIGITS + "_", min_size=1, max_size=1),
                  st.text(LOWER + LOWER.upper() + DIGITS + "-_", max_size=62))),
)
SIGNING_ZONES = st.sampled_from(["dkim.amazonses.com", "dkim.eu-central-2.amazonses.com.",
                                 "DKIM.ap-northeast-3.AmazonSES.com", "dkim.us-gov-east-1.amazonses.com"])
STATUS = st.sampled_from([None, "SUCCESS", "PENDING", "FAILED", "TEMPORARY_FAILURE", "NOT_STARTED"])
MAIL_FROM_STATUS = st.sampled_from([None, "SUCCESS", "PENDING", "FAILED", "TEMPORARY_FAILURE"])  # SES's enum
VERIFICATION_ERROR = st.sampled_from([None, None, "TYPE_NOT_FOUND", "HOST_NOT_FOUND", "DNS_SERVER_ERROR"])
# Now and then what a hand-edited file may hold where SES writes an enumeration.
ODD_STATUS = weighted((20, STATUS), (1, st.text(max_size=12)),
                      (1, st.sampled_from(["\ud800", "OK\nX", "\x1b[2J", 5, ["PENDING"]])))
REGION = weighted((12, st.sampled_from(REAL_REGIONS)), (4, SHAPED_REGIONS), (1, st.none()))
TTL = weighted((8, st.integers(60, 86400)), (2, st.sampled_from([model.DEFAULT_TTL, 300, 3600])), (1, st.just(1)),
               (1, st.integers(1, model.MAX_TTL)))  # the last mostly outside what Cloudflare takes


@dataclass(frozen=True)
class Case:
    domain: str  # the DOMAIN argument as typed
    response: dict  # get-email-identity, as saved JSON or SES returns it
    options: dict = field(default_factory=dict)  # keyword arguments of model.options

    def identity(self, **changes) -> model.Identity:
        """The identity through the model's entry point; raises InputError for bad input."""
        opts = model.options(**{**self.options, **changes})
        return model.identity(self.response, self.domain, opts, "identity.json")


def _spelling(labels: list[str], draw) -> str:
    """The labels as someone types them: any case, maybe a final dot."""
    case, dot = draw(st.sampled_from([(str, ""), (str, "."), (str.upper, ""), (str.upper, ".")]))
    return case(".".join(labels)) + dot


def public_key_pem(der: bytes) -> str:
    body = "\n".join(textwrap.wrap(base64.b64encode(der).decode("ascii"), 64))
    return f"-----BEGIN PUBLIC KEY-----\n{body}\n-----END PUBLIC KEY-----\n"


# Strategies of `cases`, built once: a strategy built inside a draw is validated on each draw.
TOKENS = st.lists(TOKEN, min_size=0, max_size=3, unique_by=str.lower)
ORIGIN = st.sampled_from(["AWS_SES"] * 10 + ["absent"] * 5 + ["EXTERNAL"] * 4 + ["replica"] * 4 + ["replica-odd"])
RSA_BITS = st.sampled_from([1024, 1025, 1536, 2047, 2048])


def _der(tag: int, content: bytes) -> bytes:
    length = len(content)
    head = bytes([length]) if length < 0x80 else bytes([0x80 | 2]) + length.to_bytes(2, "big")
    return bytes([tag]) + head + content


def _der_integer(value: int) -> bytes:
    return _der(0x02, value.to_bytes(value.bit_length() // 8 + 1, "big"))


def rsa_public_key_der(bits: int, seed: int, exponent: int = 65537) -> bytes:
    """An RSA SubjectPublicKeyInfo with a `bits`-bit modulus (any odd number: DNS never factors it)."""
    modulus = (1 << (bits - 1)) | random.Random(seed).getrandbits(bits - 1) | 1
    rsa = _der(0x30, _der_integer(modulus) + _der_integer(exponent))
    algorithm = _der(0x30, _der(0x06, bytes.fromhex("2a864886f70d010101")) + b"\x05\x00")
    return _der(0x30, algorithm + _der(0x03, b"\x00" + rsa))
ODD_ORIGIN = st.one_of(st.text(max_size=30),
                       st.sampled_from(["X\nevil. 300 IN A 192.0.2.1", "EU_WEST_1\r\n# x", "A*/B", "MOON_1"]))
MAIL_FROM_LABELS = weighted(
    (2, st.sampled_from(["bounce", "mail", "MAIL.Bounce", "ses-1"])),
    (6, st.lists(HOST_LABEL, min_size=1, max_size=2).map(".".join)),
    (1, st.sampled_from(["_dmarc", "_amazonses", "send_mail", "x._domainkey"])),
)
MAIL_FROM_WHERE = st.sampled_from(["none", "none", "ses", "option", "both"])
ZONE_CHOICE = st.sampled_from(["none", "none", "above", "self"])
# --dmarc is a DMARC record (RFC 7489 6.3), so its free text is the report addresses: their local
# parts may hold what breaks escaping elsewhere (${, %{, `, |, ', *, /, =), and many of them take
# the value past one or several 255-byte character-strings.
MAILTO_LOCAL = st.text("abcXYZ019.!#$%&'*+/=?^_`{|}~-", min_size=1, max_size=40)
MAILTO = st.builds(lambda local, big: f"mailto:{local}@example.com" + ("!10m" if big else ""), MAILTO_LOCAL,
                   st.booleans())
DMARC_RECORD = st.builds(
    lambda policy, rua, tail: f"v=DMARC1; p={policy}" + (f"; rua={','.join(rua)}" if rua else "") + tail,
    st.sampled_from(["none", "quarantine", "reject"]), st.lists(MAILTO, max_size=30),
    st.sampled_from([";", "", "; adkim=s; aspf=r; pct=50;", "; sp=reject; fo=1:d; ri=86400"]),
).filter(lambda text: len(text) <= model.MAX_TXT_LENGTH)
DMARC = weighted((1, st.just(model.AUTO_DMARC)), (1, st.just(model.DEFAULT_DMARC)), (1, st.none()),
                 (3, DMARC_RECORD))
# SES v1 verification tokens: 44 base64 characters; '+' and '/' start a good share of them.
VERIFICATION_TOKEN = weighted((1, st.none()), (1, st.from_regex(r"\A[A-Za-z0-9+/]{43}=\Z")),
                              (1, st.from_regex(r"\A[+/][A-Za-z0-9+/]{42}=\Z")))
ONE_IN_30 = st.integers(0, 29).map(lambda n: n == 29)


@st.composite
def cases(draw) -> Case:
    labels = draw(DOMAIN_LABELS)
    domain = _spelling(labels, draw)
    tokens = draw(TOKENS)
    if tokens and draw(ONE_IN_30):  # a hand-edited file lists one twice
        tokens.append(draw(st.sampled_from(tokens)).upper())
    region = draw(REGION)  # rarely none: saved JSON does not say its region

    dkim: dict = {"Tokens": tokens, "Status": draw(STATUS)}
    origin = draw(ORIGIN)
    options: dict = {}
    if origin == "EXTERNAL":
        dkim["SigningAttributesOrigin"] = "EXTERNAL"
        if not tokens and not draw(ONE_IN_30):  # SES names the selector, nearly always
            dkim["Tokens"] = tokens = [draw(TOKEN)]
        # An RSA SubjectPublicKeyInfo of 1024 to 2048 bits, as SES's BYODKIM takes (up to 294 bytes): the
        # TXT record then holds up to 396 characters, in two character-strings.
        der = rsa_public_key_der(draw(RSA_BITS), draw(st.integers(1, 2**64)))
        if not draw(ONE_IN_30):  # now and then the user forgets the key
            options["dkim_public_key"] = dkim_key.public_key_base64(public_key_pem(der), "--dkim-public-key")
    elif origin == "replica":
        dkim["SigningAttributesOrigin"] = "AWS_SES_" + draw(st.sampled_from(REAL_REGIONS)).upper().replace("-", "_")
    elif origin == "replica-odd":  # hand-edited: anything after AWS_SES_
        dkim["SigningAttributesOrigin"] = "AWS_SES_" + draw(ODD_ORIGIN)
    elif origin == "AWS_SES":
        dkim["SigningAttributesOrigin"] = "AWS_SES"
    if draw(st.booleans()):
        dkim["SigningHostedZone"] = draw(SIGNING_ZONES)
        named = dkim["SigningHostedZone"].lower().split(".")[1]
        if named != "amazonses" and origin in ("AWS_SES", "absent"):
            # The zone names the identity's region: --region is mostly that one or absent; now and
            # then another, which the model refuses.
            region = draw(st.sampled_from([named, named, None, region]))

    response: dict = {"IdentityType": "DOMAIN", "DkimAttributes": dkim,
                      "VerificationStatus": draw(ODD_STATUS), "VerificationInfo": {"ErrorType": draw(VERIFICATION_ERROR)}}

    # MAIL FROM: configured in SES, planned with --mail-from, both, or none. Now and then its
    # first labels repeat a name the identity already uses (_dmarc, a DKIM record).
    mail_from_sub = draw(MAIL_FROM_LABELS)
    if mail_from_sub == "x._domainkey" and tokens:
        mail_from_sub = f"{tokens[0]}._domainkey"
    mail_from = f"{mail_from_sub}.{domain.rstrip('.')}"
    where = draw(MAIL_FROM_WHERE)
    if where in ("ses", "both"):
        response["MailFromAttributes"] = {"MailFromDomain": mail_from, "MailFromDomainStatus": draw(MAIL_FROM_STATUS)}
    if where in ("option", "both"):
        options["mail_from"] = mail_from

    # --zone: the identity itself, a zone above it (as typed: any case, maybe Unicode), or none.
    zone_choice = draw(ZONE_CHOICE)
    if zone_choice == "above":
        above = len(labels) - draw(st.integers(2, len(labels)))
        options["zone"] = _spelling(labels[above:], draw)
    elif zone_choice == "self":
        options["zone"] = domain

    options["region"] = region
    options["ttl"] = draw(TTL)
    options["dmarc"] = draw(DMARC)
    token = draw(VERIFICATION_TOKEN)
    if token is not None:
        options["verification_token"] = token
    return Case(domain, response, options)


# TXT text that must be refused: anything outside printable ASCII, or longer than the model's limit.
NOT_PRINTABLE_ASCII = st.characters(exclude_characters="".join(chr(c) for c in range(0x20, 0x7F)),
                                    codec="utf-8", exclude_categories=["Cs"])
UNWRITABLE_TXT = st.one_of(
    # Inside the text: at either end, whitespace would be trimmed away like any surrounding space.
    st.tuples(txt_values(200), NOT_PRINTABLE_ASCII, st.text(PRINTABLE, max_size=20)).map(
        lambda parts: parts[0] + parts[1] + "z" + parts[2]),
    st.integers(model.MAX_TXT_LENGTH + 1, model.MAX_TXT_LENGTH + 300).map(lambda n: "y" * n),
)
