"""Blocks -> articles: roles and grouping on hand-written pages, through the
whole per-file path (so conservation is checked on every page too)."""
import pytest
import regex

from cleaner import articles, metadata
from cleaner.pipeline import FileMeta, Settings, clean_text


def clean(page: str):
    result = clean_text(page, FileMeta("page.txt", year=2021), Settings())
    return [a.record for a in result.articles], result


def wrap(*lines: str, sep: str = "\n\n") -> str:
    return sep.join(lines) + "\n"


TWO_ARTICLES = [
    "某市五项举措保障学生午餐",
    "本报讯（记者 张明远）日前，某市教育局出台五项举措，保障中小学生午餐质量。",
    "各学校要建立陪餐制度，校长每周陪餐不少于一次。",
    "某区举办第三届读书节",
    "本报讯（记者 李华）5月9日，某区第三届读书节开幕，活动将持续一个月。",
    "读书节期间，全区图书馆将延长开放时间。",
]


@pytest.mark.parametrize("sep", ["\n\n", "\n"])
def test_headlines_with_bylines_open_articles(sep):
    records, _ = clean(wrap(*TWO_ARTICLES, sep=sep))
    assert [r["title"] for r in records] == ["某市五项举措保障学生午餐", "某区举办第三届读书节"]
    assert records[1]["text"].startswith("5月9日，某区第三届读书节开幕")
    assert [a["name"] for a in records[1]["authors"]] == ["李华"]


def test_several_blank_lines_between_articles():
    page = wrap(*TWO_ARTICLES[:3]) + "\n\n\n" + wrap(*TWO_ARTICLES[3:])
    records, _ = clean(page)
    assert [r["title"] for r in records] == ["某市五项举措保障学生午餐", "某区举办第三届读书节"]


def test_byline_on_its_own_line():
    page = wrap("某市核酸检测机构全面推行预约服务",
                "本报讯（记者 王树天）",
                "9月20日，记者从市卫健委了解到，全市核酸检测机构将全面推行预约服务。",
                "市民可通过电话和小程序预约。")
    records, _ = clean(page)
    assert len(records) == 1
    assert records[0]["title"] == "某市核酸检测机构全面推行预约服务"
    assert records[0]["byline"] == "本报讯（记者 王树天）"
    assert records[0]["text"].startswith("9月20日，记者从市卫健委了解到")


SUBHEADINGS = [
    "某市发布交通发展规划",
    "本报讯（记者 张明远）日前，某市发布未来五年交通发展规划，提出三大目标。",
    "完善基础设施",
    "规划提出，全市将新建和改造道路一百公里，打通断头路二十条，建成一批停车场。",
    "优化公交线网",
    "规划提出，年内新开公交线路十条，调整线路十五条，公交站点五百米覆盖率达到百分之百。",
]


def test_sub_headings_stay_in_the_body():
    records, _ = clean(wrap(*SUBHEADINGS))
    assert [r["title"] for r in records] == ["某市发布交通发展规划"]
    paragraphs = records[0]["text"].split("\n")
    assert "完善基础设施" in paragraphs and "优化公交线网" in paragraphs


def test_list_items_are_never_headlines():
    page = wrap("某市出台稳就业措施",
                "本报讯 日前，某市出台稳就业十条措施，主要内容如下。",
                "一、扩大就业岗位",
                "全市将开发公益性岗位两千个，优先安置就业困难人员。",
                "二、加强技能培训",
                "全年开展职业技能培训三万人次，培训补贴标准提高一成。")
    records, _ = clean(page)
    assert [r["title"] for r in records] == ["某市出台稳就业措施"]
    assert "一、扩大就业岗位" in records[0]["text"].split("\n")


def test_photo_story_headline_caption_credit():
    page = wrap("某地人民医院新址启用", "本报讯 日前，某地人民医院新址正式启用，新院区设置床位一千张。",
                "同时开通了线上预约挂号，市民可通过手机预约各科室的专家号，平均候诊时间缩短一半。",
                "金秋时节庆丰收",
                "9月17日，来自某区五个镇的农民相聚在曙光村，晒丰收、话丰收、庆丰收，共同举办丰收节主题活动。",
                "摄影/某某晚报记者 郝小兵")
    records, _ = clean(page)
    assert [r["title"] for r in records] == ["某地人民医院新址启用", "金秋时节庆丰收"]
    assert records[1]["byline"] == "摄影/某某晚报记者 郝小兵"
    assert records[1]["authors"] == [{"name": "郝小兵", "role": "摄影"}]


def test_photo_story_after_a_one_paragraph_article():
    """Scored alone the headline falls below the title threshold; the photo
    story's shape (one paragraph, then a photo's credit) heads it."""
    page = wrap("某地人民医院新址启用", "本报讯 日前，某地人民医院新址正式启用，新院区设置床位一千张。",
                "金秋时节庆丰收",
                "9月17日，来自某区五个镇的农民相聚在曙光村，晒丰收、话丰收、庆丰收，共同举办丰收节主题活动。",
                "摄影/某某晚报记者 郝小兵")
    records, _ = clean(page)
    assert [r["title"] for r in records] == ["某地人民医院新址启用", "金秋时节庆丰收"]
    assert records[1]["byline"] == "摄影/某某晚报记者 郝小兵"
    assert records[1]["authors"] == [{"name": "郝小兵", "role": "摄影"}]


def test_editors_note_and_photo_credit_go_to_credits():
    page = wrap("某区举办第三届读书节",
                "本报讯（记者 李华）5月9日，某区第三届读书节开幕，活动将持续一个月。",
                "记者 李华 摄",
                "（责任编辑：王小红）")
    records, _ = clean(page)
    assert len(records) == 1
    assert records[0]["credits"] == ["记者 李华 摄", "（责任编辑：王小红）"]
    assert "责任编辑" not in records[0]["text"]


def test_editors_note_closes_its_article():
    page = wrap("某区举办第三届读书节",
                "本报讯（记者 李华）5月9日，某区第三届读书节开幕，活动将持续一个月。",
                "（责任编辑：王小红）",
                "新华社某地5月9日电（记者 王小明）某省日前出台十条措施，支持小微企业渡过难关。",
                "措施提出，对小微企业减免房租三个月。")
    records, _ = clean(page)
    assert len(records) == 2
    assert records[0]["credits"] == ["（责任编辑：王小红）"]
    assert records[1]["byline"] == "新华社某地5月9日电（记者 王小明）"
    assert records[1]["text"].startswith("某省日前出台十条措施")


def test_photo_caption_is_no_headline_and_its_credit_is_split():
    page = wrap("某区举办第三届读书节",
                "本报讯（记者 李华）5月9日，某区第三届读书节开幕，活动将持续一个月。",
                "（责任编辑：王小红）",
                "图为读书节现场。 新华社记者 赵小强 摄",
                "新华社某地5月9日电（记者 王小明）某省日前出台十条措施，",
                "支持小微企业渡过难关。")
    records, _ = clean(page)
    assert [r["title"] for r in records] == ["某区举办第三届读书节", None]
    second = records[1]
    assert second["text"] == "图为读书节现场。\n某省日前出台十条措施，支持小微企业渡过难关。"
    assert second["byline"] == "新华社某地5月9日电（记者 王小明）"
    assert second["credits"] == ["新华社记者 赵小强 摄"]
    assert {"name": "赵小强", "role": "摄影"} in second["authors"]


