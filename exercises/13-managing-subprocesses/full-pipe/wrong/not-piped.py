import asyncio
import sys


async def run_tool(*args: str) -> tuple[int, bytes]:
    """Runs a program, waits for it to end and returns its exit status and everything it
    wrote to its standard output."""
    process = await asyncio.create_subprocess_exec(*args)
    output, _ = await process.communicate()
    assert process.returncode is not None
    return process.returncode, output


async def main() -> None:
    for size in (1_000, 1_000_000):
        code = f"print('x' * {size}, end='')"
        status, output = await run_tool(sys.executable, "-c", code)
        print(f"asked for {size} bytes: status {status}, {len(output)} bytes read")


if __name__ == "__main__":
    asyncio.run(main())
