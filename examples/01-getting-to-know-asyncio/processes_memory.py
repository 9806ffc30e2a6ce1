#: runs: local
#: clock: real
#: varies: pid \d+
"""Threads share their process's memory; a child process has its own."""

import multiprocessing
import os
import threading

owner = "main"  # a global variable: lives in this process's memory


def claim(who: str, parent_pid: int) -> None:
    global owner
    owner = who
    same = "yes" if os.getpid() == parent_pid else "no"
    # flush=True keeps lines in order when output goes to a file or a pipe.
    print(f"  {who}: pid {os.getpid()}, same process as main: {same}, owner = {owner!r}",
          flush=True)


def main() -> None:
    me = os.getpid()
    print(f"main: pid {me}, owner = {owner!r}", flush=True)

    thread = threading.Thread(target=claim, args=("thread", me))
    thread.start()
    thread.join()
    print(f"main after the thread:  owner = {owner!r}", flush=True)

    child = multiprocessing.Process(target=claim, args=("process", me))
    child.start()
    child.join()
    print(f"main after the process: owner = {owner!r}", flush=True)


if __name__ == "__main__":
    main()
