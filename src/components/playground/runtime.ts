/**
 * The one door to the Python runtime (src/runtime/client.ts). Read through an eager glob so the
 * site still builds while the runtime module is absent; Run then says Python is unavailable.
 */
import type { PythonRuntime } from '../../runtime/client';

export type { Clock, PythonRuntime, RunOutcome, RuntimeStatus } from '../../runtime/client';

const modules = import.meta.glob<{ getRuntime(): PythonRuntime }>('../../runtime/client.ts', { eager: true });
const client = Object.values(modules)[0];

export function getRuntime(): PythonRuntime {
  if (!client) throw new Error('the Python runtime is not part of this build');
  return client.getRuntime();
}

export const runtimeAvailable = client !== undefined;
