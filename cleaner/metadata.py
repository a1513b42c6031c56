"""Bylines, datelines, credits, authors, outlets and dates.

Every pattern here describes the *shape* newspapers print, never one paper's
names: an outlet is whatever stands where shapes put an outlet (before ``讯``
or ``电``, or before the first role word of a byline), mapped to one
canonical spelling by ``data/outlets.tsv``. The shapes:

* datelines: ``新华社北京9月20日电``, ``本报讯``, ``中新网乌鲁木齐5月1日电``,
  ``大公财经3月27日北京报道``, ``中新社成都五月十二日电``, ``据新华社电``,
  ``四川在线宜宾频道消息``, ``证券时报·e公司讯`` (a paper's feed after a middle
  dot; the paper is the outlet), ``【新华社北京5月9日电】``, each optionally
  followed by the staff in brackets (``（记者 王五、赵六）``) or inline
  (`` 记者潘跃``, ``：记者黄蔚山、通讯员连乐报道：``, and a name with no role
  in the ``…报道：`` frame alone: `` 刘 涛、见习记者 王紫薇报道：``);
* datelines in round brackets, staff inside: ``（中央社记者王小明台北2日电）``,
  ``（星岛日报报道）``, ``（早报讯）``; a name run straight into the place is
  cut only at a place of ``data/places.txt``, and only where one cut works;
* staff first: ``人民网记者孙海涛报道：``, ``（新文化报 记者 韩冰）``;
* bylines on a line of their own: ``□本报记者 X``, ``本报记者X发自上海``, and a
  pen name of three characters letter-spaced to a column's width (``任 仲 平``);
* credits: ``摄影/…记者 X``, ``文/X``, ``记者 X 摄``, ``（编辑 X）``.

Names are never invented: a run of names printed without separators is
split only where one split alone is possible (``data/surnames.txt``), and
whatever cannot be parsed stays in ``byline`` with no authors.

Patterns accept ASCII and full-width brackets and colons, since the break
detector calls :func:`starts_with_byline` and :func:`is_credit` on lines
before punctuation is normalised; digits must already be ASCII (width
folding runs first).
"""
from __future__ import annotations

import datetime as _dt
import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import regex

# --- vocabulary ---------------------------------------------------------------
#: Staff titles printed before a name; the alternation prefers the longest.
STAFF_ROLES = [
    "首席记者", "特约记者", "特派记者", "见习记者", "实习记者", "摄影记者", "全媒体记者",
    "融媒体记者", "记者", "实习生", "特约通讯员", "通讯员", "特约撰稿人", "特约撰稿", "撰稿人",
    "特约评论员", "评论员", "书评人", "作者", "读者",
]
#: Titles that also open running text (作者简介, 读者朋友): the names after
#: them must be no dictionary words.
WORDY_ROLES = frozenset(["作者", "读者"])
#: "This paper": the outlet is the one the manifest names for the file.
HOME_OUTLET = ("本报", "本刊", "本台", "本网")
#: A kind of paper, printed alone before 讯 as a paper names itself short
#: (``晚报讯``, ``快报讯``): it names no one paper, so it stands, as 本报
#: does, for the outlet the manifest names for the file (or none).
PAPER_KINDS = frozenset(["晚报", "晨报", "早报", "日报", "快报", "新报", "商报", "时报", "都市报", "周报",
                         "导报", "法制报", "青年报", "晚刊"])
#: Roles in credit lines (``摄影/…``, ``文/…``, ``（责任编辑：…）``).
CREDIT_ROLES = ["版式设计", "美术编辑", "图片编辑", "责任编辑", "美编", "校对", "版式", "组版", "照排", "摄影报道", "图片",
                "摄影", "文字", "撰文", "制图", "编辑", "责编", "报道", "图", "文", "摄"]
#: Credit roles of the page's production, never of one article: a credit
#: line naming one (``责任编辑：X 校对：Y``) is the page's footer.
PRODUCTION_ROLES = ["版式设计", "美术编辑", "美编", "校对", "版式", "组版", "照排"]
#: Credit role as printed -> the role recorded for its people.
CREDIT_ROLE_NAME = {"摄影报道": "摄影", "图片": "摄影", "摄": "摄影", "图": "摄影", "撰文": "文",
                    "文字": "文", "责编": "责任编辑"}
EDITOR_ROLES = ["责任编辑", "编辑", "责编"]
#: Words that end an outlet's name (报, 网, 社, 台, ...).
OUTLET_SUFFIX = ["日报", "晚报", "晨报", "时报", "商报", "快报", "新报", "周报", "导报", "都市报", "报",
                 "网", "社", "电视台", "广播电台", "电台", "台", "在线", "财经", "周刊", "刊", "杂志",
                 "新闻", "客户端"]
#: What a dateline ends with: 电 (wire), 讯 (news), and their longer forms
#: (报导 is 报道 as Taiwan and Hong Kong print it).
DATELINE_KIND = ["综合外电报道", "综合外电报导", "综合报道", "综合报导", "综合消息", "最新消息", "专电",
                 "专讯", "快讯", "电讯", "信息", "报道", "报导", "消息", "电", "讯"]
#: Kinds that make ``据X电`` a reprint byline; ``据X报道`` is the body
#: citing a source, unless a staff bracket follows.
WIRE_KIND = frozenset(["专电", "电讯", "电", "讯", "专讯"])
#: What may close a byline after its names: ``报道``, ``摄``, ``文/图``, ``发自上海``,
#: ``／花莲报导`` (a place, as Taiwan papers print it).
#: The words that close a byline with no place in them.
TAIL_WORDS = ["摄影报道", "联合报道", "综合报道", "综合整理", "报道", "报导", "摄影", "摄", "文/图", "图/文", "文图", "整理", "编译"]
_PLAIN_TAIL = rf"[/／]?(?:{'|'.join(TAIL_WORDS)})"
BYLINE_TAIL = (rf"(?:{_PLAIN_TAIL}|发自\p{{Han}}{{2,6}}"
               r"|[/／]\s*\p{Han}{2,6}?(?:报道|报导)|(?<=\s)\p{Han}{2,6}?(?:报道|报导))")

_CN_DIGITS = "〇○零一二三四五六七八九"
_CN_DIGIT_VALUE = {"〇": 0, "○": 0, "零": 0, **{c: i for i, c in enumerate("一二三四五六七八九", 1)}}


def _alt(words) -> str:
    return "|".join(regex.escape(w) for w in sorted(words, key=len, reverse=True))


_ROLE = rf"(?:(?:{_alt(HOME_OUTLET)})?(?:驻\p{{Han}}{{1,6}}?(?:特派|特约)?记者|{_alt(STAFF_ROLES)}))"
_SUFFIX = _alt(OUTLET_SUFFIX)
_KIND = _alt(DATELINE_KIND)
_LB, _RB, _COLON = "[（(〔]", "[）)〕]", "[:：]"
#: The bullets that set a byline or a column's writer apart (``□ 江舟``, ``■本报记者 王五``).
BULLETS = frozenset("□■●◆▲◎★☆◇")
_BULLET = "[" + "".join(sorted(BULLETS)) + "]"
#: An outlet nobody has listed: up to 12 letters ending like an outlet (an
#: optional leading number for ``21世纪…``); no digits inside, so a date is
#: never read as part of an outlet.
_OUTLET_GENERIC = rf"(?:\d{{1,3}})?[\p{{Han}}A-Za-z]{{1,12}}?(?:{_SUFFIX})"
_NAME = r"\p{Han}{2,4}|\p{Han}{1,6}(?:[·・]\p{Han}{1,8})+"
_NAME_SEP = regex.compile(r"[\s、，,;；/／●■□◆▲]+")
_HAN_NAME = regex.compile(_NAME)
# compiled once: the module-level regex functions look each pattern up anew
_OUTLET_GENERIC_RE = regex.compile(_OUTLET_GENERIC)
_HAN_RE = regex.compile(r"\p{Han}")
_HAN_RUN = regex.compile(r"\p{Han}+")
_HAN_2_4 = regex.compile(r"\p{Han}{2,4}")
_DATE = (rf"(?:(?P<year>\d{{4}}|[{_CN_DIGITS}]{{4}})年)?"
         rf"(?P<month>\d{{1,2}}|[{_CN_DIGITS}十]{{1,2}})月(?P<day>\d{{1,2}}|[{_CN_DIGITS}十]{{1,3}})日")


# --- data -----------------------------------------------------------------------
def _data_lines(name: str) -> list[str]:
    text = resources.files("cleaner").joinpath(f"data/{name}").read_text(encoding="utf-8")
    return [l.rstrip("\n") for l in text.splitlines() if l.strip() and not l.startswith("#")]


@lru_cache(maxsize=1)
def outlet_table() -> dict[str, str]:
    """Variant spelling -> canonical spelling, from ``data/outlets.tsv``."""
    table: dict[str, str] = {}
    for line in _data_lines("outlets.tsv"):
        canonical, _, variants = line.partition("\t")
        table[canonical.strip()] = canonical.strip()
        for v in filter(None, (v.strip() for v in variants.split("|"))):
            table[v] = canonical.strip()
    return table


@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """(single-character, compound) surnames from ``data/surnames.txt``."""
    names = [l.strip() for l in _data_lines("surnames.txt")]
    return frozenset(n for n in names if len(n) == 1), frozenset(n for n in names if len(n) > 1)


@lru_cache(maxsize=1)
def transcription_chars() -> frozenset[str]:
    """The characters that transcribe Tibetan, Uyghur, Kazakh and Mongolian
    names, from ``data/transcription.txt``."""
    return frozenset("".join(l.strip() for l in _data_lines("transcription.txt")))


@lru_cache(maxsize=1)
def places() -> frozenset[str]:
    """Places printed in datelines, from ``data/places.txt``."""
    return frozenset(l.strip() for l in _data_lines("places.txt"))


@lru_cache(maxsize=1)
def lead_openers() -> regex.Pattern:
    """What may open a lead right after a byline name (``data/lead_openers.txt``),
    digits and opening quotes included."""
    words = [w.strip() for w in _data_lines("lead_openers.txt")]
    return regex.compile(rf"(?:{_alt(words)}|\d|[“‘\"《（(])")


# --- regexes built from data ----------------------------------------------------------
@lru_cache(maxsize=1)
def _patterns() -> dict[str, regex.Pattern]:
    """The patterns that need the outlet table; built once, on first use."""
    known = _alt(o for o in outlet_table() if len(o) >= 2)
    outlet = rf"(?:{_alt(HOME_OUTLET)}|{known}|{_OUTLET_GENERIC})"
    dateline = regex.compile(
        rf"""^(?P<open>[【\[]\s*)?{_BULLET}?\s*(?P<per>[另又]?据)?(?:综合)?
        (?P<source>{outlet}(?:[、\-－/／]{outlet})?)
        (?:[·・](?:{outlet}|(?P<feed>[\p{{Han}}A-Za-z]{{1,8}}?)(?={_KIND})))?   # 证券时报·e公司讯: the paper's feed
        (?:{_LB}(?P<also>{outlet}){_RB})?
        (?:(?P<channel>\p{{Han}}{{2,6}}?)频道)?
        (?P<place>\p{{Han}}{{2,8}}?)??
        (?P<tag>\[[^\[\]\n]{{1,6}}\])?     # web debris: 中新社武夷山[图库]五月八日电
        (?:(?P<date>{_DATE})(?P<place2>\p{{Han}}{{2,6}}?)??|\d{{1,2}}日)?
        (?P<kind>{_KIND})
        (?:\s*[】\]])?""", regex.X)
    # staff printed first, closed by 报道 and a colon or comma: 人民网记者孙海涛报道：,
    # 东方网记者刘歆4月9日报道：, 本报记者张小三北京报道，
    staff_first = regex.compile(
        rf"^{_BULLET}?\s*(?P<staff>(?:{outlet})?\s*{_ROLE}.{{1,60}}?)\s*(?P<date>{_DATE})?"
        rf"\s*(?:报道|讯)(?:{_COLON}|[，,])?\s*")
    # the staff in brackets at the very start: （新文化报 记者 韩冰）
    staff_bracket = regex.compile(
        rf"^{_LB}(?P<staff>(?:{outlet})?(?:讯|电)?\s*{_ROLE}[^（）()\n]{{1,60}}){_RB}\s*{_COLON}?\s*")
    # an outlet followed straight by its staff: 荆楚网（楚天都市报）（记者 邹汉青）
    outlet_staff = regex.compile(
        rf"^(?P<source>{outlet})(?:{_LB}(?P<also>{outlet}){_RB})?(?={_LB}[^（）()\n]*?{_ROLE})")
    # a dateline in round brackets, its staff inside: （中央社记者王小明台北2日电）,
    # （中央社台北2日电）, （星岛日报报道）; the staff run and place are cut apart in code
    bracket_dateline = regex.compile(
        rf"""^{_LB}\s*(?P<per>据)?(?P<source>{outlet})
        (?:(?P<staff>{_ROLE}[^（）()\n\d]{{1,40}}?)|(?P<place>\p{{Han}}{{2,8}}?))??
        (?:(?P<date>{_DATE})|(?P<dayonly>\d{{1,2}})日)?
        (?P<kind>{_KIND})\s*{_RB}""", regex.X)
    # any name in lenticular brackets: 【eNet硅谷动力消息】, 【本报讯】
    bracketed = regex.compile(
        rf"^【\s*(?P<source>[^【】\s\d]{{2,12}}?)(?P<date>{_DATE})?(?P<kind>{_KIND})\s*】")
    return {"dateline": dateline, "bracketed": bracketed, "bracket_dateline": bracket_dateline,
            "staff_first": staff_first,
            "staff_bracket": staff_bracket,
            "outlet_staff": outlet_staff, "outlet": regex.compile(outlet)}


