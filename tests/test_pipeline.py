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
