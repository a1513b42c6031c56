"""Deduplication and placement on hand-made records (no pipeline)."""
import numpy as np
import pytest

from cleaner.dataset import Placer
from cleaner.dedup import (Deduper, NgramIndex, contamination, content_key, shingle_hashes,
                           window_hashes)
from rawpages import BIRDS_EDITED, CANTEEN_EDITED, STORIES, jaccard, shingle_set


def rec(rid, story=None, *, title=None, text=None):
    if story is not None:
        title, _, paras = story
        text = "\n".join(p.replace(",", "，") for p in paras)
    return {"id": rid, "title": title, "text": text}


def test_every_story_is_unique():
    d = Deduper()
    verdicts = [d.see(rec(name, s)) for name, s in STORIES.items()]
    assert [v.kind for v in verdicts] == [None] * len(STORIES)
    assert [v.root for v in verdicts] == list(STORIES)


def test_exact_copy_ignores_whitespace_and_keeps_the_first():
    d = Deduper()
    first = rec("z-first", STORIES["library"])
    copy = dict(first, id="a-copy", text=first["text"].replace("\n", "\n  ").replace("，", "， "))
    assert d.see(first).kind is None
    v = d.see(copy)
    assert (v.kind, v.of, v.root) == ("exact", "z-first", "z-first")


def test_title_is_part_of_the_exact_key():
    a = rec("a", title="标题一", text="正文相同。")
    b = rec("b", title="标题二", text="正文相同。")
    assert content_key(a) != content_key(b)
    assert content_key(a) == content_key(dict(a, text=" 正文 相同。 "))


@pytest.mark.parametrize("name,edited", [("canteen", CANTEEN_EDITED), ("birds", BIRDS_EDITED)])
def test_lightly_edited_reprint_is_near(name, edited):
    a, b = rec("orig", STORIES[name]), rec("reprint", edited)
    # The fixture really is a near-duplicate: true Jaccard of 5-shingles, in plain Python.
    assert jaccard(shingle_set(a["title"] + a["text"], 5), shingle_set(b["title"] + b["text"], 5)) > 0.85
    d = Deduper()
    d.see(a)
    v = d.see(b)
    assert (v.kind, v.of, v.root, v.roots) == ("near", "orig", "orig", ("orig",))
    assert v.similarity >= 0.8


def test_near_check_can_be_switched_off():
    d = Deduper(near=False)
    d.see(rec("orig", STORIES["canteen"]))
    assert d.see(rec("reprint", CANTEEN_EDITED)).kind is None
    assert d.see(rec("copy", STORIES["canteen"])).kind == "exact"


def test_ties_go_to_the_earliest_record_not_the_smallest_id():
    # Same shingles (the title/text boundary moves), different exact keys:
    # "zz" and "aa" are equally similar to anything.
    text = "".join(STORIES["museum"][2])
    zz = rec("zz", title="夜场", text=text)
    aa = rec("aa", title="夜", text="场" + text)
    later = rec("later", title="夜场", text=text + "欢迎参加。")
    d = Deduper()
    assert d.see(zz).kind is None
    assert d.see(aa)[:3] == ("near", "zz", "zz")
    v = d.see(later)
    assert (v.kind, v.of, v.root) == ("near", "zz", "zz")


@pytest.mark.parametrize("threshold", [0.95, 0.99, 1.0])
def test_a_high_threshold_keeps_the_reprint(threshold):
    a, b = rec("orig", STORIES["canteen"]), rec("reprint", CANTEEN_EDITED)
    strict = Deduper(threshold=threshold)
    strict.see(a)
    assert strict.see(b).kind is None
    assert strict.see(dict(a, id="again", title=a["title"] + " ")).kind == "exact"


def test_bad_settings_are_refused():
    with pytest.raises(ValueError):
        Deduper(threshold=0)
    with pytest.raises(ValueError):
        Deduper(shingle=0)


