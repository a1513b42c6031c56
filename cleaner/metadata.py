"""Bylines, datelines, credits, authors, outlets and dates.

Every pattern here describes the *shape* newspapers print, never one paper's
names: an outlet is whatever stands where shapes put an outlet (before ``讯``
or ``电``, or before the first role word inside the brackets), then mapped to
one canonical spelling by ``data/outlets.tsv``. Names are never invented:
what cannot be parsed stays in ``byline`` and yields no authors.

Patterns expect normalised text (full-width brackets, ASCII digits), which is
what the pipeline gives them; the break detector also calls the ``*_START``
matchers on raw lines, so those accept ASCII brackets too.
"""
from __future__ import annotations

import datetime as _dt
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import regex

# --- vocabulary ---------------------------------------------------------------
#: Staff titles printed before a name, longest first so the alternation
#: prefers ``首席记者`` over ``记者``.
STAFF_ROLES = [
    "首席记者", "特约记者", "特派记者", "见习记者", "实习记者", "摄影记者", "全媒体记者",
    "融媒体记者", "本报记者", "本刊记者", "本台记者", "本网记者", "记者", "实习生", "通讯员",
    "特约撰稿人", "撰稿人", "评论员",
]
#: Roles in credit lines (``摄影/…``, ``文/…``, ``（责任编辑：…）``).
CREDIT_ROLES = ["责任编辑", "摄影报道", "图片", "摄影", "文字", "撰文", "制图", "编辑", "责编", "图", "文", "摄"]
#: Credit role as printed -> the role recorded for its people.
CREDIT_ROLE_NAME = {"摄影报道": "摄影", "图片": "摄影", "摄": "摄影", "图": "摄影", "撰文": "文",
                    "文字": "文", "责编": "责任编辑"}
#: Words that end an outlet's name (报, 网, 社, 台, ...).
OUTLET_SUFFIX = ["日报", "晚报", "晨报", "时报", "商报", "快报", "新报", "周报", "导报", "都市报", "报",
                 "网", "社", "电视台", "广播电台", "台", "在线", "财经", "频道", "刊", "杂志", "新闻"]
#: Words for "this paper": the outlet comes from the manifest, if known.
HOME_OUTLET = ("本报", "本刊", "本台", "本网")
#: What a dateline ends with: 电 (wire), 讯 (news), and their longer forms.
DATELINE_KIND = ["快讯", "信息", "报道", "消息", "专电", "电", "讯"]

_ROLE_ALT = "|".join(sorted(STAFF_ROLES, key=len, reverse=True))
_ROLE = rf"(?:驻\p{{Han}}{{1,6}}?记者|{_ROLE_ALT})"
_SUFFIX = "|".join(sorted(OUTLET_SUFFIX, key=len, reverse=True))
_KIND = "|".join(DATELINE_KIND)
_NAME_SEP = regex.compile(r"[\s、，,;；/／]+")
_HAN_NAME = regex.compile(r"\p{Han}{2,4}|\p{Han}{1,6}(?:[·・]\p{Han}{1,8})+")

#: A dateline at the start of a paragraph: ``新华社北京9月20日电``,
#: ``本报讯``, ``中新网乌鲁木齐5月1日电``, ``大公财经3月27日北京报道``.
DATELINE = regex.compile(
    rf"""^[□■●◆▲]?\s*(?P<per>据)?
    (?P<source>[\p{{Han}}A-Za-z0-9]{{1,16}}?(?:{_SUFFIX})[\p{{Han}}]{{0,8}}?)
    (?:(?P<year>\d{{4}})年)?(?:(?P<month>\d{{1,2}})月(?P<day>\d{{1,2}})日)?
    (?P<place2>\p{{Han}}{{2,6}}?)?
    (?P<kind>{_KIND})""", regex.X)
#: The staff part after a dateline: ``（记者 王五、赵六）``.
STAFF_PAREN = regex.compile(r"\s*[（(](?P<staff>[^（）()\n]{1,80})[）)]\s*[:：]?")
#: The staff part inline after a dateline: `` 记者潘跃`` then a space or punctuation.
STAFF_INLINE = regex.compile(rf"\s*(?P<staff>{_ROLE}\s*\p{{Han}}{{2,4}}(?:[、\s]+\p{{Han}}{{2,4}})*)(?=[\s，。：:]|$)")
#: A byline standing alone: ``□本报记者 X``, ``记者 王五 赵六``.
REPORTER_LINE = regex.compile(
    rf"^[□■●◆▲]?\s*(?P<staff>(?:(?:本报|本刊|本台|本网)?{_ROLE})\s*\p{{Han}}{{2,4}}(?:[\s、，,]*(?:{_ROLE})?\s*\p{{Han}}{{2,4}})*)\s*$")
