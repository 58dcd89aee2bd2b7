import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from exporter import names
from exporter.errors import InputError

from conftest import examples


@pytest.mark.parametrize(
    "text, fqdn",
    [
        ("example.com", "example.com."),
        ("Example.COM.", "example.com."),
        ("日本語.jp", "xn--wgv71a119e.jp."),
        ("ｅｘａｍｐｌｅ.com", "example.com."),  # full-width input, mapped by UTS 46
        ("faß.de", "xn--fa-hia.de."),  # IDNA 2008; IDNA 2003 would give fass.de
        ("mail.xn--wgv71a119e.jp", "mail.xn--wgv71a119e.jp."),
    ],
)
def test_domain_is_a_label_fqdn_with_dot(text, fqdn):
    assert names.domain(text) == fqdn


@pytest.mark.parametrize(
    "text, problem",
    [
        ("", "empty"),
        ("me@example.com", "email address"),
        ("a..example.com", "empty label"),
        ("com", "single label"),
        ("a" * 64 + ".com", "longer than 63"),
        (".".join(["abcdefghi"] * 26) + ".com", "longer than 253"),
        ("-bad.example.com", "not a host name label"),
        ("sp ace.example.com", "example.com"),
    ],
)
def test_bad_domain_names_the_problem(text, problem):
    with pytest.raises(InputError, match=problem) as error:
        names.domain(text, None, option="zone")
    assert str(error.value).startswith("zone: ")
    assert error.value.cli_message().startswith("--zone: ")


def test_relative_host():
    assert names.relative("example.com.", "example.com.") == "@"
    assert names.relative("tok._domainkey.news.example.com.", "example.com.") == "tok._domainkey.news"
    with pytest.raises(ValueError):
        names.relative("example.org.", "example.com.")


def test_token_must_be_a_label():
    assert names.token("abc_DEF-123", "t") == "abc_DEF-123"
    for bad in ["", "a.b", "a" * 64, None, 5, "tok en"]:
        with pytest.raises(InputError):
            names.token(bad, "t")


# The fast path for plain ASCII names must agree exactly with the dnspython path it skips.

_ASCII_NAMES = st.one_of(
    st.text(alphabet="abcXYZ019-_.", min_size=1, max_size=80),
    st.lists(st.text(alphabet="aZ9-_", min_size=1, max_size=70), min_size=1, max_size=5).map(".".join),
    st.sampled_from(["xn--wgv71a119e.jp", "XN--zz.com", "a" * 63 + ".com", ".".join(["abcdefghi"] * 25) + ".co",
                     ".".join(["abcdefghi"] * 25) + ".com", "a\\.b.com", "a\\065.com", "ab--cd.com"]),
)


@settings(max_examples=examples(400), deadline=None)
@given(_ASCII_NAMES)
@example("0.0..")  # found by hypothesis: the fast path once stripped every final dot, not one
def test_plain_ascii_fast_path_agrees_with_dnspython(text):
    fast = names._plain_ascii_domain(text.strip())
    real = names._plain_ascii_domain
    names._plain_ascii_domain = lambda raw: None
    try:
        full = names.domain(text)
    except InputError:
        full = None
    finally:
        names._plain_ascii_domain = real
    if fast is not None:
        assert fast == full
    # and the public function gives the same either way
    try:
        assert names.domain(text) == full
    except InputError:
        assert full is None


@pytest.mark.parametrize("text", ["xn--zz.example", "XN--ZZ.example", "shop.xn--ls8h.example", "xn--a.example"])
def test_broken_a_labels_are_refused(text):
    with pytest.raises(InputError, match="not a valid IDNA A-label"):
        names.domain(text, "DOMAIN")


def test_valid_a_labels_pass_unchanged():
    assert names.domain("XN--WGV71A119E.jp") == "xn--wgv71a119e.jp."


@pytest.mark.parametrize("fqdn, shown", [
    ("xn--wgv71a119e.jp.", "日本語.jp."),
    ("xn--fa-hia.de.", "faß.de."),
    # Plain ASCII to DNS, but not valid A-labels: their Punycode decodes to U+202E (right-to-left
    # override), U+0085 (a C1 control) and U+2028 (a line separator). Found by tests/test_roundtrip.py.
    ("xn--ab-f4t.com.", "xn--ab-f4t.com."),
    ("a.xn--x-ka.com.", "a.xn--x-ka.com."),
    ("xn--y-din.com.", "xn--y-din.com."),
])
def test_to_unicode_shows_only_valid_a_labels_decoded(fqdn, shown):
    assert names.to_unicode(fqdn) == shown
