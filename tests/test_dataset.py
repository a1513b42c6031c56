"""Whole builds from hand-written raw pages: dedup, splits, ids, shards,
reproducibility, and what `datasets` makes of the result."""
import hashlib
import json
import re
import shutil

import pyarrow.parquet as pq
import pytest

from cleaner.build import BuildOptions, build
from cleaner.pipeline import Settings
from rawpages import (BIRDS_EDITED, BUS_FOLLOWUP, CANTEEN_EDITED, STORIES, append_raw,
                      expected_id, fullwidth_copy, page, write_raw)

LIBRARY_COPY = fullwidth_copy(STORIES["library"])
#: Page a: five stories. Page b: its own stories, plus `library` reprinted
#: (exact after normalisation), `canteen` lightly edited (near), and a story
#: quoting a paragraph of `bus`.
PAGES = {
    "a.txt": page(["farm", "canteen", "bus", "library", "birds"]),
    "b.txt": page(["street"]) + "\n\n" + LIBRARY_COPY + "\n\n"
             + page(["robots", CANTEEN_EDITED, BUS_FOLLOWUP, "heating"]),
}
#: Added later: new stories, an exact copy of `farm` (same print), `birds`
#: lightly edited, and `street` again.
LATER = {"c.txt": page(["stream", "farm", "trail", BIRDS_EDITED, "museum", "street", "market"])}

ID = {name: expected_id("a.txt", STORIES[name]) for name in ["farm", "canteen", "bus", "library", "birds"]}
ID |= {name: expected_id("b.txt", STORIES[name]) for name in ["street", "robots", "heating"]}
ID["library_copy"] = expected_id("b.txt", None, printed=LIBRARY_COPY)
ID["canteen_edited"] = expected_id("b.txt", CANTEEN_EDITED)
ID["bus_followup"] = expected_id("b.txt", BUS_FOLLOWUP)


def run(raw, out, **kw):
    opts = BuildOptions(raw=raw, out=out, card=kw.pop("card", None), workers=kw.pop("workers", 1),
                        settings=Settings(year=2023), **kw)
    return build(opts, log=lambda m: None)


def rows(dist):
    """split -> rows, read straight from the Parquet files."""
    out = {}
    for p in sorted((dist / "data").glob("*.parquet")):
        split = p.name.split("-")[0]
        out.setdefault(split, []).extend(pq.read_table(p).to_pylist())
    return out


def audit(dist, kind=None):
    lines = [json.loads(l) for l in (dist / "audit.jsonl").read_text(encoding="utf-8").splitlines()]
    return [l for l in lines if kind is None or l["kind"] == kind]


@pytest.fixture(scope="module")
def raw(tmp_path_factory):
    return write_raw(tmp_path_factory.mktemp("corpus") / "raw", PAGES)


@pytest.fixture(scope="module")
def dropped(raw, tmp_path_factory):
    out = tmp_path_factory.mktemp("drop") / "dist"
    run(raw, out, dedup="drop")
    return out


@pytest.fixture(scope="module")
def grouped(raw, tmp_path_factory):
    out = tmp_path_factory.mktemp("group") / "dist"
    run(raw, out, dedup="group")
    return out


def test_fixture_ids_are_the_documented_ids(dropped):
    got = {r["id"] for rs in rows(dropped).values() for r in rs}
    assert got == {ID[n] for n in ["farm", "canteen", "bus", "library", "birds", "street", "robots",
                                   "heating", "bus_followup"]}


