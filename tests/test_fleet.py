"""Many identities: --all over regions against the loopback SES endpoint, pacing, progress, -o FOLDER."""

import json
import os
import pty
import subprocess
import sys

import pytest

from exporter import formats, model
from exporter.errors import AwsError
from exporter.sources import live, pacing, progress, ses
from exporter.text import plain

from conftest import ROOT, SAMPLES
from fake_ses import FakeSes, isolated_aws_environment

pytestmark = [pytest.mark.slow]

RESPONSE = json.loads((SAMPLES / "identities" / "example.com.json").read_text())
EMAIL = {"IdentityType": "EMAIL_ADDRESS", "VerificationStatus": "SUCCESS"}


def make_client(region):  # what the CLI passes, without a profile
    return ses.SesClient(region, None)


def region_identities(region, count, extra=()):
    found = {f"d{i}.{region}.example.com": RESPONSE for i in range(count)}
    found.update({name: EMAIL for name in extra})
    return found


# --- pieces ----------------------------------------------------------------------------------

def test_pacer_spaces_requests_by_the_interval():
    now, slept = [100.0], []

    def sleep(seconds):
        slept.append(round(seconds, 6))
        now[0] += seconds

    pacer = pacing.Pacer(per_second=2.0, clock=lambda: now[0], sleep=sleep)
    for _ in range(3):
        pacer.wait()
    assert slept == [0.5, 0.5]  # the first request goes at once
    now[0] += 5  # after a pause the next request need not wait
    pacer.wait()
    assert slept == [0.5, 0.5]


class FakeTerminal:
    def __init__(self, tty):
        self.tty, self.text = tty, ""

    def isatty(self):
        return self.tty

    def write(self, text):
        self.text += text

    def flush(self):
        pass


def test_progress_bar_only_on_a_terminal_and_for_more_than_a_few():
    terminal = FakeTerminal(tty=True)
    bar = progress.Progress(terminal, minimum=6)
    bar.expect(8)
    for _ in range(8):
        bar.advance()
    assert "8/8 identities" in terminal.text and "#" * progress.Progress.WIDTH in terminal.text
    bar.close()
    assert terminal.text.endswith("\r\033[K")

    few = FakeTerminal(tty=True)
    bar = progress.Progress(few, minimum=6)
    bar.expect(3)
    bar.advance()
    bar.close()
    assert few.text == ""

    piped = FakeTerminal(tty=False)
    bar = progress.Progress(piped, minimum=6)
    bar.expect(50)
    bar.advance()
    bar.close()
    assert piped.text == ""


def test_every_format_has_its_own_file_suffix():
    suffixes = [formats.get(name).suffix for name in formats.names()]
    assert formats.get("bind").suffix == "zone" and formats.get("terraform-route53").suffix == "route53.tf"
    assert len(set(suffixes)) == len(suffixes)


# --- SES -------------------------------------------------------------------------------------

def test_list_follows_next_token_and_counts_email_identities(aws_env):
    with FakeSes({"us-east-1": region_identities("us-east-1", 5, ["a@example.com", "b@example.com"])},
                 page_size=2) as fake:
        aws_env(fake)
        domains, skipped = ses.SesClient("us-east-1", None).list_domain_identities()
        assert sorted(domains) == sorted(region_identities("us-east-1", 5))
        assert skipped == {"EMAIL_ADDRESS": 2}
        assert fake.count() == 4  # 7 names, 2 a page


def test_list_access_denied_names_the_permission(aws_env):
    with FakeSes({}) as fake:
        aws_env(fake)
        fake.fail_always("access_denied")
        with pytest.raises(AwsError, match="ses:ListEmailIdentities"):
            ses.SesClient("us-east-1", None).list_domain_identities()


