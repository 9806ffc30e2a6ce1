import asyncio


def frame(body: bytes) -> bytes:
    """A message on the wire: its length in 4 bytes, big-endian, then the body."""
    return len(body).to_bytes(4, "big") + body


async def read_messages(reader: asyncio.StreamReader) -> list[bytes]:
    """Reads length-prefixed messages until the stream ends between two messages, and returns
    their bodies. A stream that ends inside a message raises IncompleteReadError."""
    messages = []
    try:
        while True:
            header = await reader.readexactly(4)
            messages.append(await reader.readexactly(int.from_bytes(header, "big")))
    except asyncio.IncompleteReadError:
        return messages


async def network(reader: asyncio.StreamReader, data: bytes) -> None:
    """Stands in for a connection: delivers the bytes in pieces of 7, whatever the messages,
    as TCP may, then ends the stream."""
    for start in range(0, len(data), 7):
        reader.feed_data(data[start:start + 7])
        await asyncio.sleep(0.1)
    reader.feed_eof()


async def main() -> None:
    reader = asyncio.StreamReader()
    data = frame(b"hello") + frame(b"length-prefixed") + frame(b"world")
    delivery = asyncio.create_task(network(reader, data))
    print(await read_messages(reader))
    await delivery


if __name__ == "__main__":
    asyncio.run(main())
