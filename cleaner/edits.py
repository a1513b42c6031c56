"""Edits and the text that remembers where it came from.

A cleaner never rewrites text itself: it yields *changes*, ``(start, end,
replacement)`` spans over the text it was given (dolma's taggers work the same
way). :meth:`Piece.apply` makes the changes and records each as an
:class:`Edit` that names the rule and the character offset in the decoded raw
file, so every edit is recorded once, where it is made, and can be traced
back to a line and column of the raw file.

A :class:`Piece` keeps a sparse offset map (anchors): between two anchors
characters map one to one onto the raw text, so the map costs one entry per
edit, not one per character.
"""
from __future__ import annotations

from bisect import bisect_right
from typing import Iterable, Iterator, NamedTuple, Sequence

from .page import line_starts

Change = tuple[int, int, str]


class Edit(NamedTuple):
    """One change a rule made: ``before`` at raw ``offset`` became ``after``."""
    rule: str
    offset: int
    before: str
    after: str


#: ``_edit(Edit, (rule, offset, before, after))`` makes an :class:`Edit`
#: without the Python-level ``__new__`` of a named tuple: apply makes one
#: per change.
_edit = tuple.__new__


class Piece:
    """A string plus the raw offset of each character (via sparse anchors).

    >>> p = Piece.from_raw("ab", 10).concat(Piece.from_raw("cd", 20))
    >>> p.text, p.raw_offset(1), p.raw_offset(2)
    ('abcd', 11, 20)
    """
    __slots__ = ("text", "_pos", "_raw")

    def __init__(self, text: str, pos: list[int], raw: list[int]):
        self.text = text
        self._pos = pos   # anchor positions in text, ascending, first is 0
        self._raw = raw   # raw offsets of those positions

    @classmethod
    def from_raw(cls, text: str, offset: int) -> "Piece":
        return cls(text, [0], [offset])

    def __repr__(self) -> str:
        return f"Piece({self.text!r})"

    def __len__(self) -> int:
        return len(self.text)

    def raw_offset(self, i: int) -> int:
        """Raw offset of character ``i`` (``i == len`` maps past the end)."""
        k = bisect_right(self._pos, i) - 1
        return self._raw[k] + (i - self._pos[k])

    def concat(self, other: "Piece", sep: str = "") -> "Piece":
        """Append ``other``; ``sep`` is inserted text mapped to other's start."""
        n = len(self.text)
        start = n + len(sep)
        pos = self._pos + ([n] if sep else []) + [p + start for p in other._pos]
        raw = self._raw + ([other._raw[0]] if sep else []) + other._raw
        return Piece(self.text + sep + other.text, pos, raw)

    def slice(self, a: int, b: int | None = None) -> "Piece":
        """The piece of characters ``a:b``, keeping their raw offsets."""
        b = len(self.text) if b is None else b
        pos, raws = self._pos, self._raw
        if len(pos) == 1:           # one anchor: a linear map (the common case)
            return Piece(self.text[a:b], [0], [raws[0] + a - pos[0]])
        k = bisect_right(pos, a) - 1
        new_pos, new_raw = [0], [raws[k] + (a - pos[k])]
        for i in range(k + 1, len(pos)):
            p = pos[i]
            if p >= b:
                break
            new_pos.append(p - a)
            new_raw.append(raws[i])
        return Piece(self.text[a:b], new_pos, new_raw)

    def lines(self) -> "Lines":
        """The piece cut at each ``\\n`` (dropped), each line keeping its raw offsets.

        >>> p = Piece.from_raw("ab\\ncd\\n", 10).apply("x", [(4, 5, "D")], [])
        >>> [(line.text, line.raw_offset(0), line.raw_offset(1)) for line in p.lines()]
        [('ab', 10, 11), ('cD', 13, 14), ('', 16, 17)]
        """
        return Lines(self)

    @classmethod
    def joined(cls, pieces: Sequence["Piece"], seps: Sequence[str]) -> "Piece":
        """``pieces[0].concat(pieces[1], seps[0]).concat(pieces[2], seps[1])...``
        built at once, in time linear in the anchors (no list is copied twice).

        >>> p = Piece.joined([Piece.from_raw("ab", 10), Piece.from_raw("cd", 20)], [" "])
        >>> p.text, [p.raw_offset(i) for i in range(5)]
        ('ab cd', [10, 11, 20, 20, 21])
        """
        first = pieces[0]
        pos, raw, texts = first._pos[:], first._raw[:], [first.text]
        n = len(first.text)
        for sep, p in zip(seps, pieces[1:]):
            if sep:
                pos.append(n)
                raw.append(p._raw[0])
                texts.append(sep)
                n += len(sep)
            if len(p._pos) == 1:
                pos.append(n)
            else:
                pos += [q + n for q in p._pos]
            raw += p._raw
            texts.append(p.text)
            n += len(p.text)
        return cls("".join(texts), pos, raw)

    @classmethod
    def from_runs(cls, texts: Sequence[str], raws: Sequence[int], seps: Sequence[str]) -> "Piece":
        """``Piece.joined`` of ``Piece.from_raw(texts[k], raws[k])``, without
        making those pieces: runs that each map one to one onto the raw text.

        >>> p = Piece.from_runs(["ab", "cd"], [10, 20], [" "])
        >>> p.text, [p.raw_offset(i) for i in range(5)]
        ('ab cd', [10, 11, 20, 20, 21])
        """
        pos, raw, parts = [0], [raws[0]], [texts[0]]
        n = len(texts[0])
        for sep, text, r in zip(seps, texts[1:], raws[1:]):
            if sep:
                pos.append(n)
                raw.append(r)
                parts.append(sep)
                n += len(sep)
            pos.append(n)
            raw.append(r)
            parts.append(text)
            n += len(text)
        return cls("".join(parts), pos, raw)

    def apply(self, rule: str, changes: Iterable[Change], sink: list[Edit]) -> "Piece":
        """Make ``changes`` (sorted, non-overlapping) and log them to ``sink``.

        >>> log = []
        >>> Piece.from_raw("a,b", 100).apply("comma", [(1, 2, "，")], log).text
        'a，b'
        >>> log
        [Edit(rule='comma', offset=101, before=',', after='，')]
        """
        if not isinstance(changes, list):
            changes = list(changes)
        done = self._replace_in_place(rule, changes, sink)
        return done if done is not None else self._rebuilt(rule, changes, sink)

    def _rebuilt(self, rule: str, changes: list[Change], sink: list[Edit]) -> "Piece":
        """:meth:`apply` for any changes: the text and its offset map are
        built anew, with an anchor only where the map changes."""
        text = self.text
        apos, araw = self._pos, self._raw
        na = len(apos)
        k = 0      # the last old anchor at or before the position being read
        while k + 1 < na and apos[k + 1] == 0:   # (empty pieces joined at the start)
            k += 1
        parts: list[str] = []
        # New anchors; one is added only where the map changes: ``shift``
        # (raw offset minus position) is that of the last one. One at the
        # position of the last replaces it (a removal at the start).
        pos, raw = [0], [araw[k]]
        shift = araw[k]
        last = 0   # end of the previous change in old text
        n = 0      # length of new text so far
        made = False
        size = len(text)
        # a last, empty change at the end carries the stretch after the real ones
        for start, end, new in [*changes, (size, size, None)]:
            if start < last or end < start:
                raise ValueError(f"{rule}: overlapping or unsorted change {(start, end)}")
            old = text[start:end]
            if old == new:
                continue
            if start > last:   # carry the unchanged stretch last:start and its anchors
                while k + 1 < na and apos[k + 1] <= last:
                    k += 1
                r = araw[k] + last - apos[k]
                if r - n != shift:
                    shift = _anchor(pos, raw, n, r)
                while k + 1 < na and apos[k + 1] < start:
                    k += 1
                    p = n + apos[k] - last
                    if araw[k] - p != shift:
                        shift = araw[k] - p
                        pos.append(p)
                        raw.append(araw[k])
                parts.append(text[last:start])
                n += start - last
            if new is None:
                break
            while k + 1 < na and apos[k + 1] <= start:
                k += 1
            at = araw[k] + start - apos[k]
            sink.append(_edit(Edit, (rule, at, old, new)))
            if new:
                if at - n != shift:
                    shift = _anchor(pos, raw, n, at)
                parts.append(new)
                n += len(new)
            last = end
            made = True
        if not made:
            return self
        return Piece("".join(parts), pos, raw)

    def _replace_in_place(self, rule: str, changes: list[Change], sink: list[Edit]) -> "Piece | None":
        """:meth:`apply` for changes that each keep their length and hold no
        anchor strictly inside (most: one mark widened, one run folded):
        the offset map stays as it is, so only the text is rebuilt and the
        edits recorded. None, with nothing recorded, when a change is not
        of that kind.

        >>> log = []
        >>> p = Piece.from_raw("a,b;c", 10)._replace_in_place("w", [(1, 2, "，"), (3, 4, "；")], log)
        >>> p.text, [e.offset for e in log]
        ('a，b；c', [11, 13])
        >>> Piece.from_raw("a,b", 10)._replace_in_place("w", [(1, 2, "")], log) is None
        True
        """
        text = self.text
        apos, araw = self._pos, self._raw
        na = len(apos)
        edits: list[Edit] = []
        parts: list[str] = []
        far = len(text) + 1         # past every anchor
        k, last = 0, 0
        shift = araw[0]             # raw offset minus position, at anchor k (at 0)
        nxt = apos[1] if na > 1 else far    # where the anchor after k is
        for start, end, new in changes:
            if len(new) != end - start or start < last:
                return None     # a length change (or bad order: the full path says so)
            while nxt <= start:
                k += 1
                shift = araw[k] - apos[k]
                nxt = apos[k + 1] if k + 1 < na else far
            if nxt < end:
                return None     # the map changes inside: the full path folds it
            old = text[start:end]
            if old == new:
                continue
            edits.append(_edit(Edit, (rule, shift + start, old, new)))
            parts += (text[last:start], new)
            last = end
        if not edits:
            return self
        sink += edits
        parts.append(text[last:])
        if na > 1 and apos[-1] == len(text):
            # anchors at the very end (an empty piece joined last) map the
            # end position only: a rebuild drops them, and so is done here
            while na > 1 and apos[na - 1] == len(text):
                na -= 1
            apos, araw = apos[:na], araw[:na]
        return Piece("".join(parts), apos, araw)


