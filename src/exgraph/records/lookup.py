"""One lookup: what a person types for an exercise, muscle or equipment -> the canonical one.

:func:`resolve` is the one function every surface calls (the API answers 308 to the canonical
path, pages 308 to the canonical page, ``/id/...`` 303 there, the Python API and every CLI
option that takes an exercise resolve through it). It tries, in order:

1. the **slug** (``romanian-deadlift``);
2. the **IRI** (``https://w3id.org/exgraph/id/exercise/romanian-deadlift``; an IRI of another
   kind is an error, not a guess);
3. an **alias**: the slug of a duplicate merged into the canonical resource (``owl:sameAs`` in
   data/aliases.ttl: ``deadlifts`` -> ``barbell-deadlift``);
4. the **slug of the text** (``Romanian Deadlift`` -> ``romanian-deadlift``), as a slug or alias;
5. a **name**: every label, preferred and alternative label (every language) under the
   resolver's normalisation (:func:`exgraph.vocab.names.normalise`: ``push-up``, ``Pushups``
   and ``PUSH UPS`` meet; ``RDL`` is ``romanian deadlift``), then the same words in any order.

A name that means several resources, or nothing, raises :class:`Unresolved` (a NotFound: 404)
naming the candidates or the closest names ("did you mean", rapidfuzz over the same keys). The
index is built once per store generation. Ranking ambiguous names by relevance is the search
module's job; :func:`resolve` is where it would plug in.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from exgraph.errors import BadRequest, NotFound
from exgraph.graph.rq import internal
from exgraph.graph.store import GenerationCache, Store, derived_value
from exgraph.records.build import records_for
from exgraph.vocab.names import normalise, slugify
from exgraph.vocab.terms import EQUIPMENT_CATEGORIES, ID, SLUG_RE, local_name

KINDS = ("exercise", "muscle", "equipment")
#: Longest text looked up (a name is a few words; anything longer is no name).
MAX_TEXT = 300
#: How many close names an error offers, and how close they must be (rapidfuzz WRatio, 0-100).
SUGGESTIONS = 5
SUGGEST_CUTOFF = 70
#: Values of one parameter resolved at most (more: left to the caller's bound check).
MAX_VALUES = 100

_NAMES = internal("lookup-names").text()
_ALIASES = internal("aliases").text()
_TYPE_KIND = {"Muscle": "muscle", "Equipment": "equipment", "EquipmentCategory": "equipment"}


class Unresolved(NotFound):
    """Nothing, or more than one resource, goes by that text; ``candidates`` are the slugs it
    could mean (ambiguous) or the closest ones (did you mean)."""

    def __init__(self, message: str, candidates: list[str]) -> None:
        super().__init__(message)
        self.candidates = candidates


@dataclass(frozen=True)
class Found:
    """What a text resolved to: the canonical slug and IRI, and how (slug, iri, alias, name)."""

    kind: str
    slug: str
    iri: str
    how: str


@dataclass
class Index:
    """The slugs, aliases and names of one kind of resource."""

    kind: str
    iris: dict[str, str] = field(default_factory=dict)  # slug -> IRI
    slugs: dict[str, str] = field(default_factory=dict)  # IRI -> slug (a category's: its key)
    labels: dict[str, str] = field(default_factory=dict)  # slug -> its name
    aliases: dict[str, str] = field(default_factory=dict)  # alias slug -> canonical slug
    exact: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))
    unordered: dict[str, set[str]] = field(default_factory=lambda: defaultdict(set))

    def add(self, slug: str, iri: str, names: list[str]) -> None:
        self.iris.setdefault(slug, iri)
        self.slugs.setdefault(iri, slug)
        for name in names:
            self.labels.setdefault(slug, name)
            if key := normalise(name):
                self.exact[key].add(slug)
                self.unordered[normalise(name, sort_tokens=True)].add(slug)

    def canonical(self, slug: str) -> str | None:
        if slug in self.iris:
            return slug
        target = self.aliases.get(slug)
        return target if target in self.iris else None

    def resolve(self, text: str) -> Found:
        """The resource text means (see the module documentation); raises Unresolved."""
        text = text.strip()
        if not text or len(text) > MAX_TEXT:
            raise BadRequest(f"{self.kind}: give a slug, IRI or name of 1 to {MAX_TEXT} "
                             "characters")
        if text in self.iris:
            return self._found(text, "slug")
        if text.startswith(("http://", "https://")):
            if text in self.slugs:  # any IRI the index holds (an equipment category's too)
                return self._found(self.slugs[text], "iri")
            prefix = f"{ID}{self.kind}/"
            slug = text.removeprefix(prefix)
            if not text.startswith(prefix) or not SLUG_RE.match(slug):
                raise Unresolved(f"{text!r} is not an exgraph {self.kind} IRI "
                                 f"({prefix}SLUG)", [])
            if (target := self.canonical(slug)) is not None:
                return self._found(target, "iri" if target == slug else "alias")
            raise self._missing(slug)
        if (target := self.canonical(text)) is not None:
            return self._found(target, "alias")
        try:
            slugged = slugify(text)
        except ValueError:
            slugged = ""
        if slugged and (target := self.canonical(slugged)) is not None:
            return self._found(target, "slug" if target == slugged else "alias")
        for index, key in ((self.exact, normalise(text)),
                           (self.unordered, normalise(text, sort_tokens=True))):
            found = sorted(index.get(key, ())) if key else []
            if len(found) == 1:
                return self._found(found[0], "name")
            if found:
                named = ", ".join(f"{self.labels.get(s, s)} ({s})" for s in found[:10])
                raise Unresolved(f"{text!r} names several of: {named}", found)
        raise self._missing(text)

    def _found(self, slug: str, how: str) -> Found:
        return Found(self.kind, slug, self.iris[slug], how)

    def suggest(self, text: str) -> list[str]:
        """The slugs whose names are closest to text, best first."""
        # rapidfuzz here, for a name that matched nothing: not a cost of every start (issue 25)
        from rapidfuzz import fuzz, process

        key = normalise(text) or text.lower()
        matches = process.extract(key, list(self.exact), scorer=fuzz.WRatio,
                                  limit=SUGGESTIONS * 3, score_cutoff=SUGGEST_CUTOFF)
        slugs: list[str] = []
        for match, _score, _i in matches:
            for slug in sorted(self.exact[match]):
                if slug not in slugs and len(slugs) < SUGGESTIONS:
                    slugs.append(slug)
        return slugs

    def _missing(self, text: str) -> Unresolved:
        close = self.suggest(text)
        hint = ("; did you mean: " + "; ".join(f"{self.labels.get(s, s)} ({s})" for s in close)
                + "?") if close else ""
        return Unresolved(f"no {self.kind} {text!r}{hint}", close)


def _build(store: Store) -> dict[str, Index]:
    indexes = {kind: Index(kind) for kind in KINDS}
    for slug, record in records_for(store).records.items():
        names = [n for n in [record.name] if n] + [s["name"] for s in record.synonyms]
        indexes["exercise"].add(slug, record.iri, names or [slug])
    categories = {str(iri): key for key, iri in EQUIPMENT_CATEGORIES.items()}
    labels: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    named: dict[tuple[str, str, str], set[str]] = defaultdict(set)
    for row in store.select(_NAMES):
        iri, kind = str(row["x"]), _TYPE_KIND.get(local_name(str(row["type"])))
        if kind is None:
            continue
        slug = categories.get(iri) or iri.removeprefix(f"{ID}{kind}/")
        if not SLUG_RE.match(slug):
            continue
        key = (kind, slug, iri)
        named[key].update([str(row["name"])] if "name" in row else [])
        labels[key].update([str(row["label"])] if "label" in row else [])
    for key in sorted(set(named) | set(labels)):
        kind, slug, iri = key
        indexes[kind].add(slug, iri, sorted(labels[key]) + sorted(named[key] - labels[key]))
    for row in store.select(_ALIASES):
        alias, canonical = str(row["alias"]), str(row["canonical"])
        for kind in KINDS:
            prefix = f"{ID}{kind}/"
            if alias.startswith(prefix) and canonical.startswith(prefix):
                indexes[kind].aliases[alias.removeprefix(prefix)] = canonical.removeprefix(prefix)
    return indexes


def _cached_build(store: Store) -> dict[str, Index]:
    """:func:`_build`, read back from beside the store's snapshot on unchanged data (issue 25:
    the first request after a start resolves its names without reading the records)."""
    return derived_value(store, "lookup-index", _build, _encode, _decode)


def _encode(indexes: dict[str, Index]) -> object:
    return {kind: {name: dict(value) for name, value in vars(index).items() if name != "kind"}
            for kind, index in indexes.items()}


def _decode(data: Any) -> dict[str, Index]:
    indexes = {}
    for kind, fields in data.items():
        index = Index(kind, dict(fields["iris"]), dict(fields["slugs"]), dict(fields["labels"]),
                      dict(fields["aliases"]))
        index.exact.update(fields["exact"])
        index.unordered.update(fields["unordered"])
        indexes[kind] = index
    if set(indexes) != set(KINDS):
        raise KeyError("not every kind of index")
    return indexes


_INDEXES: GenerationCache[dict[str, Index]] = GenerationCache(_cached_build)


def index_for(store: Store, kind: str) -> Index:
    """The lookup index of kind (exercise, muscle, equipment) for store's generation."""
    return _INDEXES.get(store)[kind]


