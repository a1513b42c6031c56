"""Join or break: each kind of evidence, with breaks that must be joined and
breaks that must be kept. The pages are written by hand for these tests."""
import pytest

from cleaner import breaks, metadata, words


def decide(page: str, sep: str = "\n\n"):
    """{(line before, line after): join} for a page whose lines are joined by sep."""
    lines = page.split("\n")
    content = [i for i, l in enumerate(lines) if l.strip()]
    blanks = [content[k + 1] - content[k] - 1 for k in range(len(content) - 1)]
    out = {}
    for d in breaks.decide(lines, content, blanks):
        out[(lines[d.prev].strip(), lines[d.next].strip())] = d.join
    return out


def wrap(*lines: str, sep: str = "\n\n") -> str:
    return sep.join(lines) + "\n"


def verdict(page_lines, before, after, sep="\n\n"):
    got = decide(wrap(*page_lines, sep=sep))
    return got[(before, after)]


# --- punctuation -----------------------------------------------------------------
PARAGRAPHS = [
    "某市今年将新建十所学校，",
    "新增学位约一万个，以缓解城区入学压力。",
    "市教育局有关负责人介绍，新学校将于明年秋季开学。",
    "据了解，今年全市中小学在校生比去年增加八千人。",
]


def test_clause_punctuation_joins():
    assert verdict(PARAGRAPHS, PARAGRAPHS[0], PARAGRAPHS[1]) is True


def test_sentence_end_keeps_paragraphs_apart():
    assert verdict(PARAGRAPHS, PARAGRAPHS[1], PARAGRAPHS[2]) is False
    assert verdict(PARAGRAPHS, PARAGRAPHS[2], PARAGRAPHS[3]) is False


# --- typesetting rules ------------------------------------------------------------
def test_closing_punctuation_never_starts_a_line():
    page = ["他说：“今年的收成比去年好", "。”村民们纷纷点头。", "第二段从这里开始。"]
    assert verdict(page, page[0], page[1]) is True


def test_a_line_never_ends_after_an_opening_quote():
    page = ["村主任笑着说：“", "今年的收成比去年好。”", "第二段从这里开始。"]
    assert verdict(page, page[0], page[1]) is True


def test_typesetting_rule_is_the_evidence():
    lines = ["他说：“", "好。”"]
    d = breaks.decide(lines, [0, 1], [0])[0]
    assert d.join and d.evidence[0][0] == "typesetting_rule"


@pytest.mark.parametrize("cut, rest", [
    ("本报记者 韩", "冰"),                         # a reporter line cut after the surname
    ("本报讯 记者 陈晓 通讯员 刘", "亮 11月26日，某市召开会议。"),
    ("责任编辑：何", "平"),                         # a credit role and its colon
    ("论文通讯作者、某大学教授吴", "昊天介绍，钠资源储量丰富。"),   # a job title in running text
    ("线路全长12.", "6公里。"),                      # a number cut at its decimal point
    ("从2026-", "2027赛季起，球队将移师新主场。"),     # a range cut at its dash
    ("明天气温-3℃～", "5℃，北风3～4级。"),
    ("本报记者 司马", "晨"),                         # a compound surname
    ("□ 鲁", "晓帆"),                                # a column's writer under a bullet
    ("市民纷纷打来咨询热", "线"),                      # a line of one character completing a word
    ("同比增长７．", "９％。"),
])
def test_names_and_numbers_cut_by_a_break_are_always_joined(cut, rest):
    page = ["某市地铁新线明起试运营", cut, rest, "下一段从这里开始，说的是另一件事。"]
    got = decide(wrap(*page))
    assert got[(cut, rest)] is True
    d = [d for d in breaks.decide(wrap(*page).split("\n"), [0, 2, 4, 6], [1, 1, 1]) if d.prev == 2][0]
    assert d.evidence[0][0] in ("name_cut", "number_cut", "lone_character")


def test_the_cheap_cut_test_passes_every_cut():
    """breaks._may_cut rules lines out before certain_join: it must pass
    every line certain_join would cut, whatever the title or role."""
    from cleaner import metadata as m
    rests = ["冰", "晨光", "6公里。", "2027赛季", "欣"]
    lines = [f"{t}{gap}{s}" for t in m.STAFF_ROLES + m.JOB_TITLES + [r + "：" for r in m.CREDIT_ROLES]
             for gap in ("", " ") for s in ("韩", "司马", "李")]
    lines += ["线路全长12.", "从2026-", "气温-3℃～", "市民纷纷打来咨询热", "□ 鲁", "■韩", "以2∶", "上半场第",
              "今年以来，股价累计下跌", "截至", "INT8算力达到", "（2026）京0105刑初", "石悦今年26", "热线：0771-5",
              "该旅旅长韩卫东", "本报讯 昨日上午", "新华社广州4月20日电 记者", "（本报通讯员 蔡文",
              "邮箱：txzk_zheng", "网站www.tong", "通讯员 林晓", "文/图 周", "寒假期间（2023年2月", "新建的5",
              "货运量同比增长", "周晓岚：全区", "3月5日上午，游客在桐江县", "据桐江市住房和城乡", "本届大赛由市", "今年以来，“公路+"]
    rests += ["0战胜对手。", "23分钟，他破门。", "21.3%，市盈率下降。", "105万人次，平日约3万人次。", "2025年底，全市",
              "512 TOPS，典型功耗仅75W。", "1234号刑事判决。", "岁，是一名教师。", "5512345，欢迎来电。",
              "介绍，今年驻训取消了脚本。", "10时18分，隧道贯通。", "从水利厅获悉，汛期已至。", "博）",
              "wen@163.com；欢迎来稿。", "xi.gov.cn查询。", "燕 何志勇", "立新", "14日至20日），", "G智慧病房投用。",
              "近35%。全港", "42所幼儿园全部开设延时班。", "凤凰古镇参观非遗展览。", "建设局统计，今年以来",
              "总工会联合主办。", "水运”联运业务量同比增长12%。"]
    for prev in lines:
        for rest in rests:
            if breaks.certain_join(prev, rest) not in (None, "typesetting_rule"):
                assert breaks._may_cut(prev[-1], prev, rest[0], len(rest)), (prev, rest)