def test_regions_in_parallel_paced_without_throttling(aws_env, monkeypatch):
    """The fake refuses more than 10 requests/s per region; the pacer keeps under it, so nothing is
    throttled, and the two regions' requests interleave (they run side by side)."""
    monkeypatch.setattr(pacing, "SES_REQUESTS_PER_SECOND", 5.0)
    identities = {"us-east-1": region_identities("us-east-1", 4, ["me@example.com"]),
                  "eu-west-1": region_identities("eu-west-1", 4)}
    with FakeSes(identities, rate_per_second=10) as fake:
        aws_env(fake)
        per_region = [model.options(region="us-east-1"), model.options(region="eu-west-1")]
        fetched = live.fetch(per_region, make_client, None)
        statuses = [r.status for r in fake.requests]
        by_region = {region: [r.at for r in fake.requests if r.region == region] for region in identities}

    assert statuses == [200] * 10
    assert [i.domain for i in fetched.identities] == \
        sorted(f"{d}." for d in region_identities("us-east-1", 4)) + sorted(f"{d}." for d in region_identities("eu-west-1", 4))
    assert {i.region for i in fetched.identities[:4]} == {"us-east-1"}
    assert {i.region for i in fetched.identities[4:]} == {"eu-west-1"}
    assert [plain(note) for note in fetched.notes] == [
        "us-east-1: skipped 1 email-address identity (only domain identities have DNS records)"]
    for times in by_region.values():  # spaced by the pacer's 1/5 s (the server alone would allow 1/10 s)
        gaps = sorted(b - a for a, b in zip(times, times[1:]))
        assert gaps[len(gaps) // 2] >= 0.18
    assert min(by_region["eu-west-1"]) < max(by_region["us-east-1"])
    assert min(by_region["us-east-1"]) < max(by_region["eu-west-1"])


def test_throttled_requests_are_retried_not_fatal(aws_env):
    with FakeSes({"us-east-1": region_identities("us-east-1", 2)}) as fake:
        aws_env(fake)
        fake.fail_next("throttle", times=1)
        fetched = live.fetch([model.options(region="us-east-1")], make_client, None)
        assert len(fetched.identities) == 2
        assert fake.count(429) == 1 and fake.count(200) == 3


def test_one_region_failing_fails_the_run(aws_env):
    # us-east-1 has both identities, eu-west-1 none: only eu-west-1 can fail (deterministic message)
    with FakeSes({"us-east-1": {**region_identities("us-east-1", 1), "nothere.example.com": RESPONSE}}) as fake:
        aws_env(fake)
        with pytest.raises(AwsError, match="SES in eu-west-1: no identity"):
            live.fetch([model.options(region="us-east-1"), model.options(region="eu-west-1")], make_client,
                        ["d0.us-east-1.example.com.", "nothere.example.com."])


# --- the command line ------------------------------------------------------------------------

def test_all_regions_one_json_document(aws_env, cli):
    identities = {"us-east-1": region_identities("us-east-1", 3, ["me@example.com"]),
                  "ap-northeast-1": region_identities("ap-northeast-1", 2)}
    with FakeSes(identities, page_size=2) as fake:
        aws_env(fake)
        # --dmarc: these identities lie below example.com, where none is written by default
        result = cli("--all", "--region", "us-east-1", "--region", "ap-northeast-1", "-f", "json", "--dmarc", "v=DMARC1; p=none;")
    assert result.exit_code == 0, result.stderr
    doc = json.loads(result.stdout)
    assert [(i["domain"], i["region"]) for i in doc["identities"]] == \
        [(f"{d}.", "us-east-1") for d in sorted(region_identities("us-east-1", 3))] + \
        [(f"{d}.", "ap-northeast-1") for d in sorted(region_identities("ap-northeast-1", 2))]
    assert len(doc["records"]) == 5 * 4
    # Piped: notes only, no progress bar.
    assert result.stderr == "ses-export: note: us-east-1: skipped 1 email-address identity " \
                            "(only domain identities have DNS records)\n"


def test_one_mail_from_name_in_two_regions_is_refused_naming_both(aws_env, cli, tmp_path):
    """The same domain identity in two regions with one MAIL FROM domain would need two SES MX records
    at one name, and SES's MAIL FROM fails where a name holds two: refused, nothing written."""
    shop = json.loads((SAMPLES / "identities" / "日本語.jp.json").read_text())  # MAIL FROM, global DKIM zone
    with FakeSes({"us-east-1": {"xn--wgv71a119e.jp": shop}, "eu-west-1": {"xn--wgv71a119e.jp": shop}}) as fake:
        aws_env(fake)
        target = tmp_path / "out.zone"
        result = cli("--all", "--region", "us-east-1", "--region", "eu-west-1", "-f", "bind", "-o", str(target))
    assert result.exit_code == 2, result.stderr
    lines = [line for line in result.stderr.splitlines() if "MAIL FROM domain of" in line]
    assert len(lines) == 1 and "us-east-1" in lines[0] and "eu-west-1" in lines[0], result.stderr
    assert "one MAIL FROM subdomain per region" in lines[0]
    assert not target.exists() and list(tmp_path.iterdir()) == []


def test_all_uses_the_configured_region(aws_env, cli):
    with FakeSes({"eu-west-1": region_identities("eu-west-1", 1)}) as fake:
        aws_env(fake, AWS_REGION="eu-west-1")
        result = cli("--all", "-f", "bind")
    assert result.exit_code == 0, result.stderr
    assert "d0.eu-west-1.example.com." in result.stdout


def test_several_live_domains_one_output(aws_env, cli):
    with FakeSes({"us-east-1": region_identities("us-east-1", 3)}) as fake:
        aws_env(fake)
        result = cli("d2.us-east-1.example.com", "d0.us-east-1.example.com", "--region", "us-east-1", "-f", "json")
    assert result.exit_code == 0, result.stderr
    assert [i["domain"] for i in json.loads(result.stdout)["identities"]] == \
        ["d2.us-east-1.example.com.", "d0.us-east-1.example.com."]


@pytest.mark.parametrize("args, message", [
    (["example.com", "--region", "us-east-1", "--region", "eu-west-1"], "--region: given 2 regions; only --all"),
    (["--all", "example.com"], "--all: every domain identity is exported; drop the DOMAIN"),
    (["--all", "--identity-file", str(SAMPLES / "identities")], "--all: lists live SES"),
    ([], "or --all"),
], ids=["two-regions-without-all", "all-with-domain", "all-with-saved", "nothing"])
def test_region_and_all_misuse_exit_2(aws_env, cli, args, message):
    result = cli(*args, "-f", "json")
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.strip() == result.stderr.strip().splitlines()[0] and message in result.stderr


def test_all_fails_whole_with_exit_3_and_no_output(aws_env, cli, tmp_path):
    target = tmp_path / "all.json"
    with FakeSes({"us-east-1": region_identities("us-east-1", 2)}) as fake:
        aws_env(fake)
        fake.fail_always("access_denied")
        result = cli("--all", "--region", "us-east-1", "--region", "eu-west-1", "-f", "json", "-o", str(target))
    assert result.exit_code == 3
    assert "ses:ListEmailIdentities" in result.stderr and "Traceback" not in result.stderr
    assert list(tmp_path.iterdir()) == []


def test_output_folder_one_file_per_identity(cli, tmp_path, monkeypatch):
    folder = tmp_path / "out"
    # A folder of keys (one per BYODKIM identity) and the configuration's region (shop.example.net
    # names its own, which --region would contradict). Zone files are named by zone.
    monkeypatch.setenv("AWS_REGION", "ap-northeast-1")
    result = cli("--identity-file", str(SAMPLES / "identities"), "-f", "bind",
                 "--dkim-public-key", str(SAMPLES / "keys"), "-o", f"{folder}/")
    assert result.exit_code == 0, result.stderr
    assert result.stdout == ""
    assert sorted(p.name for p in folder.iterdir()) == \
        ["example.com.zone", "example.net.zone", "example.org.zone", "xn--wgv71a119e.jp.zone"]
    single = cli("example.com", "--identity-file", str(SAMPLES / "identities"), "--region", "ap-northeast-1",
                 "-f", "bind")
    assert (folder / "example.com.zone").read_text() == single.stdout

    again = cli("example.com", "--identity-file", str(SAMPLES / "identities"), "--region", "ap-northeast-1",
                "-f", "json", "-o", str(folder))  # an existing folder, without the slash
    assert again.exit_code == 0, again.stderr
    assert json.loads((folder / "example.com.json").read_text())["identities"][0]["domain"] == "example.com."


def test_same_domain_in_two_regions_gets_the_region_in_its_file_name(aws_env, cli, tmp_path):
    identities = {"us-east-1": {"example.com": RESPONSE}, "eu-west-1": {"example.com": RESPONSE, "b.example": RESPONSE}}
    with FakeSes(identities) as fake:
        aws_env(fake)
        result = cli("--all", "--region", "us-east-1", "--region", "eu-west-1", "-f", "json", "-o", f"{tmp_path}/o/")
    assert result.exit_code == 0, result.stderr
    assert sorted(p.name for p in (tmp_path / "o").iterdir()) == \
        ["b.example.json", "example.com.eu-west-1.json", "example.com.us-east-1.json"]
    assert json.loads((tmp_path / "o" / "example.com.eu-west-1.json").read_text())["identities"][0]["region"] == "eu-west-1"


def test_output_folder_is_a_file(cli, tmp_path):
    (tmp_path / "taken").write_text("x")
    result = cli("--identity-file", str(SAMPLES / "identities"), "--region", "us-east-1", "-f", "json",
                 "--no-dmarc", "example.com", "-o", f"{tmp_path}/taken/")
    assert result.exit_code == 2 and "--output" in result.stderr


def test_several_files_share_one_compiled_template(cli, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))  # empty: the template is compiled here
    formats.environment.cache_clear()
    compiled = []
    env = formats.environment()
    real_compile = env.compile

    def counting(*args, **kwargs):
        compiled.append(args[1] if len(args) > 1 else kwargs.get("name"))
        return real_compile(*args, **kwargs)

    env.compile = counting
    try:
        monkeypatch.setenv("AWS_REGION", "ap-northeast-1")  # not --region: shop.example.net names its own
        result = cli("--identity-file", str(SAMPLES / "identities"), "-f", "bind",
                     "--dkim-public-key", str(SAMPLES / "keys"), "-o", f"{tmp_path}/z/")
    finally:
        formats.environment.cache_clear()
    assert result.exit_code == 0, result.stderr
    assert len(list((tmp_path / "z").iterdir())) == 4
    assert compiled == ["bind.j2", "_identities.j2"]  # once each, for every file


