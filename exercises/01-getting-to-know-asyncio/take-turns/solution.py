from collections import deque
from collections.abc import Generator

# A task, for this toy scheduler: a generator that yields a line each time it stops to let
# the others run.
Task = Generator[str, None, None]


def take_turns(tasks: list[Task]) -> list[str]:
    """Runs the tasks cooperatively, one step each in turn (round robin, in list order), until
    every task is finished; returns the lines they yielded, in the order they were yielded."""
    ready = deque(tasks)
    lines: list[str] = []
    while ready:
        task = ready.popleft()
        try:
            lines.append(next(task))  # run the task up to its next yield
        except StopIteration:
            continue  # finished: it does not go back in the queue
        ready.append(task)
    return lines


def counter(name: str, steps: int) -> Task:
    for step in range(1, steps + 1):
        yield f"{name} {step}"


def main() -> None:
    print(take_turns([counter("a", 3), counter("b", 1), counter("c", 2)]))


if __name__ == "__main__":
    main()
