"""Terraform resource names: readable, stable, valid identifiers, unique in one file."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from exporter import names
from exporter.errors import InputError
from exporter.formats import Settings
from exporter.formats import _terraform as terraform
from exporter.model import Identity, Record

from conftest import examples
from hcl_support import Hcl

pytestmark = [pytest.mark.needs_node]


@pytest.fixture(scope="module")
def hcl():
    tools = Hcl()
    yield tools
    tools.close()


@pytest.mark.parametrize("text, expected", [
    ("example.com", "example_com"),
    ("xn--wgv71a119e.jp", "xn__wgv71a119e_jp"),
    ("Shop.Example.NET", "shop_example_net"),
    ("123.example", "_123_example"),
    ("_dmarc.example.com", "dmarc_example_com"),
    ("a--b..c", "a__b__c"),
    ("---", "_"),
])
def test_identifier(text, expected):
    assert terraform.identifier(text) == expected


@settings(max_examples=examples(200), deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.text(min_size=1, max_size=80))
def test_identifier_is_one_identifier_to_hashicorp_parser(hcl, text):
    ident = terraform.identifier(text)
    ast = hcl.ast(f"aws_route53_record.{ident}")
    assert ast["type"] == "scopeTraversal"
    assert [step["segment"] for step in ast["meta"]["traversal"]] == ["aws_route53_record", ident]


def test_unique_names_suffixes_later_duplicates_without_taking_a_used_name():
    assert terraform.unique_names(["a", "b", "a", "a"]) == ["a", "b", "a_2", "a_3"]
    assert terraform.unique_names(["a", "a", "a_2"]) == ["a", "a_3", "a_2"]


@settings(max_examples=examples(100))  # its own count: the "ci" profile sizes the round trips
@given(st.lists(st.sampled_from(["a", "a_2", "a_3", "b", "b_2"]), max_size=12))
def test_unique_names_are_unique_and_keep_first_uses(bases):
    result = terraform.unique_names(bases)
    assert len(set(result)) == len(result) == len(bases)
    assert all(name == base or name.startswith(base + "_") for name, base in zip(result, bases))
    for base in set(bases):  # the first use of a name keeps it unchanged
        assert result[bases.index(base)] == base


def identity(domain: str, purposes: list[str]) -> Identity:
    fqdn = names.domain(domain)
    records = tuple(Record(fqdn, f"r{i}.{fqdn}", "TXT", 300, f"v{i}", purpose) for i, purpose in enumerate(purposes))
    return Identity(fqdn, "us-east-1", fqdn, f"{domain}.json", records=records)


def test_resource_bases_number_dkim_always_and_others_only_when_repeated():
    one = identity("example.com", ["dkim", "dkim", "dkim", "mail-from-mx", "mail-from-spf", "dmarc"])
    assert terraform.resource_bases(one) == ["example_com_dkim_1", "example_com_dkim_2", "example_com_dkim_3",
                                             "example_com_mail_from_mx", "example_com_mail_from_spf", "example_com_dmarc"]
    byodkim = identity("日本語.jp", ["dkim", "verification", "verification"])
    assert terraform.resource_bases(byodkim) == ["xn__wgv71a119e_jp_dkim_1", "xn__wgv71a119e_jp_verification_1",
                                                 "xn__wgv71a119e_jp_verification_2"]


def test_plan_dedupes_names_of_domains_that_sanitize_alike():
    identities = [identity("a-b.example", ["dkim", "dmarc"]), identity("a.b.example", ["dkim", "dmarc"])]
    plan = terraform.plan("route53", identities, Settings())
    idents = [resource.ident for section in plan.sections for resource in section.resources]
    assert idents == ["a_b_example_dkim_1", "a_b_example_dmarc", "a_b_example_dkim_1_2", "a_b_example_dmarc_2"]
    assert [zone.ident for zone in plan.zones] == ["a_b_example", "a_b_example_2"]


def test_plan_refuses_two_resources_for_one_route53_record_set():
    fqdn = "example.com."
    records = (Record(fqdn, f"_dmarc.{fqdn}", "TXT", 300, "v=spf1 -all", "mail-from-spf"),
               Record(fqdn, f"_dmarc.{fqdn}", "TXT", 300, "v=DMARC1; p=none;", "dmarc"))
    clash = [Identity(fqdn, "us-east-1", fqdn, "x.json", records=records)]
    with pytest.raises(InputError, match="TXT at _dmarc.example.com. is needed twice"):
        terraform.plan("route53", clash, Settings())
    terraform.plan("cloudflare", clash, Settings())  # two TXT records at one name are fine there
