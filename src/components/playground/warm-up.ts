import { getRuntime, runtimeAvailable } from './runtime.ts';

/** Starts loading Python before the reader presses Run; a failure shows up when they do. */
export function warmUp(): void {
  if (!runtimeAvailable) return;
  getRuntime()
    .warmUp()
    .catch(() => undefined);
}
