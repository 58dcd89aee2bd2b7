"""Python's cyclic garbage collection paced for runs of many identities.

A run of 10,000 identities makes millions of small objects (records, template pieces, answers), and
each of Python's young collections walks the young objects while every older one is walked again by
the collections of the older generations: with the default threshold (700 allocations) a run spends
about a tenth of its CPU time collecting. Nothing a run makes holds cycles worth finding early, so a
run raises the young threshold while it works and puts it back after (docs/design.md, "Speed"):
job.run, the check, and formats.render for a program that renders without a run. This is the one
place the collector is paced.
"""

from __future__ import annotations

import gc
from collections.abc import Iterator
from contextlib import contextmanager

YOUNG_THRESHOLD = 100_000  # allocations between two young collections while a run works (Python's default: 700)


@contextmanager
def fewer_collections(threshold: int = YOUNG_THRESHOLD) -> Iterator[None]:
    """Raise the young generation's threshold to at least `threshold` inside the block."""
    before = gc.get_threshold()
    gc.set_threshold(max(before[0], threshold), *before[1:])
    try:
        yield
    finally:
        gc.set_threshold(*before)
