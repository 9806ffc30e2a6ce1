#: runs: local
#: clock: real
"""Give a child a deadline; if it misses it, terminate it, and kill it if it will not go.

asyncio.timeout() (or asyncio.wait_for()) cancels the *wait*, not the child: the process
keeps running until we stop it. terminate() sends SIGTERM, which a program may catch or
ignore; kill() sends SIGKILL, which it cannot. Negative exit codes are Unix signal numbers.
"""

import asyncio
import sys

SLEEPER = "import time; print('ready', flush=True); time.sleep(60)"
STUBBORN = """
import signal, time
signal.signal(signal.SIGTERM, signal.SIG_IGN)  # this child refuses polite requests
print('ready', flush=True)
time.sleep(60)
"""


async def start(code: str) -> asyncio.subprocess.Process:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", code, stdout=asyncio.subprocess.PIPE
    )
    assert process.stdout is not None
    await process.stdout.readline()  # wait for 'ready', so the child is really up
    return process


async def stop(process: asyncio.subprocess.Process, grace: float) -> int:
    """Ask politely with terminate(); after `grace` seconds, force it with kill()."""
    process.terminate()
    try:
        return await asyncio.wait_for(process.wait(), timeout=grace)
    except TimeoutError:
        print("  still alive after terminate(); calling kill()")
        process.kill()
        return await process.wait()  # always wait, so the child is reaped


async def run_with_deadline(name: str, code: str) -> None:
    process = await start(code)
    try:
        async with asyncio.timeout(0.5):
            await process.wait()
    except TimeoutError:
        print(f"{name}: no result after 0.5 s, stopping it")
        status = await stop(process, grace=0.5)
        print(f"{name}: exit code {status}")


async def main() -> None:
    await run_with_deadline("sleeper", SLEEPER)
    await run_with_deadline("stubborn", STUBBORN)


if __name__ == "__main__":
    asyncio.run(main())
