# /// script
# requires-python = ">=3.12"
# ///
#: runs: browser
#: clock: virtual
import asyncio

CACHE = {"home": "<cached home>"}


async def fetch(page: str) -> str:
    print(f"  {page}: first step")
    if page in CACHE:
        return CACHE[page]  # done without ever suspending
    await asyncio.sleep(1)
    print(f"  {page}: downloaded")
    return f"<{page}>"


async def main() -> None:
    print("  main: creating two tasks")
    home = asyncio.create_task(fetch("home"))
    blog = asyncio.create_task(fetch("blog"))
    print(f"  main: created; home done? {home.done()}, blog done? {blog.done()}")
    print(f"  main: {await asyncio.gather(home, blog)}")

    about = asyncio.create_task(fetch("about"))
    about.cancel()  # cancelled before the loop ever ran it... or not?
    await asyncio.gather(about, return_exceptions=True)
    print(f"  main: about cancelled? {about.cancelled()}")


def eager_loop() -> asyncio.AbstractEventLoop:
    loop = asyncio.new_event_loop()
    loop.set_task_factory(asyncio.eager_task_factory)  # every task starts eagerly
    return loop


if __name__ == "__main__":
    print("-- default: create_task only schedules")
    asyncio.run(main())
    print("-- eager_task_factory: create_task runs the first step at once")
    asyncio.run(main(), loop_factory=eager_loop)
