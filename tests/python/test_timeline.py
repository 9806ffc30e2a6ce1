"""What the runner records for the timeline: parents, who printed what, blocking and late steps,
the cap, and the compact records the page reads (livepy/timeline.py)."""

from __future__ import annotations

import collections
import json
import os
import signal
import textwrap
import unittest
from typing import Any

from .helpers import RecordingHost, run

from livepy.session import Session  # noqa: E402  (helpers puts the runner on the path)

THREE_TASKS = """
    import asyncio, time

    async def worker(name: str, delay: float) -> str:
        print(f"{name} starts")
        await asyncio.sleep(delay)
        print(f"{name} ends")
        return name

    async def blocker() -> None:
        time.sleep(1)

    async def main() -> None:
        tasks = [asyncio.create_task(worker(n, 0.5), name=n) for n in ("a", "b")]
        tasks.append(asyncio.create_task(blocker(), name="blocker"))
        await asyncio.gather(*tasks)

    asyncio.run(main())
    """


def by_kind(events: list[dict[str, Any]], kind: str) -> dict[str, dict[str, Any]]:
    """The last event of ``kind`` of each task, by name."""
    return {e["name"]: e for e in events if e["kind"] == kind}


def steps(events: list[dict[str, Any]], name: str) -> list[tuple[dict[str, Any], dict[str, Any]]]:
    starts = [e for e in events if e["kind"] == "step-start" and e["name"] == name]
    ends = [e for e in events if e["kind"] == "step-end" and e["name"] == name]
    return list(zip(starts, ends))


class ParentsAndNamesTest(unittest.TestCase):
    def test_a_task_knows_the_task_that_created_it(self) -> None:
        _, host = run(THREE_TASKS)
        created = by_kind(host.events, "created")
        self.assertNotIn("parent", created["Task-1"])  # asyncio.run's task: created outside any task
        main = created["Task-1"]["task"]
        self.assertEqual({created[n].get("parent") for n in ("a", "b", "blocker")}, {main})
        self.assertEqual(created["a"]["detail"], "worker")

    def test_children_are_created_inside_their_parents_step(self) -> None:
        _, host = run(THREE_TASKS)
        kinds = [(e["kind"], e["name"]) for e in host.events]
        start = kinds.index(("step-start", "Task-1"))
        end = kinds.index(("step-end", "Task-1"))
        self.assertEqual(kinds[start + 1 : end], [("created", "a"), ("created", "b"), ("created", "blocker")])

    def test_names_given_to_create_task_arrive_on_3_11_too(self) -> None:
        # 3.11's asyncio.create_task names the task after creating it: the record says "a".
        _, host = run(THREE_TASKS)
        self.assertLessEqual({"a", "b", "blocker"}, {e["name"] for e in host.events if e["kind"] == "created"})

    def test_a_task_renamed_while_running_ends_under_its_new_name(self) -> None:
        _, host = run(
            """
            import asyncio

            async def job():
                await asyncio.sleep(0.1)
                asyncio.current_task().set_name("renamed")

            async def main():
                await asyncio.create_task(job(), name="job")

            asyncio.run(main())
            """
        )
        done = by_kind(host.events, "done")
        self.assertIn("renamed", done)
        self.assertEqual(by_kind(host.events, "created")["job"]["task"], done["renamed"]["task"])


