"""exgraph users and exgraph log on the command line: what they print, and clear errors."""

from __future__ import annotations

from pathlib import Path

from click.testing import CliRunner

from exgraph.cli.main import main
from tests.paths import TESTS

FIXTURES = TESTS / "fixtures" / "history"


def test_users_add_list_remove(tmp_path: Path) -> None:
    runner = CliRunner()
    where = ["--history-dir", str(tmp_path)]
    added = runner.invoke(main, ["users", "add", "alice", *where])
    assert added.exit_code == 0, added.output
    token = added.output.splitlines()[1]
    assert token.startswith("exg_") and token not in (tmp_path / "users.json").read_text()
    listed = runner.invoke(main, ["users", "list", *where])
    assert listed.output.split("\t")[0] == "alice"
    again = runner.invoke(main, ["users", "add", "alice", *where])
    assert again.exit_code == 1 and "exists" in again.output
    removed = runner.invoke(main, ["users", "remove", "alice", *where])
    assert removed.exit_code == 0 and runner.invoke(main, ["users", "list", *where]).output == ""


def test_log_import_errors_name_the_file_and_line(tmp_path: Path) -> None:
    runner = CliRunner()
    where = ["--history-dir", str(tmp_path / "h")]
    unknown = runner.invoke(main, ["log", "import", str(FIXTURES / "hevy_kg.csv"),
                                   "--user", "nobody", *where])
    assert unknown.exit_code == 1 and "no user 'nobody'" in unknown.output
    assert runner.invoke(main, ["users", "add", "alice", *where]).exit_code == 0
    bad = tmp_path / "notes.csv"
    bad.write_text("when,what\nmonday,legs\n")
    refused = runner.invoke(main, ["log", "import", str(bad), "--user", "alice", *where])
    assert refused.exit_code == 1
    assert "notes.csv: line 1: not a Strong CSV" in refused.output
    wrong_unit = runner.invoke(main, ["log", "import", str(bad), "--user", "alice",
                                      "--unit", "stone", *where])
    assert wrong_unit.exit_code == 2 and "--unit" in wrong_unit.output