@pytest.mark.parametrize("cut, rest, rule", [
    ("石悦今年26", "岁，是参与街区设计的一名建筑师。", "unit_cut"),          # a number cut from its unit
    ("本周四下午3点，热线电话：0771-5", "5512345，欢迎读者来电。", "unit_cut"),  # a phone number's local part
    ("该旅旅长韩卫东", "介绍，今年驻训，旅里取消了预先号令和固定脚本。", "speech_cut"),
    ("全国假日办负责人", "说，今年黄金周自助游人数明显增多。", "speech_cut"),
    ("本报讯 昨日上午", "10时18分，随着最后一环管片拼装完成，隧道实现全线贯通。", "lead_cut"),
    ("新华社广州4月20日电 记者", "从广东省水利厅获悉，广东已全面进入汛期。", "lead_cut"),
    ("（本报特约通讯员 马 骁 通讯员 蔡文", "博）", "bracket_cut"),           # a bracketed credit cut
    ("投稿邮箱：txzk_zheng", "wen@163.com；联系电话：0573-6218890。", "address_cut"),
    ("详情可登录县政府网站www.tong", "xi.gov.cn查询。", "address_cut"),
    ("通讯员 林晓", "燕 何志勇", "name_cut"),                             # the first of two names cut
    ("文/图 周", "立新", "name_cut"),                                      # a surname under 文/图
    ("南屏市已印发实施意见，计划到", "2025年建成便民生活圈200个。", "date_cut"),  # 到 takes a date
    ("寒假期间（2023年2月", "14日至2月20日），景区对学生免费开放。", "date_cut"),  # a month cut from its day
    ("城东医院新建的5", "G智慧病房本周投用，家属可远程探视。", "unit_cut"),     # a number and its Latin suffix
    ("上半年，桐江港水铁联运货运量同比增长", "近35%。全港累计完成吞吐量41万标箱。", "quantity_cut"),
    ("周晓岚：全区", "42所幼儿园全部开设延时班，时间不早于17:00。", "quantity_cut"),  # a turn's first clause
    ("3月5日上午，游客在桐江县", "凤凰古镇参观非遗展览。", "lead_cut"),   # a dated lead's first sentence
    ("据桐江市住房和城乡", "建设局统计，今年全市共加装电梯96部。", "frame_cut"),  # 据 … 统计
    ("本届技能大赛由市", "总工会、市人社局联合主办，共设8个项目。", "frame_cut"),  # 由 … 主办
    ("今年以来，“公路+", "水运”联运业务量同比增长12%。", "operator_cut"),    # a plus sign joins both sides
])
def test_cuts_no_paragraph_could_make_are_joined(cut, rest, rule):
    """A paragraph opens with no unit, no speech verb, never goes on after a
    lead's first words, and no bracketed line ends before its bracket closes."""
    page = ["某市地铁新线明起试运营", "首段文字在这里，交代了事情的来龙去脉和主要的背景。", cut, rest,
            "下一段从这里开始，说的是另一件事。"]
    got = decide(wrap(*page))
    assert got[(cut, rest)] is True
    assert breaks.certain_join(cut, rest) == rule


@pytest.mark.parametrize("prev, nxt", [
    ("活塞97 VS 骑士91", "日期：5月3日"),                # a results row, then a field
    ("2024    1.44", "年产300万台变频电机"),              # a table's columns
    ("咨询热线：021-51575678", "800-820-2004。"),         # a whole number, then another
    ("他说完了。", "表示，会后再谈。"),                   # after a sentence's end
    ("会议强调", "加强管理是关键"),                       # no comma after the verb
    ("一个举报电话牵出一串窝案", "这个黑幕的捅破，源于一封来信。"),   # 电 inside a word, no dateline
    ("本报讯（记者 王五）", "昨日，市里召开会议。"),          # a whole byline: nothing of the lead cut
    ("中新社合肥五月八日电 题：皖风徽韵", "作者：赵鑫"),     # a title line after the dateline
    ("（一）基本情况", "全市共有学校120所。"),              # the bracket closes on its line
    ("投稿邮箱：ab@163.com", "2026年起改为线上投稿。"),       # a whole address, then a date
    ("本报记者 林晓", "近 日，记者走进城南老街。"),           # no byline with the character
    ("货运量同比增长", "近日，港口开通了新航线。"),           # 近 opens no amount here
    ("第二季度", "近3年来，全市新增绿地120公顷。"),        # no word that takes an amount
    ("主持人：全区", "2023年起实行课后延时服务。"),         # a turn, then a date
    ("楼市观察：三大需求支撑成交", "70%的受访者表示今年不会购房。"),  # a sub-heading, then a paragraph
    ("车型A3", "L将于下月上市。"),                          # letters before the number: no number in running text
    ("5月8日，首只克隆山羊出生。新华社发", "市场报讯（记者 王五）昨日…"),  # the lead's sentence has ended
    ("活动时间为每年3月", "报名截止前须提交材料。"),           # a month, then no day
    ("据说明天有雨", "市民出门请带好雨具。"),                  # 据说: no frame closed below
    ("事出有因", "由此引发的争议至今未平。"),                  # 由 opens the next line, not this one
    ("据统计", "全市共有学校120所。"),                        # the frame closed on its own line
])
def test_lines_like_those_cuts_are_left_to_the_model(prev, nxt):
    assert breaks.certain_join(prev, nxt) is None


def test_a_column_label_over_a_headline_at_the_page_top_stands_alone():
    """名医坐诊 ¶ 孩子反复咳嗽是不是过敏？: a column's label over its headline; a
    salutation cut before its colon (各位 + 考生：) is no label."""
    page = ["名医坐诊", "孩子反复咳嗽是不是过敏？", "坐诊专家：滨江市妇幼保健院儿科主任医师 郑丽华",
            "问：我家孩子5岁，一到换季就咳嗽，吃了好几种止咳药都不见好，是不是过敏了？"]
    assert decide(wrap(*page))[(page[0], page[1])] is False
    d = breaks.decide(wrap(*page).split("\n"), [0, 2, 4, 6], [1, 1, 1])[0]
    assert d.evidence[0][0] == "label_alone"
    letter = ["各位", "考生：", "2026年度会计专业技术资格考试准考证已可打印，请各位考生登录网站打印并妥善保管。"]
    d = breaks.decide(wrap(*letter).split("\n"), [0, 2, 4], [1, 1])[0]
    assert d.evidence[0][0] != "label_alone"


def test_a_line_opening_with_a_feed_byline_opens_a_lead():
    """…每天2小时 家长自愿选择 ¶ 快报讯(…) 9月13日，…: a long headline with a
    colon over its byline; 据巴基斯 + 坦电视台… makes a word and goes on."""
    page = ["据医院相关负责人介绍，服务中心还开通了线上预约和邮寄服务。",
            "南屏市2021年秋季学期中小学“课后服务”全面铺开:每周5天、每天2小时 家长自愿选择",
            "快报讯(南屏快报南屏新闻网首席记者 齐远舟) 9月13日,记者从南屏市教育局获悉,全市中小学课后服务全面铺开。"]
    assert decide(wrap(*page))[(page[1], page[2])] is False
    d = breaks.decide(wrap(*page).split("\n"), [0, 2, 4], [1, 1])[1]
    assert d.evidence[0][0] == "dateline_opens"
    assert not breaks._dateline_opens("据巴基斯", "坦电视台19日报道，当天凌晨发生爆炸。")


