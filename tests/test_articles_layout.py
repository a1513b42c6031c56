"""Blocks -> articles: what the page's layout says about where items begin.

A short heading after a wide blank gap heads an item of its own (a box of
listings or results, a notice), and a column label over a headline is a
kicker. Hand-written pages through the whole per-file path, with the
expected records written by hand.
"""
import pytest

from cleaner import articles
from cleaner.articles import Block
from cleaner.pipeline import FileMeta, Settings, clean_text


def clean(page: str) -> list[dict]:
    return [a.record for a in clean_text(page, FileMeta("page.txt", year=2026), Settings()).articles]


def wrap(*lines: str) -> str:
    return "\n\n".join(lines) + "\n"


#: Three blank lines beyond the usual one: the gap a page leaves between items.
GAP = "\n\n\n"

STORY = [
    "某市新建十所学校",
    "本报讯（记者 王小明）12月9日，某市教育局宣布今年将新建十所学校，新增学位约一万个。",
    "教育局表示，新学校将在明年秋季学期前全部投入使用。",
]


def paragraphs(record: dict) -> list[str]:
    return record["text"].split("\n")


# --- a short heading after a wide gap opens an item --------------------------------

MARKET = [
    "甲公司拟回购不超过2亿元股份",
    "本报讯（记者 王小明）12月9日晚间，甲公司公告称，拟以自有资金回购公司股份，回购金额不超过2亿元。",
    "分析人士认为，公司回购股份反映出对自身长期价值的认可。",
]


def test_a_box_of_bullet_items_after_a_wide_gap_is_its_own_record():
    """The items speak of companies and shares as the story above does, so
    the words alone do not tell the box from the story."""
    page = wrap(*MARKET) + GAP + wrap(
        "公告速递",
        "■乙公司（000002）：前三季度实现营业收入",        # the first item cut by the layout
        "12.5亿元，同比增长8.1%。",
        "■丙公司（000003）：公司股东所持限售股将于12月15日上市流通。",
        "■丁公司（000004）：公司中标一项供水管网改造项目。")
    records = clean(page)
    assert [r["title"] for r in records] == ["甲公司拟回购不超过2亿元股份", "公告速递"]
    assert paragraphs(records[0]) == [
        "12月9日晚间，甲公司公告称，拟以自有资金回购公司股份，回购金额不超过2亿元。",
        "分析人士认为，公司回购股份反映出对自身长期价值的认可。"]
    assert records[1]["byline"] is None
    assert paragraphs(records[1])[0] == "■乙公司（000002）：前三季度实现营业收入"
    assert paragraphs(records[1])[-1] == "■丁公司（000004）：公司中标一项供水管网改造项目。"


def test_a_results_box_after_a_wide_gap_is_its_own_record():
    page = wrap(*STORY) + GAP + wrap(
        "第五轮比赛结果",
        "甲城队 102∶96 乙城队",
        "丙城队 88∶91 丁城队",
        "戊城队 79∶84 己城队")
    records = clean(page)
    assert [r["title"] for r in records] == ["某市新建十所学校", "第五轮比赛结果"]
    assert paragraphs(records[1]) == ["甲城队 102∶96 乙城队", "丙城队 88∶91 丁城队", "戊城队 79∶84 己城队"]


def test_a_results_box_after_a_quotation_closed_by_a_straight_quote_is_its_own_record():
    page = wrap("甲队主场3比1战胜乙队",
                "本报记者 张三 发自某市",
                "昨晚,联赛第30轮在某市体育场展开角逐,甲队主场3比1战胜乙队。",
                '赛后,甲队主教练表示:"这场胜利属于每一位球迷。"') + GAP + wrap(
        "本轮其他比赛结果",
        "丙队 2:0 丁队",
        "戊队 1:1 己队")
    records = clean(page)
    assert [r["title"] for r in records] == ["甲队主场3比1战胜乙队", "本轮其他比赛结果"]
    assert paragraphs(records[1]) == ["丙队 2:0 丁队", "戊队 1:1 己队"]


def test_a_notice_after_a_wide_gap_is_its_own_record():
    page = wrap("某市地铁三号线开通试运营",
                "本报讯（记者 王小明）12月9日，某市地铁三号线开通试运营，全线设站十八座，乘客可在各站换乘公交。",
                ) + GAP + wrap(
        "寻人启事",
        "张某，男，70岁，12月1日上午在地铁三号线某站附近走失。如有知情者，请拨打110。")
    records = clean(page)
    assert [r["title"] for r in records] == ["某市地铁三号线开通试运营", "寻人启事"]
    assert records[1]["text"] == "张某，男，70岁，12月1日上午在地铁三号线某站附近走失。如有知情者，请拨打110。"


def test_a_notice_after_another_notices_signature_and_date_is_its_own_record():
    page = wrap("关于某区部分路段暂停供水的通知",
                "因供水管网改造，12月5日8时至18时某区部分路段将暂停供水，请居民提前做好储水准备。",
                "某市供水公司",
                "2026年12月3日") + GAP + wrap(
        "寻物启事",
        "本人于12月1日在某路公交车上遗失黑色背包一个，内有证件若干。如有拾到者，请拨打电话联系，必有重谢。")
    records = clean(page)
    assert [r["title"] for r in records] == ["关于某区部分路段暂停供水的通知", "寻物启事"]
    assert paragraphs(records[0])[-2:] == ["某市供水公司", "2026年12月3日"]


