"""Dependencies in chalicelib/ point one way (DESIGN section 1): no import cycle, and no feature
imported from outside it, except by `chalicelib.deps`, the composition root that builds every
feature's service. Imports inside functions count: they are dependencies all the same."""

from __future__ import annotations

import ast
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
LIB = REPO / "chalicelib"
CORE = frozenset({"providers", "connections", "store", "crypto"})  # core, even with routes
COMPOSITION_ROOT = "chalicelib.deps"

Graph = dict[str, set[str]]


def _modules() -> dict[str, Path]:
    """Every module of chalicelib by dotted name (a package by its own name)."""
    found = {}
    for path in LIB.rglob("*.py"):
        name = ".".join(path.relative_to(REPO).with_suffix("").parts)
        found[name.removesuffix(".__init__")] = path
    return found


def _imports_of(path: Path, name: str, known: set[str]) -> set[str]:
    """The chalicelib modules `name` imports, at any depth of its code."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"), str(path))):
        for dotted in _imported_names(node, package):
            if dotted.startswith("chalicelib"):
                found.add(_nearest_known(dotted, known))
    found.discard(name)
    found.discard("")
    return found


def _imported_names(node: ast.AST, package: str) -> list[str]:
    """What an import statement names: `import a.b` -> a.b; `from a import b` -> a.b."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if not isinstance(node, ast.ImportFrom):
        return []
    module = node.module or ""
    if node.level:
        base = package.split(".")
        module = ".".join(base[: len(base) - (node.level - 1)] + ([module] if module else []))
    return [f"{module}.{alias.name}" for alias in node.names]


def _nearest_known(dotted: str, known: set[str]) -> str:
    """The module a dotted name lives in (`from a import name` -> a; a submodule -> itself)."""
    while dotted and dotted not in known:
        dotted = dotted.rpartition(".")[0]
    return dotted


def _graph() -> Graph:
    modules = _modules()
    known = set(modules)
    return {name: _imports_of(path, name, known) for name, path in modules.items()}


def _cycles(graph: Graph) -> list[list[str]]:
    """Strongly connected components of more than one module (Tarjan's algorithm)."""
    return _Tarjan(graph).components()


class _Tarjan:
    def __init__(self, graph: Graph) -> None:
        self.graph = graph
        self.index: dict[str, int] = {}
        self.low: dict[str, int] = {}
        self.stack: list[str] = []
        self.found: list[list[str]] = []

    def components(self) -> list[list[str]]:
        for node in sorted(self.graph):
            if node not in self.index:
                self.visit(node)
        return self.found

    def visit(self, node: str) -> None:
        self.index[node] = self.low[node] = len(self.index)
        self.stack.append(node)
        for target in sorted(self.graph.get(node, ())):
            if target not in self.index:
                self.visit(target)
                self.low[node] = min(self.low[node], self.low[target])
            elif target in self.stack:
                self.low[node] = min(self.low[node], self.index[target])
        if self.low[node] == self.index[node]:
            component = []
            while True:
                member = self.stack.pop()
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                self.found.append(sorted(component))


def _features() -> set[str]:
    """Packages with routes or jobs, core packages aside."""
    return {
        f"chalicelib.{entry.name}"
        for entry in LIB.iterdir()
        if entry.is_dir()
        and entry.name not in CORE
        and any((entry / f).is_file() for f in ("routes.py", "jobs.py"))
    }


def _wrong_way(graph: Graph) -> list[str]:
    features = _features()

    def owner(module: str) -> str | None:
        return next((f for f in features if module == f or module.startswith(f + ".")), None)

    return sorted(
        f"{module} -> {imported}"
        for module, imports in graph.items()
        if module != COMPOSITION_ROOT and not module.startswith(COMPOSITION_ROOT + ".")
        for imported in imports
        if owner(imported) is not None and owner(imported) != owner(module)
    )


def test_the_analysis_sees_the_app_and_a_cycle_when_there_is_one() -> None:
    # Given the real modules, the analysis finds what they import (deferred imports too)
    graph = _graph()
    assert "chalicelib.lookup.service" in graph["chalicelib.deps"]
    assert "chalicelib.lookup" in _features()
    assert "chalicelib.store" not in _features()
    # ... and a cycle of three is reported as one
    assert _cycles({"a": {"b"}, "b": {"c"}, "c": {"a"}, "d": {"a"}}) == [["a", "b", "c"]]


def test_no_import_cycle_in_chalicelib() -> None:
    cycles = _cycles(_graph())
    assert not cycles, "\n".join(" <-> ".join(cycle) for cycle in cycles)


def test_no_feature_is_imported_from_outside_it_but_by_the_composition_root() -> None:
    wrong = _wrong_way(_graph())
    assert not wrong, "\n".join(wrong)


def test_only_route_modules_reach_the_composition_root() -> None:
    # Services, core and providers get their collaborators passed in; only a feature's routes
    # (and app.py) fetch them from deps.
    graph = _graph()
    reaching = sorted(
        module
        for module, imports in graph.items()
        if COMPOSITION_ROOT in imports and not module.endswith((".routes", ".jobs"))
    )
    assert reaching == [], reaching
