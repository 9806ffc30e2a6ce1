import asyncio


async def stop(process: "Child", grace: float) -> int:
    """Asks the child to stop, kills it if it is still running after `grace` seconds, waits
    for it and returns its exit status."""
    process.terminate()
    return await asyncio.wait_for(process.wait(), grace)


class Child:
    """Stands in for asyncio.subprocess.Process, which a browser tab cannot start: the same
    terminate(), kill(), wait() and returncode. After terminate() it takes `cleanup` seconds to
    exit; with `cleanup=None` it ignores terminate()."""

    def __init__(self, cleanup: float | None, exited: int | None = None) -> None:
        self.cleanup = cleanup
        self.returncode = exited
        self._gone = asyncio.Event()
        if exited is not None:
            self._gone.set()

    def terminate(self) -> None:
        self._still_running()
        if self.cleanup is not None:
            asyncio.get_running_loop().call_later(self.cleanup, self._exit, -15)

    def kill(self) -> None:
        self._still_running()
        asyncio.get_running_loop().call_soon(self._exit, -9)

    async def wait(self) -> int:
        await self._gone.wait()
        assert self.returncode is not None
        return self.returncode

    def _still_running(self) -> None:
        # As asyncio does: signalling a child that has already exited raises.
        if self.returncode is not None:
            raise ProcessLookupError("the child has already exited")

    def _exit(self, code: int) -> None:
        if self.returncode is None:
            self.returncode = code
            self._gone.set()


async def main() -> None:
    loop = asyncio.get_running_loop()
    children = {"polite": Child(0.2), "stubborn": Child(None), "finished": Child(None, exited=0)}
    for name, child in children.items():
        start = loop.time()
        status = await stop(child, grace=1.0)
        print(f"{name}: exit status {status} after {loop.time() - start:.1f} s")


if __name__ == "__main__":
    asyncio.run(main())
