"""-f octodns: zone files for octoDNS's YamlProvider, checked by octoDNS itself: octodns-validate
with the strict validators passes, and the records YamlProvider loads equal the model exactly."""

from __future__ import annotations

import json

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from exporter import formats, model
from exporter.errors import InputError
from exporter.filters import natural_key, octodns_txt, octodns_txt_problem

from conftest import examples, sample_argv, sample_identities
from identity_strategies import cases, txt_values
from octodns_support import config, run, zone_records
from test_roundtrip import build, records_of
from test_route53_changes import SEVERAL_ZONES


def expected_records(cli, sample) -> list[tuple]:
    result = cli(*sample_argv(sample, "-f", "json"))
    return sorted((r["name"], r["type"], r["ttl"], r["priority"], r["value"])
                  for r in json.loads(result.stdout)["records"])


@pytest.mark.slow
def test_every_sample_passes_octodns_validate_and_loads_as_the_model(cli, tmp_path):
    zones = []
    for sample in sample_identities():
        result = cli(*sample_argv(sample, "-f", "octodns", "-o", f"{tmp_path}/zones/"))
        assert result.exit_code == 0, result.stderr
        identity = json.loads(cli(*sample_argv(sample, "-f", "json")).stdout)["identities"][0]
        zone = identity["zone"]
        assert (tmp_path / "zones" / f"{zone}yaml").is_file()
        assert zone_records(tmp_path / "zones", zone) == expected_records(cli, sample)
        # -o FOLDER/ writes what stdout gets (samples/rendered/ is checked by tests/test_samples.py)
        stdout = cli(*sample_argv(sample, "-f", "octodns")).stdout
        assert (tmp_path / "zones" / f"{zone}yaml").read_text(encoding="utf-8") == stdout
        zones.append(zone)
    config_file = tmp_path / "config.yaml"
    config_file.write_text(config(tmp_path / "zones", zones), encoding="utf-8")
    result = run("octodns-validate", config_file)
    assert result.returncode == 0, result.stdout + result.stderr


@pytest.mark.slow
def test_octodns_validate_can_fail(cli, tmp_path):
    """The same check refuses a file out of natural order and an MX preference that is not a number."""
    sample = next(s for s in sample_identities() if s["domain"] == "日本語.jp")  # has an MX and a DMARC record
    cli(*sample_argv(sample, "-f", "octodns", "-o", f"{tmp_path}/zones/"))
    (path,) = (tmp_path / "zones").iterdir()
    config_file = tmp_path / "config.yaml"
    config_file.write_text(config(tmp_path / "zones", [path.name[: -len("yaml")]]), encoding="utf-8")
    text = path.read_text(encoding="utf-8")
    path.write_text(text.replace("preference: 10", "preference: ten"), encoding="utf-8")
    result = run("octodns-validate", config_file)
    assert result.returncode != 0 and "preference" in result.stderr
    lines = text.splitlines()
    first = next(i for i, line in enumerate(lines) if line.startswith("'_dmarc"))
    moved = lines[:first] + lines[first + 4:] + lines[first:first + 4]
    path.write_text("\n".join(moved) + "\n", encoding="utf-8")
    result = run("octodns-validate", config_file)
    assert result.returncode != 0 and "keys out of order" in result.stderr


