import { expect, type Locator, type Page } from '@playwright/test';

/** How long a run may take on a busy machine: Python loads first. */
export const RUN_TIMEOUT = 60_000;

export interface RunOptions {
  /** The Run button's name: `Executar` on a Portuguese page. */
  button?: string;
  /** What the status line says once the run is over. */
  finished?: RegExp;
}

/** A playground (`figure[data-playground]`) on a page, and what a reader does with it. */
export class Playground {
  /** The live editor (CodeMirror), once the island has replaced the static code. */
  readonly editor: Locator;
  /** The line under the output: "Finished with exit status 0", "Stopped after ...". */
  readonly status: Locator;
  /** The text of each output line, without its stamp and stream. */
  readonly lines: Locator;

  constructor(
    readonly page: Page,
    readonly figure: Locator,
  ) {
    this.editor = figure.locator('.pg-live .cm-content');
    this.status = figure.locator('.pg-status');
    this.lines = figure.locator('.pg-line .pg-text');
  }

  /** A toolbar button by its exact accessible name. */
  button(name: string): Locator {
    return this.figure.getByRole('button', { name, exact: true });
  }

  /** Scrolls the playground into view and waits for the editor to replace the static code. */
  async live(): Promise<this> {
    await this.figure.scrollIntoViewIfNeeded();
    await expect(this.editor).toBeVisible({ timeout: 30_000 });
    return this;
  }

  /** The code as the reader sees it; compare it with `expect.poll(() => pg.code())`. */
  async code(): Promise<string> {
    return (await this.editor.innerText()).replace(/\u00a0/g, ' ').trimEnd();
  }

  /** Selects everything in the editor and types `code` over it. */
  async replaceCode(code: string): Promise<void> {
    await this.editor.click();
    await this.page.keyboard.press('ControlOrMeta+a');
    await this.page.keyboard.insertText(code);
  }

  /** Types `code` at the end of the editor. */
  async appendCode(code: string): Promise<void> {
    await this.editor.click();
    await this.page.keyboard.press('ControlOrMeta+End');
    await this.page.keyboard.insertText(code);
  }

  /** Presses Run and waits until the status line says the run is over. */
  async run({ button = 'Run', finished = /exit status 0/ }: RunOptions = {}): Promise<void> {
    await this.button(button).click();
    await expect(this.status).toContainText(finished, { timeout: RUN_TIMEOUT });
  }
}
