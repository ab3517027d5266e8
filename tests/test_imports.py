"""No import circle among the generator's modules: every `import` is read with ast, including those
inside functions (they run later, but a circle through them still ties two layers together). Only
imports under `if TYPE_CHECKING:` are left out: they never run."""
from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parent.parent / "generator"


def modules() -> dict[str, Path]:
    out = {}
    for path in PACKAGE.rglob("*.py"):
        parts = list(path.relative_to(PACKAGE.parent).with_suffix("").parts)
        if parts[-1] == "__init__":
            parts.pop()
        out[".".join(parts)] = path
    return out


def _runs(tree: ast.AST):
    """Every import node that can run (not those guarded by `if TYPE_CHECKING:`)."""
    for node in ast.iter_child_nodes(tree):
        if isinstance(node, ast.If) and "TYPE_CHECKING" in ast.unparse(node.test):
            yield from (n for child in node.orelse for n in _runs_one(child))
            continue
        yield from _runs_one(node)


def _runs_one(node: ast.AST):
    if isinstance(node, (ast.Import, ast.ImportFrom)):
        yield node
    yield from _runs(node)


def imports(name: str, path: Path, known: dict[str, Path]) -> set[str]:
    """The generator modules that module `name` imports, anywhere in its body."""
    package = name if path.name == "__init__.py" else name.rpartition(".")[0]
    found = set()
    for node in _runs(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            targets = [a.name for a in node.names]
        else:
            base = node.module or ""
            if node.level:
                parts = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join(parts + ([node.module] if node.module else []))
            targets = [f"{base}.{a.name}" if f"{base}.{a.name}" in known else base for a in node.names]
        for target in targets:
            while target and target not in known:
                target = target.rpartition(".")[0]
            if target and target != name:
                found.add(target)
    return found


def cycles(graph: dict[str, set[str]]) -> list[list[str]]:
    """The strongly connected groups of more than one module (Tarjan), each a circle of imports."""
    index, low, stack, on, out, counter = {}, {}, [], set(), [], [0]

    def visit(v):
        index[v] = low[v] = counter[0]
        counter[0] += 1
        stack.append(v)
        on.add(v)
        for w in sorted(graph[v]):
            if w not in index:
                visit(w)
                low[v] = min(low[v], low[w])
            elif w in on:
                low[v] = min(low[v], index[w])
        if low[v] == index[v]:
            group = []
            while True:
                w = stack.pop()
                on.discard(w)
                group.append(w)
                if w == v:
                    break
            if len(group) > 1:
                out.append(sorted(group))

    for v in sorted(graph):
        if v not in index:
            visit(v)
    return out


def test_no_module_imports_itself_back_through_others():
    known = modules()
    graph = {name: imports(name, path, known) for name, path in known.items()}
    assert cycles(graph) == []


def test_the_reader_sees_imports_inside_functions_and_finds_a_planted_circle():
    known = {"generator.a": Path("a.py"), "generator.b": Path("b.py")}
    graph = {"generator.a": {"generator.b"}, "generator.b": {"generator.a"}}
    assert cycles(graph) == [["generator.a", "generator.b"]]
    plans = imports("generator.phases", PACKAGE / "phases.py", modules())
    assert "generator.renderers" in plans and "generator.quizplan" in plans   # both imported inside plan()
    assert "generator.renderers" not in imports("generator.plans", PACKAGE / "plans.py", modules())


def test_the_plans_module_is_a_leaf_that_planners_and_writers_share():
    assert imports("generator.plans", PACKAGE / "plans.py", modules()) == {"generator.errors"}
    assert imports("generator.tracking", PACKAGE / "tracking.py", modules()) == set()
