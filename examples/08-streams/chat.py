#: runs: local
#: clock: real
"""A chat server and three clients on 127.0.0.1, in one program that ends on its own.

The protocol is one line per message. A client's first line is its name; every later line
is a message, which the server broadcasts to everybody else. When a client closes its
connection, the others are told that it left.
"""

import asyncio


class ChatServer:
    def __init__(self) -> None:
        self.members: dict[str, asyncio.StreamWriter] = {}
        self.gone: asyncio.Queue[str] = asyncio.Queue()  # names, once fully cleaned up

    async def broadcast(self, text: str, sender: str) -> None:
        targets = [w for name, w in self.members.items() if name != sender]
        for writer in targets:
            writer.write(text.encode())
        # Flow control for everyone at once; a client that vanished must not stop the others.
        await asyncio.gather(*(w.drain() for w in targets), return_exceptions=True)

    async def handle(self, reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> None:
        name = (await reader.readline()).decode().strip()
        self.members[name] = writer
        print(f"server: {name} joined, {len(self.members)} online")
        writer.write(f"* welcome, {name}; online: {', '.join(self.members)}\n".encode())
        await self.broadcast(f"* {name} joined\n", sender=name)
        try:
            while line := await reader.readline():  # b"" when the client leaves
                await self.broadcast(f"{name}: {line.decode()}", sender=name)
        except ConnectionError:
            pass  # a client that vanished without closing properly left, too
        finally:
            del self.members[name]
            print(f"server: {name} left, {len(self.members)} online")
            await self.broadcast(f"* {name} left\n", sender=name)
            writer.close()
            await writer.wait_closed()
            self.gone.put_nowait(name)


class ChatClient:
    def __init__(self, name: str, reader: asyncio.StreamReader,
                 writer: asyncio.StreamWriter) -> None:
        self.name, self.reader, self.writer = name, reader, writer

    @classmethod
    async def join(cls, name: str, host: str, port: int) -> "ChatClient":
        reader, writer = await asyncio.open_connection(host, port)
        client = cls(name, reader, writer)
        await client.say(name)  # the first line is our name
        await client.hear()  # the welcome
        return client

    async def say(self, text: str) -> None:
        self.writer.write(f"{text}\n".encode())
        await self.writer.drain()

    async def hear(self) -> None:
        line = await asyncio.wait_for(self.reader.readline(), timeout=2)
        print(f"  {self.name} hears {line.decode().rstrip()!r}")

    async def leave(self) -> None:
        self.writer.close()
        await self.writer.wait_closed()


async def main() -> None:
    chat = ChatServer()
    server = await asyncio.start_server(chat.handle, "127.0.0.1", 0)
    host, port = server.sockets[0].getsockname()

    # Each step waits for the lines it expects, so the output order is fixed by design.
    alice = await ChatClient.join("alice", host, port)
    bob = await ChatClient.join("bob", host, port)
    await alice.hear()
    carol = await ChatClient.join("carol", host, port)
    await alice.hear()
    await bob.hear()

    await alice.say("hi, both of you")
    await bob.hear()
    await carol.hear()
    await carol.say("hi! I have to go, bye")
    await alice.hear()
    await bob.hear()

    await carol.leave()
    await alice.hear()
    await bob.hear()
    await bob.say("just us now")
    await alice.hear()

    await bob.leave()
    await alice.hear()
    await alice.leave()
    for _ in range(3):
        await chat.gone.get()
    server.close()
    await server.wait_closed()
    print("server: closed")


if __name__ == "__main__":
    asyncio.run(main())
