"""Exercises named only in another language are merged with their English twin or kept apart
with a reason (issue 22, the fourth fresh audit's missed merge: `trazioni-impugnatura-inversa`,
Italian for the chin-up, beside `chin-up`). The resolver compares English names only, so this
is decided by hand (scripts/reviewed/foreign_names.py) and checked here on the served graph."""

from __future__ import annotations

import importlib.util
import sys
from typing import Any

from rdflib import URIRef

from exgraph.graph.store import Store
from exgraph.importers.wger_text import WRONG_NAMES
from exgraph.merge.apply import read_aliases
from exgraph.records import records_for
from exgraph.vocab.terms import EXERCISE
from tests.paths import REPO


def _module() -> Any:
    path = REPO / "scripts" / "reviewed" / "foreign_names.py"
    spec = importlib.util.spec_from_file_location("_reviewed_foreign_names", path)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


FOREIGN: Any = _module()


def test_every_exercise_without_an_english_name_is_decided(full_store: Store) -> None:
    """A new exercise without an English name fails here until a person reads it against the
    English exercises (merged by a same pair, or kept apart with a reason); an entry of the
    list that has since gained an English name or been merged must leave the list."""
    names = FOREIGN.names_by_exercise(full_store.select(FOREIGN.NAMES_QUERY))
    foreign = FOREIGN.without_english(names)
    assert len(names) > 1000 and foreign
    assert sorted(set(foreign) - set(FOREIGN.KEPT_APART)) == []
    assert sorted(set(FOREIGN.KEPT_APART) - set(foreign)) == []
    # the rule reads the tags: an English-named exercise is never listed
    assert "chin-up" in names and "chin-up" not in foreign


def test_the_foreign_names_found_the_same_are_merged(full_store: Store) -> None:
    """The five merged by data/merges.tsv (issue 22, facts5) point at their English canonical,
    whose names now include the foreign one; chin-up among them."""
    aliases = read_aliases()
    for alias, canonical in FOREIGN.MERGED.items():
        assert aliases.get(URIRef(EXERCISE[alias])) == URIRef(EXERCISE[canonical]), alias
    record = dict(records_for(full_store).records)["chin-up"]
    italian = {s["name"] for s in record.synonyms if s["lang"] == "it"}
    assert "Trazioni impugnatura inversa" in italian, italian


def test_names_whose_grip_contradicts_the_exercise_are_the_known_wrong_translations(
        full_store: Store) -> None:
    """The check finds wger's Italian "Trazioni con presa prona" (overhand) on the chin-up and
    nothing else; a new contradiction, or the known one gone, changes the set and fails here."""
    names = FOREIGN.names_by_exercise(full_store.select(FOREIGN.NAMES_QUERY))
    found = FOREIGN.grip_contradictions(names)
    # once the wger importer drops a listed name (wger_text.WRONG_NAMES, its list of names a
    # record must not carry) and the import is rerun, the name is no longer expected
    expected = {key for key in FOREIGN.WRONG_TRANSLATIONS if key[1] not in WRONG_NAMES}
    assert found == expected, found
    # the check reads grips both ways: an overhand name on an underhand exercise and back
    crafted = {"x-chin-up": {("Chin-Up", "en"), ("Klimmzug im Obergriff", "de")},
               "x-pull-up": {("Pronated Pull-Up", "en"), ("Dominadas supinas", "es")},
               "x-curl": {("Curl", "en"), ("Curl prono", "es")}}
    assert FOREIGN.grip_contradictions(crafted) == {
        ("x-chin-up", "Klimmzug im Obergriff"), ("x-pull-up", "Dominadas supinas")}
