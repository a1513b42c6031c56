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
here, and cost no segmentation time. They run for every line of every page,
so the dictionary is kept in the shapes that answer fastest (see
:class:`Tables`).
"""
from __future__ import annotations

import contextlib
import importlib.util
import marshal
import math
import os
import pickle
import sys
import tempfile
from functools import lru_cache
from typing import Iterable, NamedTuple

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


class Tables(NamedTuple):
    """jieba's dictionary, words of 1..MAX_WORD characters, for lookups."""
    known: frozenset[str]      # the words (a set answers "is it a word?" faster than a dict this size)
    logp: dict[str, float]     # log probability of each word
    classes: dict[str, str]    # word -> class (WORD_CLASSES), for the words that have one
    log_total: float           # log of the total frequency, over all entries
    top: float                 # no word of 2..MAX_WORD characters has a higher log probability


def parse_dictionary(lines: Iterable[str]) -> Tables:
    """:class:`Tables` from the lines of a jieba dictionary (``word
    frequency [part-of-speech tag]``). The total the probabilities divide by
    counts every entry, also words longer than MAX_WORD; entries of
    frequency 0 are left out; a later entry of a word replaces an earlier
    one (its class only when it has one).

    >>> t = parse_dictionary(["的 6 uj", "我们 3 r", "全国人民代表大会 1 nt", "来 0 v", "我们 2"])
    >>> sorted(t.known), t.classes, round(t.logp["我们"], 3) == round(math.log(2 / 12), 3)
    (['我们', '的'], {'的': 'particle', '我们': 'pronoun'}, True)
    """
    logp: dict[str, float] = {}      # frequencies first, log probabilities once the total is known
    classes: dict[str, str] = {}
    class_of = _CLASS_OF_TAG.get
    total = top = 0
    for line in lines:
        parts = line.split()
        if len(parts) < 2:
            continue
        n = int(parts[1])
        total += n
        w = parts[0]
        if len(w) > MAX_WORD or not n:
            continue
        logp[w] = n
        if n > top and len(w) >= 2:
            top = n
        if len(parts) > 2 and (cls := class_of(parts[2])):
            classes[w] = cls
    if not logp:
        return Tables(frozenset(), {}, {}, 0.0, -math.inf)
    log_total = math.log(total)
    for w, n in logp.items():
        logp[w] = math.log(n) - log_total
    return Tables(frozenset(logp), logp, classes, log_total, math.log(top) - log_total if top else -math.inf)


@lru_cache(maxsize=1)
def tables() -> Tables:
    """jieba's dictionary (read once per process, the first time it is
    needed; from the cache of :func:`cached_tables` when there is one),
    with the words of today's news it lacks (``data/modern_words.txt``)."""
    path = _jieba_file("dict.txt")
    if path is None or not os.path.exists(path):
        return parse_dictionary([])
    return with_words(cached_tables(path, cache_dir()), _modern_words())


def _modern_words() -> list[str]:
    from importlib import resources
    text = resources.files("cleaner").joinpath("data/modern_words.txt").read_text(encoding="utf-8")
    return [line for line in text.splitlines() if line and not line.startswith("#")]


def with_words(t: Tables, lines: Iterable[str]) -> Tables:
    """``t`` with the words of ``lines`` (jieba's format) it lacks, their
    probabilities taken against ``t``'s total; a word ``t`` has keeps its
    own entry. ``t``'s dictionaries are extended in place, not copied: the
    process's one set of tables (350,000 entries) is not copied at every
    start-up for a hundred words; only ``known``, a frozenset, is new.

    >>> t = with_words(parse_dictionary(["的 6 uj", "我们 3 r"]), ["微信 1 n", "我们 5"])
    >>> sorted(t.known), round(t.logp["微信"], 3) == round(math.log(1 / 9), 3), round(t.logp["我们"], 3) == round(math.log(3 / 9), 3)
    (['微信', '我们', '的'], True, True)
    """
    add = {}
    for line in lines:
        parts = line.split()
        if len(parts) >= 2 and parts[0] not in t.known and len(parts[0]) <= MAX_WORD and int(parts[1]) > 0:
            add[parts[0]] = (math.log(int(parts[1])) - t.log_total, _CLASS_OF_TAG.get(parts[2]) if len(parts) > 2 else None)
    if not add:
        return t
    logp, classes = t.logp, t.classes
    for w, (p, cls) in add.items():
        logp[w] = p
        if cls:
            classes[w] = cls
    return Tables(t.known | add.keys(), logp, classes, t.log_total, t.top)