def test_credits_closing_captions_inside_a_story_are_credits():
    page = wrap("某区举办第三届读书节",
                "本报讯（记者 李华）5月9日，某区第三届读书节开幕，活动将持续一个月。",
                "图①：市民在城市书房内阅读。本报记者 孙小伟 摄",
                "图②：小读者在书架前挑选图书。本报记者 孙小伟 摄",
                "读书节期间，全区图书馆将延长开放时间。")
    [record], _ = clean(page)
    assert record["text"] == ("5月9日，某区第三届读书节开幕，活动将持续一个月。\n图①：市民在城市书房内阅读。\n"
                              "图②：小读者在书架前挑选图书。\n读书节期间，全区图书馆将延长开放时间。")
    assert record["credits"] == ["本报记者 孙小伟 摄", "本报记者 孙小伟 摄"]
    assert record["authors"] == [{"name": "李华", "role": "记者"}, {"name": "孙小伟", "role": "摄影"}]


def test_bracketed_signature_after_the_body_closes_its_article():
    page = wrap("某区举办第三届读书节",
                "某某晨报讯（记者 李华 通讯员 刘小畅）昨日，某区第三届读书节开幕，活动将持续一个月。",
                "读书节期间，全区图书馆将延长开放时间。",
                "（本报记者 李华）",
                "各地正在做好开学准备，全国中小学将于下月开学。")
    records, _ = clean(page)
    assert len(records) == 2
    first = records[0]
    assert first["credits"] == ["（本报记者 李华）"]
    assert first["authors"] == [{"name": "李华", "role": "记者"}, {"name": "刘小畅", "role": "通讯员"}]
    assert records[1]["byline"] is None


def test_bracketed_wire_dateline_is_the_byline_and_a_signature_a_credit():
    """A Taiwan wire dateline in round brackets opening the lead (traditional
    script, as printed) is cut as the byline; a signature in brackets after
    the body is a credit, its reporter added to the authors."""
    page = wrap("某市捷運新線動工",
                "（中央社記者王小明台北2026年3月2日電）台北捷運新線今天舉行動工典禮。",
                "新線預計五年後通車。",
                "（記者 陳家明）")
    [record], _ = clean(page)
    assert record["byline"] == "（中央社记者王小明台北2026年3月2日电）"
    assert record["text"] == "台北捷运新线今天举行动工典礼。\n新线预计五年后通车。"
    assert (record["outlet"], record["place"], record["date"]) == ("中央社", "台北", "2026-03-02")
    assert record["authors"] == [{"name": "王小明", "role": "记者"}, {"name": "陈家明", "role": "记者"}]
    assert record["credits"] == ["（记者 陈家明）"]


def test_wire_trailer_with_a_date_stamp_is_a_credit_and_dates_a_day_only_dateline():
    """（編輯：X）1151126 closes a Taiwan wire story: a credit, its stamp
    (year 115 of the Minguo calendar) giving the month of 台北26日電."""
    page = wrap("立法院三讀通過某法修正案",
                "（中央社記者陳小君台北26日電）立法院會今天三讀通過某法部分條文修正案。",
                "主管機關表示，修法後將強化服務品質管理。",
                "（編輯：張小婷）1151126")
    result = clean_text(page, FileMeta("page.txt"), Settings())
    [record] = [a.record for a in result.articles]
    assert record["credits"] == ["（编辑：张小婷）1151126"]
    assert record["text"].endswith("强化服务品质管理。")
    assert record["date"] == "2026-11-26"


def test_a_signature_of_bare_names_closing_the_article_is_a_credit():
    page = wrap("某路改造工程开工",
                "本报讯（记者 王小明）某路改造工程昨日开工，预计年底完工。",
                "工程全长3公里，总投资1.2亿元。（彭小湃 李可）")
    [record], _ = clean(page)
    assert record["text"] == "某路改造工程昨日开工，预计年底完工。\n工程全长3公里，总投资1.2亿元。"
    assert record["credits"] == ["（彭小湃 李可）"]
    assert [a["name"] for a in record["authors"]] == ["王小明", "彭小湃", "李可"]


def test_quotations_signed_by_their_poets_stay_in_one_article():
    """（岑参） after a verse names its source, not the article's writer:
    names alone end no article (a signature with a role does)."""
    page = wrap("边塞诗里的冬天",
                "本报讯（记者 王小明）冬日读边塞诗，别有一番滋味。",
                "北风卷地白草折，胡天八月即飞雪。（岑参）",
                "忽如一夜春风来，千树万树梨花开。（岑参）",
                "这些诗句写尽了边塞的奇寒与壮美。")
    [record], _ = clean(page)
    assert "北风卷地白草折，胡天八月即飞雪。（岑参）" in record["text"]
    assert record["text"].endswith("这些诗句写尽了边塞的奇寒与壮美。")


def test_byline_not_in_brackets_after_a_body_opens_the_next_article():
    page = wrap("某区举办第三届读书节",
                "本报讯 昨日，某区第三届读书节开幕，活动将持续一个月。",
                "本报记者 李华",
                "各地正在做好开学准备，全国中小学将于下月开学。")
    records, _ = clean(page)
    assert len(records) == 2
    assert records[1]["byline"] == "本报记者 李华"


def test_byline_at_the_end_of_the_page_signs_the_article_above():
    page = wrap("本港上月零售额按年升4.2%",
                "【某报专讯】政府统计处昨日公布，10月零售业总销货价值按年上升4.2%。",
                "政府发言人表示，访港旅客人次持续回升。",
                "某报记者 黄小欣")
    [record], _ = clean(page)
    assert record["credits"] == ["某报记者 黄小欣"]
    assert record["authors"] == [{"name": "黄小欣", "role": "记者"}]
    assert record["text"].endswith("访港旅客人次持续回升。")


def test_reporter_line_cut_after_the_surname_is_the_byline():
    page = wrap("三大指数集体收涨",
                "本报记者 韩",
                "冰",
                "11月26日，A股三大指数集体收涨。截至收盘，上证指数报3358.62点。",
                "板块方面，半导体板块涨幅居前。")
    [record], _ = clean(page)
    assert record["byline"] == "本报记者 韩冰"
    assert record["authors"] == [{"name": "韩冰", "role": "记者"}]
    assert record["text"].startswith("11月26日，A股")


def test_byline_after_a_kicker_and_a_subtitle_is_still_cut():
    page = wrap("聚焦某省两会",
                "代表委员热议乡村振兴",
                "——来自某省两会的声音",
                "本报某地3月6日电（记者 王小明 李华）6日，出席某省两会的代表委员围绕乡村振兴建言献策。",
                "大家表示，要因地制宜发展特色产业。")
    records, _ = clean(page)
    assert len(records) == 1
    r = records[0]
    assert r["byline"] == "本报某地3月6日电（记者 王小明 李华）"
    assert r["authors"] == [{"name": "王小明", "role": "记者"}, {"name": "李华", "role": "记者"}]
    assert r["date"] == "2021-03-06"
    assert r["text"].split("\n")[2] == "6日，出席某省两会的代表委员围绕乡村振兴建言献策。"


