"""What CPython itself sees in the examples: their comments, their docstrings, and their code.

The examples tier uses it to hold the site's translation of comments to Python's own rules:

- ``comments`` and ``docstrings``: every comment token (``tokenize``) and every docstring
  (``ast``: the first statement of a module, class or function, a lone string) of a source, so
  the TypeScript lexer that translates them is checked against the real thing;
- ``same_code``: whether a translated source is the original once comments and docstrings are
  taken out: the same tokens, at the same lines and columns.

Reads JSON from stdin, ``[{"id": ..., "source": ..., "translated": ...}]`` (``translated``
optional), and writes one JSON object per id to stdout.
"""

from __future__ import annotations

import ast
import io
import json
import sys
import tokenize
from typing import Any

SKIPPED = {tokenize.COMMENT, tokenize.NL, tokenize.ENCODING}


def docstring_starts(tree: ast.Module) -> list[tuple[int, int, int, int]]:
    """Start and end (line, column) of each docstring's string token."""
    found: list[tuple[int, int, int, int]] = []
    for node in ast.walk(tree):
        if not isinstance(node, (ast.Module, ast.ClassDef, ast.FunctionDef, ast.AsyncFunctionDef)):
            continue
        first = node.body[0] if node.body else None
        if (
            isinstance(first, ast.Expr)
            and isinstance(first.value, ast.Constant)
            and isinstance(first.value.value, str)
        ):
            value = first.value
            found.append((value.lineno, value.col_offset, value.end_lineno or 0, value.end_col_offset or 0))
    return sorted(found)


def code_tokens(source: str) -> list[tuple[int, str, int, int]]:
    """The tokens that make the program: no comments, no blank-line tokens, no docstrings."""
    docstrings = {(line, col) for line, col, _, _ in docstring_starts(ast.parse(source))}
    tokens: list[tuple[int, str, int, int]] = []
    for token in tokenize.generate_tokens(io.StringIO(source).readline):
        if token.type in SKIPPED or (token.type == tokenize.STRING and token.start in docstrings):
            continue
        line, col = token.start
        # A NEWLINE's column moves with whatever text came before it on its line.
        tokens.append((token.type, token.string, line, -1 if token.type == tokenize.NEWLINE else col))
    return tokens


def comment_tokens(source: str) -> list[dict[str, Any]]:
    return [
        {"line": t.start[0], "col": t.start[1], "text": t.string}
        for t in tokenize.generate_tokens(io.StringIO(source).readline)
        if t.type == tokenize.COMMENT
    ]


def first_difference(a: list[tuple[int, str, int, int]], b: list[tuple[int, str, int, int]]) -> str:
    for index, (x, y) in enumerate(zip(a, b)):
        if x != y:
            return (
                f"token {index}: {tokenize.tok_name[x[0]]} {x[1]!r} at line {x[2]} in the original, "
                f"{tokenize.tok_name[y[0]]} {y[1]!r} at line {y[2]} in the translation"
            )
    return f"the original has {len(a)} code tokens, the translation {len(b)}"


def inspect(item: dict[str, Any]) -> dict[str, Any]:
    source: str = item["source"]
    try:
        result: dict[str, Any] = {
            "comments": comment_tokens(source),
            "docstrings": [
                {"line": a, "col": b, "endLine": c, "endCol": d}
                for a, b, c, d in docstring_starts(ast.parse(source))
            ],
        }
    except (SyntaxError, tokenize.TokenError) as error:
        return {"error": f"Python {sys.version.split()[0]} cannot read it: {error}"}
    translated = item.get("translated")
    if translated is not None:
        try:
            original, changed = code_tokens(source), code_tokens(translated)
        except (SyntaxError, tokenize.TokenError) as error:
            result["sameCode"] = False
            result["difference"] = f"the translation is not valid Python: {error}"
            return result
        result["sameCode"] = original == changed and len(source.split("\n")) == len(translated.split("\n"))
        if not result["sameCode"]:
            result["difference"] = (
                first_difference(original, changed)
                if original != changed
                else "the translation has a different number of lines"
            )
    return result


def main() -> None:
    items = json.load(sys.stdin)
    json.dump({item["id"]: inspect(item) for item in items}, sys.stdout)


if __name__ == "__main__":
    main()
