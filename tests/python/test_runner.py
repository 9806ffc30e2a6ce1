"""The Python runner on CPython: clocks, task events, output, semantics fixes, every bad input."""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import tempfile
import time
import unittest

from .helpers import RUNNER_DIR, RecordingHost, run

from livepy.output import Output  # noqa: E402  (helpers puts the runner on the path)
from livepy.clock import VirtualClock  # noqa: E402

CLI = os.path.join(RUNNER_DIR, "run_example.py")

#: The virtual clock skips waits but counts computing, so times carry the program's own CPU time.
CPU_SLACK_MS = 50


def rounded(t: float, step: float = 100.0) -> float:
    """A time in ms to the nearest ``step``: what the program waited, without its CPU time."""
    return round(t / step) * step


class VirtualClockTest(unittest.TestCase):
    def test_an_hour_of_sleeping_takes_no_time(self) -> None:
        started = time.perf_counter()
        outcome, host = run(
            """
            import asyncio, time

            async def main():
                start = time.monotonic()
                await asyncio.sleep(3600)
                print(f"{time.monotonic() - start:.2f} {time.perf_counter() - start:.2f}")

            asyncio.run(main())
            """
        )
        self.assertLess(time.perf_counter() - started, 2)
        self.assertEqual(outcome["status"], "ok")
        self.assertEqual(host.text(), "3600.00 3600.00\n")

    def test_output_is_deterministic_and_ordered_by_deadline_then_creation(self) -> None:
        code = """
            import asyncio, time

            async def job(name, delay):
                await asyncio.sleep(delay)
                print(name, f"{time.monotonic():.2f}")

            async def main():
                await asyncio.gather(job("c", 0.5), job("a", 0.2), job("b", 0.5), job("d", 0.2))

            asyncio.run(main())
            """
        first = run(code)[1].text()
        self.assertEqual(first, "a 0.20\nd 0.20\nc 0.50\nb 0.50\n")
        self.assertEqual(run(code)[1].text(), first)

    def test_time_sleep_blocks_the_loop_and_moves_the_clock(self) -> None:
        _, host = run(
            """
            import asyncio, time

            async def rude(name):
                print(name, "starts", f"{time.monotonic():.1f}")
                time.sleep(1)
                print(name, "ends", f"{time.monotonic():.1f}")

            async def main():
                await asyncio.gather(rude("a"), rude("b"))

            asyncio.run(main())
            """
        )
        self.assertEqual(host.text(), "a starts 0.0\na ends 1.0\nb starts 1.0\nb ends 2.0\n")

    def test_time_time_moves_with_the_virtual_clock(self) -> None:
        _, host = run(
            """
            import asyncio, time
            t = time.time()
            asyncio.run(asyncio.sleep(90))
            print(round(time.time() - t))
            """
        )
        self.assertEqual(host.text(), "90\n")

    def test_patched_time_functions_are_restored(self) -> None:
        before = (time.monotonic, time.perf_counter, time.time, time.sleep)
        run("import time\ntime.sleep(5)")
        self.assertEqual((time.monotonic, time.perf_counter, time.time, time.sleep), before)

    def test_deadlock_is_reported_with_the_waiting_tasks(self) -> None:
        outcome, _ = run(
            """
            import asyncio

            async def consumer(queue):
                await queue.get()

            async def main():
                queue = asyncio.Queue()
                await asyncio.create_task(consumer(queue), name="consumer")

            asyncio.run(main())
            """
        )
        self.assertEqual(outcome["status"], "deadlock")
        self.assertEqual(outcome["exitCode"], 1)
        self.assertIn("Deadlock", outcome["message"])
        # In the order the tasks were created, whatever order asyncio.all_tasks() has.
        self.assertRegex(outcome["message"], r"Waiting: Task-1 \(line \d+ in main\), consumer \(line 5 in consumer\)\.$")


