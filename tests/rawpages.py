"""Hand-written raw pages for the dataset tests.

The stories below were composed for these tests (they report nothing
real). :func:`page` lays stories out the way the raw pages are printed:
every line followed by a blank line, ASCII punctuation, the byline run into
the first paragraph; ``wrap`` adds layout breaks inside paragraphs.
"""
from __future__ import annotations

from pathlib import Path

#: name -> (title, reporter, paragraphs)
STORIES = {
    "farm": ("春耕时节农机忙", "王小明", [
        "连日来,河套平原各地抓住有利天气,组织农机具下田作业,全力推进春耕生产。记者在临河区看到,一台台拖拉机在田间来回穿梭,翻地、施肥、播种一气呵成。",
        "据介绍,今年全区预计投入各类农机具十二万台,机械化播种面积将超过九成。农技人员分片包村,深入田间地头指导农户科学用肥。",
        "当地农业部门还开通了农机维修服务热线,组织维修人员巡回检修,确保农机具以良好状态投入生产。",
    ]),
    "canteen": ("社区食堂开进老旧小区", "李华", [
        "记者从市民政局获悉,全市首批十家社区食堂日前在老旧小区集中开业,为周边老年居民提供午餐和晚餐,每餐荤素搭配,价格实惠。",
        "食堂实行政府补贴、企业运营、社区监督的模式,六十岁以上老人凭卡就餐可享受八折优惠,行动不便的老人还可以预约送餐上门。",
        "市民政局表示,年内将在全市建成五十家社区食堂,让更多老年人在家门口吃上热乎饭。",
    ]),
    "bus": ("城区新增三条公交线路", "赵敏", [
        "为方便市民出行,市公交公司自下月一日起新开通三条公交线路,分别连接高铁站、大学城和新建的体育中心。",
        "新线路全部采用纯电动公交车,首末班时间为早六点至晚十点,高峰时段发车间隔不超过八分钟,平峰时段不超过十五分钟,乘客可通过手机查询车辆实时位置。",
        "市交通运输局表示,将根据客流变化及时调整班次,并在沿线增设候车亭和实时到站显示屏。",
    ]),
    "library": ("图书馆延长夜间开放时间", "孙丽", [
        "市图书馆近日宣布,每周五和周六的闭馆时间由晚上八点延长至十点,以满足上班族和学生的阅读需求。",
        "延长时段内,自习区、少儿阅览区和电子阅览室照常开放,读者凭借阅证即可入馆。",
        "图书馆负责人介绍,试行三个月后将根据到馆人数评估效果,再决定是否推广到其他分馆。",
    ]),
    "birds": ("湿地公园迎来候鸟迁徙高峰", "周涛", [
        "随着气温逐渐回升,城郊湿地公园迎来候鸟迁徙高峰,大批灰鹤、白琵鹭和赤麻鸭在此停歇觅食。",
        "公园管理处在观鸟区设置了临时围栏和提示牌,提醒游客保持距离,不要投喂和惊扰鸟类。",
        "据监测,今年已记录到的候鸟种类比去年同期增加了十一种,湿地生态环境持续向好。",
    ]),
    "street": ("老街改造保留历史风貌", "吴刚", [
        "历时一年的老街改造工程近日完工,青砖灰瓦的沿街店铺重新开门迎客。",
        "改造过程中,施工单位对二十多处老建筑进行了加固修缮,门楣、窗棂等构件尽量使用原有材料。",
        "不少老居民说,街道变干净了,老味道还在,周末带孩子来逛逛,给他们讲讲过去的故事。",
    ]),
    "robots": ("中学生机器人大赛落幕", "郑洁", [
        "第五届全市中学生机器人大赛日前落幕,来自四十所学校的一百二十支队伍参加了比赛。",
        "比赛设置了搬运、巡线和创意设计三个项目,参赛学生需要在规定时间内完成搭建和编程。",
        "获得一等奖的队伍将代表本市参加明年春季举行的全省比赛。",
    ]),
    "heating": ("冬季供暖准备工作启动", "冯雪", [
        "市热力公司日前启动冬季供暖准备工作,对全市四百多公里供热管网进行检修。",
        "今年计划更换老旧管道三十五公里,改造换热站十八座,预计十月底前全部完成。",
        "热力公司提醒居民,如发现家中暖气漏水,可拨打服务热线报修,维修人员将在两小时内上门。",
    ]),
    "stream": ("农产品直播带货助农增收", "陈晨", [
        "在县电商服务中心的直播间里,几名返乡青年正通过网络平台向全国各地的网友推介当地的小米、土豆和牛肉干。",
        "据统计,今年上半年全县通过直播销售农产品超过两千万元,带动一千多户农户增收。",
        "县里还组织了十期电商培训班,帮助农户学习拍摄短视频和经营网店。",
    ]),
    "trail": ("全民健身步道串起城市绿廊", "褚航", [
        "沿河全民健身步道近日全线贯通,全长二十六公里,串联起沿岸七个公园和三个广场。",
        "步道两侧种植了银杏、国槐等树木,每隔一公里设有休息区和饮水点。",
        "每天清晨和傍晚,附近居民都来这里散步、跑步和骑行,步道成了市民家门口的健身场所。",
    ]),
    "museum": ("博物馆推出夜场导览", "何静", [
        "市博物馆本月起在每周六晚推出夜场导览,由讲解员带领观众参观青铜器和古代书画展厅。",
        "夜场每场限额八十人,观众需提前一天通过官方公众号预约,活动全程免费。",
        "博物馆还准备了拓印、修复体验等互动项目,吸引了不少家庭带着孩子前来参加。",
    ]),
    "market": ("早市搬进新大棚", "钱磊", [
        "经营了二十多年的马路早市日前整体搬进新建的便民大棚,一百八十个摊位按蔬菜、水果、肉蛋分区经营。",
        "大棚内安装了排风设备和公平秤,市场监管人员每天到场抽检,摊主们也不用再担心刮风下雨。",
        "附近居民说,早市离家还是那么近,买菜却比以前干净方便多了。",
    ]),
}

