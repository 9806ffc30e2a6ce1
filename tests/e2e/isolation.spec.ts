/**
 * Runs that cannot hurt each other, and a page that trusts nothing from the worker: the
 * reproducers that once broke a playground, each run in My playgrounds as a reader would type
 * it, one after another on one loaded page (Python loads once).
 */
import { expect, test } from './fixtures';

test('a run cannot change the next one, forge the page’s messages or reach another site', async ({
  page,
  playground,
}) => {
  await page.goto('my-playgrounds/');
  const pg = await playground().live();
  const output = async () => (await pg.figure.locator('.pg-output').innerText()).replace(/\u00a0/g, ' ');

  await test.step('a replaced print() and a changed module do not outlive their run', async () => {
    await pg.replaceCode('import builtins, math\nbuiltins.print = lambda *a, **k: None\nmath.pi = 3\n');
    await pg.run();
    await pg.replaceCode('import math\nprint("hi")\nprint(f"pi is {math.pi:.5f}")\n');
    await pg.run();
    await expect(pg.lines).toHaveText(['hi', 'pi is 3.14159']);
  });

  await test.step('messages forged by the program are ignored, and the playground keeps working', async () => {
    await pg.replaceCode(
      [
        'import js',
        'from pyodide.ffi import to_js',
        'for n in range(5):',
        '    js.postMessage(to_js({"type": "output", "id": n, "chunks": 5}, dict_converter=js.Object.fromEntries))',
        '    js.postMessage(to_js({"type": "result", "id": n, "exitCode": 0}, dict_converter=js.Object.fromEntries))',
        'print("forged")',
        '',
      ].join('\n'),
    );
    await pg.run();
    await expect(pg.lines).toHaveText(['forged']);
    await pg.replaceCode('print("still here")\n');
    await pg.run();
    await expect(pg.lines).toHaveText(['still here']);
  });

  await test.step('a request to another site is blocked with a message that says so', async () => {
    await pg.replaceCode('import js\nrequest = js.XMLHttpRequest.new()\nrequest.open("GET", "https://example.com/")\nrequest.send()\n');
    await pg.run({ finished: /exit status 1/ });
    expect(await output()).toContain('Playground programs may only reach this site itself');
  });

  await test.step('what was printed before os._exit is shown, and the exit is explained', async () => {
    await pg.replaceCode('import os\nprint("before")\nos._exit(1)\n');
    await pg.run({ finished: /exit status 1/ });
    await expect(pg.lines.first()).toHaveText('before');
    expect(await output()).toContain('The program exited with code 1.');
  });

  await test.step('a missing module and a server are explained in one sentence each', async () => {
    await pg.replaceCode('import numpy\n');
    await pg.run({ finished: /exit status 1/ });
    expect(await output()).toContain("The module 'numpy' is not available in the browser");
    await pg.replaceCode(
      'import asyncio\n\nasync def main() -> None:\n    await asyncio.start_server(lambda r, w: None, "127.0.0.1", 0)\n\nasyncio.run(main())\n',
    );
    await pg.run({ finished: /exit status 1/ });
    expect(await output()).toContain('Network sockets are not available in the browser');
  });

  await test.step('Stop during a busy loop of sleep(0) says it stopped, without deadlock or runner frames', async () => {
    await pg.replaceCode(
      'import asyncio\n\nasync def main() -> None:\n    print("spinning")\n    while True:\n        await asyncio.sleep(0)\n\nasyncio.run(main())\n',
    );
    await pg.button('Run').click();
    await expect(pg.lines.filter({ hasText: 'spinning' })).toBeVisible();
    await pg.button('Stop').click();
    await expect(pg.status).toContainText(/Stopped/, { timeout: 20_000 });
    const text = await output();
    expect(text).not.toContain('Deadlock');
    expect(text).not.toContain('was destroyed but it is pending');
    expect(text).not.toContain('livepy');
  });
});
