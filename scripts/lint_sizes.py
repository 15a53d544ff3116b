"""Size gates of ``make lint``: no module over 500 lines, no function over 80 lines.

Complexity is ruff's mccabe rule (C901, ``max-complexity = 20`` in pyproject.toml); ruff has no
rule for the length of a module or a function, so this script measures them with :mod:`ast`
(a function's length runs from its ``def`` line, decorators excluded, to its last line).

``OVER`` may list what is over a limit, with its size (a ratchet used while issue 20 split the
eleven modules and functions that were over): a listed item may not grow, a new item over a
limit fails, and an item back under its limit must be removed, so the list only shrinks. It is
empty: every module and function is within the limits. Exit status 1 on any
finding, with one ``path:line: message`` per finding.

    python scripts/lint_sizes.py [ROOT ...]     (default: src)
"""

from __future__ import annotations

import ast
import sys
from pathlib import Path

MAX_MODULE_LINES = 500
MAX_FUNCTION_LINES = 80

#: Over a limit, with the size allowed: "path" for a module, "path:function" (qualified by
#: class) for a function. Empty: keep it so.
OVER: dict[str, int] = {}


def sizes(path: Path) -> dict[str, tuple[int, int]]:
    """``{key: (line, length)}`` for the module and each of its functions (methods qualified by
    their class)."""
    text = path.read_text(encoding="utf-8")
    found = {path.as_posix(): (1, len(text.splitlines()))}

    def visit(node: ast.AST, prefix: str) -> None:
        for child in ast.iter_child_nodes(node):
            if isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef):
                name = prefix + child.name
                end = child.end_lineno or child.lineno
                found[f"{path.as_posix()}:{name}"] = (child.lineno, end - child.lineno + 1)
                visit(child, name + ".")
            elif isinstance(child, ast.ClassDef):
                visit(child, prefix + child.name + ".")

    visit(ast.parse(text), "")
    return found


def findings(roots: list[Path]) -> list[str]:
    """Every size over its limit (or over its OVER entry), and every stale OVER entry."""
    out: list[str] = []
    seen: dict[str, int] = {}
    for root in roots:
        for path in sorted(root.rglob("*.py")):
            for key, (line, length) in sizes(path).items():
                seen[key] = length
                limit = MAX_FUNCTION_LINES if ":" in key else MAX_MODULE_LINES
                allowed = max(limit, OVER.get(key, 0))
                if length > allowed:
                    what = f"function {key.split(':')[-1]}" if ":" in key else "module"
                    listed = f", listed at {OVER[key]}" if key in OVER else ""
                    out.append(f"{path.as_posix()}:{line}: {what} has {length} lines "
                               f"(limit {limit}{listed})")
    for key, listed in OVER.items():
        limit = MAX_FUNCTION_LINES if ":" in key else MAX_MODULE_LINES
        now = seen.get(key)
        if now is None or now < listed:
            out.append(f"{key.split(':')[0]}:1: OVER lists {key} at {listed} lines, it has "
                       f"{now if now is not None else 'none'}: lower or remove the entry"
                       + (" (it is within the limit now)" if now is None or now <= limit else ""))
    return out


def main(argv: list[str]) -> int:
    roots = [Path(a) for a in argv] or [Path("src")]
    problems = findings(roots)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
