/**
 * The timeline under a playground: after a run, one lane per task, a data table a screen reader
 * (and this test) can read, a cursor that steps through the events from the keyboard, output
 * lines tied to their task's lane, and the run as a Chrome trace file; on the real clock, the
 * timeline growing while the run goes on. Then, in Portuguese, dark and at phone width, a
 * blocking `time.sleep(1)` marked as such, the delay it caused, every lane's state readable
 * beside its name, and axe.
 */
import { readFile } from 'node:fs/promises';
import { expect, PHONE, setTheme, test } from './fixtures';

const EXAMPLE = '02-asyncio-basics/create_task.py';

test('a run of create_task shows a lane and a table row per task, steps through its events and exports a trace', async ({
  page,
  playground,
}) => {
  await page.goto('chapters/02-asyncio-basics/');
  const pg = await playground(EXAMPLE).live();
  await pg.run();
  const timeline = pg.figure.getByRole('region', { name: 'Timeline', exact: true });
  const lanes = timeline.getByRole('group', { name: 'Tasks, one lane each' }).getByRole('button');

  await test.step('one lane per task, in creation order, each ended with its result', async () => {
    await expect(timeline.getByText('Time on the virtual clock')).toBeVisible();
    await expect(lanes).toHaveCount(3);
    await expect(lanes.nth(0)).toHaveAccessibleName('Task-1 (main): result');
    await expect(lanes.nth(1)).toHaveAccessibleName('Task-2 (brew): result');
    await expect(lanes.nth(2)).toHaveAccessibleName('Task-3 (brew): result');
  });

  await test.step('the data table has a row per task, named, with its outcome', async () => {
    await timeline.getByText(/^Data table \(3\)$/).click();
    const table = timeline.getByRole('table', { name: 'The tasks of this run, in the lanes’ order' });
    await expect(table.getByRole('rowheader')).toHaveText(['Task-1 (main)', 'Task-2 (brew)', 'Task-3 (brew)']);
    await expect(table.getByRole('row').filter({ hasText: 'Task-3 (brew)' })).toContainText('✓ result');
  });

  await test.step('an output line lights up the lane of the task that printed it', async () => {
    await pg.figure.locator('.pg-line', { hasText: 'start tea' }).hover();
    await expect(lanes.nth(2)).toHaveAttribute('aria-pressed', 'true');
    await expect(lanes.nth(1)).toHaveAttribute('aria-pressed', 'false');
  });

  await test.step('the cursor moves event by event from the keyboard and shows every task’s state', async () => {
    const cursor = timeline.getByRole('slider', { name: 'Step through the events' });
    await cursor.focus();
    await expect(cursor).toHaveAttribute('aria-valuetext', /^Event 1 of \d+, at 0 ms: Task-1 is created$/);
    await expect(lanes.nth(1)).toHaveAccessibleName('Task-2 (brew): not created yet');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await expect(cursor).toHaveAttribute('aria-valuetext', /^Event 3 of \d+, at 0 ms: Task-1 creates Task-2$/);
    await expect(lanes.nth(1)).not.toHaveAccessibleName('Task-2 (brew): not created yet');
    await page.keyboard.press('End');
    await expect(timeline.locator('.tl-event')).toContainText(/: Task-1 ends: ✓ result$/);
    await expect(lanes.nth(1)).toHaveAccessibleName('Task-2 (brew): ✓ result');
  });

  await test.step('the trace download is trace-event JSON with one named track per task', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), timeline.getByRole('button', { name: 'Download trace' }).click()]);
    expect(download.suggestedFilename()).toBe('create_task.trace.json');
    const trace = JSON.parse(await readFile(await download.path(), 'utf8')) as {
      traceEvents: { name: string; ph: string; tid: number; args?: { name?: string } }[];
    };
    const tracks = trace.traceEvents.filter((e) => e.ph === 'M' && e.name === 'thread_name');
    expect(tracks.map((e) => e.args?.name)).toEqual([expect.stringContaining('Task-1'), expect.stringContaining('Task-2'), expect.stringContaining('Task-3')]);
    expect(new Set(tracks.map((e) => e.tid)).size).toBe(3);
    // Every step is a complete slice on its task's track.
    const slices = trace.traceEvents.filter((e) => e.ph === 'X');
    expect(slices.length).toBeGreaterThan(0);
    expect(slices.every((e) => tracks.some((t) => t.tid === e.tid))).toBe(true);
  });
});

