/**
 * Exercises in the built site, as a reader uses them, in both languages: the starter of a "make
 * it concurrent" exercise fails with its message, the reference solution passes, the solution is
 * offered after a check, progress (and the code) survive a reload, the exercises page shows the
 * progress, and a prediction is answered by running the program.
 */
import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import { expect, test } from './fixtures';

/** Loading Python and checking take seconds, many more on a busy machine. */
const CHECK_TIMEOUT = 60_000;

const solutionOf = (id: string) => readFileSync(new URL(`../../exercises/${id}/solution.py`, import.meta.url), 'utf8');

const LANGS = [
  {
    lang: 'en',
    prefix: '',
    check: 'Check',
    failed: 'Not yet: 2 of 4 checks failed.',
    tooSlow: 'Breakfast took 4.5 s. The three dishes still wait one after another.',
    passed: 'Passed: every check holds.',
    showSolution: 'Show the solution',
    solved: 'Solved',
  },
  {
    lang: 'pt-BR',
    prefix: 'pt-br/',
    check: 'Verificar',
    failed: 'Ainda não: 2 de 4 verificações falharam.',
    tooSlow: 'O café da manhã levou 4,5 s. Os três pratos ainda esperam um depois do outro.',
    passed: 'Passou: todas as verificações valem.',
    showSolution: 'Mostrar a solução',
    solved: 'Resolvido',
  },
] as const;

/** The exercise `id` on the page, scrolled to and with its island mounted. */
async function exercise(page: Page, id: string): Promise<Locator> {
  const section = page.locator(`section[data-exercise="${id}"]`);
  await section.scrollIntoViewIfNeeded();
  await expect(section).toHaveAttribute('data-ready', 'true', { timeout: CHECK_TIMEOUT });
  return section;
}

async function replaceCode(page: Page, section: Locator, code: string): Promise<void> {
  await section.locator('.cm-content').click();
  await page.keyboard.press('ControlOrMeta+a');
  await page.keyboard.insertText(code);
}

for (const words of LANGS) {
  test.describe(`exercises (${words.lang})`, () => {
    test('a make-it-concurrent starter fails with its message, the solution passes, and progress survives reload', async ({ page }) => {
      const id = '02-asyncio-basics/breakfast';
      await page.goto(`${words.prefix}chapters/02-asyncio-basics/`);
      const section = await exercise(page, id);
      const verdict = section.getByRole('status');

      await test.step('the starter fails, with what was wrong in plain words', async () => {
        await section.getByRole('button', { name: words.check, exact: true }).click();
        await expect(section).toHaveAttribute('data-verdict', 'fail', { timeout: CHECK_TIMEOUT });
        await expect(verdict).toContainText(words.failed);
        await expect(verdict.locator('[data-check="fast"]')).toContainText(words.tooSlow);
        await expect(verdict.locator('[data-check="output"][data-status="pass"]')).toHaveCount(1);
      });

      await test.step('after a check, the solution is offered with its explanation', async () => {
        await section.getByRole('button', { name: words.showSolution }).click();
        await expect(section.locator('[data-solution]')).toContainText('asyncio.gather(brew_coffee(), toast_bread(), fry_eggs())');
      });

      await test.step('the reference solution passes every check', async () => {
        await replaceCode(page, section, solutionOf(id));
        await section.getByRole('button', { name: words.check, exact: true }).click();
        await expect(section).toHaveAttribute('data-verdict', 'pass', { timeout: CHECK_TIMEOUT });
        await expect(verdict).toContainText(words.passed);
        await expect(verdict.locator('[data-status="fail"]')).toHaveCount(0);
      });

      await test.step('after a reload the exercise is still solved, with the reader’s code', async () => {
        await page.reload();
        const again = page.locator(`section[data-exercise="${id}"]`);
        // Marked from storage as the page loads, before the island mounts.
        await expect(again).toHaveAttribute('data-verdict', 'pass');
        await expect(again.locator('[data-progress]')).toHaveText(words.solved);
        await exercise(page, id);
        await expect(again.locator('.cm-content')).toContainText('asyncio.gather(brew_coffee()');
      });

      await test.step('the exercises page shows the progress', async () => {
        await page.goto(`${words.prefix}exercises/`);
        await expect(page.locator(`[data-exercise-entry="${id}"] [data-progress]`)).toHaveText(words.solved);
      });
    });
  });
}

test('a prediction is answered by running the program, and marks the lines in the wrong place', async ({ page }) => {
  await page.goto('chapters/12-asynchronous-queues/');
  const section = await exercise(page, '12-asynchronous-queues/priorities');
  const lines = section.locator('ol.ex-order li code');
  await expect(lines).toHaveCount(8);
  await section.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(section).toHaveAttribute('data-verdict', 'fail', { timeout: CHECK_TIMEOUT });
  await expect(section.getByRole('status')).toContainText('lines are in a different place');
  await expect(section.locator('li[data-misplaced="true"]').first()).toBeVisible();
  // The run's output is shown beside the explanation.
  await expect(section.locator('[data-solution] pre')).toContainText('doing call back boss (priority 1)');

  // Put the lines in the program's order with the move buttons, as a keyboard user would.
  const want = ['doing call back boss (priority 1)', 'doing fix outage (priority 1)', 'doing write report (priority 2)', 'doing water plants (priority 3)', 'filing water plants', 'filing write report', 'filing fix outage', 'filing call back boss'];
  for (let target = 0; target < want.length; target++) {
    let from = (await lines.allTextContents()).indexOf(want[target] as string, target);
    for (; from > target; from--) {
      await section.getByRole('button', { name: `Move “${want[target]}” up` }).click();
    }
  }
  await expect(lines).toHaveText(want);
  await section.getByRole('button', { name: 'Check', exact: true }).click();
  await expect(section).toHaveAttribute('data-verdict', 'pass', { timeout: CHECK_TIMEOUT });
  await expect(section.getByRole('status')).toContainText('You were right.');
});

test.describe('exercise code in the reader’s language', () => {
  test.use({ python: false });

  test('a Portuguese page shows the starter with Portuguese comments, before and after the editor mounts', async ({ page }) => {
    const id = '02-asyncio-basics/lost-emails';
    await page.goto('pt-br/chapters/02-asyncio-basics/');
    const code = page.locator(`section[data-exercise="${id}"] .cm-content`);
    // The static placeholder, in the HTML before any JavaScript runs.
    await expect(code).toContainText('conversando com o servidor de e-mail');
    await exercise(page, id);
    await expect(code).toContainText('conversando com o servidor de e-mail');
    await expect(code).not.toContainText('talking to the mail server');
  });
});