#: A place-only dateline (no outlet): ``武汉2月5日电`` then a space, bracket or colon.
PLACE_DATELINE = regex.compile(rf"^(?P<place>\p{{Han}}{{2,6}}?)(?P<date>{_DATE})电(?=\s|{_LB}|{_COLON})")
#: A place and its date in brackets, no outlet (``（莎阿南25日讯）``, ``（新山11月25日电）``):
#: Malaysian and Singapore papers open a lead so.
PLACE_BRACKET = regex.compile(
    rf"^{_LB}\s*(?P<place>\p{{Han}}{{2,6}}?)(?:(?P<date>{_DATE})|(?P<dayonly>\d{{1,2}})日)(?P<kind>专讯|专电|讯|电)\s*{_RB}")
#: The staff in brackets after a dateline: ``（记者 王五、赵六）``, after an
#: optional colon (``信息：（记者李泽兵）``).
STAFF_PAREN = regex.compile(rf"\s*{_COLON}?\s*{_LB}(?P<staff>[^（）()\n]{{1,80}}){_RB}\s*{_COLON}?")
#: A bracket that holds only an outlet (``（楚天都市报）``).
_ALSO_PAREN = regex.compile(rf"\s*{_LB}(?P<also>[\p{{Han}}A-Za-z]{{1,12}}(?:{_SUFFIX})){_RB}")
#: Staff inline after a dateline: `` 记者潘跃``, ``记者黄蔚山、通讯员连乐报道：``.
_STAFF_UNIT = rf"(?:{_OUTLET_GENERIC})?{_ROLE}\s*[/／]?\s*(?:{_NAME})(?:(?:\s*[、，,]\s*|\s+)(?:{_NAME}))*"
_STAFF_RUN = rf"{_STAFF_UNIT}(?:\s*{_STAFF_UNIT})*"
#: Closed by 报道, 摄, 发自X (and a colon): ``记者童福萍摄影报道：``.
STAFF_TAILED = regex.compile(rf"\s*{_COLON}?\s*(?P<staff>{_STAFF_RUN})\s*{BYLINE_TAIL}\s*{_COLON}?")
#: Closed by a space, punctuation or the end: `` 记者潘跃 ``.
STAFF_INLINE = regex.compile(rf"\s*{_COLON}?\s*(?P<staff>{_STAFF_RUN})(?=[\s，,。：:；;、】\]]|$)")
#: One name in a ``…报道：`` byline: as :data:`_NAME`, or two characters
#: letter-spaced to a three-character width (``王 雷``).
_REPORTED_NAME = rf"(?:{_NAME}|\p{{Han}}[ \u3000]\p{{Han}})"
_REPORTED_UNIT = rf"(?:{_OUTLET_GENERIC})?(?:{_ROLE}\s*)?{_REPORTED_NAME}"
#: Names joined by 、 or a comma (a role may follow a space), each perhaps
#: letter-spaced and perhaps after a role, closed by 报道 and a colon:
#: ``记者 李建文、特约通讯员 王 雷报道：``, ``刘 涛、见习记者 王紫薇报道：``
#: (a military paper's unit correspondent, no role, before its reporter).
#: Only this frame admits a name with no role after a dateline; the names
#: must still parse and start with a surname (:func:`_inline_names_ok`).
STAFF_REPORTED = regex.compile(
    rf"\s*(?P<staff>{_REPORTED_UNIT}(?:\s*[、，,]\s*{_REPORTED_UNIT}|\s+{_ROLE}\s*{_REPORTED_NAME})*)"
    rf"\s*(?:报道|报导){_COLON}")
#: How far past a dateline :data:`STAFF_REPORTED` may end: its cheap test.
REPORTED_SPAN = 48
#: Only the role, where the last name runs into the lead (cut in code).
_STAFF_OPEN = regex.compile(rf"\s*{_COLON}?\s*(?P<staff>{_STAFF_RUN})")
_REPORTER_RE = regex.compile(
    rf"^{_BULLET}?\s*(?P<staff>[^\n]{{0,24}}?{_ROLE}\s*[/／]?\s*\p{{Han}}[^\n]{{1,60}}?)"
    rf"\s*{BYLINE_TAIL}?\s*$")


#: Sentence punctuation and brackets: no staff run that :func:`parse_staff`
#: parses holds one, since none is Han, a middle dot or a name separator,
#: unless an outlet of ``data/outlets.tsv`` does (see :func:`_foreign_to_staff`).
_PUNCTUATION = "。！？“”《》（）()"


@lru_cache(maxsize=1)
def _foreign_to_staff() -> re.Pattern:
    """A character of _PUNCTUATION that no listed outlet holds: a line with
    one is no byline standing alone (whatever holds it is part of the staff
    run, which then cannot parse), so the costly pattern is skipped."""
    held = set("".join(outlet_table()))
    foreign = "".join(c for c in _PUNCTUATION if c not in held)
    return re.compile(f"[{re.escape(foreign)}]" if foreign else "(?!)")


class _ReporterLine:
    """A byline standing alone (``□本报记者 X``, ``记者 王五 赵六``,
    ``本报记者X发自上海``): the shape, and names that parse."""

    def match(self, text: str) -> regex.Match | None:
        if len(text) <= SPACED_NAME_MAX:
            m = _spaced_name(text)              # a pen name letter-spaced: 任 仲 平
            if m is not None:
                return m
        if text[:1] in BULLETS and len(text) <= 16:
            m = _BULLET_NAMES.match(text)       # a column's writer: □ 江舟
            if m is not None and names_alone(m.group("staff")):
                return m
        if len(text) <= NAMES_REPORTED_MAX and text.endswith(("报道", "报导")):
            m = _NAMES_REPORTED.match(text)     # names, then 报道: 林子豪 报道
            if m is not None and names_alone(m.group("staff")):
                return m
        if len(text) > 120 or not _ROLE_HINT_RE.search(text, 0, HINT_SPAN) or _foreign_to_staff().search(text):
            return None
        if len(text) <= 12:
            m = _UNSIGNED_STAFF.match(text)     # 本报评论员: the paper's own voice, no name
            if m is not None:
                return m
        m = _REPORTER_RE.match(text)
        return m if m and _inline_names_ok(m.group("staff")) else None


REPORTER_LINE = _ReporterLine()
_CREDIT_ALT = _alt(CREDIT_ROLES)
#: A credit line: ``摄影/…``, ``文/X 图/Y``, ``（责任编辑：X）``, ``本版责编：X``.
#: What a page-footer credit may put before its role: ``本版责编：X``.
#: What puts a credit in the page's scope, not the article's (``本版责编：X``).
PAGE_SCOPE_WORDS = ("本版", "本期", "本栏")
_SCOPE = f"(?:{'|'.join(PAGE_SCOPE_WORDS)})?"
CREDIT_SLASH = regex.compile(
    rf"^{_LB}?\s*{_SCOPE}(?P<role>{_CREDIT_ALT})\s*[/／:：]\s*(?P<who>[^/／()（）]{{1,40}}?"
    rf"(?:\s+{_SCOPE}(?:{_CREDIT_ALT})\s*[/／:：]\s*[^/／()（）]{{1,40}}?)*)\s*{_RB}?$")
#: What a page's footer may print after its people: a mail box, a phone.
CONTACT_WORDS = ["电子邮箱", "电子信箱", "邮箱", "信箱", "E-mail", "Email", "电话", "热线"]
_FOOTER_FIELD = (rf"(?:(?:{_CREDIT_ALT})[ \u3000]*{_COLON}?[ \u3000]*\p{{Han}}(?:[ \u3000]{{0,2}}\p{{Han}}){{1,3}}"
                 rf"|(?:{_alt(CONTACT_WORDS)})[ \u3000]*{_COLON}?[ \u3000]*[A-Za-z0-9._@\-]+)")
#: A page's footer of roles and names with or without colons, a contact
#: among them (``本版责任编辑 童 薇 美术编辑 邱 枫``, ``本版责任编辑 范 芳 邮箱
#: x@y.com``): a credit when :func:`page_scoped` (the page's scope or a
#: production role), which the colon-less form needs.
PAGE_FOOTER = regex.compile(rf"^{_SCOPE}{_FOOTER_FIELD}(?:[ \u3000]+{_SCOPE}{_FOOTER_FIELD})*$")
#: A reporter's e-mail address alone on its line, with no label (under
#: ``林子豪 报道``); a labelled one (``电子信箱：x@y.com``) is a notice's
#: contact, and stays in its text.
CONTACT_LINE = regex.compile(r"^[A-Za-z0-9._%+\-]+@[A-Za-z0-9\-]+(?:\.[A-Za-z0-9\-]+)+$")
#: ``记者 X 摄``, ``新华社记者陈凯摄``, ``记者 张越／摄``, ``新华社发（张三 摄）``.
CREDIT_TAKEN = regex.compile(
    rf"^(?:(?P<by>{_OUTLET_GENERIC})发\s*)?{_LB}?(?P<who>(?:{_OUTLET_GENERIC})?(?:{_ROLE})?\s*(?:{_NAME})(?:[\s、]+(?:{_NAME}))*)"
    rf"\s*[/／]?\s*(?P<role>摄影报道|摄影|摄){_RB}?$")
_CREDIT_PIECE = regex.compile(
    rf"(?P<role>{_CREDIT_ALT})\s*[/／:：]\s*(?P<who>[^/／()（）]+?)\s*(?=\s(?:{_CREDIT_ALT})\s*[/／:：]|{_RB}|$)")
EDITOR_NOTE = regex.compile(
    rf"^(?:[（(\[【]\s*(?P<role>{_alt(EDITOR_ROLES)})\s*{_COLON}?\s*(?P<who>[^（）()\[\]【】]{{1,30}}?)\s*[）)\]】]"
    rf"(?:\s*(?P<stamp>1\d\d[01]\d[0-3]\d))?"      # a wire's date stamp, Minguo year: （编辑：X）1151126
    rf"|(?P<role2>{_alt(EDITOR_ROLES)})\s*{_COLON}\s*(?P<who2>(?:{_NAME})(?:[\s、]+(?:{_NAME}))*))$")
#: A note on the author closing an article: ``（作者为某大学教授）``, ``（作者系…）``.
AUTHOR_NOTE = regex.compile(rf"^{_LB}\s*(?:本文)?作者(?:为|系|是|单位\s*{_COLON}|简介\s*{_COLON})[^（）()]{{1,80}}{_RB}$")
#: A credit closing a paragraph: ``…。（编辑 王五）``, ``…。（记者 张三 摄）``, and the
#: reporters' signature ``…。（本报记者 张三 通讯员 李四）``.
_NAMES = rf"(?:{_NAME})(?:[\s、]+(?:{_NAME}))*"
#: Up to three names of two or three characters, with no role: a brief's signature.
_BARE_NAMES = r"\p{Han}{2,3}(?:[\s、]+\p{Han}{2,3}){0,2}"
#: A byline of a staff title and no name: the paper's commentator.
_UNSIGNED_STAFF = regex.compile(rf"^{_BULLET}?\s*(?P<staff>(?:{_alt(HOME_OUTLET)})(?:特约)?评论员)\s*$")
#: A bullet and names alone, no role: a column's writer (``□ 江舟``); the
#: names must read as names alone (■ 现场, ● 高考 are headings).
_BULLET_NAMES = regex.compile(rf"^{_BULLET}\s*(?P<staff>{_BARE_NAMES})\s*$")
#: Names alone and then 报道 after a space, alone on the line under the
#: headline (``林子豪 报道``, Singapore papers); the names must read as
#: names alone.
_NAMES_REPORTED = regex.compile(rf"^(?P<staff>{_BARE_NAMES})[ \u3000]+(?:报道|报导)$")
#: The longest text :data:`_NAMES_REPORTED` matches: its cheap test.
NAMES_REPORTED_MAX = 20
#: A name of three characters letter-spaced to a column's width, alone on
#: its line after an optional bullet (``任 仲 平``): a pen name's byline.
_SPACED_NAME = regex.compile(rf"^(?:{_BULLET}[ \u3000]?)?(?P<staff>\p{{Han}}(?:[ \u3000]{{1,2}}\p{{Han}}){{2}})$")
#: The longest text :data:`_SPACED_NAME` matches (a bullet, a space, three
#: characters two spaces apart): the cheap test before it.
SPACED_NAME_MAX = 9