test('on the real clock, the timeline grows while the run is still going, as batches of events arrive', async ({ page, playground }) => {
  await page.goto('chapters/02-asyncio-basics/');
  const pg = await playground(EXAMPLE).live();
  // Eight tasks, one every half second of real time: four seconds in which the page must
  // already show the tasks created so far.
  await pg.replaceCode(
    [
      'import asyncio',
      '',
      '',
      'async def step(n: int) -> None:',
      '    print(f"step {n}")',
      '    await asyncio.sleep(0.5)',
      '',
      '',
      'async def main() -> None:',
      '    for n in range(8):',
      '        await asyncio.create_task(step(n), name=f"step-{n}")',
      '',
      '',
      'asyncio.run(main())',
      '',
    ].join('\n'),
  );
  const clock = pg.figure.getByRole('switch', { name: 'Virtual time' });
  await clock.click();
  await expect(clock).toHaveAttribute('aria-checked', 'false');
  // The page itself notes, every 50 ms, how many lanes are drawn and what the status says: a
  // test runner on a busy machine could look too seldom to see the lanes come one by one.
  await pg.figure.evaluate((figure) => {
    const samples: [number, string][] = [];
    Object.assign(window, { laneSamples: samples });
    setInterval(() => samples.push([figure.querySelectorAll('[data-timeline] .tl-lane').length, figure.querySelector('.pg-status')?.textContent ?? '']), 50);
  });
  await pg.button('Run').click();
  await expect(pg.status).toContainText('exit status 0', { timeout: 60_000 });

  const timeline = pg.figure.getByRole('region', { name: 'Timeline', exact: true });
  const lanes = timeline.getByRole('group', { name: 'Tasks, one lane each' }).getByRole('button');
  await expect(timeline.getByText('Time on the real clock')).toBeVisible();
  // At the end, every task: main and the eight steps...
  await expect(lanes).toHaveCount(9);
  await expect(lanes.last()).toHaveAccessibleName('step-7 (step): result');
  // ...and while the run was still going, lanes already drawn, more and more of them.
  const whileRunning = await page.evaluate(() =>
    (window as unknown as { laneSamples: [number, string][] }).laneSamples.filter(([, status]) => status.includes('Running')).map(([count]) => count),
  );
  const counts = [...new Set(whileRunning.filter((count) => count > 0))];
  expect(counts.length, `lanes seen while running: ${counts.join(', ')}`).toBeGreaterThanOrEqual(3);
  expect(counts).toEqual([...counts].sort((a, b) => a - b));
  await expect(pg.status).toContainText('on the real clock');
});

test.describe('dark, phone', () => {
  test.use({ viewport: PHONE, colorScheme: 'dark', isMobile: true, hasTouch: true });

  test('em português, um time.sleep(1) aparece como bloqueio, o atraso das outras tarefas também, e o axe não acha nada', async ({
    page,
    playground,
    axe,
  }) => {
    await page.goto('pt-br/chapters/02-asyncio-basics/');
    await setTheme(page, 'dark');
    const pg = await playground(EXAMPLE).live();
    await pg.replaceCode(
      [
        'import asyncio',
        'import time',
        '',
        '',
        'async def tick(name: str) -> str:',
        '    await asyncio.sleep(0.5)',
        '    print(f"{name} acorda")',
        '    return name',
        '',
        '',
        'async def block() -> None:',
        '    await asyncio.sleep(0.1)',
        '    time.sleep(1)',
        '    print("bloqueou")',
        '',
        '',
        'async def main() -> None:',
        '    async with asyncio.TaskGroup() as tg:',
        '        tg.create_task(tick("a"), name="a")',
        '        tg.create_task(tick("b"), name="b")',
        '        tg.create_task(block(), name="bloqueadora")',
        '',
        '',
        'asyncio.run(main())',
        '',
      ].join('\n'),
    );
    await pg.run({ button: 'Executar', finished: /status de saída 0/ });
    const timeline = pg.figure.getByRole('region', { name: 'Linha do tempo', exact: true });
    const lanes = timeline.getByRole('group', { name: 'Tarefas, uma faixa para cada' }).getByRole('button');

    await expect(lanes).toHaveCount(4);
    await expect(lanes.nth(3)).toHaveAccessibleName(/^bloqueadora \(block\): resultado\. ⚠ bloqueou o loop$/);
    // a and b were ready at 0,5 s, but the loop was blocked from 0,1 s to 1,1 s.
    await expect(lanes.nth(1)).toHaveAccessibleName(/^a \(tick\): resultado\. retida por 600 ms por causa de bloqueadora$/);
    await expect(lanes.nth(2)).toHaveAccessibleName(/retida por 600 ms por causa de bloqueadora$/);

    await pg.figure.locator('.pg-line', { hasText: 'bloqueou' }).hover();
    await expect(lanes.nth(3)).toHaveAttribute('aria-pressed', 'true');

    await timeline.getByText(/^Tabela de dados \(4\)$/).click();
    await expect(timeline.getByRole('rowheader')).toHaveText(['Task-1 (main)', 'a (tick)', 'b (tick)', 'bloqueadora (block)']);
    await timeline.getByRole('slider', { name: 'Percorrer os eventos' }).focus();
    await page.keyboard.press('PageDown');
    // With the cursor on, every lane shows its state beside its name, and neither is cut short.
    await expect(timeline.locator('.tl-lane .tl-state')).toHaveCount(4);
    for (const label of await timeline.locator('.tl-lane .tl-label').all()) {
      const cut = await label.evaluate((el) => {
        const box = el.getBoundingClientRect();
        return [...el.querySelectorAll<HTMLElement>('.tl-name, .tl-state')]
          .filter((part) => part.scrollWidth > part.clientWidth + 1 || part.getBoundingClientRect().right > box.right + 1)
          .map((part) => part.textContent);
      });
      expect(cut).toEqual([]);
    }

    const box = await timeline.boundingBox();
    expect(box?.width ?? Infinity).toBeLessThanOrEqual(PHONE.width);
    expect(await axe.violations({ include: ['[data-timeline]'] })).toEqual([]);
  });
});
