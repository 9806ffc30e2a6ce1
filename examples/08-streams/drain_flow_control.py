#: runs: local
#: clock: real
#: varies: holding \d+ MiB
"""What drain() is for: a fast writer, a reader that is not reading, and where the bytes go.

First without drain(): write() never waits, so everything the network cannot take piles up
in the writer's buffer, in our own memory. Then with drain(): the writer is suspended as soon
as the buffer passes its high-water mark, and resumes when the reader catches up.
"""

import asyncio

CHUNK = b"x" * 65536
TOTAL_MIB = 32  # 32 MiB in 64 KiB chunks


async def main() -> None:
    reading = asyncio.Event()  # the server's handler reads only once this is set
    received: asyncio.Queue[int] = asyncio.Queue()

    async def slow_reader(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        await reading.wait()
        total = 0
        while data := await reader.read(65536):
            total += len(data)
        received.put_nowait(total)
        writer.close()
        await writer.wait_closed()

    server = await asyncio.start_server(slow_reader, "127.0.0.1", 0)
    host, port = server.sockets[0].getsockname()

    # 1. Without drain(): the loop below never awaits, so nothing can slow it down.
    _, writer = await asyncio.open_connection(host, port)
    for _ in range(TOTAL_MIB * 16):
        writer.write(CHUNK)
    buffered = writer.transport.get_write_buffer_size()
    print(f"without drain(): write() returned {TOTAL_MIB * 16} times at once, "
          f"the buffer is holding {buffered // 2**20} MiB")
    print(f"  more than half of it in our process: {buffered > TOTAL_MIB * 2**20 // 2}")
    reading.set()
    writer.close()  # close() still sends the buffered bytes first
    await writer.wait_closed()
    print(f"  the reader got {await received.get() // 2**20} MiB in the end")

    # 2. With drain(): the writer waits whenever the buffer is above the high-water mark.
    reading.clear()
    _, writer = await asyncio.open_connection(host, port)
    low, high = writer.transport.get_write_buffer_limits()
    print(f"with drain(): high-water mark {high // 1024} KiB, low-water mark {low // 1024} KiB")
    largest = 0

    async def send_all() -> None:
        nonlocal largest
        for _ in range(TOTAL_MIB * 16):
            writer.write(CHUNK)
            largest = max(largest, writer.transport.get_write_buffer_size())
            await writer.drain()  # suspends here while the reader is not keeping up

    sending = asyncio.create_task(send_all())
    done, _ = await asyncio.wait({sending}, timeout=0.5)
    print(f"  after 0.5 s of a reader that does not read, the writer is still waiting: {not done}")
    reading.set()
    await sending
    writer.close()
    await writer.wait_closed()
    print(f"  the reader got {await received.get() // 2**20} MiB; "
          f"the buffer never held more than high-water mark + one chunk: "
          f"{largest <= high + len(CHUNK)}")

    server.close()
    await server.wait_closed()


if __name__ == "__main__":
    asyncio.run(main())