def _spaced_name(text: str) -> regex.Match | None:
    """:data:`_SPACED_NAME` of ``text`` when the name it spells reads as one
    (:func:`spaced_name_reads`); None otherwise.

    >>> _spaced_name("任 仲 平")["staff"], _spaced_name("编 者 按"), _spaced_name("目 录")
    ('任 仲 平', None, None)
    """
    if len(text) > SPACED_NAME_MAX or not (" " in text or "\u3000" in text):
        return None
    m = _SPACED_NAME.match(text)
    return m if m is not None and spaced_name_reads(_SPACES_RE.sub("", m["staff"])) else None


def spaced_name_reads(name: str) -> bool:
    """Whether three letter-spaced characters, put together, are a name:
    :func:`names_alone` reads them (a surname first, no dictionary word),
    the surname with the next character makes no word either (``高 考
    季``, ``周 末 版`` are headings), and the dictionary holds no name of
    the three (``张 家 界`` is a place it tags as a name).

    >>> spaced_name_reads("任仲平"), spaced_name_reads("高考季"), spaced_name_reads("张家界")
    (True, False, False)
    """
    return (names_alone(name) == [name] and (name[:2] in surnames()[1] or name[:2] not in _common_words())
            and name not in _named_entries())


#: A bullet and one word of two or three Han characters alone on the line
#: (``□ 木子``): a pen name's byline or a heading (``■ 现场``); which it
#: is, :func:`bullet_pen_name` and the line's place decide.
_BULLET_WORD = regex.compile(rf"^{_BULLET}[ \u3000]*(?P<name>\p{{Han}}{{2,3}})$")
#: A bullet and a two-character name letter-spaced to a three-character
#: width (``□ 林 远``), alone on the line.
_BULLET_SPACED = regex.compile(rf"^{_BULLET}[ \u3000]*(?P<name>\p{{Han}}[ \u3000]{{1,2}}\p{{Han}})$")
#: The longest stripped text :data:`_BULLET_WORD` or :data:`_BULLET_SPACED`
#: matches (a bullet, two spaces, a character, two spaces, a character): their cheap test.
BULLET_WORD_MAX = 7
#: The fewest counts in jieba's dictionary that make a word too common for
#: a pen name: the headings printed under bullets are common words (现场,
#: 声音, 链接: hundreds to thousands), the pen names in it rare (木子 7, 一丁 18).
PEN_WORD_MAX_COUNT = 20


def bullet_pen_name(line: str) -> str | None:
    """The pen name a bullet sets apart (``□ 木子`` -> ``木子``), read from the
    line's shape alone, or None. A name :func:`names_alone` reads
    (``□ 何秋生``) is one; a pen name need not start with a surname, so
    other words are one when :func:`pen_word_reads` (no common word, verb or
    preface label). A heading under a bullet (``■ 现场``, ``□ 小贴士``) is
    refused by the word; one that is no dictionary word (``■ 快评``) is
    not, so a caller keeps this for the place a pen name stands: alone under
    a headline and over the running text. In the dev corpus every bullet
    heading of two or three characters stands elsewhere (over a sub-heading,
    under a paragraph).

    A name letter-spaced to a three-character width (``□ 林 远``) is one
    only when :func:`names_alone` reads it (a surname, then no dictionary
    word but a name) and the dictionary counts it, as a name, fewer than
    :data:`PEN_WORD_MAX_COUNT` times: letter-spaced headings are common
    words (``■ 现 场``, ``■ 关 注``), some of which it tags as names
    (``温馨`` nr 335).

    >>> bullet_pen_name("□ 木子"), bullet_pen_name("□ 何秋生"), bullet_pen_name("■ 现场")
    ('木子', '何秋生', None)
    >>> bullet_pen_name("□ 林 远"), bullet_pen_name("■ 关 注"), bullet_pen_name("■ 温 馨"), bullet_pen_name("□ 晓 风")
    ('林远', None, None, None)
    """
    t = line.strip()
    if len(t) > BULLET_WORD_MAX or t[:1] not in BULLETS:
        return None
    m = _BULLET_WORD.match(t)
    if m is not None:
        name = m["name"]
        return name if names_alone(name) == [name] or pen_word_reads(name) else None
    m = _BULLET_SPACED.match(t)
    if m is None:
        return None
    name = _SPACES_RE.sub("", m["name"])
    entry = _dictionary_entry(name)
    return name if names_alone(name) == [name] and (entry is None or entry[0] < PEN_WORD_MAX_COUNT) else None


def pen_word_reads(word: str) -> bool:
    """Whether a word of two or three Han characters may be a pen name:
    no preface label (``按语``), and either not in jieba's dictionary
    (``晓风``) or a rare two-character word there (fewer than
    :data:`PEN_WORD_MAX_COUNT`) that is no verb (``木子`` n 7, ``一丁`` d 18;
    not ``短评`` v 17, ``现场`` n 4077, ``小贴士``: three characters and a
    word). Its tags for names are no help: it tags headings so (``须知`` nr,
    ``二中`` nrt) and pen names as nouns.

    >>> [pen_word_reads(w) for w in ("晓风", "木子", "一丁", "现场", "短评", "小贴士", "编前")]
    [True, True, True, False, False, False, False]
    """
    if PREFACE_LABEL.match(word):
        return False
    entry = _dictionary_entry(word)
    if entry is None:
        return True
    count, tag = entry
    return len(word) == 2 and count < PEN_WORD_MAX_COUNT and not tag.startswith("v")


@lru_cache(maxsize=4096)
def _dictionary_entry(word: str) -> tuple[int, str] | None:
    """(count, tag) of ``word`` in jieba's dictionary, or None when it is
    not there (or jieba is not installed). Asked of few lines (a bullet and
    a word), so the dictionary is read once and kept."""
    text = _kept_dictionary()
    if text is None:
        return None
    at = text.find(f"\n{word} ")
    if at < 0:
        return None
    fields = text[at + 1:text.find("\n", at + 1)].split(" ")
    return (int(fields[1]), fields[2]) if len(fields) == 3 and fields[1].isdigit() else None


@lru_cache(maxsize=1)
def _kept_dictionary() -> str | None:
    """:func:`_dictionary_text`, read once for :func:`_dictionary_entry`."""
    return _dictionary_text()


TRAILING_CREDIT = regex.compile(
    rf"(?<=[。！？”’…）)])\s*(?P<credit>{_LB}\s*(?:(?:{_alt(EDITOR_ROLES)})\s*{_COLON}?\s*{_NAMES}"
    rf"|(?:(?:(?!图片|由){_OUTLET_GENERIC})?{_ROLE})?\s*{_NAMES}\s*[/／]?\s*摄"
    rf"|(?:{_OUTLET_GENERIC})?{_ROLE}\s*{_NAMES}(?:\s+{_ROLE}\s*{_NAMES})*"
    rf"|(?P<bare>{_BARE_NAMES}))\s*{_RB}"     # a brief's signature: （彭湃）
    rf"|(?:{_OUTLET_GENERIC})?{_ROLE}\s*{_NAMES}\s*[/／]?\s*摄)$")
LIST_MARKER = regex.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、．.](?!\d)"
    r"|[①②③④⑤⑥⑦⑧⑨⑩]|[●◆■□▲△★☆◇○·•]|第[一二三四五六七八九十\d]{1,3}[，,、章节条部分]"
    r"|[⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽]|图\s*(?:[①②③④⑤⑥⑦⑧⑨⑩]|\d{1,2}\s*[:：]))")     # a numbered caption: 图①：…
_DATE_RE = regex.compile(_DATE)
#: Cheap tests that spare the full patterns on ordinary text: every
#: dateline holds 讯, 电, 报道, 报导, 消息 or 信息 (the kinds contain them); every
#: other byline a staff word; every credit one of 摄编图文责, 版式, 校对 or 作者. The byline
#: tests look at the first HINT_SPAN characters only, where bylines stand.
HINT_SPAN = 64
#: (Compiled with the standard library's ``re``: alternations of literal
#: words match alike there, at a third of the cost per call.)
_KIND_HINT_RE = re.compile(r"讯|电|报道|报导|消息|信息")
_ROLE_HINT_RE = re.compile(r"记者|通讯员|实习生|撰稿|评论员|书评人|作者|读者")
_BYLINE_HINT_RE = re.compile("|".join([_KIND_HINT_RE.pattern, _ROLE_HINT_RE.pattern, *sorted(BULLETS)]))
_CREDIT_HINT_RE = re.compile(r"[摄编图文责]|版式|校对|组版|照排|作者|报道|@")
_ROLE_RE = regex.compile(_ROLE)
_TAIL_RE = regex.compile(rf"(?:\s*{BYLINE_TAIL})+\s*$")
#: The tails that name no place: 报道, 摄, 文/图 alone.
_PLAIN_TAIL_RE = regex.compile(rf"(?:\s*{_PLAIN_TAIL})+\s*$")
#: Between the two outlets of a joint dateline (``新华社、中新社``).
_SOURCE_SEP = re.compile(r"[、\-－/／]")
_SUFFIX_END = regex.compile(rf"(?:{_SUFFIX})$")
_DOT = re.compile("[·・]")
_SUFFIX_START = regex.compile(rf"^(?:{_SUFFIX})")
#: A place never ends like an outlet, except in 台 (烟台, 邢台).
_PLACE_NOT_END = regex.compile(rf"(?:{_alt(s for s in OUTLET_SUFFIX if s != '台')})$")


@dataclass
class Byline:
    """What a byline, dateline or credit says."""
    text: str
    kind: str                         # dateline | reporter | credit | editor | unknown
    outlet: str | None = None         # as printed, before canonical mapping
    place: str | None = None
    authors: list[dict] = field(default_factory=list)
    year: int | None = None
    month: int | None = None
    day: int | None = None


# --- outlets ------------------------------------------------------------------
def canonical_outlet(printed: str | None, home: str | None = None) -> str | None:
    """One spelling per outlet; ``本报`` (this paper) becomes ``home``, as
    does a kind of paper printed alone (``晚报``, :data:`PAPER_KINDS`).

    >>> canonical_outlet("中国新闻网"), canonical_outlet("本报", "某日报"), canonical_outlet("本报")
    ('中新网', '某日报', None)
    >>> canonical_outlet("晚报"), canonical_outlet("晚报", "某城晚报"), canonical_outlet("某城晚报")
    (None, '某城晚报', '某城晚报')
    """
    if not printed:
        return None
    if printed in HOME_OUTLET or printed in PAPER_KINDS:
        return canonical_outlet(home) if home else None
    return outlet_table().get(printed, printed)


def is_outlet(text: str) -> bool:
    """Whether ``text`` reads as an outlet's name: listed, ``本报``, or up to
    twelve letters ending like one (报, 网, 社, 台, ...).

    >>> is_outlet("海峡都市报"), is_outlet("新华社"), is_outlet("张三"), is_outlet("南都")
    (True, True, False, True)
    """
    return (text in HOME_OUTLET or text in outlet_table()
            or bool(_OUTLET_GENERIC_RE.fullmatch(text)))


def split_source(source: str) -> tuple[str, str | None]:
    """Split a dateline's ``新华社北京`` into outlet and place.

    A listed outlet at the start wins; else the outlet ends at the first
    outlet suffix after which the rest reads as a place (a place neither
    starts nor ends like an outlet: ``广西新闻网|象州``, ``某城晚报正某城网``).

    >>> split_source("新华社北京"), split_source("中新浙江网"), split_source("本报北京")
    (('新华社', '北京'), ('中新浙江网', None), ('本报', '北京'))
    >>> split_source("广西新闻网象州"), split_source("齐鲁晚报烟台"), split_source("某城晚报正某城网")
    (('广西新闻网', '象州'), ('齐鲁晚报', '烟台'), ('某城晚报正某城网', None))
    """
    for home in HOME_OUTLET:
        if source.startswith(home):
            return home, source[len(home):] or None
    o = _listed_prefix(source)
    if o:
        return o, source[len(o):] or None
    for k in range(2, len(source) + 1):
        head, rest = source[:k], source[k:]
        if not _SUFFIX_END.search(head):
            continue
        if not rest or not (_SUFFIX_START.match(rest) or _PLACE_NOT_END.search(rest)):
            return head, rest or None
    return source, None


