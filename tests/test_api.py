"""The library API of exporter/__init__.py, as docs/api.md documents it."""

from __future__ import annotations

import re
import subprocess
import sys

import pytest

from conftest import ROOT, SAMPLES


@pytest.mark.slow
def test_the_documented_example_runs_and_prints_what_it_says():
    page = (ROOT / "docs" / "api.md").read_text(encoding="utf-8")
    example = re.search(r"## Example\n\n```python\n(.*?)```", page, re.S).group(1)
    result = subprocess.run([sys.executable, "-c", example], cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    lines = result.stdout.splitlines()
    assert lines[0] == ("dkim CNAME q3ogmtzmbnfwrhsfiv7yqb6c45dlrxeg._domainkey.shop.example.net. "
                        "q3ogmtzmbnfwrhsfiv7yqb6c45dlrxeg.dkim.ap-northeast-3.amazonses.com.")
    assert "mail-from-mx MX bounce.shop.example.net. feedback-smtp.ap-northeast-3.amazonses.com." in lines
    for line, comment in re.findall(r"print\((\w+(?:\.\w+)*(?:\(\))?)\)\s+# (.*)", example):
        assert any(out.startswith(comment.split(" (")[0]) for out in lines), (line, comment, lines)


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


def test_exporter_check_is_the_function_even_after_its_subpackage_is_imported():
    """Importing exporter.check.run (docs/api.md, streaming) binds the name exporter.check to the
    subpackage; the subpackage calls check(), so the documented call still works (issue 24)."""
    import exporter
    import exporter.check.run

    assert exporter.check([]) == []