def test_a_question_or_an_answer_opens_its_paragraph():
    """夏季腹泻不可大意 ¶ 问：…: a Q&A's turn stands; 他回 + 答：… makes a word."""
    page = ["夏季腹泻不可大意", "问：孩子拉肚子要不要马上吃止泻药？", "答：不要急着止泻，先补液，观察孩子的精神状态。"]
    got = decide(wrap(*page))
    assert got[(page[0], page[1])] is False and got[(page[1], page[2])] is False
    cut = ["记者问他为什么坚持了三十年，老人笑着回", "答：这是我的本分，也是我的乐趣，只要还走得动就会一直干下去。"]
    d = breaks.decide(wrap(*cut).split("\n"), [0, 2], [1])[0]
    assert d.evidence[0][0] != "qa_turn"


def test_a_name_a_lone_character_completes_after_a_title_is_joined_and_its_field_line_stands():
    """坐诊专家：…主任医师 郑丽 + 华: the character ends the expert's name, and
    the field line stands apart from the question under it."""
    page = ["孩子反复咳嗽是不是过敏？", "本报记者 蒋一帆", "坐诊专家：滨江市妇幼保健院儿科主任医师 郑丽", "华",
            "问：我家孩子5岁，一到换季就咳嗽，吃了好几种止咳药都不见好，是不是过敏了？", "答：建议到医院做肺功能检测。"]
    got = decide(wrap(*page))
    assert got[(page[2], "华")] is True
    assert got[("华", page[4])] is False
    assert breaks._titled_name_cut("儿科主任医师 郑丽") and not breaks._titled_name_cut("他在会上说明")


@pytest.mark.parametrize("cut, rest", [("本报记者 钟", "毓"), ("本报记者 肖雨", "欣"), ("文/陶", "然")])
def test_a_byline_a_cut_completes_stands_alone(cut, rest):
    """After 本报记者 钟 + 毓 the next break is judged on the byline, not on
    the fragment 毓 (which would read on into 问：…)."""
    page = ["个税年度汇算问答", cut, rest, "问：今年赡养老人的扣除标准有变化吗？", "答：有变化。"]
    got = decide(wrap(*page))
    assert got[(cut, rest)] is True
    assert got[(rest, page[3])] is False


#: Whole pages and what the rules make of the breaks named: ``joins[k]`` says
#: whether the break after line ``k`` is joined.
RULE_PAGES = [
    # 本报记者 王明 + 近 would read as a three-character name; 近 + 日 is the
    # lead's first word (a drop cap set on its own line)
    pytest.param(["老街的手艺人", "本报记者 王明", "近", "日，记者走进城南老街，寻访那些仍在坚守的手艺人。",
                  "七十二岁的李师傅在老街修了四十年鞋。"], {1: False, 2: True}, id="drop-cap"),
    pytest.param(["别让天价引援拖垮俱乐部", "□ 孟小凡", "又到冬季转会窗口，一些俱乐部再次掀起抢人大战。",
                  "然而，过去几年的教训表明，高薪未必换来成绩。"], {1: False}, id="bullet-byline"),
    # 李 ¶ 晓梅遗失…: no paragraph is one character; under a sentence's end it completes nothing above
    pytest.param(["遗失声明", "某公司遗失营业执照副本，声明作废。", "李", "晓梅遗失某医院出生医学证明，声明作废。"],
                 {2: True, 1: False}, id="lone-opening"),
    pytest.param(["对话｜导演：我想拍普通人", "新京报：主角的原型是", "谁？", "许辰：是我在城中村认识的一位老人。"],
                 {1: True, 2: False}, id="short-tail"),
    pytest.param(["组屋转售价格连涨22季", "陈", "婉琪 报道", "建屋发展局昨天公布的最新数据显示，组屋转售价格指数环比上涨1.1%。"],
                 {1: True, 2: False}, id="surname-over-byline"),
    pytest.param(["政府昨日公布新措施，市民反应积极。", "长者乘车优惠 明年扩至", "60岁",
                  "政府昨日宣布，乘车优惠计划明年7月起扩展至60至64岁人士，估计约60万人受惠，每年涉及开支约18亿元。"],
                 {1: True, 2: False}, id="headline-amount"),
    pytest.param(["让“15分钟生活圈”更有温度", "李思远", "推进城市更新，既要有“面子”，更要有“里子”。近年来，不少城市在社区增设菜市场、托育点。"],
                 {1: False}, id="names-under-headline"),
    pytest.param(["让城市更有温度", "编 者 按", "城市更新是一项系统工程。本期我们邀请专家谈谈城市更新中的温度问题。", "任 仲 平",
                  "推进城市更新，既要有“面子”，更要有“里子”。"], {1: False}, id="preface-label"),
    # 非遗焕新彩 + 图① reads 彩图 as a word across the join; the caption's number says a new paragraph starts
    pytest.param(["上一篇文章的最后一段在这里结束，感谢读者。", "非遗焕新彩", "图①：11月24日，在某县，制墨艺人正在描金。",
                  "图②：11月24日，游客在一家非遗工坊体验徽墨制作。"], {1: False, 2: False}, id="numbered-caption"),
]


@pytest.mark.parametrize("page, joins", RULE_PAGES)
def test_rules_on_whole_pages(page, joins):
    got = decide(wrap(*page))
    for k, join in joins.items():
        assert got[(page[k], page[k + 1])] is join, (page[k], page[k + 1])


def test_a_dateline_cut_after_a_wide_gap_is_no_heading():
    """新华 after a wide gap is short and heading-shaped, but 新华社 runs across the join."""
    page = ("某市跨年活动平稳有序\n\n本报讯（记者 张弛）12月31日晚，全市各大商圈举办多场跨年活动，吸引市民约30万人次。\n\n\n\n"
            "新华\n\n社北京1月1日电（记者 王晓明）国家统计局1日发布数据显示，去年全国粮食总产量再创新高。\n")
    got = decide(page)
    assert got[("新华", "社北京1月1日电（记者 王晓明）国家统计局1日发布数据显示，去年全国粮食总产量再创新高。")] is True


def test_a_short_heading_after_a_wide_gap_stands_alone():
    """更正 reads as an adverb that goes on into the next line; after more
    blank lines than the page's usual gap, over a long line, it is a heading."""
    page = ("某站改扩建工程开工\n\n本报讯（记者 邓一鸣）12月8日，某站改扩建工程开工。工程总投资约28.6亿元。\n\n\n\n"
            "更正\n\n本报12月5日第3版《某区新增3所公办幼儿园》一文中，“1080个”应为“1180个”。特此更正。\n")
    got = decide(page)
    assert got[("更正", "本报12月5日第3版《某区新增3所公办幼儿园》一文中，“1080个”应为“1180个”。特此更正。")] is False


