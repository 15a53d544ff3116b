"""What the command line reads is bounded, and what it writes is all or none (issue 11, CLI inputs).

* Input files: articles, dataset files, query files and validated Turtle files are regular files
  within a size limit (settings EXGRAPH_MAX_*_BYTES), refused before being read whole; devices
  and FIFOs are refused without blocking.
* Characters: an article with a control character is refused with FILE:LINE; a dataset string
  with one (or a name over 200 characters, a text over 10,000) names file, record and field.
* Corrupted datasets: every corruption of small synthetic copies of free-exercise-db and wger is
  one error line naming the file, never a traceback, and nothing is written.
* Writes: temporary files are ``.<name>.<pid>.<random>.tmp``; those of a dead process are removed
  by the next run, and ``ingest --into`` writes its articles as one unit (a journal undoes a
  killed commit at the next run).
"""

from __future__ import annotations

import json
import os
import shutil
import signal
import subprocess
import sys
import textwrap
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest
from click.testing import CliRunner, Result

from exgraph.cli.main import main
from exgraph.config import DATA_DIR
from exgraph.graph.export import write_atomic
from exgraph.graph.safe_files import (
    TEMP_RE,
    InputFileError,
    commit_files,
    read_limited,
    recover,
    remove_stale,
)
from exgraph.ingest.article_file import character_issues
from tests.paths import TESTS

FIXTURES = TESTS / "fixtures" / "articles"
GOBLET = FIXTURES / "goblet-squat.txt"
ROW = FIXTURES / "seated-cable-row.txt"
PUSH_UP = FIXTURES / "push-up.txt"


def run(*args: str) -> Result:
    """The real command line, in process; an exception that escapes it fails the test."""
    return CliRunner().invoke(main, list(args), catch_exceptions=False)


def error_line(result: Result) -> str:
    """The one line of a refused command (asserting it is one line and no traceback)."""
    assert result.exit_code != 0, result.output
    assert "Traceback" not in result.output
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1, result.stderr
    assert lines[0].startswith("Error: ")
    return lines[0]


def dead_pid() -> int:
    """The id of a process that has exited (and been reaped)."""
    process = subprocess.Popen([sys.executable, "-c", "pass"])
    process.wait()
    return process.pid


def dot_files(directory: Path) -> list[str]:
    return sorted(p.name for p in directory.iterdir() if p.name.startswith("."))


# ---------------------------------------------------------------------------------------------
# Reading within limits


@pytest.fixture
def fifo(tmp_path: Path) -> Path:
    path = tmp_path / "fifo.txt"
    os.mkfifo(path)
    return path


@pytest.mark.timeout(30)  # a FIFO must be refused, not waited on
@pytest.mark.parametrize(("make", "reason"), [
    (lambda tmp: Path("/dev/zero"), "is a character device, expected a regular file"),
    (lambda tmp: tmp / "fifo.txt", "is a pipe (FIFO), expected a regular file"),
    (lambda tmp: tmp, "is a directory, expected a regular file"),
    (lambda tmp: tmp / "missing.txt", "no such file"),
    (lambda tmp: tmp / "big.txt", "11 bytes, more than the limit of 10 bytes (EXGRAPH_X)"),
], ids=["dev-zero", "fifo", "directory", "missing", "over-limit"])
def test_read_limited_refuses(tmp_path: Path, fifo: Path, make: Callable[[Path], Path],
                              reason: str) -> None:
    (tmp_path / "big.txt").write_bytes(b"x" * 11)
    path = make(tmp_path)
    with pytest.raises(InputFileError) as caught:
        read_limited(path, 10, "X")
    assert str(caught.value) == f"{path}: {reason}"


def test_read_limited_reads_a_file_up_to_the_limit(tmp_path: Path) -> None:
    path = tmp_path / "exact.txt"
    path.write_bytes(b"x" * 10)
    assert read_limited(path, 10, "X") == b"x" * 10


@pytest.mark.timeout(60)
@pytest.mark.parametrize("command", [
    ["ingest"], ["sparql"], ["validate"], ["import", "free-exercise-db"],
], ids=lambda c: " ".join(c))
def test_commands_refuse_devices_and_fifos(fifo: Path, command: list[str]) -> None:
    for path in (Path("/dev/zero"), fifo):
        line = error_line(run(*command, str(path)))
        assert str(path) in line and "expected a regular file" in line


