"""Named cleaners: each finds the changes one rule makes to a text.

A cleaner is a pure function ``text -> list of (start, end, replacement)``;
:meth:`cleaner.edits.Piece.apply` makes the changes and records them, and
:func:`cleaner.edits.apply` gives the plain ``str -> str`` view used in the
examples below. Two groups run at two depths:

* ``LINE_RULES`` are character-local and run once over the whole page before
  break repair, so the break detector sees folded widths and one script;
* ``TEXT_RULES`` need a whole paragraph (quote pairing, spacing around
  punctuation) and run on each block after lines are joined, after the line
  rules again (``PARAGRAPH_RULES``), for what a layout break had split.

No rule applies blanket NFKC: it would turn ``，：（）`` into ``,:()``.
Each rule is idempotent, and so is the whole sequence (tested).
"""
from __future__ import annotations

import difflib
import re
from bisect import bisect_left
import unicodedata
from functools import lru_cache
from typing import Callable, Iterator

import regex

from .chars import (ASCII_TO_FULLWIDTH, CONTROL_RE, ENTITIES, ENTITIES_WITHOUT_SEMICOLON,
                    FULLWIDTH_INNER, FULLWIDTH_QUOTES, FULLWIDTH_TO_ASCII, HAN_RANGES, INVISIBLE,
                    KANGXI_RADICALS, SPACES)
from .edits import Change, changed

Cleaner = Callable[[str], "list[Change] | Iterator[Change]"]

# Patterns that need no Unicode properties use the standard ``re`` module,
# which scans plain character classes two to four times faster than
# ``regex``; ``regex`` is kept for set operations and variable-length
# look-behind. A pattern searched over every paragraph or page starts with
# a plain class (``[ab][ab]*``, not ``[ab]+`` or a look-behind): ``re`` then
# skips ahead to the characters of that class instead of trying the whole
# pattern at every position, three times faster.

# A character that puts its neighbours in Chinese context: Han, CJK symbols
# and punctuation, full-width forms. Quotes, dashes, ellipses, the range
# mark and spaces are not context: the rules make or remove them, and a
# verdict must not change once a neighbour has been fixed (idempotence).
_CJK = r"\p{Han}\u3001-\u303f\uff01-\uff0f\uff1a-\uff20\uff3b-\uff40\uff5b-\uff65"
_NEUTRAL = "“”‘’…⋯—―－～\u3000"
_CONTEXT = f"[[{_CJK}]--[{_NEUTRAL}]]"   # a set difference: needs regex.V1
#: The same class for the standard ``re`` module (``HAN_RANGES`` for
#: ``\p{Han}``), the two neutral marks in those ranges (－ ～) cut out by hand;
#: a test checks that both classes hold the same characters.
_CONTEXT_RE = (f"[{HAN_RANGES}\u3001-\u303f\uff01-\uff0c\uff0e-\uff0f\uff1a-\uff20"
               "\uff3b-\uff40\uff5b-\uff5d\uff5f-\uff65]")


# --- line rules -----------------------------------------------------------------
_ENTITY = re.compile(
    r"&(?:#(?P<dec>[0-9]{1,7})|#[xX](?P<hex>[0-9a-fA-F]{1,6})|(?P<name>"
    + "|".join(sorted(ENTITIES, key=len, reverse=True)) + r"));"
    r"|&(?P<bare>nbsp(?!;)|(?:" + "|".join(ENTITIES_WITHOUT_SEMICOLON) + r")(?![A-Za-z0-9;]))")
#: After ``&amp;`` this means the text was escaped twice: unescaping once
#: more would make a second pass change it again, so it stays.
_ESCAPED_TWICE = re.compile(   # \s*: across a layout break too
    r"\s*(?:#[0-9]{1,7};|#[xX][0-9a-fA-F]{1,6};|(?:" + "|".join(sorted(ENTITIES, key=len, reverse=True))
    + r");|(?:" + "|".join(ENTITIES_WITHOUT_SEMICOLON) + r")(?![A-Za-z0-9]))")


def _entity_text(m: regex.Match) -> str | None:
    if m.group("dec") or m.group("hex"):
        code = int(m.group("dec"), 10) if m.group("dec") else int(m.group("hex"), 16)
        if code == 0 or code > 0x10FFFF or 0xD800 <= code <= 0xDFFF:
            return None
        return chr(code)
    return ENTITIES[m.group("name") or m.group("bare")]


def unescape_entities(text: str) -> list[Change]:
    """HTML character entities left by web dumps become the characters they
    name (``&nbsp;`` and the bare ``&nbsp`` become a no-break space, which
    the space rule then folds).

    Only common entities are known (``chars.ENTITIES``); a doubly escaped
    ``&amp;lt;`` is unescaped no further, so a second pass changes nothing.

    >>> from cleaner.edits import apply
    >>> apply(unescape_entities, "&nbsp&nbsp上市公司 A&amp;B &#26032;&#x62a5; &lt;b&gt;")
    '\xa0\xa0上市公司 A&B 新报 <b>'
    >>> apply(unescape_entities, "AT&T &amp;lt; &unknown; R&D")   # left alone
    'AT&T &amp;lt; &unknown; R&D'
    """
    if "&" not in text:
        return []
    out: list[Change] = []
    for m in _ENTITY.finditer(text):
        if (m.group("name") or m.group("bare")) == "amp" and _ESCAPED_TWICE.match(text, m.end()):
            continue
        new = _entity_text(m)
        if new is not None:
            out.append((m.start(), m.end(), new))
    return out