def test_kicker_headline_and_subtitle_over_a_byline_open_one_article():
    """Each line alone looks too short or too long to be a sure headline;
    the subtitle and the byline under them say they are one."""
    page = wrap("十年接力守护一江清水",
                "赤水河畔的“生态账”",
                "——某市推进赤水河流域综合治理纪实",
                "本报记者 杨帆 肖雨欣",
                "初冬时节，赤水河两岸层林尽染，河水清澈见底。几名护河员正沿着步道巡查。",
                "如今，赤水河干流水质稳定保持在Ⅱ类以上，河里的鱼多了。")
    [record], _ = clean(page)
    assert record["title"] == "十年接力守护一江清水"
    assert record["byline"] == "本报记者 杨帆 肖雨欣"
    assert record["text"].split("\n")[:2] == ["赤水河畔的“生态账”", "——某市推进赤水河流域综合治理纪实"]


def test_editors_preface_under_the_headline_keeps_the_byline_in_the_article():
    page = wrap("“蘑菇姐”的致富经",
                "编者按：今年以来，各地涌现出一批致富带头人。即日起，本报推出专栏，讲述他们的奋斗故事。",
                "本报记者 邓小丽",
                "天刚蒙蒙亮，某镇的食用菌大棚里已经亮起了灯。",
                "如今，她牵头成立的合作社已有社员86户。")
    [record], _ = clean(page)
    assert record["title"] == "“蘑菇姐”的致富经"
    assert record["byline"] == "本报记者 邓小丽"
    assert record["text"].startswith("编者按：今年以来")
    assert record["text"].endswith("已有社员86户。")


@pytest.mark.parametrize("label", ["编 者 按", "编者的话", "【编者按】", "编者按："])
def test_a_preface_under_a_label_of_its_own_keeps_the_byline_in_the_article(label):
    page = wrap("奋力开创乡村全面振兴新局面",
                label,
                "岁末年初，本报推出系列评论，回望一年来的乡村振兴之路，敬请关注。",
                "任 仲 平",
                "民族要复兴，乡村必振兴。一年来，各地因地制宜推进乡村建设。",
                "站在新的起点上，我们更要保持定力，久久为功。")
    [record] = clean(page)[0]
    assert record["title"] == "奋力开创乡村全面振兴新局面"
    assert record["byline"] == "任 仲 平"
    assert record["authors"] == [{"name": "任仲平", "role": None}]
    assert record["text"].split("\n")[0] == label      # the label stands apart (breaks: label_alone)
    assert record["text"].endswith("久久为功。")


def test_a_long_text_under_a_preface_label_is_no_preface():
    """Three paragraphs under the label are more than a preface: the byline
    after them opens an article of its own, as after any body."""
    page = wrap("奋力开创乡村全面振兴新局面",
                "编 者 按",
                "岁末年初，本报推出系列评论，敬请关注。",
                "民族要复兴，乡村必振兴。一年来，各地因地制宜推进乡村建设。",
                "站在新的起点上，我们更要保持定力，久久为功。",
                "本报记者 邓小丽",
                "天刚蒙蒙亮，某镇的食用菌大棚里已经亮起了灯。")
    records, _ = clean(page)
    assert [r["byline"] for r in records] == [None, "本报记者 邓小丽"]


def test_two_byline_lines_under_a_subtitle_sign_one_article():
    page = wrap("“刷单返利”骗局专盯老年人",
                "某区法院一审宣判一起电信诈骗案",
                "本报记者 王小明",
                "本报通讯员 李华 赵六",
                "近日，某区人民法院审结一起诈骗案，三名被告人被判处有期徒刑。",
                "宣判后，三名被告人均未提出上诉。")
    [record] = clean(page)[0]
    assert record["title"] == "“刷单返利”骗局专盯老年人"
    assert record["byline"] == "本报记者 王小明"
    assert record["credits"] == ["本报通讯员 李华 赵六"]
    assert record["authors"] == [{"name": "王小明", "role": "记者"}, {"name": "李华", "role": "通讯员"},
                                 {"name": "赵六", "role": "通讯员"}]
    assert record["text"].split("\n")[0] == "某区法院一审宣判一起电信诈骗案"


def test_lead_date_is_read_past_a_subtitle():
    page = wrap("某区举办第三届读书节",
                "全民阅读蔚然成风",
                "本报讯（记者 李华）5月9日，某区第三届读书节开幕，活动将持续一个月。",
                "读书节期间，全区图书馆将延长开放时间。")
    records, _ = clean(page)
    assert records[0]["byline"] == "本报讯（记者 李华）"
    assert records[0]["date"] == "2021-05-09"


def test_byline_between_a_body_and_the_next_headline_signs_the_body():
    page = wrap("某区举办第三届读书节",
                "本报讯 昨日，某区第三届读书节开幕，活动将持续一个月。",
                "记者 李小华",
                "某市新建十所学校",
                "本报讯（记者 王小明）某市今年将新建十所学校，新增学位约一万个。")
    records, _ = clean(page)
    assert [r["title"] for r in records] == ["某区举办第三届读书节", "某市新建十所学校"]
    assert records[0]["credits"] == ["记者 李小华"]
    assert {"name": "李小华", "role": "记者"} in records[0]["authors"]
    assert records[1]["byline"] == "本报讯（记者 王小明）"


def test_divider_ends_an_article_and_is_recorded():
    page = wrap("某市五项举措保障学生午餐",
                "本报讯 日前，某市教育局出台五项举措，保障中小学生午餐质量。",
                "——————",
                "据新华社电 全国中小学将于下月开学，各地正在做好准备。")
    records, result = clean(page)
    assert len(records) == 2
    assert all("—" not in r["text"] for r in records)
    edits = [e for a in result.articles for e in a.edits]
    assert any(e.rule == "remove_divider" and e.before == "——————" for e in edits)


def test_end_mark_ends_an_article_and_is_recorded():
    page = wrap("某市五项举措保障学生午餐",
                "本报讯 日前，某市教育局出台五项举措，保障中小学生午餐质量。",
                "（完）",
                "各地正在做好开学准备，全国中小学将于下月开学。")
    records, result = clean(page)
    assert len(records) == 2
    assert records[0]["text"] == "日前，某市教育局出台五项举措，保障中小学生午餐质量。"
    edits = [e for a in result.articles for e in a.edits]
    assert any(e.rule == "remove_end_mark" and e.before == "（完）" for e in edits)


def test_end_mark_closing_a_paragraph_ends_the_article_and_is_recorded():
    page = wrap("某市五项举措保障学生午餐",
                "新华社某地5月9日电（记者 王小明）某市教育局日前出台五项举措，保障中小学生午餐质量。（完）",
                "某区举办第三届读书节",
                "本报记者 李华",
                "5月9日，某区第三届读书节开幕，活动将持续一个月。")
    records, result = clean(page)
    assert [r["title"] for r in records] == ["某市五项举措保障学生午餐", "某区举办第三届读书节"]
    assert records[0]["text"] == "某市教育局日前出台五项举措，保障中小学生午餐质量。"
    assert records[1]["byline"] == "本报记者 李华"
    edits = [e for e in result.articles[0].edits if e.rule == "remove_end_mark"]
    assert [e.before for e in edits] == ["（完）"]


