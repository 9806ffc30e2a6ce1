# /// script
# requires-python = ">=3.14"
# ///
#: runs: browser
#: clock: virtual
import asyncio
import warnings


def old_idioms() -> None:
    """What code written for Python 3.7-3.11 often does, and what 3.14 says about it."""
    try:
        loop = asyncio.get_event_loop()  # no loop is running, none was set
        print(f"got {loop!r}")
    except RuntimeError as error:
        print(f"get_event_loop(): RuntimeError: {error}")

    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        policy = asyncio.get_event_loop_policy()
        asyncio.set_event_loop_policy(policy)  # put back the same one: only the warning matters
    for warning in caught:
        print(f"{warning.category.__name__}: {warning.message}")


def configured_loop() -> asyncio.AbstractEventLoop:
    """What a custom policy used to be for: choosing and configuring the loop."""
    loop = asyncio.new_event_loop()
    loop.slow_callback_duration = 0.05  # report steps over 50 ms in debug mode
    return loop


async def main() -> None:
    loop = asyncio.get_running_loop()  # the way to reach the loop from async code
    print(f"main: slow_callback_duration = {loop.slow_callback_duration}")


if __name__ == "__main__":
    old_idioms()
    asyncio.run(main(), loop_factory=configured_loop)  # 3.12+: no policy needed
