#: runs: local
#: clock: real
#: varies: \d+\.\d+ s
"""A blocking HTTP client (urllib.request) called from asyncio through a thread pool.

A small HTTP server on 127.0.0.1 (in a background thread) answers each request after
0.3 seconds, like a slow web service. urllib blocks, so asyncio hands each call to a
ThreadPoolExecutor with loop.run_in_executor.
"""

import asyncio
import functools
import http.server
import threading
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor


class SlowHandler(http.server.BaseHTTPRequestHandler):
    def do_GET(self) -> None:
        time.sleep(0.3)  # a slow service
        body = f"hello from {self.path}".encode()
        self.send_response(200)
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        self.wfile.write(body)

    def log_message(self, format: str, *args: object) -> None:
        pass  # keep the demo's output quiet


def fetch(url: str, timeout: float = 5.0) -> str:
    """A plain blocking function, like requests.get(url).text."""
    with urllib.request.urlopen(url, timeout=timeout) as response:
        return f"{response.status} {response.read().decode()}"


async def main() -> None:
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), SlowHandler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    base = f"http://127.0.0.1:{server.server_address[1]}"
    urls = [f"{base}/item/{n}" for n in range(1, 6)]

    start = time.perf_counter()
    for url in urls[:2]:
        fetch(url)  # called directly: each call freezes the loop for 0.3 s
    print(f"2 requests, called directly:     {time.perf_counter() - start:.1f} s")

    loop = asyncio.get_running_loop()
    with ThreadPoolExecutor(max_workers=5, thread_name_prefix="http") as pool:
        start = time.perf_counter()
        calls = [
            # run_in_executor passes positional arguments only; partial adds keywords.
            loop.run_in_executor(pool, functools.partial(fetch, url, timeout=2.0))
            for url in urls
        ]
        bodies = await asyncio.gather(*calls)
        print(f"5 requests, in a pool of 5:      {time.perf_counter() - start:.1f} s")

    for body in bodies:
        print(body)

    server.shutdown()
    server.server_close()


if __name__ == "__main__":
    asyncio.run(main())