# --- as the installed program ----------------------------------------------------------------

def _program_env(fake=None, **extra):
    return isolated_aws_environment(endpoint=fake.url if fake is not None else None, **extra)


# Runs the CLI with SES's pace raised for the test (the fake enforces its own limit).
DRIVER = "import exporter.sources.pacing as f; f.SES_REQUESTS_PER_SECOND = 50.0; from exporter.cli import main; main()"


def test_progress_bar_on_a_terminal_and_not_when_piped():
    with FakeSes({"us-east-1": region_identities("us-east-1", 8)}) as fake:
        args = [sys.executable, "-c", DRIVER, "--all", "--region", "us-east-1", "-f", "json", "--dmarc", "v=DMARC1; p=none;"]
        piped = subprocess.run(args, env=_program_env(fake), capture_output=True, text=True, timeout=60)
        main_fd, terminal_fd = pty.openpty()
        try:
            on_terminal = subprocess.run(args, env=_program_env(fake), stdout=subprocess.PIPE, stderr=terminal_fd,
                                         timeout=60)
            os.close(terminal_fd)
            shown = b""
            while True:
                try:
                    chunk = os.read(main_fd, 65536)
                except OSError:  # EIO: the terminal's other end is closed and drained
                    break
                if not chunk:
                    break
                shown += chunk
        finally:
            os.close(main_fd)
    assert piped.returncode == 0 and on_terminal.returncode == 0
    assert piped.stderr == ""
    assert json.loads(piped.stdout) == json.loads(on_terminal.stdout)
    assert b"8/8 identities" in shown and b"\r" in shown


