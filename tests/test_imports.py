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


LAYERS = (
    "records",  # frozen records and the error family
    "text",  # pure text helpers: spans, quotation marks, verb inflections
    "rules",  # rule files read into frozen records, each with file:line errors
    "nlp",  # the spaCy model and its exact speed-ups
    "io",  # readers, serialisation, writers, the result cache, the manifest, safe files
    "scoring",  # tone, frames and the cue's stance, from the rules
    "attribution",  # quotations and their speaker mentions, from the parse
    "speakers",  # mentions to names within an article, identity across a corpus
    "pipeline",  # one parsed article to Quotation records
    "evaluate",  # scoring against annotated gold
    "execution",  # many articles: backends, the result cache, streaming
    "report",  # per-speaker reports
    "cli",  # the quotes command
)
"""The layers of ``quotes/``, lowest first: a module may import its own layer and those before it.
The package's own ``__init__``, ``__main__`` and ``component`` (the spaCy entry point) stand above all."""


def layer_of(module: str) -> int:
    parts = module.split(".")
    if len(parts) == 1 or parts[1] not in LAYERS:
        return len(LAYERS)  # the package itself and its entry points
    return LAYERS.index(parts[1])


def upward_imports(graph: Graph) -> list[str]:
    return [
        f"{a} (layer {LAYERS[layer_of(a)] if layer_of(a) < len(LAYERS) else 'top'}) imports {b} "
        f"(layer {LAYERS[layer_of(b)] if layer_of(b) < len(LAYERS) else 'top'}) at line {line}"
        for a, edges in sorted(graph.items())
        for b, line in edges.items()
        if layer_of(b) > layer_of(a)
    ]


def test_every_module_sits_in_a_layer_package() -> None:
    loose = sorted(p.name for p in PACKAGE.glob("*.py"))
    assert loose == ["__init__.py", "__main__.py", "component.py"]
    packages = sorted(p.name for p in PACKAGE.iterdir() if (p / "__init__.py").is_file())
    assert packages == sorted(LAYERS)


def test_no_module_imports_from_a_layer_above_it() -> None:
    found = upward_imports(import_graph(PACKAGE))
    assert not found, "\n".join(found)


def test_the_layer_check_finds_a_planted_upward_import(tmp_path: Path) -> None:
    root = tmp_path / "quotes"
    for layer in ("records", "report"):
        (root / layer).mkdir(parents=True)
        (root / layer / "__init__.py").write_text("")
    (root / "__init__.py").write_text("")
    (root / "records" / "article.py").write_text("def f():\n    from quotes.report import pages\n")
    (root / "report" / "pages.py").write_text("from quotes.records import article\n")
    assert upward_imports(import_graph(root)) == [
        "quotes.records.article (layer records) imports quotes.report.pages (layer report) at line 2"
    ]


def test_the_architecture_doc_names_the_module_of_every_rule_id() -> None:
    """docs/architecture.md's table of rule ids and modules agrees with the attribution code."""
    import re

    from quotes.attribution import RULE_MODULES

    doc = (PACKAGE.parent / "docs" / "architecture.md").read_text(encoding="utf-8")
    table = {}
    for ids, module in re.findall(r"^\| (`[a-z-]+`(?:, `[a-z-]+`)*) \| `([a-z_]+)\.py` \|$", doc, re.M):
        for rule in re.findall(r"`([a-z-]+)`", ids):
            table[rule] = module
    code = {rule: module.__name__.rsplit(".", 1)[-1] for module in RULE_MODULES for rule in module.RULE_IDS}
    assert table == code
