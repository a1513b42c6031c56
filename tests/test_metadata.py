"""Bylines, credits and dates against hand-written tables (``tests/cases/metadata``).

Each byline case is a first paragraph as printed; it is normalised the way
the pipeline does it, its opening byline is cut with ``byline_end`` and
parsed with ``parse_byline``. The names in the tables are made up (or the
seed's own); rows with an empty ``byline`` or no ``authors`` are the ones
that must not parse: names are never invented.
"""
import json
from pathlib import Path

import pytest

from cleaner import metadata, normalize
from cleaner.edits import apply

CASES = Path(__file__).parent / "cases" / "metadata"
HOME = "本地报"    # what 本报 stands for in these tests (the manifest's outlet)
YEAR = 2021        # the year the manifest gives


def _load(name):
    rows = json.loads((CASES / name).read_text(encoding="utf-8"))
    return [pytest.param(r, id=f"{name.split('.')[0]}-{k}") for k, r in enumerate(rows)]


def normalise(text: str) -> str:
    for _, rule in normalize.LINE_RULES:
        text = apply(rule, text)
    text = normalize.to_script(text, "simplified")
    for _, rule in normalize.PARAGRAPH_RULES:
        text = apply(rule, text)
    return text


@pytest.mark.parametrize("case", _load("bylines.json"))
def test_byline(case):
    text = normalise(case["in"])
    byline = text[:metadata.byline_end(text)].strip()
    assert byline == case["byline"], case["why"]
    if not byline:
        return
    b = metadata.parse_byline(byline)
    assert metadata.canonical_outlet(b.outlet, HOME) == case["outlet"], case["why"]
    assert [[a["name"], a["role"]] for a in b.authors] == case["authors"], case["why"]
    assert b.place == case["place"], case["why"]
    date = metadata.iso_date(b.year or YEAR, b.month, b.day) if b.month else None
    assert date == case["date"], case["why"]


@pytest.mark.parametrize("case", _load("credits.json"))
def test_credit(case):
    text = normalise(case["in"])
    assert metadata.is_credit(text) == case["credit"], case["why"]
    if case["credit"]:
        b = metadata.parse_byline(text)
        assert [[a["name"], a["role"]] for a in b.authors] == case["authors"], case["why"]
        assert b.outlet == case["outlet"], case["why"]


@pytest.mark.parametrize("case", _load("dates.json"))
def test_lead_date(case):
    assert metadata.lead_date(normalise(case["in"]), case["year"]) == case["date"], case["why"]


def test_tables_hold_rows_that_must_not_parse():
    rows = json.loads((CASES / "bylines.json").read_text(encoding="utf-8"))
    assert sum(1 for r in rows if not r["byline"]) >= 4
    assert sum(1 for r in rows if r["byline"] and not r["authors"]) >= 4


# --- the names other modules rely on ------------------------------------------------
@pytest.mark.parametrize("line,expected", [
    ("新报讯(北方新报正", True),                  # a raw line cut by layout, ASCII bracket
    ("北方网首席记者 刘晓君) 日前,内蒙古", False),
    ("摄影/北方新报正北方网记者 郝儒冰", True),
    ("□本报记者 陈明华", True),
    ("记者从自治区卫健委了解到,近期", False),
    ("据某国媒体3月31日报道,", False),
])
def test_starts_with_byline_on_raw_lines(line, expected):
    assert metadata.starts_with_byline(line) is expected


@pytest.mark.parametrize("line,expected", [
    ("□本报记者 陈明华", True), ("本报记者张立新发自上海", True), ("记者 王五 赵六", True),
    ("记者从公安部获悉", False), ("本报记者独家专访某部长", False), ("记者到现场", False),
])
def test_reporter_line(line, expected):
    assert bool(metadata.REPORTER_LINE.match(line)) is expected


@pytest.mark.parametrize("line,expected", [
    ("一、总体要求", True), ("（二）工作措施", True), ("1.加强领导", True), ("●各地的", True),
    ("3.5万人", False), ("内蒙古", False),
])
def test_list_marker(line, expected):
    assert bool(metadata.LIST_MARKER.match(line)) is expected


