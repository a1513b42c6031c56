"""dist/report.html: self-contained, deterministic, and showing every headline
and every repaired break when a real browser renders it."""
import json
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq
import pytest

from cleaner.dataset import SCHEMA
from cleaner.manifest import RawFile
from cleaner.pipeline import FileMeta
from cleaner.report import histogram, rule_colour, write_report
from conftest import ROOT

SEED_NAME = "raw/000_0bb77fbabf8f1fbb.txt"
CHROMIUM_FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
                  "--disable-component-update", "--disable-sync", "--no-first-run"]


def build(raw: Path, out: Path, *extra: str) -> Path:
    subprocess.run([sys.executable, "-m", "cleaner", "build", "--raw", str(raw), "--out", str(out),
                    "--card", str(out.parent / "CARD.md"), "--workers", "1", *extra],
                   cwd=ROOT, check=True, capture_output=True)
    return out


@pytest.fixture(scope="module")
def seed_dist(tmp_path_factory):
    return build(ROOT / "raw", tmp_path_factory.mktemp("seed") / "dist")


def audit(dist: Path) -> list[dict]:
    return [json.loads(l) for l in (dist / "audit.jsonl").read_text(encoding="utf-8").splitlines()]


def embedded(html: str, element_id: str) -> str:
    m = re.search(rf'<script type="application/json" id="{element_id}">(.*?)</script>', html, re.S)
    return m.group(1)


# --- the file itself --------------------------------------------------------------

def test_report_is_self_contained(seed_dist):
    html = (seed_dist / "report.html").read_text(encoding="utf-8")
    assert html.startswith("<!DOCTYPE html>")
    for fetch in ("<link", "src=", "@import", "url(", "fetch(", "XMLHttpRequest", "<iframe"):
        assert fetch not in html, fetch
    # The only URL is the SVG namespace, which is a name, not a request.
    assert set(re.findall(r"https?://[^\s\"'<>]+", html)) == {"http://www.w3.org/2000/svg"}


def test_report_is_deterministic(seed_dist, tmp_path):
    """The same build gives the same bytes (CI compares dist/ byte for byte)."""
    copy = tmp_path / "dist"
    shutil.copytree(seed_dist, copy)
    (copy / "report.html").unlink()
    write_report(copy, [RawFile(str(ROOT / SEED_NAME), FileMeta(SEED_NAME, 2021))])
    assert (copy / "report.html").read_bytes() == (seed_dist / "report.html").read_bytes()


def test_index_lists_every_article_with_its_headline(seed_dist, gold):
    index = json.loads(embedded((seed_dist / "report.html").read_text(encoding="utf-8"), "report-index"))
    rows = sorted(index["articles"], key=lambda r: r[4])
    assert [r[1] for r in rows] == [g["title"] for g in gold]
    assert [(r[3], r[4], r[5]) for r in rows] == [(g["source"]["file"], g["source"]["line_start"],
                                                  g["source"]["line_end"]) for g in gold]
    assert {r["name"] for r in index["rules"]} >= {"join_lines", "widen_punctuation"}


def test_article_details_carry_raw_lines_and_edits(seed_dist):
    html = (seed_dist / "report.html").read_text(encoding="utf-8")
    details = [json.loads(l) for l in embedded(html, "report-articles").split("\n") if l]
    assert len(details) == 6
    first = details[0]
    # Lines 3..23 of the raw file, as printed.
    assert first["lines"][0] == "内蒙古:力争“十四五”末每个城乡社区均有社工提供专业服务"
    assert first["lines"][2] == "新报讯(北方新报正"
    assert len(first["lines"]) == 23 - 3 + 1
    assert first["record"]["byline"] == "新报讯（北方新报正北方网首席记者 刘晓君）"
    assert first["record"]["authors"] == [{"name": "刘晓君", "role": "首席记者"}]


def test_summary_numbers(seed_dist, gold):
    html = (seed_dist / "report.html").read_text(encoding="utf-8")

    def stat(name):
        m = re.search(rf'data-stat="{name}"><b>([\d,]+)</b>', html)
        return int(m.group(1).replace(",", ""))

    assert stat("articles") == 6
    assert stat("characters") == sum(len(g["text"]) for g in gold)
    assert stat("train") + stat("test") == 6
    assert stat("duplicates dropped") == 0 and stat("files skipped") == 0
    joins = sum(e["rule"] == "join_lines" for a in audit(seed_dist) for e in a.get("edits", []))
    assert stat("repaired breaks") == joins
    assert html.count("<svg") == 2


