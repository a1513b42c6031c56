"""Bylines read on whole pages: what the record says, written by hand.

Each page is printed as raw pages are (every line followed by a blank line)
and cleaned with :func:`cleaner.pipeline.clean_text`; the expected fields
of each record are written by hand. Names and outlets are made up; the
rows marked "unchanged" must come out as they did before the rule they
stand beside.
"""
import pytest

from cleaner.pipeline import FileMeta, clean_text


def _page(*lines: str) -> str:
    return "".join(f"{line}\n\n" for line in lines)


def _records(*lines: str) -> list[dict]:
    return [a.record for a in clean_text(_page(*lines), FileMeta("x.txt", year=2026)).articles]


def test_a_letter_spaced_pen_name_under_the_headline_is_the_byline():
    [r] = _records("在新征程上奋力谱写发展新篇章", "宋 立 言",
                   "时间的刻度，标注着奋斗的历程。今年，是规划的开局之年。",
                   "我们要坚定信心，奋发有为，谱写新的篇章。")
    assert r["title"] == "在新征程上奋力谱写发展新篇章"
    assert r["byline"] == "宋 立 言"
    assert r["authors"] == [{"name": "宋立言", "role": None}]
    assert r["text"] == "时间的刻度，标注着奋斗的历程。今年，是规划的开局之年。\n我们要坚定信心，奋发有为，谱写新的篇章。"


def test_a_letter_spaced_pen_name_closing_the_article_is_the_byline():
    [r] = _records("在新征程上奋力谱写发展新篇章",
                   "时间的刻度，标注着奋斗的历程。今年，是规划的开局之年。",
                   "我们要坚定信心，奋发有为，谱写新的篇章。", "宋 立 言")
    assert r["byline"] == "宋 立 言"
    assert r["authors"] == [{"name": "宋立言", "role": None}]
    assert "宋" not in r["text"]


def test_a_feed_after_a_middle_dot_opens_the_lead():
    [r] = _records("某科技控股股东拟减持股份",
                   "某城时报·e公司讯，某科技（300512）12月9日晚间公告，控股股东计划在未来3个月内减持股份。")
    assert r["byline"] == "某城时报·e公司讯，"      # the comma closing a byline goes with it
    assert r["outlet"] == "某城时报"
    assert r["text"] == "某科技（300512）12月9日晚间公告，控股股东计划在未来3个月内减持股份。"


@pytest.mark.parametrize("staff, authors", [
    ("（记者 次仁卓玛）", [{"name": "次仁卓玛", "role": "记者"}]),
    ("（记者 阿依古丽 王晓明）", [{"name": "阿依古丽", "role": "记者"}, {"name": "王晓明", "role": "记者"}]),
    ("（记者 买买提·吐尔逊）", [{"name": "买买提·吐尔逊", "role": "记者"}]),
    ("（记者 张三 李四）", [{"name": "张三", "role": "记者"}, {"name": "李四", "role": "记者"}]),   # unchanged
    ("（记者 王晓明）", [{"name": "王晓明", "role": "记者"}]),                                     # unchanged
])
def test_a_transcribed_name_is_one_person(staff, authors):
    [r] = _records("某地迎来今冬首场大范围降雪",
                   f"新华社拉萨11月26日电{staff}受冷空气影响，11月25日至26日，某地出现降雪天气。",
                   "当地气象部门提醒，请牧民做好牲畜防寒保暖工作。")
    assert r["authors"] == authors
    assert r["outlet"] == "新华社"
    assert r["text"].startswith("受冷空气影响")


def test_a_poet_in_brackets_closing_the_article_stays_in_the_text():
    [r] = _records("某地诗词书法展开幕", "本次展览展出书法作品百余件，吸引了大量市民参观。",
                   "展厅入口处写着：人生如逆旅，我亦是行人。（苏轼）")
    assert r["byline"] is None and r["authors"] == [] and r["credits"] == []
    assert r["text"].endswith("我亦是行人。（苏轼）")


