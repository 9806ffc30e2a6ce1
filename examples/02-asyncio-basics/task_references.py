#: runs: browser
#: clock: virtual
import asyncio

# The event loop keeps only a weak reference to a task. A task that
# nobody else refers to can be garbage-collected before it finishes,
# so keep a strong reference somewhere.
background_tasks: set[asyncio.Task[None]] = set()


async def send_email(to: str) -> None:
    await asyncio.sleep(1)
    print(f"email sent to {to}")


def fire_and_forget(to: str) -> None:
    task = asyncio.create_task(send_email(to))
    background_tasks.add(task)  # strong reference while it runs
    # Drop the reference once the task is done.
    task.add_done_callback(background_tasks.discard)


async def main() -> None:
    for user in ["ana", "bruno", "carla"]:
        fire_and_forget(user)
    print(f"{len(background_tasks)} tasks running in the background")

    await asyncio.sleep(2)  # the rest of the program goes here
    print(f"{len(background_tasks)} tasks left")


if __name__ == "__main__":
    asyncio.run(main())