@pytest.mark.parametrize("prev, nxt", [
    ("发布会现场设有记者席", "位二百个。"),                # 记者席 is a word, not 记者 + the surname 席
    ("大桥横跨本市长江", "两岸的交通更加便利。"),                       # 长江 is a word, not 市长 + the surname 江
    ("勒布朗-詹姆斯", "前"),                               # a table's cells: 斯前 is no word
    ("球队名称", "赛"),
    ("队名", "胜"),                                        # 名胜 is a word, but 队名 a table's cell
    ("一是加强管理。2.", "强化服务。"),                  # a list number before text, not a decimal
    ("上证指数收报3358.", "点，"),                        # decided by the typesetting rule, not as a number
])
def test_cut_rules_leave_words_and_list_numbers_alone(prev, nxt):
    assert breaks.certain_join(prev, nxt) in (None, "typesetting_rule")
    assert breaks.certain_join(prev, nxt) not in ("number_cut", "name_cut", "lone_character")


# --- bracket balance --------------------------------------------------------------
def test_open_bracket_joins_a_byline_broken_inside():
    page = ["某市五项举措保障学生午餐",
            "某某日报讯(某某日报正",
            "某某网首席记者 张明远) 日前，某市教育局出台五项举措，保障中小学生午餐质量。",
            "各学校要建立陪餐制度。"]
    assert verdict(page, page[1], page[2]) is True


# --- how the next line starts -----------------------------------------------------
def test_list_items_stand_apart():
    page = ["会议提出三项要求：",
            "一、加强组织领导，明确责任分工。",
            "二、加大资金投入，保障项目进度。",
            "三、强化督促检查，确保取得实效。"]
    got = decide(wrap(*page))
    assert got[(page[1], page[2])] is False
    assert got[(page[2], page[3])] is False


def test_a_comma_before_a_number_joins():
    page = ["某地统计局20日发布数据显示，",
            "10月份全市规模以上工业增加值同比增长5.3%。",
            "有关负责人表示，经济运行总体平稳。"]
    assert verdict(page, page[0], page[1]) is True


def test_semicolon_ended_items_before_numbered_items_stand_apart():
    page = ["申请时须提交以下材料：",
            "1、营业执照复印件；",
            "2、法定代表人身份证复印件；",
            "3、近三年的财务报表。"]
    got = decide(wrap(*page))
    assert got[(page[1], page[2])] is False
    assert got[(page[2], page[3])] is False


def test_list_item_without_final_punctuation_stays_apart():
    page = ["主要措施包括以下几个方面。",
            "一、完善基础设施",
            "全市将新建和改造道路一百公里，打通断头路二十条。",
            "二、优化公交线网",
            "年内新开公交线路十条，调整线路十五条。"]
    got = decide(wrap(*page))
    assert got[(page[1], page[2])] is False
    assert got[(page[2], page[3])] is False
    assert got[(page[3], page[4])] is False


def test_dateline_on_the_next_line_keeps_a_headline_apart():
    page = ["某省出台措施支持小微企业发展",
            "新华社某地5月9日电（记者 王小明）某省日前出台十条措施，支持小微企业渡过难关。",
            "措施提出，对小微企业减免房租三个月。"]
    assert verdict(page, page[0], page[1]) is False


def test_join_that_completes_a_dateline():
    page = ["新华社乌鲁木齐1月2",
            "5日电（记者 李文华）1月25日上午，某县发生4.5级地震，暂无人员伤亡报告。",
            "地震发生后，当地立即启动应急预案。"]
    assert verdict(page, page[0], page[1]) is True


def test_credit_line_stands_alone():
    page = ["市民在公园里赏花。",
            "记者 张明远 摄",
            "某区举办第三届读书节",
            "本报讯 5月9日，某区第三届读书节开幕，活动将持续一个月。"]
    got = decide(wrap(*page))
    assert got[(page[0], page[1])] is False
    assert got[(page[1], page[2])] is False


def test_photo_credit_with_slash_stands_alone():
    page = ["丰收节上，农民展示自家种的南瓜。",
            "摄影/某某晚报记者 李华",
            "另一篇新闻的标题在这里",
            "本报讯 日前，某地举行活动，吸引了众多市民参加。"]
    got = decide(wrap(*page))
    assert got[(page[0], page[1])] is False
    assert got[(page[1], page[2])] is False


def test_caption_ending_with_a_photo_credit_ends_its_paragraph():
    """A caption closed by its credit is a paragraph of its own, even where
    the next caption's first character reads on from 摄 (摄图 is a word)."""
    page = ["某区第三届读书节开幕，活动将持续一个月，全区图书馆将延长开放时间。",
            "图①：市民在城市书房内阅读。本报记者 孙小伟 摄",
            "图②：小读者在书架前挑选图书。本报记者 孙小伟 摄",
            "读书节期间还将举办讲座二十场。"]
    got = decide(wrap(*page))
    assert got[(page[1], page[2])] is False
    assert got[(page[2], page[3])] is False


# --- words across the join --------------------------------------------------------
def test_join_inside_a_dictionary_word():
    page = ["全市每年组织实施万人培训计划，加大基层人才培养力",
            "度，进一步提升从业人员的持证率。",
            "下一段从这里开始。"]
    assert verdict(page, page[0], page[1]) is True


def test_word_across_finds_dictionary_words():
    assert words.word_across("和林县公安局副主任说，相", "比以往") > 0     # 相比
    assert words.word_across("工作。", "据了解") == 0.0


def test_join_inside_a_number():
    page = ["据他介绍，11月14日早上6",
            "点40分左右，一辆货车在路口侧翻，所幸无人受伤。",
            "交警随后赶到现场处置。"]
    assert verdict(page, page[0], page[1]) is True


def test_join_inside_a_name_the_file_uses_elsewhere():
    page = ["昨天上午，环卫工人郑秋",
            "莲在清扫街道时捡到一个钱包，里面有现金两千元。",
            "郑秋莲立即把钱包交给了附近的派出所。",
            "失主找到郑秋莲，连声道谢。"]
    assert verdict(page, page[0], page[1]) is True


# --- headlines and sub-headings ---------------------------------------------------
def test_headline_before_a_lead_stands_apart():
    page = ["庆丰收",
            "9月17日，来自某区五个镇的农民相聚在曙光村，晒丰收、话丰收、庆丰收。",
            "共有六十多家企业参加了展销活动。"]
    assert verdict(page, page[0], page[1]) is False


def test_sub_heading_without_punctuation_stands_apart():
    page = ["我国将加快国防科技创新步伐，推进装备建设。",
            "发展先进的侦察预警装备",
            "报告指出，要加快发展先进的侦察预警装备，提高态势感知能力。",
            "提升远程精确打击能力",
            "报告还提出，要提升远程精确打击能力。"]
    got = decide(wrap(*page))
    assert got[(page[0], page[1])] is False
    assert got[(page[1], page[2])] is False
    assert got[(page[3], page[4])] is False