def test_a_word_ending_in_wan_is_no_end_mark():
    page = wrap("某区举办第三届读书节",
                "本报讯 读书节开幕式上，小学生朗诵了诗歌（节选完）。",
                "活动将持续一个月（计划完）")
    records, _ = clean(page)
    assert len(records) == 1
    assert records[0]["text"].endswith("活动将持续一个月（计划完）")


def test_wire_photo_over_a_dispatch_keeps_both_credit_and_dateline():
    page = wrap("秋收时节稻谷飘香",
                "10月15日，农民在田间收割水稻。",
                "新华社发（张小强 摄）",
                "新华社某地10月15日电（记者 李小明）金秋十月，某省各地水稻进入收获期。",
                "今年全省粮食播种面积保持稳定。")
    records, _ = clean(page)
    assert len(records) == 1
    r = records[0]
    assert r["byline"] == "新华社某地10月15日电（记者 李小明）"
    assert r["credits"] == ["新华社发（张小强 摄）"]
    assert r["authors"] == [{"name": "李小明", "role": "记者"}, {"name": "张小强", "role": "摄影"}]
    assert r["text"].split("\n") == ["10月15日，农民在田间收割水稻。", "金秋十月，某省各地水稻进入收获期。",
                                     "今年全省粮食播种面积保持稳定。"]


def test_folio_is_removed_and_the_headline_under_it_still_opens_the_article():
    page = wrap("2026年11月26日 星期四 要闻 第3版",
                "某市五项举措保障学生午餐",
                "本报讯（记者 张明远）日前，某市教育局出台五项举措，保障中小学生午餐质量。",
                "各学校要建立陪餐制度。",
                "要闻 第3版")
    records, result = clean(page)
    assert [r["title"] for r in records] == ["某市五项举措保障学生午餐"]
    assert "版" not in records[0]["text"]
    removed = [e.before for e in result.stray_edits + result.articles[0].edits if e.rule == "remove_folio"]
    assert sorted(removed) == sorted(["2026年11月26日 星期四 要闻 第3版", "要闻 第3版"])


@pytest.mark.parametrize("year", [None, 2021])
def test_the_page_header_dates_the_page_and_its_footer_credit_names_no_author(year):
    """The header's year is the page's own: it dates 11月20日 whether or not
    the manifest or --year names another. The footer's 本版 credit is the
    page's, kept in credits, its people no authors of the last article."""
    page = wrap("2026年11月27日 星期五 第5版 要闻",
                "冬季供暖首周运行平稳",
                "本报讯（记者 范小颖）11月20日零时，我市正式进入冬季供暖期。",
                "市热力集团相关负责人介绍，今年共改造老旧供热管网46公里。",
                "本版责任编辑：郑小凯 校对：何小平")
    result = clean_text(page, FileMeta("page.txt", year=year), Settings())
    [record] = [a.record for a in result.articles]
    assert record["date"] == "2026-11-20"
    assert record["authors"] == [{"name": "范小颖", "role": "记者"}]
    assert record["credits"] == ["本版责任编辑：郑小凯 校对：何小平"]


def test_a_date_and_weekday_amid_the_text_is_a_diary_entry_not_a_folio():
    page = wrap("2026年11月26日 星期四",
                "援藏日记",
                "本报讯（记者 张明远）这是一位援藏干部的日记摘编。",
                "2026年7月1日星期三",
                "今天到达拉萨，高原反应比想象中要轻。",
                "2026年7月2日星期四",
                "上午到学校报到，见到了新同事。",
                "下午整理宿舍，晚上备课到十点。",
                "这里的孩子们求知若渴，让我感到责任重大。")
    records, result = clean(page)
    assert records[0]["text"].split("\n")[1:4] == ["2026年7月1日星期三", "今天到达拉萨，高原反应比想象中要轻。",
                                                   "2026年7月2日星期四"]
    removed = [e.before for a in result.articles for e in a.edits if e.rule == "remove_folio"]
    assert removed + [e.before for e in result.stray_edits if e.rule == "remove_folio"] == ["2026年11月26日 星期四"]


def test_a_new_years_page_dates_last_decembers_story_in_the_year_before():
    page = wrap("2027年1月2日 星期六 第3版 要闻",
                "全市跨年夜活动平稳有序",
                "本报讯（记者 张小弛）12月31日晚，全市各大商圈举办多场跨年活动。",
                "全市未发生安全事故，交通秩序良好。",
                "元旦假期客流创新高",
                "本报讯（记者 李小平）1月1日，全市主要景区接待游客50万人次。",
                "各景区秩序井然。")
    result = clean_text(page, FileMeta("page.txt"), Settings())
    assert [a.record["date"] for a in result.articles] == ["2026-12-31", "2027-01-01"]


def test_a_page_footer_under_an_article_with_no_byline_is_no_byline():
    page = wrap("某市中小学寒假时间确定",
                "记者从市教育局获悉，全市中小学寒假将于1月20日开始。",
                "本版编辑：柳小絮 校对：曹小明")
    [record], _ = clean(page)
    assert record["byline"] is None and record["authors"] == []
    assert record["credits"] == ["本版编辑：柳小絮 校对：曹小明"]


def test_a_headline_naming_an_edition_is_no_folio():
    page = wrap("《某某字典》第12版发布", "本报讯 日前，《某某字典》第12版正式发布。")
    records, _ = clean(page)
    assert records[0]["title"] == "《某某字典》第12版发布"


def test_a_divider_alone_at_the_top_makes_no_empty_record():
    page = wrap("——————", "某市五项举措保障学生午餐", "本报讯 日前，某市教育局出台五项举措。")
    records, result = clean(page)
    assert [r["title"] for r in records] == ["某市五项举措保障学生午餐"]
    assert [e.rule for e in result.stray_edits] == ["remove_divider"]
    assert [e["id"] for e in result.audit()] == [records[0]["id"], None]


def test_author_note_closes_its_article_and_is_no_byline():
    page = wrap("让温暖更有温度",
                "日前，某市供暖季开始。供暖关乎千家万户，既要保障供热稳定，也要提升服务质量。",
                "（作者为某大学教授）",
                "某区举办第三届读书节",
                "本报讯（记者 李华）5月9日，某区第三届读书节开幕。")
    records, _ = clean(page)
    assert [r["title"] for r in records] == ["让温暖更有温度", "某区举办第三届读书节"]
    assert records[0]["credits"] == ["（作者为某大学教授）"]
    assert records[0]["byline"] is None


@pytest.mark.parametrize("first, second, joined", [   # an open bracket settles the join
    ("新芯片（支持Transfor", "mer等模型）已经量产。", "新芯片（支持Transformer等模型）已经量产。"),
    ("公司（首席执行官John ", "Smith）表示，新品将于明年量产。", "公司（首席执行官John Smith）表示，新品将于明年量产。"),
    ("公司（首席执行官John", " Smith）表示，新品将于明年量产。", "公司（首席执行官John Smith）表示，新品将于明年量产。"),
])
def test_latin_words_across_a_break_keep_a_space_only_where_the_page_has_one(first, second, joined):
    page = wrap("某公司发布新品", "本报讯 " + first, second)
    records, _ = clean(page)
    assert records[0]["text"] == joined