@pytest.mark.parametrize(("command", "setting", "name"), [
    (["ingest"], "MAX_ARTICLE_BYTES", "goblet-squat.txt"),
    (["sparql"], "MAX_QUERY_FILE_BYTES", "q.rq"),
    (["validate"], "MAX_DATA_FILE_BYTES", "data.ttl"),
    (["import", "free-exercise-db"], "MAX_DATASET_BYTES", "exercises.json"),
], ids=lambda v: v if isinstance(v, str) else " ".join(v))
def test_files_over_the_limit_are_refused_naming_file_and_limit(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, command: list[str], setting: str,
        name: str) -> None:
    path = tmp_path / name
    path.write_text("SELECT * WHERE { ?s ?p ?o }\n" * 100 if name == "q.rq" else
                    GOBLET.read_text() if name.endswith(".txt") else "[]" + " " * 3000)
    monkeypatch.setenv(f"EXGRAPH_{setting}", "1024")
    line = error_line(run(*command, str(path)))
    assert line.startswith(f"Error: {path}: ")
    assert f"more than the limit of 1 KiB (EXGRAPH_{setting})" in line
    monkeypatch.setenv(f"EXGRAPH_{setting}", "lots")
    line = error_line(run(*command, str(path)))
    assert line == f"Error: EXGRAPH_{setting}: expected a whole number of bytes above 0, got 'lots'"


# ---------------------------------------------------------------------------------------------
# Characters of an article


def line_of(text: str, fragment: str) -> int:
    return text[:text.index(fragment)].count("\n") + 1


@pytest.mark.parametrize(("char", "shown"), [
    ("\x00", "control character U+0000 (NUL)"),
    ("\x1b", "control character U+001B (ESC)"),
    ("\x7f", "control character U+007F (DEL)"),
    ("\x0c", "control character U+000C"),
    ("\x85", "control character U+0085"),
    ("\ufeff", "character U+FEFF (a byte-order mark)"),
], ids=["NUL", "ESC", "DEL", "form-feed", "C1-NEL", "BOM-inside"])
def test_article_with_a_control_character_is_refused_with_file_and_line(
        tmp_path: Path, char: str, shown: str) -> None:
    text = GOBLET.read_text()
    muscle = "Quadriceps"  # a muscle name of the article's muscle table
    assert muscle in text
    bad = tmp_path / "goblet-squat.txt"
    bad.write_text(text.replace(muscle, muscle[:4] + char + muscle[4:], 1), encoding="utf-8")
    line = error_line(run("ingest", str(bad)))
    assert line.startswith(f"Error: {bad}:{line_of(text, muscle)}: {shown} at column ")


def test_article_character_rules() -> None:
    assert character_issues("\ufeffGoblet Squat\ttab\r\nline\n", "a.txt") == []
    many = "".join(f"line {i}\x00\n" for i in range(25))
    issues = character_issues(many, "a.txt")
    assert [i.line for i in issues[:10]] == list(range(1, 11))
    assert str(issues[-1]) == "a.txt: 15 more line(s) with control characters"


# ---------------------------------------------------------------------------------------------
# Corrupted datasets: small synthetic copies, every corruption one error line


FEDB_RECORDS: list[dict[str, Any]] = [
    {"id": "Synthetic_Goblet_Hold", "name": "Synthetic Goblet Hold", "force": "static",
     "level": "beginner", "mechanic": "isolation", "equipment": "dumbbell",
     "primaryMuscles": ["quadriceps"], "secondaryMuscles": ["glutes"],
     "instructions": ["Hold a dumbbell at your chest.", "Sit into a squat and hold."],
     "category": "strength", "images": ["Synthetic_Goblet_Hold/0.jpg"]},
    {"id": "Synthetic_Floor_Press", "name": "Synthetic Floor Press", "force": "push",
     "level": "intermediate", "mechanic": "compound", "equipment": "barbell",
     "primaryMuscles": ["chest"], "secondaryMuscles": ["triceps"],
     "instructions": ["Lie on the floor under a barbell.", "Press it up."],
     "category": "strength", "images": []},
    {"id": "Synthetic_Back_Raise", "name": "Synthetic Back Raise", "force": "pull",
     "level": "expert", "mechanic": None, "equipment": None,
     "primaryMuscles": ["lower back"], "secondaryMuscles": [],
     "instructions": ["Raise your back."], "category": "strength"},
]