def test_one_line_paragraph_without_final_punctuation_stands_apart():
    page = ["会议由市长主持，各部门负责人参加了会议。",
            "以下为获奖名单",
            "一等奖：张明远、李华、王小红。",
            "二等奖：赵大为、钱多多。"]
    got = decide(wrap(*page))
    assert got[(page[1], page[2])] is False


# --- line lengths relative to the page --------------------------------------------
WIDTH_PAGE = [
    "今年以来，某市坚持把稳就业放在突出位置，出台一",
    "系列政策措施，全市城镇新增就业人数达到三万人，",
    "完成全年目标任务的百分之七十五。",
    "积极开发公益岗位",
    "市人社局有关负责人介绍，全市共开发公益性岗位两",
    "千个，优先安置就业困难人员和零就业家庭成员，帮",
    "助他们实现稳定就业。",
]


def test_full_line_on_a_width_wrapped_page_joins():
    got = decide(wrap(*WIDTH_PAGE))
    assert got[(WIDTH_PAGE[0], WIDTH_PAGE[1])] is True
    assert got[(WIDTH_PAGE[4], WIDTH_PAGE[5])] is True
    assert got[(WIDTH_PAGE[5], WIDTH_PAGE[6])] is True


def test_short_line_on_a_width_wrapped_page_stands_apart():
    got = decide(wrap(*WIDTH_PAGE))
    assert got[(WIDTH_PAGE[2], WIDTH_PAGE[3])] is False
    assert got[(WIDTH_PAGE[3], WIDTH_PAGE[4])] is False


def test_full_width_detection():
    assert breaks.full_width([len(l) for l in WIDTH_PAGE]) == 23
    assert breaks.full_width([12, 230, 51, 7, 160, 95, 33, 80]) == 0


# --- blank lines relative to the page's usual gap -----------------------------------
@pytest.mark.parametrize("sep", [" ", "\u3000", "\t"])
def test_rows_of_a_table_do_not_make_a_page_look_width_wrapped(sep):
    page = ["某地股市震荡收涨",
            "本报讯 昨日三大指数震荡整理，截至收盘，沪指涨0.38%，深成指涨0.52%，创业板指涨0.71%。",
            "昨日主要指数表现",
            *(row.replace(" ", sep) for row in ["甲指数 3245.67 +12.34 +0.38%",
                                                  "乙指数 10456.23 +54.12 +0.52%",
                                                  "丙指数 2134.56 +15.02 +0.71%"]),
            "分析人士认为，市场短期仍将以震荡为主。"]
    got = decide(wrap(*page))
    assert got[(page[3], page[4])] is False
    assert got[(page[4], page[5])] is False


def test_single_line_breaks_page_works_like_a_blank_line_page():
    page = ["某市五项举措保障学生午餐",
            "本报讯 日前，某市教育局出台五项举措，保障中小学",
            "生午餐质量。各学校要建立陪餐制度，校长每周陪餐不少于一次。",
            "下一段从这里开始。"]
    got = decide(wrap(*page, sep="\n"))
    assert got[(page[0], page[1])] is False
    assert got[(page[1], page[2])] is True
    assert got[(page[2], page[3])] is False


def test_extra_blank_lines_are_evidence_relative_to_the_page():
    lines = "第一篇的最后一段，讲到这里为止。\n\n\n\n第二篇文章的标题在这里\n\n本报讯 日前，某地举行活动。".split("\n")
    d = breaks.decide(lines, [0, 4, 6], [3, 1])
    assert not d[0].join and "extra_blanks" in dict(d[0].evidence)
    # where three blank lines are the page's usual gap, they say nothing
    d = breaks.decide(lines, [0, 4, 6], [3, 3])
    assert "extra_blanks" not in dict(d[0].evidence)


# --- the evidence is reported ---------------------------------------------------------
def test_decisions_carry_named_evidence_strongest_first():
    lines = ["全市每年组织实施万人培训计划，加大基层人才培养力", "度，进一步提升从业人员的持证率。"]
    d = breaks.decide(lines, [0, 1], [0])[0]
    assert d.join
    lines = ["某市今年将新建十所学校，新增学位约一万个。", "据了解，今年全市在校生增加八千人。"]
    d = breaks.decide(lines, [0, 1], [0])[0]
    names = [n for n, _ in d.evidence]
    assert "end_sentence" in names
    weights = [abs(v) for _, v in d.evidence]
    assert weights == sorted(weights, reverse=True)


def test_decisions_are_the_same_on_the_same_text():
    page = wrap(*PARAGRAPHS)
    assert decide(page) == decide(page)


def test_every_weighed_feature_is_glossed():
    m = breaks.model()
    names = set(m["weights"]) | {n for pair in m.get("pairs", {}) for n in pair.split("*")}
    assert names <= set(breaks.FEATURES)


# --- the fast path reaches the model's own decisions ------------------------------------
# decide() scores breaks with the compiled model and works out bylines, credits,
# the file's use of the characters across a join and the segmentation only when
# they can change the decision; walk() and p_join() are the model's definition.
FAST_PATH_PAGES = [
    PARAGRAPHS,
    WIDTH_PAGE,
    ["某市五项举措保障学生午餐",
     "某某日报讯(某某日报正",
     "某某网首席记者 张明远) 日前，某市教育局出台五项举措，保障中小学生午餐质量。",
     "各学校要建立陪餐制度。"],
    ["会议提出三项要求：",
     "一、加强组织领导，明确责任分工。",
     "二、加大资金投入，保障项目进度。",
     "（1）强化督促检查",
     "确保取得实效。"],
    ["某省出台措施支持小微企业发展",
     "新华社某地5月9日电（记者 王小明）某省日前出台十条措施，支持小微企业渡过难关。",
     "措施提出，对小微企业减免房租三个月。",
     "市民在公园里赏花。",
     "记者 张明远 摄",
     "摄影/某某晚报记者 李华",
     "另一篇新闻的标题在这里",
     "本报讯 5月9日，某区第三届读书节开幕，活动将持续一个月。"],
    ["全市每年组织实施万人培训计划，加大基层人才培养力",
     "度，进一步提升从业人员的持证率。据他介绍，11月14日早上6",
     "点40分左右，一辆货车在路口侧翻，所幸无人受伤。昨天上午，环卫工人郑秋",
     "莲在清扫街道时捡到一个钱包，郑秋莲立即把钱包交给了附近的派出所。",
     "该公司推出的GPS导航软件Map",
     "Plus已有用户三万，去年营收达12",
     "00万元。“我们还将继续",
     "努力。”他说。"],
    ["会议由市长主持。",
     "各部门负责人参加了会议，",
     "本报记者 张明远",
     "会议要求各部门加强协作，",
     "记者 张明远 摄"],
    ["第一篇的最后一段，讲到这里为止。",
     "",
     "",
     "第二篇文章的标题在这里",
     "姓名  年龄  职务",
     "张三  45  主任",
     "本报讯 日前，某地举行活动。"],
]