def resolve(store: Store, kind: str, text: str) -> Found:
    """The canonical resource of kind that text (slug, alias, IRI or name) means.

    Raises Unresolved (a NotFound) naming the candidates or the closest names, BadRequest for
    an empty or over-long text.
    """
    return index_for(store, kind).resolve(text)


def exercise_slug(store: Store, text: str) -> str:
    """The canonical slug of the exercise text means (see :func:`resolve`)."""
    return resolve(store, "exercise", text).slug


def param_kinds(params: Iterable[Any]) -> list[tuple[str, str, bool]]:
    """(name, kind, many) of a named query's parameters (``NamedQuery.params``: each with a
    name, a type whose kind names what its IRIs are, and whether it takes a list)."""
    return [(str(p.name), str(p.type.kind or ""), bool(p.many)) for p in params]


def canonical_params(store: Store, params: Iterable[tuple[str, str, bool]],
                     values: Mapping[str, Any], *,
                     exercise_404: bool = True) -> dict[str, Any]:
    """values with every exercise, muscle and equipment resolved to its canonical slug.

    ``params`` are (name, kind, many) of the parameters (a named query's, a plan's); a value of
    a kind the lookup knows goes through :func:`resolve` (a list parameter's comma-separated
    items each), other values are kept as given (the caller's own parsing checks them, as it
    checks a value that is no string, or more than :data:`MAX_VALUES` of them). An exercise
    nothing matches raises Unresolved (404, like ``/exercises/{id}``) when ``exercise_404``,
    else BadRequest; a muscle or equipment BadRequest naming the parameter — each with the
    closest names.
    """
    kinds = {name: (kind, many) for name, kind, many in params}
    out: dict[str, Any] = dict(values)
    for name, raw in values.items():
        kind, many = kinds.get(name, ("", False))
        items = [raw] if isinstance(raw, str) else raw
        if (kind not in KINDS or not isinstance(items, list)
                or not all(isinstance(i, str) for i in items) or len(items) > MAX_VALUES):
            continue
        resolved = []
        for item in items:
            parts = [p.strip() for p in item.split(",") if p.strip()] if many else [item]
            if len(parts) > MAX_VALUES:
                resolved.append(item)
                continue
            resolved.append(",".join(_one(store, kind, name, part, exercise_404)
                                     for part in parts))
        out[name] = resolved[0] if isinstance(raw, str) else resolved
    return out


def _one(store: Store, kind: str, param: str, text: str, exercise_404: bool) -> str:
    """The slug of one value; an exercise given by a well-formed slug or IRI that the graph
    lacks is a 404 (when exercise_404), anything else that matches nothing a 400."""
    try:
        return resolve(store, kind, text).slug
    except Unresolved as exc:
        well_formed = SLUG_RE.match(text.strip()) or text.strip().startswith(f"{ID}{kind}/")
        if kind == "exercise" and exercise_404 and well_formed:
            raise
        raise BadRequest(f"parameter {param!r}: {exc}") from None
