# /// script
# requires-python = ">=3.14"
# ///
#: runs: browser
#: clock: virtual
import asyncio

CACHE = {"home": "<cached home>"}


async def lookup(page: str) -> str:
    print(f"  {page or '(empty)'}: first step")
    if not page:
        raise ValueError("empty page name")
    if page in CACHE:
        return CACHE[page]
    await asyncio.sleep(1)
    return f"<{page}>"


async def main() -> None:
    # Python 3.14: choose per task, without changing the loop's task factory.
    home = asyncio.create_task(lookup("home"), eager_start=True)
    print(f"main: home done? {home.done()} -> {home.result()}")

    blog = asyncio.create_task(lookup("blog"))  # the default: only scheduled
    print(f"main: blog done? {blog.done()}")

    broken = asyncio.create_task(lookup(""), eager_start=True)
    # The error stays in the task: create_task itself did not raise.
    print(f"main: broken done? {broken.done()} -> {broken.exception()!r}")

    async with asyncio.TaskGroup() as group:  # TaskGroup.create_task passes it on
        about = group.create_task(lookup("about"), eager_start=True)
        print(f"main: about started inside the group, done? {about.done()}")
    print(f"main: {await blog} {about.result()}")


if __name__ == "__main__":
    asyncio.run(main())