def test_markup_in_raw_text_stays_text(tmp_path):
    """Raw text that looks like HTML cannot end the data early or run as script."""
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_text("标题</script><script>alert(1)</script>\n\n"
                               "新报讯(记者 张三)正文<!-- 注释 -->写到这里。\n", encoding="utf-8")
    html = (build(raw, tmp_path / "dist", "--year", "2021") / "report.html").read_text(encoding="utf-8")
    assert html.count("</script>") == 3     # the index, the article data, the code
    assert "alert(1)" in html and "<!-- 注释" not in html.split("<body>")[1]


def test_duplicates_are_listed_and_browsable(tmp_path, seed_bytes):
    raw = tmp_path / "raw"
    raw.mkdir()
    (raw / "a.txt").write_bytes(seed_bytes)
    (raw / "b.txt").write_bytes(seed_bytes)     # the same page again: six exact duplicates
    html = (build(raw, tmp_path / "dist", "--year", "2021") / "report.html").read_text(encoding="utf-8")
    assert re.search(r'data-stat="duplicates dropped"><b>6</b>', html)
    index = json.loads(embedded(html, "report-index"))
    assert [r[2] for r in index["articles"]].count("dropped") == 6


def test_histogram_bins_by_hand():
    assert histogram([]) == []
    assert histogram([0, 99, 100, 250], bins=3) == [(0, 100, 2), (100, 200, 1), (200, 300, 1)]


def test_rule_colours_are_stable_and_distinct_for_known_rules():
    known = ["join_lines", "widen_punctuation", "mark_ranges", "collapse_spaces", "strip_margins"]
    assert len({rule_colour(r) for r in known}) == len(known)
    assert rule_colour("a_rule_added_later") == rule_colour("a_rule_added_later")


# --- in a real browser ------------------------------------------------------------

def chromium_path() -> str | None:
    for candidate in (os.environ.get("CHROMIUM"), shutil.which("chromium"), shutil.which("chromium-browser"),
                      "/usr/bin/chromium"):
        if candidate and Path(candidate).is_file():
            return candidate
    return None


@pytest.fixture(scope="module")
def browser():
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        pytest.skip("playwright is not installed: pip install -e '.[test]'")
    path = chromium_path()
    if path is None:
        pytest.skip("no Chromium found: install Debian's chromium (apt-get install chromium; .ci/run "
                    "does) or set CHROMIUM to its path")
    with sync_playwright() as p:
        b = p.chromium.launch(executable_path=path, args=CHROMIUM_FLAGS)
        yield b
        b.close()


def open_report(browser, dist: Path):
    page = browser.new_page(viewport={"width": 1400, "height": 1000})
    errors = []
    page.on("pageerror", lambda e: errors.append(str(e)))
    page.on("request", lambda r: errors.append(f"request: {r.url}") if not r.url.startswith("file:") else None)
    page.goto((dist / "report.html").as_uri())
    page.wait_for_selector("body[data-ready='1']", timeout=30_000)
    return page, errors


def test_browser_shows_headlines_and_every_repaired_break(browser, seed_dist, gold, tmp_path):
    page, errors = open_report(browser, seed_dist)
    for g in gold:
        headline = page.locator("h3.headline", has_text=g["title"])
        assert headline.count() == 1 and headline.is_visible(), g["title"]
    articles = [a for a in audit(seed_dist) if a["kind"] == "article"]
    n_joins = 0
    for a in articles:
        art = page.locator(f"article[data-id='{a['id']}']")
        joins = [e for e in a["edits"] if e["rule"] == "join_lines"]
        n_joins += len(joins)
        for e in joins:   # a mark at the end of the raw line the break was after
            mark = art.locator(f".pane.raw li[data-line='{e['line']}'] .mark.join")
            assert mark.count() == 1 and mark.is_visible(), (a["id"], e)
            assert "join_lines" in mark.get_attribute("title")
        assert art.locator(".pane.clean .mark.join").count() == len(joins), a["id"]
    assert n_joins == 14     # counted by hand on the seed page
    marks = page.locator(".mark.join")
    assert marks.count() == 2 * n_joins
    assert all(marks.nth(i).is_visible() for i in range(marks.count()))
    # Nothing on this side had to be guessed.
    assert page.locator(".warn").count() == 0
    shot = tmp_path / "report.png"
    page.screenshot(path=str(shot), full_page=True)
    assert shot.stat().st_size > 10_000
    print(f"screenshot: {shot}")
    assert errors == []


