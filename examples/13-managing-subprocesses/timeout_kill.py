#: runs: local
#: clock: real
"""Give a child a deadline; if it misses it, terminate it, and kill it if it will not go.

asyncio.timeout() (or asyncio.wait_for()) cancels the *wait*, not the child: the process
keeps running until we stop it. terminate() sends SIGTERM, which a program may catch or
ignore; kill() sends SIGKILL, which it cannot. Negative exit codes are Unix signal numbers.
A child may also exit by itself between the deadline and the signal: then there is nobody
left to signal, and terminate() or kill() raises ProcessLookupError.
"""

import asyncio
import sys
from collections.abc import Callable

SLEEPER = "import time; print('ready', flush=True); time.sleep(60)"
STUBBORN = """
import signal, time
signal.signal(signal.SIGTERM, signal.SIG_IGN)  # this child refuses polite requests
print('ready', flush=True)
time.sleep(60)
"""
LATE = "import time; print('ready', flush=True); time.sleep(0.6)"  # just misses the deadline


async def start(code: str) -> asyncio.subprocess.Process:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", code, stdout=asyncio.subprocess.PIPE
    )
    assert process.stdout is not None
    await process.stdout.readline()  # wait for 'ready', so the child is really up
    return process


def send(signal_child: Callable[[], None]) -> bool:
    """Calls process.terminate or process.kill; False if the child had already exited."""
    try:
        signal_child()
    except ProcessLookupError:
        print(f"  {signal_child.__name__}(): the child had already exited by itself")
        return False
    return True


async def stop(process: asyncio.subprocess.Process, grace: float) -> int:
    """Ask politely with terminate(); after `grace` seconds, force it with kill()."""
    if send(process.terminate):
        try:
            return await asyncio.wait_for(process.wait(), timeout=grace)
        except TimeoutError:
            print("  still alive after terminate(); calling kill()")
            send(process.kill)
    return await process.wait()  # always wait, so the child is reaped


async def run_with_deadline(name: str, code: str, busy: float = 0) -> None:
    process = await start(code)
    try:
        async with asyncio.timeout(0.5):
            await process.wait()
    except TimeoutError:
        print(f"{name}: no result after 0.5 s, stopping it")
        # Under load, time passes between the deadline and the signal; here we make it visible.
        await asyncio.sleep(busy)
        status = await stop(process, grace=0.5)
        print(f"{name}: exit code {status}")


async def main() -> None:
    await run_with_deadline("sleeper", SLEEPER)
    await run_with_deadline("stubborn", STUBBORN)
    await run_with_deadline("late", LATE, busy=1.0)


if __name__ == "__main__":
    asyncio.run(main())
