"""Speed and memory of `cleaner clean`, measured against the unavoidable work.

    python bench/throughput.py [--mb 50] [--rss-mb 10,100] [--profile]

Builds a raw corpus of at least ``--mb`` MB from wrapped dev-corpus pages
(bench/pages.py's wrapping, repeated with fresh random layouts, so no two
copies are byte-identical), then prints:

- the minimal pass over the same files in the same run (read, decode,
  OpenCC t2s, write JSON Lines): the work any cleaner must do;
- ``cleaner clean`` with one worker: MB/s of raw input and its time as a
  multiple of the minimal pass;
- ``cleaner clean`` with two workers: its time as a share of one worker's;
- peak RSS of one-worker runs on corpora of each ``--rss-mb`` size (the
  pipeline streams, so it should barely grow);
- start-up: wall time of ``cleaner clean`` on the seed page;
- with ``--profile``, the hottest functions of a one-worker run (cProfile).

Numbers depend on the machine; the script prints what it ran on. Generated
pages go to build/bench/throughput/ (git-ignored: the corpus is
research-only).
"""
import argparse
import json
import os
import platform
import random
import shutil
import subprocess
import sys
import time

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(HERE)
sys.path.insert(0, HERE)
from pages import load_articles, wrap_page  # noqa: E402

OUT = os.path.join(ROOT, "build", "bench", "throughput")
SEED_PAGE = os.path.join(ROOT, "raw", "000_0bb77fbabf8f1fbb.txt")


def make_corpus(mb: float, folder: str) -> int:
    """Write pages until ``mb`` MB; returns the bytes written. Deterministic."""
    if os.path.isdir(folder):
        shutil.rmtree(folder)
    os.makedirs(folder)
    arts = load_articles()
    rng = random.Random(f"throughput:{mb}")
    total, n = 0, 0
    while total < mb * 1e6:
        group = rng.sample(arts, rng.randint(2, 6))
        page = wrap_page([(a.get("title") or "", a["paragraphs"]) for a in group], rng)
        data = page.encode("utf-8")
        sub = os.path.join(folder, f"{n // 1000:03d}")
        os.makedirs(sub, exist_ok=True)
        with open(os.path.join(sub, f"page-{n:06d}.txt"), "wb") as f:
            f.write(data)
        total += len(data)
        n += 1
    return total


def files_of(folder: str) -> list[str]:
    return sorted(os.path.join(d, f) for d, _, fs in os.walk(folder) for f in fs)


def minimal_pass(files: list[str], out: str) -> float:
    """Read, decode, convert to simplified with OpenCC, write JSON Lines."""
    import opencc
    cc = opencc.OpenCC("t2s")
    t = time.perf_counter()
    with open(out, "w", encoding="utf-8") as w:
        for path in files:
            with open(path, "rb") as f:
                text = f.read().decode("utf-8")
            w.write(json.dumps({"file": path, "text": cc.convert(text)}, ensure_ascii=False) + "\n")
    return time.perf_counter() - t


def run_timed(cmd: list[str]) -> tuple[float, int]:
    """Wall time and peak RSS (KiB, the largest process) of a command."""
    probe = ("import resource, subprocess, sys, time; t = time.perf_counter(); "
             "subprocess.run(sys.argv[1:], check=True, stdout=subprocess.DEVNULL); "
             "print(time.perf_counter() - t, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss)")
    out = subprocess.run([sys.executable, "-c", probe, *cmd], check=True, capture_output=True,
                         text=True, cwd=ROOT).stdout.split()
    return float(out[0]), int(out[1])


def clean_cmd(folder: str, workers: int, out: str) -> list[str]:
    return [sys.executable, "-m", "cleaner", "clean", folder, "--workers", str(workers),
            "--year", "2008", "-o", out, "--progress", "off"]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--mb", type=float, default=50)
    ap.add_argument("--rss-mb", default="10,100")
    ap.add_argument("--profile", action="store_true")
    ap.add_argument("--repeat", type=int, default=1, help="runs per timing; the fastest counts")
    args = ap.parse_args()
    os.makedirs(OUT, exist_ok=True)
    print(f"machine: {platform.machine()}, {os.cpu_count()} cores, Python {platform.python_version()}, "
          f"{platform.platform()}")

    folder = os.path.join(OUT, f"corpus-{args.mb:g}mb")
    size = make_corpus(args.mb, folder)
    files = files_of(folder)
    mb = size / 1e6
    print(f"corpus: {mb:.1f} MB in {len(files)} files")
    sink = os.path.join(OUT, "out.jsonl")

    t_min = min(minimal_pass(files, sink) for _ in range(args.repeat))
    t1 = min(run_timed(clean_cmd(folder, 1, sink))[0] for _ in range(args.repeat))
    t2 = min(run_timed(clean_cmd(folder, 2, sink))[0] for _ in range(args.repeat))
    print(f"minimal pass (read, t2s, JSON Lines): {t_min:.2f} s, {mb / t_min:.1f} MB/s")
    print(f"cleaner, 1 worker:  {t1:.2f} s, {mb / t1:.1f} MB/s, {t1 / t_min:.2f} x the minimal pass")
    print(f"cleaner, 2 workers: {t2:.2f} s, {mb / t2:.1f} MB/s, {t2 / t1:.2f} of one worker's time")

    for size_mb in (float(s) for s in args.rss_mb.split(",")):
        sub = os.path.join(OUT, f"corpus-{size_mb:g}mb")
        got = make_corpus(size_mb, sub) if size_mb != args.mb else size
        t, rss = run_timed(clean_cmd(sub, 1, sink))
        print(f"peak RSS, {got / 1e6:.0f} MB corpus, 1 worker: {rss / 1024:.0f} MiB ({t:.1f} s)")

    starts = [run_timed([sys.executable, "-m", "cleaner", "clean", SEED_PAGE, "--year", "2021",
                         "-o", sink, "--workers", "1"])[0] for _ in range(5)]
    print(f"start-up, seed page: {min(starts):.2f} s (best of 5), {sorted(starts)[2]:.2f} s median")

    if args.profile:
        import cProfile
        import pstats
        sys.path.insert(0, ROOT)
        from cleaner.engine import Task, clean_one
        from cleaner.manifest import RawFile
        from cleaner.pipeline import FileMeta, Settings
        sub = os.path.join(OUT, "corpus-10mb")
        if not os.path.isdir(sub):
            make_corpus(10, sub)
        tasks = [Task(RawFile(p, FileMeta(p, 2008)), Settings(), audit=False) for p in files_of(sub)]
        prof = cProfile.Profile()
        prof.enable()
        for task in tasks:
            clean_one(task)
        prof.disable()
        pstats.Stats(prof).sort_stats("tottime").print_stats(12)


if __name__ == "__main__":
    main()