_CONTROL_CHARS = f"[{CONTROL_RE[1:-1]}{INVISIBLE}]"   # one class: controls and invisibles
_CONTROLS = re.compile(f"{_CONTROL_CHARS}{_CONTROL_CHARS}*")


def remove_controls(text: str) -> list[Change]:
    """Remove control characters and invisible ones (zero-width, bidi, soft hyphen).

    >>> from cleaner.edits import apply
    >>> apply(remove_controls, "记者\\u200b张三\\x07")
    '记者张三'
    >>> apply(remove_controls, "行一\\n\\t行二")   # line ends and tabs stay
    '行一\\n\\t行二'
    """
    return [(m.start(), m.end(), "") for m in _CONTROLS.finditer(text)]


_WIDE_CHARS = "".join(FULLWIDTH_TO_ASCII) + "".join(FULLWIDTH_QUOTES)
_RARE_CHARS = f"\uff61-\uff9f\uf900-\ufaff\U0002f800-\U0002fa1f{KANGXI_RADICALS}"   # kana, compatibility Han, radicals
# Spaces may stand between: the space rule removes those next to full-width
# punctuation, and the verdict must not change once it has (idempotence).
_WIDE_INNER = regex.compile(
    r"(?<=[A-Za-z0-9][^\S\n]*)[．－：](?=[^\S\n]*[A-Za-z0-9])"
    r"|(?<=\d[^\S\n]*)，(?=[^\S\n]*\d{3}(?!\d))")
_HALFWIDTH_KANA = re.compile(r"[\uff61-\uff9f]+")
_COMPAT_HAN = re.compile(r"[\uf900-\ufaff\U0002f800-\U0002fa1f]")
_KANGXI = re.compile(f"[{KANGXI_RADICALS}]+")
_WIDE_TABLE = str.maketrans({**FULLWIDTH_TO_ASCII, **FULLWIDTH_QUOTES})
_INNER_FORMS = "．－：，"
#: What there may be to fold, in one scan (one class first: see the note at
#: the top): a run of wide forms, a rare form, or an inner form after a
#: letter, a digit (of either width, since inner forms are judged on folded
#: text) or a space.
_FOLD_SCAN = re.compile(
    f"[{_WIDE_CHARS}{_RARE_CHARS}{_INNER_FORMS}](?:(?<=[{_WIDE_CHARS}])[{_WIDE_CHARS}]*|(?<=[{_RARE_CHARS}])"
    f"|(?<=[A-Za-z0-9Ａ-Ｚａ-ｚ０-９\\s][{_INNER_FORMS}]))")


def fold_width(text: str) -> list[Change]:
    """Full-width digits, Latin letters and symbols to ASCII; half-width
    katakana, compatibility ideographs and Kangxi radicals to their standard
    forms.

    Full-width ``．－：，`` fold only between ASCII letters or digits (``５．０``,
    ``16：10``, ``1，000``); elsewhere they are Chinese punctuation and stay.
    Full-width quotes ``＂＇`` fold to ASCII, for the quote rule to curl.
    Never NFKC as a whole: that would also fold ``，：（）``.

    >>> from cleaner.edits import apply
    >>> apply(fold_width, "２０１２年，ＶＩＰ用户５．０级")
    '2012年，VIP用户5.0级'
    >>> apply(fold_width, "记者：张三，（完）")   # Chinese punctuation stays
    '记者：张三，（完）'
    """
    changes: list[Change] = []
    inner: list[int] = []       # where an inner form may fold
    rare = False
    for m in _FOLD_SCAN.finditer(text):
        found = m.group()
        if found in _INNER_FORMS:
            inner.append(m.start())
        elif found[0] in _WIDE_CHARS:
            changes.append((m.start(), m.end(), found.translate(_WIDE_TABLE)))
        else:
            rare = True
    if inner:
        # inner forms are judged on the folded text; folding only the matches
        # is the same as translating the whole text, and much faster
        folded = changed(text, changes) if changes else text
        changes += [(i, i + 1, FULLWIDTH_INNER[folded[i]]) for i in inner if _WIDE_INNER.match(folded, i)]
    if rare:
        changes += [(m.start(), m.end(), unicodedata.normalize("NFKC", m.group()))
                    for m in _HALFWIDTH_KANA.finditer(text)]
        changes += [(m.start(), m.end(), unicodedata.normalize("NFC", m.group()))
                    for m in _COMPAT_HAN.finditer(text)]
        changes += [(m.start(), m.end(), unicodedata.normalize("NFKC", m.group()))
                    for m in _KANGXI.finditer(text)]
    changes.sort()
    return changes


