"""Two naive line-joining cleaners, the floor the real cleaner must beat.

A  "join unless the line ends a sentence": lines are joined until one ends
   with 。！？!?… (possibly followed by closing quotes or brackets); one
   article per page, its first block taken as the title.
B  A plus "keep short unpunctuated lines and list items apart": a line
   shorter than SHORT characters with no final punctuation is a block of its
   own, and a line starting with a list marker (一、 1. （一） ● ...) starts a
   new block; a short unpunctuated line right after a sentence end (or at the
   top of the page) starts a new article, as its title.

Both write records {"title", "text", "source": {"file", "line_start",
"line_end"}}, the shape the cleaner writes, so one scorer serves all.

usage: python bench/baselines.py a|b PAGE.txt... -o OUT.jsonl
"""
import argparse
import json
import re
import unicodedata

# Swept 8..40 on the tune split: boundary F1 titled/bodies was .848/.862 at
# 16, .864/.863 at 20, .892/.860 at 24, .893/.855 at 28, .890/.842 at 32;
# 24 is best on the mean of the two sets.
SHORT = 24
SENTENCE_END = re.compile(r"[。！？!?…][”’\"'」』）)》】]*$")
LIST_ITEM = re.compile(r"^(?:[一二三四五六七八九十百]+[、.．]|[0-9０-９]+[、.．)）](?![0-9０-９])"
                       r"|[（(][一二三四五六七八九十0-9０-９]+[）)]|[●○■□◆◇▲△★☆·•※])")


def page_lines(text):
    """[(line number, stripped line)] for the non-blank lines of a page."""
    return [(n, line.strip()) for n, line in enumerate(text.splitlines(), 1) if line.strip()]


def is_short(line, short):
    """Shorter than `short` and not ending in punctuation (Unicode category P*)."""
    return len(line) < short and not unicodedata.category(line[-1]).startswith("P")


def blocks_a(lines, short=None):
    """[(kind, [(line number, line)])]: lines joined up to a sentence end.

    kind is 'title' for the first block, 'para' for the rest."""
    blocks, cur = [], []
    for n, line in lines:
        cur.append((n, line))
        if SENTENCE_END.search(line):
            blocks.append(cur); cur = []
    if cur:
        blocks.append(cur)
    return [("title" if k == 0 else "para", b) for k, b in enumerate(blocks)]


def blocks_b(lines, short=SHORT):
    """Like blocks_a, but short unpunctuated lines stand alone (as 'title'
    after a sentence end) and list items start a new block."""
    blocks, cur, after_end = [], [], True
    def close(kind="para"):
        nonlocal cur
        if cur:
            blocks.append((kind, cur)); cur = []
    for n, line in lines:
        if is_short(line, short):
            close()
            cur = [(n, line)]
            close("title" if after_end else "para")
            after_end = False
            continue
        if LIST_ITEM.match(line):
            close()
        cur.append((n, line))
        after_end = bool(SENTENCE_END.search(line))
        if after_end:
            close()
    close()
    if blocks and blocks[0][0] != "title":
        blocks[0] = ("title", blocks[0][1])
    return blocks


def records(path, text, which="a", short=SHORT):
    """Article records for one page."""
    blocks = (blocks_a if which == "a" else blocks_b)(page_lines(text), short)
    arts = []
    for kind, lines in blocks:
        body = "".join(line for _, line in lines)
        if kind == "title" or not arts:
            arts.append({"title": body if kind == "title" else "", "paras": [], "lines": []})
        else:
            arts[-1]["paras"].append(body)
        arts[-1]["lines"] += [n for n, _ in lines]
    return [{"title": a["title"], "text": "\n".join(a["paras"]),
             "source": {"file": path, "line_start": a["lines"][0], "line_end": a["lines"][-1]}}
            for a in arts]


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("which", choices=["a", "b"])
    ap.add_argument("pages", nargs="+")
    ap.add_argument("-o", "--out", required=True)
    ap.add_argument("--short", type=int, default=SHORT)
    args = ap.parse_args()
    with open(args.out, "w", encoding="utf-8") as out:
        for path in args.pages:
            with open(path, encoding="utf-8") as f:
                for r in records(path, f.read(), args.which, args.short):
                    out.write(json.dumps(r, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
