"""The Ray engine gives exactly the local engine's rows."""
import shutil

import pyarrow.parquet as pq
import pytest

from cleaner.build import BuildOptions, build
from conftest import SEED

ray = pytest.importorskip("ray", reason="Ray is an optional extra: pip install -e '.[ray]'")


def _rows(dist):
    rows = []
    for p in sorted((dist / "data").glob("*.parquet")):
        rows += [(p.name.split("-")[0], r) for r in pq.read_table(p).to_pylist()]
    return sorted(rows, key=lambda sr: sr[1]["id"])


def test_ray_and_local_engines_build_the_same_rows(tmp_path):
    raw = tmp_path / "raw"
    raw.mkdir()
    shutil.copy(SEED, raw / SEED.name)
    (raw / "b.txt").write_text("第二页的标题\n\n本报讯（记者 王小明）3月5日，某地召开会议。\n\n会议决定修路。\n",
                               encoding="utf-8")
    (raw / "c.txt").write_text("第三页\n\n另一篇报道的正文，写在这里。\n", encoding="utf-8")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False)
    try:
        on_ray = build(BuildOptions(raw=raw, out=tmp_path / "ray", card=None, engine="ray"), log=lambda m: None)
    finally:
        ray.shutdown()
    local = build(BuildOptions(raw=raw, out=tmp_path / "local", card=None, workers=2), log=lambda m: None)
    assert on_ray.articles == local.articles > 6
    assert _rows(tmp_path / "ray") == _rows(tmp_path / "local")
    assert (tmp_path / "ray" / "audit.jsonl").read_bytes() == (tmp_path / "local" / "audit.jsonl").read_bytes()
