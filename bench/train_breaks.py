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

usage: python bench/train_breaks.py [--l2 1.0] [--pairs 80] [--out cleaner/data/breaks.json]
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
from cleaner import articles, breaks  # noqa: E402
from cleaner.pipeline import FileMeta, content_lines, prepare_lines  # noqa: E402

QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"', "『": '"', "』": '"'})
OUT = os.path.join(ROOT, "cleaner", "data", "breaks.json")
TITLES_OUT = os.path.join(ROOT, "cleaner", "data", "titles.json")


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


def crossed(f, names=None):
    """Features plus products of pairs of them (``a*b``, names in order);
    only the pairs in ``names`` when given."""
    g = dict(f)
    keys = sorted(f)
    for i, a in enumerate(keys):
        for b in keys[i + 1:]:
            n = a + "*" + b
            if names is None or n in names:
                g[n] = f[a] * f[b]
    return g


def select_pairs(rows, l2, top, min_support=20):
    """Fit with every pair seen at least ``min_support`` times, keep the
    ``top`` pairs of most weight times support."""
    support = Counter(n for f, _ in rows for n in crossed(f) if "*" in n)
    allowed = {n for n, c in support.items() if c >= min_support}
    _, w = fit([(crossed(f, allowed), y) for f, y in rows], l2)
    ranked = sorted(allowed, key=lambda n: -abs(w.get(n, 0.0)) * support[n] ** 0.5)
    return set(ranked[:top])


def evaluate(pages_, label="", threshold=None):
    """Greedy decoding with the current model: break precision/recall/F1."""
    threshold = breaks.model().get("threshold", 0.5) if threshold is None else threshold
    tp = fp = fn = 0
    rule_wrong = 0
    for page in pages_:
        for k, f, join in breaks.walk(page.texts, page.blanks, lambda k, f: breaks.p_join(f) >= threshold):
            gold_break = not page.join[k]
            if f is None and join == gold_break:    # a rule's break (join or keep) against the gold
                rule_wrong += 1
            if not join and gold_break:
                tp += 1
            elif not join:
                fp += 1
            elif gold_break:
                fn += 1
    p = tp / max(1, tp + fp)
    r = tp / max(1, tp + fn)
    f1 = 2 * p * r / max(1e-9, p + r)
    if label:
        print(f"{label:<16} breaks: P {p:.4f} R {r:.4f} F1 {f1:.4f}  (tp {tp} fp {fp} fn {fn}; "
              f"breaks the rules decide against the gold: {rule_wrong})")
    return f1


def page_blocks(page, joins):
    """The page's blocks when break k is joined iff joins[k]."""
    decisions = [breaks.Decision(page.content[k], page.content[k + 1], j, 1.0, ())
                 for k, j in enumerate(joins)]
    texts = dict(zip(page.content, page.texts))
    return articles.blocks_from(decisions, page.content, texts, page.blanks)


def title_rows(page, set_name):
    """(features, gold) for each title-shaped block of the gold blocks.

    The top of a `bodies` page is left out: those pages are articles whose
    headline the corpus dropped, so their first line stands where a
    headline would, which real pages do not do.
    """
    blocks = page_blocks(page, page.join)
    k_of = {line: k for k, line in enumerate(page.content)}
    rows = []

    def choose(i, f):
        gold = page.title[k_of[blocks[i].lines[0]]]
        if not (set_name == "bodies" and i == 0):
            rows.append((f, gold))
        return gold

    articles.assign_roles(blocks, choose)
    return rows


def predicted_titles(page):
    """Titles the cleaner's own breaks and title model give the page."""
    joins = [d.join for d in breaks.decide(page.texts, list(range(len(page.texts))), page.blanks)]
    blocks = page_blocks(page, joins)
    articles.assign_roles(blocks)
    return [g.title.text for g in articles.group(blocks) if g.title]


def evaluate_titles(pages_, label=""):
    """Title recall and precision (exact text, as the scorer compares);
    returns (right, gold, output)."""
    gold = out = ok = 0
    for page in pages_:
        want = Counter(canon(page.texts[k]) for k, t in enumerate(page.title) if t)
        got = Counter(canon(t) for t in predicted_titles(page))
        gold += sum(want.values())
        out += sum(got.values())
        ok += sum((want & got).values())
    r = ok / gold if gold else None
    p = ok / out if out else None
    fmt = lambda v: "n/a" if v is None else f"{v:.4f}"  # noqa: E731
    if label:
        print(f"{label:<16} titles: R {fmt(r)} P {fmt(p)}  (gold {gold}, output {out}, right {ok})")
    return ok, gold, out


