"""The ``cleaner`` command line: build, clean, explain, publish."""
from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from pathlib import Path

from . import __version__
from .errors import (EXIT_BAD_INPUT, EXIT_INTERNAL, EXIT_INTERRUPTED, EXIT_OK, EXIT_PUBLISH, EXIT_USAGE,
                     BadInput, InternalError)

#: Exit code when standard output is closed early (``cleaner clean ... | head``):
#: 128 + SIGPIPE, what a shell reports for a command a closed pipe stopped.
EXIT_BROKEN_PIPE = 141

EXIT_CODES = f"""exit codes:
  {EXIT_OK}    done
  {EXIT_USAGE}    bad command line (also: build's --out or --card names something a build
       must not replace: the raw folder, or files no build wrote)
  {EXIT_BAD_INPUT}    bad input: a raw file, the raw folder or the manifest could not be used
       (the message names the file, and the line or byte where it applies)
  {EXIT_INTERNAL}    internal error: a bug, such as text the cleaner could not account for
  {EXIT_PUBLISH}    publish: the Hub refused or could not be reached (token, network, permissions)
  {EXIT_INTERRUPTED}  interrupted (Ctrl-C)
  {EXIT_BROKEN_PIPE}  standard output was closed early (e.g. by `| head`); nothing more is written
"""


def _year(text: str) -> int:
    if not (text.isdigit() and len(text) == 4):
        raise argparse.ArgumentTypeError(f"{text!r} is not a four-digit year")
    return int(text)