@pytest.mark.parametrize("byline, authors", [
    ("记者 张小三 北京报道", [{"name": "张小三", "role": "记者"}]),     # a place before 报道
    ("◎本报记者 王小明", [{"name": "王小明", "role": "记者"}]),         # a ◎ bullet
])
def test_byline_lines_of_more_shapes(byline, authors):
    page = wrap("某市五项举措保障学生午餐", byline, "日前，某市教育局出台五项举措，保障中小学生午餐质量。")
    records, _ = clean(page)
    assert records[0]["byline"] == byline
    assert records[0]["authors"] == authors
    assert records[0]["text"] == "日前，某市教育局出台五项举措，保障中小学生午餐质量。"


def test_an_untitled_page_stays_one_article():
    page = wrap("今年以来，某市坚持把稳就业放在突出位置，出台一系列政策措施。",
                "积极开发公益岗位",
                "市人社局有关负责人介绍，全市共开发公益性岗位两千个，优先安置就业困难人员。",
                "加强职业技能培训",
                "全年开展职业技能培训三万人次。")
    records, _ = clean(page)
    assert len(records) == 1 and records[0]["title"] is None


def test_articles_depend_only_on_their_own_page():
    one = wrap(*TWO_ARTICLES)
    a, _ = clean(one)
    b, _ = clean(one + "\n\n" + wrap(*SUBHEADINGS))
    assert [r["id"] for r in a] == [r["id"] for r in b][:2]


# --- roles from the text alone ------------------------------------------------------
@pytest.mark.parametrize("text, role", [
    ("（完）", "end_mark"), ("(完)", "end_mark"), ("【全文完】", "end_mark"),
    ("——————", "divider"), ("****", "divider"), ("------", "divider"),
    ("摄影/某报记者 张三", "credit"), ("记者 王五 摄", "credit"), ("（责任编辑：赵六）", "credit"),
    ("文/李四", "credit"),
    ("本报记者 王五 赵六", "byline"), ("新华社北京9月20日电（记者 王五）", "byline"),
    ("完成全年目标任务。", None), ("完善基础设施", None), ("一、基本情况", None),
    ("第三季度完", None),
    ("……。", None), ("......。", None),    # an elided passage ends a sentence: text, no divider
    ("……………", "divider"),
])
def test_fixed_roles(text, role):
    assert articles.fixed_role(text) == role


@pytest.mark.parametrize("text, shaped", [
    ("省时又省心！和林县跨所通办户籍业务开通", True),
    ("乌峰处理结果公布：撤销所获荣誉称号 追回相关奖金", True),
    ("一、基本情况", False),            # a list item
    ("报名方式：", False),              # a label
    ("据了解，目前已有三千人报名。", False),  # a sentence
])
def test_title_shaped(text, shaped):
    assert articles.title_shaped(text) is shaped


# --- the fast paths agree with the plain definitions ----------------------------------
# Reference forms of the headline evidence, written out as the model defines
# it: every pair of adjacent characters, Han-ish meaning both above U+3400;
# the context is the body words of three blocks each side, joined and cut.
def pairs(text):
    return {text[k:k + 2] for k in range(len(text) - 1)}


def high_pairs(text):
    return {p for p in pairs(text) if p[0] > "\u3400" and p[1] > "\u3400"}


def shift(block, before, after):
    own = high_pairs(block)
    if not own:
        return 0.0
    return (len(own & pairs(after)) - len(own & pairs(before))) / len(own)


def overlap(before, after):
    a = high_pairs(after)
    if len(a) < 30 or len(before) < 30:
        return None
    return len(a & pairs(before)) / len(a)


def words(block):
    if block.role != "body":
        return ""
    return block.text[metadata.byline_end(block.text[:80]):]


def context(blocks, i):
    before = "".join(words(b) for b in blocks[max(0, i - 3):i])[-articles.CONTEXT:]
    after = "".join(words(b) for b in blocks[i + 1:i + 4])[:articles.CONTEXT]
    return before, after


@pytest.mark.parametrize("text", [
    "", "新", "新报", "新报，好。ab市场", "\u3400\u3401\u3402", "数字2021年5月9日电",
    "表情😀符号😀😀", "全角（括号）：冒号", "abc def",
])
def test_high_pairs(text):
    assert articles._high_pairs(text) == high_pairs(text)


LEAD = "本报讯（记者 张明远）日前，某市教育局出台五项举措，保障中小学生午餐质量。"
LONG = LEAD + "各学校要建立陪餐制度，校长每周陪餐不少于一次，" * 12
SIDES = [
    ("某市五项举措保障学生午餐", "", LEAD),
    ("某市五项举措保障学生午餐", LONG[-300:], LONG[:300]),
    ("学生午餐", "保障中小学生午餐质量。" * 3, "校长每周陪餐。" * 10),
    ("abc", "某市" * 40, "某市" * 40),                 # no Han in the block
    ("某区举办第三届读书节", "读书节" * 5, "第三届读书节开幕，活动将持续一个月。" * 4),
]


@pytest.mark.parametrize("block, before, after", SIDES)
def test_shift_and_overlap(block, before, after):
    assert articles._shift(block, before, after) == shift(block, before, after)
    assert articles._overlap(before, after) == overlap(before, after)


def page_blocks(*specs):
    """Blocks from (text, role) pairs, roles given by hand."""
    blocks = [articles.Block([k], text) for k, (text, _) in enumerate(specs)]
    for b, (_, role) in zip(blocks, specs):
        b.role = role
    return blocks


@pytest.mark.parametrize("specs", [
    [(LONG, "body"), ("某区举办第三届读书节", "body"), (LONG, "body"), (LEAD, "body")],
    [(LEAD, "body"), ("短", "body"), ("记者 李华 摄", "credit"), ("标题", "title"),
     (LEAD * 2, "body"), ("（记者 王五）" + "会议开幕。" * 90, "body"), ("末", "body")],
    # a block whose words are a little shorter than CONTEXT, its text a little longer
    [("前文。" * 40, "body"), (LEAD + "各学校要建立陪餐制度。" * 24, "body"), ("标题", "body"), (LEAD, "body")],
    [("新华社北京9月20日电（记者 王五、赵六）" + "会议开幕。" * 20, "body"), ("标题", "body"),
     ("  本报讯（记者 李华） 日前开幕。", "body"), ("某地" * 200, "body"), ("本报记者 王五", "byline")],
])
def test_context_is_the_joined_words(specs):
    blocks = page_blocks(*specs)
    for i in range(len(blocks)):
        assert articles._context(blocks, i) == context(blocks, i)


def roles_by_full_score(texts, threshold):
    """Roles when every title-shaped block is judged on all its features,
    then the same layout rules obeyed."""
    blocks = page_blocks(*((t, "body") for t in texts))
    articles.assign_roles(blocks, lambda i, f: articles.title_score(f) >= threshold)
    articles.obey_layout_rules(blocks)
    return [b.role for b in blocks]