def best_title_threshold(tune, title_model):
    """The p(title) threshold with the best title F1 on the titled tune pages,
    an invented title on a bodies page counting as a wrong one."""
    scores = {}
    for t in (0.04, 0.06, 0.08, 0.1, 0.12, 0.15, 0.2, 0.3, 0.5):
        title_model["threshold"] = t
        ok, gold, out = evaluate_titles(tune["titled"])
        _, _, invented = evaluate_titles(tune["bodies"])
        p = ok / max(1, out + invented * len(tune["titled"]) / max(1, len(tune["bodies"])))
        r = ok / max(1, gold)
        scores[t] = 2 * p * r / max(1e-9, p + r)
    print("  title thresholds: " + ", ".join(f"{t}: {v:.4f}" for t, v in scores.items()))
    return max(scores, key=scores.get)


def best_threshold(tune):
    """The p(join) threshold with the best mean F1 of the sets (tune split)."""
    scores = {t: sum(evaluate(ps, threshold=t) for ps in tune.values()) / len(tune)
              for t in (0.35, 0.4, 0.45, 0.5, 0.55, 0.6, 0.65)}
    print("  thresholds: " + ", ".join(f"{t}: {v:.4f}" for t, v in scores.items()))
    return max(scores, key=scores.get)


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--l2", type=float, default=1.0)
    ap.add_argument("--pairs", type=int, default=80, help="feature pairs kept in the model")
    ap.add_argument("--out", default=OUT)
    ap.add_argument("--report", action="store_true", help="also print the held-out score after writing")
    ap.add_argument("--dry-run", action="store_true", help="fit and print, write nothing")
    ap.add_argument("--titles-only", action="store_true", help="keep the break model, fit the title model")
    args = ap.parse_args()
    tune = {s: labelled(s, "tune") for s in pages.SETS}
    if not args.titles_only:
        train_breaks(tune, args)
    title_model = train_titles(tune, args.l2)
    articles.model = lambda: title_model
    title_model["threshold"] = best_title_threshold(tune, title_model)
    if not args.dry_run:
        with open(TITLES_OUT, "w", encoding="utf-8") as f:
            json.dump(title_model, f, ensure_ascii=False, indent=2)
            f.write("\n")
    for s in tune:
        evaluate(tune[s], f"{s}-tune")
        evaluate_titles(tune[s], f"{s}-tune")
    if args.report:
        for s in pages.SETS:
            held = labelled(s, "holdout")
            evaluate(held, f"{s}-holdout")
            evaluate_titles(held, f"{s}-holdout")


def train_breaks(tune, args):
    """Fit the break model (with its pairs and threshold) and write it."""
    rows = [r for s in tune for p in tune[s] for r in gap_rows(p)]
    pairs = select_pairs(rows, args.l2, args.pairs) if args.pairs else set()
    bias, weights = fit([(crossed(f, pairs), y) for f, y in rows], args.l2)
    single = {n: w for n, w in weights.items() if "*" not in n}
    pair = {n: w for n, w in weights.items() if "*" in n}
    model = {"about": "Logistic model for break repair: p(join) = sigmoid(bias + sum(weight * feature) "
                      "+ sum(pair weight * feature a * feature b)). Fitted by bench/train_breaks.py on the "
                      f"tune split (L2 {args.l2}, {len(rows)} breaks, {len(pair)} pairs).",
             "bias": round(bias, 4),
             "weights": dict(sorted(single.items(), key=lambda kv: -abs(kv[1]))),
             "pairs": dict(sorted(pair.items(), key=lambda kv: -abs(kv[1])))}
    for n, w in list(model["weights"].items()) + list(model["pairs"].items())[:20]:
        print(f"  {n:<40}{w:+.3f}")
    print(f"  {'bias':<24}{bias:+.3f}")
    if not args.dry_run:
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump(model, f, ensure_ascii=False, indent=2)
            f.write("\n")
    breaks.model.cache_clear()
    if args.dry_run:
        breaks.model = lambda: model  # score with the fitted weights, written nowhere
    breaks._pairs.cache_clear()
    breaks._weighed.cache_clear()
    model["threshold"] = best_threshold(tune)
    if not args.dry_run:
        with open(args.out, "w", encoding="utf-8") as f:
            json.dump(model, f, ensure_ascii=False, indent=2)
            f.write("\n")
        breaks.model.cache_clear()


def train_titles(tune, l2):
    """Fit the title model on the gold blocks of the tune pages."""
    rows = [r for s in tune for p in tune[s] for r in title_rows(p, s)]
    bias, weights = fit(rows, l2)
    print(f"  title model: {len(rows)} title-shaped blocks, {sum(y for _, y in rows)} titles")
    for n, w in sorted(weights.items(), key=lambda kv: -abs(kv[1])):
        print(f"  {n:<40}{w:+.3f}")
    return {"about": "Logistic model for headlines among title-shaped blocks: p(title) = sigmoid(bias + "
                     "sum(weight * feature)). Fitted by bench/train_breaks.py on the gold blocks of the "
                     f"tune split (L2 {l2}, {len(rows)} blocks).",
            "bias": round(bias, 4), "threshold": 0.5,
            "weights": dict(sorted(weights.items(), key=lambda kv: -abs(kv[1])))}


if __name__ == "__main__":
    main()
