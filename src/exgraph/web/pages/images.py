"""Pictures of an exercise, shown where their licence allows, with their author and licence.

The graph links an exercise to its pictures with ``schema:image``; each picture carries
``dcterms:license``, and where its source names one ``dcterms:creator`` (wger names an author
per image). A picture is shown when:

- it has a licence, and
- its host is not one whose pictures' origin is disputed (:data:`DISPUTED`): free-exercise-db's
  pictures are declared public domain (Unlicense), but the dataset names no author, and its
  own users dispute where the pictures come from (issue 24). They are shown only when the
  setting ``EXGRAPH_SHOW_DISPUTED_IMAGES=true`` allows them, with a note saying so.

Pictures are linked from where their source keeps them, never copied: the page's content
policy then lists exactly the hosts of the pictures it shows (:func:`hosts`), and no other.
"""

from __future__ import annotations

from dataclasses import dataclass
from urllib.parse import urlsplit

from exgraph.graph.rq import internal
from exgraph.graph.store import Store

#: URL prefixes of pictures whose origin is disputed, with the reason shown beside them.
DISPUTED = {
    "https://raw.githubusercontent.com/yuhonas/free-exercise-db/":
        "from free-exercise-db, which declares its pictures public domain but names no author; "
        "where they come from is disputed",
}
#: Pictures shown per exercise at most (free-exercise-db has two per exercise, wger a few).
MAX_PICTURES = 4


@dataclass(frozen=True)
class Picture:
    """One picture of an exercise, and what its licence asks to show beside it."""

    url: str
    licence: str | None
    authors: tuple[str, ...]
    disputed: str | None  # why its origin is disputed, or None

    @property
    def allowed(self) -> bool:
        """Shown by default: licensed and not disputed."""
        return self.licence is not None and self.disputed is None


def pictures_of(store: Store, iri: str) -> list[Picture]:
    """The pictures the graph links to the exercise, in URL order."""
    rows = store.select(internal("exercise-pictures").text(exercise=iri))
    found: dict[str, tuple[str | None, list[str]]] = {}
    for row in rows:
        url = str(row["image"])
        if urlsplit(url).scheme != "https":
            continue  # only https pictures: a page must not load mixed or odd content
        licence, authors = found.setdefault(url, (None, []))
        if "licence" in row:
            licence = str(row["licence"])
        if "creator" in row and str(row["creator"]) not in authors:
            authors.append(str(row["creator"]))
        found[url] = (licence, authors)
    return [Picture(url, licence, tuple(authors),
                    next((why for prefix, why in DISPUTED.items() if url.startswith(prefix)),
                         None))
            for url, (licence, authors) in found.items()]


def shown(pictures: list[Picture], allow_disputed: bool) -> list[Picture]:
    """The pictures a page shows: the allowed ones, and the disputed ones when the setting
    allows them (a picture without a licence never)."""
    return [p for p in pictures
            if p.licence is not None and (p.disputed is None or allow_disputed)][:MAX_PICTURES]


def hosts(pictures: list[Picture]) -> list[str]:
    """The origins (``https://host``) the pictures are loaded from, sorted, for the content
    policy's img-src."""
    return sorted({f"https://{urlsplit(p.url).netloc}" for p in pictures})
