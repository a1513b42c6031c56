"""Exact and near-duplicate detection over a stream of records, and the
train/test overlap (contamination) check.

Exact duplicates are found by a hash of the normalised title and text with
whitespace removed. Near-duplicates (the same story reprinted with small
edits) by MinHash over character shingles with datasketch's LSH index:
Chinese has no spaces, so shingles are runs of ``shingle`` characters.
Records arrive in corpus order; the first of a group is its *root*, so the
copy kept is always the earliest and adding later files never removes an
article already in the dataset. Ties between equally similar earlier
articles go to the earliest one, never to the smaller id. Memory per
article: one hash, one signature (``NUM_PERM`` 32-bit values), never text.

Character windows are hashed with numpy (a polynomial hash of the code
points, computed a whole text at a time), so no Python loop runs over
characters.
"""
from __future__ import annotations

import hashlib
from dataclasses import dataclass, field
from functools import lru_cache
from typing import Iterable, NamedTuple

import numpy as np

DEFAULT_THRESHOLD = 0.8
DEFAULT_SHINGLE = 5
NUM_PERM = 128
#: LSH band tuning (false-positive, false-negative weight): every candidate is
#: re-checked against the threshold, so a missed pair costs more than an extra
#: candidate. At threshold 0.8 a pair of similarity 0.85 is found 97% of the
#: time (59% with even weights).
LSH_WEIGHTS = (0.1, 0.9)
#: Window of the contamination check: long enough that a shared window is a
#: shared passage, not a shared phrase (common four-character idioms and
#: names are far shorter).
DEFAULT_NGRAM = 13
#: Most distinct train windows the contamination check holds (8 bytes each);
#: beyond it the windows are sampled by hash (see :class:`NgramIndex`).
MAX_TRAIN_WINDOWS = 1 << 23

_BASE = np.uint64(0x100000001B3)         # odd multiplier of the polynomial hash
_MIX1 = np.uint64(0xBF58476D1CE4E5B9)    # splitmix64 finaliser constants
_MIX2 = np.uint64(0x94D049BB133111EB)


class Verdict(NamedTuple):
    """What the deduper says about one record."""
    kind: str | None          # None (unique), "exact" or "near"
    of: str | None            # id of the earlier record it is most like
    root: str                 # id of its group's first record (itself if unique)
    similarity: float         # estimated Jaccard similarity to ``of``
    roots: tuple = ()         # roots of every earlier record it is near, earliest first


def core(text: str) -> str:
    """The text with all whitespace removed: what dedup and overlap compare.

    >>> core(" 甲乙\\n丙 丁 ")
    '甲乙丙丁'
    """
    return "".join(text.split())


def content_key(record: dict) -> bytes:
    """The exact-duplicate key: title and text, whitespace removed (where the
    title ends still counts)."""
    text = f"{core(record.get('title') or '')}\x1f{core(record.get('text') or '')}"
    return hashlib.blake2b(text.encode(), digest_size=16).digest()


def window_hashes(text: str, n: int) -> np.ndarray:
    """A 64-bit hash of every run of ``n`` characters of ``text``, in order.

    The same characters give the same hash wherever they occur.

    >>> h = window_hashes("甲乙丙甲乙", 2)
    >>> len(h), bool(h[0] == h[3]), bool(h[0] == h[1])
    (4, True, False)
    >>> len(window_hashes("甲", 2))
    0
    """
    cps = np.frombuffer(text.encode("utf-32-le"), dtype="<u4").astype(np.uint64)
    m = len(cps) - n + 1
    if m <= 0:
        return np.empty(0, dtype=np.uint64)
    h = np.zeros(m, dtype=np.uint64)
    for j in range(n):                   # n vector steps, not a loop over characters
        h = h * _BASE + cps[j:j + m]     # wraps modulo 2**64
    h ^= h >> np.uint64(30)
    h *= _MIX1
    h ^= h >> np.uint64(27)
    h *= _MIX2
    h ^= h >> np.uint64(31)
    return h


def shingle_hashes(text: str, k: int = DEFAULT_SHINGLE) -> np.ndarray:
    """The set of 32-bit hashes of the text's character ``k``-shingles,
    whitespace removed; a text shorter than ``k`` is one shingle.

    >>> len(shingle_hashes("甲乙 丙丁", 3)), len(shingle_hashes("甲乙", 3)), len(shingle_hashes(" ", 3))
    (2, 1, 0)
    >>> bool((shingle_hashes("甲乙丙丁", 3) == shingle_hashes("甲乙\\n丙丁", 3)).all())
    True
    """
    c = core(text)
    h = window_hashes(c, min(k, len(c))) if c else np.empty(0, dtype=np.uint64)
    return _distinct((h >> np.uint64(32)).astype(np.uint32))


