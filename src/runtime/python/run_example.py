"""Runs one program the way the browser playground runs it, on this interpreter.

    python3 src/runtime/python/run_example.py [--clock virtual|real] [--events FILE.jsonl] path/to/example.py

The program's stdout and stderr go to this process's stdout and stderr, unchanged; tracebacks
show the program's frames only, with the file name as given. Exit status: 0 on success, 1 on an
uncaught exception (or a deadlock), the SystemExit code otherwise. With ``--events``, the task
events the browser's timeline would receive are written to FILE, one JSON object per line.
"""

from __future__ import annotations

import argparse
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

from livepy.session import LocalHost, Session  # noqa: E402
from livepy.standins import KNOWN, StandinRun  # noqa: E402
from livepy.timeline import Batch, Reader, write_jsonl  # noqa: E402


class EventsHost(LocalHost):
    """Keeps the task events a browser host would post, as the page reads them."""

    def __init__(self, virtual: bool) -> None:
        self.events: list[dict] = []
        self._reader = Reader(virtual)

    def send(self, chunks: list[dict], events: Batch | None) -> None:
        if events is not None:
            self.events.extend(self._reader.read(events))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description="Run a program as the browser playground runs it.")
    parser.add_argument("--clock", choices=("virtual", "real"), default="virtual")
    parser.add_argument("--events", metavar="FILE.jsonl", help="write the run's task events to FILE")
    parser.add_argument(
        "--standins",
        metavar="NAMES",
        default="",
        help=f"comma-separated stand-ins the program may import ({', '.join(KNOWN)}); asyncpg's "
        "database is a real PostgreSQL (PG* variables) in a database of the stand-in's own",
    )
    parser.add_argument("program")
    args = parser.parse_args(argv)
    standins = None
    if args.standins:
        from local_postgres import SocketEngine

        names = [name.strip() for name in args.standins.split(",") if name.strip()]
        standins = StandinRun(names, database=SocketEngine.for_standin)

    with open(args.program, encoding="utf-8") as file:
        code = file.read()
    host = EventsHost(args.clock == "virtual")
    session = Session(args.clock, host=host, record=args.events is not None)
    # As `python3 path/to/example.py` would: the program's folder comes first on the path.
    sys.path.insert(0, os.path.dirname(os.path.abspath(args.program)))
    outcome = session.run(code, args.program, standins=standins)
    sys.stdout.flush()
    if outcome.get("status") == "deadlock":
        print(outcome.get("message", "Deadlock"), file=sys.stderr)
    if args.events is not None:
        with open(args.events, "w", encoding="utf-8") as out:
            write_jsonl(host.events, out.write)
    sys.stderr.flush()
    return int(outcome.get("exitCode", 1))


if __name__ == "__main__":
    sys.exit(main())
