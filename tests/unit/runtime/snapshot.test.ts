/**
 * The start-up snapshot (src/runtime/snapshot.ts) with real Pyodide under Node: the build's
 * snapshot made in-process, then hosts restored from it, compared with a host started from
 * scratch. A reader must not be able to tell a restored interpreter from a fresh one, except that
 * it is ready sooner.
 */
import { gzipSync } from 'node:zlib';
import { loadPyodide } from 'pyodide';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { RunOutcome, WorkerInfo, WorkerMessage } from '../../../src/runtime/protocol.ts';
import { fetchSnapshot, makeSnapshot, packSnapshot, snapshotFileName, unpackSnapshot } from '../../../src/runtime/snapshot.ts';
import { nodeHost, runnerFiles } from '../../../scripts/runtime/node-host.ts';

interface StartedHost {
  info: WorkerInfo;
  run(code: string): Promise<{ outcome: RunOutcome; stdout: string }>;
}

/** A host, restored from `snapshot` when given one, ready to run. */
async function startHost(snapshot?: Uint8Array): Promise<StartedHost> {
  const listeners = new Set<(message: WorkerMessage) => void>();
  const host = nodeHost((message) => listeners.forEach((listener) => listener(message)), snapshot);
  const info = await new Promise<WorkerInfo>((resolve, reject) => {
    listeners.add((message) => {
      if (message.type === 'ready') resolve(message.info);
      if (message.type === 'error') reject(new Error(message.message));
    });
    host.handle({ type: 'init', id: 0, indexURL: '' });
  });
  listeners.clear();
  let nextId = 1;
  return {
    info,
    run(code) {
      const id = nextId++;
      let stdout = '';
      return new Promise((resolve, reject) => {
        const listener = (message: WorkerMessage) => {
          if (message.id !== id) return;
          if (message.type === 'output') stdout += message.chunks.map((c) => (c.stream === 'stdout' ? c.text : '')).join('');
          if (message.type === 'result') {
            listeners.delete(listener);
            resolve({ outcome: message.outcome, stdout });
          }
          if (message.type === 'error') reject(new Error(message.message));
        };
        listeners.add(listener);
        host.handle({ type: 'run', id, code, options: { clock: 'virtual', filename: 'main.py' } });
      });
    },
  };
}

/** What a program can see of how its interpreter started. */
const SURROUNDINGS = `
import os, sys, time
print(sys.path)
print(sorted(os.environ.items()))
print(sys.executable, sys.argv)
print(time.timezone, time.altzone, time.daylight, time.tzname)
print(os.getcwd(), sorted(os.listdir(".")))
`;

const BUILD_TZ = 'Asia/Tokyo';
const READER_TZ = 'America/New_York';
const originalTz = process.env.TZ;
let snapshot: Uint8Array;
let fresh: StartedHost;
let restored: StartedHost;

beforeAll(async () => {
  // The build machine is in Tokyo; the reader, in New York.
  process.env.TZ = BUILD_TZ;
  snapshot = await makeSnapshot((options) => loadPyodide(options), runnerFiles());
  process.env.TZ = READER_TZ;
  restored = await startHost(snapshot);
  fresh = await startHost();
}, 240_000);

afterAll(() => {
  if (originalTz === undefined) delete process.env.TZ;
  else process.env.TZ = originalTz;
});

describe('a host restored from the start-up snapshot', () => {
  it('says so, and runs programs as a fresh one does', async () => {
    expect(restored.info.start).toBe('snapshot');
    expect(fresh.info.start).toBe('fresh');
    const program = 'import asyncio\nasync def main():\n    await asyncio.sleep(1)\n    print("slept", asyncio.get_running_loop().time())\nasyncio.run(main())\n';
    const [a, b] = [await restored.run(program), await fresh.run(program)];
    expect(a.outcome.status).toBe('ok');
    expect(a.stdout).toBe(b.stdout);
  });

  it("sees what a fresh one sees: path, environment, executable, the reader's time zone, files", async () => {
    // Each run works in a folder of its own, named at random.
    const sees = async (host: StartedHost) => (await host.run(SURROUNDINGS)).stdout.replace(/\/tmp\/program-\w+/g, '/tmp/program-*');
    const restoredSees = await sees(restored);
    expect(restoredSees).toBe(await sees(fresh));
    expect(restoredSees).toContain("18000 14400 1 ('UTC-0500', 'UTC-0400')"); // New York's, not Tokyo's -32400
    // ... and the same on its second run, once its baseline has been restored after the first.
    expect(await sees(restored)).toBe(restoredSees);
  });

  it('draws other random numbers than another host restored from the same snapshot', async () => {
    const other = await startHost(snapshot);
    const draw = 'import random\nprint(random.random(), random.getrandbits(64))';
    expect((await restored.run(draw)).stdout).not.toBe((await other.run(draw)).stdout);
  });
});

