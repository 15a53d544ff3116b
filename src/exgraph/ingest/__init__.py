"""Exercise guide articles → triples in the exgraph vocabulary (``exgraph ingest``).

parser (text → plain dataclasses with line numbers) → resolve (names → graph resources)
→ build (dataclasses → rdflib Graph); pipeline ties them together for one file.
"""

from exgraph.ingest.article_file import Result, base_graph, ingest_file, ingest_files, ingest_text
from exgraph.ingest.model import IngestError, Issue

__all__ = ["IngestError", "Issue", "Result", "base_graph", "ingest_file", "ingest_files",
           "ingest_text"]
