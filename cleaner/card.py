"""The dataset card: Hub YAML front matter plus a body rendered from the
build's own numbers.

The body template is ``data/card.md``, filled with ``string.Template``'s
``substitute``, which raises on any placeholder left without a value, so a
card can never ship with a hole in it. The YAML is built as data and
dumped, with the feature list taken from ``datasets`` itself.
"""
from __future__ import annotations

import json
from importlib import resources
from string import Template

import yaml

LICENSE_NOTE = "other"


class CardError(Exception):
    """The card template asked for a value the build did not provide."""


def size_category(n: int) -> str:
    """The Hub's size bucket for ``n`` examples.

    >>> size_category(6), size_category(12_000)
    ('n<1K', '10K<n<100K')
    """
    bounds = [(1_000, "n<1K"), (10_000, "1K<n<10K"), (100_000, "10K<n<100K"),
              (1_000_000, "100K<n<1M"), (10_000_000, "1M<n<10M"), (100_000_000, "10M<n<100M")]
    for limit, name in bounds:
        if n < limit:
            return name
    return "n>100M"


def features_yaml(schema) -> list:
    """The Hub's ``dataset_info.features`` list for a pyarrow schema."""
    from datasets import Features   # the authority on the Hub's feature format
    return Features.from_arrow_schema(schema)._to_yaml_list()


def front_matter(*, schema, splits: dict[str, dict], pretty_name: str) -> dict:
    """The YAML metadata: configs, dataset_info, language, licence, tasks."""
    total = sum(s["articles"] for s in splits.values())
    return {
        "pretty_name": pretty_name,
        "language": ["zh"],
        "license": LICENSE_NOTE,
        "license_name": "publisher-copyright",
        "task_categories": ["text-generation"],
        "task_ids": ["language-modeling"],
        "size_categories": [size_category(total)],
        "multilinguality": ["monolingual"],
        "source_datasets": ["original"],
        "configs": [{
            "config_name": "default",
            "data_files": [{"split": name, "path": f"data/{name}-*.parquet"} for name in splits],
        }],
        "dataset_info": {
            "features": features_yaml(schema),
            "splits": [{"name": name, "num_bytes": s["bytes"], "num_examples": s["articles"]}
                       for name, s in splits.items()],
            "download_size": sum(s["bytes"] for s in splits.values()),
            "dataset_size": sum(s["bytes"] for s in splits.values()),
        },
    }


def render(meta: dict, values: dict) -> str:
    """The whole card: ``---`` YAML ``---`` then the filled body template."""
    body = resources.files("cleaner").joinpath("data/card.md").read_text(encoding="utf-8")
    try:
        text = Template(body).substitute(values)
    except KeyError as e:
        raise CardError(f"dataset card: no value for ${e.args[0]}") from None
    head = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False, width=1000)
    return f"---\n{head}---\n\n{text}"


def md_table(header: list[str], rows: list[list]) -> str:
    """A Markdown table.

    >>> print(md_table(["a", "b"], [[1, 2]]))
    | a | b |
    |---|---|
    | 1 | 2 |
    """
    lines = ["| " + " | ".join(header) + " |", "|" + "---|" * len(header)]
    lines += ["| " + " | ".join(str(c) for c in r) + " |" for r in rows]
    return "\n".join(lines)


def example_json(record: dict, limit: int = 160) -> str:
    """A real record, long strings shortened, as indented JSON."""
    def cut(v):
        if isinstance(v, str) and len(v) > limit:
            return v[:limit] + "…"
        if isinstance(v, list):
            return [cut(x) for x in v]
        if isinstance(v, dict):
            return {k: cut(x) for k, x in v.items()}
        return v
    return json.dumps(cut(record), ensure_ascii=False, indent=2)
