"""The aiohttp stand-in on CPython: a server and its clients inside one run, on the run's clock.

What a chapter's example relies on, checked the way a reader would see it: what is printed, when
(virtual time is exact), and which error, with which message. The real aiohttp 3.8.4 behaves the
same; the examples tier holds both to the same recorded outputs (the drift test).
"""

from __future__ import annotations

import os
import tempfile
import textwrap
import unittest
from typing import Any

from .helpers import RecordingHost

from livepy.session import Session  # noqa: E402  (helpers puts the runner on the path)
from livepy.standins import StandinRun  # noqa: E402

SERVER = '''
import asyncio
from aiohttp import web


async def delay(request):
    seconds = float(request.match_info["seconds"])
    await asyncio.sleep(seconds)
    return web.json_response({"delay": seconds})


async def status(request):
    return web.json_response({"status": int(request.match_info["code"])}, status=int(request.match_info["code"]))


async def reset(request):
    request.transport.close()
    return web.Response()


async def boom(request):
    raise ValueError("boom")


async def echo(request):
    return web.json_response({"method": request.method, "query": dict(request.query), "body": await request.json()})


async def pieces(request):
    response = web.StreamResponse()
    await response.prepare(request)
    for n in range(3):
        await asyncio.sleep(0.2)
        await response.write(f"piece {n}\\n".encode())
    return response


async def serve():
    app = web.Application()
    app.add_routes([
        web.get("/delay/{seconds}", delay),
        web.get("/status/{code:\\\\d+}", status),
        web.get("/reset", reset),
        web.get("/boom", boom),
        web.post("/echo", echo),
        web.get("/pieces", pieces),
    ])
    runner = web.AppRunner(app)
    await runner.setup()
    site = web.TCPSite(runner, "127.0.0.1", 0)
    await site.start()
    host, port = runner.addresses[0][:2]
    return runner, f"http://{host}:{port}"
'''


def run(code: str, standins: list[str] | None = None, clock: str = "virtual") -> tuple[dict[str, Any], RecordingHost]:
    host = RecordingHost()
    session = Session(clock, host=host, capture=True)
    declared = StandinRun(standins if standins is not None else ["aiohttp"])
    outcome = session.run(SERVER + textwrap.dedent(code), "main.py", standins=declared)
    return dict(outcome), host


class DeclaringTest(unittest.TestCase):
    def test_importing_a_stand_in_takes_none_of_the_programs_time(self) -> None:
        # A stand-in whose import computes for 0.1 s of CPU: on the virtual clock that is the
        # runner's work, not the program's (the real library's import costs something else).
        with tempfile.TemporaryDirectory() as folder:
            os.mkdir(os.path.join(folder, "aiohttp"))
            with open(os.path.join(folder, "aiohttp", "__init__.py"), "w", encoding="utf-8") as file:
                file.write("import time\nend = time.process_time() + 0.1\nwhile time.process_time() < end:\n    pass\n")
            host = RecordingHost()
            session = Session("virtual", host=host, capture=True)
            code = "import time\nimport aiohttp\nprint(f'{time.perf_counter():.2f}')\n"
            outcome = session.run(code, "main.py", standins=StandinRun(["aiohttp"], directory=folder))
        self.assertEqual(outcome.get("status"), "ok", host.text())
        self.assertEqual(host.text("stdout"), "0.00\n")

    def test_a_run_that_does_not_declare_the_stand_in_cannot_import_it(self) -> None:
        outcome, host = run("import aiohttp\nprint(aiohttp.__version__)\n")
        self.assertEqual(outcome["status"], "ok", host.text())
        self.assertEqual(host.text(), "3.8.4-standin\n")
        self.assertEqual(outcome["standins"], ["aiohttp"])
        # The next run declares nothing: it gets what the interpreter has (in the browser, nothing:
        # Python's own ModuleNotFoundError), never the stand-in.
        session = Session("virtual", host=(host := RecordingHost()), capture=True)
        outcome = dict(session.run(
            "try:\n    import aiohttp\n    print(aiohttp.__version__)\n"
            "except ModuleNotFoundError as error:\n    print(error)\n",
            "main.py",
        ))
        self.assertEqual(outcome["status"], "ok")
        self.assertNotIn("standin", host.text())
        self.assertNotIn("standins", outcome)

    def test_the_stand_ins_folder_is_not_a_way_around(self) -> None:
        session = Session("virtual", host=(host := RecordingHost()), capture=True)
        outcome = dict(session.run("import standins.aiohttp\n", "main.py"))
        self.assertEqual(outcome["status"], "error")
        self.assertIn("ImportError: the stand-ins are imported by their own names", host.text("stderr"))

    def test_unknown_names_are_refused_with_the_known_ones(self) -> None:
        with self.assertRaisesRegex(ValueError, "unknown stand-in 'requests'; known: aiohttp, asyncpg"):
            StandinRun(["requests"])


