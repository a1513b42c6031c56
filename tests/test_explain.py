"""``cleaner explain FILE[:LINE]``: every break decision, with its evidence."""
import re
import subprocess
import sys

import pytest

from cleaner.breaks import Decision
from cleaner.explain import describe, fields_of, parse_target
from cleaner.pipeline import FileMeta, Settings, clean_text
from conftest import ROOT, SEED

HEADER = re.compile(r"^(>>|  ) lines (\d+) → (\d+): (JOIN |BREAK)", re.M)


def explain(*args, cwd=ROOT):
    return subprocess.run([sys.executable, "-m", "cleaner", "explain", *args], cwd=cwd,
                          capture_output=True, text=True, encoding="utf-8")


def block(out: str, first: int, second: int) -> str:
    """The printed block of the decision between two lines."""
    m = re.search(rf"^(?:>>|  ) lines {first} → {second}:.*?(?=\n\n|\Z)", out, re.M | re.S)
    assert m, f"no decision {first} → {second} in:\n{out}"
    return m.group(0)


def test_names_the_join_of_the_split_byline_and_why():
    r = explain("raw/000_0bb77fbabf8f1fbb.txt:5")
    assert r.returncode == 0, r.stderr
    b = block(r.stdout, 5, 7)
    head = b.splitlines()[0]
    assert head.startswith(">>") and "JOIN" in head
    assert '"新报讯(北方新报正" ⏎ "北方网首席记者 刘晓君) ' in head
    assert "bracket" in b.lower()                   # the open 新报讯( is why the lines join
    assert re.search(r"line 5 → byline; line 7 → byline \+ text", b)
    # The headline above stays apart, and so does the lead's end below.
    assert "BREAK" in block(r.stdout, 3, 5).splitlines()[0]


def test_context_limits_the_decisions_shown():
    r = explain("raw/000_0bb77fbabf8f1fbb.txt:5", "--context", "0")
    pairs = [(int(a), int(b)) for _, a, b, _ in HEADER.findall(r.stdout)]
    assert pairs == [(3, 5), (5, 7)]                # both breaks touch line 5
    r = explain("raw/000_0bb77fbabf8f1fbb.txt:6", "--context", "1")   # a blank line inside 5 → 7
    pairs = [(int(a), int(b)) for _, a, b, _ in HEADER.findall(r.stdout)]
    assert pairs == [(3, 5), (5, 7), (7, 9)]


def test_whole_file_shows_every_break():
    r = explain("raw/000_0bb77fbabf8f1fbb.txt")
    assert r.returncode == 0, r.stderr
    content = [i + 1 for i, l in enumerate(SEED.read_text(encoding="utf-8").split("\n")) if l.strip()]
    pairs = [(int(a), int(b)) for _, a, b, _ in HEADER.findall(r.stdout)]
    assert pairs == list(zip(content, content[1:]))
    assert not any(m == ">>" for m, *_ in HEADER.findall(r.stdout))
    # Articles begin where the page's headlines are: the breaks before them are kept.
    for headline_line in (25, 33, 51, 71, 81):
        prev = content[content.index(headline_line) - 1]
        assert "BREAK" in block(r.stdout, prev, headline_line).splitlines()[0]


def test_a_small_file_by_hand(tmp_path):
    f = tmp_path / "p.txt"
    f.write_text("第一段写完了。\n\n第二段写到一半，\n\n接着写完。\n", encoding="utf-8")
    r = explain(f"{f}:3", "--year", "2021")
    assert r.returncode == 0, r.stderr
    assert "BREAK" in block(r.stdout, 1, 3).splitlines()[0]
    assert "JOIN" in block(r.stdout, 3, 5).splitlines()[0]
    assert "why: joined" in block(r.stdout, 3, 5)


def test_bad_targets_are_bad_input():
    r = explain("raw/000_0bb77fbabf8f1fbb.txt:500")
    assert r.returncode == 3 and "line 500" in r.stderr
    r = explain("raw/no_such_file.txt:5")
    assert r.returncode == 3 and "no_such_file.txt" in r.stderr
    r = explain("raw/000_0bb77fbabf8f1fbb.txt:5", "--script", "klingon")
    assert r.returncode == 2 and "--script" in r.stderr


def test_single_line_file_has_nothing_to_decide(tmp_path):
    f = tmp_path / "one.txt"
    f.write_text("只有一行。\n", encoding="utf-8")
    r = explain(str(f))
    assert r.returncode == 0 and "no breaks to decide" in r.stdout


@pytest.mark.parametrize("target, expected", [
    ("raw/a.txt:5", ("raw/a.txt", 5)),
    ("raw/a.txt", ("raw/a.txt", None)),
    ("C:/pages/a.txt", ("C:/pages/a.txt", None)),
    ("C:/pages/a.txt:12", ("C:/pages/a.txt", 12)),
    ("odd:name.txt", ("odd:name.txt", None)),
    ("a.txt:", ("a.txt:", None)),
])
def test_parse_target(target, expected):
    assert parse_target(target) == expected


RECORD = {"title": "某地举行活动", "byline": "本报讯（记者 李四）", "text": "当天，活动举行。\n第二段。",
          "credits": ["摄影/王五"]}


@pytest.mark.parametrize("line, expected", [
    ("某地举行活动", ["title"]),
    ("本报讯(记者", ["byline"]),                       # ASCII bracket in the raw line
    ("李四) 当天,活动", ["byline", "text"]),
    ("第二段。", ["text"]),
    ("摄影/王五", ["credit"]),
    ("别处的文字", []),                                  # in no field: nothing claimed
    ("   ", []),
])
def test_fields_of(line, expected):
    assert fields_of(line, RECORD) == expected


def test_unknown_features_are_printed_by_name():
    result = clean_text("第一行，\n\n第二行。\n", FileMeta("x.txt"), Settings())
    d = Decision(0, 2, True, 0.9, (("a_feature_added_later", 1.25), ("open_bracket", 0.5)))
    lines = describe(d, result, focus=False)
    assert "      +1.25  a_feature_added_later" in lines
    assert any(l.startswith("      +0.50  open_bracket: a bracket") for l in lines)


def test_a_page_header_is_named_as_such(tmp_path):
    f = tmp_path / "p.txt"
    f.write_text("江城晚报 2024年11月8日 星期五 第5版\n\n老街坊合力救下落水少年\n\n"
                 "本报讯（记者 赵海燕）11月6日傍晚，家住河西区的少年小吉落水，三位居民将其救上岸。\n",
                 encoding="utf-8")
    r = explain(f"{f}:1", "--context", "0")
    assert r.returncode == 0, r.stderr
    assert r.stdout.startswith(f"{f}: 3 content lines, 2 breaks between them: 0 joined, 2 kept; 1 article\n")
    outcome = block(r.stdout, 1, 3).splitlines()[-1].strip()
    assert outcome == ("→ line 1 is a page header or footer (folio), removed; line 3 → title; "
                       "article 1 («老街坊合力救下落水少年») begins")