def _listed_prefix(source: str) -> str | None:
    """The longest outlet of ``data/outlets.tsv`` that ``source`` starts
    with: its prefixes looked up, longest first, instead of every outlet
    tried as a prefix.

    >>> _listed_prefix("中国新闻网北京"), _listed_prefix("某某")
    ('中国新闻网', None)
    """
    table = outlet_table()
    for k in range(min(len(source), _longest_outlet()), 0, -1):
        if source[:k] in table:
            return source[:k]
    return None


@lru_cache(maxsize=1)
def _longest_outlet() -> int:
    """Length of the longest spelling in ``data/outlets.tsv``."""
    return max(map(len, outlet_table()), default=0)


# --- names --------------------------------------------------------------------
def _starts_with_surname(s: str) -> bool:
    single, compound = surnames()
    return s[:1] in single or s[:2] in compound


def _plausible_name(token: str, need_surname: bool) -> bool:
    """One person's name as printed: 2-3 Han, 4 with a compound surname, or
    a transcribed name with a middle dot; never an outlet's name."""
    if "·" in token or "・" in token:     # a transcribed name, not two outlets (经济日报·中国经济网)
        return bool(_HAN_NAME.fullmatch(token)) and not any(
            len(part) > 2 and _SUFFIX_END.search(part) for part in _DOT.split(token))
    if not _HAN_2_4.fullmatch(token) or _SUFFIX_END.search(token) and len(token) > 2:
        return False
    if len(token) == 4:
        return token[:2] in surnames()[1]
    return _starts_with_surname(token) or not need_surname


def split_names(run: str, need_surname: bool = False) -> list[str] | None:
    """Split a run of names; None when any part is not one way only a name.

    Separators (spaces, 、, /) are the printer's; a run without them is cut
    into 2-3 character names each starting with a surname, and only when
    exactly one such cut exists. ``need_surname`` asks the same of names
    that stand alone (names with no role word before them).

    >>> split_names("王五、赵六"), split_names("叶卫兵王文婷"), split_names("某某某某某某某某某")
    (['王五', '赵六'], ['叶卫兵', '王文婷'], None)
    >>> split_names("张"), split_names("阿合买提江")   # one character; five with no cut
    (None, None)
    >>> split_names("次仁卓玛"), split_names("张三李四")   # a transcribed name; two Han names
    (['次仁卓玛'], ['张三', '李四'])
    """
    out: list[str] = []
    for token in _join_spaced(list(filter(None, _NAME_SEP.split(run)))):
        if not need_surname and transcribed(token):     # 次仁卓玛: one person, not two
            out.append(token)
            continue
        if _plausible_name(token, need_surname) and (len(token) <= 3 or "·" in token or "・" in token
                                                     or not _splittable(token)):
            out.append(token)
            continue
        parts = _split_run(token)
        if parts is None:
            return None
        out.extend(parts)
    return out or None


def transcribed(token: str) -> bool:
    """A name of four characters transcribed from Tibetan, Uyghur, Kazakh
    or Mongolian (``次仁卓玛``, ``阿依古丽``): every character is one of
    ``data/transcription.txt``, and it is no common word of the dictionary
    (``平平白白``) nor a listed place. Read only after a role word: a Han run
    of four is two names (``张三李四``).

    >>> transcribed("次仁卓玛"), transcribed("阿依古丽"), transcribed("张三李四"), transcribed("卓玛")
    (True, True, False, False)
    """
    if len(token) != 4:
        return False
    chars = transcription_chars()
    return (all(c in chars for c in token) and token not in _transcribed_words()
            and not _is_listed_place(token))


@lru_cache(maxsize=1)
def _transcribed_words() -> frozenset[str]:
    """Four-character words of jieba's dictionary written in the
    transcription characters alone that it tags as no proper noun
    (``哈哈哈哈``, ``平平白白``). Its proper nouns are kept out of the list
    (not tagged ``nr``, ``ns``, ``nz``): it tags many transcribed names as
    places (``顿珠次仁 ns``). Read only when a name of four such characters
    turns up."""
    text = _dictionary_text()
    chars = "".join(sorted(transcription_chars()))
    if text is None or not chars:
        return frozenset()
    return frozenset(re.findall(rf"\n([{re.escape(chars)}]{{4}}) \d+ (?!n[rsz])\S+(?=\n)", text))


def _join_spaced(tokens: list[str]) -> list[str]:
    """Two-character names printed with a space to fill a three-character
    width (``王 文``) become one name again: a lone surname and a lone
    character after it.

    >>> _join_spaced(["左渐晓", "余", "火"])
    ['左渐晓', '余火']
    """
    out: list[str] = []
    i = 0
    while i < len(tokens):
        t = tokens[i]
        if (len(t) == 1 and i + 1 < len(tokens) and len(tokens[i + 1]) == 1
                and t in surnames()[0] and _HAN_RE.match(tokens[i + 1])):
            out.append(t + tokens[i + 1])
            i += 2
            continue
        out.append(t)
        i += 1
    return out


def _splittable(token: str) -> bool:
    parts = _split_run(token)
    return parts is not None and len(parts) > 1


def _split_run(token: str) -> list[str] | None:
    """The one way to cut ``token`` into 2-3 character names (4 after a
    compound surname), each starting with a surname; None if there is no
    way or more than one.

    >>> _split_run("叶卫兵王文婷"), _split_run("欧阳明华"), _split_run("欧阳明华李四")
    (['叶卫兵', '王文婷'], ['欧阳明华'], None)
    """
    if not _HAN_RUN.fullmatch(token) or len(token) > 12:
        return None
    if _SUFFIX_END.search(token):   # 楚天都市报 is a paper, not 楚天 and 都市报
        return None
    ways: list[list[str]] = []

    def go(rest: str, acc: list[str]) -> None:
        if len(ways) > 1:
            return
        if not rest:
            ways.append(acc)
            return
        compound = surnames()[1]
        for n in (2, 3, 4):
            head = rest[:n]
            # a compound surname alone is no name (欧阳), and four characters are one after it (欧阳明华)
            if (len(head) == n and _starts_with_surname(head) and head not in compound
                    and (n < 4 or head[:2] in compound) and (len(rest) == n or len(rest) - n >= 2)):
                go(rest[n:], acc + [head])

    go(token, [])
    return ways[0] if len(ways) == 1 else None


def parse_staff(staff: str) -> tuple[str | None, list[dict]] | None:
    """``某城晚报首席记者 张三`` -> outlet and authors with roles.

    Text before the first role is an outlet when it reads as one, else names
    printed without a role. An outlet standing before a later role
    (``记者张军建、陕西台记者华林``) belongs to that role's people and is
    not a name. ``本报记者`` gives the outlet ``本报``. None when any name
    cannot be parsed: no author is better than a wrong one.

    >>> parse_staff("某某日报首席记者 张三 实习生 李四")
    ('某某日报', [{'name': '张三', 'role': '首席记者'}, {'name': '李四', 'role': '实习生'}])
    >>> parse_staff("记者 王五、赵六")
    (None, [{'name': '王五', 'role': '记者'}, {'name': '赵六', 'role': '记者'}])
    >>> parse_staff("楚天都市报") is None, parse_staff("张通杰记者祝庆庆")[1][0]
    (True, {'name': '张通杰', 'role': None})
    """
    staff = staff.strip(" :：")
    bare = _TAIL_RE.sub("", staff).strip(" :：")
    parsed = _parse_bare_staff(bare)
    if parsed is None:      # a name run into 报道 after a space (记者 何咏欣报道) is no place
        plain = _PLAIN_TAIL_RE.sub("", staff).strip(" :：")
        if plain != bare:
            parsed = _parse_bare_staff(plain)
    return parsed


def _parse_bare_staff(staff: str) -> tuple[str | None, list[dict]] | None:
    """:func:`parse_staff` of a staff run without its tail (报道, 摄, a place)."""
    roles = list(_ROLE_RE.finditer(staff))
    outlet = None
    authors: list[dict] = []
    head = staff[:roles[0].start()] if roles else staff
    head = head.strip(" :：、，,")
    if head:
        split = _split_head(head)
        if split is None:
            return None
        outlet, names = split
        authors += [{"name": n, "role": None} for n in names]
    for i, m in enumerate(roles):
        end = roles[i + 1].start() if i + 1 < len(roles) else len(staff)
        run = staff[m.end():end].strip(" :：/／、，,")
        role = m.group()
        for home in HOME_OUTLET:
            if role.startswith(home):
                role = role[len(home):]
                outlet = outlet or home
        if i + 1 < len(roles):   # an outlet naming the next role's paper
            tokens = [t for t in _NAME_SEP.split(run) if t]
            if tokens and len(tokens[-1]) > 2 and is_outlet(tokens[-1]):
                run = run[:run.rfind(tokens[-1])].strip(" 、，,")
        if not run:
            continue
        names = split_names(run)
        if names is None or role in WORDY_ROLES and any(n in _common_words() for n in names):
            return None     # 作者简介, 作者单位: words, not names
        authors += [{"name": n, "role": role} for n in names]
    if not authors:
        return None
    return outlet, authors


def _split_head(head: str) -> tuple[str | None, list[str]] | None:
    """What stands before the first role: an outlet, names with no role, or
    names then an outlet (``青吉好贾波四川在线``); None when it is neither.

    >>> _split_head("海峡都市报"), _split_head("张通杰"), _split_head("安阳")
    (('海峡都市报', []), (None, ['张通杰']), None)
    """
    if head[-1:] in "讯电" and is_outlet(head[:-1]):   # （新文化报讯 记者 韩冰）
        head = head[:-1]
    if is_outlet(head) and (len(head) <= 8 or head in outlet_table() or _two_outlets(head)):
        return head, []
    first, dot, _ = head.partition("·") if "·" in head else head.partition("・")
    if dot and is_outlet(first) and is_outlet(head[len(first) + 1:]):
        return first, []            # 经济日报·中国经济网: two outlets as one, the first named
    names = names_alone(head)
    if names:
        return None, names
    for k in range(2, len(head) - 2):
        if is_outlet(head[k:]):
            names = names_alone(head[:k])
            return (head[k:], names) if names else None
    return None


def _two_outlets(head: str) -> bool:
    """Whether ``head`` is a paper and its website or app printed as one
    (``青川都市报青川新闻网``): two outlets' names, each of three characters
    or more. A longer run is otherwise read as names then an outlet.

    >>> _two_outlets("青川都市报青川新闻网"), _two_outlets("青吉好贾波四川在线")
    (True, False)
    """
    return any(is_outlet(head[:k]) and is_outlet(head[k:]) for k in range(3, len(head) - 2))


def names_alone(run: str) -> list[str] | None:
    """Names printed with no role word before them: each must start with a
    surname and must not be a word of the dictionary other than a person's
    name (``安阳`` is a city, ``都市报`` a noun)."""
    names = split_names(run, need_surname=True)
    if not names or any(n in _common_words() for n in names):
        return None
    return names


def _entry_pattern(word: str) -> re.Pattern:
    """A ``word freq tag`` line of jieba's dictionary whose word matches
    ``word`` and whose tag is not a person's name (``nr``, ``nrt``, ...).
    The line's leading newline is the literal the ``re`` engine scans for,
    which is several times faster than trying every position for ``^``."""
    return re.compile(rf"\n({word}) \d+ (?!nr)\S+(?=\n)")


def _dictionary_text() -> str | None:
    """jieba's dictionary (MIT licence, read from the installed package),
    each line between newlines, or None without jieba."""
    import importlib.util
    import os
    spec = importlib.util.find_spec("jieba")
    if spec is None or not spec.origin:
        return None
    # bytes decoded at once cost half what a text-mode read does
    with open(os.path.join(os.path.dirname(spec.origin), "dict.txt"), "rb") as f:
        text = f.read().decode("utf-8")
    if "\r" in text:     # line ends as a text-mode read gives them
        text = text.replace("\r\n", "\n").replace("\r", "\n")
    return f"\n{text}\n"


@lru_cache(maxsize=1)
def _named_entries() -> frozenset[str]:
    """Three-character entries of jieba's dictionary that start with a
    surname and that it tags as a person's name: people famous enough to be
    in it, and places it takes for people (``张家界``). A letter-spaced
    line spelling one is a heading, not a column's pen name. Read only when
    such a line turns up."""
    text = _dictionary_text()
    single, compound = surnames()
    if text is None or not single:
        return frozenset()
    named = rf"[{''.join(map(re.escape, sorted(single)))}]\S{{2}}"
    if compound:
        named += rf"|(?:{'|'.join(map(re.escape, sorted(compound)))})\S"
    return frozenset(re.findall(rf"\n({named}) \d+ nr\S*(?=\n)", text))


