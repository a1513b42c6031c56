"""What a build may replace: `--out` and `--card` are checked before anything
is read or written, and the files it writes get the usual mode."""
import os
import subprocess
import sys

import pytest

from cleaner.build import BuildOptions, OutputRefused, build, check_outputs
from cleaner.pipeline import Settings
from conftest import ROOT
from rawpages import page, write_raw


def cli(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "cleaner", *args], cwd=cwd, capture_output=True,
                          text=True, encoding="utf-8")


def snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*"))
            if p.is_file()}


@pytest.fixture
def raw(tmp_path):
    return write_raw(tmp_path / "raw", {"a.txt": page(["farm", "bus", "robots"])})


def one_refusal(proc, *fragments):
    """Exit 2, and a single line on standard error that says each fragment."""
    assert proc.returncode == 2, proc.stderr
    lines = proc.stderr.strip().splitlines()
    assert len(lines) == 1 and lines[0].startswith("cleaner build: refused: "), proc.stderr
    for f in fragments:
        assert f in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize("where", ["raw itself", "parent of raw", "inside raw"])
def test_out_never_replaces_the_raw_folder(tmp_path, where):
    parent = tmp_path / "work"
    raw = write_raw(parent / "raw", {"a.txt": page(["farm", "bus"])})
    out = {"raw itself": raw, "parent of raw": parent, "inside raw": raw / "dist"}[where]
    before = snapshot(parent)
    proc = cli("build", "--raw", str(raw), "--out", str(out), "--card", str(tmp_path / "CARD.md"),
               "--workers", "1")
    one_refusal(proc, f"--out {out}", "raw folder")
    assert snapshot(parent) == before
    assert not (tmp_path / "CARD.md").exists()


def test_out_never_replaces_a_folder_no_build_wrote(tmp_path, raw):
    notes = tmp_path / "notes"
    notes.mkdir()
    (notes / "notes.txt").write_text("precious\n", encoding="utf-8")
    proc = cli("build", "--raw", str(raw), "--out", str(notes), "--card", str(tmp_path / "CARD.md"))
    one_refusal(proc, f"--out {notes}", "notes.txt", "no build of cleaner wrote")
    assert (notes / "notes.txt").read_text(encoding="utf-8") == "precious\n"
    assert sorted(p.name for p in notes.iterdir()) == ["notes.txt"]


def test_a_previous_build_is_replaced_but_not_files_added_to_it(tmp_path, raw):
    out = tmp_path / "dist"
    out.mkdir()                       # an empty folder is fine
    opts = BuildOptions(raw=raw, out=out, card=tmp_path / "CARD.md", workers=1,
                        settings=Settings(year=2023))
    build(opts, log=lambda m: None)
    build(opts, log=lambda m: None)   # a previous build (and its card) are replaced
    (out / "data" / "mine.txt").write_text("added by hand\n", encoding="utf-8")
    with pytest.raises(OutputRefused, match=r"holds data/mine\.txt"):
        build(opts, log=lambda m: None)
    assert (out / "data" / "mine.txt").exists()
    (out / "data" / "mine.txt").unlink()
    (out / "manifest.json").write_text('{"note": "some other tool"}\n', encoding="utf-8")
    with pytest.raises(OutputRefused, match=r"holds manifest\.json"):
        build(opts, log=lambda m: None)


def test_out_that_is_a_file_is_refused(tmp_path, raw):
    f = tmp_path / "dist"
    f.write_text("x", encoding="utf-8")
    with pytest.raises(OutputRefused, match="is a file"):
        check_outputs(raw, f, None)


def test_the_repository_dist_and_card_are_previous_outputs():
    check_outputs(ROOT / "raw", ROOT / "dist", ROOT / "DATASET_CARD.md")   # no refusal


@pytest.mark.parametrize("card, fragment", [
    ("raw/a.txt", "lies in the raw folder"),
    ("raw/manifest.csv", "lies in the raw folder"),
    ("dist/CARD.md", "lies in --out"),
    ("notes.md", "is not a dataset card written by cleaner"),
    ("folder", "is a folder"),
])
def test_card_never_replaces_a_raw_file_or_another_file(tmp_path, raw, card, fragment):
    (tmp_path / "notes.md").write_text("# my notes\n", encoding="utf-8")
    (tmp_path / "folder").mkdir()
    before = snapshot(tmp_path)
    proc = cli("build", "--raw", str(raw), "--out", str(tmp_path / "dist"), "--card",
               str(tmp_path / card), "--workers", "1")
    one_refusal(proc, f"--card {tmp_path / card}", fragment)
    assert snapshot(tmp_path) == before


def test_files_get_the_usual_mode(tmp_path, raw):
    mask = os.umask(0o022)
    try:
        opts = BuildOptions(raw=raw, out=tmp_path / "dist", card=tmp_path / "CARD.md", workers=1,
                            settings=Settings(year=2023))
        build(opts, log=lambda m: None)
        build(opts, log=lambda m: None)   # the card replaced, not created
        proc = cli("clean", str(raw / "a.txt"), "-o", str(tmp_path / "out.jsonl"))
        assert proc.returncode == 0, proc.stderr
    finally:
        os.umask(mask)
    mode = lambda p: oct(p.stat().st_mode & 0o777)
    assert mode(tmp_path / "CARD.md") == oct(0o644)
    assert mode(tmp_path / "out.jsonl") == oct(0o644)
    assert mode(tmp_path / "dist") == oct(0o755)
    for p in (tmp_path / "dist").rglob("*"):
        assert mode(p) == oct(0o755 if p.is_dir() else 0o644), p