def test_drop_keeps_the_earliest_copy_and_the_audit_names_the_original(dropped):
    titles = [r["title"] for rs in rows(dropped).values() for r in rs]
    assert titles.count("社区食堂开进老旧小区") == 1
    assert titles.count("图书馆延长夜间开放时间") == 1
    dups = {d["id"]: d for d in audit(dropped, "duplicate")}
    assert set(dups) == {ID["library_copy"], ID["canteen_edited"]}
    lib, can = dups[ID["library_copy"]], dups[ID["canteen_edited"]]
    assert (lib["match"], lib["duplicate_of"], lib["kept"]) == ("exact", ID["library"], ID["library"])
    assert (can["match"], can["duplicate_of"], can["kept"]) == ("near", ID["canteen"], ID["canteen"])
    assert 0.8 <= can["similarity"] < 1
    # The dropped article's record and edits are in the audit, so nothing is lost.
    assert can["record"]["text"].startswith("记者从市民政局获悉，全市首批十二家")
    lines = PAGES["b.txt"].splitlines()
    first = lines.index(CANTEEN_EDITED[0]) + 1                      # the headline's line
    last = lines.index(CANTEEN_EDITED[2][-1]) + 1                   # the last paragraph's line
    assert can["source"] == {"file": "raw/b.txt", "line_start": first, "line_end": last}
    assert (first, last) == (31, 37)
    assert any(e["rule"] == "widen_punctuation" for e in can["edits"])


def test_group_keeps_both_copies_in_one_split(grouped):
    by_id = {r["id"]: (split, r) for split, rs in rows(grouped).items() for r in rs}
    s1, orig = by_id[ID["canteen"]]
    s2, edited = by_id[ID["canteen_edited"]]
    assert s1 == s2
    assert orig["group"] == edited["group"] == ID["canteen"]
    # Exact copies are dropped in every mode.
    assert ID["library_copy"] not in by_id
    assert [d["id"] for d in audit(grouped, "duplicate")] == [ID["library_copy"]]
    # Every other article is its own group.
    assert all(r["group"] == i for i, (_, r) in by_id.items() if i != ID["canteen_edited"])


def test_audit_article_lines(grouped):
    arts = audit(grouped, "article")
    data = {r["id"]: s for s, rs in rows(grouped).items() for r in rs}
    assert {a["id"]: a["split"] for a in arts} == data
    a = next(a for a in arts if a["id"] == ID["canteen_edited"])
    assert a["group"] == ID["canteen"]
    assert a["source"]["file"] == "raw/b.txt"
    for e in a["edits"]:
        assert set(e) == {"rule", "line", "col", "before", "after"}


def test_added_files_keep_every_article_its_id_and_split(tmp_path):
    for mode in ("drop", "group"):
        raw = write_raw(tmp_path / mode / "raw", PAGES)
        out = tmp_path / mode / "dist"
        run(raw, out, dedup=mode)
        before = {r["id"]: (s, r) for s, rs in rows(out).items() for r in rs}
        append_raw(raw, LATER)
        run(raw, out, dedup=mode)
        after = {r["id"]: (s, r) for s, rs in rows(out).items() for r in rs}
        assert before.keys() <= after.keys(), mode
        for i, (split, row) in before.items():
            assert after[i] == (split, row), (mode, i)
        new = after.keys() - before.keys()
        assert {after[i][1]["title"] for i in new} >= {"农产品直播带货助农增收", "全民健身步道串起城市绿廊",
                                                         "博物馆推出夜场导览", "早市搬进新大棚"}
        dups = {d["record"]["title"]: d for d in audit(out, "duplicate") if d["source"]["file"] == "raw/c.txt"}
        assert dups["春耕时节农机忙"]["duplicate_of"] == ID["farm"]
        assert dups["老街改造保留历史风貌"]["duplicate_of"] == ID["street"]
        if mode == "drop":
            assert dups["湿地公园迎来候鸟迁徙高峰"]["duplicate_of"] == ID["birds"]
        else:
            edited = next(i for i in new if after[i][1]["title"] == "湿地公园迎来候鸟迁徙高峰")
            assert after[edited][0] == before[ID["birds"]][0]
            assert after[edited][1]["group"] == ID["birds"]


def test_rebuild_is_byte_identical_whatever_the_worker_count(raw, dropped, tmp_path):
    again = tmp_path / "dist"
    run(raw, again, dedup="drop", workers=2)
    names = sorted(p.relative_to(dropped).as_posix() for p in dropped.rglob("*") if p.is_file())
    assert names == sorted(p.relative_to(again).as_posix() for p in again.rglob("*") if p.is_file())
    for n in names:
        assert (dropped / n).read_bytes() == (again / n).read_bytes(), n


