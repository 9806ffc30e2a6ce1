#: runs: local
#: clock: real
#: varies: at \d+\.\d s
"""Read a child's output line by line, as it arrives.

With stdout=PIPE the child's standard output becomes a StreamReader, proc.stdout, and
`async for line in proc.stdout` hands us each line as soon as the child writes it. The child
runs with -u (unbuffered), otherwise Python would keep its lines in a buffer until it exits.
"""

import asyncio
import sys
import time

COUNTDOWN = """
import time
for n in (3, 2, 1):
    print(f"{n}...")
    time.sleep(0.4)
print("liftoff")
"""


async def main() -> None:
    start = time.perf_counter()
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-u", "-c", COUNTDOWN, stdout=asyncio.subprocess.PIPE
    )
    assert process.stdout is not None  # there because we asked for a pipe
    async for line in process.stdout:
        elapsed = time.perf_counter() - start
        print(f"at {elapsed:.1f} s the child said {line.decode().rstrip()!r}")
    code = await process.wait()  # the pipe is drained, so waiting is safe now
    print(f"end of output; the child exited with code {code}")


if __name__ == "__main__":
    asyncio.run(main())