class RealClockTest(unittest.TestCase):
    def test_waits_take_real_time(self) -> None:
        started = time.perf_counter()
        outcome, host = run(
            """
            import asyncio, time
            async def main():
                t = time.perf_counter()
                await asyncio.sleep(0.2)
                time.sleep(0.1)
                print(f"{time.perf_counter() - t:.1f}")
            asyncio.run(main())
            """,
            clock="real",
        )
        self.assertGreaterEqual(time.perf_counter() - started, 0.3)
        self.assertEqual(host.text(), "0.3\n")

    def test_a_task_waiting_forever_is_a_deadlock_too(self) -> None:
        outcome, _ = run("import asyncio\nasync def main():\n    await asyncio.Event().wait()\nasyncio.run(main())", clock="real")
        self.assertEqual(outcome["status"], "deadlock")


class TaskEventsTest(unittest.TestCase):
    def test_every_task_is_created_stepped_and_done_with_its_outcome(self) -> None:
        _, host = run(
            """
            import asyncio

            async def ok():
                await asyncio.sleep(1)
                return 42

            async def boom():
                await asyncio.sleep(2)
                raise ValueError("no")

            async def forever():
                await asyncio.sleep(100)

            async def main():
                a = asyncio.create_task(ok(), name="ok")
                b = asyncio.create_task(boom(), name="boom")
                c = asyncio.create_task(forever(), name="forever")
                await a
                c.cancel()
                try:
                    await b
                except ValueError:
                    pass

            asyncio.run(main())
            """
        )
        events = host.events
        by_name: dict[str, list[dict]] = {}
        for event in events:
            by_name.setdefault(event["name"], []).append(event)
        # Besides these, asyncio.run's clean-up runs two tasks of its own, as on CPython.
        self.assertLessEqual({"Task-1", "ok", "boom", "forever"}, set(by_name))
        self.assertEqual(by_name["ok"][0]["kind"], "created")
        self.assertEqual(by_name["ok"][0]["detail"], "ok")
        done = {name: evs[-1] for name, evs in by_name.items()}
        self.assertEqual((done["ok"]["kind"], done["ok"]["outcome"], done["ok"]["detail"], rounded(done["ok"]["t"])), ("done", "result", "42", 1000.0))
        self.assertEqual((done["boom"]["outcome"], done["boom"]["detail"], rounded(done["boom"]["t"])), ("exception", "ValueError: no", 2000.0))
        self.assertEqual((done["forever"]["outcome"], rounded(done["forever"]["t"])), ("cancelled", 1000.0))
        self.assertEqual(done["Task-1"]["outcome"], "result")
        # Steps come in start/end pairs, in order, never overlapping (one thread).
        running = None
        for event in events:
            if event["kind"] == "step-start":
                self.assertIsNone(running)
                running = event["task"]
            elif event["kind"] == "step-end":
                self.assertEqual(running, event["task"])
                running = None
        ok_steps = [e["t"] for e in by_name["ok"] if e["kind"] == "step-start"]
        self.assertEqual([rounded(t) for t in ok_steps], [0.0, 1000.0])
        # Task numbers follow creation order.
        created = [e["task"] for e in events if e["kind"] == "created"]
        self.assertEqual(created, sorted(created))

    def test_a_blocking_call_is_a_long_step(self) -> None:
        _, host = run("import asyncio, time\nasync def main():\n    time.sleep(0.5)\nasyncio.run(main())")
        start, end = [e["t"] for e in host.events if e["kind"] in ("step-start", "step-end")][:2]
        self.assertAlmostEqual(end - start, 500.0, delta=CPU_SLACK_MS)

    def test_computing_takes_time_on_the_virtual_clock_too(self) -> None:
        # The virtual clock skips waits, not work: a CPU-bound step is seen to take its time.
        _, host = run(
            """
            import time
            start = time.perf_counter()
            deadline = time.process_time() + 0.2
            while time.process_time() < deadline:
                pass
            print(f"{time.perf_counter() - start:.1f}")
            """
        )
        self.assertEqual(host.text(), "0.2\n")

    def test_recording_keeps_never_retrieved_exceptions_visible(self) -> None:
        outcome, host = run(
            """
            import asyncio, gc
            async def boom():
                raise ValueError("lost")
            async def main():
                asyncio.create_task(boom())
                await asyncio.sleep(0.1)
                gc.collect()
            asyncio.run(main())
            """
        )
        self.assertEqual(outcome["status"], "ok")
        self.assertIn("Task exception was never retrieved", host.text("stderr"))


