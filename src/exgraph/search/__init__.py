"""Search that finds what lifters type: exercise names ranked by relevance.

Exact, whole-word and prefix matches first, then typos; plurals, hyphens and word order do not
matter; abbreviations and common names come from reviewed synonyms in the graph
(data/synonyms.ttl); names in the asked language first, other languages as a fallback; the
richer record first among near-equal matches. One index per store generation
(:func:`index_for`), shared by the API's ``q=``, ``/api/v1/suggest``, the pages and name
resolution (:func:`best`). How it ranks: docs/search.md.
"""

from exgraph.search.index import Hit, SearchIndex, best, index_for, search

__all__ = ["Hit", "SearchIndex", "best", "index_for", "search"]
