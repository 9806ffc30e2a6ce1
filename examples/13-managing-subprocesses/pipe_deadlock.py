#: runs: local
#: clock: real
"""wait() with a full pipe never returns; communicate() does.

The child writes 1 MB to stdout. The pipe holds a small buffer (64 KiB on Linux) and asyncio
stops reading into its own buffer past a limit, so the child blocks in write() until someone
reads, while the parent sits in wait() until the child exits: each waits for the other.
A timeout lets us see it; kill() plus communicate() cleans up.
"""

import asyncio
import sys

CHATTY = "import sys; sys.stdout.write('x' * 1_000_000)"


async def start() -> asyncio.subprocess.Process:
    return await asyncio.create_subprocess_exec(
        sys.executable, "-c", CHATTY, stdout=asyncio.subprocess.PIPE
    )


async def main() -> None:
    process = await start()
    try:
        await asyncio.wait_for(process.wait(), timeout=1.0)  # never do this with a pipe
    except TimeoutError:
        print("wait(): still waiting after 1.0 s, the child is stuck writing to a full pipe")
        process.kill()
        await process.communicate()  # not wait(): read what is left in the pipe, then reap
        print(f"wait(): killed it, exit code {process.returncode}")

    process = await start()
    output, _ = await process.communicate()  # reads while it waits
    print(f"communicate(): read {len(output):,} bytes, exit code {process.returncode}")


if __name__ == "__main__":
    asyncio.run(main())