def test_a_briefs_signature_closing_the_article_is_still_read():
    """unchanged: names alone in brackets after a sentence sign a brief."""
    [r] = _records("某地道路工程进展顺利", "本报讯 日前，某地道路工程进展顺利，预计年底完工，届时将方便周边居民出行。（彭湃 李可）")
    assert r["credits"] == ["（彭湃 李可）"]
    assert r["authors"] == [{"name": "彭湃", "role": None}, {"name": "李可", "role": None}]
    assert r["text"] == "日前，某地道路工程进展顺利，预计年底完工，届时将方便周边居民出行。"


_PHOTO = ("金秋银杏引客来", "11月23日，游客在某乡银杏林拍照留念。近日，该乡银杏进入最佳观赏期。")


@pytest.mark.parametrize("footer, credit", [
    ("责任编辑：郑 凯 版式：吴 昊 校对：何 平", "责任编辑：郑凯 版式：吴昊 校对：何平"),
    ("责任编辑：郑凯 校对：何平", "责任编辑：郑凯 校对：何平"),
    ("美术编辑：郑凯", "美术编辑：郑凯"),
    ("本版责任编辑：郑凯", "本版责任编辑：郑凯"),                  # unchanged: the page's scope
])
def test_a_page_footer_under_a_photo_credit_names_no_author(footer, credit):
    [r] = _records(*_PHOTO, "融媒体记者 钟明 摄", footer)
    assert r["authors"] == [{"name": "钟明", "role": "摄影"}]
    assert r["credits"] == [credit]


def test_a_page_footer_under_a_credit_in_the_lead_names_no_author():
    [r] = _records(_PHOTO[0], "本报讯 " + _PHOTO[1] + "（记者 钟明 摄）", "责任编辑：郑凯 校对：何平")
    assert r["authors"] == [{"name": "钟明", "role": "摄影"}]
    assert sorted(r["credits"]) == ["责任编辑：郑凯 校对：何平", "（记者 钟明 摄）"]


def test_a_page_footer_under_a_signature_names_no_author():
    [r] = _records("某镇冬修水利正当时", "眼下正值冬修水利黄金期，某镇组织群众投入渠道清淤等工程，预计年底前全面完工。",
                   "通讯员 邹明", "责任编辑：郑凯 校对：何平")
    assert r["authors"] == [{"name": "邹明", "role": "通讯员"}]
    assert r["credits"] == ["责任编辑：郑凯 校对：何平"]


def test_an_editor_alone_under_a_story_is_still_its_author():
    """unchanged: web and wire copy print the story's editor under it."""
    [r] = _records(*_PHOTO, "融媒体记者 钟明 摄", "（责任编辑：郑凯）")
    assert r["authors"] == [{"name": "钟明", "role": "摄影"}, {"name": "郑凯", "role": "责任编辑"}]


@pytest.mark.parametrize("footer, credit", [
    ("本版责任编辑 童 林 美术编辑 邱 枫", "本版责任编辑 童林 美术编辑 邱枫"),
    ("本版责任编辑 范 芳 邮箱 kjzh@example.com", "本版责任编辑 范芳 邮箱 kjzh@example.com"),
])
def test_a_page_footer_with_no_colon_is_a_credit(footer, credit):
    [r] = _records("老街的修表铺", "□ 何秋明", "在老街拐角，有一间不足六平方米的修表铺。", "后来老街要改造，修表铺搬走了。", footer)
    assert r["text"] == "在老街拐角，有一间不足六平方米的修表铺。\n后来老街要改造，修表铺搬走了。"
    assert r["credits"] == [credit]
    assert r["authors"] == [{"name": "何秋明", "role": None}]


