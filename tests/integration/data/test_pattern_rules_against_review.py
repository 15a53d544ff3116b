"""The movement-pattern name rules (src/exgraph/infer/rules/pattern.py) measured against the
reviewed layer (issue 22, the fourth fresh audit's cause 2).

The rules give a pattern only where no source states one, so today they decide a few unreviewed
exercises; but a name word that fires on the wrong family shows on the reviewed exercises, whose
patterns were judged one by one. The audit found one: the word "crossover" (meant for the cable
crossover) made wger's "Hip Crossover", a lying trunk rotation, single-joint isolation. Run on
every reviewed exercise as if it had no pattern, the name rules agreed with the review on 1,019
of 1,056 (96.5 %) before the fixes of facts5 and on 1,021 of 1,051 (97.1 %) after (the
crossover narrowed to the cable and band fly family, clean and press/jerk a hinge, Australian
pull-ups a row, kneeling squats a hinge, single-leg box squats a lunge, sledgehammer swings a
rotation, a source's stretch no pattern at all).
"""

from __future__ import annotations

from collections import Counter

from exgraph.graph.store import Store
from exgraph.infer.inputs import load_facts
from exgraph.infer.rules import movement_pattern

#: The share of reviewed exercises on which a name rule that fires gives the reviewed pattern
#: (measured 0.971 after facts5; the rest are judgement calls the review made differently, such
#: as glute-ham raises filed as isolation or a dumbbell high pull as a vertical pull).
AGREEMENT = 0.96
#: A rule that fires on the reviewed exercises and disagrees with the review this often is
#: firing on the wrong family.
WORST_RULE = 0.15


def test_the_name_rules_agree_with_the_reviewed_patterns(full_store: Store) -> None:
    rows = full_store.select(
        "PREFIX exg: <https://w3id.org/exgraph/ontology#> SELECT ?e ?p WHERE { GRAPH ?g { "
        "?e exg:movementPattern ?p } "
        "FILTER(STRSTARTS(STR(?g), 'https://w3id.org/exgraph/id/source/reviewed-')) }")
    reviewed = {str(r["e"]).rsplit("/", 1)[-1]: str(r["p"]).rsplit("#", 1)[-1] for r in rows}
    assert len(reviewed) > 1000
    facts = load_facts(full_store)
    agree: Counter[str] = Counter()
    disagree: dict[str, list[tuple[str, str, str]]] = {}
    for slug, pattern in reviewed.items():
        inferred = movement_pattern(facts[slug])
        if inferred is None or not inferred.rule.startswith("pattern/name-keyword/"):
            continue
        if inferred.value == pattern:
            agree[inferred.rule] += 1
        else:
            disagree.setdefault(inferred.rule, []).append((slug, pattern, inferred.value))
    fired = sum(agree.values()) + sum(len(v) for v in disagree.values())
    assert fired > 1000, fired
    share = sum(agree.values()) / fired
    assert share >= AGREEMENT, (share, disagree)
    for rule, wrong in disagree.items():
        assert len(wrong) <= WORST_RULE * (agree[rule] + len(wrong)) or len(wrong) == 1, \
            (rule, wrong)


def test_the_bare_word_crossover_gives_no_isolation(full_store: Store) -> None:
    """Every exercise named with "crossover" that the rules call single-joint isolation is a
    cable or band crossover (the chest fly family); hip crossover is a trunk rotation."""
    facts = load_facts(full_store)
    named = {slug: f for slug, f in facts.items()
             if any("crossover" in n.lower().replace("-", "").replace(" ", "")
                    for n in f.names)}
    assert "hip-crossover" in named and len(named) >= 5
    for slug, fact in named.items():
        inferred = movement_pattern(fact)
        if inferred is not None and inferred.value == "Isolation":
            assert any(w in " ".join(fact.names).lower() for w in ("cable", "band")), slug
    hip = movement_pattern(facts["hip-crossover"])
    assert hip is not None and hip.value == "TrunkStability", hip
