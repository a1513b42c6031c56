"""Lines of a page: offsets, content lines, the line-length limit."""
import pytest
import regex

from cleaner.errors import BadInput
from cleaner.page import BLANK_CHARS, split_lines


def test_blank_chars_are_what_a_blank_pattern_matches():
    blank = regex.compile(r"[\s\u3000\u00a0\u200b\ufeff]")
    expected = {chr(c) for c in range(0x110000) if blank.fullmatch(chr(c))}
    assert set(BLANK_CHARS) == expected


@pytest.mark.parametrize("text, content", [
    ("甲\n\n乙", [0, 2]),
    (" \u3000\t\n\u200b\ufeff\n\xa0甲", [2]),
    ("\x1c\n\u00ad\n", [0, 1]),         # separators and a soft hyphen are not white space here
    ("", []),
    ("\n\n", []),
])
def test_content_lines_hold_more_than_white_space(text, content):
    assert split_lines(text, "x").content == content


def test_starts_are_offsets_of_each_line():
    text = "甲乙\n\n丙\r\n丁"
    page = split_lines(text, "x")
    assert page.starts == [0, 3, 4, 7]
    assert [text[s:s + len(l)] for s, l in zip(page.starts, page.lines)] == page.lines
    assert page.line_col(5) == (3, 2)


def test_a_huge_line_is_named():
    with pytest.raises(BadInput) as e:
        split_lines("短\n" + "长" * 11 + "\n" + "长" * 20, "f.txt", max_line=10)
    assert e.value.line == 2 and "11" in str(e.value)
