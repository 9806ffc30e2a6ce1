#: runs: local
#: clock: real
"""Hold a conversation with a child process through its stdin and stdout.

communicate() sends everything at once. To talk turn by turn, write a line to proc.stdin,
await drain() so the pipe's buffer cannot grow without limit, then read the answer with
readline(). Closing stdin tells the child there are no more questions.
"""

import asyncio
import sys

# The child squares every number it reads, one line per answer, until its stdin closes.
SQUARER = """
import sys
for line in sys.stdin:
    n = int(line)
    print(f"{n} squared is {n * n}", flush=True)
print("stdin closed, goodbye", flush=True)
"""


async def main() -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", SQUARER,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
    )
    assert process.stdin is not None and process.stdout is not None
    for number in (3, 12, 100):
        process.stdin.write(f"{number}\n".encode())
        await process.stdin.drain()  # wait if the child is slow to read
        answer = await process.stdout.readline()
        print(f"asked {number}, child answered: {answer.decode().rstrip()}")

    process.stdin.close()  # end of input: the child's `for line in sys.stdin` ends
    await process.stdin.wait_closed()
    farewell = await process.stdout.read()  # everything until the child closes stdout
    print(f"after closing stdin: {farewell.decode().rstrip()}")
    print(f"exit code: {await process.wait()}")


if __name__ == "__main__":
    asyncio.run(main())
