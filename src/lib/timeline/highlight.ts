/**
 * Which task the reader points at, shared by a playground's timeline (its lane) and output (its
 * lines). A tiny store rather than state of the playground: a change redraws the two views that
 * subscribe, not the editor.
 */
export class Highlight {
  #task: number | undefined;
  readonly #listeners = new Set<() => void>();

  readonly get = (): number | undefined => this.#task;

  readonly set = (task: number | undefined): void => {
    if (task === this.#task) return;
    this.#task = task;
    for (const listener of this.#listeners) listener();
  };

  readonly subscribe = (listener: () => void): (() => void) => {
    this.#listeners.add(listener);
    return () => this.#listeners.delete(listener);
  };
}
