"""The rendered samples in samples/rendered/ are exactly what the tool writes today."""

import os

import pytest

import render_samples


@pytest.mark.parametrize("path, argv", render_samples.cases(), ids=lambda v: getattr(v, "name", ""))
def test_rendered_sample_has_not_drifted(path, argv, monkeypatch):
    monkeypatch.chdir(render_samples.ROOT)
    assert path.exists(), f"{path} is missing: run python samples/render_samples.py"
    assert render_samples.render(argv) == path.read_text(encoding="utf-8"), \
        f"{path.name} drifted from the tool's output: review, then run python samples/render_samples.py"


def test_every_bundled_identity_is_a_sample():
    listed = {argv[0] for _, argv in render_samples.cases()}
    on_disk = {p.name[: -len(".json")] for p in (render_samples.SAMPLES / "identities").glob("*.json")}
    assert listed == on_disk
    assert os.path.isdir(render_samples.SAMPLES / "rendered")
