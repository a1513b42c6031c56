"""cleaner: raw hard-wrapped Chinese newspaper text -> a clean, documented dataset.

The path one file takes is :func:`cleaner.pipeline.clean_bytes`; the command
line is :mod:`cleaner.cli`.
"""
__version__ = "0.1.0"
