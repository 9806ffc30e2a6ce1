import asyncio

# Two requests; the second lost its newline (the client closed before sending it).
DATA = b"GET /a\nGET /b"


def stream() -> asyncio.StreamReader:
    """A reader holding DATA and then the end of the stream, as a closed connection leaves it."""
    reader = asyncio.StreamReader()
    reader.feed_data(DATA)
    reader.feed_eof()
    return reader


async def main() -> None:
    reader = stream()
    while line := await reader.readline():
        print(f"readline: {line!r}")

    reader = stream()
    try:
        while not reader.at_eof():
            line = await reader.readuntil(b"\n")
            print(f"readuntil: {line!r}")
    except Exception as error:
        print(f"readuntil raised {type(error).__name__}: {error}")


if __name__ == "__main__":
    asyncio.run(main())
