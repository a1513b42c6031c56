"""Bad input: a clear one-line message naming the file (and line or byte),
exit code 3, and no output left behind (or the previous output intact)."""
import json
import os
import shutil
import subprocess
import sys

import pytest

from conftest import ROOT, SEED

GOOD = "某地新闻标题\n\n本报讯（记者 张三）3月5日，某地举行活动。\n".encode()


def _zip_bytes():
    import io
    import zipfile
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as z:
        z.writestr("a.txt", "内容")
    return buf.getvalue()


#: name -> (bytes of the bad file, kind in the message, a fragment of the message)
BAD = {
    "undecodable": (b"\xff\xfe\xfd\x80\x81" * 3 + "正文".encode("utf-8"), "undecodable", "byte"),
    "png": (b"\x89PNG\r\n\x1a\n" + b"\x00" * 40, "binary", "PNG image"),
    "zip": (_zip_bytes(), "binary", "zip archive"),
    "empty": (b"", "empty", "file is empty"),
    "whitespace": (" \n\u3000\n\t\n".encode(), "empty", "only whitespace"),
    "nul": ("标题\n\n正文\x00正文。\n".encode(), "binary", "NUL"),
    "controls": (("标题\x01\x02\x03\x04" * 40 + "\n").encode(), "binary", "control characters"),
    "mixed": ("这是一段足够长的UTF-8中文文字。\n".encode() * 3 + "接着是GBK编码的文字。\n".encode("gbk"),
              "mixed_encoding", "mixed or corrupt"),
}


def run(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "cleaner", *args], cwd=cwd, capture_output=True,
                          text=True)


def _one_line_error(proc, kind, fragment, name):
    assert proc.returncode == 3, proc.stderr
    lines = [l for l in proc.stderr.splitlines() if l.startswith("cleaner: bad input:")]
    assert len(lines) == 1, proc.stderr
    assert name in lines[0] and f"[{kind}]" in lines[0] and fragment in lines[0], lines[0]
    return lines[0]


@pytest.mark.parametrize("case", sorted(BAD))
def test_clean_stops_on_bad_input_and_leaves_no_output(tmp_path, case):
    data, kind, fragment = BAD[case]
    bad = tmp_path / f"{case}.txt"
    bad.write_bytes(data)
    good = tmp_path / "good.txt"
    good.write_bytes(GOOD)
    out = tmp_path / "out.jsonl"
    proc = run("clean", str(good), str(bad), "-o", str(out))
    _one_line_error(proc, kind, fragment, f"{case}.txt")
    assert not out.exists()
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".out.jsonl")]


def test_error_names_the_line_and_byte_of_undecodable_input(tmp_path):
    bad = tmp_path / "late.txt"
    bad.write_bytes("第一行文字，内容很长很长。\n".encode() * 4 + "第五行：".encode() + b"\xff\xfe" + "。\n".encode())
    line = _one_line_error(run("clean", str(bad)), "mixed_encoding", "byte", "late.txt")
    offset = len("第一行文字，内容很长很长。\n".encode()) * 4 + len("第五行：".encode())
    assert f"line 5: byte {offset}:" in line


