"""Run the per-file path on Ray Data, for corpora one machine cannot hold.

Each raw file is one row; Ray workers read and clean it with exactly the
function the local engine uses (:func:`cleaner.engine.clean_one`), and the
results come back to the driver in corpus order, where deduplication and
the split run as they do locally. So both engines give the same rows.

``ray.init`` connects to the cluster named by ``RAY_ADDRESS`` and starts a
local one otherwise. On a cluster, the raw files must be readable at the
same path on every node (a shared file system).
"""
from __future__ import annotations

import os
import pickle
from typing import Iterator, Sequence

from .engine import Cleaned, Task, clean_one
from .manifest import RawFile
from .pipeline import Settings


def _clean_batch(batch: dict) -> dict:
    """Ray map_batches function: one pickled task in, one pickled result out."""
    out = []
    for task in batch["task"]:
        out.append(pickle.dumps(clean_one(pickle.loads(task))))
    return {"index": batch["index"], "result": out}


def run_ray(files: Sequence[RawFile], settings: Settings, workers: int | None = None) -> Iterator[Cleaned]:
    """Clean ``files`` on Ray; yields results in the order of ``files``."""
    import ray

    started = False
    if not ray.is_initialized():
        address = os.environ.get("RAY_ADDRESS")
        if address:
            ray.init(address=address, log_to_driver=False)
        else:
            ray.init(num_cpus=workers, include_dashboard=False, log_to_driver=False)
        started = True
    try:
        ctx = ray.data.DataContext.get_current()
        ctx.execution_options.preserve_order = True
        ctx.enable_progress_bars = False
        items = [{"index": i, "task": pickle.dumps(Task(f, settings))} for i, f in enumerate(files)]
        if not items:
            return
        ds = ray.data.from_items(items, override_num_blocks=min(len(items), 1000))
        ds = ds.map_batches(_clean_batch, batch_size=1)
        expected = 0
        for row in ds.iter_rows():
            if row["index"] != expected:   # preserve_order guarantees this; check it
                raise RuntimeError(f"Ray returned file {row['index']} where {expected} was due")
            expected += 1
            yield pickle.loads(row["result"])
    finally:
        if started:
            ray.shutdown()