@lru_cache(maxsize=1)
def _common_words() -> frozenset[str]:
    """Two- to four-character words of jieba's dictionary (MIT licence, read
    from the installed package) that it does not tag as a person's name.

    Only the words a name could be are kept: those that start with a
    surname (every name :func:`names_alone` asks about does, unless it
    holds a middle dot) and those with a middle dot. Skipping the other
    five sixths of the dictionary, and decoding the file at once, make the
    load about five times faster (some 45 ms).
    """
    text = _dictionary_text()
    if text is None:
        return frozenset()
    single, compound = surnames()
    # a single surname and 1-3 characters more, or a compound one and 0-2 more
    named = [rf"[{''.join(map(re.escape, sorted(single)))}]\S{{1,3}}"] if single else []
    if compound:
        named.append(rf"(?:{'|'.join(map(re.escape, sorted(compound)))})\S{{0,2}}")
    words = _entry_pattern("|".join(named)).findall(text) if named else []
    if "·" in text or "・" in text:
        words += (w for w in _entry_pattern(r"[^\s·・]*[·・]\S*").findall(text) if 2 <= len(w) <= 4)
    return frozenset(words)


# --- bylines ------------------------------------------------------------------
def match_dateline(text: str) -> regex.Match | None:
    """The dateline at the start of a paragraph, if it has one.

    >>> match_dateline("新华社北京9月20日电（记者 王五）").group("kind")
    '电'
    >>> [match_dateline(t) for t in ("据美国媒体3月31日报道，", "人民网记者孙海涛报道：", "据台湾媒体报道，")]
    [None, None, None]
    >>> match_dateline("一个举报电话牵出一串窝案"), match_dateline("新华社电 记者从…获悉").group("kind")
    (None, '电')
    """
    if not _KIND_HINT_RE.search(text, 0, HINT_SPAN):
        return None
    m = _patterns()["dateline"].match(text)
    if m is None:
        return None
    places = [m.group("place") or "", m.group("place2") or "", m.group("channel") or "", m.group("feed") or ""]
    if any(_ROLE_RE.search(p) or "据" in p for p in places) or m.group("source").startswith("据"):
        return None   # (据 opens no outlet: 据台湾媒体报道 is no station 据台)
    if m.group("per") and m.group("kind") not in WIRE_KIND and not _staff_paren(text, m.end()):
        return None   # 据X报道：the body citing a source
    if m.group("kind") == "电" and _DIAN_WORD.match(text, m.end()):
        return None   # 一个举报电 + 话…: 电 opens a word (电话, 电视), no wire's 电
    return m


#: What makes a word with a 电 that would close a dateline (电话, 电视, 电力 …).
_DIAN_WORD = re.compile(r"[话视脑影子力池梯网器站缆价费量商动竞邮源路压流]")


def _staff_paren(text: str, at: int) -> regex.Match | None:
    """A bracket of staff at ``at``: a role word, or names alone."""
    s = STAFF_PAREN.match(text, at)
    if s and (_ROLE_RE.search(s.group("staff")) or names_alone(s.group("staff"))):
        return s
    return None


def _after_dateline(text: str, end: int, opened: bool = False) -> tuple[int, str | None, str | None]:
    """(end, staff, second outlet) of what follows a dateline ending at
    ``end``; ``opened``: the dateline opened a bracket that closes after
    the staff (``【环球时报报道 记者 王晓明】``)."""
    if opened:
        end, staff, also = _after_dateline(text, end)
        return (end + 1 if text[end:end + 1] in ("】", "]") else end), staff, also
    also = None
    a = _ALSO_PAREN.match(text, end)
    if a and not _ROLE_RE.search(a.group("also")):
        also, end = a.group("also"), a.end()
    s = STAFF_PAREN.match(text, end)
    # a bracket with a role word is the byline's even when its names do not parse
    if s and (_ROLE_RE.search(s.group("staff")) or parse_staff(s.group("staff"))):
        return s.end(), s.group("staff"), also
    inline = inline_staff(text, end)
    if inline:
        return inline[0], inline[1], also
    return end, None, also


def inline_staff(text: str, at: int) -> tuple[int, str] | None:
    """(end, staff) of a staff run printed inline at ``at`` (no brackets).

    The run ends at a space or punctuation, at ``报道``/``摄``, or, when the
    last name runs straight into the lead, before a lead opener
    (``data/lead_openers.txt``) where exactly one cut gives names.

    >>> t = "本报北京5月9日讯 记者潘跃今天从红十字会获悉"
    >>> inline_staff(t, 9)
    (14, '记者潘跃')
    >>> inline_staff("新华社电记者从公安部获悉", 4) is None
    True
    """
    m = STAFF_TAILED.match(text, at)
    if m is None or not _inline_names_ok(m.group("staff")):
        m = _staff_reported(text, at)       # 刘 涛、见习记者 王紫薇报道：
    if m is None or not _inline_names_ok(m.group("staff")):
        m = STAFF_INLINE.match(text, at)
    if m and _inline_names_ok(m.group("staff")):
        return m.end(), m.group("staff")
    run = STAFF_INLINE.match(text, at)
    if run is not None:
        head = _named_head(run.group("staff"))
        if head is not None:
            return run.start("staff") + len(head), head
    m = _STAFF_OPEN.match(text, at)
    if not m:
        return None
    roles = list(_ROLE_RE.finditer(text, m.start("staff"), m.end()))
    start = roles[-1].end()
    while start < len(text) and text[start] in " /／":
        start += 1
    openers = lead_openers()
    cuts = [c for c in range(start + 2, min(start + 10, len(text)))
            if openers.match(text, c) and _inline_names_ok(text[m.start("staff"):c])]
    if len(cuts) != 1:
        return None
    return cuts[0], text[m.start("staff"):cuts[0]]


def _staff_reported(text: str, at: int) -> regex.Match | None:
    """:data:`STAFF_REPORTED` at ``at``, its names with no role naming no
    place (:func:`_roleless_names_ok`); None otherwise, or at once when no
    ``报道：`` follows within :data:`REPORTED_SPAN`."""
    if not _reported_within(text, at):
        return None
    m = STAFF_REPORTED.match(text, at)
    return m if m is not None and _roleless_names_ok(m.group("staff")) else None


def _roleless_names_ok(staff: str) -> bool:
    """The names printed with no role in a staff run name no place: none is
    a listed place, nor a name the dictionary counts :data:`PEN_WORD_MAX_COUNT`
    times or more (it tags places so, ``王府井`` nr 183, ``张家口`` nr 303;
    a reporter's name it holds at all is rare, ``张晓辉`` nr 3).

    >>> _roleless_names_ok("刘 涛、见习记者 王紫薇"), _roleless_names_ok("张晓辉"), _roleless_names_ok("王府井")
    (True, True, False)
    """
    parsed = parse_staff(staff)
    return parsed is not None and not any(a["role"] is None and _place_like(a["name"]) for a in parsed[1])


def _place_like(name: str) -> bool:
    """A listed place, or a name common in the dictionary (a place it tags so)."""
    entry = _dictionary_entry(name)
    return _is_listed_place(name) or entry is not None and entry[0] >= PEN_WORD_MAX_COUNT


def _reported_within(text: str, at: int) -> bool:
    """``报道：`` or ``报导：`` within :data:`REPORTED_SPAN` of ``at``: the
    cheap test before :data:`STAFF_REPORTED`."""
    end = min(len(text), at + REPORTED_SPAN)
    for word in ("报道", "报导"):
        k = text.find(word, at, end)
        if k >= 0 and text[k + 2:k + 3] in (":", "："):
            return True
    return False


def _named_head(staff: str) -> str | None:
    """The longest part of an inline staff run, ending before a space, whose
    names all parse: a lead set off by a space alone (``记者 陈晓 昨天，…``).

    >>> _named_head("记者 陈晓 昨天"), _named_head("记者 陈晓 通讯员 刘亮 昨天"), _named_head("记者 昨天")
    ('记者 陈晓', '记者 陈晓 通讯员 刘亮', None)
    """
    for space in reversed([m.start() for m in _SPACES_RE.finditer(staff)]):
        if _inline_names_ok(staff[:space]):
            return staff[:space]
    return None


_SPACES_RE = regex.compile(r"\s+")


def _inline_names_ok(staff: str) -> bool:
    """Staff printed without brackets parses, and every name in it starts
    with a surname: the bracket's evidence is missing, so the names must
    carry it (``记者到现场`` is not a byline)."""
    parsed = parse_staff(staff)
    return parsed is not None and all(
        _starts_with_surname(a["name"]) or "·" in a["name"] or "・" in a["name"] or transcribed(a["name"])
        for a in parsed[1])


def byline_end(text: str) -> int:
    """Length of the byline or dateline that opens a paragraph (0 if none).

    >>> t = "某某报讯（记者 张三） 日前，某地举行活动。"
    >>> t[:byline_end(t)]
    '某某报讯（记者 张三） '
    >>> byline_end("记者从自治区卫健委了解到，")
    0
    """
    return _opening(text)[0]


def _opening(text: str) -> tuple[int, str, regex.Match | None, str | None, str | None]:
    """(end, shape, match, staff, second outlet) of the byline opening ``text``."""
    if not _BYLINE_HINT_RE.search(text, 0, HINT_SPAN):   # most paragraphs: no byline word
        m = _spaced_name(text)          # but a pen name letter-spaced: 任 仲 平
        return (len(text), "reporter", m, m["staff"], None) if m else (0, "", None, None, None)
    p = _patterns()
    m = match_dateline(text)
    if m is not None:
        end, staff, also = _after_dateline(text, m.end(), bool(m.group("open")))
        return _skip_gap(text, end), "dateline", m, staff, also
    m = p["bracketed"].match(text) if text[:1] == "【" else None
    if m is not None and _ROLE_RE.search(m.group("source")):     # 【记者黄建豪/台中报导】: staff, no outlet
        return _skip_gap(text, m.end()), "reporter", m, m.group("source"), None
    if m is not None:
        end, staff, also = _after_dateline(text, m.end())
        return _skip_gap(text, end), "dateline", m, staff, also
    # each pattern below runs only if the literals it needs are there; the
    # staff shapes all need a role word (_ROLE_HINT_RE)
    staffed = _ROLE_HINT_RE.search(text) is not None
    m = p["outlet_staff"].match(text) if staffed and ("（" in text or "(" in text) else None
    if m is not None:
        s = STAFF_PAREN.match(text, m.end())
        if s:
            return _skip_gap(text, s.end()), "dateline", m, s.group("staff"), m.group("also")
    m = PLACE_DATELINE.match(text) if "电" in text[:24] else None    # 电 ends it by the 19th character
    if m is not None:
        end, staff, _ = _after_dateline(text, m.end())
        return _skip_gap(text, end), "place", m, staff, None
    m = p["bracket_dateline"].match(text) if _BRACKET_KIND_RE.match(text) else None
    if m is not None and not _ROLE_RE.search(m.group("place") or "") \
            and not (m.group("per") and m.group("kind") not in WIRE_KIND):   # （据X报道） cites
        return _skip_gap(text, m.end()), "bracket", m, None, None
    m = PLACE_BRACKET.match(text) if m is None and _BRACKET_KIND_RE.match(text) else None
    if m is not None and not _ROLE_RE.search(m.group("place")):
        return _skip_gap(text, m.end()), "place", m, None, None
    if not staffed:
        m = REPORTER_LINE.match(text) if text[:1] in BULLETS or text.endswith(("报道", "报导")) else None
        return (len(text), "reporter", m, m.group("staff"), None) if m else (0, "", None, None, None)
    for shape, may in (("staff_bracket", text[:1] in "（(〔"), ("staff_first", "报道" in text or "讯" in text)):
        m = p[shape].match(text) if may else None
        if m is not None and shape == "staff_bracket" and text[m.end():m.end() + 1] in _GOES_ON:
            m = None        # （作者X），… : the sentence goes on past the bracket
        if m is not None and _staff_and_place(m.group("staff"), shape) is not None:
            return m.end(), "reporter", m, m.group("staff"), None
    m = REPORTER_LINE.match(text)
    if m is not None:
        return len(text), "reporter", m, m.group("staff"), None
    return 0, "", None, None, None


