"""The paragraph-break benchmark: the cleaner against two baselines.

Builds wrapped test pages from the dev corpus into build/bench/ (see
pages.py), runs the real cleaner on each set through its stable CLI,

    python -m cleaner clean PAGE... -o OUT.jsonl --year 2008

runs baselines A and B (baselines.py), scores all three (score.py: the
semantics of /work/shared/tools/boundary_score.py) and prints, per set and
split, boundary precision/recall/F1, title recall/precision (n/a for
`bodies`, which have no headlines) and two shares of the gold text:
`kept`, aligned into the title/text stream the boundaries are scored on
(bylines and credits the cleaner moves to their own fields count as
missing there), and `found`, present in any field of the output, bylines
and credits included. What `found` still misses is what normalisation
rewrites in a way the scorer's NFKC does not undo (``—`` -> ``——``) and
dividers removed with an audit entry.

usage: python bench/quality.py [--sets titled,bodies] [--splits tune,holdout]
           [--cleaner-cmd "python -m cleaner clean"] [--json] [--errors N]

--cleaner-cmd replaces the command prefix (pages, -o OUT and --year 2008
are appended); an empty string skips the cleaner. If the cleaner fails its
error is printed and the baselines are still shown. --errors N prints N
examples per error class (missed/invented boundary, missed/invented title)
with context: ‖ marks the error, ‸ the same place in the other stream
(output or gold), ¦ the other boundaries.
"""
import argparse
import json
import os
import shlex
import subprocess
import sys
import time
from concurrent.futures import ProcessPoolExecutor
from functools import partial

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import baselines  # noqa: E402
import pages  # noqa: E402
import score  # noqa: E402

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
YEAR = "2008"
SYSTEMS = ("baseline-a", "baseline-b", "cleaner")
COLUMNS = [("boundary_precision", "bP"), ("boundary_recall", "bR"), ("boundary_f1", "bF1"),
           ("title_acc", "titleR"), ("title_precision", "titleP"), ("content_kept", "kept"),
           ("content_found", "found")]


def run_baseline(which, folder, names, out):
    with open(out, "w", encoding="utf-8") as f:
        for name in names:
            path = os.path.relpath(os.path.join(folder, name), ROOT)
            with open(os.path.join(folder, name), encoding="utf-8") as page:
                for r in baselines.records(path, page.read(), which):
                    f.write(json.dumps(r, ensure_ascii=False) + "\n")


def run_cleaner(prefix, folder, names, out):
    """Run the cleaner CLI; returns an error message or None."""
    cmd = prefix + [os.path.relpath(os.path.join(folder, n), ROOT) for n in names] + ["-o", out, "--year", YEAR]
    try:
        proc = subprocess.run(cmd, cwd=ROOT, capture_output=True, text=True)
    except OSError as e:
        return f"{shlex.join(prefix)}: {e}"
    if proc.returncode != 0 or not os.path.exists(out):
        tail = (proc.stderr or proc.stdout).strip().splitlines()[-5:]
        return f"{shlex.join(prefix)} exited {proc.returncode}: " + " / ".join(tail)
    return None


def check_reference(scorer, gold, out, res):
    """Compare score.py's result with the reference scorer's on the same files."""
    proc = subprocess.run([sys.executable, scorer, gold, out, "--json"], capture_output=True, text=True)
    if proc.returncode != 0:
        return "reference scorer failed: " + proc.stderr.strip()[-300:]
    ref = json.loads(proc.stdout)
    skip = {"title_acc", "title_precision", "titles", "titles_ok", "out_titles", "out_titles_ok"}
    diff = [k for k in ref if ref[k] != res.get(k) and not (res["title_acc"] is None and k in skip)]
    return "reference agrees" + (" (title fields n/a here)" if res["title_acc"] is None else "") \
        if not diff else "REFERENCE DIFFERS: " + ", ".join(f"{k} {res.get(k)} vs {ref[k]}" for k in diff)


def fmt(v):
    return "n/a" if v is None else f"{v:.4f}"


def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--sets", default="titled,bodies")
    ap.add_argument("--splits", default="tune,holdout")
    ap.add_argument("--cleaner-cmd", default=shlex.join([sys.executable, "-m", "cleaner", "clean"]))
    ap.add_argument("--json", action="store_true", help="print JSON Lines instead of a table")
    ap.add_argument("--errors", type=int, default=0, metavar="N", help="show N errors per class (of --errors-of)")
    ap.add_argument("--errors-of", default="cleaner", choices=SYSTEMS, help="whose errors --errors shows")
    ap.add_argument("--reference", metavar="SCORER", help="also run this reference scorer (boundary_score.py) "
                    "on every output and report any disagreement with score.py (slow on bodies)")
    args = ap.parse_args()
    prefix = shlex.split(args.cleaner_cmd)
    rows, examples, notes = [], [], []
    t_cleaner, t0 = 0.0, time.time()
    with ProcessPoolExecutor(max(1, min(4, os.cpu_count() or 1))) as pool:
        for set_name in args.sets.split(","):
            for split in args.splits.split(","):
                folder = pages.write_pages(set_name, split)
                gold = score.load_gold(os.path.join(folder, "gold.jsonl"))
                names = [g["page"] for g in gold]
                info = dict(set=set_name, split=split, pages=len(gold),
                            articles=sum(len(g["articles"]) for g in gold))
                for system in SYSTEMS:
                    out = os.path.join(folder, system + ".jsonl")
                    if os.path.exists(out):
                        os.remove(out)
                    error = None
                    if system == "cleaner":
                        if not prefix:
                            continue
                        t = time.time()
                        error = run_cleaner(prefix, folder, names, out)
                        t_cleaner += time.time() - t
                    else:
                        run_baseline(system[-1], folder, names, out)
                    if error:
                        notes.append(f"cleaner failed on {set_name}-{split}: {error}")
                        rows.append(dict(info, system=system, error=error))
                        continue
                    errs = [] if args.errors and system == args.errors_of else None
                    res = score.score(gold, score.records_by_page(out), errs, partial(pool.map, chunksize=8))
                    rows.append(dict(info, system=system, **res))
                    if args.reference:
                        gold_path = os.path.join(folder, "gold.jsonl")
                        notes.append(f"{set_name}-{split} {system}: " + check_reference(args.reference, gold_path, out, res))
                    if errs is not None:
                        examples.append((f"{set_name}-{split}", score.sample_errors(errs, args.errors)))
    took = time.time() - t0
    if args.json:
        for r in rows:
            print(json.dumps(r, ensure_ascii=False))
        for n in notes:
            print(n, file=sys.stderr)
        return
    print(f"{'set':<15}{'pages':>6}{'arts':>6}  {'system':<11}" + "".join(f"{h:>8}" for _, h in COLUMNS))
    for r in rows:
        head = f"{r['set'] + '-' + r['split']:<15}{r['pages']:>6}{r['articles']:>6}  {r['system']:<11}"
        print(head + ("  failed (see below)" if "error" in r else "".join(f"{fmt(r[k]):>8}" for k, _ in COLUMNS)))
    for n in notes:
        print(n)
    for where, found in examples:
        for kind, (total, sample) in found.items():
            print(f"\n{where}: {args.errors_of}, {kind}: {total}")
            for _, page, text in sample:
                print(f"  {page}: {text}")
    print(f"\n{took - t_cleaner:.1f}s for pages, baselines and scoring; {t_cleaner:.1f}s in the cleaner")


if __name__ == "__main__":
    main()