def test_a_huge_line_is_refused(tmp_path):
    bad = tmp_path / "huge.txt"
    bad.write_bytes(("标题\n\n" + "字" * (50 * 1024 * 1024 // 3) + "\n").encode())
    line = _one_line_error(run("clean", str(bad), "-o", str(tmp_path / "o.jsonl")), "huge_line",
                           "characters", "huge.txt")
    assert "line 3" in line
    assert not (tmp_path / "o.jsonl").exists()


def test_unreadable_file(tmp_path):
    loop = tmp_path / "loop.txt"
    os.symlink(loop, loop)   # a symlink to itself cannot be opened, even by root
    _one_line_error(run("clean", str(loop)), "unreadable", "cannot read", "loop.txt")


def test_skip_mode_lists_the_bad_file_and_goes_on(tmp_path):
    bad = tmp_path / "bad.txt"
    bad.write_bytes(BAD["png"][0])
    good = tmp_path / "good.txt"
    good.write_bytes(GOOD)
    out, audit = tmp_path / "out.jsonl", tmp_path / "audit.jsonl"
    proc = run("clean", str(bad), str(good), "--on-error", "skip", "-o", str(out), "--audit", str(audit))
    assert proc.returncode == 0, proc.stderr
    assert "skipped" in proc.stderr and "bad.txt" in proc.stderr
    records = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    assert [r["title"] for r in records] == ["某地新闻标题"]
    skipped = [json.loads(l) for l in audit.read_text(encoding="utf-8").splitlines()
               if json.loads(l).get("kind") == "skipped"]
    assert [s["file"] for s in skipped] == [str(bad)] and skipped[0]["message"]


# --- build ------------------------------------------------------------------------

def _raw_with(tmp_path, extra: dict[str, bytes], manifest: str | None = None):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw / SEED.name)
    for name, data in extra.items():
        (raw / name).write_bytes(data)
    if manifest is not None:
        (raw / "manifest.csv").write_text(manifest, encoding="utf-8")
    return raw


def _build(tmp_path, raw, *more):
    return run("build", "--raw", str(raw), "--out", str(tmp_path / "dist"), "--card",
               str(tmp_path / "CARD.md"), "--workers", "1", *more)


def _snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


@pytest.mark.parametrize("case", ["undecodable", "png", "empty"])
def test_build_stops_and_keeps_the_previous_dataset(tmp_path, case):
    raw = _raw_with(tmp_path, {})
    assert _build(tmp_path, raw).returncode == 0
    before, card = _snapshot(tmp_path / "dist"), (tmp_path / "CARD.md").read_bytes()
    (raw / f"{case}.txt").write_bytes(BAD[case][0])
    _one_line_error(_build(tmp_path, raw), BAD[case][1], BAD[case][2], f"{case}.txt")
    assert _snapshot(tmp_path / "dist") == before
    assert (tmp_path / "CARD.md").read_bytes() == card
    assert not list(tmp_path.glob(".dist.building-*"))


def test_build_skip_mode_lists_skipped_files_in_audit_and_card(tmp_path):
    raw = _raw_with(tmp_path, {"bad.txt": BAD["zip"][0]})
    proc = _build(tmp_path, raw, "--on-error", "skip")
    assert proc.returncode == 0, proc.stderr
    audit = [json.loads(l) for l in (tmp_path / "dist" / "audit.jsonl").read_text(encoding="utf-8").splitlines()]
    assert [a["file"] for a in audit if a["kind"] == "skipped"] == ["raw/bad.txt"]
    assert "raw/bad.txt" in (tmp_path / "dist" / "README.md").read_text(encoding="utf-8")


def test_missing_raw_folder(tmp_path):
    _one_line_error(_build(tmp_path, tmp_path / "nowhere"), "missing", "raw folder not found", "nowhere")
    assert not (tmp_path / "dist").exists()


MANIFEST_HEAD = "file,year,outlet,encoding,note\n"


def test_manifest_lists_a_file_that_is_not_there(tmp_path):
    raw = _raw_with(tmp_path, {}, MANIFEST_HEAD + f"{SEED.name},2021,,,\ngone.txt,2021,,,\n")
    _one_line_error(_build(tmp_path, raw), "missing", "listed in", "gone.txt")
    assert not (tmp_path / "dist").exists()


def test_file_without_manifest_entry(tmp_path):
    raw = _raw_with(tmp_path, {"extra.txt": GOOD}, MANIFEST_HEAD + f"{SEED.name},2021,,,\n")
    _one_line_error(_build(tmp_path, raw), "unlisted", "not in", "extra.txt")


def test_malformed_manifest_names_its_line(tmp_path):
    raw = _raw_with(tmp_path, {}, MANIFEST_HEAD + f"{SEED.name},twenty,,,\n")
    line = _one_line_error(_build(tmp_path, raw), "manifest", "four-digit year", "manifest.csv")
    assert "line 2" in line


def test_build_of_raw_files_with_no_article_is_refused(tmp_path):
    """`datasets` cannot load a dataset without rows, so none is built."""
    raw = tmp_path / "raw"
    raw.mkdir()
    card = str(tmp_path / "CARD.md")
    proc = run("build", "--raw", str(raw), "--out", str(tmp_path / "dist"), "--card", card)
    _one_line_error(proc, "empty", "holds no raw file to clean", "raw")
    (raw / "page.txt").write_text("要闻 第3版\n\n——————\n", encoding="utf-8")
    proc = run("build", "--raw", str(raw), "--out", str(tmp_path / "dist"), "--card", card, "--year", "2021")
    _one_line_error(proc, "empty", "the raw files hold no article", "raw")
    assert not (tmp_path / "dist").exists() and not (tmp_path / "CARD.md").exists()
    assert not list(tmp_path.glob(".dist.building-*"))
    shutil.copy(SEED, raw / "page.txt")
    proc = run("build", "--raw", str(raw), "--out", str(tmp_path / "dist2"), "--card", card, "--year", "2021")
    assert proc.returncode == 0 and "warning" not in proc.stderr, proc.stderr


def test_a_manifest_that_is_not_utf8_is_named(tmp_path):
    raw = _raw_with(tmp_path, {})
    (raw / "manifest.csv").write_bytes((MANIFEST_HEAD + f"{SEED.name},2021,北方新报,,\n").encode("gb18030"))
    line = _one_line_error(_build(tmp_path, raw), "manifest", "the manifest must be UTF-8", "manifest.csv")
    assert "line 2" in line and f"byte {len(MANIFEST_HEAD) + len(SEED.name) + 6}" in line