def _staff_and_place(staff: str, shape: str) -> tuple[str, str | None] | None:
    """The staff run of a reporter byline as names, and a place printed
    straight after them before 报道 (``本报记者张小三北京报道``: a place of
    ``data/places.txt``, cut by :func:`cut_place`); None if neither reads.

    >>> _staff_and_place("本报记者张小三北京", "staff_first"), _staff_and_place("记者 王五", "staff_bracket")
    (('本报记者张小三', '北京'), ('记者 王五', None))
    >>> _staff_and_place("本报记者 张小三 北京", "staff_first")
    ('本报记者 张小三', '北京')
    >>> _staff_and_place("本报记者张小三某镇", "staff_first") is None
    True
    """
    if _inline_names_ok(staff):
        return staff, None
    if shape != "staff_first":
        return None
    cut, place = cut_place(staff.strip(), "报道")
    return (cut, place) if cut and place else None


def _skip_gap(text: str, end: int) -> int:
    """Past the spaces and the colon or comma that part a byline from the
    lead (``据新华社电，4月7日…``): they close the byline, so the body
    does not open with a comma."""
    while end < len(text) and text[end] in " \t:：，,":
        end += 1
    return end


def parse_byline(text: str) -> Byline:
    """Parse a byline, dateline, credit or editor's note as printed.

    >>> b = parse_byline("新华社北京9月20日电（记者 王五、赵六）")
    >>> b.outlet, b.place, b.month, b.day, [a["name"] for a in b.authors]
    ('新华社', '北京', 9, 20, ['王五', '赵六'])
    >>> parse_byline("摄影/某某晚报记者 张三").authors
    [{'name': '张三', 'role': '摄影'}]
    >>> parse_byline("李思远").authors, parse_byline("城市更新").authors
    ([{'name': '李思远', 'role': None}], [])
    """
    text = text.strip()
    if AUTHOR_NOTE.match(text):
        return Byline(text, "editor")
    for pattern, kind in ((EDITOR_NOTE, "editor"), (CREDIT_SLASH, "credit"), (CREDIT_TAKEN, "credit")):
        m = pattern.match(text)
        if m:
            return _parse_credit(text, kind, m)
    end, shape, m, staff, also = _opening(text)
    if not shape:
        bare = _BARE_SIGNATURE.match(text)
        names = names_alone(bare.group("who")) if bare else None
        if names:           # a brief's signature, names alone in brackets: （彭湃 李可）
            return Byline(text, "credit", authors=[{"name": n, "role": None} for n in names])
        names = names_alone(text) if NAMES_LINE.match(text) else None
        if names:           # names alone on a line the articles stage made a byline: 李思远
            return Byline(text, "reporter", authors=[{"name": n, "role": None} for n in names])
        pen = bullet_pen_name(text) if text[:1] in BULLETS else None
        if pen:             # a pen name under a bullet the articles stage made a byline: □ 木子
            return Byline(text, "reporter", authors=[{"name": pen, "role": None}])
        return Byline(text, "unknown")
    b = Byline(text, "reporter" if shape == "reporter" else "dateline")
    if shape == "dateline":
        b.outlet, b.place = _dateline_source(m)
    elif shape == "place":
        b.place = m.group("place")
        b.day = int(m.group("dayonly")) if m.groupdict().get("dayonly") else None
    elif shape == "bracket":
        b.outlet, b.place, staff = _bracket_parts(m)
        b.day = int(m.group("dayonly")) if m.group("dayonly") else None
    if shape in ("dateline", "place", "bracket") and "month" in m.groupdict() and m.group("month"):
        b.year, b.month, b.day = _date_parts(m)
    if shape == "reporter" and m.re is _SPACED_NAME:         # 任 仲 平: one pen name, no role
        b.authors = [{"name": _SPACES_RE.sub("", staff), "role": None}]
        return b
    if shape == "reporter" and m.re is _NAMES_REPORTED:     # 林子豪 报道: names, who reported
        b.authors = [{"name": n, "role": "报道"} for n in names_alone(staff)]
        return b
    if shape == "reporter" and m.re is _UNSIGNED_STAFF:      # 本报评论员: this paper, no name
        b.outlet = next(h for h in HOME_OUTLET if staff.startswith(h))
        return b
    if shape == "reporter" and staff:
        staff, b.place = _staff_and_place(staff, "staff_first")
        if b.place is None:
            b.place = tail_place(text[:end] if end else text)
            if b.place and staff.rstrip().endswith(b.place):    # 记者林志明/花莲 + 报道: no name 花莲
                staff = staff.rstrip()[:-len(b.place)].rstrip(" /／")
    if staff:
        parsed = parse_staff(staff)
        if parsed:
            inner, b.authors = parsed
            b.outlet = inner if inner and inner not in HOME_OUTLET else (b.outlet or inner)
    if b.month is None and shape == "reporter" and "date" in m.groupdict() and m.group("date"):
        d = _DATE_RE.search(m.group("date"))
        b.year, b.month, b.day = _date_parts(d)
    return b


#: An editor's preface under a headline (``编者按：…``, ``【编者的话】…``): printed
#: before the byline, it belongs to the article the byline opens.
PREFACE_WORDS = "编者按|编者的话|编者注|编前语|编前|按语"
#: The words perhaps letter-spaced, and wholly letter-spaced (``编 者 按``),
#: as a label may be printed: so spaced, a label needs no colon.
_PREFACE_SPACED = "|".join(r"\s*".join(w) for w in PREFACE_WORDS.split("|"))
_PREFACE_LETTER_SPACED = "|".join(r"\s+".join(w) for w in PREFACE_WORDS.split("|"))
PREFACE = re.compile(rf"\s*(?:[【\[（(]\s*(?:{PREFACE_WORDS})\s*[】\]）)]|(?:{PREFACE_WORDS})\s*[:：]"
                     rf"|{_PREFACE_LETTER_SPACED})")
#: A preface's label alone on its line, perhaps letter-spaced (``编 者 按``,
#: ``【编者的话】``, ``编者按：``): the paragraphs under it are the preface.
PREFACE_LABEL = re.compile(rf"\s*[【\[（(]?\s*(?:{_PREFACE_SPACED})\s*[】\]）)]?\s*[:：]?\s*$")
#: Names alone on a line: one to three of two to four Han characters (read
#: by :func:`names_alone`), an opinion piece's byline under its headline.
NAMES_LINE = regex.compile(r"^\p{Han}{2,4}(?:[ \t\u3000、]+\p{Han}{2,4}){0,2}$")
#: Names alone in brackets: a brief's signature (read by :func:`names_alone`).
_BARE_SIGNATURE = regex.compile(rf"^{_LB}\s*(?P<who>{_BARE_NAMES})\s*{_RB}$")
#: Punctuation after a bracket that says the sentence goes on past it.
_GOES_ON = frozenset("，,、")


def signed_by_role(text: str) -> bool:
    """Whether a paragraph closes with a signature that names a role
    (``…。（记者 张三）``); names alone (``…。（彭湃）``) may be a quote's source.

    >>> signed_by_role("完工。（记者 张三）"), signed_by_role("完工。（彭湃）"), signed_by_role("完工。")
    (True, False, False)
    """
    start = trailing_credit(text)
    return start < len(text) and _ROLE_RE.search(text, start) is not None


def page_scoped(credit: str) -> bool:
    """A credit that names the page's people, not the article's: the page's
    scope before its role (``本版责任编辑：X``, ``（本期编辑：X）``), or a
    production role in it (``责任编辑：X 校对：Y``, ``版式：Z``), which no
    article credits, or an editor's name letter-spaced to a footer's field
    (``责任编辑：韩 梅``: a printed page's layout; asked before the name is
    closed up). An editor alone (``（责任编辑：王五）``, ``编辑：王五``) is
    the article's, as web and wire copy print it under each story (in the
    dev corpus none of them letter-spaces the name).

    >>> page_scoped("本版责任编辑：郑凯　校对：何平"), page_scoped("责任编辑：孙立 校对：何敏")
    (True, True)
    >>> page_scoped("责任编辑：韩 梅"), page_scoped("责任编辑 韩　梅")
    (True, True)
    >>> page_scoped("（责任编辑：王五）"), page_scoped("编辑：王五"), page_scoped("记者 张三 摄")
    (False, False, False)
    """
    return _PAGE_SCOPE.match(credit) is not None or _PRODUCTION_RE.search(credit) is not None \
        or (" " in credit or "\u3000" in credit) and _EDITOR_SPACED.match(credit) is not None


_PAGE_SCOPE = re.compile(rf"[\s（(【\[]*(?:{'|'.join(PAGE_SCOPE_WORDS)})")
_PRODUCTION_RE = re.compile("|".join(PRODUCTION_ROLES))
#: An editor's credit, unbracketed, whose two-character name is
#: letter-spaced (``责任编辑：韩 梅``): a page footer's field.
_EDITOR_SPACED = regex.compile(
    rf"^(?:{_alt(EDITOR_ROLES)})[ \u3000]*{_COLON}?[ \u3000]*\p{{Han}}[ \u3000]{{1,2}}\p{{Han}}(?:[ \u3000]|$)")


def tail_place(byline: str) -> str | None:
    """The place a reporter line names after the names: ``发自上海``,
    ``／花莲报导``, or a place of ``data/places.txt`` set apart by a space
    (`` 北京报道``; after a space a name may stand as well: `` 陈家明报道``).

    >>> tail_place("本报记者 张弛 发自上海"), tail_place("记者林志明/花莲报导"), tail_place("（记者 王五 北京报道）")
    ('上海', '花莲', '北京')
    >>> tail_place("记者 王五 赵六"), tail_place("记者 张三 摄影报道"), tail_place("记者 陈家明报道：")
    (None, None, None)
    """
    m = _TAIL_PLACE.search(byline.rstrip(" ：:，,）)〕】"))
    if m is None or m["place"] in _NO_PLACE or m["spaced"] is not None and m["place"] not in places():
        return None
    return m["place"]


_TAIL_PLACE = regex.compile(
    r"(?:发自(?P<place>\p{Han}{2,6})|(?:[/／]\s*|(?<=\s)(?P<spaced>))(?P<place>\p{Han}{2,6}?)(?:报道|报导))$")
#: What stands before 报道 without being a place.
_NO_PLACE = frozenset(["摄影", "联合", "综合"])


def _dateline_source(m: regex.Match) -> tuple[str | None, str | None]:
    """Outlet and place of a dateline match (first outlet of ``A、B``)."""
    groups = m.groupdict()
    source = groups["source"]
    parts = _SOURCE_SEP.split(source)
    place = groups.get("place") or ""
    outlet, place_from_source = split_source(parts[0] + (place if len(parts) == 1 else ""))
    if len(parts) > 1:
        _, place_from_source = split_source(parts[-1] + place)
    return outlet, place_from_source or (groups.get("place2") or None)


def _bracket_parts(m: regex.Match) -> tuple[str | None, str | None, str | None]:
    """Outlet, place and staff of a bracketed dateline match
    (``（中央社记者王小明台北2日电）``): a place printed right after the
    staff is cut from it by :func:`cut_place`."""
    outlet, place = split_source(m.group("source") + (m.group("place") or ""))
    staff = m.group("staff")
    if staff:
        staff, place = cut_place(staff.strip(), m.group("kind"))
    return outlet, place, staff


def cut_place(staff: str, kind: str) -> tuple[str | None, str | None]:
    """(staff, place) of a bracketed dateline's staff run, where the last
    name runs straight into the place (``记者王小明台北``).

    The run is cut where what follows is a place of ``data/places.txt`` and
    what precedes reads as names (each starting with a surname), and only
    if exactly one cut does. With no listed place, a wire dateline (电)
    leaves both unread, since its place cannot be told from a name; a
    staff bracket closed by 报道 or 讯 prints no place and is all names.

    >>> cut_place("记者王小明台北", "电"), cut_place("记者王小明、李大同华盛顿", "专电")
    (('记者王小明', '台北'), ('记者王小明、李大同', '华盛顿'))
    >>> cut_place("记者王小明某镇", "电"), cut_place("记者 王五", "报道")
    ((None, None), ('记者 王五', None))
    """
    role = _ROLE_RE.match(staff)
    if role is None:
        return None, None
    # (a cut either side of a space gives the same parts: counted once)
    cuts = list(dict.fromkeys((staff[:k].rstrip(" "), staff[k:].strip(" "))
                              for k in range(role.end() + 2, len(staff) - 1)
                              if _is_listed_place(staff[k:].strip(" ")) and _inline_names_ok(staff[:k])))
    if cuts:
        return cuts[0] if len(cuts) == 1 else (None, None)
    if kind not in WIRE_KIND and _inline_names_ok(staff):
        return staff, None
    return None, None


def _is_listed_place(text: str) -> bool:
    """A place of ``data/places.txt``, also with 市 or 县 after it."""
    listed = places()
    return text in listed or text[-1:] in "市县" and text[:-1] in listed


