"""Word knowledge for break repair: does joining two lines complete a word?

Two openly licensed sources, both read from the installed jieba package (MIT
licence) the first time they are needed, so nothing is fetched at run time
and nothing derived from research-only text ships:

* jieba's dictionary (``jieba/dict.txt``): is there a word across the join?
* jieba's character model (``jieba/finalseg/prob_emit.p``, the emission
  table of its HMM over Begin/Middle/End/Single word positions): how likely
  is a character to continue a word rather than start (or end) one? This
  answers for names and rare words the dictionary lacks.

jieba's segmenter itself is not started: lookups answer the questions asked
here, and cost no segmentation time.
"""
from __future__ import annotations

import importlib.util
import math
import os
import pickle
from functools import lru_cache

#: Longest word looked up across a join; jieba's entries beyond four
#: characters are mostly idioms and names of institutions.
MAX_WORD = 4


def _jieba_file(*parts: str) -> str | None:
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.origin:
        return None
    return os.path.join(os.path.dirname(spec.origin), *parts)


#: jieba's part-of-speech tags, grouped into the classes that bear on a
#: line break: particles and suffixes never start a paragraph, conjunctions
#: and pronouns seldom do, time words and names often open a lead.
WORD_CLASSES = {
    "particle": ("u", "uj", "ul", "uz", "uv", "ud", "ug", "k", "y", "e", "o"),
    "conj": ("c",),
    "adverb": ("d", "df", "dg", "ad"),
    "prep": ("p",),
    "pronoun": ("r", "rz", "rr", "rg"),
    "time": ("t", "tg"),
    "number": ("m", "mq", "q"),
    "place": ("f", "s"),
    "name": ("nr", "nrt", "nrfg", "ns", "nt", "nz", "j"),
}
_CLASS_OF_TAG = {tag: cls for cls, tags in WORD_CLASSES.items() for tag in tags}


@lru_cache(maxsize=1)
def _load() -> tuple[dict[str, int], dict[str, str], dict[str, float]]:
    """jieba's dictionary: word -> frequency (2..MAX_WORD chars), word ->
    class (1..MAX_WORD chars, only for the classes in WORD_CLASSES), and
    word -> log probability (1..MAX_WORD chars) for segmenting."""
    path = _jieba_file("dict.txt")
    freq: dict[str, int] = {}
    classes: dict[str, str] = {}
    logp: dict[str, float] = {}
    if path is None or not os.path.exists(path):
        return freq, classes, logp
    total = 0
    with open(path, encoding="utf-8") as f:
        for line in f:
            parts = line.split()
            if len(parts) < 2:
                continue
            n = int(parts[1])
            total += n
            w = parts[0]
            if len(w) > MAX_WORD or not n:
                continue
            if len(w) >= 2:
                freq[w] = n
            logp[w] = n
            cls = _CLASS_OF_TAG.get(parts[2]) if len(parts) > 2 else None
            if cls:
                classes[w] = cls
    log_total = math.log(total)
    _LOG_TOTAL[0] = log_total
    for w, n in logp.items():
        logp[w] = math.log(n) - log_total
    return freq, classes, logp


#: log of the dictionary's total frequency, set when it is loaded.
_LOG_TOTAL = [0.0]


#: Log probability of a character the dictionary does not know, as jieba's
#: own fallback treats it: rarer than any word it lists.
_UNKNOWN = -20.0


