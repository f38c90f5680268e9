"""The layer rule of generator/ (docs/dev/architecture.md), checked on the source.

Layers, lowest first; a module may import its own layer and the layers below it, never
one above, neither at the top of a file nor inside a function. Module-level cycles
are refused inside a layer too. Imports of generator modules inside functions are
allowed only in the CLI (a fast `rapportage --version`).
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[2] / "generator"

LAYERS = ["core", "load", "model", "compute", "charts", "render", "pdf", "site", "editions", "checks", "cli"]
TOP_MODULES = {"generator": "core", "generator.__main__": "cli"}


def module_name(path: Path) -> str:
    parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
    if parts[-1] == "__init__":
        parts.pop()
    return ".".join(parts)


def layer_of(module: str) -> str:
    if module in TOP_MODULES:
        return TOP_MODULES[module]
    return module.split(".")[1]


def _type_checking_only(node: ast.AST, parents: dict) -> bool:
    p = parents.get(node)
    while p is not None:
        if isinstance(p, ast.If) and "TYPE_CHECKING" in ast.unparse(p.test):
            return True
        p = parents.get(p)
    return False


def _in_function(node: ast.AST, parents: dict) -> bool:
    p = parents.get(node)
    while p is not None:
        if isinstance(p, (ast.FunctionDef, ast.AsyncFunctionDef, ast.Lambda)):
            return True
        p = parents.get(p)
    return False


def imports() -> list[tuple[str, int, str, bool]]:
    """(module, line, imported generator module, inside a function) for every import."""
    modules = {module_name(p): p for p in PACKAGE.rglob("*.py")}
    found = []
    for module, path in sorted(modules.items()):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        parents = {child: node for node in ast.walk(tree) for child in ast.iter_child_nodes(node)}
        package = module if path.name == "__init__.py" else module.rpartition(".")[0]
        for node in ast.walk(tree):
            if isinstance(node, ast.Import):
                targets = [a.name for a in node.names]
            elif isinstance(node, ast.ImportFrom):
                if node.level:
                    base = package.split(".")
                    base = base[: len(base) - node.level + 1]
                    prefix = ".".join(base + ([node.module] if node.module else []))
                else:
                    prefix = node.module or ""
                # `from generator.x import y` imports module generator.x.y when that is a module
                targets = [f"{prefix}.{a.name}" if f"{prefix}.{a.name}" in modules else prefix for a in node.names]
            else:
                continue
            if _type_checking_only(node, parents):
                continue
            for target in dict.fromkeys(targets):
                if target == "generator" or target.startswith("generator."):
                    found.append((module, node.lineno, target, _in_function(node, parents)))
    return found


def test_every_package_has_a_layer():
    for path in PACKAGE.rglob("*.py"):
        module = module_name(path)
        assert layer_of(module) in LAYERS, f"{module}: package without a layer; add it to LAYERS and docs/dev/architecture.md"


def test_no_upward_imports():
    upward = [
        f"{module}:{line} imports {target} ({layer_of(module)} -> {layer_of(target)})"
        for module, line, target, _ in imports()
        if target != "generator" and LAYERS.index(layer_of(target)) > LAYERS.index(layer_of(module))
    ]
    assert upward == []


def test_lazy_generator_imports_only_in_the_cli():
    lazy = [f"{m}:{line} imports {t} inside a function" for m, line, t, inner in imports() if inner and layer_of(m) != "cli"]
    assert lazy == []


def test_no_module_cycles():
    graph: dict[str, set[str]] = {}
    for module, _, target, _ in imports():
        if target not in (module, "generator"):
            graph.setdefault(module, set()).add(target)
    cycles = _cycles(graph)
    assert cycles == []


def _cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """Strongly connected components with more than one module (Tarjan), ignoring a package's
    own __init__ re-exporting its modules."""
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []

    def visit(v: str) -> None:
        index[v] = low[v] = len(index)
        stack.append(v)
        on_stack.add(v)
        for w in graph.get(v, ()):
            if w.startswith(v + "."):
                continue  # a package importing its own modules
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on_stack:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            component = []
            while True:
                w = stack.pop()
                on_stack.discard(w)
                component.append(w)
                if w == v:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return found


@pytest.mark.parametrize("engine_word", ["mkdocs", "material"])
def test_only_the_engine_adapter_knows_mkdocs(engine_word):
    users = set()
    for path in PACKAGE.rglob("*.py"):
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in ast.walk(tree):
            names = [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module or ""] if isinstance(node, ast.ImportFrom) else []
            if any(n == engine_word or n.startswith(engine_word + ".") for n in names):
                users.add(module_name(path))
    assert all(u.startswith("generator.site.mkdocs") for u in users), sorted(users)