# --- placement -------------------------------------------------------------------------
# Shared core K and two tails: A = K+a, B = K+b, C = K+half(a)+half(b).
# True Jaccard: A~C and B~C about 0.83, A~B about 0.69 (threshold 0.76 between).
K = STORIES["farm"][2][0] + STORIES["farm"][2][1] + STORIES["street"][2][1]
TAIL_A = STORIES["robots"][2][0]
TAIL_B = STORIES["heating"][2][2][:len(TAIL_A)]
A = rec("A", title="甲", text=K + TAIL_A)
B = rec("B", title="甲", text=K + TAIL_B)
C = rec("C", title="甲", text=K + TAIL_A[:len(TAIL_A) // 2] + TAIL_B[len(TAIL_B) // 2:])


def test_bridge_fixture_is_what_it_claims():
    sa, sb, sc = (shingle_set(r["title"] + r["text"], 5) for r in (A, B, C))
    assert jaccard(sa, sc) > 0.8 and jaccard(sb, sc) > 0.8
    assert jaccard(sa, sb) < 0.72


def placer(mode, splits):
    return Placer(mode, Deduper(threshold=0.76), split_for=splits.__getitem__)


def test_group_mode_drops_an_article_near_groups_in_both_splits():
    p = placer("group", {"A": "train", "B": "test"})
    assert (p.place(A).split, p.place(B).split) == ("train", "test")
    c = p.place(C)
    assert (c.split, c.reason) == (None, "near-across-splits")
    assert set(c.verdict.roots) == {"A", "B"}


def test_group_mode_joins_groups_in_one_split():
    p = placer("group", {"A": "test", "B": "test"})
    p.place(A), p.place(B)
    c = p.place(C)
    assert c.split == "test" and c.group in {"A", "B"} and c.reason is None


def test_drop_mode_drops_near_duplicates_and_exact_copies():
    p = placer("drop", {"A": "train", "B": "test", "D": "train"})
    assert p.place(A).split == "train"
    c = p.place(C)
    assert (c.split, c.reason, c.group) == (None, "near", "A")
    d = p.place(dict(A, id="D"))
    assert (d.split, d.reason, d.verdict.of) == (None, "exact", "A")


def test_group_members_follow_the_root_split_whatever_their_own_hash():
    p = placer("group", {"orig": "test"})      # "reprint" is not in the table: never asked
    assert p.place(rec("orig", STORIES["canteen"])).split == "test"
    r = p.place(rec("reprint", CANTEEN_EDITED))
    assert (r.split, r.group) == ("test", "orig")


def test_unknown_mode_is_refused():
    with pytest.raises(ValueError):
        Placer("merge", Deduper(), str)


# --- window hashes and contamination ---------------------------------------------------


def test_window_hashes_match_plain_python_windows():
    text = "".join(STORIES["trail"][2])
    h = window_hashes(text, 13)
    windows = [text[i:i + 13] for i in range(len(text) - 12)]
    assert len(h) == len(windows)
    # Equal windows, equal hashes; different windows, different hashes.
    by_window = {}
    for w, x in zip(windows, h.tolist()):
        assert by_window.setdefault(w, x) == x
    assert len(set(by_window.values())) == len(by_window)


def test_shingle_hashes_are_a_set():
    assert len(shingle_hashes("甲乙甲乙甲乙", 2)) == 2


def test_contamination_finds_a_quoted_paragraph():
    train = [(k, s[0] + "".join(s[2])) for k, s in STORIES.items() if k != "bus"]
    quoted = STORIES["farm"][2][1]                      # a train paragraph, word for word
    own = "".join(STORIES["bus"][2])
    test = [("quoting", own + quoted), ("clean", "".join(STORIES["bus"][2][::-1]))]
    r = contamination(train, test, n=13)
    windows = shingle_set(own + quoted, 13)
    train_windows = set().union(*(shingle_set(t, 13) for _, t in train))
    positions = ["".join((own + quoted).split())[i:i + 13] for i in range(len(own + quoted) - 12)]
    expected = sum(w in train_windows for w in positions) / len(positions)
    assert windows                                       # the check has windows to look at
    assert r.max_share_id == "quoting"
    assert r.max_share == pytest.approx(expected)
    # The quoted paragraph, whole, and the full stop before it (both texts
    # end a sentence there).
    assert r.max_run == len("。" + quoted)
    assert r.max_run_id == "quoting"
    assert r.checked == 2 and r.too_short == 0 and r.shift == 0


def test_contamination_counts_short_articles_apart():
    r = contamination([("a", "甲乙丙丁戊己庚辛壬癸子丑寅卯")], [("b", "甲乙丙")], n=13)
    assert (r.checked, r.too_short, r.max_share_id) == (0, 1, None)


def test_index_samples_by_hash_when_full_and_stays_order_free():
    texts = ["".join(s[2]) for s in STORIES.values()]
    small = NgramIndex(n=13, max_windows=200)
    for t in texts:
        small.add(t)
    other = NgramIndex(n=13, max_windows=200)
    for t in reversed(texts):
        other.add(t)
    assert small.shift > 0
    assert np.array_equal(small.windows(), other.windows())
    assert len(small.windows()) <= 200
    # A whole train text is still found in full among the sampled windows.
    o = small.overlap(texts[3])
    assert o.checked > 0 and o.found == o.checked
