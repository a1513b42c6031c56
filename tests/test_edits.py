"""Pieces keep every untouched character's raw offset through any changes."""
from hypothesis import given, settings, strategies as st

from cleaner.edits import Piece


class Naive:
    """The obvious version: one raw offset per character (None if inserted)."""

    def __init__(self, text, offset):
        self.chars = [(ch, offset + i) for i, ch in enumerate(text)]

    def apply(self, changes):
        out, last = [], 0
        for a, b, new in changes:
            out += self.chars[last:a] + [(ch, None) for ch in new]
            last = b
        self.chars = out + self.chars[last:]


@st.composite
def change_lists(draw, size):
    cuts = sorted(draw(st.lists(st.integers(0, size), max_size=8)))
    out, last = [], 0
    for a, b in zip(cuts[::2], cuts[1::2]):
        if a >= last:
            out.append((a, b, draw(st.text(alphabet="，。…甲乙", max_size=3))))
            last = b
    return out


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="abc中文字", min_size=0, max_size=12), min_size=1, max_size=4),
       st.data())
def test_untouched_characters_keep_their_raw_offsets(lines, data):
    piece, naive = None, Naive("", 0)
    naive.chars = []
    at = 100
    for line in lines:   # lines far apart in the raw text, as after joins
        p = Piece.from_raw(line, at)
        piece = p if piece is None else piece.concat(p)
        naive.chars += Naive(line, at).chars
        at += len(line) + 7
    for _ in range(3):
        changes = data.draw(change_lists(len(piece.text)))
        log = []
        piece = piece.apply("r", changes, log)
        naive.apply([c for c in changes])
        assert piece.text == "".join(ch for ch, _ in naive.chars)
    for i, (ch, raw) in enumerate(naive.chars):
        if raw is not None:
            assert piece.raw_offset(i) == raw, (i, ch)
        assert piece.slice(i, i + 1).raw_offset(0) == piece.raw_offset(i)
