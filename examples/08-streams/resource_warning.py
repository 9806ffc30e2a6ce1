#: runs: local
#: clock: real
"""Which switch shows the ResourceWarning for a connection nobody closed?

The program runs a child Python, which opens a connection and drops its writer without closing
it, three times: with asyncio's debug mode, with -W default, and with -X dev. Debug mode does
not change the warning filters, and ResourceWarning is ignored by default.
"""

import subprocess
import sys

LEAKY_CHILD = """
import asyncio, gc

async def main() -> None:
    server = await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)
    host, port = server.sockets[0].getsockname()[:2]
    reader, writer = await asyncio.open_connection(host, port)
    del reader, writer  # never closed
    gc.collect()
    server.close()

asyncio.run(main(), debug=DEBUG)
"""


def run_child(label: str, options: list[str], debug: bool) -> None:
    code = LEAKY_CHILD.replace("DEBUG", str(debug))
    result = subprocess.run([sys.executable, *options, "-c", code],
                            capture_output=True, text=True, timeout=30)
    shown = "ResourceWarning" in result.stderr
    print(f"{label:<29} ResourceWarning shown: {shown}")


def main() -> None:
    run_child("asyncio.run(..., debug=True)", [], debug=True)
    run_child("python -W default", ["-W", "default"], debug=False)
    run_child("python -X dev", ["-X", "dev"], debug=False)


if __name__ == "__main__":
    main()
