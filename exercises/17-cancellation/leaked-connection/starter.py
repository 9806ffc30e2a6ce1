import asyncio

# Two connections to a database, shared by every query.
pool: list[str] = ["conn-1", "conn-2"]


async def query(name: str, seconds: float) -> str:
    """Runs one query on a connection from the pool and gives the connection back."""
    conn = pool.pop()
    await asyncio.sleep(seconds)  # the server works on the query
    pool.append(conn)
    return f"{name}: ok"


async def handle(name: str, seconds: float) -> str:
    try:
        async with asyncio.timeout(1.0):
            return await query(name, seconds)
    except TimeoutError:
        return f"{name}: timed out"


async def main() -> None:
    print(await asyncio.gather(handle("a", 0.5), handle("b", 3.0)))
    print(await handle("c", 0.5))
    print(f"free connections: {len(pool)}")


if __name__ == "__main__":
    asyncio.run(main())
