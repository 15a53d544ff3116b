"""Fact checks: the rules (SPARQL files), their suspects, and the reviewed exceptions.

A rule is a file ``queries/checks/RULE.rq`` in the named-query format (a ``# title:`` and a
``# description:`` header, no PREFIX lines; :func:`exgraph.queries.catalogue.parse_query` checks
it parses) selecting ``?exercise`` and ``?detail``: one row per suspect fact. Rules run on the
*effective* facts (:func:`exgraph.checks.effective.effective_store`): a field a reviewed source
or a correction overrides is judged by its new value, not by the wrong one the union keeps.

A suspect is resolved in one of two ways:

* a **correction** in ``data/reviewed/corrections.ttl`` (or a reviewed family file) changes the
  effective facts, so the rule no longer finds it;
* a **reviewed exception** in ``data/check-exceptions.tsv`` (``rule``, ``exercise``, ``reason``)
  says why the fact is right although the rule suspects it.

What remains is *unresolved*; ``exgraph check`` exits 1 when any is, and CI runs it on the served
graph. An exception that no longer matches a suspect is *stale* and reported too (the data
changed; the exception should go).
"""

from __future__ import annotations

import csv
from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from rdflib import URIRef

from exgraph.checks.effective import effective_store
from exgraph.config import DATA_DIR, QUERIES_DIR
from exgraph.errors import DataError
from exgraph.graph.store import Store
from exgraph.queries.catalogue import PREFIX_TEXT, parse_query
from exgraph.vocab.terms import EXERCISE, SLUG_RE

#: Where the rules live: one SPARQL file per rule.
CHECKS_DIR = QUERIES_DIR / "checks"
#: The reviewed exceptions: rule, exercise slug, reason (tab-separated).
EXCEPTIONS_FILE = DATA_DIR / "check-exceptions.tsv"
_EXCEPTION_COLUMNS = ["rule", "exercise", "reason"]


@dataclass(frozen=True)
class Rule:
    """One check: its id (the file's stem), title, description and query (with prefixes)."""

    id: str
    title: str
    description: str
    query: str


@dataclass(frozen=True)
class Suspect:
    rule: str
    exercise: str
    detail: str


@dataclass
class RuleResult:
    rule: Rule
    suspects: list[Suspect] = field(default_factory=list)
    excepted: list[Suspect] = field(default_factory=list)

    @property
    def unresolved(self) -> list[Suspect]:
        keys = {(s.rule, s.exercise) for s in self.excepted}
        return [s for s in self.suspects if (s.rule, s.exercise) not in keys]


@dataclass
class Report:
    results: list[RuleResult]
    stale: list[tuple[str, str]]

    @property
    def unresolved(self) -> int:
        return sum(len(r.unresolved) for r in self.results)


def load_rules(directory: Path = CHECKS_DIR) -> list[Rule]:
    """Every rule of directory, sorted by id. Raises DataError naming a file whose header is
    incomplete, that declares parameters, does not select ?exercise and ?detail, or does not
    parse."""
    rules = []
    for path in sorted(directory.glob("*.rq")):
        query = parse_query(path.read_text(encoding="utf-8"), path.stem, str(path))
        if query.params:
            raise DataError(f"{path}: a check takes no parameters")
        if not {"exercise", "detail"} <= set(query.columns):
            raise DataError(f"{path}: a check selects ?exercise and ?detail, got {query.columns}")
        rules.append(Rule(path.stem, query.title, query.description, PREFIX_TEXT + query.body))
    if not rules:
        raise DataError(f"{directory}: no check rules (*.rq)")
    return rules


def read_exceptions(path: Path = EXCEPTIONS_FILE,
                    rules: Iterable[str] | None = None) -> dict[tuple[str, str], str]:
    """(rule, exercise slug) -> reason from the exceptions file ({} when absent). Raises
    DataError naming the line of a malformed row, an unknown rule, a bad slug, an empty reason
    or a repeated pair."""
    if not path.exists():
        return {}
    known = set(rules) if rules is not None else None
    out: dict[tuple[str, str], str] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        lines = [(n, line) for n, line in enumerate(handle, 1)
                 if line.strip() and not line.startswith("#")]
    if not lines or lines[0][1].rstrip("\r\n").split("\t") != _EXCEPTION_COLUMNS:
        raise DataError(f"{path}:1: the header must be {'<TAB>'.join(_EXCEPTION_COLUMNS)}")
    for number, line in lines[1:]:
        row = next(csv.reader([line.rstrip("\r\n")], delimiter="\t", quoting=csv.QUOTE_NONE))
        where = f"{path}:{number}"
        if len(row) != 3:
            raise DataError(f"{where}: expected rule, exercise, reason (3 tab-separated "
                            f"columns), got {len(row)}")
        rule, exercise, reason = (cell.strip() for cell in row)
        if known is not None and rule not in known:
            raise DataError(f"{where}: unknown rule {rule!r} (rules: {', '.join(sorted(known))})")
        if not SLUG_RE.match(exercise):
            raise DataError(f"{where}: not an exercise slug: {exercise!r}")
        if not reason:
            raise DataError(f"{where}: an exception needs a reason")
        if (rule, exercise) in out:
            raise DataError(f"{where}: {rule} {exercise} is listed twice")
        out[(rule, exercise)] = reason
    return out


def _slug(iri: str) -> str:
    return iri.removeprefix(str(EXERCISE))


def run_checks(store: Store, *, rules: list[Rule] | None = None,
               exceptions: dict[tuple[str, str], str] | None = None,
               only: Iterable[str] = ()) -> Report:
    """Run the rules (default: :func:`load_rules`) on the effective facts of store and apply
    the exceptions (default: :func:`read_exceptions`). ``only`` keeps the named rules."""
    rules = load_rules() if rules is None else rules
    wanted = set(only)
    unknown = wanted - {r.id for r in rules}
    if unknown:
        raise DataError(f"unknown rule(s): {', '.join(sorted(unknown))}")
    if wanted:
        rules = [r for r in rules if r.id in wanted]
    if exceptions is None:
        exceptions = read_exceptions(rules=[r.id for r in load_rules()])
    effective = effective_store(store)
    results = []
    for rule in rules:
        result = RuleResult(rule)
        seen: dict[str, Suspect] = {}
        for row in effective.select(rule.query):
            exercise = row.get("exercise")
            if not isinstance(exercise, URIRef):
                continue
            slug = _slug(str(exercise))
            detail = str(row.get("detail") or "")
            if slug in seen:  # one suspect per exercise and rule, its details joined
                if detail and detail not in seen[slug].detail.split("; "):
                    seen[slug] = Suspect(rule.id, slug, f"{seen[slug].detail}; {detail}")
                continue
            seen[slug] = Suspect(rule.id, slug, detail)
        result.suspects = sorted(seen.values(), key=lambda s: s.exercise)
        result.excepted = [s for s in result.suspects if (rule.id, s.exercise) in exceptions]
        results.append(result)
    ran = {r.id for r in rules}
    found = {(s.rule, s.exercise) for r in results for s in r.suspects}
    stale = sorted(k for k in exceptions if k[0] in ran and k not in found)
    return Report(results, stale)