#: Bump when :class:`Tables` or :func:`parse_dictionary` changes: older
#: cache files are then ignored.
_CACHE_FORMAT = 1


def cache_dir() -> str | None:
    """Where parsed tables are kept between runs: ``$CLEANER_CACHE_DIR``
    (empty: no cache), else ``$XDG_CACHE_HOME/cleaner`` or ``~/.cache/cleaner``."""
    if "CLEANER_CACHE_DIR" in os.environ:
        return os.environ["CLEANER_CACHE_DIR"] or None
    base = os.environ.get("XDG_CACHE_HOME") or os.path.join(os.path.expanduser("~"), ".cache")
    return os.path.join(base, "cleaner")


def cached_tables(path: str, folder: str | None) -> Tables:
    """:func:`parse_dictionary` of the file at ``path``, kept in ``folder``
    as a marshal file. Parsing jieba's 350,000 lines costs ~0.5 s in every
    process (each worker, each start-up); loading the parsed tables costs a
    quarter of that. The cache file is named after the dictionary's size and
    modification time (and the Python version), so an upgraded jieba is
    parsed afresh, and only the newest :data:`_CACHE_KEEP` files are kept
    (each new environment installs its own copy of jieba). A cache that
    cannot be read or written is passed over (the tables are the same
    either way: marshal keeps floats exactly)."""
    st = os.stat(path)
    py = "%d%d" % sys.version_info[:2]     # marshal's format may change between Pythons
    name = f"jieba-dict-v{_CACHE_FORMAT}-py{py}-{st.st_size}-{st.st_mtime_ns}.marshal"
    cache = os.path.join(folder, name) if folder else None
    if cache and os.path.exists(cache):
        try:
            with open(cache, "rb") as f:
                words, values, classes, log_total, top = marshal.loads(f.read())
            return Tables(frozenset(words), dict(zip(words, values)), classes, log_total, top)
        except (OSError, EOFError, ValueError, TypeError):
            pass
    with open(path, encoding="utf-8") as f:
        t = parse_dictionary(f)
    if cache:
        _write_cache(cache, (list(t.logp), list(t.logp.values()), t.classes, t.log_total, t.top))
        _prune_cache(folder)
    return t


#: How many parsed dictionaries (one per jieba install) the cache keeps.
_CACHE_KEEP = 4


def _prune_cache(folder: str) -> None:
    """Remove all but the newest :data:`_CACHE_KEEP` parsed dictionaries."""
    try:
        found = [e for e in os.scandir(folder) if e.name.startswith("jieba-dict-") and e.name.endswith(".marshal")]
        found.sort(key=lambda e: e.stat().st_mtime_ns, reverse=True)
    except OSError:
        return
    for e in found[_CACHE_KEEP:]:
        with contextlib.suppress(OSError):
            os.unlink(e.path)


def _write_cache(cache: str, value: tuple) -> None:
    """Write ``value`` to ``cache`` whole or not at all (a temporary file
    renamed into place, so a concurrent reader never sees half a file)."""
    try:
        os.makedirs(os.path.dirname(cache), exist_ok=True)
        fd, tmp = tempfile.mkstemp(dir=os.path.dirname(cache), suffix=".tmp")
    except OSError:
        return
    try:
        with os.fdopen(fd, "wb") as f:
            f.write(marshal.dumps(value))
        os.replace(tmp, cache)
    except OSError:
        with contextlib.suppress(OSError):
            os.unlink(tmp)


@lru_cache(maxsize=1)
def dictionary() -> dict[str, int]:
    """Word -> frequency for jieba's dictionary entries of 2..MAX_WORD chars
    (recovered from the log probabilities: exact, frequencies being whole
    numbers far below the 2^50 where the rounding would show)."""
    t = tables()
    return {w: round(math.exp(p + t.log_total)) for w, p in t.logp.items() if len(w) >= 2}


#: Log probability of a character the dictionary does not know, as jieba's
#: own fallback treats it: rarer than any word it lists.
_UNKNOWN = -20.0


def join_evidence(left: str, right: str) -> tuple[float, bool]:
    """What jieba's dictionary says about joining ``left`` and ``right``,
    from three characters each side of the join:

    * log10 frequency of the commonest word spanning the join (0.0 if none,
      :func:`word_across_join`);
    * whether the likeliest segmentation (by word frequencies) puts a word
      boundary exactly at the join (:func:`boundary_at_join`).

    >>> join_evidence("获奖名单", "一等奖")[1], join_evidence("人才培养力", "度进一步")[1]
    (True, False)
    >>> round(join_evidence("人才培养力", "度进一步")[0], 2) == round(word_across("人才培养力", "度进一步"), 2)
    True
    """
    across = word_across_join(left, right)
    return across, (not across) or boundary_at_join(left, right)