describe('the snapshot file', () => {
  const files = { 'livepy/a.py': 'x = 1\n', 'livepy/b.py': 'y = 2\n' };

  it('is named after the runner sources it was made with', () => {
    expect(snapshotFileName(files)).toMatch(/^livepy-[0-9a-f]{8}\.snapshot$/);
    expect(snapshotFileName({ 'livepy/b.py': 'y = 2\n', 'livepy/a.py': 'x = 1\n' })).toBe(snapshotFileName(files));
    expect(snapshotFileName({ ...files, 'livepy/b.py': 'y = 3\n' })).not.toBe(snapshotFileName(files));
    expect(snapshotFileName({ 'livepy/a.py': 'x = 1\n', 'livepy/b.py': '' })).not.toBe(snapshotFileName(files));
  });

  /** A stream of `bytes` in chunks of `size` bytes, as a download arrives. */
  const inChunks = (bytes: Uint8Array, size: number) =>
    new ReadableStream<Uint8Array>({
      start(controller) {
        for (let at = 0; at < bytes.length; at += size) controller.enqueue(bytes.slice(at, at + size));
        controller.close();
      },
    });

  it('holds the memory without its zero blocks, and gives it back byte for byte however it arrives', async () => {
    // Four 64 KiB blocks: data, zeros, zeros, data ending in a short block.
    const memory = new Uint8Array(3 * 65536 + 1000);
    memory.set([1, 2, 3], 0);
    memory.set([4, 5], 3 * 65536 + 998);
    const packed = packSnapshot(memory);
    expect(packed.length).toBeLessThan(2 * 65536);
    for (const size of [1, 5, 13, 4096, packed.length]) {
      expect(await unpackSnapshot(inChunks(packed, size))).toEqual(memory);
    }
    expect(await unpackSnapshot(inChunks(packSnapshot(new Uint8Array(65536)), 7))).toEqual(new Uint8Array(65536));
  });

  it('refuses a file that is not a packed snapshot, or is cut short', async () => {
    const packed = packSnapshot(new Uint8Array([9, 8, 7, 6]));
    await expect(unpackSnapshot(inChunks(new Uint8Array([9, 8, 7, 6, 5, 4]), 2))).rejects.toThrow('not a start-up snapshot');
    await expect(unpackSnapshot(inChunks(packed.subarray(0, packed.length - 1), 3))).rejects.toThrow('cut short');
    await expect(unpackSnapshot(inChunks(packed.subarray(0, 10), 3))).rejects.toThrow('cut short');
  });

  it('is fetched beside Pyodide and gunzipped; a site without it means a fresh start', async () => {
    const memory = new Uint8Array([1, 2, 3, 250]);
    const asked: string[] = [];
    const site = (body: Uint8Array | undefined) => async (url: string | URL | Request) => {
      asked.push(String(url));
      return body ? new Response(gzipSync(packSnapshot(body))) : new Response('not found', { status: 404 });
    };
    const found = await fetchSnapshot('https://example.org/sub/pyodide/', files, site(memory) as typeof fetch);
    expect(asked).toEqual([`https://example.org/sub/pyodide/${snapshotFileName(files)}`]);
    expect(await found?.memory).toEqual(memory);
    expect(await fetchSnapshot('https://example.org/pyodide/', files, site(undefined) as typeof fetch)).toBeUndefined();
    const offline = (async () => {
      throw new TypeError('Failed to fetch');
    }) as typeof fetch;
    expect(await fetchSnapshot('https://example.org/pyodide/', files, offline)).toBeUndefined();
  });
});