def _parse_credit(text: str, kind: str, m: regex.Match) -> Byline:
    groups = m.groupdict()
    role = groups.get("role") or groups.get("role2")
    b = Byline(text, kind)
    both = _TEXT_AND_PHOTO.match(text) if m.re is CREDIT_SLASH else None
    if both:    # 文/图 记者 孙琪: one person wrote and photographed; the credit's role, as 摄影/… gives
        who = text[both.end():].rstrip("）)").strip()
        parsed = parse_staff(who) or _names_only(who)
        if parsed is not None:
            b.outlet, people = parsed
            b.authors = [{"name": a["name"], "role": "文/图"} for a in people]
        return b
    if m.re is CREDIT_SLASH:   # one or more ``role/who``: 文/王五 图/赵六
        for piece in _CREDIT_PIECE.finditer(text):
            parsed = parse_staff(piece.group("who")) or _names_only(piece.group("who"))
            if parsed is None:
                return Byline(text, kind)   # all or nothing: never half the people
            outlet, people = parsed
            b.outlet = b.outlet or outlet
            r = CREDIT_ROLE_NAME.get(piece.group("role"), piece.group("role"))
            b.authors += [{"name": a["name"], "role": r} for a in people]
        return b
    who = (groups.get("who") or groups.get("who2") or "").strip()
    role = CREDIT_ROLE_NAME.get(role, role)
    parsed = parse_staff(who) or _names_only(who)
    if parsed:
        b.outlet, people = parsed
        b.authors = [{"name": a["name"], "role": role} for a in people]
    b.outlet = b.outlet or groups.get("by")      # 新华社发（张三 摄）: the agency that sent it
    stamp = groups.get("stamp")
    if stamp:                   # 1151126: year 115 of the Minguo calendar (1911 + 115), November 26
        b.year, b.month, b.day = 1911 + int(stamp[:3]), int(stamp[3:5]), int(stamp[5:])
    return b


#: ``文/图`` and its spellings opening a credit: text and photos by the same people.
_TEXT_AND_PHOTO = regex.compile(rf"^{_LB}?\s*(?:文\s*[/／]\s*图|图\s*[/／]\s*文|文图|图文)\s*[/／:：]?\s*")


def _names_only(who: str) -> tuple[None, list[dict]] | None:
    """People credited with no role word before them (``文/王五``)."""
    names = split_names(who)
    return (None, [{"name": n, "role": None} for n in names]) if names else None


def is_credit(text: str) -> bool:
    """A photo credit, ``文/…`` line or editor's note standing on its own."""
    t = text.strip()
    if len(t) > 120 or not credit_shaped(t) or not _CREDIT_HINT_RE.search(t):
        return False
    return is_note(t) or bool(CREDIT_SLASH.match(t) or CREDIT_TAKEN.match(t)) or page_footer(t) \
        or CONTACT_LINE.match(t) is not None


#: The gap inside a two-character name letter-spaced to a three-character
#: width after a credit's role or colon (``校对：何 敏``, ``美术编辑 邱 枫``).
_SPACED_CREDIT_NAME = regex.compile(
    rf"(?<=(?:{_CREDIT_ALT}|{_COLON}|[/／])[ \u3000]*\p{{Han}})[ \u3000]{{1,2}}(?=\p{{Han}}(?:[ \u3000]|$))")


def spaced_credit_names(credit: str) -> list[tuple[int, int, str]]:
    """Changes that close up the two-character names a credit letter-spaces
    (``责任编辑：孙 立 校对：何 敏`` -> ``责任编辑：孙立 校对：何敏``), so that every
    name of a credit is printed alike; a space between names or fields stays.

    >>> from cleaner.edits import apply
    >>> apply(spaced_credit_names, "责任编辑：孙立 校对：何 敏"), apply(spaced_credit_names, "本版责任编辑 童 薇 美术编辑 邱 枫")
    ('责任编辑：孙立 校对：何敏', '本版责任编辑 童薇 美术编辑 邱枫')
    >>> apply(spaced_credit_names, "编辑：王五 赵六"), apply(spaced_credit_names, "记者 张三 摄")
    ('编辑：王五 赵六', '记者 张三 摄')
    """
    if " " not in credit and "\u3000" not in credit:
        return []
    return [(m.start(), m.end(), "") for m in _SPACED_CREDIT_NAME.finditer(credit)]


def page_footer(text: str) -> bool:
    """A page's footer credit in any of its forms (:data:`PAGE_FOOTER`).

    >>> page_footer("本版责任编辑 童 薇 美术编辑 邱 枫"), page_footer("本版责任编辑 范 芳 邮箱 kj@x.com")
    (True, True)
    >>> page_footer("责任编辑 王五"), page_footer("本版责任编辑：王五"), page_footer("本版文章均为原创")
    (False, True, False)
    """
    return page_scoped(text) and PAGE_FOOTER.match(text) is not None


def is_note(text: str) -> bool:
    """An editor's or author's note (``（责任编辑：王五）``, ``（作者为某大学教授）``): the
    last thing an article prints, and never its byline.

    >>> is_note("（作者系某大学教授）"), is_note("（责任编辑：王五）"), is_note("记者 张三 摄")
    (True, True, False)
    """
    t = text.strip()
    return bool(EDITOR_NOTE.match(t) or AUTHOR_NOTE.match(t))


def starts_with_byline(text: str) -> bool:
    """Whether a raw line opens with a dateline, or is a byline or credit."""
    t = text.strip()
    return bool(match_dateline(t) or REPORTER_LINE.match(t) or is_credit(t))


#: A first bracket closed by a dateline kind: the cheap test before the
#: bracketed-dateline pattern (which tries every outlet).
_BRACKET_KIND_RE = re.compile(rf"[（(][^（）()\n]{{1,60}}?(?:{_KIND_HINT_RE.pattern})\s*[）)]")


def may_open_byline(text: str) -> bool:
    """A cheap first test for hot loops: False means :func:`byline_end` is 0
    and neither :func:`match_dateline` nor :data:`REPORTER_LINE` matches (no
    byline word in the first ``HINT_SPAN`` characters, and no short spaced
    text that may be a letter-spaced pen name); True settles nothing.

    >>> may_open_byline("记者从自治区卫健委了解到，"), may_open_byline("日前，某地举行活动。")
    (True, False)
    >>> may_open_byline("任 仲 平")       # a letter-spaced pen name holds no byline word
    True
    """
    return _BYLINE_HINT_RE.search(text, 0, HINT_SPAN) is not None or (
        len(text) <= SPACED_NAME_MAX and (" " in text or "\u3000" in text))


def opening_shape(text: str) -> tuple[int, str]:
    """:func:`byline_end` of ``text`` and which pattern found the opening,
    so that callers asking several questions of one line pay for the
    opening patterns once: ``""`` none (then neither :func:`match_dateline`
    nor :data:`REPORTER_LINE` matches, since the opening tries the one first
    and the other last), ``"dateline"`` :func:`match_dateline`, ``"line"``
    :data:`REPORTER_LINE` (the whole text), ``"other"`` a later shape
    (:func:`match_dateline` failed; :data:`REPORTER_LINE` was not tried).

    >>> opening_shape("新华社北京9月20日电（记者 王五）会议开幕。"), opening_shape("本报记者 王五")
    ((18, 'dateline'), (7, 'line'))
    >>> opening_shape("（新文化报 记者 韩冰）日前"), opening_shape("记者从自治区卫健委了解到，")
    ((12, 'other'), (0, ''))
    """
    end, shape, m, *_ = _opening(text)
    if not shape:
        return end, ""
    if m.re is _patterns()["dateline"]:
        return end, "dateline"
    if m.re is _REPORTER_RE:
        return end, "line"
    return end, "other"


#: Characters a byline standing alone never ends with: every opening ends
#: in a letter, a bracket, a colon or a space, and none of these can be part
#: of a name (they are neither Han, a middle dot nor a name separator).
SENTENCE_END = "。！？!?”’…"


def may_be_byline_alone(text: str) -> bool:
    """A cheap first test: False means :func:`is_byline_alone` is False for
    stripped ``text`` (it ends like a sentence: ``本报记者 王五。``); True
    settles nothing.

    >>> may_be_byline_alone("本报记者 王五。"), may_be_byline_alone("本报记者 王五")
    (False, True)
    """
    return not text or text[-1] not in SENTENCE_END


def is_byline_alone(text: str, shape: tuple[int, str] | None = None) -> bool:
    """Whether stripped ``text`` is a byline or dateline and nothing more:
    :data:`REPORTER_LINE` matches it, or the opening :func:`byline_end`
    finds runs to its end. ``shape`` is its :func:`opening_shape` when
    already known.

    >>> is_byline_alone("本报记者 王五"), is_byline_alone("新华社北京9月20日电（记者 王五）")
    (True, True)
    >>> is_byline_alone("新华社北京9月20日电（记者 王五）会议开幕。")
    False
    """
    end, kind = shape or opening_shape(text)
    if not kind:
        return False
    if kind == "line" or end > 0 and not text[end:].strip():
        return True
    return REPORTER_LINE.match(text) is not None


def starts_with_byline_shaped(text: str, shape: tuple[int, str]) -> bool:
    """:func:`starts_with_byline` of stripped ``text`` whose
    :func:`opening_shape` is ``shape``, without matching again what the
    opening already matched.

    >>> t = "记者 张三 摄"
    >>> starts_with_byline_shaped(t, opening_shape(t)), starts_with_byline(t)
    (True, True)
    """
    kind = shape[1]
    if kind in ("dateline", "line"):
        return True
    if kind == "other" and REPORTER_LINE.match(text):
        return True
    return may_be_credit(text) and is_credit(text)


#: The last characters a credit standing alone may end with when it holds
#: no slash or colon: ``摄`` (``摄影``, ``摄影报道``) or a closing bracket.
_CREDIT_LAST = "摄影道）)]】〕"


def credit_shaped(text: str) -> bool:
    """A cheap first test on stripped ``text``: False means :func:`is_credit`
    is False. Every credit holds a slash or colon after its role
    (``摄影/…``, ``责任编辑：…``), ends like one (``…摄``, ``（…）``) or is a
    page's footer (:func:`page_scoped`: ``本版责任编辑 童 薇``), or holds an
    e-mail address (:data:`CONTACT_LINE`).

    >>> credit_shaped("记者 张三 摄"), credit_shaped("文/王五"), credit_shaped("日前，某地举行活动。")
    (True, True, False)
    """
    return text[-1:] in _CREDIT_LAST or "/" in text or "／" in text \
        or ":" in text or "：" in text or "@" in text or page_scoped(text)


def may_be_credit(text: str) -> bool:
    """A cheap first test: False means :func:`is_credit` is False (none of
    ``摄编图文责``, ``版式``, ``校对``, ``作者``); True settles nothing.

    >>> may_be_credit("记者 张三 摄"), may_be_credit("日前，某地举行活动。")
    (True, False)
    """
    return _CREDIT_HINT_RE.search(text) is not None


#: Honorifics printed right before a name (Malaysian titles: ``拿督林国华``).
HONORIFICS = ["拿督斯里", "丹斯里", "拿督", "拿汀", "敦"]
#: Offices and professions printed before a name in running text (``局长张三表示``, ``站长王立新说``).
OFFICE_TITLES = ["副教授", "教授", "研究员", "副主任", "主任", "副局长", "局长", "处长", "科长", "书记", "院长",
                 "校长", "总经理", "经理", "总监", "董事长", "总裁", "主席", "部长", "市长", "县长", "区长",
                 "镇长", "村长", "厅长", "省长", "医生", "医师", "老师", "律师", "队长", "教练", "会长",
                 "秘书长", "发言人", "负责人", "工程师", "博士", "专家", "站长", "所长", "馆长", "园长", "店长",
                 "行长", "社长", "组长", "教师", "民警", "司机"]
#: A team's positions and roles printed before a player's name (``前锋李四头球破门``).
SPORTS_POSITIONS = ["主教练", "主帅", "前锋", "后卫", "中锋", "门将", "队员", "球员", "选手", "运动员"]
#: Who a person is to the story, printed before the name of one quoted
#: (``村民王五说``, ``网友赵六留言``). Not 学生: a headline may end ``…比学生高``.
PERSON_LABELS = ["村民", "居民", "市民", "游客", "患者", "家长", "网友", "志愿者"]
#: What may stand right before a name in running text, so that a line ending
#: with one of them and a lone surname is a name the break cut (:func:`cut_name`).
JOB_TITLES = [*OFFICE_TITLES, *SPORTS_POSITIONS, *PERSON_LABELS, *HONORIFICS]
#: A staff title, a credit role, a job title, a bullet opening the line
#: (``□ 鲁``) or two credit roles opening it (``文/图 周``), then one or two
#: Han characters closing the text.
_CUT_NAME = regex.compile(
    rf"(?:{_ROLE}|{_alt(JOB_TITLES)}|(?:{_alt(CREDIT_ROLES)})\s*[:：/／]|^{_BULLET}"
    rf"|^(?:{_alt(CREDIT_ROLES)})[/／](?:{_alt(CREDIT_ROLES)})(?=[ \u3000]))(?P<gap>[ \u3000]*)"
    rf"(?P<surname>\p{{Han}}{{1,2}})$")