def _spans(j: int, n: int) -> tuple[tuple[int, int], ...]:
    """(start, end) of every substring of at most MAX_WORD characters of an
    ``n``-character text that spans position ``j``."""
    return tuple((s, e) for s in range(max(0, j - 3), j) for e in range(j + 1, min(n, s + MAX_WORD) + 1))


def _cells(n: int) -> tuple[tuple[int, int], ...]:
    """(start, end) of every substring of at most MAX_WORD characters ending
    at 1..n, in the order :func:`boundary_at_join` visits them."""
    return tuple((i - k, i) for i in range(1, n + 1) for k in range(1, min(MAX_WORD, i) + 1))


_CELLS = {n: _cells(n) for n in range(2, 7)}


def word_across_join(left: str, right: str) -> float:
    """log10 frequency of the commonest word spanning the join, looked up in
    three characters each side (0.0 if none).

    >>> word_across_join("工作。", "据了解"), word_across_join("人才培养力", "度进一步") > 3
    (0.0, True)
    """
    a = left[-3:]
    text = a + right[:3]
    t = tables()
    if len(text) == 6:              # the common case, spelled out: the spans of _spans(3, 6)
        found = t.known.intersection((text[0:4], text[1:4], text[1:5], text[2:4], text[2:5], text[2:6]))
    else:
        found = t.known.intersection([text[s:e] for s, e in _spans(len(a), len(text))])
    if not found:
        return 0.0
    return _across(max(map(t.logp.__getitem__, found)), t.log_total)


def _across(logp: float, log_total: float) -> float:
    """log10(frequency + 1) of a word of log probability ``logp``."""
    return math.log10(math.exp(logp + log_total) + 1)


def max_word_across() -> float:
    """No :func:`word_across_join` is higher (that of the commonest word)."""
    t = tables()
    return _across(t.top, t.log_total) if t.known else 0.0


def boundary_at_join(left: str, right: str) -> bool:
    """Does the likeliest segmentation of the text around a join (three
    characters each side) put a word boundary exactly at the join? Words
    score their log probability, an unknown character :data:`_UNKNOWN`; on
    a tie the shorter last word wins.

    >>> boundary_at_join("获奖名单", "一等奖"), boundary_at_join("人才培养力", "度进一步")
    (True, False)
    """
    a = left[-3:]
    j = len(a)
    text = a + right[:3]
    n = len(text)
    known, logp = tables()[:2]
    cells = iter([logp.get(w, _UNKNOWN) if len(w) == 1 else logp[w] if w in known else None
                  for w in [text[s:e] for s, e in _CELLS.get(n) or _cells(n)]])
    best = [0.0]
    back = [0]
    for i in range(1, n + 1):
        b, k_best = -1e9, 1
        for k in range(1, min(MAX_WORD, i) + 1):
            p = next(cells)
            if p is None:             # no such word (a single character always scores)
                continue
            s = best[i - k] + p
            if s > b:
                b, k_best = s, k
        best.append(b)
        back.append(k_best)
    i = n
    while i > j:
        i -= back[i]
    return i == j


def first_word_class(text: str) -> str | None:
    """The class of the longest dictionary word that opens ``text``.

    >>> first_word_class("但是他说"), first_word_class("们的"), first_word_class("天空")
    ('conj', 'particle', None)
    """
    t = tables()
    known = t.known
    # in a text shorter than four characters text[:4] is text[:3]: looked up twice, same answer
    for w in (text[:4], text[:3], text[:2]):
        if w in known:
            return t.classes.get(w)
    return t.classes.get(text[:1])


def last_word_class(text: str) -> str | None:
    """The class of the longest dictionary word that closes ``text``.

    >>> last_word_class("美丽的"), last_word_class("我们在"), last_word_class("北京")
    ('particle', 'prep', 'name')
    """
    t = tables()
    known = t.known
    for w in (text[-4:], text[-3:], text[-2:]):
        if w in known:
            return t.classes.get(w)
    return t.classes.get(text[-1:])


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
    a = table.get(left, _NOWHERE)[0]
    b = table.get(right, _NOWHERE)[1]
    return max(-1.0, min(1.0, (a + b) / 8))


_NOWHERE = (0.0, 0.0)

