"""Generated raw pages in every shape raw dumps come in: no exception, no
text lost, and cleaning the cleaned text changes nothing.

Hypothesis builds pages of Chinese paragraphs, hard-wraps them at random
points (never before closing punctuation, as typesetters do), swaps
punctuation widths, sprinkles stray spaces, indents and line-end styles,
and encodes the page in one of the encodings raw dumps use. The per-file
path runs with its conservation check on, so a character that goes missing
fails the test by itself.
"""
from hypothesis import HealthCheck, given, settings, strategies as st

from cleaner.chars import NO_LINE_START
from cleaner.errors import BadInput
from cleaner.pipeline import FileMeta, Settings, clean_bytes, clean_text

HAN = "新报讯记者日前内蒙古自治区民政厅财政厅部门联合制定行动计划社会工作专业人才总量达到个城乡社区卫生"
PUNCT_INSIDE = ["，", "、", "；", "：", "“", "”", "《", "》", "（", "）"]
TO_ASCII = str.maketrans("，；：！？（）", ",;:!?()")

word = st.text(alphabet=HAN, min_size=1, max_size=5)
inner = st.one_of(word, st.sampled_from(PUNCT_INSIDE), st.sampled_from(["2021年", "3.5万", "16:10", "APP"]))
paragraph = st.tuples(word, st.lists(inner, min_size=2, max_size=25)).map(lambda t: t[0] + "".join(t[1]) + "。")
article = st.tuples(st.text(alphabet=HAN, min_size=3, max_size=14), st.lists(paragraph, min_size=1, max_size=4))

ENCODINGS = ["utf-8", "utf-8-sig", "gb18030", "utf-16"]
ROBUST = settings(max_examples=120, deadline=None, derandomize=True,
                  suppress_health_check=list(HealthCheck))


def wrap(text: str, cuts: list[int]) -> list[str]:
    """Split ``text`` at the cut points a typesetter could use."""
    ok = sorted({c for c in cuts if 0 < c < len(text) and text[c] not in NO_LINE_START
                 and text[c - 1] not in "（《“(" and text[c:].strip() and text[:c].strip()})
    return [text[a:b] for a, b in zip([0] + ok, ok + [len(text)])]


@st.composite
def raw_pages(draw):
    arts = draw(st.lists(article, min_size=1, max_size=3))
    lines = []
    for title, paras in arts:
        lines.append(title)
        for p in paras:
            lines += wrap(p, draw(st.lists(st.integers(1, 80), max_size=4)))
    if draw(st.booleans()):
        lines = [l.translate(TO_ASCII) for l in lines]
    indent = draw(st.sampled_from(["", "　　", " ", "\t"]))
    trailing = draw(st.sampled_from(["", " ", "  ", "\u3000"]))
    sep = draw(st.sampled_from(["\n\n", "\n"]))
    page = "".join(indent + l + trailing + sep for l in lines)
    if draw(st.booleans()):
        page = page.replace("\n", "\r\n")
    return page, draw(st.sampled_from(ENCODINGS))


def text_fields(records):
    return [f for r in records for f in (r["title"], r["byline"], *r["text"].split("\n"), *r["credits"]) if f]


@ROBUST
@given(page=raw_pages())
def test_generated_pages_clean_without_loss_or_exception(page):
    text, encoding = page
    meta = FileMeta("gen.txt", year=2021)
    try:
        result = clean_bytes(text.encode(encoding), meta, Settings())   # conservation checked inside
    except BadInput as e:
        # only a short non-UTF input may be refused, as too ambiguous to decode surely
        assert encoding == "gb18030" and len(text) < 200, e
        return
    records = [a.record for a in result.articles]
    assert records, "every page has at least one article"
    kept = "".join("".join(text_fields(records)).split())
    assert len(kept) >= 0.97 * len("".join(text.split()))   # what is not kept is in the audit
    for field in text_fields(records):
        again = text_fields([a.record for a in clean_text(field + "\n", meta, Settings()).articles])
        assert "".join("".join(again).split()) == "".join(field.split())


@ROBUST
@given(page=raw_pages(), size=st.integers(20, 400))
def test_generated_pages_clean_in_small_sections_without_loss_or_exception(page, size):
    """The sectioned path (files over ``Settings.section`` characters), with
    sections far smaller than any real one: conservation is checked inside,
    and every edit points at its own text in the whole file."""
    text, _ = page
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    result = clean_text(text, FileMeta("gen.txt", year=2021), Settings(section=size))
    spans = [a.span for a in result.articles]
    assert spans == sorted(spans) and all(b <= c for (_, b), (c, _) in zip(spans, spans[1:]))
    for a in result.articles:
        for e in a.edits:
            if e.before and not e.before.isspace() and e.rule != "join_lines":
                assert text[e.offset:e.offset + len(e.before)] == e.before, e