def _number(text: str) -> float:
    try:
        return float(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a number") from None


def _share(text: str) -> float:
    v = _number(text)
    if not 0 < v < 1:
        raise argparse.ArgumentTypeError(f"{text!r}: the test share must lie strictly between 0 "
                                         "and 1 (e.g. 0.2)")
    return v


def _threshold(text: str) -> float:
    v = _number(text)
    if not 0 < v <= 1:
        raise argparse.ArgumentTypeError(f"{text!r}: the near-duplicate threshold must be above 0 "
                                         "and at most 1 (e.g. 0.8)")
    return v


def _positive(text: str) -> int:
    if not text.isdigit() or int(text) < 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not a positive whole number")
    return int(text)


def plural(n: int, word: str) -> str:
    """``n`` and ``word``, with an s unless ``n`` is 1.

    >>> plural(1, "article"), plural(2, "file"), plural(1234, "article")
    ('1 article', '2 files', '1,234 articles')
    """
    return f"{n:,} {word}{'' if n == 1 else 's'}"


def _repo_id(text: str) -> str:
    from huggingface_hub.utils import HFValidationError, validate_repo_id
    if text.count("/") != 1:
        raise argparse.ArgumentTypeError(f"{text!r} is not ORG/NAME")
    try:
        validate_repo_id(text)
    except HFValidationError as e:
        raise argparse.ArgumentTypeError(str(e)) from None
    return text


def _size(text: str) -> int:
    """A size in bytes: ``256MB``, ``1.5GB``, ``4096``.

    >>> _size("256MB"), _size("4096"), _size("1kb")
    (268435456, 4096, 1024)
    """
    units = {"KB": 1 << 10, "MB": 1 << 20, "GB": 1 << 30, "B": 1}
    t = text.strip().upper()
    try:
        for u, m in units.items():
            if t.endswith(u):
                n = int(float(t[:-len(u)]) * m)
                break
        else:
            n = int(t)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a size such as 256MB") from None
    if n < 1:
        raise argparse.ArgumentTypeError("the shard size must be positive")
    return n


def _add_script_options(p: argparse.ArgumentParser) -> None:
    from .normalize import SCRIPTS
    p.add_argument("--year", type=_year,
                   help="year of the M月D日 dates of files whose text (and manifest) gives none")
    p.add_argument("--script", choices=sorted(SCRIPTS), default="simplified",
                   help="target script, converted with OpenCC: %(choices)s (default: simplified)")


def _add_cleaning_options(p: argparse.ArgumentParser, stop: str) -> None:
    _add_script_options(p)
    p.add_argument("--workers", type=_positive, default=None,
                   help="worker processes, 1 or more (default: all cores); output is the same "
                        "for any number")
    p.add_argument("--on-error", choices=["stop", "skip"], default="stop",
                   help=f"on a bad raw file: stop (default; {stop}), or skip it, list it and go on")
    p.add_argument("--progress", choices=["auto", "on", "off"], default="auto",
                   help="progress bar on standard error (auto: only on a terminal)")


def parser() -> argparse.ArgumentParser:
    ap = argparse.ArgumentParser(
        prog="cleaner", description="Turn raw hard-wrapped Chinese newspaper text into a clean dataset.",
        epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--version", action="version", version=f"cleaner {__version__}")
    sub = ap.add_subparsers(dest="command", required=True)

    b = sub.add_parser("build", help="raw/ -> dist/ (the dataset) and DATASET_CARD.md",
                       epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    b.add_argument("--raw", type=Path, default=Path("raw"), help="raw folder (default: raw/)")
    b.add_argument("--out", type=Path, default=Path("dist"),
                   help="dataset folder (default: dist/), replaced whole; it must be new, empty or "
                        "a previous build, and apart from the raw folder")
    b.add_argument("--card", type=Path, default=Path("DATASET_CARD.md"),
                   help="where to put a copy of the card (default: DATASET_CARD.md); it must be "
                        "new or a card cleaner wrote")
    b.add_argument("--test-share", type=_share, default=None,
                   help="share of groups (an article with its near-duplicates, if any) put in "
                        "test, strictly between 0 and 1 (default 0.2)")
    b.add_argument("--split-seed", default=None, help="seed of the id hash that picks splits")
    b.add_argument("--dedup", choices=["drop", "group", "off"], default="drop",
                   help="near-duplicates: drop later copies (default), keep them grouped in one "
                        "split, or do not look for them; exact duplicates are always kept once")
    b.add_argument("--near-threshold", type=_threshold, default=None,
                   help="MinHash Jaccard similarity that makes a near-duplicate (default 0.8)")
    b.add_argument("--shingle", type=_positive, default=None,
                   help="characters per shingle of the near-duplicate check (default 5)")
    b.add_argument("--shard-size", type=_size, default=None,
                   help="largest Parquet shard, e.g. 256MB (default)")
    b.add_argument("--engine", choices=["local", "ray"], default="local",
                   help="local processes (default) or Ray Data (pip install -e '.[ray]')")
    _add_cleaning_options(b, "nothing is written, the previous dataset stays")

    c = sub.add_parser("clean", help="clean raw files to article records (JSON Lines)",
                       epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    c.add_argument("files", nargs="+", metavar="FILE",
                   help="raw files, or folders: a folder's manifest.csv is read as in build (its "
                        "files in its order, with its year, outlet and encoding); without one, "
                        "every non-hidden file in it, in path order; - reads standard input")
    c.add_argument("-o", "--output", type=Path, help="output file (default: standard output)")
    c.add_argument("--outlet", help="the paper the files come from (what 本报 stands for), where "
                                    "a manifest gives none")
    c.add_argument("--encoding", help="the files' encoding, where a manifest gives none "
                                      "(default: detected)")
    c.add_argument("--audit", type=Path, help="also write every edit, per article, to this file")
    _add_cleaning_options(c, "exit 3; with -o nothing is written, while on standard output the "
                             "records of the files before the bad one stay written")

    e = sub.add_parser("explain", help="show each join-or-break decision and its evidence",
                       epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    e.add_argument("target", metavar="FILE[:LINE]", help="a raw file, optionally with a line number")
    e.add_argument("--context", type=int, default=3, help="decisions shown around LINE (default 3)")
    _add_script_options(e)

    p = sub.add_parser("publish", help="upload dist/ to the Hugging Face Hub",
                       description="Check dist/ (card, data files, manifest) and upload it to a "
                                   "Hub dataset repository, created if missing. The token comes "
                                   "from HF_TOKEN or a saved `hf auth login`.",
                       epilog=EXIT_CODES, formatter_class=argparse.RawDescriptionHelpFormatter)
    p.add_argument("--repo-id", required=True, type=_repo_id,
                   help="ORG/NAME of the dataset repository")
    p.add_argument("--dist", type=Path, default=Path("dist"), help="dataset folder (default: dist/)")
    p.add_argument("--dry-run", action="store_true",
                   help="check the card and the files and list what would be uploaded; no network")
    p.add_argument("--private", action="store_true", help="create the repository private")
    p.add_argument("--message", default=None, help="commit message (default: names the build)")
    return ap


def main(argv: list[str] | None = None) -> int:
    from .errors import OutputRefused
    args = parser().parse_args(argv)
    try:
        return COMMANDS[args.command](args)
    except OutputRefused as e:
        print(f"cleaner {args.command}: refused: {e}", file=sys.stderr)
        return EXIT_USAGE
    except BrokenPipeError:
        _silence_stdout()
        return EXIT_BROKEN_PIPE
    except BadInput as e:
        print(f"cleaner: bad input: {e}", file=sys.stderr)
        return EXIT_BAD_INPUT
    except InternalError as e:
        print(f"cleaner: internal error: {e}", file=sys.stderr)
        return EXIT_INTERNAL
    except KeyboardInterrupt:
        print("cleaner: interrupted", file=sys.stderr)
        return EXIT_INTERRUPTED


def _silence_stdout() -> None:
    """Point standard output at /dev/null, so that the interpreter's last
    flush on exit does not fail again on the closed pipe."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)
    except (OSError, ValueError):
        pass


def _settings(args):
    from .pipeline import Settings
    return Settings(script=args.script, year=args.year)


def _progress(args) -> bool:
    return args.progress == "on" or (args.progress == "auto" and sys.stderr.isatty())


def cmd_build(args) -> int:
    from .build import BuildOptions, build
    from .dataset import DEFAULT_SHARD_BYTES, DEFAULT_SPLIT_SEED, DEFAULT_TEST_SHARE
    from .dedup import DEFAULT_SHINGLE, DEFAULT_THRESHOLD
    opts = BuildOptions(
        raw=args.raw, out=args.out, card=args.card, settings=_settings(args), workers=args.workers,
        test_share=args.test_share or DEFAULT_TEST_SHARE, split_seed=args.split_seed or DEFAULT_SPLIT_SEED,
        dedup=args.dedup, near_threshold=args.near_threshold or DEFAULT_THRESHOLD,
        shingle=args.shingle or DEFAULT_SHINGLE,
        shard_bytes=args.shard_size or DEFAULT_SHARD_BYTES, on_error=args.on_error,
        engine=args.engine, progress=_progress(args))
    s = build(opts, log=lambda m: print(f"cleaner: {m}", file=sys.stderr))
    print(f"cleaner: built {s.out}: {plural(s.articles, 'article')} "
          f"({', '.join(f'{k} {v:,}' for k, v in s.splits.items())}), "
          f"{plural(s.duplicates, 'duplicate')} dropped, {plural(len(s.skipped), 'file')} skipped",
          file=sys.stderr)
    return EXIT_OK


def cmd_clean(args) -> int:
    from .engine import run_local, with_progress
    from .manifest import RawFile
    from .pipeline import FileMeta
    settings = _settings(args)
    stdin_tmp = None
    files = []
    problems: list[BadInput] = []
    for name in args.files:
        if name == "-":
            fd, stdin_tmp = tempfile.mkstemp(prefix="cleaner-stdin-")
            with os.fdopen(fd, "wb") as f:
                f.write(sys.stdin.buffer.read())
            files.append(RawFile(stdin_tmp, FileMeta("stdin", args.year, args.outlet, args.encoding)))
        elif Path(name).is_dir():
            found, bad = _folder(Path(name), args)
            files += found
            problems += bad
        else:
            files.append(RawFile(name, FileMeta(Path(name).as_posix(), args.year, args.outlet,
                                                args.encoding)))
    try:
        for p in problems:    # the manifest's: a listed file missing, a file not listed
            if args.on_error == "stop":
                raise p
            print(f"cleaner: skipped: {p}", file=sys.stderr)
        with _Output(args.output, sys.stdout) as out, _Output(args.audit) as audit:
            if audit:
                for p in problems:
                    audit.write(json.dumps({"kind": "skipped", **p.to_dict()}, ensure_ascii=False) + "\n")
            results = with_progress(run_local(files, settings, args.workers, audit=args.audit is not None,
                                              as_json=True),
                                    files, _progress(args))
            for cleaned in results:
                if cleaned.error is not None:
                    if args.on_error == "stop":
                        raise cleaned.error
                    print(f"cleaner: skipped: {cleaned.error}", file=sys.stderr)
                    if audit:
                        audit.write(json.dumps({"kind": "skipped", **cleaned.error.to_dict()},
                                               ensure_ascii=False) + "\n")
                    continue
                out.writelines(cleaned.records)
                if audit:
                    audit.writelines(cleaned.audit)
    finally:
        if stdin_tmp:
            os.unlink(stdin_tmp)
    return EXIT_OK


def _folder(folder: Path, args):
    """A folder's raw files, read as ``build`` reads its raw folder (its
    ``manifest.csv``, if any, gives the files, their order, year, outlet and
    encoding, and is not itself cleaned), each named by its path as given on
    the command line. Returns the files and the manifest's problems."""
    from dataclasses import replace

    from .manifest import RawFile, discover
    files, problems = discover(folder, args.year)
    out = []
    for f in files:
        meta = replace(f.meta, name=Path(f.path).as_posix(), outlet=f.meta.outlet or args.outlet,
                       encoding=f.meta.encoding or args.encoding)
        out.append(RawFile(f.path, meta))
    return out, problems


class _Output:
    """A text file that appears whole or not at all; ``default`` without a path."""

    def __init__(self, path: Path | None, default=None):
        self.path = path
        self.default = default
        self.tmp = None
        self.f = None

    def __enter__(self):
        if self.path is None:
            return self.default
        target = Path(self.path)
        target.parent.mkdir(parents=True, exist_ok=True)
        fd, self.tmp = tempfile.mkstemp(prefix=f".{target.name}.", suffix=".part", dir=target.parent)
        self.f = os.fdopen(fd, "w", encoding="utf-8")
        return self.f

    def __exit__(self, exc_type, exc, tb):
        if self.f is None:
            if self.default is not None:
                self.default.flush()
            return False
        self.f.close()
        if exc_type is None:
            from .modes import normal_mode
            os.chmod(self.tmp, normal_mode())
            os.replace(self.tmp, self.path)
        else:
            os.unlink(self.tmp)
        return False


def cmd_explain(args) -> int:
    from .explain import explain
    return explain(args)


def cmd_publish(args) -> int:
    from .publish import PublishError, publish
    try:
        return publish(args.dist, args.repo_id, dry_run=args.dry_run, private=args.private,
                       message=args.message)
    except PublishError as e:
        print(f"cleaner: publish failed: {e}", file=sys.stderr)
        return EXIT_PUBLISH


COMMANDS = {"build": cmd_build, "clean": cmd_clean, "explain": cmd_explain, "publish": cmd_publish}
