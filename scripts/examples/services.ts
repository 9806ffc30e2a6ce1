import { Socket } from 'node:net';

/**
 * Services a local example may declare with `#: services: a,b`.
 *
 * Each is looked for where the examples look for it: an address from the environment, with a
 * loopback default. `.ci/run` installs them from Debian's packages and starts them on loopback;
 * on a developer's machine a missing service skips the example and says what to start.
 */
export interface ServiceSpec {
  /** Environment variables the examples read, with the default they fall back to. */
  hostVar: string;
  portVar: string;
  defaultHost: string;
  defaultPort: number;
  /** How to get one running, for the skip/failure message. */
  hint: string;
}

export const SERVICES: Readonly<Record<string, ServiceSpec>> = {
  postgres: {
    hostVar: 'PGHOST',
    portVar: 'PGPORT',
    defaultHost: '127.0.0.1',
    defaultPort: 5432,
    hint: 'run `npm run services` (it needs Debian\'s "postgresql" package), or point PGHOST/PGPORT at a PostgreSQL that accepts PGUSER/PGPASSWORD (default postgres/postgres)',
  },
};

function canConnect(host: string, port: number, timeoutMs: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = new Socket();
    const done = (ok: boolean): void => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('error', () => done(false));
    socket.connect(port, host, () => done(true));
  });
}

/** Resolves to one sentence per missing service (empty when all are reachable). */
export async function missingServices(
  names: readonly string[],
  env: NodeJS.ProcessEnv = process.env,
): Promise<string[]> {
  const problems: string[] = [];
  for (const name of names) {
    const spec = SERVICES[name];
    if (!spec) {
      problems.push(`unknown service "${name}" (known: ${Object.keys(SERVICES).join(', ')}); add it to scripts/examples/services.ts`);
      continue;
    }
    const host = env[spec.hostVar] || spec.defaultHost;
    const port = Number(env[spec.portVar] || spec.defaultPort);
    if (!(await canConnect(host, port, 1_000))) {
      problems.push(`service "${name}" is not reachable at ${host}:${port}: ${spec.hint}`);
    }
  }
  return problems;
}
