#: runs: local
#: varies: held the loop for \d+\.\d s
import asyncio
import logging
import re
import time
import warnings


class SlowStepReporter(logging.Handler):
    """Turns debug mode's slow-callback warnings into one short, stable line."""

    def emit(self, record: logging.LogRecord) -> None:
        message = record.getMessage()
        if message.startswith("Executing"):
            name = re.search(r"name='([^']+)'", message)
            seconds = float(message.rsplit(" took ", 1)[1].split()[0])
            print(f"asyncio: task {name[1] if name else '?'} held the loop for {seconds:.1f} s")


async def save(record: str) -> None:
    await asyncio.sleep(0.01)


async def parse_feed() -> None:
    time.sleep(0.2)  # blocking: no other task can run meanwhile


async def main() -> None:
    loop = asyncio.get_running_loop()
    print(f"debug mode: {loop.get_debug()}")
    loop.slow_callback_duration = 0.05  # report steps longer than 50 ms (default 100 ms)

    await asyncio.create_task(parse_feed(), name="parse-feed")

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        # BUG: never awaited
        save("draft")  # pyright: ignore[reportUnusedCoroutine]
        await asyncio.sleep(0.01)
    for warning in caught:
        text = str(warning.message)
        print(f"{warning.category.__name__}: {text.splitlines()[0]}")
        # Debug mode adds where the coroutine was created; the last frame is ours.
        frames = re.findall(r"line \d+, in (\w+)", text)
        where = f"{frames[-1]}()" if frames else "unknown (debug mode is off)"
        print(f"  created in: {where}")

if __name__ == "__main__":
    logging.getLogger("asyncio").addHandler(SlowStepReporter())
    asyncio.run(main(), debug=True)  # or PYTHONASYNCIODEBUG=1, or python -X dev
