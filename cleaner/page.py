"""Text -> lines: the raw page as numbered lines, with limits enforced."""
from __future__ import annotations

from typing import NamedTuple

import regex

from .errors import BadInput

#: Longest raw line accepted (characters); longer ones are not page text.
MAX_LINE_CHARS = 1_000_000

_BLANK = regex.compile(r"[\s\u3000\u00a0\u200b\ufeff]*")


class Page(NamedTuple):
    """One decoded raw file split into lines.

    ``lines[i]`` is line ``i + 1`` of the file, without its line end;
    ``starts[i]`` is its character offset in ``text``; ``content`` lists the
    indices of the lines that hold anything but whitespace.
    """
    file: str
    text: str
    lines: list[str]
    starts: list[int]
    content: list[int]

    def line_col(self, offset: int) -> tuple[int, int]:
        """1-based line and column of a character offset."""
        from bisect import bisect_right
        i = bisect_right(self.starts, offset) - 1
        return i + 1, offset - self.starts[i] + 1


def split_lines(text: str, file: str, max_line: int = MAX_LINE_CHARS) -> Page:
    """Split decoded text (``\\n`` line ends) into a :class:`Page`.

    >>> p = split_lines("标题\\n\\n正文。\\n", "x")
    >>> p.lines, p.starts, p.content
    (['标题', '', '正文。', ''], [0, 3, 4, 8], [0, 2])
    """
    lines = text.split("\n")
    starts = []
    content = []
    at = 0
    for i, line in enumerate(lines):
        starts.append(at)
        at += len(line) + 1
        if len(line) > max_line:
            raise BadInput("huge_line", f"line of {len(line):,} characters "
                           f"(limit {max_line:,}): not page text", file=file, line=i + 1)
        if line and not _BLANK.fullmatch(line):
            content.append(i)
    return Page(file, text, lines, starts, content)