class SemanticsTest(unittest.TestCase):
    def test_main_guard_argv_and_file(self) -> None:
        _, host = run("import sys\nif __name__ == '__main__':\n    print(__file__, sys.argv)")
        self.assertEqual(host.text(), "main.py ['main.py']\n")

    def test_leftover_tasks_are_cancelled_within_the_run(self) -> None:
        outcome, host = run(
            """
            import asyncio

            async def ticker():
                try:
                    while True:
                        await asyncio.sleep(1)
                        print("tick")
                finally:
                    print("ticker cancelled")

            loop = asyncio.new_event_loop()
            loop.create_task(ticker())
            loop.run_until_complete(asyncio.sleep(2.5))
            print("end of program")
            """
        )
        self.assertEqual(host.text(), "tick\ntick\nend of program\nticker cancelled\n")
        self.assertEqual(outcome["status"], "ok")

    def test_task_factories_work(self) -> None:
        _, host = run(
            """
            import asyncio

            def factory(loop, coro, **kwargs):
                print("factory")
                return asyncio.Task(coro, loop=loop, **kwargs)

            async def job():
                return 1

            async def main():
                asyncio.get_running_loop().set_task_factory(factory)
                print(await asyncio.create_task(job(), name="named"))

            asyncio.run(main())
            """
        )
        # As on CPython: asyncio.run's clean-up creates two more tasks through the factory.
        self.assertEqual(host.text(), "factory\n1\nfactory\nfactory\n")

    def test_executor_and_to_thread_run_the_function_in_place(self) -> None:
        _, host = run(
            """
            import asyncio, time
            def work(x):
                time.sleep(1)
                return x * 2
            async def main():
                loop = asyncio.get_running_loop()
                print(await loop.run_in_executor(None, work, 2), await asyncio.to_thread(work, 3), f"{time.monotonic():.1f}")
            asyncio.run(main())
            """
        )
        self.assertEqual(host.text(), "4 6 2.0\n")

    def test_asyncio_run_inside_a_running_loop_fails_as_on_cpython(self) -> None:
        outcome, host = run(
            """
            import asyncio
            async def inner(): pass
            async def main():
                asyncio.run(inner())
            asyncio.run(main())
            """
        )
        self.assertEqual(outcome["status"], "error")
        self.assertIn("cannot be called from a running event loop", host.text("stderr"))


class BadInputTest(unittest.TestCase):
    def test_syntax_error(self) -> None:
        outcome, host = run("x = (1,\n")
        self.assertEqual((outcome["status"], outcome["exitCode"]), ("error", 1))
        self.assertIn("SyntaxError on line 1", outcome["message"])
        self.assertIn('File "main.py", line 1', host.text("stderr"))
        self.assertNotIn("livepy", host.text("stderr"))

    def test_exception_traceback_shows_only_the_readers_frames(self) -> None:
        outcome, host = run(
            """
            import asyncio
            async def fail():
                raise ValueError("bad value")
            asyncio.run(fail())
            """
        )
        err = host.text("stderr")
        self.assertEqual(outcome["message"], "The program raised ValueError: bad value")
        self.assertTrue(err.startswith("Traceback (most recent call last):\n  File \"main.py\", line 5, in <module>"), err)
        self.assertIn('File "main.py", line 4, in fail', err)
        self.assertNotIn("livepy", err)
        self.assertNotIn("session.py", err)

    def test_system_exit_codes(self) -> None:
        self.assertEqual(run("import sys\nsys.exit()")[0]["status"], "ok")
        self.assertEqual(run("raise SystemExit(0)")[0]["exitCode"], 0)
        outcome, _ = run("import sys\nsys.exit(3)")
        self.assertEqual((outcome["status"], outcome["exitCode"]), ("error", 3))
        outcome, host = run("import sys\nsys.exit('fatal: gave up')")
        self.assertEqual(outcome["exitCode"], 1)
        self.assertEqual(host.text("stderr"), "fatal: gave up\n")

    def test_memory_error(self) -> None:
        outcome, _ = run("raise MemoryError()")
        self.assertEqual(outcome["message"], "The program ran out of memory (MemoryError).")
        self.assertTrue(outcome.get("outOfMemory"))
        self.assertNotIn("outOfMemory", run("raise ValueError()")[0])

    def test_input_is_not_supported_and_says_so(self) -> None:
        outcome, host = run("name = input('name? ')")
        self.assertIn("input() is not supported here", outcome["message"])
        self.assertIn("EOFError: input() is not supported here", host.text("stderr"))
        outcome, host = run("try:\n    input()\nexcept EOFError:\n    print('no input')")
        self.assertEqual((outcome["status"], host.text()), ("ok", "no input\n"))
        self.assertEqual(run("import sys\nsys.stdin.read()")[0]["status"], "error")

    def test_missing_module_names_the_module_and_the_local_alternative(self) -> None:
        outcome, _ = run("import aiohttp_not_installed_here")
        self.assertIn("'aiohttp_not_installed_here' is not available in the browser", outcome["message"])
        self.assertIn("runs locally", outcome["message"])

    def test_the_runner_is_usable_after_each_bad_input(self) -> None:
        for code in ("x = (", "raise ValueError", "import sys; sys.exit(2)", "input()", "import nope_nope"):
            run(code)
        outcome, host = run("import asyncio\nasyncio.run(asyncio.sleep(1))\nprint('fine')")
        self.assertEqual((outcome["status"], host.text()), ("ok", "fine\n"))


