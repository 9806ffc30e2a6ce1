import { getRuntime } from '../../runtime/client.ts';

/** Starts loading Python before the reader presses Run; a failure shows up when they do. */
export function warmUp(): void {
  getRuntime()
    .warmUp()
    .catch(() => undefined);
}
