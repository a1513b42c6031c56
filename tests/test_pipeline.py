"""The per-file path: conservation, provenance of edits, independence of files."""
import pytest

from cleaner.edits import Edit, Piece
from cleaner.errors import ConservationError
from cleaner.pipeline import FileMeta, check_conservation, clean_text


def _record(**fields):
    base = {"title": None, "byline": None, "text": "", "credits": []}
    return {**base, **fields}


def test_conservation_accepts_recorded_changes():
    raw = "标题\n\n正文,结束。"
    edits = [Edit("widen_punctuation", 6, ",", "，"), Edit("join_lines", 2, "\n\n", "")]
    check_conservation(raw, edits, _record(title="标题", text="正文，结束。"), where="x")


def test_conservation_rejects_a_silently_dropped_character():
    with pytest.raises(ConservationError, match="x: .*missing '结'"):
        check_conservation("正文结束。", [], _record(text="正文束。"), where="x")


def test_conservation_rejects_an_unrecorded_change():
    with pytest.raises(ConservationError, match="unexplained '，'"):
        check_conservation("正文,结束。", [], _record(text="正文，结束。"), where="x")


def test_edit_offsets_point_into_the_raw_text():
    raw = "某地新闻标题\n\n本报讯（记者 张三）3月5日,某地\n\n举行活动。\n"
    result = clean_text(raw, FileMeta("p.txt", year=2020))
    assert result.articles, "one article expected"
    for a in result.articles:
        for e in a.edits:
            if e.before and not e.before.isspace():
                assert raw[e.offset:e.offset + len(e.before)] == e.before, e


def test_piece_keeps_offsets_through_changes_of_length():
    log = []
    p = Piece.from_raw("ab...cd", 10).apply("ellipsis", [(2, 5, "……")], log)
    assert p.text == "ab……cd"
    assert p.raw_offset(4) == 15 and p.raw_offset(0) == 10
    assert log == [Edit("ellipsis", 12, "...", "……")]


def _clean_page(*lines: str) -> list[dict]:
    return [a.record for a in clean_text("\n\n".join(lines) + "\n", FileMeta("p.txt", year=2021)).articles]


LEAD = "日前，青石镇第三届农民丰收节开幕，来自各村的农户展示了今年的新粮和特产。"


@pytest.mark.parametrize("first, second, byline", [
    # a space printed at the break, a role or a name on each side: it stays, as one space
    ("松江晚报讯(松江晚报记者 柏青 ", "通讯员 岳林)" + LEAD, "松江晚报讯（松江晚报记者 柏青 通讯员 岳林）"),
    ("本报讯(记者 柏青", "  岳林)" + LEAD, "本报讯（记者 柏青 岳林）"),
    ("本报讯(记者 柏青", "\u3000\u3000 通讯员 岳林)" + LEAD, "本报讯（记者 柏青 通讯员 岳林）"),   # past the indent
    # unchanged: no whitespace at the break, so none is added
    ("本报讯(记者 柏", "青 通讯员 岳林)" + LEAD, "本报讯（记者 柏青 通讯员 岳林）"),
    ("本报讯(记者 柏青", "通讯员 岳林)" + LEAD, "本报讯（记者 柏青通讯员 岳林）"),
    ("本报讯(记者 柏青", "\u3000\u3000通讯员 岳林)" + LEAD, "本报讯（记者 柏青通讯员 岳林）"),  # an indent alone
])
def test_a_space_at_a_break_inside_a_byline_stays(first, second, byline):
    records = _clean_page("丰收节上晒新粮", first, second)
    assert [(r["byline"], r["text"]) for r in records] == [(byline, LEAD)]


def test_a_space_at_a_break_in_running_text_goes():
    records = _clean_page("丰收节上晒新粮", "本报讯 日前，青石镇第三届农民丰收节开幕，村民老柏告诉 ",
                          "记者今年的收成比去年好，来自各村的农户展示了今年的新粮和特产。")
    assert records[0]["text"] == "日前，青石镇第三届农民丰收节开幕，村民老柏告诉记者今年的收成比去年好，来自各村的农户展示了今年的新粮和特产。"


def test_a_byline_whose_space_stayed_recleans_to_itself():
    byline = _clean_page("丰收节上晒新粮", "本报讯(记者 柏青 ", "通讯员 岳林)" + LEAD)[0]["byline"]
    assert _clean_page("丰收节上晒新粮", byline + LEAD)[0]["byline"] == byline
