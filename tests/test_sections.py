"""Long files are cleaned a section at a time: the cuts, and that the
records, edits and audit of a sectioned file land where they belong in it.
The pages are the hand-written stories of ``rawpages.py``."""
import json

import pytest

from cleaner.engine import Task, clean_one
from cleaner.manifest import RawFile
from cleaner.page import split_lines
from cleaner.pipeline import FileMeta, Settings, clean_sections, clean_text, sections

from rawpages import STORIES, page

NAMES = list(STORIES)
TEXT = page(NAMES * 3)          # 36 articles, about 6,000 characters
TITLES = {title for title, _, _ in STORIES.values()}
META = FileMeta("long.txt", year=2023)
SMALL = Settings(section=600)   # about ten sections


def test_sections_cover_every_line_once_in_order():
    p = split_lines(TEXT, "long.txt")
    cuts = sections(p, 600)
    assert cuts[0][0] == 0 and cuts[-1][1] == len(p.lines)
    assert all(a < b for a, b in cuts)
    assert all(b == a2 for (_, b), (a2, _) in zip(cuts, cuts[1:]))
    assert len(cuts) >= 5


def test_sections_are_cut_before_headlines():
    p = split_lines(TEXT, "long.txt")
    for a, _ in sections(p, 600)[1:]:
        assert p.lines[a] in TITLES, p.lines[a]


def test_a_short_file_is_one_section():
    assert len(list(clean_sections(TEXT, META, Settings()))) == 1


def _segmentation(records):
    """What a record says apart from where its paragraphs break, which rests
    on page statistics and so may differ between a file and its sections."""
    return [{**r, "text": r["text"].replace("\n", "")} for r in records]


def test_sectioned_file_gives_the_same_articles():
    whole = [a.record for a in clean_text(TEXT, META).articles]
    parts = [a.record for a in clean_text(TEXT, META, SMALL).articles]
    assert len(whole) == 36
    assert _segmentation(parts) == _segmentation(whole)


def test_repeated_articles_keep_distinct_ids_across_sections():
    ids = [a.record["id"] for a in clean_text(TEXT, META, SMALL).articles]
    assert len(set(ids)) == len(ids)


def test_edits_and_audit_point_into_the_whole_file():
    result = clean_text(TEXT, META, SMALL)
    lines = TEXT.split("\n")
    checked = 0
    for a in result.articles:
        first, last = a.record["source"]["line_start"], a.record["source"]["line_end"]
        assert lines[first - 1] == a.record["title"] or lines[first - 1].startswith("本报讯")
        for e in a.edits:
            if e.before and not e.before.isspace():
                assert TEXT[e.offset:e.offset + len(e.before)] == e.before, e
                assert first - 1 <= TEXT.count("\n", 0, e.offset) <= last - 1
                checked += 1
    assert checked > 100
    for entry in result.audit():
        for e in entry["edits"]:
            if e["before"] and "\n" not in e["before"]:
                line = lines[e["line"] - 1]
                assert line[e["col"] - 1:e["col"] - 1 + len(e["before"])] == e["before"], e


@pytest.mark.parametrize("as_json", [False, True])
def test_workers_pass_sections_on_with_the_same_rows(tmp_path, as_json):
    path = tmp_path / "long.txt"
    path.write_text(TEXT, encoding="utf-8")
    got = clean_one(Task(RawFile(str(path), META), SMALL, audit=True, as_json=as_json))
    result = clean_text(TEXT, META, SMALL)
    records = [json.loads(r) for r in got.records] if as_json else got.records
    assert records == [a.record for a in result.articles]
    audit = [json.loads(e) for e in got.audit] if as_json else got.audit
    assert [e for e in audit if e["id"]] == [e for e in result.audit() if e["id"]]
    assert got.raw_chars == len(TEXT)
