"""Records -> a Hugging Face dataset folder: dedup, split, shards, audit.

Records stream in corpus order (manifest order, then page order). Each is
checked against the ones before it (:mod:`cleaner.dedup`), given a split
from its id (or its near-duplicate group's first id), and appended to that
split's current Parquet shard. Only per-article facts are remembered (ids,
hashes, signatures, splits), never text, so memory grows with the number of
articles, not with their size.
"""
from __future__ import annotations

import hashlib
import json
import os
from dataclasses import dataclass, field
from pathlib import Path
from typing import Iterable

import pyarrow as pa
import pyarrow.parquet as pq

SPLITS = ("train", "test")
DEFAULT_TEST_SHARE = 0.2
DEFAULT_SPLIT_SEED = "cleaner-split-v1"
DEFAULT_SHARD_BYTES = 256 * 1024 * 1024
ROW_GROUP_ROWS = 2_000

#: The dataset's schema: what ``cleaner clean`` writes, plus ``group``.
SCHEMA = pa.schema([
    ("id", pa.string()),
    ("title", pa.string()),
    ("text", pa.string()),
    ("byline", pa.string()),
    ("outlet", pa.string()),
    ("authors", pa.list_(pa.struct([("name", pa.string()), ("role", pa.string())]))),
    ("date", pa.string()),
    ("place", pa.string()),
    ("credits", pa.list_(pa.string())),
    ("source", pa.struct([("file", pa.string()), ("line_start", pa.int32()),
                          ("line_end", pa.int32())])),
    ("group", pa.string()),
])


def split_point(split_id: str, seed: str = DEFAULT_SPLIT_SEED) -> float:
    """A number in [0, 1) fixed by the id and the seed alone.

    >>> 0 <= split_point("abc") < 1, split_point("abc") == split_point("abc")
    (True, True)
    """
    h = hashlib.blake2b(f"{seed}\n{split_id}".encode(), digest_size=8).digest()
    return int.from_bytes(h, "big") / 2 ** 64


def split_of(split_id: str, test_share: float, seed: str = DEFAULT_SPLIT_SEED) -> str:
    """``test`` for a ``test_share`` of ids, ``train`` for the rest."""
    return "test" if split_point(split_id, seed) < test_share else "train"


class ShardWriter:
    """Appends rows of one split to Parquet shards of at most ``max_bytes``.

    Shards are written under temporary names and renamed to
    ``{split}-{index:05d}-of-{count:05d}.parquet`` by :meth:`close`, when the
    count is known.
    """

    def __init__(self, directory: Path, split: str, max_bytes: int = DEFAULT_SHARD_BYTES):
        self.dir = directory
        self.split = split
        self.max_bytes = max_bytes
        self.paths: list[Path] = []
        self.rows = 0
        self._writer: pq.ParquetWriter | None = None
        self._buffer: list[dict] = []

    def write(self, row: dict) -> None:
        self._buffer.append(row)
        self.rows += 1
        if len(self._buffer) >= ROW_GROUP_ROWS:
            self._flush()

    def _flush(self) -> None:
        if not self._buffer:
            return
        if self._writer is None:
            path = self.dir / f".{self.split}-{len(self.paths):05d}.parquet.part"
            self.paths.append(path)
            self._writer = pq.ParquetWriter(path, SCHEMA, compression="zstd")
        self._writer.write_table(pa.Table.from_pylist(self._buffer, schema=SCHEMA))
        self._buffer = []
        if self.paths[-1].stat().st_size >= self.max_bytes:
            self._writer.close()
            self._writer = None

    def close(self) -> list[Path]:
        """Finish the last shard and give every shard its final name."""
        self._flush()
        if self._writer is not None:
            self._writer.close()
            self._writer = None
        if not self.paths:   # an empty split still gets one (empty) shard
            path = self.dir / f".{self.split}-00000.parquet.part"
            pq.write_table(SCHEMA.empty_table(), path, compression="zstd")
            self.paths.append(path)
        final = []
        n = len(self.paths)
        for i, p in enumerate(self.paths):
            target = self.dir / f"{self.split}-{i:05d}-of-{n:05d}.parquet"
            os.replace(p, target)
            final.append(target)
        self.paths = final
        return final


def read_split(paths: Iterable[Path]) -> list[dict]:
    return [row for p in paths for row in pq.read_table(p).to_pylist()]


def sha256_file(path: Path) -> str:
    h = hashlib.sha256()
    with open(path, "rb") as f:
        for chunk in iter(lambda: f.read(1 << 20), b""):
            h.update(chunk)
    return h.hexdigest()


@dataclass
class SplitStats:
    articles: int = 0
    chars: int = 0
    lengths: list[int] = field(default_factory=list)   # text length per article


def to_row(record: dict, group: str | None) -> dict:
    """A record as a dataset row (schema order)."""
    return {**{k: record.get(k) for k in SCHEMA.names if k != "group"}, "group": group}


def write_jsonl(path: Path, rows: Iterable[dict]) -> None:
    with open(path, "w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False, sort_keys=False) + "\n")
