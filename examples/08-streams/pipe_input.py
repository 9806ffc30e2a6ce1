#: runs: local
#: clock: real
#: varies: beat \d+ times
"""Reading input without blocking the loop: a pipe wrapped in a StreamReader.

A chat client must read the keyboard and the network at the same time. input() would block
the whole loop, so we hand the input's file descriptor to loop.connect_read_pipe() and get a
StreamReader instead. Here a pipe stands in for the terminal, and a "typist" coroutine writes
into it; run with --stdin to read from your real standard input instead.
"""

import asyncio
import os
import sys
from typing import Any


async def typist(write_fd: int) -> None:
    for text in ["hello", "how is everyone?", "/quit"]:
        await asyncio.sleep(0.2)  # someone typing slowly
        os.write(write_fd, f"{text}\n".encode())
    os.close(write_fd)  # end of input, like Ctrl+D at a terminal


async def heartbeat(beats: list[int]) -> None:
    while True:
        await asyncio.sleep(0.05)
        beats[0] += 1


async def read_lines(pipe: Any) -> None:
    loop = asyncio.get_running_loop()
    reader = asyncio.StreamReader()
    protocol = asyncio.StreamReaderProtocol(reader)
    transport, _ = await loop.connect_read_pipe(lambda: protocol, pipe)
    beats = [0]
    pulse = asyncio.create_task(heartbeat(beats))
    try:
        while line := await reader.readline():  # suspends the coroutine, not the loop
            text = line.decode().rstrip()
            print(f"input: {text!r}")
            if text == "/quit":
                break
    finally:
        pulse.cancel()
        transport.close()
    print(f"meanwhile the heartbeat task did not stop: it beat {beats[0]} times")
    print(f"the loop stayed free while we waited: {beats[0] > 0}")


async def main() -> None:
    if "--stdin" in sys.argv:
        await read_lines(sys.stdin)
        return
    read_fd, write_fd = os.pipe()
    with open(read_fd, "rb", buffering=0) as pipe:
        await asyncio.gather(read_lines(pipe), typist(write_fd))


if __name__ == "__main__":
    asyncio.run(main())
