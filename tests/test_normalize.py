"""Every cleaner against hand-written tables of cases (``tests/cases/*.json``).

Each case runs its rule on ``in`` and must give ``out``; running the rule
again on ``out`` must change nothing. Cases marked ``known-failure`` are
expected to fail (strict xfail): they document what is still wrong.
"""
import json
import re
import sys
from pathlib import Path

import pytest
import regex
from hypothesis import given, settings, strategies as st

from cleaner import normalize
from cleaner.chars import HAN_RANGES
from cleaner.edits import Edit, Piece, apply

CASES = Path(__file__).parent / "cases"
RULES = dict(normalize.LINE_RULES + normalize.TEXT_RULES)


def _load():
    for path in sorted(CASES.glob("*.json")):
        for k, case in enumerate(json.loads(path.read_text(encoding="utf-8"))):
            marks = [pytest.mark.xfail(strict=True)] if case.get("kind") == "known-failure" else []
            yield pytest.param(case, id=f"{path.stem}-{k}-{case['rule']}", marks=marks)


def clean(rule: str, text: str) -> str:
    """Run one named rule, or ``all`` of them in pipeline order."""
    if rule == "all":
        for _, r in normalize.LINE_RULES:
            text = apply(r, text)
        text = normalize.to_script(text, "simplified")
        for _, r in normalize.PARAGRAPH_RULES:
            text = apply(r, text)
        return text
    if rule.startswith("convert_script:"):
        return normalize.to_script(text, rule.split(":", 1)[1])
    return apply(RULES[rule], text)


@pytest.mark.parametrize("case", list(_load()))
def test_case(case):
    out = clean(case["rule"], case["in"])
    assert out == case["out"], case["why"]
    assert clean(case["rule"], out) == out, "not idempotent"


def test_tables_cover_every_rule():
    """Each rule has cases, and negative (must-not-change) ones among them."""
    rows = [c.values[0] for c in _load()]
    named = {r["rule"].split(":")[0] for r in rows}
    assert set(RULES) | {"convert_script"} <= named
    negatives = {r["rule"].split(":")[0] for r in rows if r["in"] == r["out"]}
    assert set(RULES) | {"convert_script"} <= negatives


def test_every_rule_says_what_it_does():
    """The dataset card shows each rule's first docstring paragraph."""
    for name, rule in RULES.items():
        assert (rule.__doc__ or "").strip(), name


def test_no_rule_applies_nfkc_to_chinese_punctuation():
    text = "记者：张三，（完）；“好！”？《书》、。"
    for name, rule in RULES.items():
        assert apply(rule, text) == text, name


def test_edits_record_each_removal():
    """A removal is an edit with the raw offset and what was removed."""
    log: list[Edit] = []
    text = "记者\u200b张三\u3000\u3000说"
    piece = Piece.from_raw(text, 100)
    for name, rule in normalize.LINE_RULES + normalize.TEXT_RULES:
        piece = piece.apply(name, rule(piece.text), log)
    assert piece.text == "记者张三 说"
    assert Edit("remove_controls", 102, "\u200b", "") in log
    assert Edit("collapse_spaces", 105, "\u3000\u3000", " ") in log


@pytest.mark.parametrize("target", ["simplified", "traditional", "taiwan", "hongkong"])
def test_script_targets_are_idempotent(target):
    """Traditional targets reach a fixed point (OpenCC's s2t alone does not)."""
    text = "公里里面的干部干净了，征收伙伴朴素地旅游，巨款委托刮风"
    once = normalize.to_script(text, target)
    assert normalize.to_script(once, target) == once


def test_plain_s2t_is_not_idempotent():
    """Why traditional targets go through simplified: OpenCC's s2t, run on
    its own output, changes it again (``據云南`` -> ``據雲南``)."""
    s2t = normalize._opencc("s2t")
    once = s2t.convert("据云南省地震局")
    assert s2t.convert(once) != once
    assert normalize.to_script(once, "traditional") == normalize.to_script("据云南省地震局", "traditional")


# --- quick paths agree with the rules they stand for -----------------------------
def _every_character() -> str:
    return "".join(chr(c) for c in range(sys.maxunicode + 1) if not 0xD800 <= c <= 0xDFFF)


def test_han_ranges_are_the_han_script():
    """``chars.HAN_RANGES`` (for ``re``) holds exactly what ``\\p{Han}`` matches."""
    every = _every_character()
    assert re.findall(f"[{HAN_RANGES}]", every) == regex.findall(r"\p{Han}", every)


def test_context_class_for_re_is_the_context_class():
    every = _every_character()
    assert re.findall(normalize._CONTEXT_RE, every) == normalize._CJK_CHAR.findall(every)


# Characters that decide widening: Han, Chinese and ASCII punctuation, spaces,
# digits, Latin letters, and what makes a span protected.
_WIDEN_ALPHABET = st.sampled_from(list("中文，。（）“”—,;:!?()( )  \u3000\t19ab.&@/") + ["http://", "www.", "&amp;"])


@settings(max_examples=2000, deadline=None)
@given(st.lists(_WIDEN_ALPHABET, max_size=16).map("".join))
def test_widening_shortcuts_agree_with_the_stepwise_rule(t):
    """The one-scan path (every mark beside Chinese) and the seeded first
    pass give what the rule's plain pass-by-pass form gives."""
    assert normalize.widen_punctuation(t) == normalize._widen_stepwise(t)


@pytest.mark.parametrize("t, want", [
    ("中,文", [(1, 2, "，")]),
    ("中 , 文:a", [(2, 3, "，"), (5, 6, "：")]),
    ("1,000中", []),                                # between digits: stays
    ("a,中,(b),c", [(1, 2, "，"), (3, 4, "，"), (4, 5, "（"), (6, 7, "）"), (7, 8, "，")]),   # passes on
])
def test_widening_by_hand(t, want):
    assert normalize.widen_punctuation(t) == want