def _reference(page_lines, threshold=0.5):
    """(join, features) of every break, by walk() and p_join()."""
    lines = list(page_lines)
    content = [i for i, l in enumerate(lines) if l.strip()]
    blanks = [content[k + 1] - content[k] - 1 for k in range(len(content) - 1)]
    texts = [lines[i].strip(breaks._STRIP) for i in content]
    steps = breaks.walk(texts, blanks, lambda k, f: f is None or breaks.p_join(f) >= threshold)
    return lines, content, blanks, [(join, f) for _, f, join in steps]


@pytest.mark.parametrize("page", FAST_PATH_PAGES, ids=lambda p: p[0][:8])
def test_fast_decisions_are_the_models_own(page):
    lines, content, blanks, want = _reference(page)
    got = breaks.decide(lines, content, blanks)
    assert [d.join for d in got] == [join for join, _ in want]
    for d, (_, f) in zip(got, want):
        if f is not None:          # the evidence and p(join), worked out when asked for
            assert d.p_join == breaks.p_join(f)
            assert d.evidence == breaks.contributions(f)


@pytest.fixture
def other_model(monkeypatch):
    """Replace the model for one test: ``other_model(threshold=..., weights=...)``."""
    def use(**changes):
        m = dict(breaks.model(), **changes)
        monkeypatch.setattr(breaks, "model", lambda: m)
        breaks._pairs.cache_clear()
        breaks._weighed.cache_clear()
    yield use
    monkeypatch.undo()
    breaks._pairs.cache_clear()
    breaks._weighed.cache_clear()


@pytest.mark.parametrize("page", FAST_PATH_PAGES, ids=lambda p: p[0][:8])
def test_fast_decisions_at_every_threshold_a_break_sits_on(page, other_model):
    """A threshold exactly at a break's p(join) is the closest call there is:
    the fast path must still agree with the model's arithmetic, there and
    at every other break."""
    _, _, _, want = _reference(page)
    thresholds = sorted({breaks.p_join(f) for _, f in want if f is not None}) + [0.05, 0.3, 0.7, 0.95]
    for threshold in thresholds:
        other_model(threshold=threshold)
        lines, content, blanks, want = _reference(page, threshold)
        assert [d.join for d in breaks.decide(lines, content, blanks)] == [j for j, _ in want], threshold


def test_a_threshold_beyond_reach_keeps_every_weighed_break(other_model):
    other_model(threshold=1 - 1e-15)       # above the clamped probability's ceiling
    lines, content, blanks, want = _reference(PARAGRAPHS, 1 - 1e-15)
    got = [d.join for d in breaks.decide(lines, content, blanks)]
    assert got == [j for j, _ in want] == [False, False, False]


@pytest.mark.parametrize("page", FAST_PATH_PAGES, ids=lambda p: p[0][:8])
@pytest.mark.parametrize("sign", [1, -1])
def test_fast_decisions_when_the_late_facts_weigh_heavily(page, sign, other_model):
    """The facts the fast path works out only when they can change a
    decision (bylines, credits, the file's own use of the characters, the
    segmentation) made to decide every break they touch, either way."""
    heavy = {"prev_byline": 20, "prev_credit": -20, "next_byline": -20, "next_is_headline": 20,
             "self_pair": 20, "self_triple": -20, "segment_inside": 20, "segment_boundary": -20}
    other_model(weights={**breaks.model()["weights"], **{n: sign * w for n, w in heavy.items()}})
    lines, content, blanks, want = _reference(page)
    assert [d.join for d in breaks.decide(lines, content, blanks)] == [j for j, _ in want]


@pytest.mark.parametrize("text", ["", "好", "（", "）", "（（）", "））（", "“好”）", "《（〈》", "([{}])", "”“", "）（（"])
def test_bracket_effect_counts_as_open_brackets(text):
    brackets = "".join(breaks._BRACKETS.findall(text))
    shift, floor = breaks.bracket_effect(brackets)
    for depth in range(4):
        assert max(depth + shift, floor) == breaks.open_brackets(text, depth)


def test_lazy_facts_are_worked_out_on_request():
    texts = ["记者 张明远 摄", "某区举办第三届读书节"]
    pg = breaks.PageLines(texts, [1])
    # the second line holds no byline or credit word: known at once to be neither
    assert pg.known == ([False, True], [False, True]) and pg.byline == [False, False]
    assert pg.resolve(pg.BYLINE, 0) is True and pg.resolve(pg.BYLINE, 1) is False
    assert pg.known == ([True, True], [False, True]) and pg.byline == [True, False]
    assert pg.resolve(pg.CREDIT, 0) is True and pg.resolve(pg.CREDIT, 1) is False
    assert pg.prev[0][6] is True        # a credit
    assert pg.resolve(pg.BYLINE, 0) is False       # known already


@pytest.mark.parametrize("text, byline, credit", [
    ("新华社北京9月20日电（记者 王五）", True, False), ("本报讯（记者 张三）", True, False),
    ("□本报记者 李四", True, False), ("记者 张明远 摄", True, True), ("文/王五 图/赵六", True, True),
    ("（责任编辑：王五）", True, True), ("　本报记者 李四", True, False),
    ("某区举办第三届读书节", False, False), ("日前，某地举行活动。", False, False),
    ("他说，这项工作将在明年完成。", False, False)])
def test_lines_without_byline_words_are_known_at_once(text, byline, credit):
    """A line is left to be worked out when it holds a word a byline or
    credit needs; else it is known at once, and is truly neither."""
    pg = breaks.PageLines([text, "某区举办第三届读书节"], [1])
    assert (not pg.known[pg.BYLINE][0], not pg.known[pg.CREDIT][0]) == (byline, credit)
    if not byline:
        assert not metadata.starts_with_byline(text[:80])
    if not credit:
        assert not metadata.is_credit(text)


def _full_width_by_hand(lengths):
    """full_width() spelled out: the length with the most lines within its
    tolerance below it (the longest on a tie), if the page looks wrapped."""
    if len(lengths) < 5:
        return 0
    count = {x: sum(x - max(2, int(0.08 * x)) <= y <= x for y in lengths) for x in lengths}
    best = max(count, key=lambda x: (count[x], x))
    above = sum(y > best + max(2, int(0.08 * best)) for y in lengths)
    ok = best >= 8 and count[best] >= max(3, 0.25 * len(lengths)) and above <= 0.15 * len(lengths)
    return best if ok else 0


@pytest.mark.parametrize("lengths", [
    [30, 31, 29, 30, 12, 30, 28, 31, 5, 30], [80, 12, 230, 51, 7, 160, 95, 33], [23] * 6 + [8, 40],
    [10, 10, 11, 11, 12, 30, 30, 31, 31, 32], [9, 9, 9, 9, 9], [5, 6, 7, 8, 9, 10, 11, 12], [40, 38, 36, 34, 32, 30]])
