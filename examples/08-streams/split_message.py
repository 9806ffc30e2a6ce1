#: runs: browser
#: clock: virtual
"""One message, split in two by the network: read() sees pieces, readline() sees lines.

The `network` task plays TCP: it hands the reader the bytes in chunks that do not respect
message boundaries, with a pause in between, just as a real connection may.
"""

import asyncio
import time

CHUNKS = [b"GET /weath", b"er\nGET /time\nGET /n", b"ews\n"]


async def network(reader: asyncio.StreamReader) -> None:
    for chunk in CHUNKS:
        await asyncio.sleep(0.5)
        reader.feed_data(chunk)
    reader.feed_eof()


async def naive(reader: asyncio.StreamReader, start: float) -> None:
    """Treat every read() as one message: wrong."""
    while data := await reader.read(100):
        print(f"  {time.monotonic() - start:.1f} s  read() -> {data!r}")


async def framed(reader: asyncio.StreamReader, start: float) -> None:
    """Treat every line as one message: right, whatever the chunks."""
    while line := await reader.readline():
        print(f"  {time.monotonic() - start:.1f} s  readline() -> {line!r}")


async def main() -> None:
    for consumer in (naive, framed):
        print(f"{consumer.__name__}:")
        reader = asyncio.StreamReader()
        start = time.monotonic()
        await asyncio.gather(network(reader), consumer(reader, start))


if __name__ == "__main__":
    asyncio.run(main())