def test_without_a_wide_gap_a_sub_heading_stays_in_the_article():
    page = wrap(*STORY,
                "相关链接",
                "去年，该市共新建学校八所，新增学位六千余个，缓解了城区入学压力。")
    [record] = clean(page)
    assert record["title"] == "某市新建十所学校"
    assert paragraphs(record)[-2:] == ["相关链接", "去年，该市共新建学校八所，新增学位六千余个，缓解了城区入学压力。"]


def blocks(*specs: tuple[str, str, int]) -> list[Block]:
    """Blocks from (text, role, extra blank lines before)."""
    out = []
    for k, (text, role, extra) in enumerate(specs):
        b = Block([k], text, role, extra)
        b._shaped = articles.title_shaped(text)
        out.append(b)
    return out


@pytest.mark.parametrize("before, extra, wide", [
    (("教育局表示，新学校将在明年投入使用。", "body"), 2, True),    # after a finished paragraph
    (("记者 张三 摄", "credit"), 1, True),                          # after a credit
    (('他说:"这是大家的功劳。"', "body"), 2, True),                 # a quotation closed by a straight quote
    (('他说:"', "body"), 2, False),                                 # and one opened by it
    (("2026年12月3日", "body"), 2, True),                           # after a notice's date line
    (("教育局表示，新学校将在明年投入使用。", "body"), 0, False),   # no gap beyond the usual one
    (("教育局表示，新学校将在明年投入使", "body"), 2, False),       # a paragraph cut mid-sentence: the model decides
    (("本报记者 张三", "byline"), 2, False),                        # under a byline: the model decides
])
def test_after_wide_gap(before, extra, wide):
    bs = blocks((*before, 0), ("今日天气", "body", extra), ("市区：多云，南风二级。", "body", 0))
    assert articles._after_wide_gap(bs, 1) is wide


def test_a_wide_gap_at_the_top_of_the_page_is_no_evidence():
    bs = blocks(("今日天气", "body", 2), ("市区：多云，南风二级。", "body", 0))
    assert articles._after_wide_gap(bs, 0) is False


# --- a column label over a headline is a kicker ---------------------------------

COMMENT = [
    "让社区服务更有温度",
    "本报记者 李华",
    "推进城市更新，既要有“面子”，更要有“里子”。不少城市在社区增设菜市场、托育点和养老驿站，居民生活更加便利。",
    "但也要看到，一些地方重建设、轻运营，设施建起来了，服务却跟不上。",
]


def test_a_column_label_after_a_wide_gap_is_the_kicker_and_the_line_under_it_the_headline():
    page = wrap(*STORY) + GAP + wrap("时评", *COMMENT)
    records = clean(page)
    assert [r["title"] for r in records] == ["某市新建十所学校", "让社区服务更有温度"]
    assert records[1]["byline"] == "本报记者 李华"
    assert records[1]["authors"] == [{"name": "李华", "role": "记者"}]
    assert paragraphs(records[1]) == ["时评", COMMENT[2], COMMENT[3]]


PHOTO = ["金秋果园", "9月16日，在东川市北岭镇苹果种植基地，果农正在采摘苹果。该基地今年预计产量达到640万公斤。",
         "摄影/东川都市报东川网记者 何志远"]
PHOTO2 = ["赏菊", "9月19日，市民在人民公园观赏菊花展。", "摄影/东川都市报东川网记者 何志远"]


@pytest.mark.parametrize("photos", [[PHOTO], [PHOTO, PHOTO2]])
def test_a_photo_story_with_a_short_caption_after_an_article_is_its_own(photos):
    """金秋果园 ¶ 9月16日，… ¶ 摄影/…: a headline over one paragraph and a
    photo's credit heads a photo story, however short the caption."""
    page = wrap(*STORY, *[line for ph in photos for line in ph])
    records = clean(page)
    assert [r["title"] for r in records] == [STORY[0], *[ph[0] for ph in photos]]
    assert paragraphs(records[0]) == [STORY[1].split("）", 1)[1], STORY[2]]
    assert records[1]["authors"] == [{"name": "何志远", "role": "摄影"}]
    assert records[1]["date"] == "2026-09-16"


def test_a_sub_heading_over_a_last_paragraph_and_a_photo_credit_stays_in_its_article():
    """An article with sub-headings, closed by a photo's credit: its last
    sub-heading is one more of them, not a photo story's headline."""
    page = wrap(STORY[0], STORY[1], "新校舍", "新学校将在明年秋季学期前全部投入使用，新增学位约一万个。",
                "新课程", "各校将开设科技、艺术等特色课程，满足学生多样需求。", "本报记者 王小明 摄")
    [record] = clean(page)
    assert record["title"] == STORY[0]
    assert "新课程" in paragraphs(record)


NOTICE = ["征稿启事", "为展示我县乡村振兴的新成就，本刊即日起开设“我的家乡我的村”专栏，面向全县干部群众征集稿件。",
          "来稿请注明作者姓名和联系方式，一经采用，稿酬从优。", "桐溪周刊编辑部"]


def test_a_notice_heading_at_the_top_of_the_page_heads_the_notice():
    [record] = clean(wrap(*NOTICE))
    assert record["title"] == "征稿启事"
    assert paragraphs(record)[0] == NOTICE[1]


def test_a_notice_heading_under_a_paragraph_of_an_article_heads_nothing():
    """特此公告 closing a notice's text, under its last paragraph, is text."""
    records = clean(wrap(*STORY, "特此公告", "某市教育局"))
    assert [r["title"] for r in records] == [STORY[0]]


