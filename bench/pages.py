"""Build hard-wrapped test pages, with their gold, from the zhnews dev corpus.

The cleaner's hardest job is telling a real paragraph break from a layout
break when both look the same (a line break and a blank line). The dev corpus
(`/work/shared/corpora/zhnews-dev.jsonl`) holds real articles with their
true paragraph breaks, so wrapping them the way the seed page is wrapped
gives pages whose right answer is known.

Page sets (each for split `tune` and `holdout`):
  titled  CEC and SogouCS-smarty articles, 2-6 per page, headline line first.
  bodies  SogouC articles (no headline), one per page; gold title is "".

Split: an article is `holdout` when sha1 of its id puts it in 30%, else
`tune`. Tuning code should only ever look at `tune`.

Skipped: articles flagged `single_paragraph` (their breaks may have been
merged upstream) or `inner_double_u3000` (a paragraph that probably holds
two), since their gold breaks are unreliable; and empty paragraphs.
Source debris cleaned before wrapping: SogouC's leading `&nbsp` runs
(removed, or a space if one ever fell inside a line) and leading/trailing
whitespace of titles and paragraphs. Text is otherwise kept exactly as
given, so each gold paragraph is exactly what went into the page up to
whitespace and the ASCII punctuation swap, both of which the scorer ignores.

Wrapping varies per page so that no cleaner overfits one generator:
- line separator: one blank line after every line (like the seed), or on
  ~10% of pages a single line break;
- layout breaks inside paragraphs (never inside titles): random positions
  at a mean interval of 60-200 characters, or width-like wrapping (30-160
  characters a line, with jitter), or on ~10% of pages none;
  a layout break never falls right before closing punctuation nor right
  after an opening bracket or quote, judged on the nearest visible
  characters (the break is pushed forward instead);
- between articles: per page never, half the time or always 3 blank lines
  (1-2 on single-break pages), else the normal gap;
- on ~half the pages `，；：！？（）` become `,;:!?()` as on the seed page;
- ~15% of pages indent every line with `　　`, ~15% add trailing spaces.

Nothing generated here may be committed (the corpus is research-only):
`python bench/pages.py` writes to build/bench/<set>-<split>/ (git-ignored).
"""
import argparse
import functools
import hashlib
import json
import os
import random
import re

CORPUS = os.environ.get("ZHNEWS_DEV", "/work/shared/corpora/zhnews-dev.jsonl")
SEED = 20240601
HOLDOUT_PERCENT = 30
SETS = {"titled": ("CEC", "SogouCS-smarty"), "bodies": ("SogouC",)}
SPLITS = ("tune", "holdout")
SKIP_FLAGS = {"single_paragraph", "inner_double_u3000"}
BUILD = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "build", "bench")

# Kinsoku: a line may not start with closing punctuation (nor split a
# dash or an ellipsis), and may not end with an opening bracket or quote.
NO_BREAK_BEFORE = set("，。、；：！？）》”’」』】〕〉…—．,;:!?)]")
NO_BREAK_AFTER = set("（《“‘「『【〔〈([")
TO_ASCII = str.maketrans("，；：！？（）", ",;:!?()")
NBSP = re.compile(r"(?:&nbsp;?)+")


def split_of(article_id):
    """Stable held-out split: 'holdout' for 30% of ids, else 'tune'."""
    h = int(hashlib.sha1(article_id.encode("utf-8")).hexdigest()[:8], 16)
    return "holdout" if h % 100 < HOLDOUT_PERCENT else "tune"


def clean_text(s):
    """Drop `&nbsp` runs (a space inside a line) and outer whitespace."""
    s = NBSP.sub(lambda m: "" if m.start() == 0 or m.end() == len(s) else " ", s or "")
    return s.strip()


@functools.lru_cache(maxsize=None)
def load_articles(path=CORPUS):
    """All usable articles as dicts: id, corpus, split, title, paragraphs."""
    articles = []
    with open(path, encoding="utf-8") as f:
        for line in f:
            a = json.loads(line)
            if SKIP_FLAGS & set(a.get("flags") or []):
                continue
            paras = [p for p in map(clean_text, a["paragraphs"]) if p]
            if paras:
                articles.append(dict(id=a["id"], corpus=a["corpus"], split=split_of(a["id"]),
                                     title=clean_text(a.get("title")), paragraphs=tuple(paras)))
    return tuple(articles)


def break_ok(text, i):
    """May a line start at text[i]? Judged on the visible neighbours, as lines get stripped."""
    j, k = i, i - 1
    while j < len(text) and text[j].isspace():
        j += 1
    while k >= 0 and text[k].isspace():
        k -= 1
    return j < len(text) and k >= 0 and text[j] not in NO_BREAK_BEFORE and text[k] not in NO_BREAK_AFTER