#: ``canteen`` reprinted with light edits: two numbers changed, one
#: clause added; the headline and reporter are the same.
CANTEEN_EDITED = ("社区食堂开进老旧小区", "李华", [
    "记者从市民政局获悉,全市首批十二家社区食堂日前在老旧小区集中开业,为周边老年居民提供午餐和晚餐,每餐荤素搭配,价格实惠。",
    "食堂实行政府补贴、企业运营、社区监督的模式,六十岁以上老人凭卡就餐可享受八折优惠,行动不便的老人还可以预约送餐上门。",
    "市民政局表示,年内将在全市建成六十家社区食堂,让更多老年人在家门口吃上热乎饭。",
])

#: ``birds`` reprinted with light edits (for the added-files test).
BIRDS_EDITED = ("湿地公园迎来候鸟迁徙高峰", "周涛", [
    "随着气温逐渐回升,城郊湿地公园迎来候鸟迁徙高峰,大批灰鹤、白琵鹭和赤麻鸭在这里停歇觅食。",
    "公园管理处在观鸟区设置了临时围栏和提示牌,提醒游客保持距离,不要投喂和惊扰鸟类。",
    "据监测,今年已记录到的候鸟种类比去年同期增加了十一种,湿地生态环境持续向好。",
])

#: A different story that quotes the second paragraph of ``bus`` word for
#: word: far from a near-duplicate, but a train/test overlap.
BUS_FOLLOWUP = ("公交新线试运行首日客流平稳", "赵敏", [
    "三条新开通的公交线路昨天试运行,记者在高铁站首发站看到,乘客排队有序上车,车厢内整洁明亮。",
    "新线路全部采用纯电动公交车,首末班时间为早六点至晚十点,高峰时段发车间隔不超过八分钟,平峰时段不超过十五分钟,乘客可通过手机查询车辆实时位置。",
    "不少乘客表示,以前去大学城要换乘两次,现在一趟车就能直达。",
])


def article(story, wrap: int | None = None) -> list[str]:
    """A story's printed lines: headline, byline run into the first paragraph, paragraphs."""
    title, reporter, paras = story
    lines = [title]
    for i, p in enumerate(paras):
        text = f"本报讯(记者 {reporter}) {p}" if i == 0 else p
        if wrap:
            lines += [text[k:k + wrap] for k in range(0, len(text), wrap)]
        else:
            lines.append(text)
    return lines


def page(stories, wrap: int | None = None) -> str:
    """A raw page: every line followed by a blank line, articles apart."""
    lines = []
    for s in stories:
        lines += article(STORIES[s] if isinstance(s, str) else s, wrap) + [""]
    return "\n\n".join(lines) + "\n"


def write_raw(folder: Path, pages: dict[str, str], year: int = 2023) -> Path:
    """Write pages and a manifest listing them in the given order."""
    folder.mkdir(parents=True, exist_ok=True)
    rows = ["file,year,outlet,encoding,note"]
    for name, text in pages.items():
        (folder / name).write_text(text, encoding="utf-8")
        rows.append(f"{name},{year},,,")
    (folder / "manifest.csv").write_text("\n".join(rows) + "\n", encoding="utf-8")
    return folder


def append_raw(folder: Path, pages: dict[str, str], year: int = 2023) -> None:
    """Add pages at the end of an existing raw folder's manifest."""
    with open(folder / "manifest.csv", "a", encoding="utf-8") as m:
        for name, text in pages.items():
            (folder / name).write_text(text, encoding="utf-8")
            m.write(f"{name},{year},,,\n")


def fullwidth_copy(story, wrap: int = 60) -> str:
    """A story reprinted by another page: full-width punctuation, other line
    breaks. After normalisation it is the same article."""
    text = "\n\n".join(article(story, wrap))
    return text.replace(",", "，").replace("(", "（").replace(")", "）") + "\n"


def expected_id(file_name: str, story, wrap: int | None = None, printed: str | None = None) -> str:
    """The id the README defines: blake2b-64 of the file's name and the
    article's raw text with whitespace removed."""
    import hashlib
    raw = printed if printed is not None else "".join(article(story, wrap))
    core = "".join(raw.split())
    return hashlib.blake2b(f"{file_name}\n{core}".encode(), digest_size=8).hexdigest()


def shingle_set(text: str, k: int) -> set[str]:
    """Character k-grams of the text, whitespace removed (plain Python)."""
    core = "".join(text.split())
    return {core[i:i + k] for i in range(len(core) - k + 1)}


def jaccard(a: set, b: set) -> float:
    return len(a & b) / len(a | b)