def test_offline_run_imports_no_aws_sdk():
    probe = ("import sys; from exporter.cli import main\n"
             "main.main(sys.argv[1:], standalone_mode=False)\n"
             "print('LOADED', sorted(m for m in ('boto3', 'botocore') if m in sys.modules), file=sys.stderr)")
    result = subprocess.run([sys.executable, "-c", probe, "--identity-file", str(SAMPLES / "identities"),
                             "--region", "ap-northeast-3", "--no-dmarc", "example.com", "shop.example.net", "-f", "bind"],
                            env=_program_env(), capture_output=True, text=True, cwd=ROOT, timeout=60)
    assert result.returncode == 0, result.stderr
    assert " IN CNAME " in result.stdout
    assert "LOADED []" in result.stderr


@pytest.mark.parametrize("fmt", formats.names())
def test_output_folder_in_every_format_matches_the_single_output(cli, tmp_path, fmt):
    saved = str(SAMPLES / "identities")
    result = cli("example.com", "shop.example.net", "--identity-file", saved, "--region", "ap-northeast-3",
                 "-f", fmt, "--lang", "en", "-o", f"{tmp_path}/out/")
    assert result.exit_code == 0, result.stderr
    suffix = formats.get(fmt).suffix
    # A per-zone format (bind) names its files by zone: shop.example.net is in example.net.
    shop_file = f"example.net.{suffix}" if formats.get(fmt).per_zone else f"shop.example.net.{suffix}"
    index = [formats.get(fmt).index_page] if formats.get(fmt).index_page else []  # a format's index page (html)
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == sorted([f"example.com.{suffix}", shop_file, *index])
    alone = cli("shop.example.net", "--identity-file", saved, "--region", "ap-northeast-3", "-f", fmt, "--lang", "en")
    assert (tmp_path / "out" / shop_file).read_text(encoding="utf-8") == alone.stdout


def test_a_bad_output_path_is_refused_before_ses_is_asked(cli, aws_env, tmp_path):
    with FakeSes({"us-east-1": region_identities("us-east-1", 3)}) as fake:
        aws_env(fake)
        result = cli("--all", "--region", "us-east-1", "-f", "bind", "-o", str(tmp_path / "no" / "such" / "x.zone"))
        assert result.exit_code == 2
        assert result.stderr == f"ses-export: --output: {tmp_path / 'no' / 'such'}: no such folder\n"
        assert fake.count() == 0