LETTER = ["村口的路灯亮了", "读者 吴德厚",
          "我是东岭村的一名村民。过去一到晚上，村口黑漆漆的，老人孩子出门很不方便。",
          "上个月，镇里给村口装上了十几盏太阳能路灯，大家都说好。"]


@pytest.mark.parametrize("before", ["", wrap(*STORY) + GAP])
def test_a_four_character_label_over_a_seven_character_headline_is_the_kicker(before):
    """读者来信 over 村口的路灯亮了: three characters longer is enough."""
    records = clean(before + wrap("读者来信", *LETTER))
    assert records[-1]["title"] == LETTER[0]
    assert paragraphs(records[-1])[0] == "读者来信"


def test_a_column_label_at_the_top_of_the_page_is_the_kicker():
    [record] = clean(wrap("记者观察", *COMMENT))
    assert record["title"] == "让社区服务更有温度"
    assert record["byline"] == "本报记者 李华"
    assert paragraphs(record) == ["记者观察", COMMENT[2], COMMENT[3]]


@pytest.mark.parametrize("second", [
    "——来自某市社区的调查",           # a subtitle under a short headline
    "时间：每周六上午九时至十一时",    # a label and its value
    "服务上门",                        # not longer than the headline by enough
])
def test_a_short_headline_over_a_line_that_is_no_headline_stays_the_headline(second):
    page = wrap("社区服务", second, *COMMENT[1:])
    [record] = clean(page)
    assert record["title"] == "社区服务"
    assert paragraphs(record)[0] == second


def test_a_headline_cut_in_two_keeps_its_first_part_as_the_title():
    """A short first part sharing words with the story is no column label
    (the two lines are one headline; joining them is break repair's job)."""
    page = wrap("市民反映路灯", "夜间长期不亮存隐患", "本报记者 李华",
                "近日，有市民反映某路段路灯夜间长期不亮，行人和车辆通行存在安全隐患。",
                "记者实地走访发现，该路段共有路灯三十余盏，其中近半数不亮。")
    [record] = clean(page)
    assert record["title"] == "市民反映路灯"
    assert paragraphs(record)[0] == "夜间长期不亮存隐患"


def test_a_contents_box_keeps_its_label_as_title():
    """今日导读 over ▶ items is a box's heading, not a column label over a headline."""
    page = wrap(*STORY) + GAP + wrap("今日导读", "▶ 全省县域经济高质量发展推进会召开 2版",
                                     "▶ 我省出台支持民营经济发展若干措施 3版", "▶ 南昌地铁4号线二期工程全面开工 4版")
    records = clean(page)
    assert [r["title"] for r in records] == ["某市新建十所学校", "今日导读"]
    assert paragraphs(records[1])[0] == "▶ 全省县域经济高质量发展推进会召开 2版"


QA = [
    "寒假该不该给孩子报培训班？",
    "本报记者 张欣",
    "问：孩子上初二，成绩中等，寒假要不要报几个补习班？",
    "答：寒假时间不长，建议先帮助孩子梳理本学期的知识漏洞，有针对性地查漏补缺。",
]


def test_a_label_of_two_words_set_apart_by_a_space_is_the_kicker():
    [record] = clean(wrap("家长问 专家答", *QA))
    assert record["title"] == "寒假该不该给孩子报培训班？"
    assert record["byline"] == "本报记者 张欣"
    assert paragraphs(record) == ["家长问 专家答", QA[2], QA[3]]


@pytest.mark.parametrize("label", [
    "寒假 培训班",          # shares its words with the story: a headline cut in two
    "家长问 专家答疑解惑",  # a word too long for a label
    "编 者 按",             # letter-spaced: a preface label, not a column's
])
def test_a_spaced_line_that_is_no_column_label_stays_where_it_was(label):
    records = clean(wrap(label, *QA))
    assert records[0]["title"] != "寒假该不该给孩子报培训班？" or paragraphs(records[0])[0] != label


def test_a_two_word_headline_over_its_story_is_no_label():
    """Two short phrases set apart by a space over a byline and the story
    are the headline itself."""
    [record] = clean(wrap("春运开启 平安出行", "本报记者 张欣",
                          "1月10日，春运正式开启。记者在火车站看到，旅客秩序井然。",
                          "据介绍，今年春运客流预计同比增长一成。"))
    assert record["title"] == "春运开启 平安出行"


REVIEW = [
    "《长河》：一条河流与三代人",
    "□ 何秋生",
    "《长河》的故事并不复杂：一个船工家庭，三代人，七十年。但导演把镜头对准了船舱里的一张饭桌。",
    "影片的遗憾在于后半段节奏拖沓，个别情节略显刻意。",
]


def test_a_label_over_a_headline_with_a_colon_over_a_byline_is_the_kicker():
    [record] = clean(wrap("影评", *REVIEW))
    assert record["title"] == "《长河》：一条河流与三代人"
    assert record["byline"] == "□ 何秋生"
    assert paragraphs(record) == ["影评", REVIEW[2], REVIEW[3]]


def test_a_label_over_a_headline_with_a_colon_after_an_article_is_the_kicker():
    records = clean(wrap(*STORY) + GAP + wrap("影评", *REVIEW))
    assert [r["title"] for r in records] == ["某市新建十所学校", "《长河》：一条河流与三代人"]
    assert paragraphs(records[1])[0] == "影评"


