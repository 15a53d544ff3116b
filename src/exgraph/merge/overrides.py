"""The reviewed merge decisions (``data/merges.tsv``): pairs forced the same or different."""

from __future__ import annotations

import csv
from pathlib import Path

_OVERRIDE_HEADER = ["a", "b", "decision", "reason"]
_HEADER_TEXT = "\t".join(_OVERRIDE_HEADER)


def read_overrides(path: str | Path) -> tuple[list[tuple[str, str]], list[tuple[str, str]]]:
    """Read the reviewed merge decisions from a TSV with header ``a b decision reason``.

    Returns ``(forced_same, forced_different)``: lists of ``(a, b)`` key pairs in file order.
    Blank lines and lines starting with ``#`` are skipped. Raises ValueError with a
    ``path:line: message`` text for a wrong header, a wrong number of fields, an empty key, a
    pair of one key with itself, a decision other than ``same`` / ``different``, an empty
    reason, or a pair listed twice.
    """
    path = Path(path)
    same: list[tuple[str, str]] = []
    different: list[tuple[str, str]] = []
    seen: dict[tuple[str, str], int] = {}
    with path.open(encoding="utf-8", newline="") as handle:
        rows = csv.reader(handle, delimiter="\t", quoting=csv.QUOTE_NONE)
        header_seen = False
        for row in rows:
            line = rows.line_num
            if not row or not "".join(row).strip() or row[0].startswith("#"):
                continue
            if not header_seen:
                if row != _OVERRIDE_HEADER:
                    got = "\t".join(row)
                    raise ValueError(f"{path}:{line}: header must be {_HEADER_TEXT!r}, got {got!r}")
                header_seen = True
                continue
            if len(row) != 4:
                raise ValueError(f"{path}:{line}: expected 4 tab-separated fields, got {len(row)}")
            a, b, decision, reason = (value.strip() for value in row)
            if not a or not b:
                raise ValueError(f"{path}:{line}: empty key")
            if a == b:
                raise ValueError(f"{path}:{line}: {a!r} paired with itself")
            if not reason:
                raise ValueError(f"{path}:{line}: empty reason")
            pair = _ordered(a, b)
            if pair in seen:
                raise ValueError(f"{path}:{line}: pair {a} / {b} already on line {seen[pair]}")
            seen[pair] = line
            if decision == "same":
                same.append((a, b))
            elif decision == "different":
                different.append((a, b))
            else:
                raise ValueError(
                    f"{path}:{line}: decision must be 'same' or 'different', got {decision!r}"
                )
        if not header_seen:
            raise ValueError(f"{path}:1: missing header {_HEADER_TEXT!r}")
    return same, different


def _ordered(a: str, b: str) -> tuple[str, str]:
    return (a, b) if a <= b else (b, a)
