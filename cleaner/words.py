"""Word knowledge for break repair: does joining two lines complete a word?

The word list is jieba's own dictionary (``jieba/dict.txt``, MIT licence),
read from the installed jieba package the first time it is needed, so nothing
is fetched at run time and nothing derived from research-only text ships.
jieba's segmenter itself is not started: a dictionary lookup answers the one
question asked here, and costs no start-up time.
"""
from __future__ import annotations

import importlib.util
import math
import os
from functools import lru_cache

#: Longest word looked up across a join; jieba's entries beyond four
#: characters are mostly idioms and names of institutions.
MAX_WORD = 4


@lru_cache(maxsize=1)
def dictionary() -> dict[str, int]:
    """Word -> frequency for jieba's dictionary entries of 2..MAX_WORD chars."""
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.origin:
        return {}
    path = os.path.join(os.path.dirname(spec.origin), "dict.txt")
    words: dict[str, int] = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            w, freq, _ = line.split(" ", 2)
            if 2 <= len(w) <= MAX_WORD:
                words[w] = int(freq)
    return words


def word_across(left: str, right: str) -> float:
    """log10 frequency of the commonest word spanning the join of two lines.

    0.0 when no dictionary word crosses the join.

    >>> word_across("培养力", "度，进一步") > 0   # 力度
    True
    >>> word_across("服务。", "据了解")
    0.0
    """
    words = dictionary()
    best = 0
    for k in range(1, min(MAX_WORD - 1, len(left)) + 1):
        tail = left[-k:]
        for m in range(1, min(MAX_WORD - k, len(right)) + 1):
            f = words.get(tail + right[:m])
            if f and f > best:
                best = f
    return math.log10(best + 1) if best else 0.0


def word_at_end(text: str) -> float:
    """log10 frequency of the commonest word that ends exactly at ``text``'s end."""
    words = dictionary()
    best = 0
    for k in range(2, min(MAX_WORD, len(text)) + 1):
        f = words.get(text[-k:])
        if f and f > best:
            best = f
    return math.log10(best + 1) if best else 0.0


def word_at_start(text: str) -> float:
    """log10 frequency of the commonest word that starts ``text``."""
    words = dictionary()
    best = 0
    for k in range(2, min(MAX_WORD, len(text)) + 1):
        f = words.get(text[:k])
        if f and f > best:
            best = f
    return math.log10(best + 1) if best else 0.0
