"""``cleaner publish``: check ``dist/`` and upload it to the Hugging Face Hub.

Before anything is sent, :func:`check` reads the folder the way the Hub and
``datasets`` will: the card must parse with ``huggingface_hub``'s card
parser and carry the metadata the Hub expects; every ``configs`` pattern
must match data files and every data file must belong to exactly one
split; the split sizes and features in the card must be those of the
Parquet files; every split must have rows and no row group may be empty
(``load_dataset`` fails on either); and every file must still have the sha256 that
``manifest.json`` recorded (a file changed or added after the build is
refused). ``--dry-run`` stops there and lists what would be uploaded.

The upload is one commit (``HfApi.upload_folder``) into a dataset
repository created if missing; data files on the Hub that this build does
not have (shards of an older build with another shard count) are deleted
in the same commit, so a glob over ``data/`` never mixes two builds.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import pyarrow.parquet as pq

from . import __version__
from .dataset import sha256_file
from .errors import BadInput

CARD = "README.md"
MANIFEST = "manifest.json"
#: Remote files that a new build replaces wholesale.
DELETE_PATTERNS = ["data/*"]
#: Card metadata the Hub and ``datasets`` rely on.
REQUIRED_KEYS = ["pretty_name", "license", "language", "task_categories", "size_categories",
                 "configs", "dataset_info"]


class PublishError(Exception):
    """The Hub refused the upload or could not be reached."""


def local_files(dist: Path) -> list[str]:
    """The files to upload: everything in ``dist`` but hidden files, sorted."""
    return sorted(p.relative_to(dist).as_posix() for p in dist.rglob("*")
                  if p.is_file() and not any(part.startswith(".") for part in p.relative_to(dist).parts))


def check(dist: Path) -> list[str]:
    """Every problem that would make ``dist`` a broken Hub dataset (empty: fine)."""
    if not (dist / CARD).is_file():
        return [f"{dist / CARD}: no dataset card"]
    problems = _check_card(dist)
    problems += _check_manifest(dist)
    return problems


def _check_card(dist: Path) -> list[str]:
    from huggingface_hub import DatasetCard
    where = dist / CARD
    try:
        data = DatasetCard.load(where).data.to_dict()
    except Exception as e:      # the parser's own errors are many and unexported
        return [f"{where}: the Hub's card parser rejects it: {e}"]
    problems = [f"{where}: metadata has no `{k}`" for k in REQUIRED_KEYS if not data.get(k)]
    if problems:
        return problems
    if data.get("license") == "other":
        for k in ("license_name", "license_link"):
            if not data.get(k):
                problems.append(f"{where}: `license: other` needs `{k}`")
        link = data.get("license_link")
        if link and "://" not in link and not (dist / link).is_file():
            problems.append(f"{where}: license_link {link} is not a file in {dist}")

    data_files = _split_files(dist, data, problems)
    if not data_files:
        problems.append(f"{where}: the default configuration names no split")
    info = data["dataset_info"]
    if isinstance(info, list):
        info = next((i for i in info if i.get("config_name", "default") == "default"), {})
    declared = {s["name"]: s for s in info.get("splits", [])}
    if set(declared) != set(data_files):
        problems.append(f"{where}: dataset_info lists splits {sorted(declared)}, configs "
                        f"{sorted(data_files)}")
    features = _features(info.get("features"), where, problems)
    for split, files in data_files.items():
        rows = 0
        for rel in files:
            try:
                meta = pq.read_metadata(dist / rel)
            except Exception as e:
                problems.append(f"{dist / rel}: not a readable Parquet file: {e}")
                continue
            rows += meta.num_rows
            if features is not None and _file_features(meta) != features:
                problems.append(f"{dist / rel}: its columns differ from the card's features")
            if any(meta.row_group(i).num_rows == 0 for i in range(meta.num_row_groups)):
                problems.append(f"{dist / rel}: has a row group without rows, which `load_dataset` "
                                "cannot read (ArrowInvalid: BatchSize must be greater than 0)")
        expected = declared.get(split, {}).get("num_examples")
        if split in declared and expected != rows:
            problems.append(f"{where}: split {split} has num_examples {expected}, its files "
                            f"hold {rows} rows")
        if files and not rows:
            problems.append(f"{where}: split {split} has no rows, which `load_dataset` cannot "
                            "read: leave it out of `configs` and `dataset_info`")
    return problems


def _split_files(dist: Path, data: dict, problems: list[str]) -> dict[str, list[str]]:
    """Split -> the data files its patterns match, for the default config."""
    configs = data["configs"]
    config = next((c for c in configs if c.get("config_name") == "default"), configs[0])
    entries = config.get("data_files") or []
    if isinstance(entries, (str, list)) and not (entries and isinstance(entries[0], dict)):
        entries = [{"split": "train", "path": entries}]
    owner: dict[str, str] = {}
    out: dict[str, list[str]] = {}
    for e in entries:
        patterns = [e["path"]] if isinstance(e["path"], str) else e["path"]
        files = sorted({p.relative_to(dist).as_posix() for pat in patterns for p in dist.glob(pat)
                        if p.is_file()})
        if not files:
            problems.append(f"{dist / CARD}: split {e['split']}: {patterns} match no file")
        for f in files:
            if f in owner:
                problems.append(f"{dist / f}: in both split {owner[f]} and split {e['split']}")
            owner[f] = e["split"]
        out[e["split"]] = files
    for f in local_files(dist):
        if f.endswith(".parquet") and f not in owner:
            problems.append(f"{dist / f}: a data file that no split of the card names")
    return out


def _features(yaml_list, where: Path, problems: list[str]):
    from datasets import Features
    try:
        return Features._from_yaml_list(yaml_list)
    except Exception as e:
        problems.append(f"{where}: dataset_info.features cannot be read: {e}")
        return None


def _file_features(meta):
    from datasets import Features
    return Features.from_arrow_schema(meta.schema.to_arrow_schema())


def _check_manifest(dist: Path) -> list[str]:
    where = dist / MANIFEST
    try:
        manifest = json.loads(where.read_text(encoding="utf-8"))
    except (OSError, ValueError) as e:
        return [f"{where}: cannot be read: {e}"]
    recorded = {**manifest.get("data_files", {}), **manifest.get("files", {})}
    problems = []
    present = set(local_files(dist)) - {MANIFEST}
    for rel in sorted(present - set(recorded)):
        problems.append(f"{dist / rel}: not in {MANIFEST} (added after the build?)")
    for rel, digest in sorted(recorded.items()):
        if rel not in present:
            problems.append(f"{dist / rel}: in {MANIFEST} but missing")
        elif sha256_file(dist / rel) != digest:
            problems.append(f"{dist / rel}: sha256 differs from {MANIFEST} (changed after the build?)")
    return problems


def plan(dist: Path, repo_id: str) -> str:
    """What an upload would do, for people to read."""
    files = local_files(dist)
    sizes = [(dist / f).stat().st_size for f in files]
    width = max((len(f"{s:,}") for s in sizes), default=1)
    lines = [f"would upload {len(files)} files ({sum(sizes):,} bytes) to "
             f"https://huggingface.co/datasets/{repo_id} in one commit:"]
    lines += [f"  {s:>{width},}  {f}" for f, s in zip(files, sizes)]
    lines.append(f"and delete any file on the Hub matching {', '.join(DELETE_PATTERNS)} that is not "
                 "in this list")
    return "\n".join(lines)


def publish(dist: Path, repo_id: str, *, dry_run: bool = False, private: bool = False,
            message: str | None = None, out=None, api=None) -> int:
    """Check ``dist``; then list it (dry run) or upload it. Returns the exit code."""
    out = out or sys.stdout
    dist = Path(dist)
    if not dist.is_dir():
        raise BadInput("missing", "dataset folder not found: run `cleaner build` first", file=str(dist))
    problems = check(dist)
    if problems:
        for p in problems:
            print(f"cleaner: {p}", file=sys.stderr)
        n = len(problems)
        raise BadInput("card", f"{n} problem{'' if n == 1 else 's'} found; nothing uploaded",
                       file=str(dist))
    print(f"{dist}: card and files check out", file=out)
    print(plan(dist, repo_id), file=out)
    if dry_run:
        print("dry run: nothing uploaded", file=out)
        return 0
    files = local_files(dist)
    if api is None:
        from huggingface_hub import HfApi
        api = HfApi()
    try:
        api.create_repo(repo_id, repo_type="dataset", private=True if private else None, exist_ok=True)
        commit = api.upload_folder(
            repo_id=repo_id, repo_type="dataset", folder_path=str(dist),
            commit_message=message or f"Dataset built by cleaner {__version__}",
            allow_patterns=files, delete_patterns=DELETE_PATTERNS)
    except Exception as e:      # token, network, permissions: the Hub library's many errors
        raise PublishError(f"{type(e).__name__}: {e}") from e
    print(f"uploaded: {getattr(commit, 'commit_url', commit)}", file=out)
    return 0
