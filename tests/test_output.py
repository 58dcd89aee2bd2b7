"""Issue 12, item 12: -o and standard output beyond the regular file.

-o writes through to character devices and FIFOs, replaces a symbolic link's target atomically and
keeps the link, and refuses other kinds of files; a failed write to standard output (full, closed,
a reader gone) is one line naming standard output, with the documented exit status (docs/usage.md).
The devices are made with mknod in the test's own folder (the tests run as root, as CI does): a
bug here must never be able to replace the machine's /dev/null or /dev/full.
"""

from __future__ import annotations

import os
import socket
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from exporter.errors import EXIT_OUTPUT, EXIT_STDOUT_CLOSED

from conftest import SAMPLES

PLAIN = str(SAMPLES / "identities" / "example.com.json")
ARGS = ["example.com", "--identity-file", PLAIN, "-f", "bind"]


def program(*extra: str, **popen) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "exporter.cli", *ARGS, *extra], capture_output="stdout" not in popen,
                          timeout=60, **popen)


def expected_text(cli) -> str:
    result = cli(*ARGS)
    assert result.exit_code == 0
    return result.stdout


def device(folder: Path, name: str, major: int, minor: int) -> Path:
    path = folder / name
    os.mknod(path, stat.S_IFCHR | 0o666, os.makedev(major, minor))
    return path


