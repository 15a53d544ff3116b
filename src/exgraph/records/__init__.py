"""One effective record per exercise, built once per data generation (docs/records.md).

:func:`records_for` gives the records of a store; :func:`record_of` one of them;
:mod:`exgraph.records.precedence` is the one precedence table; :mod:`exgraph.records.lookup`
finds the exercise (muscle, equipment) a slug, alias, IRI or name means.
"""

from __future__ import annotations

from exgraph.records.build import records_for
from exgraph.records.model import Record, RecordSet

__all__ = ["Record", "RecordSet", "records_for"]
