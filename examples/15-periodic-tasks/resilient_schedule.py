#: runs: browser
#: clock: virtual
import asyncio

# What each run of the job does: finish, raise, or hang.
BEHAVIOUR = ["ok", "error", "ok", "hang", "ok"]


async def sync_inventory(run: int) -> str:
    if BEHAVIOUR[run] == "error":
        raise ConnectionError("warehouse API unreachable")
    if BEHAVIOUR[run] == "hang":
        await asyncio.sleep(3600)  # a request that never comes back
    await asyncio.sleep(0.2)
    return "synced"


async def every(period: float, timeout: float, runs: int) -> None:
    loop = asyncio.get_running_loop()
    start = deadline = loop.time()
    for run in range(runs):
        at = f"{loop.time() - start:.1f} s"
        try:
            async with asyncio.timeout(timeout):  # one stuck run cannot stall the schedule
                result = await sync_inventory(run)
            print(f"run {run} at {at}: {result}")
        except TimeoutError:
            print(f"run {run} at {at}: timed out after {timeout} s")
        except Exception as error:  # one failing run must not kill the loop
            # In a service, log.exception(...) here keeps the traceback.
            print(f"run {run} at {at}: failed, {error!r}")
        deadline += period
        await asyncio.sleep(max(0.0, deadline - loop.time()))


async def main() -> None:
    await every(period=1.0, timeout=0.5, runs=len(BEHAVIOUR))
    print("schedule finished; every run got its turn")


if __name__ == "__main__":
    asyncio.run(main())
