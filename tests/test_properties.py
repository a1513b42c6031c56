"""Idempotence as a tested contract: cleaning cleaned text changes nothing.

Hypothesis generates Chinese text that mixes what raw dumps mix: Han runs
(simplified and traditional), ASCII and full-width punctuation, every kind of
space, ASCII and full-width digits and letters, Latin runs, straight and
curly quotes, ellipses, dashes, ranges, URLs, e-mail addresses, entities and
invisible characters.
"""
import pytest
from hypothesis import HealthCheck, example, given, settings, strategies as st

from cleaner import normalize
from cleaner.edits import apply
from cleaner.pipeline import FileMeta, Settings, clean_text

HAN = "新报讯记者日前内蒙古自治区民政厅财政厅部门联合制定行动计划社会工作专业人才總量達到個城鄉社區衞生"
ATOMS = (
    list(",;:!?()") + list("，。；：！？（）、《》“”‘’") + ['"', "'"]
    + ["...", "。。。", "…", "……", "⋯", "--", "—", "——", "―", "－", "-", "~", "～", "〜"]
    + [" ", "  ", "\u3000", "\u3000\u3000", "\t", "\u00a0"]
    + ["1", "2021", "3.5", "16:10", "1,000", "２０１２", "５．０", "１６：１０", "１，６００", "％"]
    + ["APP", "U.S.", "ＶＩＰ", "it's", "eBay", "Net－Eye"]
    + ["http://a.cn/x?y=1,2", "www.x.cn/~u", "a.b@x.cn"]
    + ["&nbsp", "&nbsp;", "&amp;", "&amp;lt;", "&#26032;", "＂", "＇"]
    + ["\u200b", "\ufeff", "\x07", "ｶﾞ", "⼈", "\uf900"]
    + ["年", "月", "日", "记者 张三", "内 蒙 古 自 治 区"]
)
chunk = st.one_of(st.sampled_from(ATOMS), st.text(alphabet=HAN, min_size=1, max_size=6))
text = st.lists(chunk, max_size=30).map("".join)

RULES = list(dict(normalize.LINE_RULES + normalize.TEXT_RULES).items())
PROFILE = settings(max_examples=int(__import__("os").environ.get("HYP_EXAMPLES", "400")), deadline=None, suppress_health_check=list(HealthCheck))


def normalise(t: str, target: str = "simplified") -> str:
    """What the pipeline does to one paragraph's characters, in its order:
    line rules and conversion to simplified page-wide, paragraph rules, then
    a traditional target per paragraph."""
    for _, rule in normalize.LINE_RULES:
        t = apply(rule, t)
    t = normalize.to_script(t, normalize.page_script(target))
    for _, rule in normalize.PARAGRAPH_RULES:
        t = apply(rule, t)
    if normalize.paragraph_script(target):
        t = normalize.to_script(t, normalize.paragraph_script(target))
    return t


@pytest.mark.parametrize("name,rule", RULES, ids=[n for n, _ in RULES])
@PROFILE
@given(t=text)
def test_each_rule_is_idempotent(name, rule, t):
    once = apply(rule, t)
    assert apply(rule, once) == once


@PROFILE
@given(t=text)
@example(t="专    专 专 \u2f08")     # a wide gap in a letter-spaced run (found by a run)
def test_text_rules_are_idempotent_together(t):
    def text_rules(s):
        for _, rule in normalize.TEXT_RULES:
            s = apply(rule, s)
        return s
    once = text_rules(t)
    assert text_rules(once) == once


@pytest.mark.parametrize("target", list(normalize.SCRIPTS))
@PROFILE
@given(t=text)
def test_whole_normalisation_is_idempotent(target, t):
    once = normalise(t, target)
    assert normalise(once, target) == once


# --- whole pages ----------------------------------------------------------------
sentence = st.lists(chunk, min_size=1, max_size=12).map("".join).map(lambda s: s.replace("\n", ""))
#: A paragraph opens with Han and ends with a full stop, as real ones do (one
#: that opens with ``……`` is rightly taken for the tail of the line before).
paragraph = st.tuples(st.text(alphabet=HAN, min_size=2, max_size=6),
                      st.lists(sentence, min_size=1, max_size=3)).map(
    lambda t: t[0] + "，".join(t[1]) + "。")
title = st.text(alphabet=HAN, min_size=4, max_size=12)


def fields(records: list[dict]) -> list[str]:
    """The records' text fields, in order, paragraph by paragraph."""
    out = []
    for r in records:
        out += [f for f in (r["title"], r["byline"], *r["text"].split("\n"), *r["credits"]) if f]
    return out


@pytest.mark.parametrize("target", ["simplified", "traditional"])
@settings(max_examples=150, deadline=None, suppress_health_check=list(HealthCheck))
@given(head=title, paras=st.lists(paragraph, min_size=1, max_size=4), width=st.integers(8, 40))
@example(head="专专专专", paras=["专专,U.S.--⋯。"], width=8)   # a line "-⋯。" that normalises to a divider
@example(head="专专专专", paras=["专专社讯内 蒙 古 自 治 区。"], width=15)   # a spaced run once its byline is cut off
def test_pipeline_records_reclean_to_themselves(target, head, paras, width):
    """Generated pages, hard-wrapped like the seed, are cleaned; each field
    of the records, cleaned again as a page of its own, comes back the same.

    Fields are re-cleaned one by one so that the test is about the
    characters; how break repair groups lines is measured elsewhere (a
    paragraph that starts with ``--`` may be joined to a headline on one
    layout and not on another, and the dash rule rightly sees different
    neighbours)."""
    lines = [head, ""]
    for p in paras:
        lines += [p[i:i + width] + "\n" for i in range(0, len(p), width)]
    meta, opts = FileMeta("gen.txt", year=2021), Settings(script=target)
    first = [a.record for a in clean_text("\n".join(lines), meta, opts).articles]
    for field in fields(first):
        again = fields([a.record for a in clean_text(field + "\n", meta, opts).articles])
        if len(again) == 1:
            assert again == [field]
        else:   # a byline or credit split off: only the space between goes
            assert "".join("".join(again).split()) == "".join(field.split())


@PROFILE
@given(t=text)
def test_the_paragraph_trigger_misses_nothing(t):
    """Paragraphs the quick test passes over are ones no rule would change."""
    if not normalize.NEEDS_PARAGRAPH_RULES.search(t):
        assert all(not list(rule(t)) for _, rule in normalize.PARAGRAPH_RULES)


@pytest.mark.parametrize("t", ["中文，文字。", "记者张三报道：今天（周一）开会。", "《计划》提出“十四五”目标"])
def test_the_paragraph_trigger_passes_over_plain_chinese(t):
    assert not normalize.NEEDS_PARAGRAPH_RULES.search(t)
