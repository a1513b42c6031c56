"""Where the time of the per-file path goes, stage by stage.

    python bench/stages.py [--pages N]

Cleans N pages of the throughput corpus (build/bench/throughput/, made by
bench/throughput.py) and prints milliseconds per page and MB/s for each
stage (CPU time of this process, steadier than wall time on a busy
machine): decoding, the page-wide character rules and line split, break
decisions, article segmentation (roles and the headline model), record
building (joins, paragraph rules, metadata), and the whole path.
"""
import argparse
import json
import os
import sys
import time
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
sys.path.insert(0, ROOT)

from cleaner import articles as arts  # noqa: E402
from cleaner import breaks  # noqa: E402
from cleaner import pipeline as P  # noqa: E402
from cleaner.decode import decode  # noqa: E402

CORPUS = os.path.join(ROOT, "build", "bench", "throughput", "corpus-5mb")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--pages", type=int, default=300)
    ap.add_argument("--corpus", default=CORPUS)
    args = ap.parse_args()
    if not os.path.isdir(args.corpus):
        sys.exit(f"no corpus at {args.corpus}: run bench/throughput.py --mb 5 first")
    files = sorted(os.path.join(d, f) for d, _, fs in os.walk(args.corpus) for f in fs)[:args.pages]
    datas = [open(p, "rb").read() for p in files]
    meta, settings = P.FileMeta("page.txt", 2008), P.Settings()
    P.clean_bytes(datas[0], meta)   # warm: dictionaries and models load once
    spent = defaultdict(float)
    for data in datas:
        t0 = time.process_time()
        text = decode(data, "page.txt").text
        t1 = time.process_time()
        page, lines, _ = P.prepare_lines(text, meta, settings)
        content, blanks = P.content_lines(lines)
        texts = {i: lines.texts[i].strip(P._WS) for i in content}
        t2 = time.process_time()
        decisions = breaks.decide(lines.texts, content, blanks)
        t3 = time.process_time()
        blocks = arts.blocks_from(decisions, content, texts, blanks)
        arts.assign_roles(blocks)
        groups = arts.group(blocks)
        t4 = time.process_time()
        for g in groups:
            P._build_record(g, lines, page, meta, settings, [])
        t5 = time.process_time()
        result = P.clean_text(text, meta, settings)
        for a in result.articles:
            json.dumps(a.record, ensure_ascii=False)
        t6 = time.process_time()
        for stage, dt in (("decode", t1 - t0), ("lines", t2 - t1), ("breaks", t3 - t2),
                          ("articles", t4 - t3), ("records", t5 - t4), ("whole path + JSON", t6 - t5)):
            spent[stage] += dt
    mb = sum(map(len, datas)) / 1e6
    print(f"{len(datas)} pages, {mb:.1f} MB")
    for stage, dt in spent.items():
        print(f"{stage:18s} {dt * 1000 / len(datas):7.2f} ms/page  {mb / dt:8.1f} MB/s")


if __name__ == "__main__":
    main()