def join_evidence(left: str, right: str) -> tuple[float, bool]:
    """What jieba's dictionary says about joining ``left`` and ``right``, in
    one pass over three characters each side of the join:

    * log10 frequency of the commonest word spanning the join (0.0 if none);
    * whether the likeliest segmentation (by word frequencies) puts a word
      boundary exactly at the join.

    >>> join_evidence("获奖名单", "一等奖")[1], join_evidence("人才培养力", "度进一步")[1]
    (True, False)
    >>> round(join_evidence("人才培养力", "度进一步")[0], 2) == round(word_across("人才培养力", "度进一步"), 2)
    True
    """
    logp = _load()[2]
    a = left[-3:]
    j = len(a)
    text = a + right[:3]
    top = None                       # log p of the likeliest word across the join
    for s in range(max(0, j - 3), j):
        for e in range(j + 1, min(len(text), s + MAX_WORD) + 1):
            p = logp.get(text[s:e])
            if p is not None and (top is None or p > top):
                top = p
    if top is None:                  # nothing spans the join: it is a boundary
        return 0.0, True
    across = math.log10(math.exp(top + _LOG_TOTAL[0]) + 1)
    n = len(text)
    best = [0.0] * (n + 1)
    back = [0] * (n + 1)
    for i in range(1, n + 1):
        b, k_best = -1e9, 1
        for k in range(1, min(MAX_WORD, i) + 1):
            p = logp.get(text[i - k:i])
            if p is None:
                if k > 1:
                    continue
                p = _UNKNOWN
            s = best[i - k] + p
            if s > b:
                b, k_best = s, k
        best[i], back[i] = b, k_best
    i = n
    while i > j:
        i -= back[i]
    return across, i == j


def boundary_at_join(left: str, right: str) -> bool:
    """Does the likeliest segmentation of the text around a join put a word
    boundary exactly at the join? (See :func:`join_evidence`.)

    >>> boundary_at_join("获奖名单", "一等奖"), boundary_at_join("人才培养力", "度进一步")
    (True, False)
    """
    return join_evidence(left, right)[1]


def dictionary() -> dict[str, int]:
    """Word -> frequency for jieba's dictionary entries of 2..MAX_WORD chars."""
    return _load()[0]


def first_word_class(text: str) -> str | None:
    """The class of the longest dictionary word that opens ``text``.

    >>> first_word_class("但是他说"), first_word_class("们的"), first_word_class("天空")
    ('conj', 'particle', None)
    """
    freq, classes, _ = _load()
    for k in range(min(MAX_WORD, len(text)), 1, -1):
        if text[:k] in freq:
            return classes.get(text[:k])
    return classes.get(text[:1])


def last_word_class(text: str) -> str | None:
    """The class of the longest dictionary word that closes ``text``.

    >>> last_word_class("美丽的"), last_word_class("我们在"), last_word_class("北京")
    ('particle', 'prep', 'name')
    """
    freq, classes, _ = _load()
    for k in range(min(MAX_WORD, len(text)), 1, -1):
        if text[-k:] in freq:
            return classes.get(text[-k:])
    return classes.get(text[-1:])


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


#: Share of characters in each word position in running text (B and E are
#: equal, one each per word of two or more characters); turns jieba's
#: p(char | position) into p(position | char).
_POSITION_SHARE = {"B": 0.28, "M": 0.12, "E": 0.28, "S": 0.32}


@lru_cache(maxsize=1)
def positions() -> dict[str, tuple[float, float]]:
    """Char -> (log-odds it does not end a word, log-odds it does not start one)."""
    path = _jieba_file("finalseg", "prob_emit.p")
    if path is None or not os.path.exists(path):
        return {}
    with open(path, "rb") as f:
        emit = pickle.load(f)
    chars = set().union(*(emit[s] for s in "BMES"))
    out = {}
    for ch in chars:
        p = {s: math.exp(emit[s].get(ch, -30.0)) * share for s, share in _POSITION_SHARE.items()}
        out[ch] = (math.log((p["B"] + p["M"]) / (p["E"] + p["S"])),
                   math.log((p["M"] + p["E"]) / (p["B"] + p["S"])))
    return out


def inside_word(left: str, right: str) -> float:
    """How likely the two characters either side of a join are one word's,
    as a log-odds scaled to about -1..1 (0 for unknown characters).

    >>> inside_word("晓", "君") > inside_word("收", "据")
    True
    """
    table = positions()
    a = table.get(left, (0.0, 0.0))[0]
    b = table.get(right, (0.0, 0.0))[1]
    return max(-1.0, min(1.0, (a + b) / 8))
