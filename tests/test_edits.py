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


def _spread(lines, model_class):
    """The lines joined into one piece, each far from the last in the raw
    text (as after joins), and the same as a character model."""
    piece, model, at = None, model_class("", 0), 100
    for line in lines:
        p = Piece.from_raw(line, at)
        piece = p if piece is None else piece.concat(p)
        model.chars += Naive(line, at).chars
        at += len(line) + 7
    return piece, model


@settings(max_examples=300, deadline=None)
@given(st.lists(st.text(alphabet="abc中文字", min_size=0, max_size=12), min_size=1, max_size=4),
       st.data())
def test_untouched_characters_keep_their_raw_offsets(lines, data):
    piece, naive = _spread(lines, Naive)
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


def _anchored(data, text, at):
    """A piece of ``text`` at raw offset ``at`` with a few changes made, so
    that it has anchors inside it."""
    piece = Piece.from_raw(text, at)
    for _ in range(2):
        piece = piece.apply("r", data.draw(change_lists(len(piece.text))), [])
    return piece


def _offsets(piece):
    return [piece.raw_offset(i) for i in range(len(piece.text) + 1)]


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab中\n", max_size=20), st.data())
def test_lines_are_the_slices_between_line_ends(text, data):
    piece = _anchored(data, text, 50)
    got, at = piece.lines(), 0
    parts = piece.text.split("\n")
    assert [p.text for p in got] == parts
    for line, part in zip(got, parts):
        want = piece.slice(at, at + len(part))
        assert (line._pos, line._raw) == (want._pos, want._raw)
        at += len(part) + 1


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.text(alphabet="ab中", max_size=6), st.sampled_from(["", " "])),
                min_size=1, max_size=4), st.data())
def test_joined_is_repeated_concat(parts, data):
    pieces = [_anchored(data, text, 100 * k) for k, (text, _) in enumerate(parts)]
    seps = [sep for _, sep in parts[1:]]
    want = pieces[0]
    for p, sep in zip(pieces[1:], seps):
        want = want.concat(p, sep)
    got = Piece.joined(pieces, seps)
    assert got.text == want.text
    assert (got._pos, got._raw) == (want._pos, want._raw)
    assert _offsets(got) == _offsets(want)


def test_lines_and_joined_by_hand():
    p = Piece.from_raw("ab\ncd", 10).apply("x", [(3, 4, "")], [])   # drop "c" at raw 13
    assert [(x.text, _offsets(x)) for x in p.lines()] == [("ab", [10, 11, 12]), ("d", [14, 15])]
    j = Piece.joined([Piece.from_raw("x", 0), Piece.from_raw("y", 5)], [" "])
    assert (j.text, _offsets(j)) == ("x y", [0, 5, 5, 6])


class Mapped(Naive):
    """The obvious version again, with inserted characters mapped too: the
    ``j``-th character a change writes sits at the raw offset of the first
    character it replaced (past the end: after the last one) plus ``j``."""

    def apply(self, changes):
        out, last = [], 0
        for a, b, new in changes:
            if "".join(ch for ch, _ in self.chars[a:b]) == new:
                continue    # a change that changes nothing is not made (nor recorded)
            out += self.chars[last:a]
            at = self.chars[a][1] if a < len(self.chars) else self.chars[-1][1] + 1
            out += [(ch, at + j) for j, ch in enumerate(new)]
            last = b
        self.chars = out + self.chars[last:]


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet="abc中", min_size=1, max_size=8), min_size=1, max_size=3), st.data())
def test_written_characters_map_from_where_they_were_written(lines, data):
    """Edits made on text an earlier edit wrote name the raw offset it was
    written at: every character of a piece keeps one, written or not."""
    piece, model = _spread(lines, Mapped)
    for _ in range(3):
        changes = data.draw(change_lists(len(piece.text)))
        if any(not new for _, _, new in changes):
            changes = [c for c in changes if c[2]]    # keep the text non-empty
        piece = piece.apply("r", changes, [])
        model.apply(changes)
        assert [piece.raw_offset(i) for i in range(len(piece.text))] == [r for _, r in model.chars]


@st.composite
def same_length_changes(draw, size):
    cuts = sorted(set(draw(st.lists(st.integers(0, size), max_size=8))))
    out, last = [], 0
    for a, b in zip(cuts[::2], cuts[1::2]):
        if a >= last:
            out.append((a, b, draw(st.text(alphabet="，。甲乙", min_size=b - a, max_size=b - a))))
            last = b
    return out


@settings(max_examples=500, deadline=None)
@given(st.lists(st.text(alphabet="abc中", max_size=6), min_size=1, max_size=4), st.data())
def test_same_length_changes_map_as_a_rebuild_does(lines, data):
    """The in-place path of apply (changes that keep their length) gives the
    text, offsets and edits that rebuilding the piece gives."""
    piece = Piece.joined([_anchored(data, line, 100 * k) for k, line in enumerate(lines)],
                         [""] * (len(lines) - 1))
    changes = data.draw(same_length_changes(len(piece.text)))
    fast, slow = [], []
    got, want = piece.apply("r", changes, fast), piece._rebuilt("r", changes, slow)
    assert got.text == want.text
    assert _offsets(got) == _offsets(want)
    assert fast == slow


def test_same_length_changes_by_hand():
    log = []
    p = Piece.joined([Piece.from_raw("a,", 10), Piece.from_raw("b", 20)], [""])
    q = p.apply("w", [(1, 2, "，"), (2, 3, "B")], log)
    assert (q.text, _offsets(q)) == ("a，B", [10, 11, 20, 21])
    assert [(e.offset, e.before, e.after) for e in log] == [(11, ",", "，"), (20, "b", "B")]
    log = []    # a run across the join point: the rebuild maps it from its start
    q = p.apply("w", [(1, 3, "，B")], log)
    assert (q.text, _offsets(q), log[0].offset) == ("a，B", [10, 11, 12, 13], 11)


@settings(max_examples=300, deadline=None)
@given(st.lists(st.tuples(st.text(alphabet="ab中", max_size=6), st.integers(0, 500),
                          st.sampled_from(["", " "])), min_size=1, max_size=5))
def test_from_runs_is_joined_from_raw(runs):
    texts, raws, seps = [t for t, _, _ in runs], [r for _, r, _ in runs], [s for _, _, s in runs[1:]]
    got = Piece.from_runs(texts, raws, seps)
    want = Piece.joined([Piece.from_raw(t, r) for t, r in zip(texts, raws)], seps)
    assert got.text == want.text
    assert (got._pos, got._raw) == (want._pos, want._raw)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="ab中\n", max_size=20), st.data())
def test_line_raw_offsets_are_those_of_the_line_pieces(text, data):
    lines = _anchored(data, text, 50).lines()
    for i, line in enumerate(lines):
        assert [lines.raw_offset(i, x) for x in range(len(line.text) + 1)] == _offsets(line)