def test_browser_marks_metadata_and_punctuation(browser, seed_dist):
    page, errors = open_report(browser, seed_dist)
    first = page.locator("article.art").first
    # The author, in the byline on both sides.
    assert first.locator(".pane.clean .f-byline .m-author").inner_text() == "刘晓君"
    assert first.locator(".pane.raw .m-author").inner_text() == "刘晓君"
    assert first.locator(".pane.clean dd.md-outlet").inner_text() == "北方新报正北方网"
    # 内蒙古:力争 -> 内蒙古：力争, marked in the raw headline and in the cleaned title.
    raw_colon = first.locator(".pane.raw li[data-line='3'] .mark.edit").first
    assert raw_colon.inner_text() == ":" and "widen_punctuation" in raw_colon.get_attribute("title")
    assert first.locator(".pane.clean .f-title .mark.edit").first.inner_text() == "："
    # The byline's lines are tagged as byline, the lead's as paragraph.
    assert first.locator(".pane.raw li[data-line='5'] .tag").inner_text() == "B"
    assert errors == []


def test_browser_filters_by_kind_of_edit(browser, seed_dist):
    page, _ = open_report(browser, seed_dist)
    page.select_option("#filter", label="mark_ranges (2)")    # the two articles with a "~" range
    page.wait_for_function("document.querySelectorAll('article.art').length === 2")
    titles = page.locator("h3.headline").all_inner_texts()
    assert titles == ["内蒙古：力争“十四五”末每个城乡社区均有社工提供专业服务", "省时又省心！和林县跨所通办户籍业务开通"]
    page.select_option("#filter", value="")
    page.fill("#search", "姚基金")
    page.wait_for_function("document.querySelectorAll('article.art').length === 1")


def synthetic_build(dist: Path, raw: Path, n: int) -> list[RawFile]:
    """A build folder with ``n`` one-line articles, written directly (no cleaning)."""
    (dist / "data").mkdir(parents=True)
    raw.write_text("\n".join(f"第{i}条,消息" for i in range(n)) + "\n", encoding="utf-8")
    name = "raw/many.txt"
    rows, entries = [], []
    for i in range(n):
        rid = f"{i:016x}"
        src = {"file": name, "line_start": i + 1, "line_end": i + 1}
        rows.append({"id": rid, "title": None, "text": f"第{i}条，消息", "byline": None, "outlet": None,
                     "authors": [], "date": None, "place": None, "credits": [], "source": src, "group": rid})
        col = len(str(i)) + 3
        entries.append({"kind": "article", "id": rid, "split": "train", "source": src,
                        "edits": [{"rule": "widen_punctuation", "line": i + 1, "col": col,
                                   "before": ",", "after": "，"}]})
    pq.write_table(pa.Table.from_pylist(rows, schema=SCHEMA), dist / "data" / "train-00000-of-00001.parquet")
    pq.write_table(SCHEMA.empty_table(), dist / "data" / "test-00000-of-00001.parquet")
    (dist / "audit.jsonl").write_text("".join(json.dumps(e, ensure_ascii=False) + "\n" for e in entries),
                                      encoding="utf-8")
    return [RawFile(str(raw), FileMeta(name))]


def test_browser_pages_through_thirty_thousand_articles(browser, tmp_path):
    n = 30_000
    dist = tmp_path / "dist"
    write_report(dist, synthetic_build(dist, tmp_path / "many.txt", n))
    page, errors = open_report(browser, dist)
    assert page.locator("article.art").count() == 20         # one page in the DOM, not 30,000
    assert page.evaluate("document.getElementsByTagName('*').length") < 5_000
    assert page.inner_text("#count") == f"articles 1–20 of {n}"
    page.fill("#pager-top input", str(n // 20))
    page.dispatch_event("#pager-top input", "change")
    page.wait_for_selector(f"body[data-page='{n // 20}']")
    last = page.locator("article.art").last
    assert last.locator(".pane.clean .f-text").inner_text().endswith(f"第{n - 1}条，消息")
    assert last.locator(".pane.raw .mark.edit").inner_text() == ","
    assert errors == []