@pytest.mark.parametrize("text,credit", [
    ("会议于昨日闭幕。（编辑 王五）", "（编辑 王五）"),
    ("部队在荒漠中演练。新华社记者 陈明摄", "新华社记者 陈明摄"),
    ("他说（记者 张三）。", ""),
    ("这是一张照片。", ""),
])
def test_trailing_credit(text, credit):
    assert text[metadata.trailing_credit(text):] == credit


def test_outlet_table_is_data():
    """Each variant maps to one canonical spelling, and canonicals map to themselves."""
    table = metadata.outlet_table()
    assert table["中国新闻网"] == table["中新网"] == "中新网"
    assert all(table[c] == c for c in set(table.values()))


@pytest.mark.parametrize("feed, home, outlet", [
    ("晚报讯", None, None),               # a kind of paper names no paper
    ("晨报讯（记者 张三）", None, None),
    ("晚报讯", "某城晚报", "某城晚报"),     # it stands for the paper the manifest names, as 本报 does
    ("本报讯", "某城晚报", "某城晚报"),
    ("某城晚报讯", None, "某城晚报"),       # a paper named in full
    ("新报讯（某城新报正某城网记者 张三）", None, "某城新报正某城网"),
])
def test_a_kind_of_paper_before_xun_is_the_home_outlet(feed, home, outlet):
    from cleaner.pipeline import FileMeta, clean_text
    page = f"某地举行活动\n\n{feed} 9月3日，某地举行活动。\n\n活动持续三天。\n"
    [record] = [a.record for a in clean_text(page, FileMeta("x.txt", year=2021, outlet=home)).articles]
    assert record["outlet"] == outlet
    assert record["date"] == "2021-09-03"


def test_pipeline_moves_a_closing_credit_to_credits():
    """``（编辑 X）`` closing the last paragraph is a credit, never the byline."""
    from cleaner.pipeline import FileMeta, clean_text
    page = "某地举行活动\n\n本报讯（记者 张三）日前，某地举行活动。\n\n活动持续三天。（编辑 王五）\n"
    [record] = [a.record for a in clean_text(page, FileMeta("x.txt", year=2021, outlet="某日报")).articles]
    assert record["text"] == "日前，某地举行活动。\n活动持续三天。"
    assert record["credits"] == ["（编辑 王五）"]
    assert record["byline"] == "本报讯（记者 张三）"
    assert record["outlet"] == "某日报"
    assert record["authors"] == [{"name": "张三", "role": "记者"}, {"name": "王五", "role": "编辑"}]


@pytest.mark.parametrize("text, credit", [
    ("活动持续三天。（记者 陈小明）", "（记者 陈小明）"),
    ("活动持续三天。（本报记者 张三 通讯员 李小四）", "（本报记者 张三 通讯员 李小四）"),
    ("活动持续三天。(记者 陈小明 摄)", "(记者 陈小明 摄)"),
    ("他说。（记者注：此处有删节）", ""),       # a note, not a signature
    ("活动持续三天。（李小飞 徐乐静）", "（李小飞 徐乐静）"),     # names alone: a brief's signature
    ("会议在京举行。（北京）", ""),                 # a word, not names alone
    ("他说（记者 张三）。", ""),                 # inside the sentence
])
def test_trailing_signature(text, credit):
    assert text[metadata.trailing_credit(text):] == credit


def test_a_signature_closing_the_last_paragraph_goes_to_credits():
    from cleaner.pipeline import FileMeta, clean_text
    page = "某地举行活动\n\n日前，某地举行活动。\n\n活动持续三天。（记者 陈小明）\n"
    [record] = [a.record for a in clean_text(page, FileMeta("x.txt", year=2021)).articles]
    assert record["text"] == "日前，某地举行活动。\n活动持续三天。"
    assert record["byline"] == "（记者 陈小明）"
    assert record["authors"] == [{"name": "陈小明", "role": "记者"}]


