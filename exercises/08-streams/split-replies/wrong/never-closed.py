import asyncio


async def ask(port: int, questions: list[str]) -> list[str]:
    """Sends each question as a line to the server on 127.0.0.1:`port`, reads its one-line
    answer, and returns the answers without their newlines. Closes the connection at the end."""
    reader, writer = await asyncio.open_connection("127.0.0.1", port)
    answers = []
    for question in questions:
        writer.write(question.encode() + b"\n")
        await writer.drain()
        answer = await reader.readline()
        answers.append(answer.decode().rstrip("\n"))
    return answers


async def answer(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
    """A server that answers each line in two pieces, a moment apart, as a busy one may."""
    try:
        while line := await reader.readline():
            writer.write(b"you asked: ")
            await writer.drain()
            await asyncio.sleep(0.05)
            writer.write(line.upper())
            await writer.drain()
    finally:
        writer.close()
        await writer.wait_closed()


async def main() -> None:
    server = await asyncio.start_server(answer, "127.0.0.1", 0)
    port = server.sockets[0].getsockname()[1]
    async with server:
        print(await ask(port, ["ping", "time", "bye"]))


if __name__ == "__main__":
    asyncio.run(main())