#: Script targets and the OpenCC configurations that reach each, in order.
#: ``hk2s`` reads standard, Taiwan and Hong Kong traditional forms (``衞``
#: as well as ``衛``) and changed nothing that ``t2s`` leaves alone on the
#: dev corpus, so it is the way to simplified. It keeps ``著``, which in
#: Taiwan text is also the particle ``着`` (``隨著``): :func:`fix_taiwan_zhe`
#: then reads it. ``tw2s`` is not used: it misses Hong Kong forms (``衞``),
#: turns simplified ``显著`` into ``显着`` and ``原著`` into ``原着``.
#: Traditional targets go through simplified first, because OpenCC's ``s2t``
#: is not idempotent on text that is already traditional (``里`` -> ``裏``
#: on a second pass).
SCRIPTS: dict[str, tuple[str, ...]] = {
    "none": (),
    "simplified": ("hk2s",),
    "traditional": ("hk2s", "s2t"),
    "taiwan": ("hk2s", "s2tw"),
    "hongkong": ("hk2s", "s2hk"),
}

#: Converting to a traditional target may not reach a fixed point at once
#: (simplified -> traditional -> simplified is not the identity: ``鉅`` ->
#: ``巨``); the conversion is repeated until the text stops changing, at
#: most this many times. On the dev corpus the second pass changed 7 of
#: 2.4 million characters and the third none.
MAX_SCRIPT_PASSES = 4


@lru_cache(maxsize=None)
def _opencc(config: str):
    import opencc  # imported on first use: start-up stays fast
    return opencc.OpenCC(config)


def to_script(text: str, target: str = "simplified") -> str:
    """``text`` in the ``target`` script (a key of ``SCRIPTS``); idempotent.

    >>> to_script("衞生署與國際衛生組織"), to_script("中国", "none")
    ('卫生署与国际卫生组织', '中国')
    >>> to_script(to_script("干净的头发", "traditional"), "traditional")
    '乾淨的頭髮'
    """
    chain = SCRIPTS[target]
    if not chain:
        return text

    def once(t: str) -> str:
        for config in chain:
            converted = _opencc(config).convert(t)
            if config == "hk2s" and "著" in converted and looks_traditional(t, converted):
                converted = fix_taiwan_zhe(converted)
            t = converted
        return t

    new = once(text)
    if len(chain) == 1:     # hk2s alone is idempotent (checked on the dev corpus)
        return new
    for _ in range(MAX_SCRIPT_PASSES - 1):
        again = once(new)
        if again == new:
            break
        new = again
    return new


#: Frequent characters written differently in the two scripts, traditional
#: then simplified, one for one: a text is traditional when it holds more of
#: the first (``looks_traditional``).
_TRADITIONAL_MARKS = "們個這說為來會國時對與發經過還後實於學"
_SIMPLIFIED_MARKS = "们个这说为来会国时对与发经过还后实于学"


def looks_traditional(text: str, simplified: str) -> bool:
    """Whether ``text`` (``simplified`` once converted) is written in
    traditional characters: more of the frequent characters in their
    traditional form than in their simplified one, or, with none of either
    (a short text), any character converted.

    >>> looks_traditional("隨著氣溫下降，他們說", "随著气温下降，他们说")
    True
    >>> looks_traditional("随着气温下降，他们说著名", "随着气温下降，他们说著名")
    False
    >>> looks_traditional("沿著湖邊", "沿著湖边"), looks_traditional("看著", "看著")
    (True, False)
    """
    trad = sum(text.count(c) for c in _TRADITIONAL_MARKS)
    simp = sum(text.count(c) for c in _SIMPLIFIED_MARKS)
    return trad > simp if trad or simp else text != simplified


#: ``著`` read as zhù (to write, notable), which stays ``著`` in simplified
#: text: a word of writing or renown (``著名``, ``著作``, ``名著``, ``显著``,
#: ``土著``), ``著有`` opening a clause, and a book's credit (``张三 著``).
#: Look-behinds keep a verb and its particle out (``讨论着``, ``配合着``,
#: ``凸显着``, ``看着作品``, ``听着录音``, ``拿着书``). Judged on simplified
#: text, so its characters are simplified.
_ZHU = regex.compile(
    r"(?<=[昭卓名原专编巨遗拙土撰译]|(?<![凸彰突])显|(?<![议争讨谈评辩])论"
    r"|(?<![配结组融符迎适综混联整凑缝闭愈复撮集汇])合)著"
    r"|著(?=[名称述者]|作(?![品业文为])|录(?![音像])|书立说)"
    r"|(?<=[，。、；：\s还曾亦另并]|^)著(?=有)"
    r"|(?<=\S[^\S\n])著(?=[^\S\n]*(?:\n|/|$))")


def fix_taiwan_zhe(text: str) -> str:
    """``著`` of traditional text, converted to simplified, becomes ``着``
    unless it is read zhù (``_ZHU``): Taiwan writes the particle and the verb
    ``着`` (``隨著``, ``看著``, ``著陸``) as ``著``, which OpenCC's ``hk2s``
    keeps. On Taiwan-form text converted back from the dev corpus, 24 of
    3,283 ``著`` come out other than the source (``hk2s`` alone: 2,944,
    ``tw2s``: 58).

    >>> fix_taiwan_zhe("随著气温下降，看著浮漂，沿著河岸；著名作家的著作与原著；显著提高")
    '随着气温下降，看着浮漂，沿着河岸；著名作家的著作与原著；显著提高'
    >>> fix_taiwan_zhe("讨论著新书，看著作品，著陆，睡不著")
    '讨论着新书，看着作品，着陆，睡不着'
    """
    return regex.sub("著", lambda m: "著" if _ZHU.match(text, m.start()) else "着", text)


