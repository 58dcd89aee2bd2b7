"""The library API of exporter/__init__.py, as docs/api.md documents it."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import ROOT, SAMPLES


def test_every_example_of_the_api_page_runs_as_a_doctest(monkeypatch):
    """docs/api.md's >>> examples, in order and sharing their names, from the top of the checkout."""
    import doctest

    page = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    blocks = re.findall(r"```pycon\n(.*?)```", page, re.S)
    assert len(blocks) >= 8
    monkeypatch.chdir(ROOT)
    test = doctest.DocTestParser().get_doctest("\n".join(blocks), {}, "docs/api.md", str(ROOT / "docs" / "api.md"), 0)
    runner = doctest.DocTestRunner(optionflags=doctest.ELLIPSIS | doctest.NORMALIZE_WHITESPACE)
    output: list[str] = []
    runner.run(test, out=output.append)
    assert runner.failures == 0 and runner.tries >= 30, "".join(output)


def test_the_api_page_names_every_public_name():
    import exporter

    page = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    assert [name for name in exporter.__all__ if f"`exporter.{name}" not in page and f"`{name}`" not in page] == []


@pytest.mark.slow
def test_public_names_are_lazy_and_complete():
    probe = ("import sys, exporter\n"
             "print(sorted(m for m in sys.modules if m.startswith('exporter')))\n"
             "print([n for n in exporter.__all__ if not hasattr(exporter, n)])")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    loaded, missing = result.stdout.splitlines()
    assert loaded == "['exporter']"  # importing the package loads nothing else
    assert missing == "[]"


def test_load_render_and_errors_through_the_package():
    import exporter

    identities = exporter.load_saved(str(SAMPLES / "identities"), options=exporter.options(region="ap-northeast-1"),
                                     domains=["日本語.jp"])
    assert [i.domain for i in identities] == ["xn--wgv71a119e.jp."]
    assert isinstance(identities[0], exporter.Identity)
    assert all(isinstance(r, exporter.Record) for r in identities[0].records)
    assert "IN MX 10 feedback-smtp.ap-northeast-1.amazonses.com." in exporter.render("bind", identities)
    assert set(exporter.format_names()) >= {"bind", "json", "instructions"}
    with pytest.raises(exporter.InputError) as refused:
        exporter.Settings(lang="fr")
    assert str(refused.value).startswith("lang: ") and refused.value.exit_code == 2
    with pytest.raises(AttributeError):
        exporter.no_such_name  # noqa: B018


def test_a_job_runs_without_the_command_line(tmp_path):
    import exporter

    target = tmp_path / "example.com.zone"
    notes = []
    job = exporter.Job(domains=("example.com",), identity_file=str(SAMPLES / "identities" / "example.com.json"),
                       format="bind", output=str(target))
    assert exporter.run(job, notify=notes.append) == 0
    assert " IN CNAME " in target.read_text(encoding="utf-8")


@pytest.mark.slow
@pytest.mark.parametrize("first", ["import exporter.dnscheck.run", "exporter.merge_live", "exporter.check",
                                   "import exporter.dnscheck"])
def test_exporter_check_is_one_thing_whatever_was_imported_first(first):
    """exporter.check is the function, and the engine is the subpackage exporter.dnscheck: importing it,
    or anything that imports it, never binds the name to a module (issue 24: `import exporter.check.run`
    once replaced the function with the subpackage). A fresh interpreter per order."""
    probe = ("import types, exporter\n"
             f"{first if first.startswith('import') else 'x = ' + first}\n"
             "import exporter.dnscheck.run\n"
             "assert isinstance(exporter.check, types.FunctionType), type(exporter.check)\n"
             "assert exporter.check([]) == []\n"
             "assert exporter.check is exporter.dnscheck.check\n"
             "assert not hasattr(exporter.check, 'run')\n"
             "print('ok')")
    result = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.stdout == "ok\n", result.stderr


@pytest.mark.slow  # mypy's own start-up
def test_a_strictly_typed_program_using_the_api_type_checks(tmp_path):
    """py.typed and the annotations: a user's program under `mypy --strict` sees the API's real types,
    streaming included, and a wrong use is caught."""
    from mypy import api

    program = tmp_path / "user.py"
    program.write_text(
        "import exporter\n"
        "import exporter.dnscheck.run\n\n"
        "ids: list[exporter.Identity] = exporter.load_saved('samples/identities', ['example.com'])\n"
        "results: list[exporter.CheckResult] = exporter.check(ids, ['127.0.0.1:53'])\n"
        "for result in exporter.dnscheck.run.stream(ids):\n"
        "    findings: list[exporter.Finding] = result.findings\n"
        "    servers: list[exporter.ServerAnswer] = result.servers\n"
        "text: str = exporter.render('bind', ids, exporter.Settings(lang='ja'))\n"
        "status: int = exporter.run(exporter.Job(domains=('example.com',)))\n", encoding="utf-8")
    out, err, status = api.run(["--strict", "--no-incremental", "--cache-dir", str(tmp_path / "cache"), str(program)])
    assert status == 0, out + err
    program.write_text("import exporter\n\ncount: int = exporter.check([])\n", encoding="utf-8")
    out, _, status = api.run(["--strict", "--no-incremental", "--cache-dir", str(tmp_path / "cache"), str(program)])
    assert status == 1 and "list[CheckResult]" in out, out


def test_the_api_page_links_land_on_its_headings():
    page = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    slugs = {re.sub(r"[^\w\- ]", "", heading.lower()).replace(" ", "-") for heading in re.findall(r"^#+ (.+)$", page, re.M)}
    links = set(re.findall(r"\]\(#([^)]+)\)", page))
    assert links and links <= slugs, links - slugs