def test_a_line_of_the_page_s_scope_that_names_no_one_stays_in_the_text():
    """unchanged: 本版 opening a sentence is text."""
    [r] = _records("老街的修表铺", "□ 何秋明", "在老街拐角，有一间不足六平方米的修表铺。", "本版文章均为作者原创")
    assert r["text"].endswith("本版文章均为作者原创") and r["credits"] == []


def test_the_lead_date_is_read_under_the_byline_past_a_subtitle():
    [r] = _records("某地科学家实现高效电还原制乙烯", "转化效率超过八成", "科技日报记者 吴长明",
                   "记者11月25日从某大学获悉，该校研究团队设计出一种新型催化剂。", "乙烯是最重要的基础化工原料之一。")
    assert r["date"] == "2026-11-25"
    assert r["text"].startswith("转化效率超过八成\n记者11月25日")


def test_the_lead_date_with_no_subtitle_is_read_as_before():
    """unchanged: byline, then the lead."""
    [r] = _records("某地科学家实现高效电还原制乙烯", "科技日报记者 吴长明",
                   "记者11月25日从某大学获悉，该校研究团队设计出一种新型催化剂。")
    assert r["date"] == "2026-11-25"


def test_a_bracketed_place_and_day_opens_the_lead():
    [r] = _records("某洋日报 2026年11月26日 星期四 A7 全国", "某州水供中断 逾30万户受影响",
                   "（莎阿南25日讯）某州水务公司宣布，由于滤水厂进行紧急维修，多个地区将于本月27日起面对制水。",
                   "该公司说，维修工程预计需时36小时。", "报道：黄思明")
    assert (r["byline"], r["place"], r["date"]) == ("（莎阿南25日讯）", "莎阿南", "2026-11-25")
    assert r["authors"] == [{"name": "黄思明", "role": "报道"}] and r["credits"] == ["报道：黄思明"]
    assert r["text"] == "某州水务公司宣布，由于滤水厂进行紧急维修，多个地区将于本月27日起面对制水。\n该公司说，维修工程预计需时36小时。"


def test_reported_and_photographed_lines_close_the_article_above():
    """They were read as the next article's headline and byline."""
    first, second = _records(
        "华小新生注册人数创新高", "（新山25日讯）某州华校董事联合会今日公布，明年全州华小一年级新生注册人数达2万1358人，比今年增加1126人。",
        "该会主席在记者会上指出，部分市区华小已出现“一位难求”的情况。", "报道：李佩文", "摄影：陈国明", "", "", "",
        "怡保老字号白咖啡店 传承三代", "（怡保25日讯）在旧街场经营了68年的“南香”白咖啡店，每天清晨6时开门，门外便已排起长龙。")
    assert first["authors"] == [{"name": "李佩文", "role": "报道"}, {"name": "陈国明", "role": "摄影"}]
    assert first["text"].endswith("“一位难求”的情况。")
    assert (second["title"], second["byline"], second["place"]) == ("怡保老字号白咖啡店 传承三代", "（怡保25日讯）", "怡保")


def test_a_bracketed_day_later_than_the_page_s_is_in_the_month_before():
    [r] = _records("某洋日报 2027年1月2日 星期六 A7 全国", "某州水供中断",
                   "（莎阿南30日讯）某州水务公司宣布，由于滤水厂进行紧急维修，多个地区将面对制水。")
    assert r["date"] == "2026-12-30"


def test_a_bracketed_place_with_no_date_stays_in_the_text():
    """unchanged: （北京） is no dateline."""
    [r] = _records("某州水供中断", "（北京）某州水务公司宣布，由于滤水厂进行紧急维修，多个地区将面对制水。")
    assert r["byline"] is None and r["text"].startswith("（北京）")


