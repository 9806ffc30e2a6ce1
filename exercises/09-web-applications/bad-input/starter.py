import asyncio

import aiohttp
from aiohttp import web


class Notes:
    """A small notes service: POST /notes with {"text": "..."} stores a note."""

    def __init__(self) -> None:
        self.notes: list[str] = []
        self.app = web.Application(client_max_size=1024)
        self.app.add_routes([web.post("/notes", self.create)])

    async def create(self, request: web.Request) -> web.Response:
        data = await request.json()
        text = data["text"]
        self.notes.append(text)
        return web.json_response({"id": len(self.notes), "text": text}, status=201)


def make_app() -> web.Application:
    return Notes().app


async def main() -> None:
    runner = web.AppRunner(make_app())
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)  # a port the system picks
    await site.start()
    host, port = runner.addresses[0][:2]
    bodies = ['{"text": "buy tea"}', '{"text": "buy', '["buy tea"]', '{"title": "tea"}']
    async with aiohttp.ClientSession(f"http://{host}:{port}") as client:
        for body in bodies:
            headers = {"Content-Type": "application/json"}
            async with client.post("/notes", data=body, headers=headers) as response:
                print(f"{body:22} -> {response.status} {await response.text()}")
    await runner.cleanup()


if __name__ == "__main__":
    asyncio.run(main())
