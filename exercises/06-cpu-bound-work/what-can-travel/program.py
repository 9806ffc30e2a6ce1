import pickle
from collections.abc import Callable
from functools import partial


def scale(factor: int, value: int) -> int:
    return factor * value


def ship(name: str, function: Callable[..., int]) -> None:
    """What a process pool does with a function before a worker can call it."""
    try:
        pickle.dumps(function)
    except (pickle.PicklingError, AttributeError, TypeError):
        print(f"{name}: refused")
    else:
        print(f"{name}: can be sent")


def main() -> None:
    def double(value: int) -> int:
        return scale(2, value)

    ship("scale", scale)
    ship("partial(scale, 10)", partial(scale, 10))
    ship("double", double)
    ship("lambda", lambda value: scale(3, value))


if __name__ == "__main__":
    main()