def test_common_words_keep_every_dictionary_word_a_name_could_be():
    """The dictionary is read only for words that start with a surname or hold
    a middle dot; among those it must hold exactly what reading every line
    gives (two to four characters, not tagged as a person's name)."""
    import importlib.util
    import os

    import regex
    spec = importlib.util.find_spec("jieba")
    if spec is None:
        pytest.skip("jieba is not installed")
    with open(os.path.join(os.path.dirname(spec.origin), "dict.txt"), encoding="utf-8") as f:
        every = set(regex.findall(r"^(\S{2,4}) \d+ (?!nr)\S+$", f.read(), flags=regex.M))
    name_like = {w for w in every if metadata._starts_with_surname(w) or "·" in w or "・" in w}
    assert metadata._common_words() == name_like
    assert "安阳" in name_like and "王五" not in name_like     # a city; a name (no entry)


def test_names_alone_are_not_dictionary_words():
    assert metadata.names_alone("张通杰") == ["张通杰"]
    assert metadata.names_alone("安阳") is None
    assert metadata._split_head("安阳") is None


@pytest.mark.parametrize("byline", [
    "本报记者 王五", "□本报记者 王五 通讯员 赵六", "本报记者王五发自上海", "新华社北京9月20日电（记者 王五）",
    "本报讯（记者 张三）", "（新文化报 记者 韩冰）", "本报北京5月9日讯 记者潘跃"])
def test_a_byline_alone_never_ends_like_a_sentence(byline):
    """The cheap test may_be_byline_alone only rules out what is_byline_alone
    rules out: the bylines stand alone, and stop standing alone once a
    sentence's last character follows them."""
    assert metadata.is_byline_alone(byline) and metadata.may_be_byline_alone(byline)
    for end in metadata.SENTENCE_END:
        assert not metadata.may_be_byline_alone(byline + end)
        assert not metadata.is_byline_alone(byline + end), end


#: Short spaced lines: pen names letter-spaced, with one or two spaces of
#: either width and a bullet, and headings and table cells that are none.
SPACED_LINES = ["任 仲 平", "任\u3000仲\u3000平", "任  仲  平", "□ 任 仲 平", "□任 仲 平", "■ 任\u3000\u3000仲\u3000\u3000平",
                "任   仲 平", "编 者 按", "目 录", "通 知", "高 考 季", "张 家 界", "欧 阳 修", "上证 3245",
                "任 仲 平 文", "王 五", "王 五 赵 六"]


def _reporter_line_slowly(text):
    """REPORTER_LINE without its cheap tests: the patterns, then the names."""
    s = metadata._SPACED_NAME.match(text)
    if s and metadata.spaced_name_reads(s.group("staff").replace(" ", "").replace("\u3000", "")):
        return True
    b = metadata._BULLET_NAMES.match(text)
    if b and metadata.names_alone(b.group("staff")) or metadata._UNSIGNED_STAFF.match(text):
        return True
    r = metadata._NAMES_REPORTED.match(text)
    if r and metadata.names_alone(r.group("staff")):
        return True
    m = metadata._REPORTER_RE.match(text)
    return bool(m and metadata._inline_names_ok(m.group("staff")))


@pytest.mark.parametrize("name", ["bylines.json", "credits.json"])
def test_reporter_line_cheap_tests_change_no_answer(name):
    rows = json.loads((CASES / name).read_text(encoding="utf-8"))
    lines = [normalise(r["in"]) for r in rows]
    lines += [line[:k] for line in lines for k in range(2, min(len(line), 40))]   # cut anywhere
    lines += SPACED_LINES + ["林子明 报道", "王五 赵六 报导", "相关 报道", "林子明报道"]
    for line in lines:
        assert bool(metadata.REPORTER_LINE.match(line)) == _reporter_line_slowly(line), line