@pytest.mark.parametrize("head, kicker", [
    ("《长河》：一条河流与三代人", True),
    ("时间：每周六上午九时至十一时", False),     # a field's name and its value
])
def test_a_colon_under_a_label_over_a_byline(head, kicker):
    bs = blocks(("读书会", "title", 0), (head, "body", 0), ("本报记者 李华", "byline", 0),
                (COMMENT[2], "body", 0))
    articles._column_labels(bs)
    assert [b.role for b in bs[:2]] == (["kicker", "title"] if kicker else ["title", "body"])


def test_a_headline_with_a_colon_without_a_byline_under_it_stays_text():
    page = wrap(*STORY) + GAP + wrap("影评", "《长河》：一条河流与三代人",
                                     "《长河》的故事并不复杂：一个船工家庭，三代人，七十年。")
    records = clean(page)
    assert [r["title"] for r in records] == ["某市新建十所学校", "影评"]


PHOTO = [
    "鄱阳湖迎来首批越冬白鹤",
    "11月25日，在鄱阳湖国家级自然保护区，白鹤在浅水区觅食。随着气温下降，今年首批越冬白鹤已飞抵鄱阳湖。",
    "本报记者 傅建斌 摄",
]


@pytest.mark.parametrize("last", [
    "新区累计新签约项目186个，总投资额达1126亿元。（详见第3版）",     # a note closing the paragraph
    "新区累计新签约项目186个，总投资额达1126亿元。",                   # a plain stop
])
def test_a_labelled_photo_block_after_an_article_is_its_own_record(last):
    page = wrap(STORY[0], STORY[1], last) + GAP + wrap("图片新闻", *PHOTO)
    records = clean(page)
    assert [r["title"] for r in records] == ["某市新建十所学校", "鄱阳湖迎来首批越冬白鹤"]
    assert paragraphs(records[0])[-1] == last
    assert records[0]["authors"] == [{"name": "王小明", "role": "记者"}]
    assert paragraphs(records[1]) == ["图片新闻", PHOTO[1]]
    assert records[1]["authors"] == [{"name": "傅建斌", "role": "摄影"}]


@pytest.mark.parametrize("text, ends", [
    ("总投资额达1126亿元。（详见第3版）", True),
    ("他说：“很好。”（记者 张三）", True),
    ("总投资额达1126亿元（详见第3版）", False),       # no stop before the bracket
    ("全年（预计）", False),
])
def test_note_tail(text, ends):
    assert (articles._NOTE_TAIL.search(text) is not None) is ends


BRIEFS = [
    "路局简讯",
    "■ 11月25日，某铁路集团首列“湾区旅游专列”从某站开出，途经甲、乙等地，为期6天。",
    "■ 11月以来，某局累计发送煤炭2860万吨，同比增长8.2%。",
    "（本报记者 周琳 整理）",
]


def test_a_box_of_briefs_at_the_top_of_the_page_keeps_its_label_as_title():
    [record] = clean(wrap(*BRIEFS, "责任编辑：韩 梅"))
    assert record["title"] == "路局简讯"
    assert record["byline"] == "（本报记者 周琳 整理）"
    assert paragraphs(record) == BRIEFS[1:3]


def test_a_box_of_briefs_after_a_credit_keeps_its_label_as_title():
    records = clean(wrap(*PHOTO, *BRIEFS))
    assert [r["title"] for r in records] == ["鄱阳湖迎来首批越冬白鹤", "路局简讯"]
    assert paragraphs(records[1]) == BRIEFS[1:3]


def test_a_label_over_bullet_items_inside_an_article_stays_a_sub_heading():
    [record] = clean(wrap(*STORY, "主要措施", BRIEFS[1], BRIEFS[2]))
    assert record["title"] == "某市新建十所学校"
    assert paragraphs(record)[-3:] == ["主要措施", BRIEFS[1], BRIEFS[2]]


# --- a kicker (引题) over the main headline ------------------------------------------

LEAD = [
    "本报讯（记者 胡晓燕 通讯员 谢文斌）11月24日上午，某村“积分超市”里热闹非凡，村民们拿着积分卡排队兑换生活用品。",
    "据介绍，村民参与环境整治、志愿服务等活动均可获得积分。",
]


def test_a_kicker_over_a_shorter_quoting_headline_over_a_byline_is_kept_as_text():
    [record] = clean(wrap("全县首批“积分超市”开门迎客", "“小积分”兑出乡村“大文明”", *LEAD))
    assert record["title"] == "“小积分”兑出乡村“大文明”"
    assert paragraphs(record) == ["全县首批“积分超市”开门迎客", LEAD[0].split("）", 1)[1], LEAD[1]]


@pytest.mark.parametrize("second", [
    "积分兑出乡村文明新风",                  # quotes nothing: may be a subtitle
    "全县已有“积分超市”120家",              # figures: a subtitle's facts
    "“小积分”兑出乡村“大文明”新风尚正在形成",  # longer than the line above
])
def test_a_headline_over_a_line_that_is_no_main_headline_stays_the_title(second):
    [record] = clean(wrap("全县首批“积分超市”开门迎客", second, *LEAD))
    assert record["title"] == "全县首批“积分超市”开门迎客"
    assert paragraphs(record)[0] == second


