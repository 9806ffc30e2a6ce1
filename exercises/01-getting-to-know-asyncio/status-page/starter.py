import asyncio

# How long each service takes to answer a health check, in seconds.
SERVICES = {"auth": 0.4, "billing": 1.2, "search": 0.8, "mail": 0.6}


async def check(service: str) -> str:
    await asyncio.sleep(SERVICES[service])  # waiting for the service to answer
    return f"{service}: up"


async def main() -> None:
    for service in SERVICES:
        print(await check(service))


if __name__ == "__main__":
    asyncio.run(main())
