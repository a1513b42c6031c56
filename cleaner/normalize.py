"""Named cleaners: each finds the changes one rule makes to a text.

A cleaner is a pure function ``text -> list of (start, end, replacement)``;
:meth:`cleaner.edits.Piece.apply` makes the changes and records them, and
:func:`cleaner.edits.apply` gives the plain ``str -> str`` view used in the
examples below. Two groups run at two depths:

* ``LINE_RULES`` are character-local and run once over the whole page before
  break repair, so the break detector sees folded widths and one script;
* ``TEXT_RULES`` need a whole paragraph (quote pairing, spacing around
  punctuation) and run on each block after lines are joined.

No rule applies blanket NFKC: it would turn ``，：（）`` into ``,:()``.
Each rule is idempotent, and so is the whole sequence (tested).
"""
from __future__ import annotations

import difflib
import unicodedata
from functools import lru_cache
from typing import Callable, Iterator

import regex

from .chars import (ASCII_TO_FULLWIDTH, CONTROL_RE, FULLWIDTH_INNER, FULLWIDTH_TO_ASCII,
                    INVISIBLE, SPACES)
from .edits import Change, changes_from_regex

Cleaner = Callable[[str], "list[Change] | Iterator[Change]"]

# A character that puts neighbouring ASCII punctuation in Chinese context:
# Han, CJK symbols and punctuation, full-width forms, curly quotes, dashes.
_CJK = r"\p{Han}\u3000-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65“”‘’…—"


# --- line rules -----------------------------------------------------------------
_CONTROLS = regex.compile(f"(?:{CONTROL_RE}|[{INVISIBLE}])+")


def remove_controls(text: str) -> list[Change]:
    """Remove control characters and invisible ones (zero-width, bidi, soft hyphen).

    >>> from cleaner.edits import apply
    >>> apply(remove_controls, "记者\\u200b张三\\x07")
    '记者张三'
    >>> apply(remove_controls, "行一\\n\\t行二")   # line ends and tabs stay
    '行一\\n\\t行二'
    """
    return [(m.start(), m.end(), "") for m in _CONTROLS.finditer(text)]


_WIDE = regex.compile("[" + "".join(FULLWIDTH_TO_ASCII) + "]+")
_WIDE_INNER = regex.compile(
    r"(?<=[A-Za-z0-9])[．－：](?=[A-Za-z0-9])|(?<=\d)，(?=\d{3}(?!\d))")
_HALFWIDTH_KANA = regex.compile(r"[\uff61-\uff9f]+")
_COMPAT_HAN = regex.compile(r"[\uf900-\ufaff\U0002f800-\U0002fa1f]")
_WIDE_TABLE = str.maketrans(FULLWIDTH_TO_ASCII)


def fold_width(text: str) -> list[Change]:
    """Full-width digits, Latin letters and symbols to ASCII; half-width
    katakana and compatibility ideographs to their standard forms.

    Full-width ``．－：，`` fold only between ASCII letters or digits (``５．０``,
    ``16：10``, ``1，000``); elsewhere they are Chinese punctuation and stay.

    >>> from cleaner.edits import apply
    >>> apply(fold_width, "２０１２年，ＶＩＰ用户５．０级")
    '2012年，VIP用户5.0级'
    >>> apply(fold_width, "记者：张三，（完）")   # Chinese punctuation stays
    '记者：张三，（完）'
    """
    changes = [(m.start(), m.end(), m.group().translate(_WIDE_TABLE)) for m in _WIDE.finditer(text)]
    if changes:   # inner forms are judged on the folded neighbours
        folded = text.translate(_WIDE_TABLE)
        changes += [(m.start(), m.end(), FULLWIDTH_INNER[m.group()])
                    for m in _WIDE_INNER.finditer(folded)]
    else:
        changes += [(m.start(), m.end(), FULLWIDTH_INNER[m.group()])
                    for m in _WIDE_INNER.finditer(text)]
    changes += [(m.start(), m.end(), unicodedata.normalize("NFKC", m.group()))
                for m in _HALFWIDTH_KANA.finditer(text)]
    changes += [(m.start(), m.end(), unicodedata.normalize("NFC", m.group()))
                for m in _COMPAT_HAN.finditer(text)]
    changes.sort()
    return changes


#: Script targets and the OpenCC configuration that reaches each.
SCRIPTS = {"none": None, "simplified": "t2s", "traditional": "s2t",
           "taiwan": "s2tw", "hongkong": "s2hk"}


@lru_cache(maxsize=None)
def _opencc(config: str):
    import opencc  # imported on first use: start-up stays fast
    return opencc.OpenCC(config)


def convert_script(text: str, target: str = "simplified") -> list[Change]:
    """Convert Chinese script with OpenCC (``SCRIPTS`` names the targets).

    >>> from cleaner.edits import apply
    >>> apply(convert_script, "新報訊（記者 劉曉君）")
    '新报讯（记者 刘晓君）'
    """
    config = SCRIPTS[target]
    if config is None:
        return []
    new = _opencc(config).convert(text)
    if new == text:
        return []
    return diff_changes(text, new)