def test_a_pen_name_under_a_labelled_headline_signs_it():
    """影评 / 《长河》：… / □ 木子: the pen name is found under the pair, then the
    label is a kicker over the headline (its colon allowed: a byline follows)."""
    page = wrap(*STORY) + GAP + wrap("影评", "《长河》：一条河流与三代人", "□ 木子",
                                     "《长河》的故事并不复杂：一个船工家庭，三代人，七十年。但导演没有选择宏大叙事。",
                                     "影片的遗憾在于后半段节奏拖沓，个别情节略显刻意。")
    records = clean(page)
    assert [r["title"] for r in records] == ["某市新建十所学校", "《长河》：一条河流与三代人"]
    assert (records[1]["byline"], records[1]["authors"]) == ("□ 木子", [{"name": "木子", "role": None}])
    assert paragraphs(records[1])[0] == "影评"


def test_a_label_and_its_headline_both_taken_as_titles():
    """以案释法 ¶ 婚前按揭买房 离婚时如何分割 ¶ □ 本报记者 X: the model takes both
    lines for headlines; the label is the kicker, the headline the title."""
    page = wrap(*STORY) + GAP + wrap("以案释法", "婚前按揭买房 离婚时如何分割", "□ 本报记者 刘晓丹",
                                     "【案情】2019年，陈某婚前首付60万元按揭购买一套住房，登记在自己名下。",
                                     "【审理】法院经审理认为，该房屋系陈某婚前个人财产。")
    records = clean(page)
    assert records[-1]["title"] == "婚前按揭买房 离婚时如何分割"
    assert paragraphs(records[-1])[0] == "以案释法"


# --- a line over nothing but the page's furniture heads no article ------------------

CONTACT = "咨询电话：0471-6612345"
FOOTER = "本版编辑：张 三 校对：李 四"


@pytest.mark.parametrize("after", [
    [FOOTER],                                             # the page's footer
    [FOOTER, "2026年5月9日 星期六 第3版"],                  # and its folio
    [],                                                   # nothing: the row that was right already
])
def test_a_field_line_over_the_page_footer_stays_the_last_paragraph(after):
    [record] = clean(wrap(*STORY, CONTACT, *after))
    assert record["title"] == STORY[0]
    assert paragraphs(record) == [STORY[1].split("）", 1)[1], STORY[2], CONTACT]
    assert record["credits"] == (["本版编辑：张三 校对：李四"] if after else [])
    assert record["authors"] == [{"name": "王小明", "role": "记者"}]


def test_a_field_line_over_the_footer_does_not_head_the_next_article():
    """Taken as a headline over the footer, the line headed the article
    under it and that article's headline went to its text."""
    records = clean(wrap(*STORY, CONTACT, FOOTER, *MARKET))
    assert [r["title"] for r in records] == [STORY[0], MARKET[0]]
    assert paragraphs(records[0])[-1] == CONTACT
    assert paragraphs(records[1])[0] == MARKET[1].split("）", 1)[1]


def test_a_photo_headline_over_its_credit_alone_is_still_a_record():
    """A photo credit is the matter of the line over it, not furniture."""
    records = clean(wrap(*STORY) + GAP + wrap(PHOTO[0], PHOTO[2]))
    assert [r["title"] for r in records] == [STORY[0], PHOTO[0]]
    assert records[1]["authors"] == [{"name": "傅建斌", "role": "摄影"}]


# --- a signature in brackets closes the article above -------------------------------

SIGNED = [
    "某旅开展冬季野营拉练",
    "本月中旬，某旅组织官兵开展为期一周的冬季野营拉练，部队徒步行军120公里，完成多个课目演练。",
    "拉练中，各连队轮流担任尖兵，在复杂地形中实施侦察警戒。",
    "（特约通讯员 刘 洋）",
]
SNOW = ["雪野砺兵", "12月15日，某旅官兵在雪地中进行战术训练，锤炼部队严寒条件下的作战能力。", "特约记者 王 刚摄"]


def test_a_photo_after_an_article_signed_in_brackets_is_its_own_titled_record():
    """The signature closes the article as a credit does: after the wide gap
    the photo's headline is a headline, and the caption its dated lead."""
    records = clean(wrap(*SIGNED) + GAP + wrap(*SNOW))
    assert [r["title"] for r in records] == [SIGNED[0], SNOW[0]]
    assert records[0]["authors"] == [{"name": "刘洋", "role": "特约通讯员"}]
    assert paragraphs(records[1]) == [SNOW[1]]
    assert records[1]["date"] == "2026-12-15"


def test_a_names_only_bracket_after_an_article_is_no_signature_of_it():
    """（刘洋）: names alone may be a quotation's source; the article above
    keeps it as text, as before."""
    records = clean(wrap(*SIGNED[:3], "（刘洋）") + GAP + wrap(*SNOW))
    assert paragraphs(records[0])[-1] == "（刘洋）"
    assert records[-1]["title"] == SNOW[0]


# --- a label over a question headline over a Q&A ------------------------------------

CLINIC_QA = [
    "名医坐诊",
    "孩子总是夜里咳嗽是不是过敏？",
    "问：我家孩子6岁，一到夜里就咳嗽，吃了几种止咳药都不见好，是不是过敏了？",
    "答：夜间反复咳嗽，首先要考虑咳嗽变异性哮喘，建议到医院做肺功能和过敏原检测。",
]


@pytest.mark.parametrize("before", [
    "",                                                   # the page's top
    wrap(*SIGNED) + GAP,                                  # after an article's signature
])
def test_a_label_over_a_question_headline_over_a_qa_is_the_kicker(before):
    records = clean(before + wrap(*CLINIC_QA))
    assert records[-1]["title"] == CLINIC_QA[1]
    assert paragraphs(records[-1]) == [CLINIC_QA[0], CLINIC_QA[2], CLINIC_QA[3]]


