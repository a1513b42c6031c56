"""How many bylines of real first paragraphs the metadata parser reads.

Each article's first paragraph is normalised as the pipeline would (line
rules, script, paragraph rules), its opening byline is cut off with
``metadata.byline_end`` and parsed with ``metadata.parse_byline``. Every
paragraph lands in one class:

  outlet+author        an outlet and at least one author
  outlet, no name      a dateline that prints no person (据新华社电, 新华网北京5月12日电)
  outlet, names unread staff is printed but its names were not parsed (never guessed)
  author, no outlet    people, but no outlet named (（记者 X）, 本报 without a manifest counts as outlet)
  dateline, no outlet  a place and date only (北京5月8日电：)
  no byline, looks like one   nothing parsed, but a byline word (讯 电 记者 报道 消息) opens the paragraph
  no byline            a lead with no byline

``本报``/``本刊`` count as an outlet: the manifest says which paper that is.
The corpus is research-only: examples are printed, never stored.

usage: python bench/bylines.py [--corpus PATH] [--examples N] [--json]
"""
import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path

import regex

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from cleaner import metadata, normalize  # noqa: E402
from cleaner.edits import apply  # noqa: E402

CORPUS = Path("/work/shared/corpora/zhnews-dev.jsonl")
CLASSES = ["outlet+author", "outlet, no name", "outlet, names unread", "author, no outlet",
           "dateline, no outlet", "no byline, looks like one", "no byline"]
#: A staff title: the byline prints people.
ROLE_WORD = regex.compile("|".join(metadata.STAFF_ROLES))
#: A byline word near the start: the paragraph may hold a byline we missed.
BYLINE_WORD = regex.compile(r"^.{0,24}?(?:讯|电|记者|报道|消息|通讯员|实习生)")


def normalise(text: str) -> str:
    for _, rule in normalize.LINE_RULES:
        text = apply(rule, text)
    text = normalize.to_script(text, "simplified")
    for _, rule in normalize.PARAGRAPH_RULES:
        text = apply(rule, text)
    return text


def classify(paragraph: str) -> tuple[str, str, metadata.Byline | None]:
    """(class, byline text, parse) of one normalised first paragraph."""
    end = metadata.byline_end(paragraph)
    if not end:
        return ("no byline, looks like one" if BYLINE_WORD.match(paragraph) else "no byline"), "", None
    byline = paragraph[:end].strip()
    b = metadata.parse_byline(byline)
    if b.outlet and b.authors:
        return "outlet+author", byline, b
    if b.authors:
        return "author, no outlet", byline, b
    if b.outlet:
        return ("outlet, names unread" if ROLE_WORD.search(byline) else "outlet, no name"), byline, b
    return "dateline, no outlet", byline, b


def main(argv=None) -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--corpus", type=Path, default=CORPUS)
    ap.add_argument("--examples", type=int, default=8, help="examples printed per class (0: none)")
    ap.add_argument("--json", action="store_true", help="print the counts as JSON only")
    args = ap.parse_args(argv)

    counts: Counter = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    parsed: list[str] = []
    total = 0
    for line in args.corpus.open(encoding="utf-8"):
        record = json.loads(line)
        if not record["paragraphs"]:
            continue
        total += 1
        paragraph = normalise(record["paragraphs"][0])
        cls, byline, b = classify(paragraph)
        counts[cls] += 1
        shown = (byline + " | " if byline else "") + paragraph[len(byline):][:30].strip()
        if len(examples[cls]) < args.examples:
            examples[cls].append(shown)
        if cls == "outlet+author" and len(parsed) < args.examples:
            authors = "、".join(f"{a['name']}/{a['role'] or '-'}" for a in b.authors)
            parsed.append(f"{byline}  ->  {b.outlet} | {authors} | {b.place or '-'}")

    with_byline = total - counts["no byline"] - counts["no byline, looks like one"]
    ok = counts["outlet+author"]
    named = ok + counts["outlet, names unread"] + counts["author, no outlet"]
    summary = {
        "first_paragraphs": total,
        "with_byline": with_byline,
        "outlet_and_author": ok,
        "share_of_all": round(ok / total, 4) if total else 0.0,
        "share_of_bylines": round(ok / with_byline, 4) if with_byline else 0.0,
        "share_of_bylines_naming_people": round(ok / named, 4) if named else 0.0,
        "classes": {c: counts[c] for c in CLASSES},
    }
    if args.json:
        print(json.dumps(summary, ensure_ascii=False, indent=1))
        return 0
    print(f"first paragraphs: {total}; with a byline parsed: {with_byline}")
    print(f"outlet and >= 1 author: {ok} = {summary['share_of_all']:.1%} of all, "
          f"{summary['share_of_bylines']:.1%} of those with a byline, "
          f"{summary['share_of_bylines_naming_people']:.1%} of bylines that print a name")
    for c in CLASSES:
        print(f"  {c:28} {counts[c]:5}  {counts[c] / total:6.1%}")
    if args.examples:
        print("\nparsed (byline -> outlet | authors | place):")
        for e in parsed:
            print("   ", e)
        for c in CLASSES[1:]:
            print(f"\n{c}:")
            for e in examples[c]:
                print("   ", e)
    return 0


if __name__ == "__main__":
    sys.exit(main())
