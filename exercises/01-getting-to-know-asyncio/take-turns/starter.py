from collections.abc import Generator

# A task, for this toy scheduler: a generator that yields a line each time it stops to let
# the others run.
Task = Generator[str, None, None]


def take_turns(tasks: list[Task]) -> list[str]:
    """Runs the tasks cooperatively, one step each in turn (round robin, in list order), until
    every task is finished; returns the lines they yielded, in the order they were yielded."""
    lines: list[str] = []
    for task in tasks:
        for line in task:
            lines.append(line)
    return lines


def counter(name: str, steps: int) -> Task:
    for step in range(1, steps + 1):
        yield f"{name} {step}"


def main() -> None:
    print(take_turns([counter("a", 3), counter("b", 1), counter("c", 2)]))


if __name__ == "__main__":
    main()