def page_script(target: str) -> str:
    """The script a page is converted to before break repair.

    Always simplified (unless ``none``): the break detector's dictionary is
    simplified, and ``hk2s`` gives the same text however lines are later
    joined. A traditional target is reached per paragraph, after joining
    (:func:`paragraph_script`), because OpenCC's simplified -> traditional
    step reads phrases, and a phrase split by a layout break would convert
    differently from the joined one (``才`` + ``到`` vs ``纔到``).

    >>> page_script("taiwan"), page_script("none"), paragraph_script("simplified")
    ('simplified', 'none', None)
    """
    return "none" if target == "none" else "simplified"


def paragraph_script(target: str) -> str | None:
    """The script each joined paragraph is converted to last, if any."""
    return None if target in ("none", "simplified") else target


def convert_script(text: str, target: str = "simplified") -> list[Change]:
    """Convert Chinese characters to one script with OpenCC: standard, Taiwan
    and Hong Kong traditional forms to simplified by default; ``SCRIPTS``
    names the targets (none, simplified, traditional, taiwan, hongkong).

    >>> from cleaner.edits import apply
    >>> apply(convert_script, "本報訊（記者 張三）")
    '本报讯（记者 张三）'
    """
    new = to_script(text, target)
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
        n = len(old)
        # compare in chunks (fast, in C); walk characters only where they differ
        for c in range(0, n, 64):
            if old[c:c + 64] == new[c:c + 64]:
                continue
            for i in range(c, min(c + 64, n)):
                if old[i] != new[i]:
                    if out and out[-1][1] == i:
                        a = out[-1][0]
                        out[-1] = (a, i + 1, new[a:i + 1])
                    else:
                        out.append((i, i + 1, new[i]))
        return out
    sm = difflib.SequenceMatcher(None, old, new, autojunk=False)
    return [(i1, i2, new[j1:j2]) for op, i1, i2, j1, j2 in sm.get_opcodes() if op != "equal"]


# --- text rules ------------------------------------------------------------------
# ASCII only: a URL or address printed in Chinese text ends where Chinese starts.
_URL = re.compile(r"(?:https?://|www\.)[A-Za-z0-9\-._~:/?#@!$&'()*+,;=%\[\]]*[A-Za-z0-9/]"
                     r"|[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)+")


#: What is left of an entity: its ``;`` is not Chinese punctuation.
_ENTITY_LIKE = re.compile(r"&(?:amp;)?(?:#[0-9]+|#[xX][0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);")


def _protected(text: str) -> list[tuple[int, int]]:
    """Spans (URLs, e-mail addresses, entities) that punctuation rules leave alone."""
    spans = [m.span() for m in _URL.finditer(text)] if ("://" in text or "www." in text or "@" in text) else []
    if "&" in text:
        spans += [m.span() for m in _ENTITY_LIKE.finditer(text)]
    return spans


def _inside(spans: list[tuple[int, int]], i: int) -> bool:
    return any(a <= i < b for a, b in spans)


_ASCII_PUNCT = re.compile(r"[,;:!?()]")
_CJK_CHAR = regex.compile(_CONTEXT, regex.V1)
_SPACE_CHARS = frozenset(" " + SPACES)
_WS = f"[{SPACES} ]"       # the same, as a pattern class: what _neighbour steps over
_CONTEXT_OF: dict[str, bool] = {"": False}


def _is_context(ch: str) -> bool:
    """Whether ``ch`` puts neighbouring ASCII punctuation in Chinese context
    (``_CONTEXT``, remembered per character: the regex is asked once)."""
    known = _CONTEXT_OF.get(ch)
    if known is None:
        known = _CONTEXT_OF[ch] = _CJK_CHAR.match(ch) is not None
    return known


def _neighbour(text: str, i: int, step: int) -> str:
    """The nearest non-space character from ``i`` in direction ``step``."""
    i += step
    while 0 <= i < len(text) and text[i] in _SPACE_CHARS:
        i += step
    return text[i] if 0 <= i < len(text) else ""


def _left(text: str, i: int) -> str:
    """:func:`_neighbour` to the left, the next character looked at first
    (it is seldom a space)."""
    ch = text[i - 1] if i else ""
    return _neighbour(text, i, -1) if ch in _SPACE_CHARS else ch


def _right(text: str, i: int) -> str:
    """:func:`_neighbour` to the right, the next character looked at first."""
    ch = text[i + 1:i + 2]
    return _neighbour(text, i, 1) if ch in _SPACE_CHARS else ch


_MARK = re.compile("[,;:!?]")
#: A mark other than a bracket without Chinese context right beside it
#: (one space between at most). With none, every mark has Chinese as its
#: nearest neighbour on one side, and so is widened in the first pass
#: whatever else is around (no context character is a digit).
_MARK_ALONE = re.compile(
    f"[,;:!?](?<!{_CONTEXT_RE}.)(?<!{_CONTEXT_RE}{_WS}.)(?!{_WS}?{_CONTEXT_RE})")
