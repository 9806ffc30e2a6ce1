#: runs: local
#: clock: real
"""Send a child its whole input and collect all of its output with communicate().

communicate(input=...) writes the bytes to the child's stdin, closes it, reads stdout and
stderr to the end at the same time, and waits for the child to exit. No pipe can fill up
and block, however much data goes either way.
"""

import asyncio
import sys

# A tiny filter: reads all of stdin, writes it upper-cased, reports a count on stderr.
UPPER = """
import sys
text = sys.stdin.read()
sys.stdout.write(text.upper())
print(f"{len(text.splitlines())} lines converted", file=sys.stderr)
"""


async def shout(text: str) -> tuple[str, str, int | None]:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", UPPER,
        stdin=asyncio.subprocess.PIPE,
        stdout=asyncio.subprocess.PIPE,
        stderr=asyncio.subprocess.PIPE,
    )
    out, err = await process.communicate(input=text.encode())
    return out.decode(), err.decode().strip(), process.returncode


async def main() -> None:
    out, err, code = await shout("one coroutine\ntwo processes\n")
    print(f"stdout: {out!r}")
    print(f"stderr: {err!r}")
    print(f"exit code: {code}")

    big = "a line of text that is long enough to matter\n" * 50_000  # about 2.2 MB
    out, err, code = await shout(big)
    print(f"sent {len(big):,} characters and got {len(out):,} back; stderr: {err!r}")


if __name__ == "__main__":
    asyncio.run(main())