def diff_changes(old: str, new: str) -> list[Change]:
    """The changes that turn ``old`` into ``new``, character runs at a time.

    >>> diff_changes("甲乙丙丁", "甲己丙戊")
    [(1, 2, '己'), (3, 4, '戊')]
    """
    if len(old) == len(new):
        out: list[Change] = []
        i, n = 0, len(old)
        while i < n:
            if old[i] != new[i]:
                j = i + 1
                while j < n and old[j] != new[j]:
                    j += 1
                out.append((i, j, new[i:j]))
                i = j
            else:
                i += 1
        return out
    sm = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return [(i1, i2, new[j1:j2]) for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal"]


# --- text rules ------------------------------------------------------------------
_URL = regex.compile(r"(?:https?://|www\.)[\w\-./?%&=#:~+@,;!]*[\w/]|[\w.+-]+@[\w-]+(?:\.[\w-]+)+")


def _protected(text: str) -> list[tuple[int, int]]:
    """Spans (URLs, e-mail addresses) that punctuation rules leave alone."""
    return [m.span() for m in _URL.finditer(text)] if ("://" in text or "www." in text or "@" in text) else []


def _inside(spans: list[tuple[int, int]], i: int) -> bool:
    return any(a <= i < b for a, b in spans)


_ASCII_PUNCT = regex.compile(r"[,;:!?()]")
_CJK_CHAR = regex.compile(f"[{_CJK}]")


def _neighbour(text: str, i: int, step: int) -> str:
    """The nearest non-space character from ``i`` in direction ``step``."""
    i += step
    while 0 <= i < len(text) and text[i] == " ":
        i += step
    return text[i] if 0 <= i < len(text) else ""


def widen_punctuation(text: str) -> list[Change]:
    """ASCII ``,;:!?()`` in Chinese context become full-width (GB/T 15834).

    Chinese context means a Han character or Chinese punctuation on either
    side. Left alone: numbers (``1,000``, ``16:10``), URLs and e-mail
    addresses, and punctuation between Latin words. Brackets go by pairs: a
    pair around or beside Chinese text turns full-width together.

    >>> from cleaner.edits import apply
    >>> apply(widen_punctuation, "内蒙古:力争到2025年(简称《计划》),达到3.5万人!")
    '内蒙古：力争到2025年（简称《计划》），达到3.5万人！'
    >>> apply(widen_punctuation, "16:10, 1,000 and U.S. (USA) http://a.cn/?x=1,2")
    '16:10, 1,000 and U.S. (USA) http://a.cn/?x=1,2'
    """
    if not _ASCII_PUNCT.search(text):
        return []
    protected = _protected(text)
    changes: dict[int, str] = {}
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for m in _ASCII_PUNCT.finditer(text):
        i, ch = m.start(), m.group()
        if _inside(protected, i):
            continue
        if ch == "(":
            stack.append(i)
            continue
        if ch == ")":
            if stack:
                pairs.append((stack.pop(), i))
            elif _CJK_CHAR.match(_neighbour(text, i, -1)):
                changes[i] = ASCII_TO_FULLWIDTH[ch]
            continue
        left, right = _neighbour(text, i, -1), _neighbour(text, i, 1)
        if ch in ",:" and left.isdigit() and right.isdigit():
            continue
        if _CJK_CHAR.match(left) or _CJK_CHAR.match(right):
            changes[i] = ASCII_TO_FULLWIDTH[ch]
    for i in stack:   # unpaired openers: by their right-hand neighbour
        if _CJK_CHAR.match(_neighbour(text, i, 1)):
            changes[i] = "（"
    for a, b in pairs:
        if (_CJK_CHAR.search(text, a + 1, b) or _CJK_CHAR.match(_neighbour(text, a, -1))
                or _CJK_CHAR.match(_neighbour(text, b, 1))):
            changes[a], changes[b] = "（", "）"
    return [(i, i + 1, new) for i, new in sorted(changes.items())]


_ELLIPSIS = regex.compile(rf"(?:(?<=[{_CJK}]\s*)\.{{3,}}|\.{{3,}}(?=\s*[{_CJK}])|。{{3,}}|…+|⋯+)")


def fix_ellipsis(text: str) -> list[Change]:
    """Runs of ``...``, ``。。。``, ``…`` or ``⋯`` in Chinese text become ``……``.

    >>> from cleaner.edits import apply
    >>> apply(fix_ellipsis, "等等...然后。。。最后…还有……")
    '等等……然后……最后……还有……'
    >>> apply(fix_ellipsis, "wait... what")
    'wait... what'
    """
    return [(m.start(), m.end(), "……") for m in _ELLIPSIS.finditer(text) if m.group() != "……"]


_DASH = regex.compile(rf"(?<=[{_CJK}])\s*(?:[-－]{{2,}}|[—―]{{1,}})\s*(?=[{_CJK}\w])")


def fix_dashes(text: str) -> list[Change]:
    """``--``, ``——`` look-alikes and lone ``—`` between Chinese become ``——``.

    >>> from cleaner.edits import apply
    >>> apply(fix_dashes, "北京--上海，这是—个例子")
    '北京——上海，这是——个例子'
    >>> apply(fix_dashes, "2020-2021, a--b")
    '2020-2021, a--b'
    """
    return [(m.start(), m.end(), "——") for m in _DASH.finditer(text) if m.group() != "——"]


_QUOTE = regex.compile(r"[\"'“”‘’]")


def curl_quotes(text: str) -> list[Change]:
    """Straight quotes around Chinese become balanced ``“”`` and ``‘’``.

    Quotes pair up in order of appearance; curly quotes already there take
    part in the pairing. English apostrophes (``it's``) stay.

    >>> from cleaner.edits import apply
    >>> apply(curl_quotes, '他说"好的",然后\\'走了\\'。')
    '他说“好的”,然后‘走了’。'
    >>> apply(curl_quotes, "it's \\"fine\\"")
    'it\\'s "fine"'
    """
    if '"' not in text and "'" not in text:
        return []
    changes: list[Change] = []
    open_at = {'"': None, "'": None}
    for m in _QUOTE.finditer(text):
        i, ch = m.start(), m.group()
        kind = '"' if ch in '"“”' else "'"
        left, right = text[i - 1:i], text[i + 1:i + 2]
        if ch == "'" and left.isascii() and left.isalpha() and right.isascii() and right.isalpha():
            continue   # an apostrophe
        if ch in "“‘":
            open_at[kind] = i
            continue
        if ch in "”’":
            open_at[kind] = None
            continue
        start = open_at[kind]
        if start is None:
            open_at[kind] = i
            continue
        open_at[kind] = None
        inner = text[start + 1:i]
        outer = _neighbour(text, start, -1) + _neighbour(text, i, 1)
        if _CJK_CHAR.search(inner) or _CJK_CHAR.search(outer):
            pair = "“”" if kind == '"' else "‘’"
            if text[start] in "\"'":
                changes.append((start, start + 1, pair[0]))
            changes.append((i, i + 1, pair[1]))
    changes.sort()
    return changes


_RANGE = regex.compile(r"(?<=[\d年月日时点%])\s*[~〜∼]\s*(?=\d)")


def mark_ranges(text: str) -> list[Change]:
    """``~`` in a number range becomes ``～``.

    >>> from cleaner.edits import apply
    >>> apply(mark_ranges, "2021~2025年，2 ~ 7个"), apply(mark_ranges, "~/home")
    ('2021～2025年，2～7个', '~/home')
    """
    return [(m.start(), m.end(), "～") for m in _RANGE.finditer(text)]


_WS = f"[{SPACES} ]"
_SPACE_RUN = regex.compile(f"{_WS}+")
_SPACED_HAN = regex.compile(rf"(?<!\p{{Han}}{_WS}?)\p{{Han}}(?:{_WS}\p{{Han}}){{3,}}(?!{_WS}?\p{{Han}})")
_FULLWIDTH_PUNCT = frozenset("，。、；：！？（）《》「」『』“”‘’【】〔〕…—")


def collapse_spaces(text: str) -> list[Change]:
    """Whitespace runs become one space; ends are trimmed; spaces beside
    full-width punctuation and inside letter-spaced Han runs go.

    A single space between Han words is kept: in headlines and bylines it
    separates clauses or a title from a name (``称号 追回``, ``记者 张三``).

    >>> from cleaner.edits import apply
    >>> apply(collapse_spaces, "　　记者\u3000\u3000张三 ， 报道  ")
    '记者 张三，报道'
    >>> apply(collapse_spaces, "内 蒙 古 自 治 区")
    '内蒙古自治区'
    >>> apply(collapse_spaces, "撤销荣誉称号 追回奖金")
    '撤销荣誉称号 追回奖金'
    """
    spaced = [m.span() for m in _SPACED_HAN.finditer(text)] if " " in text or "\u3000" in text else []
    changes: list[Change] = []
    n = len(text)
    for m in _SPACE_RUN.finditer(text):
        a, b = m.span()
        if (a == 0 or b == n or text[a - 1] in _FULLWIDTH_PUNCT or text[b] in _FULLWIDTH_PUNCT
                or any(x <= a and b <= y for x, y in spaced)):
            new = ""
        else:
            new = " "
        if m.group() != new:
            changes.append((a, b, new))
    return changes


#: Rules run over the whole page before break repair, in this order: width
#: folding makes digits ASCII before anything judges digit context.
LINE_RULES: list[tuple[str, Cleaner]] = [
    ("remove_controls", remove_controls),
    ("fold_width", fold_width),
]

#: Rules run on each joined block, in this order: quotes and ellipses are
#: fixed before spaces, so the space rule sees the final punctuation.
TEXT_RULES: list[tuple[str, Cleaner]] = [
    ("widen_punctuation", widen_punctuation),
    ("fix_ellipsis", fix_ellipsis),
    ("fix_dashes", fix_dashes),
    ("curl_quotes", curl_quotes),
    ("mark_ranges", mark_ranges),
    ("collapse_spaces", collapse_spaces),
]
