import asyncio
import sys

# A child that says it is up, then works for half a minute.
CHILD = "import time; print('child: working', flush=True); time.sleep(30)"


async def main() -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", CHILD, stdout=asyncio.subprocess.PIPE
    )
    assert process.stdout is not None
    # Wait until the child is really running before the clock starts.
    print((await process.stdout.readline()).decode().strip())
    try:
        await asyncio.wait_for(process.wait(), timeout=0.5)
    except TimeoutError:
        print("parent: gave up waiting after 0.5 s")
    print(f"parent: returncode is {process.returncode}")
    process.kill()
    print(f"parent: after kill() and wait(), returncode is {await process.wait()}")


if __name__ == "__main__":
    asyncio.run(main())
