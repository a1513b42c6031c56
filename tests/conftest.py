"""Shared fixtures: the repository root, the seed page and its gold records."""
import json
import os
from pathlib import Path

import pytest
from hypothesis import settings

#: CI runs the property tests on a fixed set of examples, so that a green run
#: stays green for the same code; local runs (and ``bench/fuzz.py``) draw new
#: inputs each time, and what they find becomes an ``@example``.
settings.register_profile("ci", derandomize=True, database=None)
if os.environ.get("CI"):
    settings.load_profile("ci")

ROOT = Path(__file__).resolve().parent.parent
SEED = ROOT / "raw" / "000_0bb77fbabf8f1fbb.txt"
GOLD = ROOT / "tests" / "golden" / "seed.jsonl"
#: The fields the gold records define (see tests/golden/README.md).
GOLD_FIELDS = ["title", "text", "byline", "outlet", "authors", "date", "source"]


@pytest.fixture(scope="session")
def gold():
    return [json.loads(l) for l in GOLD.read_text(encoding="utf-8").splitlines() if l.strip()]


@pytest.fixture(scope="session")
def seed_bytes():
    return SEED.read_bytes()


def project(records, fields=GOLD_FIELDS):
    """Records reduced to the gold's fields, in page order."""
    rows = sorted(records, key=lambda r: r["source"]["line_start"])
    return [{f: r[f] for f in fields} for r in rows]
