"""An article about any exercise already in the graph ingests, validates and merges.

For each curated exercise and ten imported ones (drawn with a seed), a guide article in the
reference format (the shape of ../shared/articles/machine-back-extension.txt) is written from
the exercise's name, ingested ``--into`` a copy of data/ (one ``exgraph ingest`` run: the
articles validate together with everything already there), and the copy is loaded: every
exercise's document shows one muscle list, one step list and one programming table, the
article's, since an article outranks the curated data and the imports. Before source-scoped
part nodes, the article's muscle nodes got the curated ones' IRIs (two roles each: MaxCount).
"""

from __future__ import annotations

import random
import shutil
from pathlib import Path

import pytest
from click.testing import CliRunner

from exgraph.cli.main import main
from exgraph.errors import BadRequest, NotFound
from exgraph.graph.load import open_store
from exgraph.graph.store import Store
from exgraph.queries.documents import exercise_document
from exgraph.records import records_for
from exgraph.records.lookup import resolve
from exgraph.vocab.terms import EXERCISE
from tests.paths import REPO

pytestmark = pytest.mark.slow

DATA = REPO / "data"
IMPORTED_SAMPLE = 10
SEED = 19
STEPS = ["Set up with the load close and the trunk braced.",
         "Move through the full range the joint allows without losing position.",
         "Return under control and reset before the next rep."]


def article(name: str, other: str) -> str:
    """A guide article about the exercise name in the reference format."""
    return f"""{name} is a strength exercise written up here to test ingesting into the graph.
What Muscles Do {name} Work?
{name} trains the hamstrings first, with the glutes helping and the abdominals bracing.
| Role | Muscles | Function in {name.lower()} |
|---|---|---|
| Primary | Hamstrings | Move the load through the main joint action |
| Secondary | Glutes | Assist the main action near lockout |
| Stabilizers | Abdominals | Keep the trunk still |
How Do You Perform {name}?
Set up, move with control, return slowly.
{chr(10).join("- " + step for step in STEPS)}
What Are the Benefits of {name}?
It is simple to load and to progress.
- Easy progression: Small jumps in load keep the reps clean.
Common {name} Mistakes and Fixes
The most common issue is rushing the reps.
Why do I lose position at the end of the set?
Problem: The trunk rounds as fatigue builds.
Why it happens: The load is too heavy for the reps.
Fix: Take weight off and stop a rep earlier.
Is {name} Good for Beginners?
Yes. Start light and keep every rep strict.
How Much Weight Should You Use for {name}?
Use a load that keeps the last rep clean.
| Goal | Sets | Reps | Rest | Load guideline |
|---|---|---|---|---|
| Hypertrophy | 3 to 4 | 8 to 12 | 90 to 120 sec | Last 2 reps challenging |
| Strength | 4 to 5 | 3 to 6 | 120 to 180 sec | Heavy, clean reps |
Add the smallest load step once every set reaches the top of the rep range.
How Often Should You Do {name}?
Most lifters do well with 2 to 3 sessions per week.
How Does {name} Compare to {other}?
They train a similar pattern with different setups.
| Variation | Best for | Main tradeoff |
|---|---|---|
| {name} | Structured loading | Less freedom of movement |
| {other} | Free movement | Harder to load |
What Are the Best Alternatives to {name}?
If you cannot do it, use an alternative that trains the same pattern.
Alternative Exercises
{other}
Best for: A similar hip extension pattern.
Key difference: Another setup and load path.
Difficulty: Moderate.
What Equipment Do You Need?
You need a barbell.
"""


def _chosen(store: Store) -> list[str]:
    """The curated exercises, then ten imported ones whose name finds them (seeded)."""
    found = records_for(store)
    curated = sorted(s for s, r in found.records.items() if "curated" in r.by_source)
    imported = []
    for slug, record in sorted(found.records.items()):
        name = record.name or ""
        stated = {s for s in record.by_source if not s.startswith("inferred-")}
        if (stated <= {"wger", "free-exercise-db"} and name.isascii()
                and "(" not in name and len(name.split()) <= 4):
            try:
                if resolve(store, "exercise", name).slug == slug:
                    imported.append(slug)
            except (NotFound, BadRequest):  # a name that means several is not drawn
                continue
    return curated + random.Random(SEED).sample(imported, IMPORTED_SAMPLE)


def test_an_article_about_any_exercise_ingests_validates_and_wins(
        full_store: Store, tmp_path: Path) -> None:
    slugs = _chosen(full_store)
    assert len(slugs) >= 5 + IMPORTED_SAMPLE
    records = records_for(full_store).records
    copy = tmp_path / "data"
    shutil.copytree(DATA, copy)
    texts = tmp_path / "articles"
    texts.mkdir()
    files = []
    for slug in slugs:
        other = "Cable pull-through" if slug == "romanian-deadlift" else "Romanian deadlift"
        path = texts / f"guide-{slug}.txt"
        path.write_text(article(records[slug].name or slug, other), encoding="utf-8")
        files.append(str(path))
    result = CliRunner().invoke(main, ["ingest", *files, "--into", str(copy)],
                                env={"EXGRAPH_IMPORTS": "1"})
    assert result.exit_code == 0, result.output[-3000:]
    assert len(list((copy / "articles").glob("guide-*.ttl"))) == len(slugs)
    store = open_store("oxigraph", data_dir=copy, imported=True)
    problems = []
    for slug in slugs:
        doc = exercise_document(store, EXERCISE[slug])
        source = f"article-guide-{slug}"
        muscles = {role: [m["id"] for m in items] for role, items in doc["muscles"].items()}
        # one muscle list, whole from one source: the article's, unless the reviewed layer
        # (first in the precedence) describes the exercise; then the article's stays in by_source
        reviewed = [s for s in records[slug].provenance.get("muscles", [])
                    if s.startswith("reviewed-")]
        if reviewed:
            if doc["provenance"]["muscles"] != reviewed[:1]:
                problems.append(f"{slug}: muscles from {doc['provenance']['muscles']}")
            if "muscles" not in doc["by_source"].get(source, {}):
                problems.append(f"{slug}: the article's muscles are not kept under by_source")
        elif muscles != {"primary": ["hamstrings"], "secondary": ["glutes"],
                         "stabilizer": ["abdominals"]}:
            problems.append(f"{slug}: muscles {muscles}")
        for section in ("muscles", "steps", "programming")[0 if not reviewed else 1:]:
            if doc["provenance"][section] != [source]:
                problems.append(f"{slug}: {section} from {doc['provenance'][section]}")
        if doc["steps"] != STEPS:
            problems.append(f"{slug}: steps {doc['steps']}")
        if [row["goal"] for row in doc["programming"]] != ["hypertrophy", "strength"]:
            problems.append(f"{slug}: programming {doc['programming']}")
    assert not problems, "\n".join(problems)