@pytest.mark.parametrize("before", [
    "",                                                   # the page's top
    wrap(*STORY) + GAP,                                   # after an article
])
def test_a_label_over_a_question_headline_over_an_experts_field_is_the_kicker(before):
    """名医坐诊 ¶ 孩子…？ ¶ 坐诊专家：… ¶ 问：…: the field's label shares 坐诊
    with the column's, which makes no headline cut in two."""
    field = "坐诊专家：滨江市妇幼保健院儿科主任医师 郑丽华"
    records = clean(before + wrap(*CLINIC_QA[:2], field, *CLINIC_QA[2:]))
    assert records[-1]["title"] == CLINIC_QA[1]
    assert paragraphs(records[-1]) == [CLINIC_QA[0], field, CLINIC_QA[2], CLINIC_QA[3]]


@pytest.mark.parametrize("head, under, before, kicker", [
    ("孩子总是夜里咳嗽是不是过敏？", CLINIC_QA[2], None, True),     # a question headline
    ("夏季腹泻不可大意", CLINIC_QA[2], None, True),                  # a plain one over 问：
    ("夏季腹泻不可大意", CLINIC_QA[3], None, False),                 # over neither
    ("孩子总是夜里咳嗽是不是过敏？", CLINIC_QA[2], ("拉练中，各连队轮流担任尖兵。", "body"), False),  # inside an article
    ("孩子总是夜里咳嗽是不是过敏？", CLINIC_QA[2], ("（特约通讯员 刘 洋）", "byline"), True),      # after its signature
])
def test_untaken_pair_over_qa(head, under, before, kicker):
    specs = ([(*before, 0)] if before else []) + [(CLINIC_QA[0], "body", 0), (head, "body", 0), (under, "body", 0)]
    if before and before[1] == "byline":
        specs.insert(0, ("拉练中，各连队轮流担任尖兵，在复杂地形中实施侦察警戒。", "body", 0))
    bs = blocks(*specs)
    i = len(bs) - 3
    assert articles._untaken_pair_over_qa(bs, i) is kicker


def test_a_label_over_a_plain_line_over_running_text_at_the_top_stays_as_it_was():
    """Over running text with no question the pair may be a section label and
    a sub-heading of an article whose headline is not on the page."""
    lines = ["调查背景", "九成受访家长支持课后服务延时", "记者近日走访多所学校发现，课后服务开展以来，家长接送难的问题得到缓解，学生作业也大多能在校内完成。"]
    [record] = clean(wrap(*lines))
    assert record["title"] is None
    assert paragraphs(record) == lines


# --- a sidebar box under an article -------------------------------------------------

FEATURE = [
    "老街修表铺的四十年",
    "本报记者 林 默",
    "早上七点，68岁的周师傅已经拉开了修表铺的卷帘门。他把放大镜夹在眼眶上，开始拆一块老式机械表。",
    "如今来修表的人少了，可周师傅说，只要还有人需要，他就一直干下去。",
]
TIMELINE = ["老街大事记", "1983年，老街修表铺开张，是街上第一家个体修表店。", "2015年，老街列入历史文化街区保护名录。"]


@pytest.mark.parametrize("label", ["■相关链接", "■链接", "■背景", "■延伸阅读", "■新闻链接", "■记者手记", "【相关链接】"])
def test_a_sidebar_box_under_an_article_is_its_own_record(label):
    """The label is the box's title, its heading the first paragraph (print
    order), and the signature under the box is the box's."""
    records = clean(wrap(*FEATURE, label, *TIMELINE, "（本报记者 林默 整理）"))
    assert [r["title"] for r in records] == [FEATURE[0], label]
    assert paragraphs(records[0]) == FEATURE[2:]
    assert records[0]["credits"] == []
    assert paragraphs(records[1]) == TIMELINE
    assert records[1]["byline"] == "（本报记者 林默 整理）"
    assert records[1]["authors"] == [{"name": "林默", "role": "记者"}]


def test_a_sidebar_label_over_running_text_is_the_box_title():
    records = clean(wrap(*FEATURE, "■链接", TIMELINE[1], TIMELINE[2]))
    assert [r["title"] for r in records] == [FEATURE[0], "■链接"]
    assert paragraphs(records[1]) == TIMELINE[1:]


def test_sub_headings_and_bulleted_sections_stay_in_the_article():
    """Sub-headings (no label), and a label in an article whose sections
    open with bullets (■现场 … ■背景), are the article's."""
    subs = wrap(FEATURE[0], FEATURE[1], FEATURE[2], "从学徒到师傅", "1983年，周师傅跟着父亲学修表，一学就是五年。", FEATURE[3])
    [record] = clean(subs)
    assert paragraphs(record)[1] == "从学徒到师傅"
    sections = wrap(FEATURE[0], FEATURE[1], "■现场", FEATURE[2], "■背景", TIMELINE[1], TIMELINE[2])
    [record] = clean(sections)
    assert paragraphs(record) == ["■现场", FEATURE[2], "■背景", TIMELINE[1], TIMELINE[2]]


