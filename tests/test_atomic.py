"""A build killed at any moment leaves the previous dist/ complete and loadable."""
import os
import signal
import subprocess
import sys
import time

import pytest

from conftest import ROOT, SEED


def _snapshot(folder):
    return {p.relative_to(folder).as_posix(): p.read_bytes() for p in sorted(folder.rglob("*")) if p.is_file()}


def _raw(tmp_path, copies):
    raw = tmp_path / "raw"
    raw.mkdir(exist_ok=True)
    text = SEED.read_text(encoding="utf-8")
    for i in range(copies):
        # each copy differs a little, so none is dropped as an exact duplicate
        (raw / f"page-{i:04d}.txt").write_text(text.replace("9月17日", f"9月{1 + i % 28}日") + f"\n第{i}页。\n",
                                               encoding="utf-8")
    return raw


def _build(tmp_path, raw):
    return [sys.executable, "-m", "cleaner", "build", "--raw", str(raw), "--out", str(tmp_path / "dist"),
            "--card", str(tmp_path / "CARD.md"), "--workers", "1", "--year", "2021"]


def _wait_for(tmp_path, stage, proc, timeout=60):
    """Poll until the running build reaches ``stage``; False if it ended first."""
    end = time.time() + timeout
    while time.time() < end and proc.poll() is None:
        building = list(tmp_path.glob(".dist.building-*"))
        if stage == "started" and building:
            return True
        if stage == "writing" and building and (building[0] / "audit.jsonl").exists() \
                and (building[0] / "audit.jsonl").stat().st_size > 50_000:
            return True
        time.sleep(0.005)
    return False


@pytest.mark.parametrize("stage", ["started", "writing"])
def test_sigkill_mid_build_leaves_previous_dataset(tmp_path, stage):
    datasets = pytest.importorskip("datasets")
    raw = _raw(tmp_path, 2)
    subprocess.run(_build(tmp_path, raw), cwd=ROOT, check=True, capture_output=True)
    before = _snapshot(tmp_path / "dist")
    card = (tmp_path / "CARD.md").read_bytes()
    rows = sorted(r["id"] for s in datasets.load_dataset(str(tmp_path / "dist")).values() for r in s)

    _raw(tmp_path, 300)   # a bigger corpus: the next build takes several seconds
    proc = subprocess.Popen(_build(tmp_path, raw), cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.DEVNULL)
    assert _wait_for(tmp_path, stage, proc), "the build finished before it could be killed"
    os.kill(proc.pid, signal.SIGKILL)
    proc.wait()

    assert _snapshot(tmp_path / "dist") == before
    assert (tmp_path / "CARD.md").read_bytes() == card
    ds = datasets.load_dataset(str(tmp_path / "dist"))
    assert sorted(r["id"] for s in ds.values() for r in s) == rows

    # the next build cleans up what the killed one left behind
    subprocess.run(_build(tmp_path, raw), cwd=ROOT, check=True, capture_output=True)
    assert not list(tmp_path.glob(".dist.building-*"))
    assert _snapshot(tmp_path / "dist") != before