class BlockingTest(unittest.TestCase):
    def test_time_sleep_is_a_blocking_step_that_holds_the_others_up(self) -> None:
        _, host = run(THREE_TASKS)
        ((_, blocker_end),) = steps(host.events, "blocker")
        self.assertTrue(blocker_end.get("blocking"))
        self.assertEqual(blocker_end["t"], 1000.0)
        for name in ("a", "b"):
            first, second = steps(host.events, name)
            self.assertNotIn("blocking", first[1])
            self.assertNotIn("ready", first[0])  # ran at once, before the blocker
            # Its sleep ended at 0.5 s, but the loop was held until 1 s: ready before it ran.
            self.assertEqual((second[0]["ready"], second[0]["t"]), (500.0, 1000.0))
        # Every other step took no time on the virtual clock and is not blocking.
        others = [e for e in host.events if e["kind"] == "step-end" and e["name"] != "blocker"]
        self.assertFalse(any(e.get("blocking") for e in others))

    def test_a_task_created_before_a_blocking_step_waits_for_it(self) -> None:
        _, host = run(
            """
            import asyncio, time

            async def rude():
                time.sleep(0.5)

            async def main():
                async with asyncio.TaskGroup() as tg:
                    tg.create_task(rude(), name="first")
                    tg.create_task(rude(), name="second")

            asyncio.run(main())
            """
        )
        ((first_start, first_end),) = steps(host.events, "first")
        ((second_start, second_end),) = steps(host.events, "second")
        self.assertTrue(first_end.get("blocking") and second_end.get("blocking"))
        self.assertNotIn("ready", first_start)
        self.assertEqual((second_start["ready"], second_start["t"]), (0.0, 500.0))

    def test_computing_for_20_ms_or_more_blocks_on_the_virtual_clock(self) -> None:
        _, host = run(
            """
            import asyncio, time

            async def busy(seconds: float):
                deadline = time.process_time() + seconds
                while time.process_time() < deadline:
                    pass

            async def main():
                await asyncio.gather(busy(0.1), busy(0.001))

            asyncio.run(main())
            """
        )
        ends = [e for e in host.events if e["kind"] == "step-end" and e["name"] in ("Task-2", "Task-3")]
        self.assertEqual([bool(e.get("blocking")) for e in ends], [True, False])

    def test_on_the_real_clock_a_step_of_20_ms_or_more_blocks(self) -> None:
        _, host = run(
            """
            import asyncio, time

            async def main():
                time.sleep(0.03)
                await asyncio.sleep(0)
                time.sleep(0.001)

            asyncio.run(main())
            """,
            clock="real",
        )
        ends = [e for e in host.events if e["kind"] == "step-end" and e["name"] == "Task-1"]
        self.assertEqual([bool(e.get("blocking")) for e in ends], [True, False])


class OutputTest(unittest.TestCase):
    def test_each_chunk_names_the_task_that_wrote_it(self) -> None:
        _, host = run(THREE_TASKS.replace('asyncio.run(main())', 'print("before")\n    asyncio.run(main())\n    print("after")'))
        numbers = {e["name"]: e["task"] for e in host.events if e["kind"] == "created"}
        lines = [(c.get("task"), line) for c in host.chunks for line in c["text"].splitlines()]
        self.assertEqual(lines[0], (None, "before"))
        self.assertEqual(lines[-1], (None, "after"))
        self.assertIn((numbers["a"], "a starts"), lines)
        self.assertIn((numbers["b"], "b ends"), lines)

    def test_two_tasks_printing_in_the_same_millisecond_get_chunks_of_their_own(self) -> None:
        _, host = run(THREE_TASKS)
        starts = [c for c in host.chunks if "starts" in c["text"]]
        self.assertEqual([c["text"] for c in starts], ["a starts\n", "b starts\n"])
        self.assertEqual(starts[0]["t"], starts[1]["t"])
        self.assertNotEqual(starts[0]["task"], starts[1]["task"])

    def test_without_recording_chunks_name_no_task(self) -> None:
        host = RecordingHost()
        session = Session("virtual", host=host, capture=True, record=False)
        session.run('import asyncio\nasync def main():\n    print("hi")\nasyncio.run(main())')
        self.assertEqual(host.chunks, [{"stream": "stdout", "text": "hi\n", "t": 0.0}])
        self.assertEqual(host.batches, [])


class RecordsTest(unittest.TestCase):
    def test_a_step_costs_four_numbers_and_the_rest_is_json(self) -> None:
        _, host = run(THREE_TASKS)
        steps = [list(batch.steps[i : i + 4]) for batch in host.batches for i in range(0, len(batch.steps), 4)]
        numbers = {e["name"]: e["task"] for e in host.events if e["kind"] == "created"}
        # The blocker's step: from 0 to 1 s; made ready by main's step (its cause: main's number).
        self.assertIn([numbers["blocker"], 0.0, 1.0, numbers["Task-1"]], steps)
        # a's second step: made ready by its timer, due at 0.5 s (a cause of -(0.5 + 1)).
        self.assertIn([numbers["a"], 1.0, 1.0, -1.5], steps)
        records = [r for batch in host.batches for r in batch.records]
        self.assertTrue(all(isinstance(r[2], int) for r in records if r[0] in (1, 2)))  # µs
        json.dumps(records)  # what the browser host sends

    def test_past_the_cap_events_are_counted_not_kept(self) -> None:
        code = (
            "import asyncio\n"
            "async def job():\n"
            "    for _ in range(3):\n"
            "        await asyncio.sleep(0)\n"
            "async def main():\n"
            "    await asyncio.gather(*(job() for _ in range(10)))\n"
            "asyncio.run(main())\n"
        )
        _, everything = run(code)
        host = RecordingHost()
        session = Session("virtual", host=host, capture=True, record=True, max_events=20)
        outcome = session.run(code)
        # The first events, as many as fit (a step is two: it never comes half).
        self.assertIn(len(host.events), (19, 20))
        self.assertEqual([(e["kind"], e["task"]) for e in host.events], [(e["kind"], e["task"]) for e in everything.events][: len(host.events)])
        self.assertEqual(outcome.get("droppedEvents"), len(everything.events) - len(host.events))


