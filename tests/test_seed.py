"""The seed page becomes exactly its gold records, by every route."""
import json
import subprocess
import sys

import pytest

from cleaner.pipeline import FileMeta, clean_bytes
from conftest import GOLD_FIELDS, ROOT, SEED, project


def test_pipeline_matches_gold(seed_bytes, gold):
    result = clean_bytes(seed_bytes, FileMeta("raw/000_0bb77fbabf8f1fbb.txt", year=2021))
    assert project([a.record for a in result.articles]) == gold


def test_clean_command_matches_gold(tmp_path, gold):
    out = tmp_path / "out.jsonl"
    subprocess.run([sys.executable, "-m", "cleaner", "clean", "raw/000_0bb77fbabf8f1fbb.txt",
                    "--year", "2021", "-o", str(out), "--workers", "1"], cwd=ROOT, check=True)
    records = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    assert project(records) == gold
    assert all(len(r["id"]) == 16 for r in records)


def test_build_then_load_dataset_matches_gold(tmp_path, gold):
    datasets = pytest.importorskip("datasets")
    out = tmp_path / "dist"
    subprocess.run([sys.executable, "-m", "cleaner", "build", "--raw", "raw", "--out", str(out),
                    "--card", str(tmp_path / "CARD.md"), "--workers", "1"], cwd=ROOT, check=True)
    ds = datasets.load_dataset(str(out))
    assert set(ds) == {"train", "test"}
    assert len(ds["train"]) > 0 and len(ds["test"]) > 0
    rows = [dict(r) for split in ds.values() for r in split]
    assert project(rows) == gold
    assert (tmp_path / "CARD.md").read_text(encoding="utf-8") == (out / "README.md").read_text(encoding="utf-8")


def test_ids_do_not_depend_on_other_files(tmp_path, seed_bytes):
    """Adding a file to the run changes nothing about the seed's records."""
    alone = clean_bytes(seed_bytes, FileMeta("raw/000_0bb77fbabf8f1fbb.txt", year=2021))
    (tmp_path / "a.txt").write_bytes("另一篇\n\n某地举行活动。\n".encode())
    (tmp_path / "000_0bb77fbabf8f1fbb.txt").write_bytes(seed_bytes)
    out = tmp_path / "out.jsonl"
    subprocess.run([sys.executable, "-m", "cleaner", "clean", str(tmp_path / "a.txt"),
                    str(tmp_path / "000_0bb77fbabf8f1fbb.txt"), "--year", "2021", "-o", str(out)],
                   cwd=ROOT, check=True)
    records = [json.loads(l) for l in out.read_text(encoding="utf-8").splitlines()]
    seed_ids = [r["id"] for r in records if r["source"]["file"].endswith("000_0bb77fbabf8f1fbb.txt")]
    assert seed_ids == [a.record["id"] for a in alone.articles]
