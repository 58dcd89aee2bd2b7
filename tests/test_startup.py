"""What one run loads at start-up (benchmarks/startup.py measures the cost; these keep its causes away):
only its own format module, and no NamedTuple whose field annotations typing had to compile."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from conftest import ROOT, SAMPLES

# Runs one identity, then lists the exporter modules loaded and every NamedTuple field in them whose
# annotation typing keeps as a ForwardRef: a string it compiled at start-up (about 50 k instructions each).
PROBE = """\
import json, sys, typing
from exporter.cli import main
try:
    main.main(sys.argv[1:], standalone_mode=False)
finally:
    sys.stdout.flush()
loaded = sorted(name for name in sys.modules if name.startswith("exporter"))
compiled = sorted(
    f"{name}.{cls.__name__}.{field}"
    for name in loaded
    for cls in vars(sys.modules[name]).values()
    if isinstance(cls, type) and issubclass(cls, tuple) and hasattr(cls, "_fields")
    and cls.__module__ == name
    for field, annotation in getattr(cls, "__annotations__", {}).items()
    if isinstance(annotation, typing.ForwardRef))
print(json.dumps({"loaded": loaded, "compiled": compiled}), file=sys.stderr)
"""


def _start_up(fmt: str) -> dict[str, list[str]]:
    result = subprocess.run([sys.executable, "-c", PROBE, "example.com", "--identity-file",
                             str(SAMPLES / "identities" / "example.com.json"), "--region", "us-east-1", "-f", fmt],
                            cwd=ROOT, capture_output=True, text=True, timeout=60)
    assert result.returncode == 0, result.stderr
    return json.loads(result.stderr.splitlines()[-1])


@pytest.mark.slow
@pytest.mark.parametrize("fmt", ["bind", "json", "instructions"])
def test_one_identity_loads_only_its_format_and_compiles_no_annotation(fmt):
    found = _start_up(fmt)
    module = fmt.replace("-", "_")
    formats_loaded = [name.removeprefix("exporter.formats.") for name in found["loaded"]
                      if name.startswith("exporter.formats.") and not name.startswith("exporter.formats._")]
    assert formats_loaded == [module]
    assert found["compiled"] == []