# A third of the profile's examples (1000 in "ci"): the TXT text goes through the same escaping as
# bind, which tests/test_roundtrip.py reads back on every example; this reader is slower.
@pytest.mark.slow
@settings(deadline=None, max_examples=examples(max(50, settings.default.max_examples // 3)))
@given(case=cases())
def test_round_trip_through_yamlprovider(case, tmp_path_factory):
    identity = build(case)
    try:
        text = formats.render("octodns", [identity])
    except InputError as e:
        assert "octoDNS cannot carry it" in str(e) or "so it cannot carry it" in str(e), e
        assert any(len(r.name) > 253 or (octodns_txt_problem(r.value) if r.type == "TXT"
                   else "-." in r.value or ".-" in r.value or r.value.startswith("-")) for r in identity.records)
        return
    folder = tmp_path_factory.mktemp("octodns")
    file_name = f"{identity.zone}yaml"
    long_name = len(file_name.encode()) > 255  # a zone near 253 octets: no file system takes ZONE.yaml
    (folder / ("zone.yaml" if long_name else file_name)).write_text(text, encoding="utf-8")
    assert zone_records(folder, identity.zone, "zone.yaml" if long_name else None) == folded(records_of(identity))


def folded(records: list[tuple]) -> list[tuple]:
    """octoDNS lowercases names (DNS names ignore case; DKIM tokens keep SES's), never TXT text."""
    return sorted((name.lower(), kind, ttl, priority, value if kind == "TXT" else value.lower())
                  for name, kind, ttl, priority, value in records)


@given(st.lists(st.from_regex(r"\A[a-z0-9_.-]{0,20}\Z"), max_size=8))
def test_natural_key_is_the_order_octodns_enforces(keys):
    from natsort import natsort_keygen

    assert sorted(keys, key=natural_key) == sorted(keys, key=natsort_keygen())


@settings(max_examples=examples(300))
@given(text=txt_values())
def test_octodns_txt_escapes_semicolons_only_and_refuses_what_octodns_would_change(text):
    from octodns.record.chunked import chunked_value_validator
    from octodns.record.txt import TxtValue

    problem = octodns_txt_problem(text)
    if problem:
        assert "\\;" in text or text.startswith('"') or '" "' in text
        return
    escaped = octodns_txt(text)
    assert escaped.replace("\\;", ";") == text or "\\;" in text
    (value,) = TxtValue.process([escaped])
    assert value.to_raw_text() == text
    assert chunked_value_validator.validate(TxtValue, escaped, "TXT") == []


def test_one_stream_for_several_zones_is_refused(cli):
    result = cli(*SEVERAL_ZONES, "-f", "octodns")
    assert result.exit_code == 2 and result.stdout == ""
    assert "an octoDNS zone file is for one zone" in result.stderr


def test_txt_octodns_cannot_carry_is_refused():
    """The command line's --dmarc never holds these; a program that builds records itself can."""

    identity = model.identity({"IdentityType": "DOMAIN", "DkimAttributes": {"Tokens": ["tok"]}}, "example.com",
                              model.options(region="us-east-1"), "test")
    for text, reason in (("v=DMARC1; x=a\\;b", "a backslash before ';'"), ('"v=DMARC1"', "a leading"),
                         ('v=DMARC1; x=" "', "deletes it on loading")):
        records = tuple(r._replace(value=text) if r.type == "TXT" else r for r in identity.records)
        with pytest.raises(InputError, match=reason):
            formats.render("octodns", [identity._replace(records=records)])


# The team's own zone config for example.net: what a real zone holds beside SES's records (issue 21).
TEAM_ZONE = """---
'':
  - ttl: 3600
    type: A
    value: 192.0.2.1
  - ttl: 3600
    type: TXT
    value: 'google-site-verification=abc123'
'_dmarc':
  ttl: 3600
  type: TXT
  value: 'v=DMARC1\\; p=reject\\; rua=mailto:dmarc@example.net'
{spf}'www':
  ttl: 3600
  type: CNAME
  value: 'example.net.'
"""
# Another sender's SPF at SES's MAIL FROM name (YamlProvider wants the keys in natural order).
TEAM_SPF = """'bounce.shop':
  ttl: 3600
  type: TXT
  value: 'v=spf1 include:_spf.other.example ~all'
"""


def two_sources(tmp_path, cli, team: str, sources: str):
    """config/ (the team's zone), ses/ (ses-export -f octodns -o ses/), live/ (the target, holding the
    zone as published: the team's records); the octoDNS config file syncing example.net. into live/."""
    sample = next(s for s in sample_identities() if s["domain"] == "shop.example.net")
    result = cli(*sample_argv(sample, "-f", "octodns", "-o", f"{tmp_path}/ses/"))
    assert result.exit_code == 0, result.stderr
    assert [p.name for p in (tmp_path / "ses").iterdir()] == ["example.net.yaml"]  # the zone the config names
    for folder in ("config", "live"):
        (tmp_path / folder).mkdir()
        (tmp_path / folder / "example.net.yaml").write_text(team, encoding="utf-8")
    providers = "".join(f"  {name}:\n    class: octodns.provider.yaml.YamlProvider\n    directory: {tmp_path / name}\n"
                        f"    escaped_semicolons: true\n" for name in ("config", "ses", "live"))
    config_file = tmp_path / "config.yaml"
    config_file.write_text(f"manager:\n  validators:\n    enabled: [strict]\nproviders:\n{providers}zones:\n"
                           f"  example.net.:\n    sources: [{sources}]\n    targets: [live]\n", encoding="utf-8")
    return config_file, expected_records(cli, sample)


@pytest.mark.slow
def test_the_ses_file_as_a_second_source_deletes_nothing_of_the_zone(cli, tmp_path):
    """docs/formats.md's config: the team's config first, the SES file second. octodns-sync's plan
    creates SES's records and deletes nothing; applied, the zone holds both."""
    config_file, ses = two_sources(tmp_path, cli, TEAM_ZONE.format(spf=""), "config, ses")
    team = zone_records(tmp_path / "live", "example.net.")
    plan = run("octodns-sync", config_file)
    assert plan.returncode == 0, plan.stderr
    # ses/ holds SES's 5 records as 5 record sets (the MX and the SPF TXT share a name); the team's 4 stay.
    shown = plan.stdout + plan.stderr  # the plan is logged
    assert "Summary: Creates=5, Updates=0, Deletes=0, Existing=4" in shown, shown
    assert "*   Delete" not in shown and "*   Update" not in shown
    assert len(ses) == 5
    applied = run("octodns-sync", config_file, "--doit")
    assert applied.returncode == 0, applied.stderr
    assert zone_records(tmp_path / "live", "example.net.") == sorted(team + ses)
    assert ("_dmarc.example.net.", "TXT", 3600, None, "v=DMARC1; p=reject; rua=mailto:dmarc@example.net") in team


@pytest.mark.slow
def test_the_ses_file_as_the_only_source_would_delete_the_zone(cli, tmp_path):
    """What the header warns of, and what the test above would catch: alone, it plans to delete the rest."""
    config_file, _ = two_sources(tmp_path, cli, TEAM_ZONE.format(spf=""), "ses")
    plan = run("octodns-sync", config_file)
    assert plan.returncode == 0, plan.stderr
    assert "Deletes=4" in plan.stdout + plan.stderr  # the apex A and TXT sets, _dmarc (p=reject), www


@pytest.mark.slow
def test_an_spf_record_both_sources_hold_stops_octodns_and_changes_nothing(cli, tmp_path):
    """The team's SPF at the MAIL FROM name and SES's: octoDNS refuses the duplicate (it never
    replaces the first source's record), and the zone is left as it was."""
    config_file, _ = two_sources(tmp_path, cli, TEAM_ZONE.format(spf=TEAM_SPF), "config, ses")
    before = (tmp_path / "live" / "example.net.yaml").read_text(encoding="utf-8")
    applied = run("octodns-sync", config_file, "--doit")
    assert applied.returncode != 0
    assert "Duplicate" in applied.stderr and "bounce.shop" in applied.stderr
    assert (tmp_path / "live" / "example.net.yaml").read_text(encoding="utf-8") == before
