"""One vocabulary source: no module but ``namespaces.py`` spells an IRI (issue 16, 4).

Every string constant of the code is read (docstrings aside: they may cite a page); one that
starts like an absolute http(s) IRI fails here. ``"http://"`` alone (a scheme to test for) and
messages showing ``https://…`` are not IRIs.
"""

from __future__ import annotations

import ast
import re
from pathlib import Path

SOURCE = Path(__file__).parent.parent / "src" / "kgdebate"
IRI = re.compile(r"https?://[\w\[]")


def _docstrings(tree: ast.AST) -> set[int]:
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
        if isinstance(node, ast.Expr) and isinstance(node.value, ast.Constant):
            found.add(id(node.value))  # an attribute's docstring, a bare string
    return found


def iri_literals(path: Path) -> list[str]:
    tree = ast.parse(path.read_text("utf-8"))
    docstrings = _docstrings(tree)
    return [
        f"{path.name}:{node.lineno}: {node.value[:60]}"
        for node in ast.walk(tree)
        if isinstance(node, ast.Constant)
        and isinstance(node.value, str)
        and id(node) not in docstrings
        and IRI.search(node.value)
    ]


def test_no_iri_is_spelled_outside_namespaces() -> None:
    modules = [p for p in sorted(SOURCE.rglob("*.py")) if p.name != "namespaces.py"]
    assert len(modules) > 50
    found = [line for path in modules for line in iri_literals(path)]
    assert found == [], "IRIs belong in namespaces.py:\n" + "\n".join(found)


def test_the_check_sees_an_iri_and_skips_docstrings(tmp_path: Path) -> None:
    module = tmp_path / "m.py"
    module.write_text(
        '"""See https://argdown.org."""\nA = "http://schema.org/"\nB = "https://…"\n'
        'C = "http://"\n\n\ndef f() -> None:\n    """Cites http://e.org/."""\n'
    )
    assert iri_literals(module) == ["m.py:2: http://schema.org/"]