def test_names_then_reported_under_the_headline_are_the_byline():
    [r] = _records("某数码园区首批企业迁入", "林子明 报道", "linzm@example.com.sg",
                   "某数码园区首批12家企业本周迁入，预计带来约2万个就业机会。", "该集团总裁说：“我们希望园区成为试验场。”")
    assert r["byline"] == "林子明 报道"
    assert r["authors"] == [{"name": "林子明", "role": "报道"}]
    assert r["credits"] == ["linzm@example.com.sg"]
    assert r["text"] == "某数码园区首批12家企业本周迁入，预计带来约2万个就业机会。\n该集团总裁说：“我们希望园区成为试验场。”"


def test_a_labelled_mail_box_in_a_notice_stays_in_the_text():
    """unchanged: a notice's contacts are its text."""
    [r] = _records("某公司股东大会通知", "本公司定于12月5日召开股东大会，请股东准时出席。", "联系电话：010-12345678",
                   "电子信箱：abc@example.com", "特此公告。")
    assert "电子信箱：abc@example.com" in r["text"] and r["credits"] == []


def test_names_under_the_headline_sign_an_opinion_piece_with_an_author_note():
    """Headline, a name alone, the piece (on a short page the break model
    alone would join the name into the lead), closed by a note on its
    author: the name is the byline, the note a credit."""
    [r] = _records("让城市更新更有温度", "王思远",
                   "推进城市更新，既要有“面子”，更要有“里子”。近年来，不少城市在社区增设菜市场。",
                   "社区是城市的细胞，城市更新要从居民身边的小事做起。（作者系某大学教授）")
    assert r["byline"] == "王思远"
    assert r["authors"] == [{"name": "王思远", "role": None}]
    assert r["credits"] == ["（作者系某大学教授）"]
    assert r["text"] == ("推进城市更新，既要有“面子”，更要有“里子”。近年来，不少城市在社区增设菜市场。\n"
                         "社区是城市的细胞，城市更新要从居民身边的小事做起。")


def test_a_name_under_a_headline_without_an_author_note_stays_in_the_text():
    [r] = _records("让城市更新更有温度", "王思远",
                   "推进城市更新，既要有“面子”，更要有“里子”。近年来，不少城市在社区增设菜市场。",
                   "社区是城市的细胞，城市更新要从居民身边的小事做起。")
    assert r["authors"] == []
    assert r["text"].startswith("王思远")


_BRIEFS = ("路局简讯", "■ 11月25日，某铁路局首列旅游专列从某站开出，途经三地，为期6天。",
           "■ 11月以来，某铁路局累计发送煤炭2860万吨，同比增长8.2%。", "（本报记者 周明 整理）")


def test_an_editor_letter_spaced_in_the_page_s_footer_names_no_author():
    """责任编辑：韩 梅 at the page's end: a printed page's footer (web copy
    never letter-spaces the editor under a story), kept as a credit."""
    [r] = _records(*_BRIEFS, "责任编辑：韩 梅")
    assert r["authors"] == [{"name": "周明", "role": "记者"}]
    assert r["credits"] == ["责任编辑：韩梅"]


def test_an_editor_under_a_story_is_still_its_author():
    """unchanged: 责任编辑：X with the name not spaced, as web copy prints it."""
    [r] = _records(*_BRIEFS, "责任编辑：韩梅")
    assert r["authors"] == [{"name": "周明", "role": "记者"}, {"name": "韩梅", "role": "责任编辑"}]


def test_a_bracketed_day_with_no_month_known_is_no_date():
    """The file gives a year only and the page prints no date: the day
    alone dates nothing."""
    [r] = _records("某州水供中断 逾30万户受影响",
                   "（莎阿南25日讯）某州水务公司宣布，由于滤水厂进行紧急维修，多个地区将于本月27日起面对制水。",
                   "该公司说，维修工程预计需时36小时。")
    assert (r["byline"], r["place"], r["date"]) == ("（莎阿南25日讯）", "莎阿南", None)


