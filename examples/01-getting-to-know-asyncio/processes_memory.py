#: runs: local
#: clock: real
#: varies: pid \d+
"""Threads share their process's memory; a child process has its own.

How a child gets its memory depends on the start method: under fork (Linux up to Python 3.13)
it is a copy of the parent; under spawn (Windows, macOS) it is a fresh interpreter that imports
this module again. Either way, what the child changes stays in the child.
"""

import multiprocessing
import os
import threading
from multiprocessing.process import BaseProcess

owner = "main"  # a global variable: lives in this process's memory


def claim(who: str, parent_pid: int) -> None:
    global owner
    found = owner
    owner = who
    same = "yes" if os.getpid() == parent_pid else "no"
    # flush=True keeps lines in order when output goes to a file or a pipe.
    print(f"  {who}: pid {os.getpid()}, same process as main: {same}, "
          f"found owner = {found!r}, set it to {owner!r}", flush=True)


def run_and_report(child: BaseProcess) -> None:
    child.start()
    child.join()
    print(f"main after the process: owner = {owner!r}", flush=True)


def main() -> None:
    me = os.getpid()
    print(f"main: pid {me}, owner = {owner!r}", flush=True)

    thread = threading.Thread(target=claim, args=("thread", me))
    thread.start()
    thread.join()
    print(f"main after the thread:  owner = {owner!r}", flush=True)

    if "fork" in multiprocessing.get_all_start_methods():  # there is no fork on Windows
        fork = multiprocessing.get_context("fork")
        run_and_report(fork.Process(target=claim, args=("process (fork)", me)))
    spawn = multiprocessing.get_context("spawn")
    run_and_report(spawn.Process(target=claim, args=("process (spawn)", me)))


if __name__ == "__main__":
    main()