def _wger_uuid(n: int) -> str:
    return f"00000000-0000-4000-8000-{n:012d}"


WGER_FILES: dict[str, list[dict[str, Any]]] = {
    "languages.json": [
        {"model": "core.language", "pk": 1, "fields": {"short_name": "de", "full_name": "Deutsch"}},
        {"model": "core.language", "pk": 2, "fields": {"short_name": "en", "full_name": "English"}},
    ],
    "licenses.json": [
        {"model": "core.license", "pk": 2, "fields": {
            "short_name": "CC-BY-SA 4",
            "url": "https://creativecommons.org/licenses/by-sa/4.0/deed.en"}},
    ],
    "muscles.json": [
        {"model": "exercises.muscle", "pk": pk, "fields": {"name": name}}
        for pk, name in ((4, "Pectoralis major"), (8, "Gluteus maximus"),
                         (10, "Quadriceps femoris"))
    ],
    "equipment.json": [
        {"model": "exercises.equipment", "pk": 1, "fields": {"name": "Barbell"}},
        {"model": "exercises.equipment", "pk": 3, "fields": {"name": "Dumbbell"}},
    ],
    "categories.json": [
        {"model": "exercises.exercisecategory", "pk": 9, "fields": {"name": "Legs"}},
        {"model": "exercises.exercisecategory", "pk": 11, "fields": {"name": "Chest"}},
    ],
    "exercise-base-data.json": [
        {"model": "exercises.exercise", "pk": 101, "fields": {
            "uuid": _wger_uuid(101), "license": 2, "license_author": "tester", "category": 9,
            "variation_group": None, "muscles": [10], "muscles_secondary": [8],
            "equipment": [3]}},
        {"model": "exercises.exercise", "pk": 102, "fields": {
            "uuid": _wger_uuid(102), "license": 2, "license_author": "tester", "category": 11,
            "variation_group": None, "muscles": [4], "muscles_secondary": [], "equipment": [1]}},
    ],
    "translations.json": [
        {"model": "exercises.translation", "pk": 201, "fields": {
            "exercise": 101, "language": 2, "name": "Synthetic Dumbbell Squat Hold",
            "uuid": _wger_uuid(201), "description": "<p>Hold a dumbbell and squat.</p>",
            "license": 2, "license_author": "tester"}},
        {"model": "exercises.translation", "pk": 202, "fields": {
            "exercise": 101, "language": 1, "name": "Synthetische Kniebeuge mit Kurzhantel",
            "uuid": _wger_uuid(202), "description": "", "license": 2,
            "license_author": "tester"}},
        {"model": "exercises.translation", "pk": 203, "fields": {
            "exercise": 102, "language": 2, "name": "Synthetic Barbell Floor Press",
            "uuid": _wger_uuid(203), "description": "<p>Press from the floor.</p>",
            "license": 2, "license_author": "tester"}},
        {"model": "exercises.alias", "pk": 301, "fields": {
            "uuid": _wger_uuid(301), "translation": 201, "alias": "Synthetic Squat Hold"}},
    ],
}


def make_fedb(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "exercises.json").write_text(json.dumps(FEDB_RECORDS, indent=1))
    return folder


def make_wger(folder: Path) -> Path:
    folder.mkdir(parents=True)
    for name, items in WGER_FILES.items():
        (folder / name).write_text(json.dumps(items, indent=1))
    return folder


Corrupt = Callable[[Path], None]


def edit(name: str, change: Callable[[Any], Any]) -> Corrupt:
    """A corruption that changes the parsed JSON of file name (change may mutate and return
    None, or return the new document)."""
    def corrupt(folder: Path) -> None:
        document = json.loads((folder / name).read_text())
        changed = change(document)
        (folder / name).write_text(json.dumps(document if changed is None else changed))
    return corrupt


def raw(name: str, change: Callable[[bytes], bytes]) -> Corrupt:
    def corrupt(folder: Path) -> None:
        (folder / name).write_bytes(change((folder / name).read_bytes()))
    return corrupt