_CREDIT_ALT = "|".join(sorted(CREDIT_ROLES, key=len, reverse=True))
#: A credit line: ``摄影/…``, ``文/X 图/Y``, ``（责任编辑：X）``, ``记者 X 摄``.
CREDIT_SLASH = regex.compile(rf"^[（(]?\s*(?P<role>{_CREDIT_ALT})\s*[/／:：]\s*(?P<who>[^/／]{{1,40}}?)\s*[）)]?$")
CREDIT_TAKEN = regex.compile(rf"^(?P<who>(?:(?:{_ROLE})\s*)?\p{{Han}}{{2,4}}(?:[\s、]+\p{{Han}}{{2,4}})*)\s*(?P<role>摄影报道|摄影|摄)$")
EDITOR_NOTE = regex.compile(r"^[（(]\s*(?P<role>责任编辑|编辑|责编)\s*[:：]?\s*(?P<who>[^（）()]{1,30}?)\s*[）)]$")
LIST_MARKER = regex.compile(
    r"^(?:[一二三四五六七八九十]{1,3}[、.．]|[（(][一二三四五六七八九十\d]{1,3}[）)]|\d{1,2}[、．.](?!\d)"
    r"|[①②③④⑤⑥⑦⑧⑨⑩]|[●◆■□▲△★☆◇○·•]|第[一二三四五六七八九十\d]{1,3}[，,、章节条部分])")
_DATE = regex.compile(r"(?:(?P<year>\d{4})年)?(?P<month>\d{1,2})月(?P<day>\d{1,2})日")


@dataclass
class Byline:
    """What a byline, dateline or credit says."""
    text: str
    kind: str                         # dateline | reporter | credit | editor
    outlet: str | None = None         # as printed, before canonical mapping
    place: str | None = None
    authors: list[dict] = field(default_factory=list)
    year: int | None = None
    month: int | None = None
    day: int | None = None


# --- outlets ------------------------------------------------------------------
@lru_cache(maxsize=1)
def outlet_table() -> dict[str, str]:
    """Variant spelling -> canonical spelling, from ``data/outlets.tsv``."""
    table: dict[str, str] = {}
    text = resources.files("cleaner").joinpath("data/outlets.tsv").read_text(encoding="utf-8")
    for line in text.splitlines():
        if not line.strip() or line.startswith("#"):
            continue
        canonical, _, variants = line.partition("\t")
        table[canonical] = canonical
        for v in filter(None, variants.split("|")):
            table[v.strip()] = canonical
    return table


def canonical_outlet(printed: str | None, home: str | None = None) -> str | None:
    """One spelling per outlet; ``本报`` (this paper) becomes ``home``.

    >>> canonical_outlet("中国新闻网"), canonical_outlet("本报", "某日报"), canonical_outlet("本报")
    ('中新网', '某日报', None)
    """
    if not printed:
        return None
    if printed in HOME_OUTLET:
        return canonical_outlet(home) if home else None
    return outlet_table().get(printed, printed)


def split_source(source: str) -> tuple[str, str | None]:
    """Split a dateline's ``新华社北京`` into outlet and place.

    >>> split_source("新华社北京"), split_source("中新浙江网"), split_source("本报北京")
    (('新华社', '北京'), ('中新浙江网', None), ('本报', '北京'))
    """
    for home in HOME_OUTLET:
        if source.startswith(home):
            return home, source[len(home):] or None
    known = [o for o in outlet_table() if source.startswith(o)]
    if known:
        o = max(known, key=len)
        return o, source[len(o):] or None
    m = regex.match(rf"^(.+?(?:{_SUFFIX}))(\p{{Han}}{{2,8}})?$", source)
    if m:
        return m.group(1), m.group(2)
    return source, None