def test_manifest_records_every_raw_and_data_file(raw, dropped):
    m = json.loads((dropped / "manifest.json").read_text(encoding="utf-8"))
    assert [r["file"] for r in m["raw_files"]] == ["raw/a.txt", "raw/b.txt"]
    for r in m["raw_files"]:
        data = (raw / r["file"].split("/", 1)[1]).read_bytes()
        assert r["sha256"] == hashlib.sha256(data).hexdigest() and r["bytes"] == len(data)
    data_files = sorted(p.relative_to(dropped).as_posix() for p in (dropped / "data").glob("*"))
    assert sorted(m["data_files"]) == data_files
    for name, digest in {**m["data_files"], **m["files"]}.items():
        assert hashlib.sha256((dropped / name).read_bytes()).hexdigest() == digest
    assert set(m["files"]) == {"README.md", "LICENSE.md", "audit.jsonl", "report.html"}
    for pkg in ["cleaner", "datasets", "pyarrow", "datasketch", "huggingface_hub", "numpy"]:
        assert re.fullmatch(r"\d+(\.\d+)*\S*", m["cleaner"][pkg]), pkg
    assert m["settings"]["split_seed"] == "cleaner-split-v1" and m["settings"]["test_share"] == 0.2


def test_small_shard_limit_makes_several_well_named_shards(raw, dropped, tmp_path):
    out = tmp_path / "dist"
    run(raw, out, dedup="drop", shard_bytes=8_000)
    files = sorted(p.name for p in (out / "data").glob("*"))
    train = [f for f in files if f.startswith("train-")]
    assert len(train) > 1
    n = len(train)
    assert train == [f"train-{i:05d}-of-{n:05d}.parquet" for i in range(n)]
    assert not [f for f in files if not re.fullmatch(r"(train|test)-\d{5}-of-\d{5}\.parquet", f)]
    for f in files:
        meta = pq.read_metadata(out / "data" / f)
        assert (out / "data" / f).stat().st_size <= 8_000 or meta.num_row_groups == 1
    # Same rows, same order, however they are sharded.
    assert rows(out) == rows(dropped)
    m = json.loads((out / "manifest.json").read_text(encoding="utf-8"))
    assert sorted(m["data_files"]) == [f"data/{f}" for f in files]


def test_old_shards_do_not_survive_a_rebuild(raw, tmp_path):
    out = tmp_path / "dist"
    run(raw, out, dedup="drop", shard_bytes=8_000)
    run(raw, out, dedup="drop")
    assert sorted(p.name for p in (out / "data").glob("*")) == [
        "test-00000-of-00001.parquet", "train-00000-of-00001.parquet"]


def test_schema_types_and_nulls(dropped):
    schema = pq.read_schema(next((dropped / "data").glob("train-*")))
    assert str(schema.field("authors").type) == "list<element: struct<name: string, role: string>>"
    assert str(schema.field("source").type) == ("struct<file: string not null, line_start: int32 not "
                                                "null, line_end: int32 not null>")
    nullable = {f.name for f in schema if f.nullable}
    assert nullable == {"title", "byline", "outlet", "date", "place"}
    assert b"huggingface" in schema.metadata


def test_load_dataset_reads_the_build(dropped):
    datasets = pytest.importorskip("datasets")
    ds = datasets.load_dataset(str(dropped), verification_mode="all_checks")
    assert sorted(ds) == ["test", "train"]
    data = rows(dropped)
    for split in ("train", "test"):
        assert ds[split].to_list() == data[split]
        assert ds[split].features["authors"] == datasets.List({"name": datasets.Value("string"),
                                                               "role": datasets.Value("string")})


