"""Train the join-or-break model on the `tune` split and write its weights.

Builds the benchmark's wrapped pages (pages.py) for the `tune` split of
both sets, labels every break between two content lines from the gold
paragraphs (a break is real when the canonical character stream has a gold
boundary there), computes the cleaner's own features for it (cleaner.breaks,
with the block state following the gold decisions), and fits an
L2-regularised logistic regression by Newton's method. The weights are
abstract (one number per named feature, e.g. "line ends in a Han character
on a width-wrapped page"); no text of the research-only corpus goes into
them.

The `holdout` split is never read here unless --report asks for it, and
then only to print how the fitted model does on it, after writing.

usage: python bench/train_breaks.py [--l2 1.0] [--out cleaner/data/breaks.json]
           [--report] [--dry-run]
"""
import argparse
import json
import os
import sys
import unicodedata
from collections import Counter

import numpy as np

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.path.insert(0, ROOT)
import pages  # noqa: E402
from cleaner import breaks  # noqa: E402
from cleaner.pipeline import FileMeta, content_lines, prepare_lines  # noqa: E402

QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"', "『": '"', "』": '"'})
OUT = os.path.join(ROOT, "cleaner", "data", "breaks.json")


def canon(s):
    s = unicodedata.normalize("NFKC", s or "").translate(QUOTES)
    return "".join(ch for ch in s if not ch.isspace())


def gold_bounds(articles):
    """Canonical positions of gold boundaries, and of the titles' starts."""
    bounds, titles, n = set(), set(), 0
    for a in articles:
        for kind, text in [("title", a["title"])] + [("para", p) for p in a["paragraphs"]]:
            c = canon(text)
            if not c:
                continue
            if n:
                bounds.add(n)
            if kind == "title":
                titles.add(n)
            n += len(c)
    return bounds, titles


class LabelledPage:
    """One wrapped page: its content lines, gaps, and the gold for each."""

    def __init__(self, name, text, articles):
        self.name = name
        page, lines, _ = prepare_lines(text, FileMeta(name))
        self.content, self.blanks = content_lines(lines)
        self.texts = [lines[i].text.strip(breaks._STRIP) or lines[i].text for i in self.content]
        raw = [page.lines[i] for i in self.content]
        bounds, titles = gold_bounds(articles)
        ends, starts, n = [], [], 0
        for line in raw:
            starts.append(n)
            n += len(canon(line))
            ends.append(n)
        #: join[k]: gold says break k (after line k) is layout
        self.join = [ends[k] not in bounds for k in range(len(raw) - 1)]
        #: title[k]: line k opens a gold title
        self.title = [s in titles for s in starts]
        #: article[k]: the line after break k opens a new article
        self.article = [starts[k + 1] in titles for k in range(len(raw) - 1)]


def labelled(set_name, split):
    return [LabelledPage(n, t, a) for n, t, a in pages.build_pages(set_name, split)]


def gap_rows(page):
    """(features, gold join) for each weighed break, state from the gold."""
    rows = []
    for k, f, join in breaks.walk(page.texts, page.blanks, lambda k, f: page.join[k]):
        if f is not None:
            rows.append((f, join))
    return rows


def fit(rows, l2, names=None):
    """L2-regularised logistic regression by Newton's method: (bias, weights)."""
    names = names or sorted({n for f, _ in rows for n in f})
    index = {n: i for i, n in enumerate(names)}
    X = np.zeros((len(rows), len(names) + 1))
    X[:, -1] = 1.0
    y = np.zeros(len(rows))
    for r, (f, join) in enumerate(rows):
        for n, v in f.items():
            X[r, index[n]] = v
        y[r] = join
    w = np.zeros(X.shape[1])
    reg = np.full(X.shape[1], l2)
    reg[-1] = 1e-6
    for _ in range(50):
        z = np.clip(X @ w, -30, 30)
        p = 1 / (1 + np.exp(-z))
        g = X.T @ (p - y) + reg * w
        H = (X * (p * (1 - p))[:, None]).T @ X + np.diag(reg)
        step = np.linalg.solve(H, g)
        w -= step
        if np.abs(step).max() < 1e-8:
            break
    return float(w[-1]), {n: round(float(w[index[n]]), 4) for n in names}


def evaluate(pages_, label=""):
    """Greedy decoding with the current model: break precision/recall/F1."""
    tp = fp = fn = 0
    rule_wrong = 0
    errors = Counter()
    for page in pages_:
        for d_k, (k, f, join) in enumerate(breaks.walk(page.texts, page.blanks,
                                                        lambda k, f: f is None or breaks.score(f)[0] >= 0.5)):
            gold_break = not page.join[k]
            if f is None and gold_break:
                rule_wrong += 1
            if not join and gold_break:
                tp += 1
            elif not join:
                fp += 1
                errors["invented: " + max(f, key=lambda n: abs(breaks.model()["weights"].get(n, 0)))] += 1
            elif gold_break:
                fn += 1
    p = tp / max(1, tp + fp)
    r = tp / max(1, tp + fn)
    f1 = 2 * p * r / max(1e-9, p + r)
    print(f"{label:<16} breaks: P {p:.4f} R {r:.4f} F1 {f1:.4f}  (tp {tp} fp {fp} fn {fn}; "
          f"gold breaks the typesetting rules join: {rule_wrong})")
    return f1


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--out", default=OUT)
    ap.add_argument("--report", action="store_true", help="also print the held-out score after writing")
    ap.add_argument("--dry-run", action="store_true", help="fit and print, write nothing")
    args = ap.parse_args()
    tune = {s: labelled(s, "tune") for s in pages.SETS}
    rows = [r for s in tune for p in tune[s] for r in gap_rows(p)]
    bias, weights = fit(rows, args.l2)
    model = {"about": "Logistic model for break repair: p(join) = sigmoid(bias + sum(weight * feature)). "
                      f"Fitted by bench/train_breaks.py on the tune split (L2 {args.l2}, {len(rows)} breaks).",
             "bias": round(bias, 4), "weights": dict(sorted(weights.items(), key=lambda kv: -abs(kv[1])))}
    for n, w in model["weights"].items():
        print(f"  {n:<24}{w:+.3f}")
    print(f"  {'bias':<24}{bias:+.3f}")
    if not args.dry_run:
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump(model, f, ensure_ascii=False, indent=2)
            f.write("\n")
    breaks.model.cache_clear()
    if args.dry_run:
        breaks.model = lambda: model  # score with the fitted weights, written nowhere
    for s in tune:
        evaluate(tune[s], f"{s}-tune")
    if args.report:
        for s in pages.SETS:
            evaluate(labelled(s, "holdout"), f"{s}-holdout")


if __name__ == "__main__":
    main()