@pytest.mark.parametrize("line, expected", [
    ("□本报记者 王五", True), ("记者 王五、赵六", True), ("本报记者王五发自上海", True),
    ("□本报记者 王五。", False), ("（本报记者 王五）", False),
    ("本报记者 王五 “通讯员” 赵六", False), ("《某某报》记者 王五", False)])
def test_reporter_line_never_holds_sentence_punctuation(line, expected):
    assert bool(metadata.REPORTER_LINE.match(line)) == expected


def test_every_staff_role_holds_a_role_hint():
    """The staff shapes of the opening are skipped when no role hint is in
    the text: sound only while every role word holds one."""
    for role in metadata.STAFF_ROLES + ["驻京记者", "本报驻沪特派记者"]:
        assert metadata._ROLE_RE.fullmatch(role) and metadata._ROLE_HINT_RE.search(role), role


def _opening_slowly(text):
    """The opening's (end, shape) with every pattern tried, no cheap test first."""
    p = metadata._patterns()
    b = p["bracketed"].match(text)
    if metadata.match_dateline(text) is None and b is not None and metadata._ROLE_RE.search(b.group("source")):
        return metadata._skip_gap(text, b.end()), "reporter"
    for m in (metadata.match_dateline(text), b):
        if m is not None:
            end, _, _ = metadata._after_dateline(text, m.end(), bool(m.groupdict().get("open")))
            return metadata._skip_gap(text, end), "dateline"
    m = p["outlet_staff"].match(text)
    if m is not None and metadata.STAFF_PAREN.match(text, m.end()):
        return metadata._skip_gap(text, metadata.STAFF_PAREN.match(text, m.end()).end()), "dateline"
    m = metadata.PLACE_DATELINE.match(text)
    if m is not None:
        return metadata._skip_gap(text, metadata._after_dateline(text, m.end())[0]), "place"
    m = p["bracket_dateline"].match(text)
    if m is not None and not metadata._ROLE_RE.search(m.group("place") or "") \
            and not (m.group("per") and m.group("kind") not in metadata.WIRE_KIND):
        return metadata._skip_gap(text, m.end()), "bracket"
    m = metadata.PLACE_BRACKET.match(text)
    if m is not None and not metadata._ROLE_RE.search(m.group("place")):
        return metadata._skip_gap(text, m.end()), "place"
    for shape in ("staff_bracket", "staff_first"):
        m = p[shape].match(text)
        if m is not None and shape == "staff_bracket" and text[m.end():m.end() + 1] in ("，", ",", "、"):
            m = None        # the sentence goes on past the bracket
        if m is not None and metadata._staff_and_place(m.group("staff"), shape) is not None:
            return m.end(), "reporter"
    return (len(text), "reporter") if _reporter_line_slowly(text) else (0, "")


@pytest.mark.parametrize("name", ["bylines.json", "credits.json"])
def test_opening_cheap_tests_change_no_answer(name):
    rows = json.loads((CASES / name).read_text(encoding="utf-8"))
    lines = [normalise(r["in"]) for r in rows]
    lines += [line[:k] for line in lines for k in range(2, min(len(line), 40))]   # cut anywhere
    lines += ["武汉2月5日电 记者张三", "（记者 王五）日前", "人民网记者孙海涛报道：", "【本报讯】某地", "【eNet硅谷动力消息】某地",
              "荆楚网（楚天都市报）（记者 邹汉青）", "记者从自治区卫健委了解到，", "据此前报道，某地", *SPACED_LINES,
              "（莎阿南25日讯）某州水务公司宣布", "（新山11月25日电）某地", "（记者25日讯）某地", "林子明 报道", "相关 报道"]
    for line in lines:
        end, shape, *_ = metadata._opening(line)
        assert (end, shape) == _opening_slowly(line), line