class StopTest(unittest.TestCase):
    def test_stop_during_a_wait_ends_the_run_and_runs_finally_blocks(self) -> None:
        host = RecordingHost(stop_after_checks=2)
        outcome, host = run(
            """
            import asyncio
            async def main():
                try:
                    while True:
                        await asyncio.sleep(0.01)
                finally:
                    print("cleaned up")
            asyncio.run(main())
            """,
            clock="real",
            host=host,
        )
        self.assertEqual(outcome["status"], "stopped")
        self.assertNotIn("message", outcome)  # the page says it, in the reader's language
        self.assertEqual(host.text(), "cleaned up\n")

    def test_the_watchdog_stops_a_busy_loop(self) -> None:
        # In the browser the interpreter's signal check calls the watchdog; here a timer does.
        from livepy.session import Session

        host = RecordingHost()
        session = Session("real", host=host, capture=True)

        def tick(signum: int, frame: object) -> None:
            host.stop = True
            session.tick()

        previous = signal.signal(signal.SIGALRM, tick)
        signal.setitimer(signal.ITIMER_REAL, 0.2)
        try:
            started = time.perf_counter()
            outcome = session.run("n = 0\nwhile True:\n    n += 1\n", "main.py")
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0)
            signal.signal(signal.SIGALRM, previous)
        self.assertEqual(outcome.get("status"), "stopped")
        self.assertLess(time.perf_counter() - started, 1)

    def test_except_exception_does_not_swallow_stop(self) -> None:
        host = RecordingHost(stop_after_checks=3)
        outcome, _ = run(
            "import time\nwhile True:\n    try:\n        time.sleep(0.01)\n    except Exception:\n        pass\n",
            clock="real",
            host=host,
        )
        self.assertEqual(outcome["status"], "stopped")