def _distinct(a: np.ndarray) -> np.ndarray:
    """Sorted distinct values (by sorting: numpy's hash-based ``unique`` is far
    slower on large integer arrays).

    >>> _distinct(np.array([3, 1, 3, 2])).tolist()
    [1, 2, 3]
    """
    if not len(a):
        return a
    a = np.sort(a)
    return a[np.concatenate(([True], a[1:] != a[:-1]))]


def _identity(x):
    return x


def _update(m, values: np.ndarray) -> None:
    """Add already-hashed shingles to MinHash ``m`` (its hashfunc the identity).

    ``update_batch`` calls the hash function once per value in Python. Given
    the whole array as one value it permutes them all in one numpy step,
    which is the same arithmetic; :func:`_whole_array_ok` checks that this
    datasketch agrees before it is relied on.
    """
    if len(values) and _whole_array_ok():
        m.update_batch([values])
    else:
        m.update_batch(values.tolist())


@lru_cache(maxsize=1)
def _whole_array_ok() -> bool:
    from datasketch import MinHash
    values = np.arange(1, 200, 7, dtype=np.uint32) * np.uint32(2654435761)
    a = MinHash(num_perm=16, seed=3, hashfunc=_identity)
    b = a.copy()
    a.update_batch(values.tolist())
    try:
        b.update_batch([values])
    except Exception:
        return False
    return bool(np.array_equal(a.hashvalues, b.hashvalues))