#: The other marks but brackets: Chinese context right beside them.
_MARK_BESIDE = re.compile(
    f"[,;:!?](?:(?<={_CONTEXT_RE}.)|(?<={_CONTEXT_RE}{_WS}.)|(?={_WS}?{_CONTEXT_RE}))")


#: A number or code (``15.2%``, ``9:00-17:00``, ``PM10``) as a word of
#: running Chinese text: what may stand between a mark and Chinese context.
_CODE_WORD = r"[A-Za-z0-9.%:\-~～]"
#: A ``;,:`` between two such words, each bounded by Chinese on its far side
#: (``增长15.2%;9月份``, ``17:00,10月4日``): it separates clauses, even with
#: a digit on both sides. Not a number's own mark: a ``:`` between digits
#: (``8:30``, ``3:1``), a ``,`` before exactly three digits (``1,000``).
#: What bounds such a word: Chinese text, or a dash (``fix_dashes`` makes
#: ``——`` of a word's ``--`` and of ``―``, so a dash bounds it on a second
#: pass as the dash it was made of does on the first). Spaces and dashes
#: between the edge and the word are passed over, since later rules close
#: up the one and change the other (``，-- 1,0001`` and ``，——1,0001`` alike).
_CLAUSE_EDGE = f"(?:{_CONTEXT}|[—―－])"
_CLAUSE_SPLIT = regex.compile(
    rf"(?<={_CLAUSE_EDGE}(?:{_WS}|{_CODE_WORD}|[—―－])*[0-9%]{_WS}*)"
    rf"(?:;|,(?!{_WS}*\d{{3}}(?!\d))|:(?!{_WS}*\d)|(?<=%{_WS}*):)"
    rf"(?={_WS}*[A-Za-z0-9]{_CODE_WORD}*{_WS}*{_CLAUSE_EDGE})", regex.V1)


def _splits_clauses(text: str, i: int) -> bool:
    """Whether the mark at ``i``, between a number and a digit or a Latin
    letter, separates two clauses of Chinese text (``_CLAUSE_SPLIT``)."""
    left = text[i - 1:i]
    return (left in _DIGITS or left == "%" or left in _SPACE_CHARS) \
        and _CLAUSE_SPLIT.match(text, i) is not None


_DIGITS = frozenset("0123456789")


def widen_punctuation(text: str) -> list[Change]:
    """ASCII ``,;:!?()`` in Chinese context become full-width (GB/T 15834).

    Chinese context means a Han character or Chinese punctuation on either
    side, or a mark between two number or code words of Chinese text
    (``15.2%;9月份``, ``17:00,10月``: ``_CLAUSE_SPLIT``). Left alone:
    numbers (``1,000``, ``16:10``, ``3:1``), URLs and e-mail addresses, and
    punctuation between Latin words. Brackets go by pairs: a pair around or
    beside Chinese text turns full-width together.

    >>> from cleaner.edits import apply
    >>> apply(widen_punctuation, "内蒙古:力争到2025年(简称《计划》),达到3.5万人!")
    '内蒙古：力争到2025年（简称《计划》），达到3.5万人！'
    >>> apply(widen_punctuation, "16:10, 1,000 and U.S. (USA) http://a.cn/?x=1,2")
    '16:10, 1,000 and U.S. (USA) http://a.cn/?x=1,2'
    >>> apply(widen_punctuation, "上涨3.2%;5月份持平,开放时间8:00-18:00,12日起售1,200张")
    '上涨3.2%；5月份持平，开放时间8:00-18:00，12日起售1,200张'
    """
    if _may_protect(text):
        return _widen_stepwise(text)
    if "(" not in text and ")" not in text and not _MARK_ALONE.search(text):
        # the common case: every mark has Chinese beside it, and all are widened at once
        return [(m.start(), m.end(), ASCII_TO_FULLWIDTH[m.group()]) for m in _MARK.finditer(text)]
    # marks with Chinese beside them are widened in the first pass; the
    # others (and brackets) are judged one by one
    first = {m.start(): ASCII_TO_FULLWIDTH[m.group()] for m in _MARK_BESIDE.finditer(text)}
    marks = [m.start() for m in _ASCII_PUNCT.finditer(text)]
    first.update(_widen_once(text, [i for i in marks if i not in first], first))
    return _widen_until_stable(text, marks, first)


def _may_protect(text: str) -> bool:
    """Whether ``text`` may hold a span :func:`_protected` finds (its own first tests)."""
    return "://" in text or "www." in text or "@" in text or "&" in text


def _widen_stepwise(text: str) -> list[Change]:
    """:func:`widen_punctuation` in full: brackets by pairs, protected spans
    left alone, and passes repeated until no mark changes."""
    marks = [m.start() for m in _ASCII_PUNCT.finditer(text)]
    if not marks:
        return []
    protected = _protected(text)
    if protected:
        marks = [i for i in marks if not _inside(protected, i)]
    return _widen_until_stable(text, marks, _widen_once(text, marks, {}))


def _widen_until_stable(text: str, marks: list[int], changes: dict[int, str]) -> list[Change]:
    """The passes after the first (whose verdicts are ``changes``): a widened
    mark is Chinese context for its neighbours, so repeat until stable."""
    while changes and len(changes) < len(marks):
        now = changed(text, [(i, i + 1, new) for i, new in sorted(changes.items())])
        more = _widen_once(now, [i for i in marks if i not in changes], changes)
        if not more:
            break
        changes.update(more)
    return [(i, i + 1, new) for i, new in sorted(changes.items())]