def layout_breaks(text, style, rng):
    """Positions where a layout break splits `text` (each starts a new line)."""
    kind, size, jitter = style
    cuts, pos = [], 0
    while kind != "none":
        if kind == "random":
            pos += max(2, int(rng.expovariate(1 / size)))
        else:
            pos += size + rng.randint(-jitter, jitter)
        while pos < len(text) and not break_ok(text, pos):
            pos += 1  # push closing punctuation back onto the line
        if pos >= len(text):
            break
        cuts.append(pos)
    # never leave a whitespace-only line
    bounds = [0] + cuts + [len(text)]
    return [c for k, c in enumerate(cuts, 1)
            if text[bounds[k - 1]:c].strip() and text[c:bounds[k + 1]].strip()]


def wrap_page(articles, rng):
    """Page text for articles [(title, paragraphs)]; title '' means none."""
    sep = "\n" if rng.random() < 0.1 else "\n\n"
    kind = rng.choices(["random", "width", "none"], [0.5, 0.4, 0.1])[0]
    style = (kind, rng.randint(60, 200) if kind == "random" else rng.randint(30, 160), rng.randint(0, 4))
    wide_gap = rng.choice([0.0, 0.5, 1.0])  # share of article gaps with extra blank lines
    ascii_punct = rng.random() < 0.5
    indent = "\u3000\u3000" if rng.random() < 0.15 else ""
    trailing = rng.random() < 0.15
    out = []
    for k, (title, paras) in enumerate(articles):
        if k and rng.random() < wide_gap:
            out.append("\n" * (2 if sep == "\n\n" else rng.randint(1, 2)))
        lines = [title] if title else []
        for p in paras:
            cuts = [0] + layout_breaks(p, style, rng) + [len(p)]
            lines += [p[a:b] for a, b in zip(cuts, cuts[1:])]
        for line in lines:
            if ascii_punct:
                line = line.translate(TO_ASCII)
            if trailing and rng.random() < 0.5:
                line += " " * rng.randint(1, 3)
            out.append(indent + line + sep)
    return "".join(out)


def build_pages(set_name, split):
    """[(page name, page text, gold articles)] for one set and split.

    Gold articles are {"title": str, "paragraphs": [str]} (title "" for bodies).
    Deterministic: the same corpus always gives the same pages.
    """
    arts = [a for a in load_articles() if a["corpus"] in SETS[set_name] and a["split"] == split]
    rng = random.Random(f"{SEED}:{set_name}:{split}")
    if set_name == "titled":
        rng.shuffle(arts)
        groups = []
        while arts:
            n = rng.randint(2, 6)
            groups.append(arts[:n]); arts = arts[n:]
    else:
        groups = [[a] for a in arts]
    pages = []
    for n, group in enumerate(groups):
        gold = [{"title": a["title"] if set_name == "titled" else "", "paragraphs": list(a["paragraphs"])}
                for a in group]
        text = wrap_page([(g["title"], g["paragraphs"]) for g in gold], random.Random(f"{SEED}:{set_name}:{split}:{n}"))
        pages.append((f"page-{n:04d}.txt", text, gold))
    return pages


def write_pages(set_name, split, root=BUILD):
    """Write pages and gold.jsonl to root/<set>-<split>/; returns that folder."""
    folder = os.path.join(root, f"{set_name}-{split}")
    os.makedirs(folder, exist_ok=True)
    for old in os.listdir(folder):
        if old.startswith("page-") and old.endswith(".txt"):
            os.remove(os.path.join(folder, old))
    pages = build_pages(set_name, split)
    with open(os.path.join(folder, "gold.jsonl"), "w", encoding="utf-8") as gold:
        for name, text, articles in pages:
            with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
                f.write(text)
            gold.write(json.dumps({"page": name, "articles": articles}, ensure_ascii=False) + "\n")
    return folder


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--out", default=BUILD)
    ap.add_argument("--sets", default=",".join(SETS))
    ap.add_argument("--splits", default=",".join(SPLITS))
    args = ap.parse_args()
    for s in args.sets.split(","):
        for sp in args.splits.split(","):
            folder = write_pages(s, sp, args.out)
            gold = [json.loads(l) for l in open(os.path.join(folder, "gold.jsonl"), encoding="utf-8")]
            print(f"{folder}: {len(gold)} pages, {sum(len(g['articles']) for g in gold)} articles")


if __name__ == "__main__":
    main()