def cut_name(text: str) -> tuple[str, bool] | None:
    """``(surname, spaced)`` when ``text`` ends with a staff title, credit
    role or job title and then a lone surname: a name the line break cut
    (``本报记者 韩`` ¶ ``冰``, ``大学教授吴`` ¶ ``昊天介绍``; Chinese names have two
    characters or more). ``spaced``: a space parts title and surname. None
    otherwise.

    >>> cut_name("本报记者 韩"), cut_name("通讯员刘"), cut_name("责任编辑：何"), cut_name("记者 司马")
    (('韩', True), ('刘', False), ('何', False), ('司马', True))
    >>> cut_name("文/图 周")
    ('周', True)
    >>> cut_name("本报记者 韩冰"), cut_name("他对记者说"), cut_name("记者 某")
    (None, None, None)
    >>> cut_name("北岗检测站站长柯"), cut_name("主力前锋 欧阳"), cut_name("社区居民宁"), cut_name("全体居民")
    (('柯', False), ('欧阳', True), ('宁', False), None)
    """
    if len(text) < 2:
        return None
    m = _CUT_NAME.search(text, max(0, len(text) - 16))
    if m is None or m["surname"] not in surnames()[len(m["surname"]) - 1]:     # one character, or compound
        return None
    return m["surname"], bool(m["gap"])


#: A byline's staff up to a break: a staff role, then perhaps a name run
#: into it and more names each after a space (``记者 于蓁``, ``本报记者``,
#: ``通讯员李明 张华``).
_STAFF_BEFORE_BREAK = regex.compile(rf"{_ROLE}(?:[ \u3000]*(?:{_NAME}))?(?:[ \u3000]+(?:{_NAME}))*$")
#: What goes on from such a break: another staff role, or a name or a tail
#: closed by a space, a closing bracket or the line's end (``实习生 包世杰``,
#: ``包世杰）``, ``报道``).
_STAFF_AFTER_BREAK = regex.compile(rf"{_ROLE}|(?:(?P<tail>{_PLAIN_TAIL})|(?P<name>{_NAME}))(?=[ \u3000）)〕]|$)")
#: The most of the text before a break :data:`_STAFF_BEFORE_BREAK` reads.
STAFF_TAIL = 32


def byline_space(left: str, right: str) -> bool:
    """Whether a space the page printed at a break between ``left`` and
    ``right`` parts a byline's staff, and so stays: a role or a name on each
    side (``记者 于蓁`` + ``实习生 包世杰``, ``通讯员 张华`` + ``李明）``, ``本报记者``
    + ``韩冰）``). Running text, which parts no words by spaces, is left to be
    joined without one.

    >>> byline_space("新报讯（某城晚报记者 于蓁", "实习生 包世杰）"), byline_space("记者 于蓁", "包世杰）")
    (True, True)
    >>> byline_space("本报记者", "韩冰 通讯员 李明"), byline_space("（通讯员李明", "张华）")
    (True, True)
    >>> byline_space("他告诉记者", "今年的收成比去年好。"), byline_space("全市共有", "实习生三千人。")
    (False, False)
    >>> byline_space("记者 于蓁", "报道"), byline_space("现场来了不少记者", "和摄影师）")    # a name opens with a surname
    (True, False)
    """
    m = _STAFF_AFTER_BREAK.match(right)
    return m is not None and (m["name"] is None or names_alone(m["name"]) is not None) \
        and _STAFF_BEFORE_BREAK.search(left, max(0, len(left) - STAFF_TAIL)) is not None


#: What an author's note closing a paragraph follows: a sentence's end.
_NOTE_AFTER = frozenset("。！？”’…」』")


def trailing_credit(text: str) -> int:
    """Where a credit that closes a paragraph starts (``len(text)`` if none).

    >>> t = "会议于昨日闭幕。（编辑 王五）"
    >>> t[trailing_credit(t):]
    '（编辑 王五）'
    >>> t = "他说（记者 张三）。"
    >>> trailing_credit(t) == len(t)
    True
    >>> t = "工程预计年底完工。（彭湃 李可）"
    >>> t[trailing_credit(t):], trailing_credit("会议在京举行。（北京）") == len("会议在京举行。（北京）")
    ('（彭湃 李可）', True)
    >>> t = "要从小事做起。（作者系某大学教授）"
    >>> t[trailing_credit(t):], trailing_credit("他说作者（作者为教授）") == len("他说作者（作者为教授）")
    ('（作者系某大学教授）', True)
    >>> t = "图为新建的跨江大桥。(江川日报记者 石磊 摄)"    # a photo credit naming the outlet
    >>> t[trailing_credit(t):], "。（中新社记者 闻涛 摄）"[trailing_credit("。（中新社记者 闻涛 摄）"):]
    ('(江川日报记者 石磊 摄)', '（中新社记者 闻涛 摄）')
    >>> t = "他举着（江川日报记者 石磊 摄）"      # no sentence closed before it: not read
    >>> trailing_credit(t) == len(t), trailing_credit("。（图片由江川日报记者石磊 摄）") == 16   # 图片由: who gave it
    (True, True)
    >>> t = "门上写着：人生如逆旅，我亦是行人。（苏轼）"      # a verse's poet
    >>> trailing_credit(t) == len(t)
    True
    """
    if not text.endswith(("）", ")", "〕", "摄")):
        return len(text)
    k = max(text.rfind("（"), text.rfind("("))
    if k > 0 and text[k - 1] in _NOTE_AFTER and AUTHOR_NOTE.match(text[k:]) is not None:
        return k            # …做起。（作者系某大学教授）: a note on the author closing the last paragraph
    m = TRAILING_CREDIT.search(text, max(0, len(text) - 80))   # credits are short
    if m is None or m.group("bare") and (not names_alone(m.group("bare")) or LIST_MARKER.match(text)
                                         or cites_source(text, m.start("credit"))):
        return len(text)    # names with no role must read as names alone: （北京） is no signature,
                            # a list's items name their sources: （2）…。（李白）, and so do quotations
    return m.start("credit")


#: Verse closing a text: two or more clauses of four to seven Han characters,
#: each closed by a stop, comma or mark, after what is no verse (a colon, a
#: quotation mark, the start) and before an optional closing quotation mark.
_VERSE = regex.compile(r"(?<![\p{Han}，。；？！])(?:\p{Han}{4,7}[，。；？！]){2,}[”’」』]?$")
#: Opening quotation marks.
_OPEN_QUOTES = "“「『"
#: The longest quotation standing alone, marks included, whose bracketed
#: names are its source: a maxim or a line of verse, never a speaker's answer.
QUOTE_MAX = 32


def cites_source(text: str, at: int) -> bool:
    """Whether names in brackets at ``at``, with no role, name the source of
    a quotation rather than the writers of a brief: the text before them is
    one short quotation (``“学而时习之，不亦说乎？”（孔子）``), or closes with
    verse, every line of one length (``…：人生如逆旅，我亦是行人。（苏轼）``).
    A quotation closing a sentence, or a long one standing alone, is the
    brief's own: briefs close with a speaker's words and their writer's
    name (``…他说，“今年会更好。”（王五）``).

    >>> texts = ["“学而时习之，不亦说乎？”（孔子）", "路漫漫其修远兮，吾将上下而求索。（屈原）",
    ...          "他说，“今年会更好。”（王五）", "工程完工，道路通车，市民出行方便。（王五）"]
    >>> [cites_source(t, t.rindex("（")) for t in texts]
    [True, True, False, False]
    """
    before = text[:at].rstrip()
    if (len(before) <= QUOTE_MAX and before[-1:] in "”」』" and text[:1] in _OPEN_QUOTES
            and sum(map(before.count, _OPEN_QUOTES)) == 1):
        return True
    m = _VERSE.search(before, max(0, len(before) - 64))
    return m is not None and len({len(r) for r in _HAN_RUN.findall(m.group())}) == 1


# --- dates --------------------------------------------------------------------
def cn_number(s: str) -> int | None:
    """Value of an ASCII or Chinese numeral as dates print them.

    >>> [cn_number(x) for x in ("12", "十", "十二", "二十一", "三十", "二○○六", "五")]
    [12, 10, 12, 21, 30, 2006, 5]
    """
    if s.isdigit() and s.isascii():
        return int(s)
    if "十" not in s:
        digits = [_CN_DIGIT_VALUE.get(c) for c in s]
        if not digits or None in digits:
            return None
        return int("".join(map(str, digits)))
    tens, _, ones = s.partition("十")
    t = 1 if not tens else cn_number(tens)
    o = 0 if not ones else cn_number(ones)
    if t is None or o is None or t > 9 or o > 9:
        return None
    return t * 10 + o


def _date_parts(m: regex.Match) -> tuple[int | None, int | None, int | None]:
    year = cn_number(m.group("year")) if m.group("year") else None
    return year, cn_number(m.group("month")), cn_number(m.group("day"))


def iso_date(year: int | None, month: int | None, day: int | None) -> str | None:
    """``YYYY-MM-DD``, or None without a year or for an impossible date.

    >>> iso_date(2021, 9, 13), iso_date(2021, 2, 30), iso_date(None, 9, 13)
    ('2021-09-13', None, None)
    """
    if year is None or month is None or day is None:
        return None
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


#: A year named relative to the page's, printed right before ``M月D日``.
_RELATIVE_YEAR = {"明年": 1, "去年": -1, "前年": -2, "今年": 0}


def year_near(month: int, year: int | None, page_month: int | None) -> int | None:
    """The year of a date printed as ``M月D日`` alone, on a page of
    ``year`` and ``page_month``: half a year or more after the page's month
    is the year before (12月31日 on a page of 2027年1月2日 is 2026).

    >>> year_near(12, 2027, 1), year_near(1, 2027, 1), year_near(12, 2027, None)
    (2026, 2027, 2027)
    """
    if year is not None and page_month is not None and month - page_month >= 6:
        return year - 1
    return year


def lead_date(text: str, year: int | None, page_month: int | None = None) -> str | None:
    """The first real ``M月D日`` date of a lead paragraph, as an ISO date.

    The year printed with it wins over ``year`` (from the page's folio, the
    manifest or the command line; near ``page_month`` when the folio gave
    one: :func:`year_near`); without either there is no date. Chinese numerals count
    (``五月十二日``); an impossible date is skipped.

    >>> lead_date("9月13日16时10分，一位市民", 2021), lead_date("日前，某地", 2021)
    ('2021-09-13', None)
    >>> lead_date("2019年2月30日和3月1日", None), lead_date("二○○六年五月十二日", None)
    ('2019-03-01', '2006-05-12')
    >>> lead_date("新规将于明年1月1日起施行", 2026), lead_date("去年12月5日，某地", 2026)
    ('2027-01-01', '2025-12-05')
    """
    for m in _DATE_RE.finditer(text):
        y, month, day = _date_parts(m)
        shift = _RELATIVE_YEAR.get(text[max(0, m.start() - 2):m.start()])
        if y is None and year is not None and shift is not None:
            y = year + shift            # 明年1月1日: the year after the page's
        d = iso_date(y if y is not None else year_near(month, year, page_month), month, day)
        if d:
            return d
        if y is not None:
            year = y
    return None


#: The words the hint tests look for (:func:`may_open_byline`,
#: :func:`may_be_credit`), spelled out for callers that look for them in a
#: whole page at once; a test checks that they are the patterns' own.
BYLINE_HINT_WORDS = ("讯", "电", "报道", "报导", "消息", "信息", "记者", "通讯员", "实习生", "撰稿", "评论员", "书评人",
                     "作者", "读者", *sorted(BULLETS))
CREDIT_HINT_WORDS = ("摄", "编", "图", "文", "责", "版式", "校对", "组版", "照排", "作者", "报道", "@")
#: The characters but digits a :data:`LIST_MARKER` may open with, the cheap
#: first test for callers that try every line of a page.
LIST_MARKER_FIRST = frozenset("一二三四五六七八九十（(①②③④⑤⑥⑦⑧⑨⑩⑴⑵⑶⑷⑸⑹⑺⑻⑼⑽●◆■□▲△★☆◇○·•第图")