@pytest.mark.parametrize("text, label", [
    ("■相关链接", True), ("■ 链接", True), ("【背景】", True), ("●延伸阅读：", True), ("■记者手记", True),
    ("相关链接", False),                # no bullet or bracket: may be a sub-heading
    ("■背景资料显示，今年全市", False),   # a brief's first words
    ("■现场", False),                   # a section heading, no sidebar's label
])
def test_sidebar_label(text, label):
    assert (articles._SIDEBAR_LABEL.match(text) is not None) is label


def test_a_bullet_brief_in_a_briefs_box_is_unchanged():
    [record] = clean(wrap(*BRIEFS))
    assert record["title"] == "路局简讯"
    assert paragraphs(record) == BRIEFS[1:3]


# --- two heading lines over a byline after an article: kicker and headline ---------

HARVEST = [
    "冬储白菜正当季",
    "某县：大白菜每斤0.6元上市 比去年低0.1元",
    "本报讯（记者 林一帆）11月3日，记者在某县蔬菜批发市场看到，一车车大白菜正在装卸，批发价为每斤0.6元。",
    "据介绍，今年全县大白菜种植面积达2.1万亩。",
]


def test_a_kicker_and_headline_after_an_article_open_the_next_one():
    """Neither line is taken alone (the lower stands under a short line);
    the byline under the pair says an article begins: the upper is the
    kicker, kept as text ¶1, the lower the headline."""
    records = clean(wrap(*STORY, *HARVEST))
    assert [r["title"] for r in records] == [STORY[0], HARVEST[1]]
    assert paragraphs(records[0]) == [STORY[1].split("）", 1)[1], STORY[2]]
    assert paragraphs(records[1]) == [HARVEST[0], HARVEST[2].split("）", 1)[1], HARVEST[3]]
    assert records[1]["byline"] == "本报讯（记者 林一帆）"
    assert records[1]["date"] == "2026-11-03"


def test_a_headline_cut_after_its_colon_over_a_byline_line_opens_the_next_article():
    """``…警方提醒：`` / ``谨防…`` under a photo's credit, over a byline on a
    line of its own: the pair heads the next article (joined by break repair
    or not, the lower half ends the title), not the photo story."""
    page = wrap("银杏金黄", "11月5日，市民在某公园银杏大道上拍照。图为游客在林间散步。", "（某报记者 林一帆 摄）",
                "男子轻信“高薪兼职”被骗5万元 警方提醒：", "谨防刷单返利骗局",
                "本报讯（记者 卜言 通讯员 郁青禾）",
                "11月6日，记者从某市公安局获悉，市民王某在网上看到一则兼职广告，先后转账5万元后发现被骗。")
    records = clean(page)
    assert [r["title"] for r in records][0] == "银杏金黄"
    assert len(records) == 2
    assert records[1]["title"].endswith("谨防刷单返利骗局")
    assert "谨防刷单返利骗局" not in records[1]["text"] and "谨防" not in records[0]["text"]
    assert records[1]["byline"] == "本报讯（记者 卜言 通讯员 郁青禾）"
    assert records[1]["date"] == "2026-11-06"


COLUMN = [
    "城区新建5处街心花园",
    "本报记者 林一帆",
    "11月2日，记者在城东一处街角看到，原来的空地已建成街心花园，不少居民在此休憩。",
    "据介绍，5处街心花园总面积8000平方米，均已开放。",
]


@pytest.mark.parametrize("label", ["■城建观察", "【城建观察】", "城建观察"])
def test_a_column_label_at_the_page_top_is_the_kicker_however_marked(label):
    [record] = clean(wrap(label, *COLUMN))
    assert record["title"] == COLUMN[0]
    assert paragraphs(record) == [label, COLUMN[2], COLUMN[3]]
    assert record["byline"] == COLUMN[1]


@pytest.mark.parametrize("gap", ["\n", GAP])
@pytest.mark.parametrize("label", ["■城建观察", "城建观察"])
def test_a_column_label_after_an_article_is_the_next_ones_kicker(label, gap):
    """Mid-page, after a finished paragraph (and perhaps a wider gap): the
    label heads the article under it, not the end of the one above."""
    records = clean(wrap(*STORY) + gap + wrap(label, *COLUMN))
    assert [r["title"] for r in records] == [STORY[0], COLUMN[0]]
    assert paragraphs(records[0])[-1] == STORY[2]
    assert paragraphs(records[1]) == [label, COLUMN[2], COLUMN[3]]


def test_two_short_lines_inside_an_article_with_no_byline_under_them_stay_its_text():
    """Sub-headings over running text: no byline under them, no article."""
    body = ["冬储白菜正当季", "批发价每斤0.6元", "记者在某县蔬菜批发市场看到，一车车大白菜正在装卸，市场内人头攒动。"]
    [record] = clean(wrap(*STORY, *body))
    assert paragraphs(record)[-3:] == body


GRAIN = [
    "秋粮收购正当时",
    "某县：新季玉米每斤1.35元开秤 比去年高0.12元",
    "新报讯（某县新报正某县网记者 林一帆）9月25日8:30，在某县北郊粮库收购现场，前来售粮的车辆排起了长队。",
    "“今年雨水好，我家30亩玉米亩产能到1300斤。”种粮大户蒋某说。",
]


def test_a_kicker_over_a_headline_taken_alone_goes_with_the_headline():
    """A short kicker (words alone, longer than a column label) over the
    headline is the new article's ¶1, not the last paragraph of the
    article above."""
    records = clean(wrap(*STORY, *GRAIN))
    assert [r["title"] for r in records] == [STORY[0], GRAIN[1]]
    assert paragraphs(records[0])[-1] == STORY[2]
    assert paragraphs(records[1])[0] == GRAIN[0]


