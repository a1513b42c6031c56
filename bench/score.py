"""Score cleaner output against gold paragraphs: boundaries, titles, content.

Same semantics as the reference `/work/shared/tools/boundary_score.py`
(which the project must not import): both sides become a canonical character
stream (NFKC, quotes folded, no whitespace); a boundary is the end of a
title or a paragraph; difflib aligns the streams so that text moved into
metadata (an extracted byline) does not count against the output; an output
boundary hits the gold boundaries inside an unmatched stretch of at most GAP
characters around it. Records are grouped by basename of source.file and
ordered by source.line_start.

One deliberate difference: on pages whose gold has no titles (the `bodies`
set) title metrics are not applicable; they come out as None ("n/a") and an
output title there is not counted as a title (it still counts as a block
for boundaries, exactly as in the reference scorer).

Cross-check run (baselines A and B on titled/bodies x tune/holdout):
    python bench/score.py build/bench/titled-holdout/gold.jsonl OUT.jsonl
    python /work/shared/tools/boundary_score.py build/bench/titled-holdout/gold.jsonl OUT.jsonl
print identical lines on the titled sets; on the bodies sets every
boundary, content and count field is identical and only the title fields
differ (n/a here; 0 and the output-title counts there). `python
bench/quality.py --reference /work/shared/tools/boundary_score.py` repeats
this check for every output it scores; it agreed on all 12 outputs
(both baselines and the cleaner as of this commit, whose output needs
the full difflib alignment).

usage: python bench/score.py GOLD.jsonl OUT.jsonl [--json]
"""
import difflib
import json
import os
import random
import sys
import unicodedata
from collections import Counter

GAP = 120  # longest unmatched stretch an output boundary may stand for
QUOTES = str.maketrans({"“": '"', "”": '"', "‘": "'", "’": "'", "「": '"', "」": '"', "『": '"', "』": '"'})
CONTEXT = 30


def canon(s):
    s = unicodedata.normalize("NFKC", s or "").translate(QUOTES)
    return "".join(ch for ch in s if not ch.isspace())


def stream(blocks):
    """blocks: [(kind, text)] -> (canonical stream, boundary positions, [(start, kind, canon text)])."""
    parts, bounds, spans, n = [], set(), [], 0
    for kind, text in blocks:
        c = canon(text)
        if not c:
            continue
        if n:
            bounds.add(n)
        spans.append((n, kind, c))
        parts.append(c); n += len(c)
    return "".join(parts), bounds, spans


def gold_blocks(articles):
    for a in articles:
        yield "title", a["title"]
        for p in a["paragraphs"]:
            yield "para", p


def sort_records(recs):
    def key(r):
        src = r.get("source") or {}
        return src.get("line_start", 0) if isinstance(src, dict) else 0
    return sorted(recs, key=key)


def out_blocks(recs):
    for r in sort_records(recs):
        yield "title", r.get("title") or ""
        for p in (r.get("text") or "").split("\n"):
            yield "para", p


def align(O, G):
    """Output position -> gold position for matched characters; matched count."""
    if O == G:  # what difflib returns for identical streams, without its cost
        return dict(zip(range(len(O)), range(len(G)))), len(O)
    sm = difflib.SequenceMatcher(None, O, G, autojunk=False)
    o2g = {}
    for a, b, size in sm.get_matching_blocks():
        for k in range(size):
            o2g[a + k] = b + k
    return o2g, sum(m.size for m in sm.get_matching_blocks())


def context(S, pos, bounds, focus="‖"):
    """~30 characters either side of pos, with `focus` at pos and ¦ at the other boundaries."""
    def mark(a, b):
        return "".join(("¦" if i in bounds and (i != pos or focus != "‖") else "") + S[i] for i in range(a, b))
    return mark(max(0, pos - CONTEXT), pos) + f" {focus} " + mark(pos, min(len(S), pos + CONTEXT))


def where(label, S, pos, bounds):
    """The same place in the other stream (‸), if it aligned."""
    return "" if pos is None else f"   [{label}: {context(S, pos, bounds, '‸')}]"


