"""The checker's own words, in every language of the site.

An exercise's messages live in its exercise.yaml; these are the ones the checker says about any
answer (a syntax error, an exception, a deadlock, a runaway). ``{name}`` takes a value; backticks
mark code, which the page shows as code.
"""

from __future__ import annotations

from typing import Any

MESSAGES: dict[str, dict[str, str]] = {
    "en": {
        "syntax": "Python cannot read your code: {problem} (line {line}).",
        "raised": "Your code raised `{error}` at line {line}, in `{function}`.",
        "raised-using": "Using your code raised `{error}`.",
        "timeout": (
            "Your code was still running after {limit} s and was stopped: it never finishes. "
            "Still waiting: {waiting}."
        ),
        "deadlock": (
            "Your code is stuck: every task waits for something that never happens "
            "(a deadlock). Waiting: {waiting}."
        ),
        "steps": (
            "Your code took {steps} turns of the event loop without finishing and was "
            "stopped: a loop that never waits for anything real?"
        ),
        "exit": "Your code ended the program (`{call}`); the check needs it to return instead.",
        "missing-function": "Your code has no `{name}`: define it (check the spelling).",
        "not-coroutine-function": (
            "`{name}` must be a coroutine function: define it with `async def`."
        ),
        "not-coroutine": "`{name}(...)` returned `{got}`, not a coroutine: is it an `async def`?",
        "not-checked": "Not checked: your code has to run first.",
        "checker-bug": (
            "This check could not run ({error}). That is a bug in the exercise, not in your code."
        ),
        "nothing-waiting": "no task",
        "line-of": "`{function}` (line {line})",
        "report-title": "Checking “{title}”",
        "report-passed": "All {total} checks passed.",
        "report-failed": "{passed} of {total} checks passed.",
        "report-mistake": "Looks like a known mistake:",
        "missing-packages": (
            "This exercise needs {packages}, which this Python ({python}) cannot import. "
            "Run it with `uv run {file}` (uv installs what the file's header lists), or install "
            "them first: `{python} -m pip install {install}`."
        ),
    },
    "pt-BR": {
        "syntax": "O Python não consegue ler o seu código: {problem} (linha {line}).",
        "raised": "O seu código levantou `{error}` na linha {line}, em `{function}`.",
        "raised-using": "Usar o seu código levantou `{error}`.",
        "timeout": (
            "O seu código ainda rodava depois de {limit} s e foi parado: ele nunca termina. "
            "Ainda esperando: {waiting}."
        ),
        "deadlock": (
            "O seu código travou: toda tarefa espera por algo que nunca acontece "
            "(um deadlock). Esperando: {waiting}."
        ),
        "steps": (
            "O seu código deu {steps} voltas no loop de eventos sem terminar e foi parado: "
            "um laço que nunca espera por nada de verdade?"
        ),
        "exit": (
            "O seu código encerrou o programa (`{call}`); a verificação precisa que ele retorne."
        ),
        "missing-function": "O seu código não tem `{name}`: defina-o (confira a grafia).",
        "not-coroutine-function": (
            "`{name}` precisa ser uma função de corrotina: defina-a com `async def`."
        ),
        "not-coroutine": "`{name}(...)` devolveu `{got}`, não uma corrotina: ela é `async def`?",
        "not-checked": "Não verificado: o seu código precisa rodar primeiro.",
        "checker-bug": (
            "Esta verificação não pôde rodar ({error}). "
            "Isso é um bug do exercício, não do seu código."
        ),
        "nothing-waiting": "nenhuma tarefa",
        "line-of": "`{function}` (linha {line})",
        "report-title": "Verificando “{title}”",
        "report-passed": "Todas as {total} verificações passaram.",
        "report-failed": "{passed} de {total} verificações passaram.",
        "report-mistake": "Parece um erro conhecido:",
        "missing-packages": (
            "Este exercício precisa de {packages}, que este Python ({python}) não consegue "
            "importar. Rode com `uv run {file}` (o uv instala o que o cabeçalho do arquivo "
            "lista) ou instale antes: `{python} -m pip install {install}`."
        ),
    },
}


def fill(template: str, params: dict[str, Any]) -> str:
    """``template`` with its ``{name}`` places filled; a place with no value stays as it is."""

    class Keep(dict[str, Any]):
        def __missing__(self, key: str) -> str:
            return "{" + key + "}"

    return template.format_map(Keep({key: str(value) for key, value in params.items()}))


def words(lang: str, message_id: str, **params: Any) -> str:
    """One of the checker's messages in ``lang`` (English when the language lacks it)."""
    table = MESSAGES.get(lang) or MESSAGES["en"]
    return fill(table.get(message_id) or MESSAGES["en"][message_id], params)


def seconds(value: float, lang: str) -> str:
    """A duration as the language writes it: 4.5 in English, 4,5 in Portuguese."""
    text = f"{value:.1f}"
    return text.replace(".", ",") if lang == "pt-BR" else text
