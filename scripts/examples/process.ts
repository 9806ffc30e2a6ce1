import { spawn } from 'node:child_process';

/** What a finished program left behind. */
export interface ProcessResult {
  /** stdout and stderr in the order the program wrote them (one pipe for both). */
  output: string;
  /** Exit status, or undefined when a signal ended it. */
  exitCode: number | undefined;
  timedOut: boolean;
  durationMs: number;
}

export interface RunOptions {
  cwd: string;
  env: NodeJS.ProcessEnv;
  timeoutMs: number;
}

/**
 * Runs `command args` with stderr sent to the same pipe as stdout, so the captured text keeps
 * the order a reader sees in a terminal. The process gets its own process group, so a timeout
 * also ends the workers a `multiprocessing` example started.
 */
export function runMerged(command: string, args: readonly string[], options: RunOptions): Promise<ProcessResult> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn('/bin/sh', ['-c', 'exec "$0" "$@" 2>&1', command, ...args], {
      cwd: options.cwd,
      env: options.env,
      stdio: ['ignore', 'pipe', 'inherit'],
      detached: true,
    });
    const chunks: Buffer[] = [];
    let timedOut = false;
    const timer = setTimeout(() => {
      timedOut = true;
      killGroup(child.pid);
    }, options.timeoutMs);
    child.stdout.on('data', (chunk: Buffer) => chunks.push(chunk));
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      // Workers left behind by a program that did not clean up must not outlive the test.
      killGroup(child.pid);
      resolve({
        output: Buffer.concat(chunks).toString('utf8'),
        exitCode: code ?? undefined,
        timedOut,
        durationMs: performance.now() - started,
      });
    });
  });
}

function killGroup(pid: number | undefined): void {
  if (pid === undefined) return;
  try {
    process.kill(-pid, 'SIGKILL');
  } catch {
    // Already gone.
  }
}