@pytest.mark.parametrize("name", ["bylines.json", "credits.json"])
def test_every_credit_is_credit_shaped(name):
    """credit_shaped only rules out lines that are no credit."""
    rows = json.loads((CASES / name).read_text(encoding="utf-8"))
    lines = [normalise(r["in"]).strip() for r in rows]
    lines += ["记者 张三 摄", "新华社记者陈凯摄影", "记者 张三 摄影报道", "（责任编辑：王五）", "责任编辑：王五",
              "文/王五 图/赵六", "（作者为某大学教授）", "【编辑 王五】", "本版责任编辑 童 林 美术编辑 邱 枫",
              "本版责任编辑 范 芳 邮箱 kjzh@example.com", "责任编辑 郑 凯 校对 何 平", "照排：王五", "本版文章均为原创",
              "linzm@example.com.sg", "电子信箱：abc@example.com", "报道：黄思明"]
    for line in lines:
        slow = bool(metadata.is_note(line) or metadata.CREDIT_SLASH.match(line) or metadata.CREDIT_TAKEN.match(line)
                    or metadata.page_scoped(line) and metadata.PAGE_FOOTER.match(line) or metadata.CONTACT_LINE.match(line))
        assert metadata.is_credit(line) == (slow and len(line) <= 120 and metadata.may_be_credit(line)), line
        if slow:
            assert metadata.credit_shaped(line), line


def test_spaced_pen_names_pass_the_cheap_tests():
    """A letter-spaced pen name holds no byline word: the hint test and the
    length bound still let every one through."""
    for line in SPACED_LINES:
        m = metadata._SPACED_NAME.match(line)
        if m:
            assert len(line) <= metadata.SPACED_NAME_MAX, line
        if metadata.REPORTER_LINE.match(line) or metadata.byline_end(line):
            assert metadata.may_open_byline(line), line
    assert metadata._SPACED_NAME.match("■ 任\u3000\u3000仲\u3000\u3000平")     # the longest
    assert not metadata._SPACED_NAME.match("任   仲 平")


@pytest.mark.parametrize("line, name", [
    ("任 仲 平", "任仲平"), ("任\u3000仲\u3000平", "任仲平"), ("□ 任 仲 平", "任仲平"), ("宋 立 言", "宋立言"),
    ("编 者 按", None), ("目 录", None), ("通 知", None), ("说 明", None), ("高 考 季", None), ("周 末 版", None),
    ("张 家 界", None), ("王 五 赵 六", None)])
def test_spaced_pen_name(line, name):
    b = metadata.parse_byline(line)
    assert b.authors == ([{"name": name, "role": None}] if name else [])
    assert bool(metadata.REPORTER_LINE.match(line)) is bool(name)


@pytest.mark.parametrize("text, credit", [
    ("展厅入口处写着：人生如逆旅，我亦是行人。（苏轼）", ""),          # verse: its poet
    ("路漫漫其修远兮，吾将上下而求索。（屈原）", ""),
    ("“学而不思则罔，思而不学则殆。”（孔子）", ""),                  # a maxim standing alone
    ("“学而时习之，不亦说乎？”（孔子）", ""),
    ("“我们会继续努力，把这件事做好，让更多的市民受益，也欢迎大家监督我们的工作。”（王晓明）",
     "（王晓明）"),                                                   # a long quotation: the brief's writer
    ("负责人预言道，“这肯定是一场相当精彩的比赛。”（王晓明）", "（王晓明）"),   # quotation inside a sentence
    ("工程预计年底完工，届时将方便周边居民出行。（彭湃 李可）", "（彭湃 李可）"),
    ("工程完工，道路通车，市民出行更方便了。（王晓明）", "（王晓明）"),          # clauses of unequal length
    ("门上写着：人生如逆旅，我亦是行人。（记者 王晓明）", "（记者 王晓明）"),    # a role: a signature all the same
])
def test_quotation_sources_are_no_credits(text, credit):
    assert text[metadata.trailing_credit(text):] == credit


def test_transcription_table_holds_no_common_han_surname():
    """A Han run of four after a role is read as one transcribed name only if
    every character is in the table: the fifty commonest Han surnames are
    kept out of it, so that two Han names printed together still split."""
    common = "王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董袁潘于蒋蔡余杜叶程苏魏吕丁任沈"
    assert len(common) == 50
    assert not set(common) & metadata.transcription_chars()
    assert metadata.split_names("王五赵六") == ["王五", "赵六"]


