"""Issue 22, item 2: every value is checked where it enters, one way.

Each validator is fed values with control characters and trailing newlines (`re.match("^...$")`
accepted "us-east-1\\n"): it either refuses them with an InputError (exit 2) or, where the whole value
may be trimmed (a domain typed with a trailing space), returns a value that holds no control character.
The library's entry points refuse wrong types as the command line's parsing would.
"""

from __future__ import annotations

import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import exporter
from exporter import model, names, regions
from exporter.dnscheck.ask import parse_nameserver
from exporter.dnscheck.wait import parse_duration
from exporter.errors import InputError
from exporter.formats import Settings
from exporter.formats._terraform import _CLOUDFLARE_ZONE_ID, _ROUTE53_ZONE_ID, _zone_id
from exporter.job import Job, refuse_bad_values

from conftest import SAMPLES, examples

CONTROLS = [chr(c) for c in range(0x20)] + ["\x7f", "\x85", "\x9b", "\u2028", "\u2029", "\u202e", "\u2066"]
CONTROL = re.compile("[\x00-\x1f\x7f-\x9f\u2028\u2029\u202a-\u202e\u2066-\u2069]")
PLAIN = str(SAMPLES / "identities" / "example.com.json")

# (validator, a valid value): each returns its normalized value or raises InputError.
VALIDATORS = {
    "domain": (lambda v: names.domain(v, "DOMAIN"), "shop.example.com"),
    "token": (lambda v: names.token(v, "Tokens"), "abcdef123"),
    "region": (regions.region, "us-east-1"),
    "zone": (lambda v: model.options(zone=v).zone, "example.com"),
    "mail_from": (lambda v: model.options(mail_from=v).mail_from, "bounce.example.com"),
    "dmarc": (lambda v: model.options(dmarc=v).dmarc, "v=DMARC1; p=reject;"),
    "dmarc_rua": (lambda v: model.options(dmarc_rua=v).dmarc_default, "mailto:d@example.com"),
    "verification_token": (lambda v: model.options(verification_token=v).verification_token,
                           "c2VzLWV4cG9ydCB2ZXJpZmljYXRpb24gdG9rZW4gMzI="),
    "route53 zone id": (lambda v: _zone_id(v, _ROUTE53_ZONE_ID, "a zone id"), "Z0123456789ABC"),
    "cloudflare zone id": (lambda v: _zone_id(v, _CLOUDFLARE_ZONE_ID, "a zone id"), "0123456789abcdef0123456789abcdef"),
    "wait": (lambda v: str(parse_duration(v)), "30m"),
    "nameserver": (lambda v: str(parse_nameserver(v)), "127.0.0.1:5300"),
    "profile": (lambda v: refuse_bad_values(Job(domains=("example.com",), profile=v)) or v, "work"),
    "identity_file": (lambda v: refuse_bad_values(Job(identity_file=v)) or v, "saved/example.com.json"),
    "output": (lambda v: refuse_bad_values(Job(domains=("example.com",), output=v)) or v, "out/records.zone"),
    "dkim_public_key": (lambda v: refuse_bad_values(Job(domains=("example.com",), dkim_public_key=v)) or v, "k.pem"),
}


def outcome(name: str, value: str) -> str | None:
    """The validator's result as text, or None when it refused the value with an InputError."""
    validate = VALIDATORS[name][0]
    try:
        result = validate(value)
    except InputError as e:
        assert "\n" not in str(e) and "\x1b" not in str(e)  # the refusal is one line, whatever the value
        return None
    return "" if result is None else str(result)


@pytest.mark.parametrize("name", sorted(VALIDATORS))
def test_each_validator_takes_its_valid_value(name):
    assert outcome(name, VALIDATORS[name][1]) is not None


@pytest.mark.parametrize("name", sorted(VALIDATORS))
def test_a_trailing_newline_is_refused_or_trimmed(name):
    """re.match('^...$') matched before a final newline; fullmatch does not."""
    for ending in ("\n", "\r\n", "\n\n"):
        result = outcome(name, VALIDATORS[name][1] + ending)
        assert result is None or not CONTROL.search(result), (name, result)


@pytest.mark.parametrize("name", sorted(VALIDATORS))
@settings(max_examples=examples(60))
@given(data=st.data())
def test_a_control_character_inside_a_value_is_refused(name, data):
    valid = VALIDATORS[name][1]
    at = data.draw(st.integers(1, len(valid) - 1))
    control = data.draw(st.sampled_from(CONTROLS))
    value = valid[:at] + control + valid[at:]
    # Never accepted silently with the character dropped or kept: inside a value it is refused.
    assert outcome(name, value) is None, (name, value)


@settings(max_examples=examples(200))
@given(st.text(min_size=1, max_size=40))
def test_no_validator_returns_a_control_character(text):
    for name in VALIDATORS:
        if name == "nameserver":  # a host name would be resolved: the other validators cover the shape
            continue
        result = outcome(name, text)
        assert result is None or not CONTROL.search(result), (name, text, result)


# --- what SES can return ---------------------------------------------------------------------------