def _widen_once(text: str, marks: list[int], done: dict[int, str]) -> dict[int, str]:
    """One pass of :func:`widen_punctuation` over the unprotected ``marks``:
    the marks it would widen now."""
    changes: dict[int, str] = {}
    stack: list[int] = []
    pairs: list[tuple[int, int]] = []
    for i in marks:
        ch = text[i]
        if ch == "(":
            stack.append(i)
            continue
        if ch == ")":
            if stack:
                pairs.append((stack.pop(), i))
            elif _is_context(_left(text, i)):
                changes[i] = ASCII_TO_FULLWIDTH[ch]
            continue
        left, right = _left(text, i), _right(text, i)
        splits = _splits_clauses(text, i)
        if ch in ",:" and left.isdigit() and right.isdigit() and not splits:
            continue
        if _is_context(left) or _is_context(right) or splits:
            changes[i] = ASCII_TO_FULLWIDTH[ch]
    for i in stack:   # unpaired openers: by their right-hand neighbour
        if _is_context(_right(text, i)):
            changes[i] = "（"
    for a, b in pairs:
        if (_CJK_CHAR.search(text, a + 1, b) or _is_context(_left(text, a))
                or _is_context(_right(text, b))):
            changes[a], changes[b] = "（", "）"
    return {i: new for i, new in changes.items() if i not in done}


_ELLIPSIS_UNIT = r"(?:\.{3,}|。(?:[^\S\n]*。){2,}|[…⋯])"   # spaced 。 。 。 too
_ELLIPSIS = regex.compile(rf"{_ELLIPSIS_UNIT}(?:[^\S\n]*{_ELLIPSIS_UNIT})*")
_STOPS = re.compile(r"。[^\S\n]*。")


def fix_ellipsis(text: str) -> list[Change]:
    """Runs of ``...``, ``。。。``, ``…`` or ``⋯`` (mixed too) in Chinese
    text become ``……``.

    Chinese text: the run holds ``。`` or has a Han character or Chinese
    punctuation next to it (spaces aside). A run between Latin words stays.

    >>> from cleaner.edits import apply
    >>> apply(fix_ellipsis, "等等...然后。。。最后…还有……以及...。。。")
    '等等……然后……最后……还有……以及……'
    >>> apply(fix_ellipsis, "wait... what… 3.14")
    'wait... what… 3.14'
    """
    if not ("…" in text or "⋯" in text or "..." in text or _STOPS.search(text)):
        return []   # no run starts here
    out: list[Change] = []
    for m in _ELLIPSIS.finditer(text):
        run = m.group()
        if run == "……":
            continue
        if ("。" in run or _is_context(_neighbour(text, m.start(), -1))
                or _is_context(_neighbour(text, m.end() - 1, 1))):
            out.append((m.start(), m.end(), "……"))
    return out


_DASH_CHAR = "[-－—―]"
_ANY_DASH = re.compile(_DASH_CHAR)     # every dash run holds one: a cheap first test
# Curly quotes count on the outer side (``”——“``): quotes are curled before
# dashes are judged, so the verdict does not change on a second pass.
_DASH = regex.compile(
    rf"(?<=[”’]|{_CONTEXT})\s*(?:{_DASH_CHAR}(?:\s*{_DASH_CHAR})+|[—―])\s*"
    rf"(?=[\w“‘]|{_CONTEXT}|$)", regex.V1)


def fix_dashes(text: str) -> list[Change]:
    """``--``, ``——`` look-alikes and lone ``—`` between Chinese become ``——``.

    Between Chinese: Chinese on the left (or a closing curly quote), and on
    the right Chinese, a word, an opening curly quote or the end of the text
    (a dash that ends a headline).

    >>> from cleaner.edits import apply
    >>> apply(fix_dashes, "北京--上海，军民共建项目―兰州，专家提出———")
    '北京——上海，军民共建项目——兰州，专家提出——'
    >>> apply(fix_dashes, "2020-2021, a--b, 四川在线-华西都市报")   # hyphens stay
    '2020-2021, a--b, 四川在线-华西都市报'
    >>> apply(fix_dashes, "11月17日—23日，第3周—第5周")   # a range of dates is no 破折号
    '11月17日—23日，第3周—第5周'
    """
    if not _ANY_DASH.search(text):
        return []
    return [(m.start(), m.end(), "——") for m in _DASH.finditer(text) if m.group() != "——"
            and not _RANGE_DASH.match(text, max(0, m.start() - 2), m.end() + 2)]


#: A lone dash in a range of dates or counted things: a number and its unit
#: before it, a number or 第 after it (``11月17日—23日``, ``第3周—第5周``).
_RANGE_DASH = regex.compile(r"\d\p{Han}\s*[—―]\s*(?:\d|第\d)")


_QUOTE = re.compile(r"[\"'“”‘’]")


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


#: A ``~`` between two amounts: a number, perhaps with its unit of up to
#: three characters (``18℃``, ``3级``, ``5毫米``, ``2021年``), and a number,
#: perhaps signed (``-2℃~3℃``, ``-5℃~-1℃``).
_RANGE = regex.compile(r"(?<=\d[^\s\d~〜∼，。；、,.;:：]{0,3})\s*[~〜∼]\s*(?=[-−－+]?\d)")