class ClientAndServerTest(unittest.TestCase):
    def test_requests_at_once_take_the_longest_one_on_the_virtual_clock(self) -> None:
        outcome, host = run('''
            import time, aiohttp

            async def main():
                runner, base = await serve()
                async with aiohttp.ClientSession(base) as session:
                    async def get(path):
                        async with session.get(path) as response:
                            return await response.json()
                    start = time.perf_counter()
                    answers = await asyncio.gather(*(get(f"/delay/{d}") for d in (0.3, 0.1, 0.2)))
                    print(answers, f"{time.perf_counter() - start:.1f} s")
                await runner.cleanup()

            asyncio.run(main())
        ''')
        self.assertEqual(outcome["status"], "ok", host.text())
        self.assertEqual(host.text(), "[{'delay': 0.3}, {'delay': 0.1}, {'delay': 0.2}] 0.3 s\n")

    def test_failures_raise_what_aiohttp_raises_with_its_messages(self) -> None:
        outcome, host = run('''
            import aiohttp

            async def main():
                runner, base = await serve()
                async with aiohttp.ClientSession(base) as session:
                    async with session.get("/status/503") as response:
                        print(response.status, response.reason, response.ok)
                        try:
                            response.raise_for_status()
                        except aiohttp.ClientResponseError as error:
                            print(type(error).__name__, error.status, repr(error.message))
                    for path in ("/nowhere", "/boom"):
                        async with session.get(path) as response:
                            print(response.status, repr(await response.text()))
                    async with session.post("/delay/1") as response:
                        print(response.status, response.headers["Allow"], repr(await response.text()))
                        try:
                            await response.json()
                        except aiohttp.ContentTypeError as error:
                            print(error.message)
                    try:
                        await session.get("/reset")
                    except aiohttp.ServerDisconnectedError as error:
                        print(type(error).__name__, error)
                    try:
                        await session.get("/delay/2", timeout=aiohttp.ClientTimeout(total=0.5))
                    except TimeoutError:
                        print("TimeoutError after", f"{asyncio.get_running_loop().time():.1f}")
                await runner.cleanup()
                async with aiohttp.ClientSession() as session:
                    try:
                        await session.get(f"{base}/delay/0")
                    except aiohttp.ClientConnectorError as error:
                        print(type(error.os_error).__name__, isinstance(error, OSError))

            asyncio.run(main())
        ''')
        self.assertEqual(outcome["status"], "ok", host.text())
        self.assertEqual(
            host.text("stdout"),
            "503 Service Unavailable False\n"
            "ClientResponseError 503 'Service Unavailable'\n"
            "404 '404: Not Found'\n"
            "500 '500 Internal Server Error\\n\\nServer got itself in trouble'\n"
            "405 GET,HEAD '405: Method Not Allowed'\n"
            "Attempt to decode JSON with unexpected mimetype: text/plain; charset=utf-8\n"
            "ServerDisconnectedError Server disconnected\n"
            "TimeoutError after 0.5\n"
            "ConnectionRefusedError True\n",
        )
        # As aiohttp's server does, the handler's exception is logged on stderr.
        self.assertIn("Error handling request", host.text("stderr"))
        self.assertIn("ValueError: boom", host.text("stderr"))

    def test_a_session_reuses_its_connections_and_a_connector_limits_them(self) -> None:
        outcome, host = run('''
            import aiohttp

            async def main():
                runner, base = await serve()
                seen = set()
                server = runner.server

                async def get(session, path):
                    async with session.get(path) as response:
                        await response.read()
                        seen.add(response.headers["Server"][:6])

                async with aiohttp.ClientSession(base) as session:
                    for _ in range(3):
                        await get(session, "/delay/0.1")
                    print("one after another:", len(server.connections), "connection")
                    await asyncio.gather(*(get(session, "/delay/0.1") for _ in range(4)))
                    print("four at once:", len(server.connections), "connections")
                    print(session.connector.limit, session.connector.limit_per_host)
                async with aiohttp.ClientSession(base, connector=aiohttp.TCPConnector(limit=2)) as session:
                    start = asyncio.get_running_loop().time()
                    await asyncio.gather(*(get(session, "/delay/0.2") for _ in range(6)))
                    print(f"six through two: {asyncio.get_running_loop().time() - start:.1f} s")
                print(session.closed, seen)
                await runner.cleanup()

            asyncio.run(main())
        ''')
        self.assertEqual(outcome["status"], "ok", host.text())
        self.assertEqual(
            host.text(),
            "one after another: 1 connection\n"
            "four at once: 4 connections\n"
            "100 0\n"
            "six through two: 0.6 s\n"
            "True {'Python'}\n",
        )

    def test_bodies_arrive_piece_by_piece_and_sock_read_bounds_the_silence(self) -> None:
        outcome, host = run('''
            import aiohttp, time

            async def main():
                runner, base = await serve()
                async with aiohttp.ClientSession(base) as session:
                    start = time.monotonic()
                    async with session.get("/pieces") as response:
                        async for line in response.content:
                            print(f"{time.monotonic() - start:.1f}", line.decode().strip())
                    try:
                        async with session.get("/pieces", timeout=aiohttp.ClientTimeout(sock_read=0.1)) as response:
                            await response.read()
                    except aiohttp.ServerTimeoutError as error:
                        print(type(error).__name__, error, isinstance(error, TimeoutError))
                    async with session.post("/echo?x=1", json={"a": [1, 2]}) as response:
                        print(await response.json())
                await runner.cleanup()

            asyncio.run(main())
        ''')
        self.assertEqual(outcome["status"], "ok", host.text())
        self.assertEqual(
            host.text(),
            "0.2 piece 0\n0.4 piece 1\n0.6 piece 2\n"
            "ServerTimeoutError Timeout on reading data from socket True\n"
            "{'method': 'POST', 'query': {'x': '1'}, 'body': {'a': [1, 2]}}\n",
        )

    def test_a_body_from_an_async_iterable_goes_chunked_as_aiohttp_sends_it(self) -> None:
        # Printed the same by aiohttp 3.8.4 over a real socket.
        outcome, host = run('''
            import aiohttp

            async def describe(request):
                try:
                    body = await request.read()
                except web.HTTPRequestEntityTooLarge:
                    return web.json_response({"refused": True}, status=413)
                return web.json_response({
                    "length": request.content_length,
                    "encoding": request.headers.get("Transfer-Encoding"),
                    "type": request.content_type,
                    "body": body.decode(),
                })

            async def pieces(*parts):
                for part in parts:
                    await asyncio.sleep(0)
                    yield part

            async def main():
                app = web.Application(client_max_size=1024)
                app.add_routes([web.post("/describe", describe)])
                runner = web.AppRunner(app)
                await runner.setup()
                await web.TCPSite(runner, "127.0.0.1", 0).start()
                host, port = runner.addresses[0][:2]
                async with aiohttp.ClientSession(f"http://{host}:{port}") as session:
                    for data in (pieces(b"one ", b"two ", b"three"), pieces(b"x" * 2048), b"sized"):
                        async with session.post("/describe", data=data) as response:
                            print(response.status, await response.json())
                await runner.cleanup()

            asyncio.run(main())
        ''')
        self.assertEqual(outcome["status"], "ok", host.text())
        self.assertEqual(
            host.text("stdout"),
            "200 {'length': None, 'encoding': 'chunked', 'type': 'application/octet-stream', 'body': 'one two three'}\n"
            "413 {'refused': True}\n"
            "200 {'length': 5, 'encoding': None, 'type': 'application/octet-stream', 'body': 'sized'}\n",
        )

    def test_a_body_of_client_max_size_or_more_is_refused_as_aiohttp_refuses_it(self) -> None:
        outcome, host = run('''
            import aiohttp

            async def size(request):
                try:
                    return web.json_response({"read": len(await request.read())})
                except web.HTTPRequestEntityTooLarge as error:
                    return web.json_response({"refused": error.text}, status=413)

            async def main():
                app = web.Application(client_max_size=10)
                app.add_routes([web.post("/size", size)])
                runner = web.AppRunner(app)
                await runner.setup()
                await web.TCPSite(runner, "127.0.0.1", 0).start()
                host, port = runner.addresses[0][:2]
                async with aiohttp.ClientSession(f"http://{host}:{port}") as session:
                    for body in (b"123456789", b"1234567890"):
                        async with session.post("/size", data=body) as response:
                            print(response.status, await response.json())
                await runner.cleanup()

            asyncio.run(main())
        ''')
        self.assertEqual(outcome["status"], "ok", host.text())
        self.assertEqual(
            host.text("stdout"),
            "200 {'read': 9}\n"
            "413 {'refused': 'Maximum request body size 10 exceeded, actual body size 10'}\n",
        )

    def test_cleanup_contexts_open_before_on_startup_and_close_before_on_cleanup(self) -> None:
        outcome, host = run('''
            async def context(app):
                print("cleanup_ctx opens")
                yield
                print("cleanup_ctx closes")

            async def main():
                app = web.Application()
                app.on_startup.append(lambda app: asyncio.sleep(0, print("on_startup")))
                app.on_cleanup.append(lambda app: asyncio.sleep(0, print("on_cleanup")))
                app.cleanup_ctx.append(context)
                runner = web.AppRunner(app)
                await runner.setup()
                await runner.cleanup()

            asyncio.run(main())
        ''')
        self.assertEqual(outcome["status"], "ok", host.text())
        # What aiohttp 3.8.4 prints for the same program.
        self.assertEqual(host.text("stdout"), "cleanup_ctx opens\non_startup\ncleanup_ctx closes\non_cleanup\n")

    def test_run_app_says_why_it_cannot_serve_here(self) -> None:
        outcome, host = run('''
            app = web.Application()
            web.run_app(app)
        ''')
        self.assertEqual(outcome["status"], "error")
        self.assertIn("NotImplementedError: web.run_app() serves until it is stopped", host.text("stderr"))


if __name__ == "__main__":
    unittest.main()