@pytest.mark.parametrize("run, names", [
    ("次仁卓玛", ["次仁卓玛"]), ("阿依古丽", ["阿依古丽"]), ("阿依古丽、王晓明", ["阿依古丽", "王晓明"]),
    ("张三李四", ["张三", "李四"]), ("欧阳明华", ["欧阳明华"]), ("欧阳明李四", ["欧阳明", "李四"]),
    ("欧阳明华李四", None)])          # 欧阳明华|李四 or 欧阳明|华李四: never guessed
def test_four_character_names(run, names):
    assert metadata.split_names(run) == names


def test_a_word_in_transcription_characters_is_no_transcribed_name():
    assert metadata.transcribed("次仁卓玛") and not metadata.transcribed("哈哈哈哈")


def test_a_transcribed_name_after_no_role_needs_a_surname():
    assert metadata.names_alone("次仁卓玛") is None


@pytest.mark.parametrize("text, cut", [
    ("柔佛华校董联会主席拿督林", ("林", False)), ("出席者包括丹斯里陈", ("陈", False)), ("拿督斯里 黄", ("黄", True)),
    ("主席林", ("林", False)),                       # unchanged: a job title
    ("他们前往敦煌", None), ("他从伦敦", None),        # 敦 ends a word: no surname after it
])
def test_a_name_cut_after_an_honorific(text, cut):
    assert metadata.cut_name(text) == cut


def test_a_name_cut_after_an_honorific_is_joined():
    from cleaner import breaks
    assert breaks.certain_join("柔佛华校董联会主席拿督林", "国华在记者会上指出，部分市区华小已出现一位难求的情况。") == "name_cut"


@pytest.mark.parametrize("line, authors", [
    ("林子明 报道", [{"name": "林子明", "role": "报道"}]), ("王五 赵六 报道", [{"name": "王五", "role": "报道"},
                                                                         {"name": "赵六", "role": "报道"}]),
    ("相关 报道", []), ("新闻 报道", []), ("林子明报道", []),      # words, or no space: no byline
])
def test_names_then_reported(line, authors):
    assert metadata.parse_byline(line).authors == authors
    assert bool(metadata.REPORTER_LINE.match(line)) is bool(authors)


@pytest.mark.parametrize("line, names", [("任仲平", ["任仲平"]), ("王思远 李可", ["王思远", "李可"]),
                                         ("城市更新", None), ("安阳", None)])
def test_names_alone_on_a_line_read_as_a_byline(line, names):
    """A line of names the articles stage made a byline (an opinion piece's
    signature under its headline) names its authors, with no role; it is no
    reporter line by itself (REPORTER_LINE does not take it)."""
    b = metadata.parse_byline(line)
    assert b.authors == [{"name": n, "role": None} for n in names or []]
    assert metadata.REPORTER_LINE.match(line) is None


@pytest.mark.parametrize("line, name", [
    ("□ 木子", "木子"), ("□ 一丁", "一丁"), ("□ 晓风", "晓风"), ("□ 若水", "若水"), ("■木子", "木子"),
    ("□ 何秋生", "何秋生"),                                        # unchanged: a surname first, as before
    ("■ 现场", None), ("● 高考", None), ("□ 链接", None), ("■ 相关新闻", None), ("□ 小贴士", None),
    ("□ 短评", None), ("■ 声音", None), ("■ 按语", None), ("□ 编前", None),  # headings: common words, verbs, labels
    ("□ 木子 一丁", None), ("木子", None), ("□ 木", None), ("□ 木子。", None),   # not one word alone after a bullet
    ("□ 林 远", "林远"), ("□\u3000林\u3000远", "林远"), ("□林  远", "林远"),      # a name letter-spaced to three widths
    ("■ 现 场", None), ("■ 关 注", None), ("■ 温 馨", None),  # letter-spaced headings: no surname, words
    ("□ 晓 风", None),                                          # letter-spaced, no surname: no pen name
])
def test_a_pen_name_after_a_bullet(line, name):
    """The shape alone: a bullet and a pen name that need not start with a
    surname, no common word; where it stands is the articles stage's test."""
    assert metadata.bullet_pen_name(line) == name