def mark_ranges(text: str) -> list[Change]:
    """``~`` in a number range becomes ``～``.

    >>> from cleaner.edits import apply
    >>> apply(mark_ranges, "2021~2025年，2 ~ 7个"), apply(mark_ranges, "~/home")
    ('2021～2025年，2～7个', '~/home')
    >>> apply(mark_ranges, "见http://a.cn/1~2.html")   # URLs stay
    '见http://a.cn/1~2.html'
    >>> apply(mark_ranges, "气温18℃~22℃，夜间-5℃~-1℃，偏北风3级~4级，降水5毫米~10毫米")
    '气温18℃～22℃，夜间-5℃～-1℃，偏北风3级～4级，降水5毫米～10毫米'
    >>> apply(mark_ranges, "第一版~第二版，cd ~/x，约5天~")   # no amount on one side: kept
    '第一版~第二版，cd ~/x，约5天~'
    """
    if "~" not in text and "〜" not in text and "∼" not in text:
        return []
    protected = _protected(text)
    return [(m.start(), m.end(), "～") for m in _RANGE.finditer(text)
            if not _inside(protected, m.start())]


#: A jump line: where a story continues on, or comes from, another page
#: (``（下转第2版）``, ``(上接A1版)``, ``（紧接第一版）``).
_JUMP = regex.compile(
    r"[（(]\s*(?:下转|上接|紧接|转|接|续)\s*(?:第\s*)?[A-Za-z]?[0-9一二三四五六七八九十]{1,3}\s*版"
    r"(?:[^（）()\n]{0,8})?[）)]")


def remove_jump_lines(text: str) -> list[Change]:
    """A page-jump note (``（下转第2版）``, ``(上接第1版)``) is removed: it
    points at the printed page, not at anything in the text.

    >>> from cleaner.edits import apply
    >>> apply(remove_jump_lines, "达到2350万人次。（下转第2版）"), apply(remove_jump_lines, "(上接A1版)铁路部门表示")
    ('达到2350万人次。', '铁路部门表示')
    >>> apply(remove_jump_lines, "详见第2版。（第2版）")   # no jump word: kept
    '详见第2版。（第2版）'
    """
    if "版" not in text:
        return []
    return [(m.start(), m.end(), "") for m in _JUMP.finditer(text)]


_SPACE_RUN = re.compile(f"{_WS}{_WS}*")
#: Han characters set one by one with spaces between (``内 蒙 古 自 治 区``):
#: four or more, each alone. A gap is any run of spaces, as it is once the
#: run is collapsed to one: the rule must find on its own output what it
#: finds on its input (``专    专 专 人``).
_SPACED_HAN = regex.compile(
    rf"(?<!\p{{Han}}{_WS}*)\p{{Han}}(?:{_WS}+\p{{Han}}){{3,}}(?!{_WS}*\p{{Han}})")
_HAN_GAP = re.compile(f"{_WS}(?<=[{HAN_RANGES}]{_WS}){_WS}*(?=[{HAN_RANGES}])")   # Han on both sides
#: A field's label and its colon (``版式设计：``, ``时间：``): a space before
#: it separates fields.
FIELD_LABEL = regex.compile(r"\p{Han}{2,6}[：:]")
#: How a speaker's words are introduced (``店主王芳说：``, ``他表示：``): a
#: colon after these is running text, not a field's label.
_SPEAKS = ("说：", "说:", "表示：", "表示:")


def _opens_field(text: str, i: int) -> bool:
    """Whether a field's label and colon (``FIELD_LABEL``: ``版式设计：``)
    start at ``i``, and not a speaker's ``王芳说：``."""
    m = FIELD_LABEL.match(text, i)
    return m is not None and not m.group().endswith(_SPEAKS)


#: Punctuation that bounds a clause of running text.
_CLAUSE_MARK = re.compile(r"[，。；！？、：]")
_FULLWIDTH_PUNCT = frozenset("，。、；：！？（）《》「」『』“”‘’【】〔〕…—")


def _inside_clause(marks: list[int], a: int, b: int) -> bool:
    """Whether the gap ``a:b`` lies in a clause of running text: clause
    punctuation both before it and after it (``marks`` are their offsets)."""
    k = bisect_left(marks, a)
    return 0 < k < len(marks) and marks[k] >= b


#: Quotes and title marks that may open or close a headline's phrase.
_PHRASE_OPEN = frozenset("《“「『【")
_PHRASE_CLOSE = frozenset("》”」』】")


def _between_phrases(left: str, right: str) -> bool:
    """A space between a word and a quoted or titled phrase (``4亿 《长河》``, ``！” 熊猫``)."""
    return (right in _PHRASE_OPEN and (left.isalnum() or left in _PHRASE_CLOSE)) \
        or (left in _PHRASE_CLOSE and right.isalnum())


