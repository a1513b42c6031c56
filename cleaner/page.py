"""Text -> lines: the raw page as numbered lines, with limits enforced."""
from __future__ import annotations

from itertools import accumulate, compress, repeat
from operator import add
from typing import Iterable, NamedTuple

from .errors import BadInput

#: Longest raw line accepted (characters); longer ones are not page text.
MAX_LINE_CHARS = 1_000_000

#: The characters a blank line may hold: Unicode white space (``\s`` of the
#: ``regex`` module, which unlike ``str.isspace`` leaves out U+001C-U+001F),
#: the ideographic space, the no-break space, the zero-width space and the
#: byte order mark.
BLANK_CHARS = ("\t\n\v\f\r \x85\xa0\u1680\u2000\u2001\u2002\u2003\u2004\u2005\u2006\u2007\u2008"
               "\u2009\u200a\u200b\u2028\u2029\u202f\u205f\u3000\ufeff")


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
    lens = list(map(len, lines))
    if max(lens) > max_line:
        i = next(i for i, n in enumerate(lens) if n > max_line)
        raise BadInput("huge_line", f"line of {lens[i]:,} characters "
                       f"(limit {max_line:,}): not page text", file=file, line=i + 1)
    starts = line_starts(lens)
    content = list(compress(range(len(lines)), map(str.strip, lines, repeat(BLANK_CHARS))))
    return Page(file, text, lines, starts, content)


def line_starts(lengths: Iterable[int]) -> list[int]:
    """Where each line starts in the text that joins lines of these
    lengths with one line end each: after the lines before it and their
    line ends.

    >>> line_starts([2, 0, 3])
    [0, 3, 4]
    """
    lens = list(lengths)
    return list(map(add, accumulate(lens, initial=0), range(len(lens))))