@dataclass
class Deduper:
    """Remembers what it has seen; :meth:`see` judges each new record.

    Every record that is not an exact copy joins the LSH index, dropped or
    not, so a chain of near-duplicates (A~B, B~C) forms one group whose
    root is A.
    """
    near: bool = True
    threshold: float = DEFAULT_THRESHOLD
    shingle: int = DEFAULT_SHINGLE
    num_perm: int = NUM_PERM
    _exact: dict = field(default_factory=dict, init=False, repr=False)   # key -> seq
    _ids: list = field(default_factory=list, init=False, repr=False)     # seq -> id
    _root: list = field(default_factory=list, init=False, repr=False)    # seq -> root seq
    _sigs: list = field(default_factory=list, init=False, repr=False)    # blocks of signatures

    _BLOCK = 4096

    def __post_init__(self):
        if not 0 < self.threshold <= 1:
            raise ValueError(f"near-duplicate threshold must lie in (0, 1], not {self.threshold}")
        if self.shingle < 1:
            raise ValueError(f"shingle length must be at least 1, not {self.shingle}")
        self._lsh = None
        self._template = None
        if self.near:
            from datasketch import MinHashLSH
            try:
                self._lsh = MinHashLSH(threshold=self.threshold, num_perm=self.num_perm,
                                       weights=LSH_WEIGHTS)
            except ValueError:      # thresholds near 1 want one band; LSH needs two
                self._lsh = MinHashLSH(num_perm=self.num_perm, params=(2, self.num_perm // 2))

    def signature(self, record: dict):
        """The record's MinHash (title and text)."""
        if self._template is None:
            from datasketch import MinHash
            self._template = MinHash(num_perm=self.num_perm, seed=1, hashfunc=_identity)
        m = self._template.copy()       # reuses the permutations instead of drawing them again
        _update(m, shingle_hashes(f"{record.get('title') or ''}{record.get('text') or ''}",
                                  self.shingle))
        return m

    def _store(self, seq: int, values: np.ndarray) -> None:
        if seq % self._BLOCK == 0:
            self._sigs.append(np.empty((self._BLOCK, self.num_perm), dtype=values.dtype))
        self._sigs[-1][seq % self._BLOCK] = values

    def _sig(self, seq: int) -> np.ndarray:
        return self._sigs[seq // self._BLOCK][seq % self._BLOCK]

    def _add(self, rid: str, root: int | None) -> int:
        seq = len(self._ids)
        self._ids.append(rid)
        self._root.append(seq if root is None else root)
        return seq

    def see(self, record: dict) -> Verdict:
        rid = record["id"]
        key = content_key(record)
        first = self._exact.get(key)
        if first is not None:
            root = self._ids[self._root[first]]
            return Verdict("exact", self._ids[first], root, 1.0, (root,))
        if self._lsh is None:
            self._exact[key] = self._add(rid, None)
            return Verdict(None, None, rid, 0.0)
        m = self.signature(record)
        values = m.hashvalues
        matches = []
        for other in self._lsh.query(m):
            sim = float(np.count_nonzero(values == self._sig(other))) / self.num_perm
            if sim >= self.threshold:
                matches.append((-sim, other))
        matches.sort()                          # most similar first, then earliest
        best = matches[0][1] if matches else None
        seq = self._add(rid, None if best is None else self._root[best])
        self._exact[key] = seq
        self._store(seq, values)
        self._lsh.insert(seq, m)
        if best is None:
            return Verdict(None, None, rid, 0.0)
        roots = tuple(self._ids[r] for r in sorted({self._root[o] for _, o in matches}))
        return Verdict("near", self._ids[best], self._ids[self._root[best]], -matches[0][0], roots)


# --- contamination ------------------------------------------------------------------


class NgramIndex:
    """The distinct character ``n``-gram hashes of a split, in bounded memory.

    Exact until more than ``max_windows`` distinct windows are held; then
    only windows whose hash ends in ``shift`` zero bits are kept (a 1 in
    ``2**shift`` sample chosen by hash, so the same windows are kept in
    every text and the result does not depend on the order of adding).
    """

    def __init__(self, n: int = DEFAULT_NGRAM, max_windows: int = MAX_TRAIN_WINDOWS):
        self.n = n
        self.max_windows = max_windows
        self.shift = 0
        self._parts: list[np.ndarray] = []
        self._pending = 0
        self._held = np.empty(0, dtype=np.uint64)

    def _sampled(self, h: np.ndarray) -> np.ndarray:
        if self.shift == 0:
            return h
        return h[(h & np.uint64((1 << self.shift) - 1)) == 0]

    def add(self, text: str) -> None:
        h = self._sampled(window_hashes(core(text), self.n))
        if len(h):
            self._parts.append(h)
            self._pending += len(h)
            if self._pending > self.max_windows // 4:
                self._consolidate()

    def _consolidate(self) -> None:
        self._held = _distinct(np.concatenate([self._held, *self._parts]))
        self._parts, self._pending = [], 0
        while len(self._held) > self.max_windows:
            self.shift += 1
            self._held = self._sampled(self._held)

    def windows(self) -> np.ndarray:
        """The held window hashes, sorted."""
        if self._parts:
            self._consolidate()
        return self._held

    def overlap(self, text: str) -> "Overlap":
        """How much of ``text`` (its sampled windows) this index holds."""
        held = self.windows()
        h = self._sampled(window_hashes(core(text), self.n))
        if not len(h) or not len(held):
            return Overlap(0, len(h), 0)
        pos = np.minimum(np.searchsorted(held, h), len(held) - 1)
        found = held[pos] == h
        return Overlap(int(found.sum()), len(h), _longest_run(found) if self.shift == 0 else 0)


def _longest_run(found: np.ndarray) -> int:
    """Length of the longest run of True.

    >>> _longest_run(np.array([True, True, False, True, True, True, False]))
    3
    >>> _longest_run(np.array([False]))
    0
    """
    if not found.any():
        return 0
    edges = np.diff(np.concatenate([[0], found.astype(np.int8), [0]]))
    return int((np.flatnonzero(edges == -1) - np.flatnonzero(edges == 1)).max())


class Overlap(NamedTuple):
    """A test article's windows found in train, of those checked."""
    found: int
    checked: int
    run: int                 # longest run of consecutive found windows (exact index only)

    @property
    def share(self) -> float:
        return self.found / self.checked if self.checked else 0.0


@dataclass
class Contamination:
    """The contamination check's result, for the card."""
    n: int
    shift: int                       # train windows sampled 1 in 2**shift
    train_windows: int               # distinct train windows held
    checked: int = 0                 # test articles with at least one window checked
    too_short: int = 0               # test articles shorter than n characters
    max_share: float = 0.0
    max_share_id: str | None = None
    max_share_found: int = 0
    max_share_checked: int = 0
    max_run: int = 0                 # in characters: run of windows + n - 1
    max_run_id: str | None = None
    over_half: int = 0               # test articles with at least half their windows in train

    def to_dict(self) -> dict:
        return dict(self.__dict__)


def contamination(train: Iterable[tuple[str, str]], test: Iterable[tuple[str, str]],
                  n: int = DEFAULT_NGRAM, max_windows: int = MAX_TRAIN_WINDOWS) -> Contamination:
    """For each ``(id, text)`` of ``test``, the share of its ``n``-character
    windows (whitespace removed) that occur anywhere in ``train``; the
    largest share, the longest covered run, and the articles behind them.

    >>> r = contamination([("a", "甲乙丙丁戊己庚")], [("b", "子丑甲乙丙丁寅"), ("c", "子丑寅")], n=3)
    >>> (r.max_share_id, r.max_share_found, r.max_share_checked, r.max_run, r.too_short)
    ('b', 2, 5, 4, 0)
    """
    index = NgramIndex(n, max_windows)
    for _, text in train:
        index.add(text)
    result = Contamination(n=n, shift=0, train_windows=0)
    index.windows()
    result.shift, result.train_windows = index.shift, len(index.windows())
    for rid, text in test:
        o = index.overlap(text)
        if o.checked == 0:
            result.too_short += len(core(text)) < n
            continue
        result.checked += 1
        if o.share > result.max_share or result.max_share_id is None:
            result.max_share, result.max_share_id = o.share, rid
            result.max_share_found, result.max_share_checked = o.found, o.checked
        if o.run and o.run + n - 1 > result.max_run:
            result.max_run, result.max_run_id = o.run + n - 1, rid
        result.over_half += o.share >= 0.5
    return result
