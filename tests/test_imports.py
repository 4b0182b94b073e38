"""No import cycle inside quotes/: every import statement of every module, read with ast.

Every ``import`` counts, wherever it stands: at module level, inside a function (a "lazy"
import still ties two modules together) and under ``if TYPE_CHECKING:``. Names handed to
``importlib.import_module`` as strings (the lazy facades of ``quotes/__init__.py`` and
``quotes/execution/__init__.py``) are not imports, and importing ``a.b.c`` is not counted
as importing the packages ``a`` and ``a.b``.
"""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "quotes"

Graph = dict[str, dict[str, int]]  # module -> imported module -> line of the first such import


def module_name(path: Path, root: Path) -> str:
    parts = [root.name, *path.relative_to(root).with_suffix("").parts]
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def import_graph(root: Path) -> Graph:
    """The imports between the modules of the package at ``root`` (edges leaving it dropped)."""
    files = {module_name(path, root): path for path in sorted(root.rglob("*.py"))}
    graph: Graph = {}
    for name, path in files.items():
        is_package = path.name == "__init__.py"
        edges = graph.setdefault(name, {})
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), filename=str(path))):
            targets: list[str] = []
            if isinstance(node, ast.Import):
                targets = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom):
                base = _absolute(name, is_package, node.module, node.level)
                # ``from pkg import mod`` imports the module pkg.mod when there is one
                targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in files else base for a in node.names]
            for target in targets:
                while target not in files and "." in target:  # ``import a.b.c`` of a name in a.b
                    target = target.rsplit(".", 1)[0]
                if target in files and target != name:
                    edges.setdefault(target, node.lineno)
    return graph


def _absolute(name: str, is_package: bool, module: str | None, level: int) -> str:
    if not level:
        return module or ""
    parts = name.split(".") if is_package else name.split(".")[:-1]
    parts = parts[: len(parts) - (level - 1)]
    return ".".join([*parts, module] if module else parts)


def cycles(graph: Graph) -> list[list[str]]:
    """The strongly connected components with more than one module (Tarjan), each sorted."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    found: list[list[str]] = []

    def visit(node: str) -> None:
        index[node] = low[node] = len(index)
        stack.append(node)
        for nxt in graph.get(node, {}):
            if nxt not in index:
                visit(nxt)
                low[node] = min(low[node], low[nxt])
            elif nxt in stack:
                low[node] = min(low[node], index[nxt])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(graph):
        if node not in index:
            visit(node)
    return found


def describe(graph: Graph, component: list[str]) -> str:
    members = set(component)
    lines = [f"  {a} -> {b} (line {line})" for a in component for b, line in graph[a].items() if b in members]
    return "cycle among " + ", ".join(component) + ":\n" + "\n".join(lines)


def test_no_import_cycle_in_quotes() -> None:
    graph = import_graph(PACKAGE)
    assert graph.get("quotes.execution.runner")  # the checker sees imports at all
    found = cycles(graph)
    assert not found, "\n".join(describe(graph, c) for c in found)


def test_backends_import_only_the_description_and_the_analyzer_cache() -> None:
    graph = import_graph(PACKAGE)
    allowed = {"quotes.execution.options", "quotes.execution.analyzers"}
    for backend in ("local", "processes", "dask"):
        inside = {m for m in graph[f"quotes.execution.{backend}"] if m.startswith("quotes.execution")}
        assert inside <= allowed, (backend, inside - allowed)


def test_the_checker_finds_cycles_lazy_and_relative(tmp_path: Path) -> None:
    root = tmp_path / "pkg"
    (root / "sub").mkdir(parents=True)
    (root / "__init__.py").write_text("")
    (root / "sub" / "__init__.py").write_text("")
    (root / "a.py").write_text("from pkg.sub import b\n")
    (root / "sub" / "b.py").write_text("def f():\n    from .. import c\n")
    (root / "c.py").write_text("import typing\n\nif typing.TYPE_CHECKING:\n    import pkg.a.thing\n")
    (root / "d.py").write_text("import pkg.c\n")
    graph = import_graph(root)
    assert graph["pkg.sub.b"] == {"pkg.c": 2}
    assert cycles(graph) == [["pkg.a", "pkg.c", "pkg.sub.b"]]