def splice(name: str, old: str, new: str) -> Corrupt:
    """Replace text in the JSON source (for values json.dumps cannot write)."""
    return raw(name, lambda data: data.replace(old.encode(), new.encode(), 1))


def make_directory(name: str) -> Corrupt:
    def corrupt(folder: Path) -> None:
        (folder / name).unlink()
        (folder / name).mkdir()
    return corrupt


def make_fifo(name: str) -> Corrupt:
    def corrupt(folder: Path) -> None:
        (folder / name).unlink()
        os.mkfifo(folder / name)
    return corrupt


def remove(name: str) -> Corrupt:
    return lambda folder: (folder / name).unlink()


def set_field(index: int, field: str, value: Any, *, wger: bool = False) -> Callable[[Any], None]:
    def change(document: Any) -> None:
        (document[index]["fields"] if wger else document[index])[field] = value
    return change


def replace_by_file(folder: Path) -> None:
    shutil.rmtree(folder)
    folder.write_text("x")


def deep(depth: int = 100_000) -> str:
    return "[" * depth + "]" * depth


EX = "exercises.json"
TR = "translations.json"
BASE = "exercise-base-data.json"

#: (id, dataset, corruption, the file the error must name, what the error must say)
CORRUPTIONS: list[tuple[str, str, Corrupt, str, str]] = [
    # structure
    ("empty-file", "fedb", raw(EX, lambda d: b""), EX, "malformed JSON"),
    ("truncated-1", "fedb", raw(EX, lambda d: d[:1]), EX, "malformed JSON"),
    ("truncated-half", "fedb", raw(EX, lambda d: d[:len(d) // 2]), EX, "malformed JSON"),
    ("truncated-last", "fedb", raw(EX, lambda d: d[:-1]), EX, "malformed JSON"),
    ("not-utf8", "fedb", raw(EX, lambda d: d.replace(b"Goblet", b"Gobl\xe9t", 1)), EX,
     "not UTF-8"),
    ("leading-bom", "fedb", raw(EX, lambda d: b"\xef\xbb\xbf" + d), EX, "malformed JSON"),
    ("object-at-top", "fedb", edit(EX, lambda d: {"records": d}), EX, "expected a JSON array"),
    ("record-is-string", "fedb", edit(EX, lambda d: ["a string", *d]), EX,
     "record 1: expected a JSON object, got a string"),
    ("record-is-null", "fedb", edit(EX, lambda d: [*d, None]), EX, "record 4: expected a JSON "
                                                                    "object, got null"),
    ("missing-name", "fedb", edit(EX, lambda d: d[1].pop("name") and None), EX,
     "record 2: field 'name' missing"),
    ("name-is-number", "fedb", edit(EX, set_field(0, "name", 12)), EX,
     "field 'name' should be str, got a number"),
    ("muscles-null", "fedb", edit(EX, set_field(0, "primaryMuscles", None)), EX,
     "field 'primaryMuscles' should be list, got null"),
    ("muscle-is-number", "fedb", edit(EX, set_field(0, "primaryMuscles", [7])), EX,
     "field 'primaryMuscles' item 1 should be str"),
    ("instructions-string", "fedb", edit(EX, set_field(2, "instructions", "Raise it.")), EX,
     "field 'instructions' should be list, got a string"),
    ("huge-integer", "fedb", splice(EX, '"beginner"', "9" * 5000), EX, "unreadable JSON value"),
    ("huge-float", "fedb", splice(EX, '"beginner"', "1e999"), EX,
     "field 'level' should be str, got a number"),
    ("deep-nesting", "fedb", splice(EX, '"beginner"', deep()), EX, "nested too deeply"),
    ("unknown-level", "fedb", edit(EX, set_field(0, "level", "godlike")), EX,
     "field 'level' is 'godlike'"),
    ("image-outside", "fedb", edit(EX, set_field(0, "images", ["../../etc/passwd"])), EX,
     "is not a path under exercises/"),
    ("duplicate-id", "fedb", edit(EX, lambda d: [*d, dict(d[0], name="Other")]), EX,
     "id 'Synthetic_Goblet_Hold' repeats"),
    # characters and lengths
    ("nul-in-name", "fedb", edit(EX, set_field(0, "name", "Goblet\x00Hold")), EX,
     "record 1: field 'name': control character U+0000 at character 7"),
    ("esc-in-muscle", "fedb", edit(EX, set_field(0, "primaryMuscles", ["quad\x1bs"])), EX,
     "field 'primaryMuscles' item 1: control character U+001B"),
    ("del-in-text", "fedb", edit(EX, set_field(1, "instructions", ["Press\x7f"])), EX,
     "record 2 ('Synthetic Floor Press'): field 'instructions' item 1: control character U+007F"),
    ("lone-surrogate", "fedb", splice(EX, "Synthetic Goblet", "Synthetic \\ud800Goblet"), EX,
     "lone surrogate U+D800"),
    ("name-100k", "fedb", edit(EX, set_field(0, "name", "A" * 100_000)), EX,
     "record 1: field 'name': 100000 characters, more than the 200 allowed"),
    ("instruction-20k", "fedb", edit(EX, set_field(0, "instructions", ["a" * 20_000])), EX,
     "field 'instructions' item 1: 20000 characters, more than the 10000 allowed"),
    # the file itself
    ("directory", "fedb", make_directory(EX), EX, "is a directory"),
    ("missing-file", "fedb", remove(EX), EX, "no such file"),
    ("fifo", "fedb", make_fifo(EX), EX, "is a pipe (FIFO)"),
    # wger: every file, references, ids
    ("w-missing-languages", "wger", remove("languages.json"), "languages.json", "no such file"),
    ("w-empty-translations", "wger", raw(TR, lambda d: b""), TR, "malformed JSON"),
    ("w-truncated-translations", "wger", raw(TR, lambda d: d[:200]), TR, "malformed JSON"),
    ("w-muscles-object", "wger", edit("muscles.json", lambda d: {"x": d}), "muscles.json",
     "expected a JSON array"),
    ("w-muscles-directory", "wger", make_directory("muscles.json"), "muscles.json",
     "is a directory"),
    ("w-equipment-not-utf8", "wger", raw("equipment.json", lambda d: d.replace(
        b"Barbell", b"Barb\xffell")), "equipment.json", "not UTF-8"),
    ("w-categories-deep", "wger", splice("categories.json", '"Legs"', deep()),
     "categories.json", "nested too deeply"),
    ("w-pk-string", "wger", edit(BASE, lambda d: d[0].update(pk="101") and None), BASE,
     "field 'pk' should be int, got a string"),
    ("w-pk-huge", "wger", splice(BASE, '"pk": 101', '"pk": ' + "1" * 5000), BASE,
     "unreadable JSON value"),
    ("w-fields-list", "wger", edit(BASE, lambda d: d[0].update(fields=[]) and None), BASE,
     "field 'fields' should be dict, got an array"),
    ("w-muscles-null", "wger", edit(BASE, set_field(0, "muscles", None, wger=True)), BASE,
     "field 'muscles' should be list, got null"),
    ("w-unknown-muscle", "wger", edit(BASE, set_field(0, "muscles", [99], wger=True)), BASE,
     "muscles: muscle 99 is not in muscles.json"),
    ("w-language-bool", "wger", edit(TR, set_field(0, "language", True, wger=True)), TR,
     "field 'language' should be int, got a boolean"),
    ("w-unknown-exercise", "wger", edit(TR, set_field(2, "exercise", 999, wger=True)), TR,
     "exercise 999 is not in exercise-base-data.json"),
    ("w-unknown-license", "wger", edit(BASE, set_field(1, "license", 7, wger=True)), BASE,
     "license 7 is not in licenses.json"),
    ("w-duplicate-pk", "wger", edit(BASE, lambda d: [*d, d[0]]), BASE,
     "exercises.exercise pk 101 repeats"),
    ("w-duplicate-uuid", "wger", edit(BASE, lambda d: [*d, {**d[0], "pk": 103}]), BASE,
     f"uuid '{_wger_uuid(101)}' repeats"),
    ("w-nul-in-name", "wger", edit(TR, set_field(0, "name", "Squat\x00", wger=True)), TR,
     "record 1 (pk 201): field 'name': control character U+0000"),
    ("w-name-100k", "wger", edit(TR, set_field(2, "name", "B" * 100_000, wger=True)), TR,
     "record 3 (pk 203): field 'name': 100000 characters, more than the 200 allowed"),
    ("w-control-in-alias", "wger", edit(TR, set_field(3, "alias", "Squat\x08", wger=True)), TR,
     "record 4 (pk 301): field 'alias': control character U+0008"),
    ("w-description-20k", "wger", edit(TR, set_field(0, "description", "c" * 20_000,
                                                      wger=True)), TR,
     "field 'description': 20000 characters, more than the 10000 allowed"),
    ("w-esc-in-category", "wger", edit("categories.json", set_field(
        0, "name", "Le\x1bgs", wger=True)), "categories.json", "control character U+001B"),
    ("w-folder-is-file", "wger", replace_by_file, "wger", "not a folder"),
]


@pytest.mark.timeout(120)
@pytest.mark.parametrize(("dataset", "corrupt", "file", "says"),
                         [c[1:] for c in CORRUPTIONS], ids=[c[0] for c in CORRUPTIONS])
def test_corrupted_dataset_is_one_error_line_and_writes_nothing(
        tmp_path: Path, dataset: str, corrupt: Corrupt, file: str, says: str) -> None:
    folder = (make_fedb if dataset == "fedb" else make_wger)(tmp_path / dataset)
    corrupt(folder)
    out = tmp_path / "out" / "import.ttl"
    out.parent.mkdir()
    into = tmp_path / "data"
    command = "free-exercise-db" if dataset == "fedb" else "wger"
    for target in (["-o", str(out)], ["--into", str(into)]):
        line = error_line(run("import", command, str(folder), *target))
        assert file in line and says in line, line
    assert list(out.parent.iterdir()) == [] and not into.exists()


def test_corruption_table_covers_both_datasets() -> None:
    kinds = [c[1] for c in CORRUPTIONS]
    assert len(CORRUPTIONS) >= 30 and kinds.count("fedb") >= 15 and kinds.count("wger") >= 15


@pytest.fixture
def curated_copy(tmp_path: Path) -> Path:
    """data/ without the dataset imports (and the reviewed layer, which reviews imported
    exercises): the graph the importers start from."""
    return Path(shutil.copytree(DATA_DIR, tmp_path / "data",
                                ignore=shutil.ignore_patterns("imported", "reviewed")))


def test_the_synthetic_copies_import_and_stale_temporary_files_go(
        tmp_path: Path, curated_copy: Path) -> None:
    """The uncorrupted copies import (so each corruption above is what fails), and an import
    --into removes the temporary files a killed import left."""
    imported = curated_copy / "imported"
    imported.mkdir()
    pid = dead_pid()
    stale = imported / f".free-exercise-db.ttl.{pid}.k3x9q2ab.tmp"
    stale.write_text("half a file")
    fedb = run("import", "free-exercise-db", str(make_fedb(tmp_path / "fedb")),
               "--into", str(curated_copy))
    assert fedb.exit_code == 0, fedb.output
    assert f"exgraph: removed {stale}, a temporary file left by process {pid}" in fedb.stderr
    assert "3 records read, 3 mapped" in fedb.stderr
    wger = run("import", "wger", str(make_wger(tmp_path / "wger")), "--into", str(curated_copy))
    assert wger.exit_code == 0, wger.output
    assert "2 records read, 2 mapped" in wger.stderr
    assert sorted(p.name for p in imported.iterdir()) == ["free-exercise-db.ttl", "wger.ttl"]


def test_a_record_without_a_usable_name_is_skipped_and_reported(tmp_path: Path,
                                                                curated_copy: Path) -> None:
    folder = make_fedb(tmp_path / "fedb")
    edit(EX, set_field(2, "name", "???"))(folder)
    result = run("import", "free-exercise-db", str(folder), "--into", str(curated_copy),
                 "--min-mapped", "0.5")
    assert result.exit_code == 0, result.output
    assert "3 records read, 2 mapped" in result.stderr
    assert ("exercises.json: record 3 ('???'): no usable name (nothing to build an IRI from)"
            in result.stderr)
    assert (curated_copy / "imported" / "free-exercise-db.ttl").exists()


# ---------------------------------------------------------------------------------------------
# Writing: temporary files, and several files as one unit


def test_temporary_files_name_their_target_and_process(tmp_path: Path,
                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    seen: list[str] = []

    def replace(src: str | Path, dst: str | Path) -> None:
        seen.append(Path(src).name)
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OSError):
        write_atomic(tmp_path / "graph.ttl", b"data")
    match = TEMP_RE.match(seen[0])
    assert match and match["name"] == "graph.ttl" and int(match["pid"]) == os.getpid()
    assert list(tmp_path.iterdir()) == []


def test_remove_stale_takes_only_files_of_dead_processes(tmp_path: Path) -> None:
    pid = dead_pid()
    dead = [tmp_path / f".a.ttl.{pid}.abc123_x.tmp", tmp_path / f".b.ttl.{pid}.0f0f0f0f.bak"]
    kept = [tmp_path / f".a.ttl.{os.getpid()}.abc123_x.tmp",  # a live writer's
            tmp_path / ".a.ttl.tmp", tmp_path / "a.ttl", tmp_path / f".{pid}.tmp"]
    for path in dead + kept:
        path.write_text("x")
    assert remove_stale(tmp_path, {"b.ttl"}) == [
        f"removed {dead[1]}, a temporary file left by process {pid}, which is gone"]
    assert len(remove_stale(tmp_path)) == 1
    assert sorted(tmp_path.iterdir()) == sorted(kept)


def test_remove_stale_leaves_what_a_journal_needs(tmp_path: Path) -> None:
    pid = dead_pid()
    temp = tmp_path / f".a.ttl.{pid}.abcdefgh.tmp"
    temp.write_text("new a")
    journal = tmp_path / f".exgraph-journal.{pid}.json"
    journal.write_text(json.dumps({"entries": [{"target": "a.ttl", "temp": temp.name,
                                                "backup": None}]}))
    assert remove_stale(tmp_path) == []
    assert temp.exists()
    recover(tmp_path)  # not renamed, and there was no a.ttl before: nothing
    assert list(tmp_path.iterdir()) == []


def _commit_and_die(directory: Path, files: dict[str, str], die_at: str) -> None:
    """commit_files in another process, killed with SIGKILL when it renames onto die_at."""
    code = textwrap.dedent(f"""
        import os, signal
        from pathlib import Path
        from exgraph.graph import safe_files
        real = os.replace
        def replace(src, dst):
            if Path(dst).name == {die_at!r}:
                os.kill(os.getpid(), signal.SIGKILL)
            real(src, dst)
        os.replace = replace
        safe_files.commit_files(Path({str(directory)!r}),
                                {{k: v.encode() for k, v in {files!r}.items()}})
    """)
    process = subprocess.run([sys.executable, "-c", code], capture_output=True, timeout=60)
    assert process.returncode == -signal.SIGKILL, process.stderr.decode()


@pytest.mark.parametrize("die_at", ["a.ttl", "b.ttl", "c.ttl"])
def test_a_commit_killed_between_renames_is_undone_by_the_next_run(tmp_path: Path,
                                                                    die_at: str) -> None:
    (tmp_path / "a.ttl").write_text("old a")
    (tmp_path / "c.ttl").write_text("old c")
    _commit_and_die(tmp_path, {"a.ttl": "new a", "b.ttl": "new b", "c.ttl": "new c"}, die_at)
    assert any(p.name.startswith(".exgraph-journal.") for p in tmp_path.iterdir())
    done = recover(tmp_path)
    assert "undid an unfinished write of 3 file(s)" in done[0]
    assert {p.name: p.read_text() for p in tmp_path.iterdir()} == {"a.ttl": "old a",
                                                                   "c.ttl": "old c"}
    assert recover(tmp_path) == []


def test_a_failed_rename_puts_back_what_was_renamed(tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.ttl").write_text("old a")
    real = os.replace

    def replace(src: str | Path, dst: str | Path) -> None:
        if Path(dst).name == "b.ttl":
            raise OSError(5, "Input/output error")
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(OSError):
        commit_files(tmp_path, {"a.ttl": b"new a", "b.ttl": b"new b"})
    assert {p.name: p.read_text() for p in tmp_path.iterdir()} == {"a.ttl": "old a"}


def test_when_undoing_fails_too_the_next_run_finishes_it(tmp_path: Path,
                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    (tmp_path / "a.ttl").write_text("old a")
    real = os.replace
    renamed: list[str] = []

    def replace(src: str | Path, dst: str | Path) -> None:
        if renamed and not Path(dst).name.startswith(".exgraph-journal"):
            raise OSError(5, "Input/output error")  # the second rename, and every undo
        if not Path(dst).name.startswith(".exgraph-journal"):
            renamed.append(Path(dst).name)
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    with pytest.raises(Exception, match="the next exgraph ingest or import into it undoes"):
        commit_files(tmp_path, {"a.ttl": b"new a", "b.ttl": b"new b"})
    monkeypatch.setattr(os, "replace", real)
    assert (tmp_path / "a.ttl").read_text() == "new a"  # half done, until the next run
    assert recover(tmp_path)
    assert {p.name: p.read_text() for p in tmp_path.iterdir()} == {"a.ttl": "old a"}


# ---------------------------------------------------------------------------------------------
# ingest --into: all articles or none, and what a killed run left is undone


def test_ingest_into_undoes_a_killed_run_and_removes_stale_files(curated_copy: Path) -> None:
    articles = curated_copy / "articles"
    reference = articles / "machine-back-extension.ttl"
    original = reference.read_bytes()
    pid = dead_pid()
    stale = articles / f".push-up.ttl.{pid}.s7t4l3ab.tmp"
    stale.write_text("@prefix broken")
    live = articles / f".push-up.ttl.{os.getpid()}.l1v3abcd.tmp"  # this process is alive
    live.write_text("in progress")
    # a commit killed after replacing the reference file, before writing goblet-squat.ttl
    _commit_and_die(articles, {"machine-back-extension.ttl": "# half\n",
                               "goblet-squat.ttl": "# half\n"}, die_at="goblet-squat.ttl")
    assert reference.read_bytes() != original

    result = run("ingest", str(PUSH_UP), "--into", str(curated_copy))
    assert result.exit_code == 0, result.output
    assert "undid an unfinished write of 2 file(s)" in result.stderr
    assert f"exgraph: removed {stale}, a temporary file left by process {pid}" in result.stderr
    assert reference.read_bytes() == original
    assert not (articles / "goblet-squat.ttl").exists()
    assert (articles / "push-up.ttl").read_bytes().startswith(b"@prefix")
    assert dot_files(articles) == [live.name]


def test_ingest_into_writes_nothing_when_the_third_article_does_not_validate(
        tmp_path: Path, curated_copy: Path) -> None:
    articles = curated_copy / "articles"
    # another file gives the push-up a difficulty the vocabulary does not have
    (articles / "other.ttl").write_text(
        "@prefix exg: <https://w3id.org/exgraph/ontology#> .\n"
        "<https://w3id.org/exgraph/id/exercise/push-up> exg:difficulty exg:Extreme .\n")
    before = {p.name: p.read_bytes() for p in articles.iterdir()}
    result = run("ingest", str(GOBLET), str(ROW), str(PUSH_UP), "--into", str(curated_copy))
    assert result.exit_code == 1
    assert "does not validate" in result.stderr and "Traceback" not in result.output
    assert {p.name: p.read_bytes() for p in articles.iterdir()} == before


def test_ingest_into_a_failed_rename_leaves_all_or_none(
        curated_copy: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    articles = curated_copy / "articles"
    (articles / "goblet-squat.ttl").write_text("# an earlier version\n")
    before = {p.name: p.read_bytes() for p in articles.iterdir()}
    real = os.replace
    calls: list[str] = []

    def replace(src: str | Path, dst: str | Path) -> None:
        name = Path(dst).name
        if name.endswith(".ttl"):
            calls.append(name)
            if len(calls) == 2:  # the second article's rename
                raise OSError(28, "No space left on device")
        real(src, dst)

    monkeypatch.setattr(os, "replace", replace)
    result = run("ingest", str(GOBLET), str(ROW), str(PUSH_UP), "--into", str(curated_copy))
    monkeypatch.setattr(os, "replace", real)
    assert result.exit_code == 1 and "Traceback" not in result.output
    assert result.stderr.splitlines()[-1] == (f"Error: cannot write into {articles}: No space "
                                              "left on device; nothing written")
    assert calls[:2] == ["goblet-squat.ttl", "seated-cable-row.ttl"]
    assert {p.name: p.read_bytes() for p in articles.iterdir()} == before
    assert recover(articles) == []  # the next run finds a clean directory