# --- names --------------------------------------------------------------------
@lru_cache(maxsize=1)
def surnames() -> tuple[frozenset[str], frozenset[str]]:
    """(single-character, compound) surnames from ``data/surnames.txt``."""
    text = resources.files("cleaner").joinpath("data/surnames.txt").read_text(encoding="utf-8")
    names = [l.strip() for l in text.splitlines() if l.strip() and not l.startswith("#")]
    return frozenset(n for n in names if len(n) == 1), frozenset(n for n in names if len(n) > 1)


def _starts_with_surname(s: str) -> bool:
    single, compound = surnames()
    return s[:1] in single or s[:2] in compound


def split_names(run: str) -> list[str] | None:
    """Split a run of names; None when it does not split one way only.

    >>> split_names("王五、赵六"), split_names("叶卫兵王文婷"), split_names("某某某某某某某某某")
    (['王五', '赵六'], ['叶卫兵', '王文婷'], None)
    """
    out: list[str] = []
    for token in filter(None, _NAME_SEP.split(run)):
        if _HAN_NAME.fullmatch(token) and (len(token) <= 3 or "·" in token or "・" in token
                                            or not _splittable(token)):
            out.append(token)
            continue
        parts = _split_run(token)
        if parts is None:
            return None
        out.extend(parts)
    return out or None


def _splittable(token: str) -> bool:
    return _split_run(token) is not None and len(_split_run(token)) > 1


def _split_run(token: str) -> list[str] | None:
    """The one way to cut ``token`` into 2-3 character names, each starting
    with a surname; None if there is no way or more than one."""
    if not regex.fullmatch(r"\p{Han}+", token):
        return None
    ways: list[list[str]] = []

    def go(rest: str, acc: list[str]) -> None:
        if len(ways) > 1:
            return
        if not rest:
            ways.append(acc)
            return
        for n in (2, 3):
            head = rest[:n]
            if len(head) == n and _starts_with_surname(head) and (len(rest) == n or len(rest) - n >= 2):
                go(rest[n:], acc + [head])

    go(token, [])
    return ways[0] if len(ways) == 1 else None


_STAFF_TOKEN = regex.compile(rf"{_ROLE}")


def parse_staff(staff: str) -> tuple[str | None, list[dict]] | None:
    """``北方新报正北方网首席记者 刘晓君`` -> outlet and authors with roles.

    Text before the first role is an outlet when it ends like one (报, 网,
    社, ...), else it is names printed without a role. None when the names
    cannot be parsed.

    >>> parse_staff("某某日报首席记者 张三 实习生 李四")
    ('某某日报', [{'name': '张三', 'role': '首席记者'}, {'name': '李四', 'role': '实习生'}])
    >>> parse_staff("记者 王五、赵六")
    (None, [{'name': '王五', 'role': '记者'}, {'name': '赵六', 'role': '记者'}])
    """
    staff = staff.strip()
    roles = list(_STAFF_TOKEN.finditer(staff))
    outlet = None
    authors: list[dict] = []
    head = staff[:roles[0].start()] if roles else staff
    head = head.strip(" ：:")
    if head:
        if regex.search(rf"(?:{_SUFFIX})$", head) and roles:
            outlet = head
        else:
            names = split_names(head)
            if names is None:
                return None
            authors += [{"name": n, "role": None} for n in names]
    for i, m in enumerate(roles):
        end = roles[i + 1].start() if i + 1 < len(roles) else len(staff)
        run = staff[m.end():end].strip(" ：:")
        role = m.group()
        for home in HOME_OUTLET:
            if role.startswith(home) and role != home:
                role = role[len(home):]
        if not run:
            continue
        names = split_names(run)
        if names is None:
            return None
        authors += [{"name": n, "role": role} for n in names]
    if not authors:
        return None
    return outlet, authors


# --- bylines ------------------------------------------------------------------
def match_dateline(text: str) -> regex.Match | None:
    """The dateline at the start of a paragraph, if it has one."""
    m = DATELINE.match(text)
    if m is None:
        return None
    source = m.group("source")
    outlet, _ = split_source(source)
    if not (outlet in HOME_OUTLET or regex.search(rf"(?:{_SUFFIX})$", outlet)):
        return None
    return m