@pytest.mark.parametrize("stories", [["farm"], ["farm", "farm"]])
def test_a_single_group_loads_with_its_empty_split_left_out(tmp_path, stories):
    """One article (or one kept of exact copies) is one group, in one split:
    the other split has no file and is not in the card's configuration, since
    `datasets` can load neither a shard with an empty row group nor a split
    without rows."""
    datasets = pytest.importorskip("datasets")
    raw = write_raw(tmp_path / "raw", {"a.txt": page(stories)})
    out = tmp_path / "dist"
    run(raw, out, card=tmp_path / "CARD.md")
    split = documented_split(ID["farm"])
    empty = "train" if split == "test" else "test"
    assert sorted(p.name for p in (out / "data").iterdir()) == [f"{split}-00000-of-00001.parquet"]
    ds = datasets.load_dataset(str(out), verification_mode="all_checks")
    assert list(ds) == [split] and ds[split]["id"] == [ID["farm"]]
    card_text = (tmp_path / "CARD.md").read_text(encoding="utf-8")
    assert f"The {empty} split is empty: every article (1) belongs to one group" in card_text
    assert f'print(ds["{split}"][0]["title"])' in card_text
    assert f"split: {empty}" not in card_text


def test_one_split_empty_moves_the_group_nearest_the_line(tmp_path):
    raw = write_raw(tmp_path / "raw", {"a.txt": page(["farm", "bus", "robots"])})
    out = tmp_path / "dist"
    run(raw, out, dedup="drop", test_share=0.0001, card=tmp_path / "CARD.md")
    data = rows(out)
    assert len(data["train"]) == 2 and len(data["test"]) == 1
    moved = data["test"][0]["id"]
    assert {a["id"]: a["split"] for a in audit(out, "article")}[moved] == "test"
    assert f"the group `{moved}`" in (tmp_path / "CARD.md").read_text(encoding="utf-8")


def test_a_failed_build_leaves_the_old_dist(raw, tmp_path):
    out = tmp_path / "dist"
    run(raw, out)
    before = {p: p.read_bytes() for p in out.rglob("*") if p.is_file()}
    bad = tmp_path / "bad"
    shutil.copytree(raw, bad)
    (bad / "b.txt").write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    with pytest.raises(Exception):
        run(bad, out)
    assert {p: p.read_bytes() for p in out.rglob("*") if p.is_file()} == before


def documented_split(group_id, seed="cleaner-split-v1", share=0.2):
    """The card's rule, in plain hashlib: blake2b-64 of seed and group id, as a
    fraction of 2**64, below the test share -> test."""
    h = hashlib.blake2b(f"{seed}\n{group_id}".encode(), digest_size=8).digest()
    return "test" if int.from_bytes(h, "big") / 2 ** 64 < share else "train"


@pytest.mark.parametrize("mode", ["drop", "group"])
def test_every_row_sits_in_its_group_hash_split(tmp_path, mode):
    raw = write_raw(tmp_path / "raw", {**PAGES, **LATER})
    run(raw, tmp_path / "dist", dedup=mode)
    data = rows(tmp_path / "dist")
    assert data["train"] and data["test"]
    for split, rs in data.items():
        for r in rs:
            assert split == documented_split(r["group"]), r["title"]


def test_a_file_inserted_before_built_files_is_warned_about(tmp_path):
    raw = write_raw(tmp_path / "raw", PAGES)
    out = tmp_path / "dist"
    run(raw, out)
    # The new file goes first in the manifest; b.txt is edited.
    (raw / "c.txt").write_text(LATER["c.txt"], encoding="utf-8")
    (raw / "b.txt").write_text(PAGES["b.txt"] + page(["market"]), encoding="utf-8")
    (raw / "manifest.csv").write_text("file,year,outlet,encoding,note\nc.txt,2023,,,\na.txt,2023,,,\n"
                                      "b.txt,2023,,,\n", encoding="utf-8")
    logged = []
    build(BuildOptions(raw=raw, out=out, card=None, workers=1, settings=Settings(year=2023)),
          log=logged.append)
    assert len(logged) == 2
    assert logged[0].startswith("warning: raw/c.txt is new but listed before files already in the dataset")
    assert logged[1] == "warning: raw/b.txt changed since the last build: its articles get new ids"
    # Appending at the end, unchanged files: no warning.
    logged.clear()
    raw2 = write_raw(tmp_path / "raw2", PAGES)
    run(raw2, tmp_path / "dist2")
    append_raw(raw2, LATER)
    build(BuildOptions(raw=raw2, out=tmp_path / "dist2", card=None, workers=1,
                      settings=Settings(year=2023)), log=logged.append)
    assert logged == []
