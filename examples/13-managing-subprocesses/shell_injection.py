#: runs: local
#: clock: real
"""Why create_subprocess_exec is safer than create_subprocess_shell.

exec hands each argument to the child as it is. shell builds one command line and gives it
to /bin/sh, which reads every character: a ';' in the "name" becomes a second command.
(Unix shell syntax; on Windows the shell is cmd.exe, with other rules and other dangers.)
"""

import asyncio
import shlex
import sys

ECHO_ARGUMENT = "import sys; print('child got:', sys.argv[1])"

# Imagine this came from a web form. The part after ';' is a command of its own.
user_input = "report.txt; echo INJECTED: the shell ran a second command"


async def with_exec() -> None:
    process = await asyncio.create_subprocess_exec(
        sys.executable, "-c", ECHO_ARGUMENT, user_input, stdout=asyncio.subprocess.PIPE
    )
    output, _ = await process.communicate()
    print("exec:", output.decode().rstrip())


async def with_shell(command: str, label: str) -> None:
    process = await asyncio.create_subprocess_shell(command, stdout=asyncio.subprocess.PIPE)
    output, _ = await process.communicate()
    for line in output.decode().splitlines():
        print(f"{label}: {line}")


async def main() -> None:
    await with_exec()
    await with_shell(f"echo child got: {user_input}", "shell")
    await with_shell(f"echo child got: {shlex.quote(user_input)}", "shell + shlex.quote")


if __name__ == "__main__":
    asyncio.run(main())
