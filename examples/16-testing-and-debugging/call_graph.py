#: runs: browser
#: clock: virtual
#: varies: \[call graph\][\s\S]*?\[end of call graph\]
import asyncio
import sys


async def query(table: str) -> str:
    await asyncio.sleep(2)
    return f"{table}: 3 rows"


async def build_report() -> list[str]:
    async with asyncio.TaskGroup() as group:
        users = group.create_task(query("users"), name="query-users")
        orders = group.create_task(query("orders"), name="query-orders")
    return [users.result(), orders.result()]


async def show_graph() -> None:
    await asyncio.sleep(1)  # the report is half-way through its queries
    print("[call graph]")
    if sys.version_info >= (3, 14):
        # Each task, what it awaits, and which task awaits it.
        for task in sorted(asyncio.all_tasks(), key=lambda t: t.get_name()):
            if task.get_name().startswith("query-"):
                asyncio.print_call_graph(task)
    else:
        print(f"asyncio.print_call_graph needs Python 3.14; this is {sys.version.split()[0]}")
    print("[end of call graph]")


async def main() -> None:
    report = asyncio.create_task(build_report(), name="report")
    await show_graph()
    print(await report)


if __name__ == "__main__":
    asyncio.run(main())