@pytest.mark.parametrize("line, name", [("□ 木子", "木子"), ("□ 晓风", "晓风"), ("■ 现场", None), ("□ 小贴士", None)])
def test_a_pen_name_line_made_a_byline_names_its_author(line, name):
    """parse_byline reads the line once the articles stage made it a byline;
    the line alone is no reporter line (a heading has that shape too)."""
    assert metadata.parse_byline(line).authors == ([{"name": name, "role": None}] if name else [])
    assert metadata.REPORTER_LINE.match(line) is None


def _bullet_pen_name_slowly(line):
    m = metadata._BULLET_WORD.match(line.strip())
    if m:
        return m["name"] if metadata.names_alone(m["name"]) == [m["name"]] or metadata.pen_word_reads(m["name"]) else None
    m = metadata._BULLET_SPACED.match(line.strip())
    name = m and m["name"].replace(" ", "").replace("\u3000", "")
    return name if name and metadata.names_alone(name) == [name] and (
        metadata._dictionary_entry(name) is None or metadata._dictionary_entry(name)[0] < metadata.PEN_WORD_MAX_COUNT) else None


def test_a_pen_name_s_cheap_test_changes_no_answer():
    rows = ["□ 木子", "□　木子", "□  晓风", "■ 何秋生", "□ 小贴士", "□ 木子 一丁", "□木子李四", "□ 木子李", "■ 现场新闻",
            "□  林  远", "□\u3000\u3000林\u3000\u3000远", "□ 林 远 方"]
    for line in rows + [r[:k] for r in rows for k in range(1, len(r))]:
        assert metadata.bullet_pen_name(line) == _bullet_pen_name_slowly(line), line


@pytest.mark.parametrize("text, byline, authors", [
    ("本报讯 记者 李建文、特约通讯员 王 雷报道：3月上旬，某边防团对执勤点位逐一开展勘察。",
     "本报讯 记者 李建文、特约通讯员王 雷报道：", [["李建文", "记者"], ["王雷", "特约通讯员"]]),
    ("本报讯 刘 涛、见习记者 王紫薇报道：3月8日，某旅组织新兵开展主题教育。",
     "本报讯 刘 涛、见习记者 王紫薇报道：", [["刘涛", None], ["王紫薇", "见习记者"]]),
    ("本报讯 记者 李建文、王晓东，通讯员 张小平报道：3月上旬，某边防团开展勘察。",
     "本报讯 记者 李建文、王晓东，通讯员 张小平报道：", [["李建文", "记者"], ["王晓东", "记者"], ["张小平", "通讯员"]]),
    ("本报讯 记者 王 雷报道：3月上旬，某边防团开展勘察。", "本报讯 记者 王 雷报道：", [["王雷", "记者"]]),
    ("本报郑州4月26日电 张晓辉报道：昨天，某部训练督查组深入训练场。", "本报郑州4月26日电 张晓辉报道：", [["张晓辉", None]]),
    # unchanged: one reporter; the roles of a military paper, each read
    ("本报讯 记者 李建文报道：3月上旬，某边防团开展勘察。", "本报讯 记者 李建文报道：", [["李建文", "记者"]]),
    ("本报讯 特约记者 王雷、本报特约通讯员 李建文报道：3月上旬，某部开展勘察。",
     "本报讯 特约记者 王雷、本报特约通讯员 李建文报道：", [["王雷", "特约记者"], ["李建文", "特约通讯员"]]),
    ("本报讯 见习记者 王紫薇报道：3月8日，某旅开展教育。", "本报讯 见习记者 王紫薇报道：", [["王紫薇", "见习记者"]]),
    # no name without a role outside the frame, nor a word for a name in it
    ("本报讯 刘 涛、见习记者 王紫薇报道，3月8日，某旅开展教育。", "本报讯", []),
    ("刘 涛、见习记者 王紫薇报道：3月8日，某旅开展教育。", "", []),
    ("本报讯 近日，记者走访报道：某旅开展教育。", "本报讯", []),
    ("本报讯 王府井报道：某商场开业。", "本报讯", []),               # a place the dictionary takes for a name
    ("本报讯 北京报道：某商场开业。", "本报讯", []),                 # a listed place
    ("本报讯 张家口报道：某商场开业。", "本报讯", []),               # a place tagged a name, common
])
def test_names_then_reported_after_a_dateline(text, byline, authors):
    """Names joined by 、 or a comma, each perhaps letter-spaced and perhaps
    after a role, closed by 报道：, after a dateline (a military paper's
    opening); a name with no role is read in this frame only."""
    t = normalise(text)
    got = t[:metadata.byline_end(t)].strip()
    assert got == byline
    assert [[a["name"], a["role"]] for a in metadata.parse_byline(got).authors if got] == authors


