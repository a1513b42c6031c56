"""The seed page re-encoded and re-styled still cleans to exactly its gold.

Each variant is made from the raw seed the way other dumps of the same page
would look: another encoding, other line ends, a BOM, traditional script,
punctuation already full-width, ideographic indents and trailing spaces,
single instead of double line breaks, and all of these at once. Every gold
field but ``source`` (whose line numbers change with the line breaks) must
come out the same.
"""
import re

import pytest

from cleaner.normalize import _opencc
from cleaner.pipeline import FileMeta, clean_bytes
from conftest import GOLD_FIELDS, SEED, project

FIELDS = [f for f in GOLD_FIELDS if f != "source"]
RAW = SEED.read_text(encoding="utf-8")
ASCII_TO_FULL = str.maketrans({",": "，", ";": "；", ":": "：", "!": "！", "?": "？", "(": "（", ")": "）"})


def indented(text: str) -> str:
    """Two ideographic spaces before, and spaces after, every content line."""
    return "\n".join(f"\u3000\u3000{l}  \t" if l.strip() else l for l in text.split("\n"))


def single_breaks(text: str) -> str:
    return re.sub(r"\n\n", "\n", text)


VARIANTS = {
    "gb18030": lambda: RAW.encode("gb18030"),
    "gbk": lambda: RAW.encode("gbk"),
    "crlf and bom": lambda: b"\xef\xbb\xbf" + RAW.replace("\n", "\r\n").encode(),
    "cr only": lambda: RAW.replace("\n", "\r").encode(),
    "utf-16": lambda: RAW.encode("utf-16"),
    "utf-16le without bom": lambda: RAW.encode("utf-16-le"),
    "traditional": lambda: _opencc("s2t").convert(RAW).encode(),
    "taiwan in big5": lambda: _opencc("s2tw").convert(RAW).encode("big5"),
    "hong kong": lambda: _opencc("s2hk").convert(RAW).encode(),
    "full-width punctuation": lambda: RAW.translate(ASCII_TO_FULL).encode(),
    "indents and trailing spaces": lambda: indented(RAW).encode(),
    "single line breaks": lambda: single_breaks(RAW).encode(),
    "all at once": lambda: (b"\xef\xbb\xbf" + indented(single_breaks(
        _opencc("s2t").convert(RAW).translate(ASCII_TO_FULL))).replace("\n", "\r\n").encode("utf-8")),
    "all at once in gb18030": lambda: indented(single_breaks(
        _opencc("s2t").convert(RAW).translate(ASCII_TO_FULL))).replace("\n", "\r\n").encode("gb18030"),
}


@pytest.mark.parametrize("name", list(VARIANTS))
def test_variant_cleans_to_gold(name, gold):
    data = VARIANTS[name]()
    assert data != SEED.read_bytes()
    result = clean_bytes(data, FileMeta("raw/000_0bb77fbabf8f1fbb.txt", year=2021))
    assert project([a.record for a in result.articles], FIELDS) == project_gold(gold)


def project_gold(gold):
    return [{f: r[f] for f in FIELDS} for r in gold]


def test_line_spans_follow_the_line_breaks(gold):
    """Halving the blank lines moves every article's span accordingly."""
    result = clean_bytes(single_breaks(RAW).encode(), FileMeta("raw/x.txt", year=2021))
    starts = [a.record["source"]["line_start"] for a in result.articles]
    assert starts == [(g["source"]["line_start"] + 1) // 2 for g in gold]


def test_traditional_target_gives_the_gold_in_traditional_script(gold):
    """Metadata is read before the conversion, so bylines still split off."""
    from cleaner.normalize import to_script
    from cleaner.pipeline import Settings
    result = clean_bytes(SEED.read_bytes(), FileMeta("raw/x.txt", year=2021), Settings(script="traditional"))

    def trad(x):
        return to_script(x, "traditional") if isinstance(x, str) else x
    expected = [{"title": trad(g["title"]), "text": trad(g["text"]), "byline": trad(g["byline"]),
                 "outlet": trad(g["outlet"]), "date": g["date"],
                 "authors": [{"name": trad(a["name"]), "role": trad(a["role"])} for a in g["authors"]]}
                for g in gold]
    assert project([a.record for a in result.articles], FIELDS) == expected
