"""Importers of external exercise datasets (free-exercise-db, wger) onto the exgraph vocabulary.

Each dataset module reads its files into :class:`~.common.ImportRecord` s; :mod:`.mapping`
matches them against the bundled graph and builds triples; :mod:`.runner` validates and writes.
"""

from exgraph.importers.common import DatasetError, ImportRecord, Summary
from exgraph.importers.runner import (
           IMPORT_ORDER,
           ImportResult,
           imported_path,
           run_import,
           write_result,
)

__all__ = ["IMPORT_ORDER", "DatasetError", "ImportRecord", "ImportResult", "Summary",
           "imported_path", "run_import", "write_result"]
