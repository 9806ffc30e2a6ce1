/**
 * The page's database: PGlite (PostgreSQL 18 in WebAssembly), as the asyncpg stand-in reaches it.
 *
 * PGlite's engine answers wire-protocol messages synchronously (`execProtocolRawSync`), so the
 * Python stand-in calls `exchange` as a plain function while the program runs: no promise, no
 * stack switching. Between runs `reset()` puts the database back as the snapshot had it (a few
 * ms), so every run starts from the same, empty database; a database that cannot be reset is
 * dropped and loaded afresh on the next run that needs one.
 */

/** The part of PGlite this module uses. */
export interface PGliteLike {
  execProtocolRawSync(message: Uint8Array): Uint8Array;
  readonly Module: { FS: { writeFile(path: string, data: Uint8Array): void; unlink(path: string): void } };
  close(): Promise<void>;
}

/** Where COPY ... FROM STDIN's data is put for the server to read: PGlite has no stdin to copy from. */
const COPY_IN_FILE = '/tmp/standin-copy-in';

/**
 * What every run starts from: no schema but an empty public, no role but postgres. ROLLBACK and
 * DISCARD ALL go first and alone: a query string of several statements is one transaction, and
 * DISCARD ALL cannot run inside one.
 */
const END_SESSION = ['ROLLBACK', 'DISCARD ALL'];
const RESET = `
DO $$
DECLARE name text;
BEGIN
    FOR name IN SELECT nspname FROM pg_catalog.pg_namespace
                WHERE nspname NOT IN ('pg_catalog', 'information_schema', 'public')
                  AND nspname NOT LIKE 'pg\\_toast%' AND nspname NOT LIKE 'pg\\_temp\\_%'
    LOOP
        EXECUTE format('DROP SCHEMA %I CASCADE', name);
    END LOOP;
    FOR name IN SELECT rolname FROM pg_catalog.pg_roles
                WHERE rolname <> 'postgres' AND rolname NOT LIKE 'pg\\_%'
    LOOP
        EXECUTE format('DROP OWNED BY %I CASCADE', name);
        EXECUTE format('DROP ROLE %I', name);
    END LOOP;
END $$;
DROP SCHEMA public CASCADE;
CREATE SCHEMA public AUTHORIZATION pg_database_owner;
GRANT USAGE ON SCHEMA public TO PUBLIC;
SELECT pg_catalog.count(*) FROM pg_catalog.pg_proc WHERE proname = 'pg_sleep_engine';
`;

const encoder = new TextEncoder();
const decoder = new TextDecoder();

function query(sql: string): Uint8Array {
  const body = encoder.encode(`${sql}\0`);
  const message = new Uint8Array(5 + body.length);
  message[0] = 'Q'.charCodeAt(0);
  new DataView(message.buffer).setInt32(1, 4 + body.length);
  message.set(body, 5);
  return message;
}

interface Reply {
  /** The first ErrorResponse's message, if any. */
  error: string | undefined;
  /** The text of the last DataRow's first column. */
  value: string | undefined;
}

function read(bytes: Uint8Array): Reply {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  let offset = 0;
  let error: string | undefined;
  let value: string | undefined;
  while (offset < bytes.length) {
    const kind = String.fromCharCode(bytes[offset] ?? 0);
    const length = view.getInt32(offset + 1);
    const body = bytes.subarray(offset + 5, offset + 1 + length);
    if (kind === 'E' && error === undefined) {
      const fields = decoder.decode(body).split('\0');
      error = fields.find((f) => f.startsWith('M'))?.slice(1) ?? 'error';
    } else if (kind === 'D' && body.length >= 6) {
      const size = new DataView(body.buffer, body.byteOffset).getInt32(2);
      value = size < 0 ? undefined : decoder.decode(body.subarray(6, 6 + size));
    }
    offset += 1 + length;
  }
  return { error, value };
}

export class PageDatabase {
  readonly #pg: PGliteLike;
  #broken = false;

  constructor(pg: PGliteLike) {
    this.#pg = pg;
  }

  /** True once the engine failed: the worker loads a fresh database for the next run. */
  get broken(): boolean {
    return this.#broken;
  }

  /** Frontend messages in, every backend message up to ReadyForQuery out. */
  exchange(message: Uint8Array): Uint8Array {
    if (this.#broken) throw new Error('the database in this page stopped working');
    try {
      // A copy: the result is a view into PGlite's receive buffer, reused by the next call.
      return this.#pg.execProtocolRawSync(message).slice();
    } catch (error) {
      this.#broken = true;
      throw error;
    }
  }

  /**
   * `COPY ... FROM STDIN` with `payload` as its data. PGlite's single-user backend has no client
   * stdin (a COPY FROM STDIN ends the engine), so the data goes into a file the server reads.
   */
  copyIn(statement: string, payload: Uint8Array): Uint8Array {
    const fromFile = statement.replace(/\bFROM\s+STDIN\b/i, `FROM '${COPY_IN_FILE}'`);
    if (fromFile === statement) throw new Error(`not a COPY ... FROM STDIN statement: ${statement}`);
    this.#pg.Module.FS.writeFile(COPY_IN_FILE, payload);
    try {
      return this.exchange(query(fromFile));
    } finally {
      try {
        this.#pg.Module.FS.unlink(COPY_IN_FILE);
      } catch {
        // already gone
      }
    }
  }

  /** Runs SQL (a seed) before a program; returns the server's error message, if any. */
  run(sql: string): string | undefined {
    return read(this.exchange(query(sql))).error;
  }

  /** Back to the snapshot's state; false if that failed (the database should not be used again). */
  reset(): boolean {
    if (this.#broken) return false;
    try {
      for (const statement of END_SESSION) this.exchange(query(statement));
      // The last statement checks that the stand-in's pg_catalog changes are still there.
      const reply = read(this.exchange(query(RESET)));
      if (reply.error !== undefined || reply.value !== '1') this.#broken = true;
    } catch {
      this.#broken = true;
    }
    return !this.#broken;
  }

  close(): Promise<void> {
    this.#broken = true;
    return this.#pg.close();
  }
}