PAGES = [
    TWO_ARTICLES, SUBHEADINGS,
    ["某市出台稳就业措施", "本报讯 日前，某市出台稳就业十条措施，主要内容如下。", "一、扩大就业岗位",
     "全市将开发公益性岗位两千个，优先安置就业困难人员。", "二、加强技能培训", "全年开展职业技能培训三万人次。"],
    ["某地人民医院新址启用", "本报讯 日前，某地人民医院新址正式启用，新院区设置床位一千张。",
     "金秋时节庆丰收", "9月17日，来自某区五个镇的农民相聚在曙光村，共同举办丰收节主题活动。",
     "摄影/某某晚报记者 郝小兵", "“双减”之后 孩子们的课余生活丰富了", "记者 王五",
     "放学后，学校里的社团活动开始了。" * 8, "（完）", "短讯", "又讯"],
    ["今年以来，某市坚持把稳就业放在突出位置。", "积极开发公益岗位", "市人社局有关负责人介绍，全市共开发公益性岗位两千个。",
     "加强职业技能培训", "全年开展职业技能培训三万人次。", "——————", "各地正在做好开学准备！", "开学季"],
]


@pytest.mark.parametrize("threshold", [0.0, 0.02, 0.1, 0.2, 0.35, 0.5, 0.8, 0.98, 1.0])
@pytest.mark.parametrize("texts", PAGES)
def test_fast_headline_decision_is_the_full_score(texts, threshold, monkeypatch):
    m = dict(articles.model(), threshold=threshold)
    monkeypatch.setattr(articles, "model", lambda: m)
    blocks = page_blocks(*((t, "body") for t in texts))
    articles.assign_roles(blocks)
    assert [b.role for b in blocks] == roles_by_full_score(texts, threshold)


def test_fast_headline_decision_with_other_weights(monkeypatch):
    """Weights of the other sign move the bounds the other way."""
    base = articles.model()
    for scale in (-1.0, 0.5, 3.0):
        m = dict(base, weights={k: v * scale for k, v in base["weights"].items()}, bias=base["bias"] * scale)
        monkeypatch.setattr(articles, "model", lambda m=m: m)
        for texts in PAGES:
            blocks = page_blocks(*((t, "body") for t in texts))
            articles.assign_roles(blocks)
            assert [b.role for b in blocks] == roles_by_full_score(texts, m["threshold"]), (scale, texts[0])


def test_block_words_after_assigning_roles():
    """A block's words lose the byline its first 80 characters open with,
    whether or not the text had spaces around it."""
    texts = ["某市五项举措保障学生午餐", "  本报讯（记者 张明远）日前，某市出台五项举措。  ", "某区举办读书节",
             "本报讯（记者 李华）5月9日，某区第三届读书节开幕。", " 本报记者 王五 ", LONG, "短句"]
    blocks = page_blocks(*((t, "body") for t in texts))
    articles.assign_roles(blocks)
    for b in blocks:
        assert b.core == b.text[metadata.byline_end(b.text[:80]):]


def test_short_share_counts_as_short_neighbours():
    texts = ["标题一", "正文很长的一段，不是标题。" * 5, "小标题", "小标题二", "一、列表", "小标题三",
             "正文。", "小标题四", "标题五", "小标题六", "正文很长的一段，不是标题。" * 5, "末尾短句"]
    roles = ["body", "body", "title", "body", "body", "credit", "body", "body", "title", "body", "body", "body"]
    blocks = page_blocks(*zip(texts, roles))
    short = [b.role == "body" and b.shaped for b in blocks]
    assert short.count(True) >= 5
    for i in range(len(blocks)):
        assert articles._short_share(short, i) == articles._short_neighbours(blocks, i)


def test_topic_bounds_hold_every_value():
    """The least and most the topic features can add, over every share of
    kept pairs and none at all."""
    m = articles.model()
    b = articles._Bounds.of(m)
    w = m["weights"]

    def added(k):
        f = {}
        articles._add_topic(f, k)
        return sum(w.get(n, 0.0) * v for n, v in f.items())
    values = [added(None)] + [added(k / 1000) for k in range(1001)] + [added(0.04 - 1e-12), added(0.1 - 1e-12)]
    assert b.topic_lo - 1e-12 <= min(values) and max(values) <= b.topic_hi + 1e-12
    assert max(values) == pytest.approx(b.topic_hi) and min(values) == pytest.approx(b.topic_lo)


BYLINE_TEXTS = [
    "", "记者 王五", "本报记者 王五", "本报记者 王五 赵六", "□本报记者 王五", "本报记者王五发自上海",
    "新华社北京9月20日电（记者 王五）", "新华社北京9月20日电（记者 王五）会议开幕。",
    "本报北京5月9日讯 记者潘跃今天从红十字会获悉", "（新文化报 记者 韩冰）日前，某地举行活动。",
    "人民网记者孙海涛报道：贵阳市区有强烈震感", "人民网记者孙海涛报道", "本报记者龙培培报道", "记者从自治区卫健委了解到，全市核酸检测机构全面推行预约服务。",
    "记者 李华 摄", "（责任编辑：王小红）", "据新华社电 全国中小学将于下月开学。", "武汉2月5日电 记者获悉",
    "荆楚网（楚天都市报）（记者 邹汉青）昨天上午", "他在回答记者提出的问题时表示，不排除这个可能性。",
    "消息人士称，报价约为每股61美元。", "【新华社北京5月9日电】", "电视剧昨天在北京举行开播记者见面会。",
    "荆楚网(楚天都市报)(记者 邹汉青)昨天上午", "本报特约通讯员 张三",   # 本报特约通讯 reads as a dateline
    "【新华社北京5月9日电】 记者王五", "（记者 王五）日前，某地举行活动。",
]


@pytest.mark.parametrize("text", BYLINE_TEXTS)
def test_opening_shape_answers_what_the_patterns_answer(text):
    end, kind = metadata.opening_shape(text)
    assert end == metadata.byline_end(text)
    whole = end > 0 and not text[end:].strip()
    assert metadata.is_byline_alone(text) == bool(metadata.REPORTER_LINE.match(text) or whole)
    assert metadata.starts_with_byline_shaped(text, (end, kind)) == metadata.starts_with_byline(text)
    assert metadata.may_open_byline(text) or (end, kind) == (0, "")
    assert metadata.may_be_credit(text) or not metadata.is_credit(text)


@pytest.mark.parametrize("text, opening", [
    ("荆楚网(楚天都市报)(记者 邹汉青)昨天上午", "荆楚网(楚天都市报)(记者 邹汉青)"),
    ("荆楚网（楚天都市报）（记者 邹汉青）昨天上午", "荆楚网（楚天都市报）（记者 邹汉青）"),
    ("人民网记者孙海涛报道：贵阳市区有强烈震感", "人民网记者孙海涛报道："),
    ("东方网记者刘歆4月9日讯：昨天", "东方网记者刘歆4月9日讯："),
    ("（新文化报 记者 韩冰）日前", "（新文化报 记者 韩冰）"),
    ("记者从自治区卫健委了解到，", ""),
])
def test_openings_past_the_literal_tests(text, opening):
    assert text[:metadata.byline_end(text)] == opening
    assert metadata.opening_shape(text) == (len(opening), "other" if opening else "")


