#: runs: local
#: clock: real
#: varies: failed \d+ times
"""When a pool's initializer raises, the two pools react very differently.

ProcessPoolExecutor marks itself broken and fails every call with BrokenProcessPool.
multiprocessing.Pool replaces the dead worker with a new one, whose initializer fails again,
and so on forever: the call never runs and never fails. Only a timeout reveals it.
"""

import multiprocessing
import os
import sys
from concurrent.futures import ProcessPoolExecutor
from concurrent.futures.process import BrokenProcessPool
from multiprocessing.sharedctypes import Synchronized


def load_model(attempts: "Synchronized[int]") -> None:
    with attempts.get_lock():
        attempts.value += 1
    # Each failing worker prints a traceback; keep this demo's output readable.
    sys.stderr = open(os.devnull, "w")
    raise FileNotFoundError("model.bin")


def predict(x: int) -> int:
    return x * 2


def main() -> None:
    attempts: Synchronized[int] = multiprocessing.Value("i", 0)
    with ProcessPoolExecutor(max_workers=2, initializer=load_model,
                             initargs=(attempts,)) as executor:
        try:
            executor.submit(predict, 21).result(timeout=10)
        except BrokenProcessPool:
            print("ProcessPoolExecutor: BrokenProcessPool, at once")

    attempts.value = 0
    pool = multiprocessing.Pool(processes=2, initializer=load_model, initargs=(attempts,))
    try:
        pool.apply_async(predict, (21,)).get(timeout=1)
    except multiprocessing.TimeoutError:
        failures = attempts.value
        print(f"multiprocessing.Pool: no answer after 1 s; the initializer failed {failures} times")
        print(f"  more often than the pool has workers: {failures > 2} (it keeps replacing them)")
    finally:
        pool.terminate()
        pool.join()


if __name__ == "__main__":
    main()