@pytest.mark.slow  # loads botocore's service model
def test_the_ses_values_are_botocores_model():
    import botocore.session

    service = botocore.session.get_session().get_service_model("sesv2")
    shapes = {"DkimAttributes.Status": "DkimStatus", "VerificationStatus": "VerificationStatus",
              "MailFromAttributes.MailFromDomainStatus": "MailFromDomainStatus",
              "VerificationInfo.ErrorType": "VerificationError",
              "MailFromAttributes.BehaviorOnMxFailure": "BehaviorOnMxFailure"}
    for field, shape in shapes.items():
        assert set(model.SES_VALUES[field]) == set(service.shape_for(shape).enum), field
    for origin in service.shape_for("DkimSigningAttributesOrigin").enum:
        assert model._ORIGIN.fullmatch(origin), origin


def test_a_folder_file_named_with_a_newline_is_refused(tmp_path, cli):
    (tmp_path / "example\n.com.json").write_text((SAMPLES / "identities" / "example.com.json").read_text())
    result = cli("--identity-file", str(tmp_path), "--region", "us-east-1", "-f", "bind")
    assert result.exit_code == 2 and result.stdout == ""
    assert "'example\\n.com' holds the control character '\\n'" in result.stderr, result.stderr


@pytest.mark.parametrize("args, text", [
    (["--profile", "work\nresource \"null_resource\" \"x\" {}"], "--profile: 'work\\nresource"),
    (["--identity-file", PLAIN + "\n$INCLUDE /etc/passwd"], "--identity-file: "),
    (["--region", "us-east-1\n"], "--region: "),
    (["--zone-id", "Z0123\nTransform: x"], "--zone-id: "),
])
def test_a_value_echoed_into_an_output_cannot_break_out_of_its_comment(cli, args, text):
    """The check command in a header echoes --profile and the paths: a newline there would start a line
    of HCL (a local-exec), zone data ($INCLUDE) or YAML (Transform:)."""
    result = cli("example.com", "--identity-file", PLAIN, "-f", "terraform-route53", *args)
    assert result.exit_code == 2, result.stdout
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert len(lines) == 1 and text in lines[0], result.stderr


# --- the library refuses wrong types as the command line would --------------------------------------

@pytest.mark.parametrize("call, option", [
    (lambda: exporter.options(dmarc=123), "dmarc"),
    (lambda: exporter.options(zone=b"example.com"), "zone"),
    (lambda: exporter.options(ttl="1800"), "ttl"),
    (lambda: exporter.check([], max_queries=-5), "max_queries"),
    (lambda: exporter.check([], timeout="abc"), "timeout"),
    (lambda: exporter.check([], nameservers="127.0.0.1"), "nameservers"),
    (lambda: exporter.load_saved(PLAIN, domains="example.com"), "domains"),
    (lambda: exporter.load_saved(PLAIN, domains=["example.com"], options={"region": "us-east-1"}), "options"),
    (lambda: exporter.fetch_live(["example.com"], regions="us-east-1"), "regions"),
    (lambda: exporter.fetch_live(["example.com"], timeout="abc"), "timeout"),
    (lambda: Settings(zone_id=123), "zone_id"),
    (lambda: exporter.run(Job(domains=("example.com",), identity_file=PLAIN, dns_timeout="abc")), "dns_timeout"),
    (lambda: exporter.run(Job(domains=("example.com",), identity_file=PLAIN, check=True, max_queries=-5)),
     "max_queries"),
    (lambda: exporter.run(Job(domains=("example.com",), identity_file=PLAIN, check="yes")), "check"),
])
def test_the_library_refuses_wrong_types_naming_the_parameter(call, option):
    import exporter.dnscheck.run  # noqa: F401  (the engine loaded first: exporter.check stays the function)

    with pytest.raises(InputError) as error:
        call()
    assert error.value.option == option or str(error.value).startswith(f"{option}:"), str(error.value)


@pytest.mark.slow  # imports octoDNS
@pytest.mark.parametrize("arguments, option", [
    ({"no_dmarc": "false"}, "no_dmarc"),
    ({"timeout": "abc"}, "ses_timeout"),
    ({"domains": "example.com"}, "domains"),
    ({"profile": "work\n"}, "profile"),
])
def test_the_octodns_source_refuses_wrong_types(arguments, option):
    from exporter.octodns import SesSource

    with pytest.raises(InputError) as error:
        SesSource("ses", identity_file=PLAIN, region="us-east-1", **arguments)
    assert error.value.option == option, str(error.value)



def test_the_key_given_to_options_is_checked_as_the_command_lines_key_file():
    """options(dkim_public_key=PEM text) wrote p=-----BEGIN PUBLIC KEY-----...; now the PEM's body is
    taken, and what is not an RSA public key of 1024-2048 bits is refused as from a file."""
    from conftest import ROOT

    pem = (SAMPLES / "keys" / "byodkim.example.org.pem").read_text()
    from_pem = model.options(dkim_public_key=pem).dkim_public_key
    assert from_pem and "-" not in from_pem and " " not in from_pem
    assert model.options(dkim_public_key=from_pem).dkim_public_key == from_pem  # the base64 body: the same
    assert model.options(dkim_public_keys={"a.example": pem}).dkim_public_keys == (("a.example.", from_pem),)
    for bad in ("ed25519-public.pem", "private-key.pem", "rsa-4096-public.pem"):
        with pytest.raises(InputError, match="^dkim_public_key: the key: "):
            model.options(dkim_public_key=(ROOT / "tests" / "bad_input" / bad).read_text())