def collapse_spaces(text: str) -> list[Change]:
    """Whitespace runs become one space; ends are trimmed; spaces that are
    layout only go.

    Layout only: spaces beside full-width punctuation, inside letter-spaced
    Han runs, and between two Han characters inside a clause of running
    text (clause punctuation on both sides: ``，受伤的儿童中有 数人伤势严重。``).
    A space between Han words outside running text is kept: in headlines,
    bylines and credits it separates clauses or a title from a name
    (``称号 追回``, ``记者 张三``); so is one before a label and its colon
    (``王五 版式设计：``), which starts a new field.

    >>> from cleaner.edits import apply
    >>> apply(collapse_spaces, "　　记者\u3000\u3000张三 ， 报道  ")
    '记者 张三，报道'
    >>> apply(collapse_spaces, "内 蒙 古 自 治 区")
    '内蒙古自治区'
    >>> apply(collapse_spaces, "撤销荣誉称号 追回奖金")
    '撤销荣誉称号 追回奖金'
    >>> apply(collapse_spaces, "目前，受伤的儿童中有 数人伤势严重。记者 张三 摄")
    '目前，受伤的儿童中有数人伤势严重。记者 张三 摄'
    >>> apply(collapse_spaces, "责任编辑：王五 版式设计：赵六")   # the space before a label stays
    '责任编辑：王五 版式设计：赵六'
    >>> apply(collapse_spaces, "据了解，活动组织者 王芳说：“欢迎参加。”")   # a speaker is no label
    '据了解，活动组织者王芳说：“欢迎参加。”'
    >>> apply(collapse_spaces, "周末票房破4亿 《长河》领跑"), apply(collapse_spaces, "他说 《长河》好看。")
    ('周末票房破4亿 《长河》领跑', '他说《长河》好看。')

    A space between two phrases of a line with no clause punctuation (a
    headline), one of them quoted or titled, stays too.
    """
    if not _SPACE_RUN.search(text):
        return []
    gaps = {m.start() for m in _HAN_GAP.finditer(text)}
    # a letter-spaced run has gaps between Han: none, no run
    spaced = [m.span() for m in _SPACED_HAN.finditer(text)] if gaps else []
    marks = [m.start() for m in _CLAUSE_MARK.finditer(text)] if gaps else []
    changes: list[Change] = []
    n = len(text)
    unpunctuated = not _CLAUSE_MARK.search(text)
    for m in _SPACE_RUN.finditer(text):
        a, b = m.span()
        if unpunctuated and 0 < a and b < n and _between_phrases(text[a - 1], text[b]):
            new = " "       # 周末票房破4亿 《长河》领跑: a headline's two phrases, one quoted
        elif (a == 0 or b == n or text[a - 1] in _FULLWIDTH_PUNCT or text[b] in _FULLWIDTH_PUNCT
                or (spaced and any(x <= a and b <= y for x, y in spaced))
                or (a in gaps and _inside_clause(marks, a, b) and not _opens_field(text, b))):
            new = ""
        else:
            new = " "
        if m.group() != new:
            changes.append((a, b, new))
    return changes


#: Rules run over the whole page before break repair, in this order:
#: entities first (``&#7;`` is a control character, ``&nbsp;`` a space), and
#: width folding makes digits ASCII before anything judges digit context.
LINE_RULES: list[tuple[str, Cleaner]] = [
    ("unescape_entities", unescape_entities),
    ("remove_controls", remove_controls),
    ("fold_width", fold_width),
]

#: Rules run on each joined block, in this order: quotes are curled before
#: dashes are judged (a curly quote is dash context), and all punctuation is
#: final before the space rule looks at it.
TEXT_RULES: list[tuple[str, Cleaner]] = [
    ("remove_jump_lines", remove_jump_lines),
    ("widen_punctuation", widen_punctuation),
    ("fix_ellipsis", fix_ellipsis),
    ("curl_quotes", curl_quotes),
    ("fix_dashes", fix_dashes),
    ("mark_ranges", mark_ranges),
    ("collapse_spaces", collapse_spaces),
]

#: Could any paragraph rule change this text? A superset of every rule's own
#: first test (``&``, full-width and rare forms, ASCII punctuation, ellipsis
#: and dash marks, quotes, range marks, whitespace), searched once per
#: paragraph so that the many paragraphs that need nothing cost one scan.
#: The scan starts with one class (see the note at the top): the characters
#: a rule's test starts from; a look-behind then asks for what must go with
#: ``.`` (``...``), ``。`` (``。。``) and ``：，`` (a letter or digit before).
_TRIGGERS = ("&版,;:!?()\"'~〜∼\\-－—―…⋯．\\s" + re.escape(SPACES) + _WIDE_CHARS + _RARE_CHARS)
NEEDS_PARAGRAPH_RULES = re.compile(
    f"[{_TRIGGERS}.。：，](?:(?<=[{_TRIGGERS}])|(?<=\\.)\\.\\.|(?<=。)[^\\S\\n]*。|(?<=[A-Za-z0-9][：，]))")

#: Everything run on each joined paragraph: the line rules that a join can
#: give new work (an entity or a number split by a layout break: ``&nb`` +
#: ``sp;``, ``１，`` + ``６００``; most paragraphs give them none), then the
#: paragraph rules. A join never makes a control or full-width character.
PARAGRAPH_RULES: list[tuple[str, Cleaner]] = [
    ("unescape_entities", unescape_entities),
    ("fold_width", fold_width),
] + TEXT_RULES