def byline_end(text: str) -> int:
    """Length of the byline or dateline that opens a paragraph (0 if none).

    >>> t = "某某报讯（记者 张三） 日前，某地举行活动。"
    >>> t[:byline_end(t)]
    '某某报讯（记者 张三） '
    >>> byline_end("记者从自治区卫健委了解到，")
    0
    """
    m = match_dateline(text)
    if m is None:
        m = REPORTER_LINE.match(text)
        return m.end() if m else 0
    end = m.end()
    s = STAFF_PAREN.match(text, end) or STAFF_INLINE.match(text, end)
    if s:
        end = s.end()
    while end < len(text) and text[end] in " :：":
        end += 1
    return end


def parse_byline(text: str) -> Byline:
    """Parse a byline, dateline, credit or editor's note as printed.

    >>> b = parse_byline("新华社北京9月20日电（记者 王五、赵六）")
    >>> b.outlet, b.place, b.month, b.day, [a["name"] for a in b.authors]
    ('新华社', '北京', 9, 20, ['王五', '赵六'])
    >>> parse_byline("摄影/某某晚报记者 张三").authors
    [{'name': '张三', 'role': '摄影'}]
    """
    text = text.strip()
    m = match_dateline(text)
    if m:
        outlet, place = split_source(m.group("source"))
        place = place or m.group("place2")
        b = Byline(text, "dateline", outlet, place)
        if m.group("month"):
            b.year = int(m.group("year")) if m.group("year") else None
            b.month, b.day = int(m.group("month")), int(m.group("day"))
        s = STAFF_PAREN.match(text, m.end()) or STAFF_INLINE.match(text, m.end())
        if s:
            parsed = parse_staff(s.group("staff"))
            if parsed:
                inner, b.authors = parsed
                b.outlet = inner or b.outlet
        return b
    for pattern, kind in ((EDITOR_NOTE, "editor"), (CREDIT_SLASH, "credit"), (CREDIT_TAKEN, "credit")):
        m = pattern.match(text)
        if m:
            return _parse_credit(text, kind, m)
    m = REPORTER_LINE.match(text)
    if m:
        b = Byline(text, "reporter")
        parsed = parse_staff(m.group("staff"))
        if parsed:
            b.outlet, b.authors = parsed
        return b
    return Byline(text, "unknown")


def _parse_credit(text: str, kind: str, m: regex.Match) -> Byline:
    role = m.group("role")
    role = CREDIT_ROLE_NAME.get(role, role)
    b = Byline(text, kind)
    who = m.group("who").strip()
    parsed = parse_staff(who)
    if parsed:
        b.outlet, people = parsed
        b.authors = [{"name": a["name"], "role": role} for a in people]
    return b


def is_credit(text: str) -> bool:
    """A photo credit, ``文/…`` line or editor's note standing on its own."""
    t = text.strip()
    return bool(EDITOR_NOTE.match(t) or CREDIT_SLASH.match(t) or CREDIT_TAKEN.match(t))


def starts_with_byline(text: str) -> bool:
    """Whether a raw line opens with a dateline, or is a byline or credit."""
    t = text.strip()
    return bool(match_dateline(t) or REPORTER_LINE.match(t) or is_credit(t))


# --- dates --------------------------------------------------------------------
def iso_date(year: int | None, month: int, day: int) -> str | None:
    """``YYYY-MM-DD``, or None without a year or for an impossible date.

    >>> iso_date(2021, 9, 13), iso_date(2021, 2, 30), iso_date(None, 9, 13)
    ('2021-09-13', None, None)
    """
    if year is None:
        return None
    try:
        return _dt.date(year, month, day).isoformat()
    except ValueError:
        return None


def lead_date(text: str, year: int | None) -> str | None:
    """The first real ``M月D日`` date of a lead paragraph, as an ISO date.

    The year printed with it wins over ``year`` (from the manifest or the
    command line); without either there is no date.

    >>> lead_date("9月13日16时10分，一位市民", 2021), lead_date("日前，某地", 2021)
    ('2021-09-13', None)
    >>> lead_date("2019年2月30日和3月1日", None)
    '2019-03-01'
    """
    for m in _DATE.finditer(text):
        y = int(m.group("year")) if m.group("year") else year
        d = iso_date(y, int(m.group("month")), int(m.group("day")))
        if d:
            return d
        if m.group("year"):
            year = int(m.group("year"))
    return None