def test_a_list_item_closing_an_article_is_no_kicker():
    """A short line with a list mark at an article's end stays there, over
    a headline taken alone."""
    records = clean(wrap(*STORY[:2], "E、捐赠地址：", *GRAIN[1:]))
    assert paragraphs(records[0])[-1] == "E、捐赠地址："
    assert records[1]["title"] == GRAIN[1]


INTERVIEW = [
    "“双减”之后孩子放学后去哪儿？",
    "——访某市教育局基础教育科科长方某",
    "晚报讯 “双减”政策落地以来，不少家长关心孩子放学后的去向。记者就此专访了方某。（记者 林一帆 实习生 卜言）",
    "记者：课后服务是怎么开展的？",
    "方某：全市186所中小学全部实行“5+2”模式，每周5天、每天至少2小时。",
]


def test_a_question_headline_over_its_subtitle_after_an_article():
    """A headline asking a question, its ``——`` subtitle taken as the
    headline: the question is the headline, the subtitle ¶1; and the lead,
    signed at its end over an interview's turns, keeps the turns."""
    records = clean(wrap(*STORY, *INTERVIEW))
    assert [r["title"] for r in records] == [STORY[0], INTERVIEW[0]]
    assert paragraphs(records[0])[-1] == STORY[2]
    assert paragraphs(records[1]) == [INTERVIEW[1], INTERVIEW[2][4:].split("（记者")[0], *INTERVIEW[3:]]
    assert records[1]["byline"] == "晚报讯\n（记者 林一帆 实习生 卜言）"


# --- an item signed at its end after an article that has its byline ----------------

LIBRARY = ["某市图书馆延长开放时间",
           "日前，某市图书馆发布通知，自11月1日起，每周五、周六开放时间延长至晚上9点。"]


def test_a_brief_signed_by_another_writer_after_an_article_is_an_item_of_its_own():
    """A short line under the article's last paragraph, over a paragraph
    signed by a writer the article's byline does not name: a brief."""
    records = clean(wrap(*STORY, LIBRARY[0], LIBRARY[1] + "（本报记者 林一帆）"))
    assert [r["title"] for r in records] == [STORY[0], LIBRARY[0]]
    assert paragraphs(records[0])[-1] == STORY[2]
    assert records[1]["authors"] == [{"name": "林一帆", "role": "记者"}]
    assert records[0]["authors"] == [{"name": "王小明", "role": "记者"}]


def test_a_readers_letter_after_an_article_is_an_item_of_its_own():
    letter = ["社区食堂开到了家门口", "我今年78岁，一个人在家做饭，常常是一顿饭吃两天。今年9月，社区的老年食堂开张了。",
              "现在每天中午下楼就能吃上热饭热菜。", "读者 郁青禾"]
    records = clean(wrap(*STORY, *letter))
    assert [r["title"] for r in records] == [STORY[0], letter[0]]
    assert paragraphs(records[1]) == letter[1:3]
    assert records[1]["authors"] == [{"name": "郁青禾", "role": "读者"}]


@pytest.mark.parametrize("story", [STORY, [STORY[0], STORY[1].split("）", 1)[1], STORY[2]]])
def test_a_section_signed_by_the_articles_own_writer_or_under_no_byline_stays_in_it(story):
    """Signed by the byline's own writer (a report in parts), or in an
    article with no byline (its signature may be the article's): the short
    line is a sub-heading."""
    records = clean(wrap(*story, LIBRARY[0], LIBRARY[1] + "（本报记者 王小明）"))
    assert [r["title"] for r in records] == [STORY[0]]
    assert LIBRARY[0] in paragraphs(records[0])


HEAT = ["高温橙色预警！", "某市最高气温将达38℃",
        "新报讯（某市新报正某市网记者 林一帆）7月19日，某市气象台发布高温橙色预警信号。"]


def test_a_headline_cut_after_its_exclamation_is_one_headline():
    """Under an article's finished paragraph and over a byline line, a short
    exclamation and a headline-shaped line are one headline cut in two."""
    records = clean(wrap(*STORY, *HEAT))
    assert [r["title"] for r in records] == [STORY[0], HEAT[0] + HEAT[1]]
    assert paragraphs(records[1]) == [HEAT[2].split("）", 1)[1]]


def test_an_exclamation_closing_a_paragraph_is_no_headline_half():
    """The last line of a paragraph cut before its ``……成长！`` stays with it."""
    story = [STORY[0], STORY[1], "教育局表示，新学校将让更多孩子在家门口上学，健康", "快乐成长！"]
    records = clean(wrap(*story, HEAT[1], HEAT[2]))
    assert paragraphs(records[0])[-1].endswith("健康快乐成长！")


def test_a_readers_letter_under_a_column_label_after_an_article():
    """The column's label over the letter's headline is its kicker: both go
    with the letter, not with the article above."""
    letter = ["百姓心声", "社区食堂开到了家门口", "我今年78岁，一个人在家做饭，常常是一顿饭吃两天。今年9月，社区的老年食堂开张了。",
              "读者 郁青禾"]
    records = clean(wrap(*STORY, *letter))
    assert [r["title"] for r in records] == [STORY[0], letter[1]]
    assert paragraphs(records[0])[-1] == STORY[2]
    assert paragraphs(records[1]) == [letter[0], letter[2]]
    assert records[1]["authors"] == [{"name": "郁青禾", "role": "读者"}]
