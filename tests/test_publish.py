"""`cleaner publish`: the checks, the dry run, and the upload call (faked:
no test touches the network)."""
import shutil

import pytest

from cleaner import publish as pub
from cleaner.build import BuildOptions, build
from cleaner.cli import main
from cleaner.errors import BadInput
from cleaner.pipeline import Settings
from rawpages import write_raw
from test_dataset import PAGES


@pytest.fixture(scope="module")
def pristine(tmp_path_factory):
    base = tmp_path_factory.mktemp("pub")
    out = base / "dist"
    build(BuildOptions(raw=write_raw(base / "raw", PAGES), out=out, card=None, workers=1,
                       settings=Settings(year=2023)), log=lambda m: None)
    return out


@pytest.fixture
def dist(pristine, tmp_path):
    """A fresh copy each test may damage."""
    return shutil.copytree(pristine, tmp_path / "dist")


class NoNetwork:
    def __init__(self, *a, **k):
        raise AssertionError("the Hub was contacted")


@pytest.fixture(autouse=True)
def no_network(monkeypatch):
    import huggingface_hub
    monkeypatch.setattr(huggingface_hub, "HfApi", NoNetwork)


def test_dry_run_lists_every_file_with_its_size(dist, capsys):
    assert main(["publish", "--repo-id", "org/zh-news", "--dist", str(dist), "--dry-run"]) == 0
    out = capsys.readouterr().out
    files = sorted(p.relative_to(dist).as_posix() for p in dist.rglob("*") if p.is_file())
    assert f"would upload {len(files)} files" in out
    assert "https://huggingface.co/datasets/org/zh-news" in out
    for f in files:
        size = (dist / f).stat().st_size
        assert any(line.split() == [f"{size:,}", f] for line in out.splitlines()), f
    assert "dry run: nothing uploaded" in out


def test_check_passes_a_fresh_build(dist):
    assert pub.check(dist) == []


def damage_card(dist, old, new):
    p = dist / "README.md"
    text = p.read_text(encoding="utf-8")
    assert old in text
    p.write_text(text.replace(old, new, 1), encoding="utf-8")


@pytest.mark.parametrize("old,new,problem", [
    ("---\npretty_name", "pretty_name", "metadata has no"),                  # no YAML block
    ("  - split: test\n    path: data/test-*.parquet\n", "", "no split of the card names"),
    ("path: data/test-*.parquet", "path: data/tests-*.parquet", "match no file"),
    ("license_link: LICENSE.md", "license_link: TERMS.md", "not a file"),
    ("    num_examples: 2\n", "    num_examples: 3\n", "num_examples 3"),
])
def test_check_finds_a_broken_card(dist, old, new, problem):
    damage_card(dist, old, new)
    problems = pub.check(dist)
    assert any(problem in p for p in problems), problems


def test_check_finds_a_changed_or_added_data_file(dist):
    shard = next((dist / "data").glob("train-*.parquet"))
    with open(shard, "ab") as f:
        f.write(b"\0")
    (dist / "data" / "train-00001-of-00002.parquet").write_bytes(shard.read_bytes())
    problems = pub.check(dist)
    assert any("sha256 differs" in p and shard.name in p for p in problems)
    assert any("not in manifest.json" in p and "train-00001-of-00002" in p for p in problems)


def test_a_broken_dist_is_refused_before_any_upload(dist, capsys):
    (dist / "audit.jsonl").write_text("", encoding="utf-8")
    assert main(["publish", "--repo-id", "org/zh-news", "--dist", str(dist)]) == 3
    err = capsys.readouterr().err
    assert "audit.jsonl: sha256 differs" in err and "nothing uploaded" in err


def test_missing_dist(tmp_path):
    with pytest.raises(BadInput, match="run `cleaner build` first"):
        pub.publish(tmp_path / "nowhere", "org/x", dry_run=True)


@pytest.mark.parametrize("repo", ["no-slash", "a/b/c", "org/bad name"])
def test_bad_repo_id_is_a_usage_error(dist, repo):
    with pytest.raises(SystemExit) as e:
        main(["publish", "--repo-id", repo, "--dist", str(dist), "--dry-run"])
    assert e.value.code == 2


class FakeApi:
    def __init__(self, fail=None):
        self.calls = []
        self.fail = fail

    def create_repo(self, repo_id, **kw):
        self.calls.append(("create_repo", repo_id, kw))
        if self.fail:
            raise self.fail

    def upload_folder(self, **kw):
        self.calls.append(("upload_folder", kw))
        return type("Commit", (), {"commit_url": "https://huggingface.co/datasets/org/x/commit/1"})()


def test_upload_is_one_commit_of_exactly_the_listed_files(dist, capsys):
    api = FakeApi()
    assert pub.publish(dist, "org/x", api=api, private=True) == 0
    (name, repo, kw), (name2, up) = api.calls
    assert (name, repo, kw) == ("create_repo", "org/x",
                                {"repo_type": "dataset", "private": True, "exist_ok": True})
    assert name2 == "upload_folder"
    assert up["repo_id"] == "org/x" and up["repo_type"] == "dataset"
    assert up["folder_path"] == str(dist)
    assert up["allow_patterns"] == pub.local_files(dist)
    assert "data/train-00000-of-00001.parquet" in up["allow_patterns"]
    assert up["delete_patterns"] == ["data/*"]            # stale shards of an older build go
    assert "uploaded: https://huggingface.co/datasets/org/x/commit/1" in capsys.readouterr().out


def test_hub_failure_is_exit_5(dist, monkeypatch, capsys):
    import huggingface_hub
    monkeypatch.setattr(huggingface_hub, "HfApi", lambda: FakeApi(fail=OSError("no token")))
    assert main(["publish", "--repo-id", "org/zh-news", "--dist", str(dist)]) == 5
    assert "publish failed: OSError: no token" in capsys.readouterr().err


def test_hidden_files_are_not_uploaded(dist):
    (dist / ".cache").mkdir()
    (dist / ".cache" / "x").write_text("x")
    assert not [f for f in pub.local_files(dist) if f.startswith(".")]
    assert pub.check(dist) == []


def test_check_finds_what_load_dataset_cannot_read(dist):
    """An empty row group (`ArrowInvalid: BatchSize must be greater than 0`)
    and a split without rows (`corresponds to no data`)."""
    import pyarrow as pa
    import pyarrow.parquet as pq
    from cleaner.dataset import file_schema
    shard = next((dist / "data").glob("test-*.parquet"))
    with pa.OSFile(str(shard), "wb") as sink:
        w = pq.ParquetWriter(sink, file_schema())
        w.write_table(file_schema().empty_table())
        w.close()
    assert pq.read_metadata(shard).num_row_groups == 1
    problems = pub.check(dist)
    assert f"{shard}: has a row group without rows, which `load_dataset` cannot read " \
           "(ArrowInvalid: BatchSize must be greater than 0)" in problems
    assert f"{dist / 'README.md'}: split test has no rows, which `load_dataset` cannot read: leave " \
           "it out of `configs` and `dataset_info`" in problems