@pytest.mark.parametrize("pen", ["木子", "晓风"])
def test_a_pen_name_after_a_bullet_under_the_headline_is_the_byline(pen):
    [r] = _records("老街的修表铺", f"□ {pen}", "在老街拐角，有一间不足六平方米的修表铺。铺子的主人姓汪，六十多岁。",
                   "后来老街要改造，修表铺搬走了。")
    assert (r["title"], r["byline"], r["authors"]) == ("老街的修表铺", f"□ {pen}", [{"name": pen, "role": None}])
    assert r["text"] == "在老街拐角，有一间不足六平方米的修表铺。铺子的主人姓汪，六十多岁。\n后来老街要改造，修表铺搬走了。"


@pytest.mark.parametrize("heading", ["■ 现场", "□ 小贴士"])
def test_a_bullet_heading_under_the_headline_stays_in_the_text(heading):
    """unchanged: a heading's word is no pen name, wherever it stands."""
    [r] = _records("老街的修表铺", heading, "在老街拐角，有一间不足六平方米的修表铺。铺子的主人姓汪，六十多岁。")
    assert r["authors"] == [] and r["text"].startswith(heading)


BORDER = ("边防团“一哨一策”提升执勤效能", "团政委何建平说，每个哨所都有自己的“脾气”，只有摸清情况，才能对症施策。")


@pytest.mark.parametrize("opening, byline, authors", [
    ("本报讯 记者 李建文、特约通讯员 王 雷报道：", "本报讯 记者 李建文、特约通讯员王 雷报道：",
     [{"name": "李建文", "role": "记者"}, {"name": "王雷", "role": "特约通讯员"}]),
    ("本报讯 刘 涛、见习记者 王紫薇报道：", "本报讯 刘 涛、见习记者 王紫薇报道：",
     [{"name": "刘涛", "role": None}, {"name": "王紫薇", "role": "见习记者"}]),
    ("本报讯 记者 李建文、王晓东，通讯员 张小平报道：", "本报讯 记者 李建文、王晓东，通讯员 张小平报道：",
     [{"name": "李建文", "role": "记者"}, {"name": "王晓东", "role": "记者"}, {"name": "张小平", "role": "通讯员"}]),
    ("本报讯 记者 李建文报道：", "本报讯 记者 李建文报道：", [{"name": "李建文", "role": "记者"}]),   # unchanged
])
def test_a_military_paper_s_reporters_open_the_lead(opening, byline, authors):
    [r] = _records(BORDER[0], f"{opening}3月上旬，西部战区陆军某边防团对所属18个执勤点位逐一开展勘察。", BORDER[1])
    assert (r["title"], r["byline"], r["authors"]) == (BORDER[0], byline, authors)
    assert r["text"] == f"3月上旬，西部战区陆军某边防团对所属18个执勤点位逐一开展勘察。\n{BORDER[1]}"


@pytest.mark.parametrize("line", ["□ 林 远", "□ 林远"])
def test_a_letter_spaced_pen_name_after_a_bullet_under_the_headline_is_the_byline(line):
    [r] = _records("江边的早点铺", line, "老码头的早点铺开在江堤下面，一间不到二十平方米的铺面，开了三十多年。",
                   "那时候，一笼包子两毛钱。")
    assert (r["title"], r["byline"], r["authors"]) == ("江边的早点铺", line, [{"name": "林远", "role": None}])
    assert r["text"] == "老码头的早点铺开在江堤下面，一间不到二十平方米的铺面，开了三十多年。\n那时候，一笼包子两毛钱。"


@pytest.mark.parametrize("heading", ["■ 现 场", "■ 关 注", "■ 温 馨", "□ 家长问 专家答"])
def test_a_letter_spaced_bullet_heading_under_the_headline_stays_in_the_text(heading):
    """unchanged: a heading letter-spaced, or two words, is no pen name."""
    [r] = _records("江边的早点铺", heading, "老码头的早点铺开在江堤下面，一间不到二十平方米的铺面，开了三十多年。")
    assert r["authors"] == [] and r["text"].startswith(heading)