def test_full_width_counts_each_length_once(lengths):
    assert breaks.full_width(lengths) == _full_width_by_hand(lengths)


def test_hint_words_are_the_patterns_own():
    """breaks looks for metadata's hint words with str.find over a page: the
    words it is given must be those the hint patterns look for."""
    byline = metadata._BYLINE_HINT_RE.pattern.split("|")
    credit = [w for part in metadata._CREDIT_HINT_RE.pattern.split("|")
              for w in (part[1:-1] if part.startswith("[") else [part])]
    assert sorted(metadata.BYLINE_HINT_WORDS) == sorted(byline)
    assert sorted(metadata.CREDIT_HINT_WORDS) == sorted(credit)


def test_lines_holding_finds_each_line_once():
    texts = ["记者 张三 摄", "文化节开幕", "他说：好。", "作者作者", "图"]
    pg = breaks.PageLines(texts, [1] * 4)
    assert sorted(breaks._lines_holding(pg.page.text, pg.page.starts, ("文", "作者", "图", "摄"))) == [0, 1, 3, 4]
    assert breaks._lines_holding(pg.page.text, pg.page.starts, ("版式",)) == []


def test_lead_openings_are_listed():
    """Every character a news lead can open with passes the first-character test."""
    tails = ["天", "日", "晚", "前", "周", "月", "了解", "悉", "者从", "2月3日", "月1日", "日上", "000年", "1日下"]
    for code in range(0x10000):
        ch = chr(code)
        if any(breaks._LEAD.match(ch + t) for t in tails):
            assert ch in breaks._LEAD_FIRST or ch.isdigit(), ch


def test_clause_punctuation_takes_unicode_white_space():
    """The clause pattern (standard ``re``) takes the characters ``regex``'s ``\\s`` does."""
    import regex
    space = regex.compile(r"\s")
    for code in range(0x10000):
        ch = chr(code)
        if space.match(ch):
            assert breaks._ANY_PUNCT.match(ch), hex(code)
    for ch in "\x1c\x1d\x1e\x1f好a1":
        assert not breaks._ANY_PUNCT.match(ch)


@pytest.mark.parametrize("texts, table, inner", [
    (["上证指数  3245.67  +12.34", "某区 读书节", "好好"], [True, False, False], [False, True, False]),
    (["某区\u3000读书节开幕", "他说，好 的。", "无空格"], [False, False, False], [True, False, False]),
])
def test_spaced_lines(texts, table, inner):
    pg = breaks.PageLines(texts, [1] * (len(texts) - 1))
    assert breaks._spaced_lines(texts, pg.page, pg.heading_shape) == (table, inner)


def test_list_marker_openings_are_listed():
    """Every character a list marker can open with passes the first-character test."""
    tails = ["、", "，", ".", "．", "）", ")", "1)", "一）", "1）", "一、", "一，", "1、", "10、", "十）", "章", ""]
    for code in range(0x10000):
        ch = chr(code)
        if any(metadata.LIST_MARKER.match(ch + t) for t in tails):
            assert ch in metadata.LIST_MARKER_FIRST or ch.isdigit(), ch


@pytest.mark.parametrize("prev, nxt", [
    ("今年以来，华光股份股价累计下跌", "21.3%，最新市盈率约为14.2倍。"),
    ("12月9日，北向资金全天净买入", "102.36亿元，其中沪股通净买入58.12亿元。"),
    ("中国男足凭借两粒进球，以2∶", "0战胜泰国队。"),
    ("上半场第", "23分钟，林一帆接队友直塞突入禁区。"),
    ("骗取被害人5人共计", "47.3万元。"),                 # a word that takes an amount, no clause mark
    ("成交价达到或超过", "100万元的“百万组屋”有"),
    ("目前已完成清淤渠道，该乡", "1.2万余株银杏进入最佳观赏期，"),
    ("在旧街场经营了", "68年的“南香”白咖啡店，每天清晨6时开门。"),      # a span of years after a verb and 了
    ("传统工艺依赖石油裂解，每生产", "1吨乙烯约排放2吨二氧化碳。"),
    ("该芯片采用5nm工艺，INT8算力达到", "512 TOPS，典型功耗仅75W。"),      # a Latin unit
    ("目前整体工程已完成约65%，预计", "2027年底前完成主体工程。"),         # a date after the word taking it
    ("该案案号为（2026）赣0111刑初", "567号。联系电话：0795-86123456"),   # a case number before its serial
])
def test_a_number_cut_from_its_clause_joins(prev, nxt):
    page = ["国足主场力克泰国队", prev, nxt, "赛后，主教练表示球队还有提升空间。"]
    assert decide(wrap(*page))[(prev, nxt)] is True


@pytest.mark.parametrize("prev, nxt", [
    ("一、捐赠标准", "2000元/人，其中：个人部分500元。"),     # a list item's heading over its first row
    ("二、项目进展", "2021年，项目完成投资12亿元。"),            # a paragraph opening with a date
    ("公益计划在京启动，各界踊跃参与", "7月10日，公益计划在京启动。"),  # a date, even after a clause mark
    ("合计", "240"),                                          # a table's cells: no unit
    ("五粮液估值提升", "2005年四季度，五粮液高价。"),         # a heading over a date
    ("春天来了", "2026年，全市新增绿地120公顷。"),           # a year is a date, not a span
])
def test_a_paragraph_opening_with_a_date_or_under_a_list_heading_is_no_quantity_cut(prev, nxt):
    assert breaks.certain_join(prev, nxt) in (None, "typesetting_rule")


@pytest.mark.parametrize("head, amount, lead", [
    ("长者乘车优惠 明年扩至", "60岁", "本报讯 政府昨日宣布，乘车优惠计划明年7月起扩展至60至64岁人士。"),
    ("新航厦启用 旅运量上看", "600万人次", "本报讯（记者 林一）新航厦今天正式启用，面积约3.2万平方米。"),
])
def test_a_headline_cut_before_its_amount_joins(head, amount, lead):
    page = [head, amount, lead, "新航厦由本地建筑师设计。"]
    got = decide(wrap(*page))
    assert got[(head, amount)] is True
    assert got[(amount, lead)] is False


def test_an_amount_alone_over_running_text_is_no_headline_cut():
    """A table's cell (最佳报告榜 ¶ 9分) or an amount over a line that opens with no byline is left to the model."""
    assert breaks.certain_join("最佳试用报告榜", "9分", "第二名 8分") is None
    assert breaks.certain_join("全国销售总额", "62104816元", "全国中奖总金额") is None


