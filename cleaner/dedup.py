"""Exact and near-duplicate detection over a stream of records.

Exact duplicates are found by a hash of the normalised title and text with
whitespace removed. Near-duplicates (the same story reprinted with small
edits) by MinHash over character shingles with datasketch's LSH index:
Chinese has no spaces, so shingles are runs of ``shingle`` characters.
Records arrive in corpus order; the first of a group is its *root*, so the
copy kept is always the earliest and adding later files never removes an
article already in the dataset. Memory per article: one hash, one
signature.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass
from typing import NamedTuple

DEFAULT_THRESHOLD = 0.8
DEFAULT_SHINGLE = 5
NUM_PERM = 64


class Verdict(NamedTuple):
    """What the deduper says about one record."""
    kind: str | None          # None (unique), "exact" or "near"
    of: str | None            # id of the earlier record it duplicates
    root: str                 # id of its group's first record (itself if unique)
    similarity: float         # estimated Jaccard similarity to ``of``


def content_key(record: dict) -> bytes:
    core = "".join(f"{record.get('title') or ''}\n{record.get('text') or ''}".split())
    return hashlib.blake2b(core.encode(), digest_size=16).digest()


def shingles(text: str, k: int = DEFAULT_SHINGLE) -> set[bytes]:
    """Character k-grams of the text with whitespace removed.

    >>> shingles("甲乙 丙丁", 3) == {"甲乙丙".encode(), "乙丙丁".encode()}
    True
    """
    core = "".join(text.split())
    if len(core) <= k:
        return {core.encode()} if core else set()
    return {core[i:i + k].encode() for i in range(len(core) - k + 1)}


@dataclass
class Deduper:
    """Remembers what it has seen; :meth:`see` judges each new record."""
    near: bool = True
    threshold: float = DEFAULT_THRESHOLD
    shingle: int = DEFAULT_SHINGLE

    def __post_init__(self):
        self._exact: dict[bytes, str] = {}
        self._root: dict[str, str] = {}
        self._sigs: dict[str, object] = {}
        self._lsh = None
        if self.near:
            from datasketch import MinHashLSH
            self._lsh = MinHashLSH(threshold=self.threshold, num_perm=NUM_PERM)

    def _minhash(self, record: dict):
        from datasketch import MinHash
        m = MinHash(num_perm=NUM_PERM, seed=1)
        m.update_batch(list(shingles(f"{record.get('title') or ''}{record.get('text') or ''}",
                                     self.shingle)))
        return m

    def see(self, record: dict) -> Verdict:
        rid = record["id"]
        key = content_key(record)
        first = self._exact.get(key)
        if first is not None:
            return Verdict("exact", first, self._root[first], 1.0)
        self._exact[key] = rid
        if self._lsh is None:
            self._root[rid] = rid
            return Verdict(None, None, rid, 0.0)
        sig = self._minhash(record)
        best, best_sim = None, 0.0
        for other in sorted(self._lsh.query(sig)):
            sim = sig.jaccard(self._sigs[other])
            if sim >= self.threshold and (sim > best_sim or best is None):
                best, best_sim = other, sim
        self._lsh.insert(rid, sig)
        self._sigs[rid] = sig
        if best is None:
            self._root[rid] = rid
            return Verdict(None, None, rid, 0.0)
        self._root[rid] = self._root[best]
        return Verdict("near", best, self._root[best], best_sim)