@pytest.mark.parametrize("credit, scoped", [
    ("责任编辑：韩 梅", True), ("责任编辑 韩 梅", True), ("编辑：韩　梅", True), ("责编：韩 梅", True),
    ("责任编辑：韩梅", False), ("编辑：王五", False), ("（责任编辑：韩 梅）", False),     # unchanged: a story's editor
    ("编辑：王五 赵六", False), ("记者 张 三 摄", False),                                  # unchanged: two names; no editor
])
def test_an_editor_s_letter_spaced_name_is_a_page_footer_s(credit, scoped):
    assert metadata.page_scoped(credit) is scoped


@pytest.mark.parametrize("text, cut", [
    ("城南水文站站长柯", ("柯", False)), ("县博物馆副馆长 庞", ("庞", True)),     # offices
    ("青山队主力前锋骆", ("骆", False)), ("本场比赛的选手 欧阳", ("欧阳", True)),   # a team's positions
    ("沙洲村村民宁", ("宁", False)), ("热心网友岑", ("岑", False)),              # who the person is to the story
    ("全体居民", None), ("他是队里的头号前锋", None), ("选手们", None),          # no surname closes the line
])
def test_a_name_cut_after_an_office_a_position_or_a_label(text, cut):
    assert metadata.cut_name(text) == cut


@pytest.mark.parametrize("prev, nxt", [
    ("第37分钟，青山队主力前锋骆", "子健接队友传中头球破门。"),
    ("沙洲村村民宁", "海波说，今年的收成比去年好。"),
    ("城南水文站站长柯", "明远介绍，汛期已经过去。"),
])
def test_a_name_cut_after_an_office_a_position_or_a_label_is_joined(prev, nxt):
    from cleaner import breaks
    assert breaks.certain_join(prev, nxt) == "name_cut"


@pytest.mark.parametrize("prev, nxt", [
    ("服务全体居民", "社区食堂下月开业。"),      # a heading ending on the label, no surname
    ("青山队主力前锋", "骆子健接队友传中头球破门。"),  # the break before the name: no name was cut
])
def test_a_label_with_no_surname_after_it_is_no_name_cut(prev, nxt):
    from cleaner import breaks
    assert breaks.certain_join(prev, nxt) != "name_cut"


@pytest.mark.parametrize("left, right, kept", [
    ("晨报讯（松江晨报记者 柏青", "实习生 岳林）", True),         # a name, then the next role
    ("（通讯员 柏青", "岳林 报道）", True),                         # two names
    ("（本报首席记者", "柏青 岳林）", True),                        # a role, then its name
    ("村民老柏告诉", "记者今年的收成比去年好。", False),            # running text before a role word
    ("这位老记者", "今年的收成比去年好。", False),                  # a role word, running text after it
    ("现场来了不少记者", "和摄影师）", False),                      # no name closes the next line's word
])
def test_a_space_at_a_break_parts_a_bylines_staff(left, right, kept):
    assert metadata.byline_space(left, right) == kept