def fixed_role(text):
    """The roles a block's text settles, as first written: every pattern on every block."""
    t = text.strip()
    if articles._END_MARK.match(t):
        return "end_mark"
    if articles._DIVIDER.match(t):
        return "divider"
    if metadata.is_credit(t):
        return "credit"
    end = metadata.byline_end(t)
    if metadata.REPORTER_LINE.match(t) or end > 0 and not t[end:].strip():
        return "byline"
    return None


SPACED = [s + t + e for t in BYLINE_TEXTS for s, e in (("", ""), ("  ", ""), ("", " "), ("\u3000", "\u3000"))]


@pytest.mark.parametrize("text", SPACED)
def test_fixed_role_and_next_block_byline_test(text):
    assert articles.fixed_role(text) == fixed_role(text)
    blocks = page_blocks(("某市五项举措保障学生午餐", "body"), (text, "body"))
    assert articles._opens_with_byline(blocks[1]) == metadata.starts_with_byline(text[:80])
    blocks = page_blocks(("某市五项举措保障学生午餐", "body"), (text, "body"))
    articles.assign_roles(blocks)       # the opening found for the role serves the next-block test
    assert articles._opens_with_byline(blocks[1]) == metadata.starts_with_byline(text[:80])


@pytest.mark.parametrize("text, role", [
    (" （完） ", "end_mark"), ("（全文完）", "end_mark"), ("完", "end_mark"),
    ("　——————　", "divider"), (". . .", "divider"), ("——", None), ("＃＃＃", "divider"),
    ("新华社北京9月20日电（记者 王五）会议开幕。", None), ("记者从自治区卫健委了解到。", None),
    ("文/某某晚报记者 张三 图/某某晚报记者 李四", "credit"), ("本报特约通讯员 张三", "byline"),
])
def test_fixed_roles_past_the_cheap_tests(text, role):
    assert articles.fixed_role(text) == role


def test_strip_removes_every_space_the_patterns_know():
    """A stripped block starts with no ``\\s`` character, which lets the
    divider test look at the first character alone."""
    every = "".join(map(chr, range(0x110000)))
    assert all(c.isspace() for c in regex.findall(r"\s", every))


@pytest.mark.parametrize("before, after", [
    ("新报，好。ab市场" * 5, "市场新报，好" * 8),
    ("甲乙丙丁戊己庚辛壬癸" * 4, "子丑寅卯辰巳午未申酉戌亥" * 3),        # nothing shared
    ("a甲b乙c丙d丁" * 10, "甲乙 丙丁 甲乙 丙丁" * 10),                  # single high characters only
    ("某地举行活动，2008年共有3000人参加。" * 3, "参加活动的3000人中，某地有2008人。" * 3),
    ("短", "市场新报" * 20),
])
def test_overlap_counts_the_high_pairs_of_both_sides(before, after):
    """The numbered pairs give the share the two sets of pairs give."""
    a, b = articles._high_pairs(after), articles._high_pairs(before)
    expected = None if len(before) < 30 or len(a) < 30 else len(a & b) / len(a)
    assert articles._overlap(before, after) == expected


@pytest.mark.parametrize("reporter, dateline, outlet, place, date", [
    # (本报 names no outlet here: these pages come with no manifest saying which paper)
    ("本报记者 王小明 李大同", "本报北京11月25日电", None, "北京", "2021-11-25"),
    ("□记者郭小秀", "本报焦作讯", None, "焦作", None),
    ("记者 魏小奋", "新华社上海3月2日电", "新华社", "上海", "2021-03-02"),
])
def test_reporter_line_over_a_lead_that_opens_with_the_dateline(reporter, dateline, outlet, place, date):
    page = wrap("多地出台措施稳就业", reporter, f"{dateline} 今年以来，多地出台一系列稳就业举措。",
                "下一步将重点做好以下工作。")
    records, _ = clean(page)
    assert len(records) == 1
    r = records[0]
    assert r["byline"] == f"{reporter}\n{dateline}"
    assert r["text"] == "今年以来，多地出台一系列稳就业举措。\n下一步将重点做好以下工作。"
    assert r["outlet"] == outlet
    assert (r["place"], r["date"]) == (place, date)
    assert r["authors"][0]["role"].endswith("记者")


def test_a_source_cited_under_a_dateline_stays_in_the_lead():
    page = wrap("某地举行联合演习", "中新网5月8日电", "据台湾媒体报道，某地日前举行联合演习。", "演习持续一周。")
    records, _ = clean(page)
    assert records[0]["byline"] == "中新网5月8日电"
    assert records[0]["text"].startswith("据台湾媒体报道，某地日前举行联合演习。")


@pytest.mark.parametrize("under", [["——记全国劳动模范、某厂高级技师张小华"], ["——一名高级技师的三十年"]])
def test_a_reporter_line_under_a_subtitle_is_the_headline_article_s_byline(under):
    page = wrap("匠心铸就大国重器", *under, "本报记者 刘大伟",
                "凌晨5点，天还没亮，张小华已经来到车间。", "“干一行，爱一行，钻一行。”这是他常说的一句话。")
    records, _ = clean(page)
    assert len(records) == 1
    r = records[0]
    assert (r["title"], r["byline"]) == ("匠心铸就大国重器", "本报记者 刘大伟")
    assert r["text"].split("\n")[:len(under) + 1] == [*under, "凌晨5点，天还没亮，张小华已经来到车间。"]


def test_a_reporter_line_after_a_paragraph_of_text_still_opens_an_article():
    page = wrap("某市五项举措保障学生午餐",
                "本报讯（记者 张明远）日前，某市教育局出台五项举措，保障中小学生午餐质量。",
                "本报记者 刘大伟",
                "凌晨5点，天还没亮，张小华已经来到车间。")
    records, _ = clean(page)
    assert [r["byline"] for r in records] == ["本报讯（记者 张明远）", "本报记者 刘大伟"]


OPINION = ["让老街区更有烟火气",
           "王思远",
           "推进城市更新，既要改善居住条件，也要留住街巷的生活气息。近年来，不少城市在老街区增设菜市场和托育点。",
           "城市更新要从居民身边的小事做起。"]


@pytest.mark.parametrize("note", ["（作者为某规划研究院研究员）", "作者单位：某大学建筑学院"])
def test_a_name_under_a_headline_is_the_byline_of_an_article_closed_by_an_author_note(note):
    [record] = clean(wrap(*OPINION, note))[0]
    assert record["title"] == "让老街区更有烟火气"
    assert record["byline"] == "王思远"
    assert record["text"].startswith("推进城市更新")
    assert "王思远" not in record["text"]


def test_a_name_under_a_headline_is_the_byline_when_the_note_closes_the_last_paragraph():
    page = wrap(*OPINION[:-1], "社区是城市的细胞，小事连着民心。", OPINION[-1] + "（作者系某大学教授）")
    [record] = clean(page)[0]
    assert record["byline"] == "王思远"


def test_a_name_under_a_headline_without_an_author_note_stays_in_the_text():
    """A profile's subject may stand under its headline: no note on the
    author, no byline."""
    [record] = clean(wrap(*OPINION))[0]
    assert record["byline"] is None
    assert record["text"].split("\n")[0] == "王思远"


