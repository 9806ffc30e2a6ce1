#: runs: local
#: clock: real
#: varies: pid \d+
"""Start a child process with create_subprocess_exec and wait for it to finish.

The child is another Python interpreter (sys.executable), so the example needs nothing
but Python. It shares our terminal: its output appears directly, next to ours. The Process
object gives us its pid, and returncode tells us how it ended.
"""

import asyncio
import sys

GREETER = "import sys; print(f'child: hello, my argument is {sys.argv[1]!r}')"
FAILER = "import sys; print('child: something went wrong', file=sys.stderr); sys.exit(3)"


async def main() -> None:
    process = await asyncio.create_subprocess_exec(sys.executable, "-c", GREETER, "asyncio")
    pid, before = process.pid, process.returncode  # the child is running now
    code = await process.wait()  # suspends this coroutine, not the event loop
    # We print only after wait(), so the child's line always comes first.
    print(f"parent: started pid {pid}; returncode was {before} while it ran")
    print(f"parent: wait() returned {code}; returncode is now {process.returncode}")

    failing = await asyncio.create_subprocess_exec(sys.executable, "-c", FAILER)
    code = await failing.wait()
    print(f"parent: the second child exited with code {code}")


if __name__ == "__main__":
    asyncio.run(main())
