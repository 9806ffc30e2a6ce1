import { getRuntime } from '../../runtime/page.ts';

/** Starts loading Python before the reader presses Run; a failure shows up when they do. */
export function warmUp(): void {
  getRuntime()
    .warmUp()
    .catch(() => undefined);
}
