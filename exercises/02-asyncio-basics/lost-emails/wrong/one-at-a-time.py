import asyncio

sent: list[str] = []


async def send_email(to: str) -> None:
    await asyncio.sleep(0.5)  # talking to the mail server
    sent.append(to)


async def sign_up(name: str) -> None:
    print(f"welcome, {name}")
    await send_email(f"{name}@example.com")


async def main() -> None:
    for name in ["ana", "bruno", "carla"]:
        await sign_up(name)
    print(f"emails sent: {len(sent)}")


if __name__ == "__main__":
    asyncio.run(main())