def test_a_lone_character_under_an_open_line_is_left_to_the_line_above():
    """更容易拿 ¶ 分 ¶ 对话填空…: 分 may finish the heading above; no rule joins it to the line below."""
    page = ["五、对话填空:认真练习应该比短文改错更容易拿", "分", "对话填空要填写的十个单词本身不会太难拼写，不必恐惧。"]
    lines = wrap(*page).split("\n")
    content = [i for i, t in enumerate(lines) if t.strip()]
    pg = breaks.PageLines([lines[i] for i in content], [1] * (len(content) - 1))
    assert pg.hard[1] is None


@pytest.mark.parametrize("prev, nxt", [("他问道：", "谁？"), ("工作顺利。", "好！"), ("新京报：主角的原型是", "谁来演的呢？")])
def test_no_short_tail_after_punctuation_or_over_four_characters(prev, nxt):
    assert breaks.certain_join(prev, nxt) != "short_tail"


@pytest.mark.parametrize("page", [
    ["皇帝“金口”吓走奇才", "詹姆", "斯绝对全能，能突破、能投篮、能运球、能传球，是联盟最全面的球员。"],   # 詹姆斯 runs across
    ["揭露帝国主义列强对义", "和团", "运动的种种污蔑攻击，揭露帝国主义列强及其走狗的罪行。"],             # 义和团 runs across
])
def test_a_name_shaped_fragment_inside_a_word_is_no_signature(page):
    pg = breaks.PageLines(page, [1, 1])
    assert pg.alone[1] is None


@pytest.mark.parametrize("heading", ["讣告", "寻人启事", "遗失声明", "特此公告"])
def test_a_notice_heading_stands_apart(heading):
    """A page of notices, wide gaps between them: on its own the model joins
    a two-character heading at the page's top into the text under it."""
    gap = "\n" * 8
    page = (f"{heading}\n\n退休教师王德明同志，因病医治无效，于2026年11月24日逝世，享年87岁。\n\n特此讣告。\n\n"
            f"王德明同志治丧小组\n\n2026年11月25日{gap}遗失声明\n\n某建材有限公司遗失营业执照副本，声明作废。\n\n"
            f"某物流有限公司遗失公章一枚，声明作废。{gap}招聘启事\n\n某投资集团有限公司因业务发展需要，面向社会公开招聘工作人员15名。\n\n"
            f"联系电话：0795-86123456\n")
    got = decide(page)
    assert got[(heading, "退休教师王德明同志，因病医治无效，于2026年11月24日逝世，享年87岁。")] is False


def test_a_notice_word_inside_a_line_is_no_heading():
    """声明 ends a longer line, and the sentence runs on: no heading."""
    pg = breaks.PageLines(["公司董事会郑重发表严正声明", "称从未授权任何机构代为销售其产品。"], [1])
    assert pg.alone[0] is None


# --- bylines and credits cut inside; codes, quoted names and clock times cut ----------
@pytest.mark.parametrize("cut, rest, rule", [
    ("晚报讯", "（青屿晚报记者 闵若溪）11月2日，记者从青屿港务局获悉，港区吞吐量创新高。", "byline_cut"),  # a feed alone
    ("晚报讯（青屿", "晚报正青屿网记者 闵若溪）11月2日，记者从港务局获悉，吞吐量创新高。", "byline_cut"),  # mid-outlet
    ("晚报讯（青屿晚报正青屿网首席记者", "闵若溪）11月2日，港区吞吐量创新高。", "byline_cut"),     # a role cut from its name
    ("摄影/", "青屿晚报正青屿网记者 施望川", "byline_cut"),                            # a credit cut after its slash
    ("摄影/青屿晚", "报正青屿网记者 施望川", "byline_cut"),                            # a credit cut mid-outlet
    ("核酸检测显示，此轮流行的是甲型H1", "N1亚型，学校已停课。", "code_cut"),            # a code cut in two
    ("家长可在“青屿教育”AP", "P上预约，名额有限。", "code_cut"),                      # capitals cut in two
    ("孕妇产检需做彩色B", "超检查，费用可报销。", "code_cut"),                          # a capital and its word
    ("本次少儿篮球联赛设U", "12组和U14组。", "code_cut"),                             # a capital and its digits
    ("全市现有国家3A", "级以上景区11家。", "code_cut"),                                # a grade and its unit
    ("今年，区里将推进城东街区的“青屿书房”", "项目建设，年内开放。", "quote_cut"),                  # a quoted name in a clause
    ("该储能电站年调节电量35", "GWh，相当于两万户一年的用电。", "unit_cut"),            # a Latin unit
    ("现场还有60", "余名志愿者维持秩序。", "unit_cut"),                                # 余 and its unit
    ("女子组冠军以3小时02分", "41秒完赛。", "unit_cut"),                               # a duration's seconds
])
def test_bylines_codes_and_names_cut_inside_are_joined(cut, rest, rule):
    """The paper's layout cuts bylines and credits anywhere, codes of
    capitals, quoted names and clock times too: no paragraph ends there."""
    assert breaks.certain_join(cut, rest) == rule
    assert breaks._may_cut(cut[-1], cut, rest[0], len(rest))
    page = ["青屿港区吞吐量创新高", "首段文字在这里，交代了事情的来龙去脉和主要的背景。", cut, rest,
            "下一段从这里开始，说的是另一件事。"]
    assert decide(wrap(*page))[(cut, rest)] is True


@pytest.mark.parametrize("prev, nxt", [
    ("晚报讯（记者 闵若溪）", "11月2日，记者从港务局获悉。"),    # a whole byline, then the lead
    ("晚报讯", "11月2日，记者从港务局获悉。"),                  # a feed over the lead: no one named
    ("摄影/本报记者 施望川", "秋收"),                           # a whole credit, then a heading
    ("据报道，公司完成对IBM", "PC业务的收购。"),                 # two words the source parted with a space
    ("知多D", "16岁驾车违法吗"),                                 # a headline's letter
    ("加息为何还要“窗口指导”", "另一方面，资金需求仍然旺盛。"),   # a headline ending on quotes
    ("会上他说：“我们会做好。”", "大家报以掌声。"),               # a quote ending a sentence
    ("第9分", "9分"),                                             # scores, no hour before the minutes
])
def test_lines_like_those_byline_and_code_cuts_are_left_to_the_model(prev, nxt):
    assert breaks.certain_join(prev, nxt) is None


def test_a_credit_completed_across_a_cut_stands_alone():
    """The credit line a cut split, once whole, is not run into the next article's headline."""
    page = ["秋色", "11月2日，青屿市滨河公园的银杏叶由绿转黄，不少市民前来拍照。", "摄影/青屿晚",
            "报正青屿网记者 施望川", "青屿首条智慧公交线路开通", "晚报讯（青屿晚报记者 闵若溪）11月3日，线路开通运行。"]
    got = decide(wrap(*page))
    assert got[("摄影/青屿晚", "报正青屿网记者 施望川")] is True
    assert got[("报正青屿网记者 施望川", "青屿首条智慧公交线路开通")] is False
