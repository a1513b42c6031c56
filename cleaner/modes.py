"""The mode of the files the tool writes.

Kept apart from ``build`` so that ``clean`` can give its output file the
same mode without importing the dataset stack (pyarrow, datasets), which
would cost ``clean`` its start-up time.
"""
from __future__ import annotations

import os


def normal_mode(folder: bool = False) -> int:
    """The mode a new file (or folder) gets by default: 0666 (0777) less the
    umask. Temporary files are created 0600 and given this before they are
    renamed into place."""
    mask = os.umask(0)
    os.umask(mask)
    return (0o777 if folder else 0o666) & ~mask