def test_a_word_under_a_headline_is_no_byline_even_with_an_author_note():
    page = wrap("让老街区更有烟火气", "城市更新", *OPINION[2:], "（作者为某规划研究院研究员）")
    [record] = clean(page)[0]
    assert record["byline"] is None
    assert record["text"].split("\n")[0] == "城市更新"


POEM = ["冬夜读书", "□ 林晚风", "窗外的风翻过第三页", "灯下的人还停在", "上一个句子里", "茶凉了两次"]
ESSAY = ["在老街拐角，有一间不足六平方米的修表铺。铺子的主人姓汪，六十多岁，戴一副老花镜。",
         "后来老街要改造，修表铺搬走了。"]


@pytest.mark.parametrize("heading", [["老街的修表铺"], ["老街的修表铺", "——记一位修了四十年表的老师傅"]])
def test_a_headline_after_a_poem_heads_the_piece_its_byline_opens(heading):
    """Scored alone, a headline under verse looks like one more line of it;
    the byline over a lead under it says a new piece begins there."""
    records, _ = clean(wrap(*POEM, *heading, "□ 何秋生", *ESSAY))
    assert [r["title"] for r in records] == ["冬夜读书", "老街的修表铺"]
    assert records[0]["text"].split("\n") == POEM[2:]
    assert records[1]["byline"] == "□ 何秋生"
    assert records[1]["text"].split("\n") == heading[1:] + ESSAY


def test_a_signature_under_a_poem_over_another_short_line_takes_no_line_of_it():
    """A byline over a short line, not a lead, may sign the verse above: its
    last line stays in the poem."""
    records, _ = clean(wrap(*POEM, "□ 何秋生", "雪后", "门前的路白了", "我们都没有说话"))
    assert records[0]["text"].split("\n") == POEM[2:]


# --- a signature closing the lead: the byline, as evening papers print it -------------

SIGNED_LEAD = [
    "临江今冬供暖提前五天",
    "早报讯 11月10日，记者从临江市住建局获悉，今冬城区集中供暖将于11月10日提前启动。（记者 郁青禾 实习生 卜言）",
    "据介绍，全市供热面积今年新增80万平方米。",
    "住建局提醒，居民如遇暖气不热，可拨打供热服务热线反映。",
]


def test_a_signature_closing_the_lead_under_a_feed_is_the_second_byline_line():
    """The story runs on under the signed lead: one record, the feed and the
    signature its byline, a line each."""
    [record], _ = clean(wrap(*SIGNED_LEAD))
    assert record["title"] == SIGNED_LEAD[0]
    assert record["byline"] == "早报讯\n（记者 郁青禾 实习生 卜言）"
    assert record["authors"] == [{"name": "郁青禾", "role": "记者"}, {"name": "卜言", "role": "实习生"}]
    assert record["date"] == "2021-11-10"
    assert record["text"].split("\n") == [
        "11月10日，记者从临江市住建局获悉，今冬城区集中供暖将于11月10日提前启动。",
        SIGNED_LEAD[2], SIGNED_LEAD[3]]
    assert record["credits"] == []


def test_a_signature_closing_the_lead_with_no_feed_is_the_byline():
    lead = SIGNED_LEAD[1].removeprefix("早报讯 ")
    [record], _ = clean(wrap(SIGNED_LEAD[0], lead, *SIGNED_LEAD[2:]))
    assert record["byline"] == "（记者 郁青禾 实习生 卜言）"
    assert record["date"] == "2021-11-10"
    assert record["text"].startswith("11月10日，记者从临江市住建局获悉")
    assert record["text"].endswith(SIGNED_LEAD[3])


def test_the_paper_a_signature_names_is_the_outlet_the_feed_named_short():
    """早报讯 names the paper short; （临江早报记者 X） names it in full."""
    lead = SIGNED_LEAD[1].replace("（记者 郁青禾 实习生 卜言）", "（临江早报记者 郁青禾）")
    [record], _ = clean(wrap(SIGNED_LEAD[0], lead, *SIGNED_LEAD[2:]))
    assert record["byline"] == "早报讯\n（临江早报记者 郁青禾）"
    assert record["outlet"] == "临江早报"
    assert record["authors"] == [{"name": "郁青禾", "role": "记者"}]


def test_a_signed_lead_over_the_next_headline_still_closes_its_article():
    """A brief of one paragraph signed at its end, then the next article:
    unchanged, two records; the brief's signature stays a credit, as a
    signature closing an article does (only a lead with more of the story
    under it gives its signature to the byline)."""
    page = wrap(*SIGNED_LEAD[:2], *TWO_ARTICLES[3:])
    records, _ = clean(page)
    assert [r["title"] for r in records] == [SIGNED_LEAD[0], TWO_ARTICLES[3]]
    assert records[0]["text"] == "11月10日，记者从临江市住建局获悉，今冬城区集中供暖将于11月10日提前启动。"
    assert records[0]["byline"] == "早报讯"
    assert records[0]["credits"] == ["（记者 郁青禾 实习生 卜言）"]
    assert records[0]["authors"] == [{"name": "郁青禾", "role": "记者"}, {"name": "卜言", "role": "实习生"}]


def test_briefs_each_signed_at_their_end_stay_apart():
    """A column of briefs with no headlines, each closed by its signature:
    the signature under the first ends it, as every later one does."""
    page = wrap(SIGNED_LEAD[0],
                "临江市图书馆自本周起延长周末开放时间至晚上九点。（记者 郁青禾）",
                "临江市体育中心游泳馆将于下月起对中小学生半价开放。（记者 卜言）")
    records, _ = clean(page)
    assert len(records) == 2
    assert [r["authors"] for r in records] == [[{"name": "郁青禾", "role": "记者"}],
                                               [{"name": "卜言", "role": "记者"}]]


def _kicker_roles(upper: str, lower_role: str) -> list[str]:
    blocks = [articles.Block([0], "教育局表示，新学校将在明年秋季学期前全部投入使用。"),
              articles.Block([2], upper),
              articles.Block([4], "某县：新季玉米每斤1.35元开秤 比去年高0.12元", role=lower_role),
              articles.Block([6], "新报讯（某县新报正某县网记者 林一帆）9月25日8:30，在某县北郊粮库收购现场，前来售粮的车辆排起了长队。"),
              articles.Block([8], "据了解，今年全县玉米种植面积达68.5万亩。")]
    articles._kicker_stacks(blocks)
    return [b.role for b in blocks]


@pytest.mark.parametrize("upper, kicker", [
    ("秋粮收购正当时", True),             # longer than a column label, words alone
    ("■秋粮收购", True),                 # a marked label
    ("E、捐赠地址：", False),             # a list item closing the article above
    ("据悉，粮库将延长收购时间至晚上八点", False),   # a sentence's clause, too long
])
def test_a_kicker_over_a_line_taken_as_the_headline(upper, kicker):
    """The model took the lower line as the headline on its own: the line
    over it is its kicker when it is a kicker's words, else it stays with
    the article above."""
    roles = _kicker_roles(upper, "title")
    assert roles[1:3] == (["kicker", "title"] if kicker else ["body", "title"])
