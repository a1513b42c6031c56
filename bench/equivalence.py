"""Check that a change to the cleaner changed nothing it produces.

    python bench/equivalence.py save      # before the change: write the reference
    python bench/equivalence.py check     # after it: compare, print differences

Runs the per-file path over every benchmark page (bench/pages.py: titled and
bodies, tune and holdout) and the seed page, and records per page a digest
of the break decisions, the records and their edits. ``check`` lists the
pages whose output differs, with the first difference of each. Meant for
speed work, which must not change a single decision. The reference lives in
build/bench/ (git-ignored: it is derived from the research-only corpus).
"""
import hashlib
import json
import os
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
sys.path.insert(0, ROOT)
from pages import SETS, SPLITS, build_pages  # noqa: E402

from cleaner.pipeline import FileMeta, Settings, clean_text  # noqa: E402

REFERENCE = os.path.join(ROOT, "build", "bench", "equivalence.jsonl")


def pages():
    seed = os.path.join(ROOT, "raw", "000_0bb77fbabf8f1fbb.txt")
    yield "seed", open(seed, encoding="utf-8").read()
    for s in SETS:
        for sp in SPLITS:
            for name, text, _ in build_pages(s, sp):
                yield f"{s}-{sp}/{name}", text


def outcome(text: str) -> dict:
    r = clean_text(text, FileMeta("page.txt", year=2008), Settings())
    joins = "".join("J" if d.join else "B" for d in r.decisions)
    records = [a.record for a in r.articles]
    edits = [[tuple(e) for e in a.edits] for a in r.articles]
    blob = json.dumps([records, edits, [tuple(e) for e in r.stray_edits]], ensure_ascii=False, sort_keys=True)
    return {"joins": joins, "records": records, "digest": hashlib.sha256(blob.encode()).hexdigest()}


def main() -> None:
    mode = sys.argv[1] if len(sys.argv) > 1 else "check"
    if mode == "save":
        os.makedirs(os.path.dirname(REFERENCE), exist_ok=True)
        n = 0
        with open(REFERENCE, "w", encoding="utf-8") as f:
            for name, text in pages():
                f.write(json.dumps({"page": name, **outcome(text)}, ensure_ascii=False) + "\n")
                n += 1
        print(f"saved the outcome of {n} pages to {REFERENCE}")
        return
    ref = {}
    with open(REFERENCE, encoding="utf-8") as f:
        for line in f:
            r = json.loads(line)
            ref[r["page"]] = r
    bad = 0
    for name, text in pages():
        got, want = outcome(text), ref.get(name)
        if want is None or got["digest"] != want["digest"]:
            bad += 1
            if bad <= 10:
                print(f"DIFFERS: {name}")
                if want and got["joins"] != want["joins"]:
                    i = next(k for k, (a, b) in enumerate(zip(got["joins"], want["joins"])) if a != b)
                    print(f"  break {i}: now {got['joins'][i]}, was {want['joins'][i]}")
                elif want:
                    for a, b in zip(got["records"], want["records"]):
                        for k in a:
                            if a[k] != b.get(k):
                                print(f"  field {k}: now {str(a[k])[:80]!r}\n            was {str(b.get(k))[:80]!r}")
                                break
                        else:
                            continue
                        break
    print(f"{len(ref)} pages in the reference, {bad} differ")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