class WatchdogTest(unittest.TestCase):
    """The browser's watchdog ticks every few ms, between any two checks of the signal flag: in
    the middle of a task's creation, of a record being appended, or of another batch being taken
    (a flush it interrupted). Ticking every 0.2 ms here makes those landings certain: once, a
    record could be sent twice (a task drawn twice) or never (a task with no lane)."""

    TASKS = 3000
    PROGRAM = """
        import asyncio

        async def worker(n: int) -> int:
            for _ in range(3):
                await asyncio.sleep(0)
            return n

        async def main() -> None:
            # Thousands of records made in one step, which the ticks send while it goes on.
            tasks = [asyncio.create_task(worker(i), name=f"w{i}") for i in range(3000)]
            for task in tasks[::7]:
                task.set_name(task.get_name() + "-renamed")
            await asyncio.sleep(0.1)
            print(len(await asyncio.gather(*tasks)))

        asyncio.run(main())
        """

    def run_ticked(self) -> RecordingHost:
        host = RecordingHost()
        session = Session("virtual", host=host, capture=True, record=True)
        previous = signal.signal(signal.SIGALRM, session.tick)
        signal.setitimer(signal.ITIMER_REAL, 0.0002, 0.0002)
        try:
            outcome = session.run(textwrap.dedent(self.PROGRAM), "main.py")
        finally:
            signal.setitimer(signal.ITIMER_REAL, 0, 0)
            signal.signal(signal.SIGALRM, previous)
        self.assertEqual(outcome.get("status"), "ok")
        self.assertEqual(host.text(), "3000\n")
        return host

    @unittest.skipUnless(hasattr(signal, "setitimer"), "needs signal.setitimer (Unix)")
    def test_every_task_arrives_once_created_and_once_done_under_its_last_name(self) -> None:
        for _ in range(3):
            host = self.run_ticked()
            self.assertGreater(len(host.batches), 50)  # the ticks did send while it ran
            created = collections.Counter(e["task"] for e in host.events if e["kind"] == "created")
            done = collections.Counter(e["task"] for e in host.events if e["kind"] == "done")
            # The workers, main, and the two tasks asyncio.run's shutdown makes; each once.
            self.assertEqual(len(created), self.TASKS + 3)
            self.assertEqual(set(done), set(created))
            self.assertEqual(max(created.values()), 1)
            self.assertEqual(max(done.values()), 1)
            renamed = [e for e in host.events if e["kind"] == "done" and e["name"].endswith("-renamed")]
            self.assertEqual(len(renamed), len(range(0, self.TASKS, 7)))


FIXTURE = os.path.join(os.path.dirname(__file__), "..", "fixtures", "timeline", "three-tasks.json")


class SharedFixtureTest(unittest.TestCase):
    """The page's reader (src/runtime/task-events.ts) is checked against the same file
    (tests/unit/runtime/task-events.test.ts): the batches a run sends, and the events they mean.
    ``UPDATE_FIXTURES=1`` writes it again after a deliberate change."""

    PROGRAM = THREE_TASKS.replace("time.sleep(1)", "time.sleep(1)\n        asyncio.current_task().set_name('blocker!')")

    def test_the_fixture_is_what_the_runner_sends_and_what_it_means(self) -> None:
        _, host = run(self.PROGRAM)
        current = {
            "clock": "virtual",
            "batches": [{"steps": list(b.steps), "records": b.records} for b in host.batches],
            "events": host.events,
        }
        if os.environ.get("UPDATE_FIXTURES"):
            with open(FIXTURE, "w", encoding="utf-8") as file:
                json.dump(current, file, indent=1, ensure_ascii=False)
                file.write("\n")
        with open(FIXTURE, encoding="utf-8") as file:
            self.assertEqual(json.load(file), json.loads(json.dumps(current)))
        names = [e["name"] for e in host.events if e["kind"] == "done"]
        self.assertIn("blocker!", names)


if __name__ == "__main__":
    unittest.main()
