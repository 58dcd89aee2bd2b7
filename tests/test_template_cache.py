"""Compiled templates kept between runs: used when valid, recompiled when the template changes,
and never the reason a run fails."""

import os

import jinja2
import pytest

from exporter import formats, model, template_cache
from exporter.formats import Settings
from exporter.sources import saved

from conftest import SAMPLES


@pytest.fixture
def cache_home(monkeypatch, tmp_path):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path / "cache"))
    formats.environment.cache_clear()
    yield tmp_path / "cache" / "ses-export"
    formats.environment.cache_clear()


def identities():
    loaded = saved.load(str(SAMPLES / "identities"), ["example.com", "shop.example.net"])
    opts = model.options(region="ap-northeast-3")
    return [model.identity(item.response, item.domain, opts, item.source) for item in loaded]


def compiles(monkeypatch):
    """Count the templates Jinja2 compiles from source in the next fresh environment."""
    compiled = []
    real = jinja2.Environment.compile

    def counting(self, source, name=None, *args, **kwargs):
        compiled.append(name)
        return real(self, source, name, *args, **kwargs)

    monkeypatch.setattr(jinja2.Environment, "compile", counting)
    formats.environment.cache_clear()
    return compiled


def test_second_run_uses_the_compiled_template(cache_home, monkeypatch):
    compiled = compiles(monkeypatch)
    first = formats.render("instructions", identities(), Settings(lang="en", dns_host="generic"))
    assert compiled == ["instructions.md.j2"]
    assert len(list(cache_home.glob(f"jinja2-{jinja2.__version__}-*.cache"))) == 1
    assert cache_home.stat().st_mode & 0o777 == 0o700

    compiled = compiles(monkeypatch)  # a new process, as far as Jinja2 can tell
    again = formats.render("instructions", identities(), Settings(lang="en", dns_host="generic"))
    assert compiled == []
    assert again == first


def test_damaged_cache_files_are_compiled_again(cache_home, monkeypatch):
    first = formats.render("bind", identities())
    for file in cache_home.iterdir():
        file.write_bytes(b"j2 not a cache file")
    compiled = compiles(monkeypatch)
    assert formats.render("bind", identities()) == first
    assert compiled == ["bind.j2", "_identities.j2"]  # the template and its include


def test_an_edited_template_is_compiled_afresh(cache_home, tmp_path):
    folder = tmp_path / "templates"
    folder.mkdir()

    def fresh_render():
        env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)),
                                 bytecode_cache=template_cache.for_this_user())
        return env.get_template("t.j2").render(x=1)

    (folder / "t.j2").write_text("old {{ x }}")
    assert fresh_render() == "old 1"
    (folder / "t.j2").write_text("new {{ x }}")
    assert fresh_render() == "new 1"


def test_no_cache_where_the_folder_is_not_private_or_not_a_folder(cache_home):
    cache_home.parent.mkdir(parents=True)
    cache_home.write_text("a file where the folder should be")
    assert template_cache.for_this_user() is None
    assert "IN CNAME" in formats.render("bind", identities())  # runs without it

    cache_home.unlink()
    cache_home.mkdir(mode=0o700)
    os.chmod(cache_home, 0o777)  # others could plant compiled code here
    assert template_cache.for_this_user() is None
    os.chmod(cache_home, 0o700)
    assert template_cache.for_this_user() is not None


def test_no_cache_without_an_absolute_home(monkeypatch):
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)
    monkeypatch.setenv("HOME", "relative/home")
    assert template_cache.folder() is None