def test_a_fifo_is_written_through_and_stays_a_fifo(cli, tmp_path):
    fifo = tmp_path / "records.fifo"
    os.mkfifo(fifo)
    received = []
    reader = threading.Thread(target=lambda: received.append(fifo.read_text(encoding="utf-8")))
    reader.start()
    result = cli(*ARGS, "-o", str(fifo))
    reader.join(timeout=30)
    assert result.exit_code == 0, result.stderr
    assert received == [expected_text(cli)]
    assert stat.S_ISFIFO(os.lstat(fifo).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["records.fifo"]  # no temporary file beside it


def test_a_character_device_is_written_through_and_stays_a_device(cli, tmp_path):
    null = device(tmp_path, "null", 1, 3)  # what /dev/null is
    result = cli(*ARGS, "-o", str(null))
    assert result.exit_code == 0, result.stderr
    assert stat.S_ISCHR(os.lstat(null).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]


@pytest.mark.slow  # starts the program: standard output is the process's own
def test_a_device_that_fails_is_one_line_naming_it(tmp_path):
    full = device(tmp_path, "full", 1, 7)  # what /dev/full is: every write fails with ENOSPC
    result = program("-o", str(full), text=True)
    assert result.returncode == EXIT_OUTPUT
    assert result.stderr == f"ses-export: {full}: No space left on device; the output is incomplete\n"
    assert stat.S_ISCHR(os.lstat(full).st_mode)


def test_a_symlink_keeps_pointing_at_its_target_which_gets_the_new_text(cli, tmp_path):
    target = tmp_path / "real" / "records.zone"
    target.parent.mkdir()
    target.write_text("old\n", encoding="utf-8")
    os.chmod(target, 0o640)
    link = tmp_path / "records.zone"
    link.symlink_to(target)
    result = cli(*ARGS, "-o", str(link))
    assert result.exit_code == 0, result.stderr
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text(encoding="utf-8") == expected_text(cli)
    assert stat.S_IMODE(target.stat().st_mode) == 0o640  # replaced atomically, its mode kept
    assert sorted(p.name for p in target.parent.iterdir()) == ["records.zone"]


def test_a_dangling_symlink_gets_its_target_made(cli, tmp_path):
    link = tmp_path / "out.zone"
    link.symlink_to(tmp_path / "made.zone")
    assert cli(*ARGS, "-o", str(link)).exit_code == 0
    assert link.is_symlink() and (tmp_path / "made.zone").read_text(encoding="utf-8") == expected_text(cli)


def test_other_kinds_of_file_are_refused_before_anything_is_written(cli, tmp_path):
    path = tmp_path / "s"
    server = socket.socket(socket.AF_UNIX)
    server.bind(str(path))
    try:
        result = cli(*ARGS, "-o", str(path))
    finally:
        server.close()
    assert result.exit_code == 2
    assert result.stderr == f"ses-export: --output: {path} is a socket; -o writes a file, a folder, a device or a FIFO\n"


@pytest.mark.slow  # starts the program: standard output is the process's own
def test_standard_output_full_is_one_line_naming_it():
    with open("/dev/full", "w") as full:  # redirected to, never written over
        result = program(stdout=full, stderr=subprocess.PIPE, text=True)
    assert result.returncode == EXIT_OUTPUT
    assert result.stderr == "ses-export: standard output: No space left on device; the output is incomplete\n"


@pytest.mark.slow  # starts the program: standard output is the process's own
def test_standard_output_closed_is_one_line_naming_it():
    result = subprocess.run(["bash", "-c", f'"{sys.executable}" -m exporter.cli "$@" >&-', "bash", *ARGS],
                            capture_output=True, text=True, timeout=60)
    assert result.returncode == EXIT_OUTPUT
    assert result.stderr == "ses-export: standard output is closed; nothing could be written (use -o FILE)\n"


@pytest.mark.slow  # starts the program: standard output is the process's own
def test_a_pipe_whose_reader_is_gone_is_one_line_naming_standard_output():
    read_end, write_end = os.pipe()
    os.close(read_end)  # the reader left before the first byte
    try:
        result = program(stdout=write_end, stderr=subprocess.PIPE, text=True)
    finally:
        os.close(write_end)
    assert result.returncode == EXIT_STDOUT_CLOSED
    assert result.stderr == "ses-export: standard output: the reader closed the pipe before everything was written\n"


@pytest.mark.parametrize("exit_status", [EXIT_OUTPUT, EXIT_STDOUT_CLOSED])
def test_the_statuses_are_documented(exit_status):
    usage = (Path(__file__).parent.parent / "docs" / "usage.md").read_text(encoding="utf-8")
    assert f"| {exit_status} |" in usage


def test_a_folder_whose_rename_fails_says_which_files_are_new_and_leaves_no_partial_file(monkeypatch, tmp_path):
    from exporter import output
    from exporter.errors import OutputError

    real = os.replace
    done = []

    def replace(src, dst):
        if done:
            raise OSError(28, "No space left on device")
        done.append(dst)
        real(src, dst)

    monkeypatch.setattr(output.os, "replace", replace)
    with pytest.raises(OutputError) as failed:
        output.write_folder(str(tmp_path / "out"), [("a.zone", "a\n"), ("b.zone", "b\n"), ("c.zone", "c\n")])
    assert str(failed.value) == f"{tmp_path / 'out' / 'b.zone'}: No space left on device; replaced already: a.zone"
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == ["a.zone"]  # the staged b and c removed


@pytest.mark.parametrize("encoding", ["utf-8", "UTF8", "utf-16", "ascii"])
def test_utf8_pieces_are_written_as_the_stream_would_write_their_text(encoding, monkeypatch):
    """The command line's output comes as UTF-8 pieces (formats.render_utf8): a stream that writes UTF-8
    gets them as they are, after what it was given as text; any other gets their text in its encoding
    (and fails as it would, a character it cannot encode being a ValueError: exit status as documented)."""
    import io

    from exporter import output

    monkeypatch.setattr(output, "PIECES_PER_WRITE", 2)
    text = ["; first\n", "mail.example.com. 300 IN TXT ", '"v=spf1 ~all"\n', "; 日本語\n"]
    raw = io.BytesIO()
    stream = io.TextIOWrapper(raw, encoding=encoding, newline="")
    monkeypatch.setattr(sys, "stdout", stream)
    stream.write("; before\n")
    if encoding == "ascii":
        with pytest.raises(output.OutputError):
            output.emit([piece.encode() for piece in text], None)
        return
    output.emit([piece.encode() for piece in text], None)
    assert raw.getvalue() == ("; before\n" + "".join(text)).encode(encoding)