class OutputTest(unittest.TestCase):
    def test_stdout_and_stderr_keep_their_order(self) -> None:
        _, host = run("import sys\nprint('a')\nprint('b', file=sys.stderr)\nprint('c')")
        self.assertEqual([(c["stream"], c["text"]) for c in host.chunks], [("stdout", "a\n"), ("stderr", "b\n"), ("stdout", "c\n")])

    def test_chunks_carry_the_run_clock_in_ms(self) -> None:
        _, host = run("import time\nprint('a')\ntime.sleep(1.5)\nprint('b')")
        self.assertEqual([(c["text"], rounded(c["t"])) for c in host.chunks], [("a\n", 0.0), ("b\n", 1500.0)])

    def test_a_flood_keeps_the_head_and_a_bounded_tail_and_counts_the_rest(self) -> None:
        outcome, host = run("for i in range(200_000):\n    print(i)\nraise ValueError('the end')")
        text = host.text()
        self.assertTrue(text.startswith("0\n1\n2\n"))
        self.assertIn("ValueError: the end", host.text("stderr"))
        self.assertLess(len(text), 150_000)
        total = sum(len(f"{i}\n") for i in range(200_000)) + len(host.text("stderr"))
        self.assertEqual(len(host.text()) + outcome["droppedChars"], total)
        self.assertTrue(host.text("stdout").endswith("199999\n"))

    def test_tail_limits_lines_and_chars(self) -> None:
        output = Output(VirtualClock(), live_chars=10, live_lines=3, tail_chars=12, tail_lines=2)
        for i in range(100):
            output.add("stdout", f"{i}\n")
        live = "".join(c["text"] for c in output.take())
        tail = "".join(c["text"] for c in output.take(final=True))
        self.assertEqual(live, "0\n1\n2\n")
        self.assertEqual(tail, "98\n99\n")
        self.assertEqual(len(live) + len(tail) + output.dropped, sum(len(f"{i}\n") for i in range(100)))

    def test_writes_are_batched(self) -> None:
        _, host = run("for i in range(1000):\n    print(i)")
        self.assertEqual(host.sends, 1)
        # One chunk per stream and millisecond of running, not one per print.
        self.assertLess(len(host.chunks), 50)


class CliTest(unittest.TestCase):
    def cli(self, code: str, *args: str) -> subprocess.CompletedProcess[str]:
        with tempfile.NamedTemporaryFile("w", suffix=".py", delete=False) as f:
            f.write(code)
        self.addCleanup(os.unlink, f.name)
        return subprocess.run([sys.executable, CLI, *args, f.name], capture_output=True, text=True, timeout=60)

    def test_exit_codes_and_streams(self) -> None:
        done = self.cli("import sys\nprint('out')\nprint('err', file=sys.stderr)")
        self.assertEqual((done.returncode, done.stdout, done.stderr), (0, "out\n", "err\n"))
        self.assertEqual(self.cli("raise ValueError('x')").returncode, 1)
        self.assertEqual(self.cli("import sys\nsys.exit(4)").returncode, 4)

    def test_virtual_is_the_default_clock_and_real_waits(self) -> None:
        code = "import asyncio, time\nasyncio.run(asyncio.sleep(0.3))\nprint(f'{time.monotonic():.1f}')"
        self.assertEqual(self.cli(code).stdout, "0.3\n")
        started = time.perf_counter()
        self.assertEqual(self.cli(code, "--clock", "real").returncode, 0)
        self.assertGreaterEqual(time.perf_counter() - started, 0.3)

    def test_traceback_names_the_file_as_given_without_runner_frames(self) -> None:
        done = self.cli("def f():\n    raise KeyError('k')\nf()\n")
        self.assertIn("KeyError: 'k'", done.stderr)
        self.assertNotIn("run_example.py", done.stderr)
        self.assertNotIn("livepy", done.stderr)

    def test_deadlock_is_printed_and_fails(self) -> None:
        done = self.cli("import asyncio\nasync def main():\n    await asyncio.Event().wait()\nasyncio.run(main())")
        self.assertEqual(done.returncode, 1)
        self.assertIn("Deadlock", done.stderr)

    def test_events_file(self) -> None:
        with tempfile.TemporaryDirectory() as folder:
            events_file = os.path.join(folder, "events.jsonl")
            done = self.cli("import asyncio\nasyncio.run(asyncio.sleep(1))", "--events", events_file)
            self.assertEqual(done.returncode, 0)
            with open(events_file, encoding="utf-8") as f:
                events = [json.loads(line) for line in f]
        main = [e for e in events if e["task"] == 1]
        self.assertEqual([e["kind"] for e in main], ["created", "step-start", "step-end", "step-start", "step-end", "done"])
        self.assertEqual((main[0]["name"], rounded(main[-1]["t"])), ("Task-1", 1000.0))


if __name__ == "__main__":
    unittest.main()