def _anchor(pos: list[int], raw: list[int], n: int, r: int) -> int:
    """Map position ``n`` to raw offset ``r`` from here on (replacing an
    anchor already at ``n``); returns the new shift, ``r - n``."""
    if pos[-1] == n:
        raw[-1] = r
    else:
        pos.append(n)
        raw.append(r)
    return r - n


class Lines:
    """The lines of a piece: their texts at once, and each line as a
    :class:`Piece` (the slice between its line ends) only when asked for.

    A page has about as many blank lines as lines of text, and only its
    text is ever read of most lines: making a piece of every line was
    one of the larger costs of preparing a page.

    >>> lines = Piece.from_raw("ab\\n\\ncd", 10).lines()
    >>> lines.texts, len(lines), lines[2].text, lines[2].raw_offset(0)
    (['ab', '', 'cd'], 3, 'cd', 14)
    """
    __slots__ = ("texts", "starts", "base", "_piece")

    def __init__(self, piece: Piece):
        self._piece = piece
        #: the raw offset of the first line when the piece maps one to one
        #: onto the raw text (most pages: no rule changed a length), else None
        self.base = piece._raw[0] if len(piece._pos) == 1 else None
        self.texts = piece.text.split("\n")
        #: where each line starts in the piece's text
        self.starts = line_starts(map(len, self.texts))

    def __len__(self) -> int:
        return len(self.texts)

    def __getitem__(self, i: int) -> Piece:
        text, a = self.texts[i], self.starts[i]
        piece = self._piece
        if len(piece._pos) == 1:    # one anchor: the line starts at its raw offset
            return Piece(text, [0], [piece._raw[0] + a])
        return piece.slice(a, a + len(text))

    def __iter__(self) -> Iterator[Piece]:
        return map(self.__getitem__, range(len(self.texts)))

    def raw_offset(self, i: int, x: int) -> int:
        """``self[i].raw_offset(x)``, without making the line's piece where
        the map is one to one."""
        if self.base is not None:
            return self.base + self.starts[i] + x
        return self[i].raw_offset(x)


def apply(finder, text: str) -> str:
    """Run one cleaner's change finder over plain text and return the result.

    The str -> str view of a cleaner, for doctests and quick use:

    >>> apply(lambda t: [(0, 1, "A")], "abc")
    'Abc'
    """
    return Piece.from_raw(text, 0).apply("_", finder(text), []).text


def changed(text: str, changes: Iterable[Change]) -> str:
    """``text`` with ``changes`` (sorted, non-overlapping) made, and nothing
    recorded: for a rule that judges text as another rule would leave it.

    >>> changed("a,b(c", [(1, 2, "，"), (3, 4, "（")])
    'a，b（c'
    """
    parts, last = [], 0
    for start, end, new in changes:
        parts += (text[last:start], new)
        last = end
    parts.append(text[last:])
    return "".join(parts)