def score_page(articles, recs, errors=None):
    """Counts for one page; appends (kind, example) pairs to `errors` if given."""
    G, gb, gspans = stream(gold_blocks(articles))
    O, ob, ospans = stream(out_blocks(recs))
    o2g, matched = align(O, G)
    covered, fp = set(), 0
    for i in sorted(ob):
        g1, g2 = o2g.get(i - 1), o2g.get(i)
        hit = set()
        if g1 is not None and g2 is not None and g2 > g1:
            # a short unmatched stretch between them (an extracted byline or credit)
            # may hold gold boundaries of its own; a long one is lost text, not a boundary
            hit = {g for g in gb if g1 < g <= g2} if g2 - g1 - 1 <= GAP else {g1 + 1, g2} & gb
        if hit:
            covered |= hit
        else:
            fp += 1
            if errors is not None:
                errors.append(("invented boundary", context(O, i, ob) + where("gold", G, g2, gb)))
    tp = len(covered)
    gt = {canon(a["title"]) for a in articles} - {""}
    ot = [canon(r.get("title") or "") for r in recs] if gt else []
    ot = [t for t in ot if t]
    if errors is not None:
        g2o = {g: o for o, g in o2g.items()}
        for g in sorted(gb - covered):
            errors.append(("missed boundary", context(G, g, gb) + where("out", O, g2o.get(g), ob)))
        found = set(ot)
        for start, kind, c in gspans:
            if kind == "title" and c not in found:
                errors.append(("missed title", f"«{c}»" + where("out", O, g2o.get(start), ob)))
        for start, kind, c in ospans:
            if kind == "title" and c in ot and c not in gt:
                errors.append(("invented title", f"«{c}»" + where("gold", G, o2g.get(start), gb)))
    # "no text lost": gold characters found in any field of the output,
    # bylines and credits included (the aligned stream above leaves them out)
    every = Counter(canon("".join(f"{r.get('title') or ''}{r.get('byline') or ''}{r.get('text') or ''}"
                                  + "".join(r.get("credits") or []) for r in recs)))
    found = sum(min(n, every[ch]) for ch, n in Counter(G).items())
    return dict(tp=tp, fp=fp, fn=len(gb) - tp, titles=len(gt), titles_ok=len(gt & set(ot)),
                out_titles=len(ot), out_titles_ok=sum(t in gt for t in ot),
                gold_chars=len(G), kept_chars=matched, extra_chars=len(O) - matched,
                found_chars=found)


def records_by_page(path):
    """{page file basename: [records]} from one JSON Lines file."""
    pages = {}
    with open(path, encoding="utf-8") as f:
        for line in f:
            if line.strip():
                r = json.loads(line)
                name = os.path.basename(str((r.get("source") or {}).get("file", "")))
                pages.setdefault(name, []).append(r)
    return pages


def _page_job(job):
    articles, recs, want_errors = job
    errs = [] if want_errors else None
    return score_page(articles, recs, errs), errs


def score(gold_pages, by_page, errors=None, map=map):
    """gold_pages: [{"page", "articles"}]; by_page: {page: [records]}.

    Returns the metrics dict of the reference scorer (title metrics None when
    the gold has no titles); `errors` collects (kind, page, example) if given.
    Pass a pool's map to align pages in parallel (difflib is the slow part).
    """
    jobs = [(g["articles"], by_page.get(g["page"]) or [], errors is not None) for g in gold_pages]
    tot = dict.fromkeys(["tp", "fp", "fn", "titles", "titles_ok", "out_titles", "out_titles_ok",
                         "gold_chars", "kept_chars", "extra_chars", "found_chars"], 0)
    for page, (counts, errs) in zip(gold_pages, map(_page_job, jobs)):
        for k, v in counts.items():
            tot[k] += v
        if errs:
            errors.extend((kind, page["page"], text) for kind, text in errs)
    missing = sum(not by_page.get(g["page"]) for g in gold_pages)
    p = tot["tp"] / max(1, tot["tp"] + tot["fp"]); r = tot["tp"] / max(1, tot["tp"] + tot["fn"])
    f1 = 2 * p * r / max(1e-9, p + r)
    titled = tot["titles"] > 0
    return dict(boundary_precision=round(p, 4), boundary_recall=round(r, 4), boundary_f1=round(f1, 4),
                title_acc=round(tot["titles_ok"] / tot["titles"], 4) if titled else None,
                title_precision=round(tot["out_titles_ok"] / max(1, tot["out_titles"]), 4) if titled else None,
                content_kept=round(tot["kept_chars"] / max(1, tot["gold_chars"]), 4),
                content_found=round(tot["found_chars"] / max(1, tot["gold_chars"]), 4),
                missing_pages=missing, **tot)


def sample_errors(errors, n, seed=0):
    """Up to n examples per error kind, drawn reproducibly."""
    out = {}
    for kind in ("missed boundary", "invented boundary", "missed title", "invented title"):
        found = [e for e in errors if e[0] == kind]
        out[kind] = (len(found), random.Random(seed).sample(found, min(n, len(found))))
    return out


def load_gold(path):
    with open(path, encoding="utf-8") as f:
        return [json.loads(l) for l in f if l.strip()]


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__.strip().splitlines()[-1])
    res = score(load_gold(sys.argv[1]), records_by_page(sys.argv[2]))
    print(json.dumps(res) if "--json" in sys.argv else
          " ".join(f"{k}={'n/a' if v is None else v}" for k, v in res.items()))


if __name__ == "__main__":
    main()
