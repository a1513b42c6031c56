"""Coverage-guided fuzzing of the decoder and of the per-file path.

    pip install atheris
    python bench/fuzz.py decode -max_total_time=300      # bytes -> text
    python bench/fuzz.py clean  -max_total_time=300      # bytes -> records

Any exception other than :class:`cleaner.errors.BadInput` (the refusal of
bad input, with a message) is a crash: atheris stops and writes the input
that caused it to ``crash-*``. ``clean`` runs the whole path with the
conservation check on, so text that goes missing is a crash too. Extra
arguments are libFuzzer's (``-max_total_time``, ``-runs``, a corpus folder).
The fuzzer starts from the seed page and a few encodings of it.
"""
import os
import sys
import tempfile

import atheris

with atheris.instrument_imports():
    from cleaner.decode import decode
    from cleaner.errors import BadInput
    from cleaner.pipeline import FileMeta, Settings, clean_bytes

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
SEED = os.path.join(ROOT, "raw", "000_0bb77fbabf8f1fbb.txt")
META = FileMeta("fuzz.txt", year=2021)
SETTINGS = Settings()


def fuzz_decode(data: bytes) -> None:
    try:
        text = decode(data, "fuzz.txt").text
    except BadInput:
        return
    assert "\r" not in text


def fuzz_clean(data: bytes) -> None:
    try:
        result = clean_bytes(data, META, SETTINGS)
    except BadInput:
        return
    for a in result.articles:
        r = a.record
        assert r["text"] is not None and "\r" not in r["text"]


def seed_corpus() -> str:
    """A folder of starting inputs: the seed page in several encodings."""
    folder = tempfile.mkdtemp(prefix="fuzz-corpus-")
    text = open(SEED, encoding="utf-8").read()
    samples = {"utf8": text.encode(), "gb18030": text.encode("gb18030"),
               "utf16": text.encode("utf-16"), "crlf": text.replace("\n", "\r\n").encode(),
               "short": text[:300].encode()}
    for name, data in samples.items():
        with open(os.path.join(folder, name), "wb") as f:
            f.write(data)
    return folder


def main() -> None:
    if len(sys.argv) < 2 or sys.argv[1] not in ("decode", "clean"):
        sys.exit(__doc__)
    target = {"decode": fuzz_decode, "clean": fuzz_clean}[sys.argv[1]]
    args = [sys.argv[0]] + sys.argv[2:]
    if not any(not a.startswith("-") for a in sys.argv[2:]):
        args.append(seed_corpus())
    atheris.Setup(args, target)
    atheris.Fuzz()


if __name__ == "__main__":
    main()
