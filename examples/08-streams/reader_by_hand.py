#: runs: browser
#: clock: virtual
"""A StreamReader fed by hand: no socket, just the buffer and the read methods.

A real connection calls feed_data() and feed_eof() for you as bytes arrive; here we call them
ourselves to see what each read method takes out of the buffer.
"""

import asyncio


async def main() -> None:
    reader = asyncio.StreamReader()
    reader.feed_data(b"HELLO alice\nSIZE 5\nabcdeEND;rest of the data")
    reader.feed_eof()  # the other side closed its end: no more bytes will come

    line = await reader.readline()  # everything up to and including b"\n"
    print(f"readline()        -> {line!r}")
    header = await reader.readline()
    size = int(header.split()[1])
    body = await reader.readexactly(size)  # exactly `size` bytes, no more, no fewer
    print(f"readexactly({size})    -> {body!r}")
    marker = await reader.readuntil(b";")  # up to and including a separator of your choice
    print(f"readuntil(b';')   -> {marker!r}")
    chunk = await reader.read(4)  # at most 4 bytes: whatever is there, up to the limit
    print(f"read(4)           -> {chunk!r}")
    rest = await reader.read()  # no limit: everything until EOF
    print(f"read()            -> {rest!r}")
    print(f"at_eof()          -> {reader.at_eof()}")
    print(f"readline() at EOF -> {await reader.readline()!r}")

    # Asking for more than the stream will ever hold.
    short = asyncio.StreamReader()
    short.feed_data(b"only 9 b!")
    short.feed_eof()
    try:
        await short.readexactly(20)
    except asyncio.IncompleteReadError as error:
        print(f"readexactly(20) on 9 bytes: IncompleteReadError, partial={error.partial!r}")


if __name__ == "__main__":
    asyncio.run(main())
