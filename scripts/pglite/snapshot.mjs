// The page's database, made once: a PGlite data directory, cleanly shut down, that the worker
// loads (`loadDataDir`) instead of running initdb in the reader's browser (about a second
// instead of three). Built with PGlite itself under Node and cached by PGlite's version and the
// stand-in's shims, so `npm run build` and the tests make it once.
//
// What it holds: a fresh cluster (initdb with 1 MB WAL segments), with the asyncpg stand-in's
// changes to pg_catalog (src/runtime/python/standins/asyncpg/protocol/shims.sql) and without the
// template databases (nothing in the page creates a database). The write-ahead log is cut to the
// segment holding the shutdown checkpoint, its unused pages zeroed, so the file compresses well.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const SHIMS = path.join(ROOT, 'src/runtime/python/standins/asyncpg/protocol/shims.sql');
const CACHE = path.join(ROOT, 'node_modules/.cache/asyncio-study');
const WAL_SEGMENT = 1024 * 1024;
const WAL_PAGE = 8192;

/** PGlite's folder in node_modules (its package.json is not among its exports). */
export function pgliteDir() {
  return path.resolve(path.dirname(require.resolve('@electric-sql/pglite')), '..');
}

export function pgliteVersion() {
  return JSON.parse(readFileSync(path.join(pgliteDir(), 'package.json'), 'utf8')).version;
}

/** Where the snapshot for this PGlite and these shims is cached. */
export function snapshotPath() {
  const hash = createHash('sha256')
    .update(pgliteVersion())
    .update(readFileSync(SHIMS))
    .update(readFileSync(fileURLToPath(import.meta.url)))
    .digest('hex')
    .slice(0, 12);
  return path.join(CACHE, `pglite-snapshot-${hash}.tar.gz`);
}

/** The snapshot's bytes (gzipped tar), built first if it is not cached yet. */
export async function ensureSnapshot() {
  const file = snapshotPath();
  if (!existsSync(file)) {
    const bytes = await buildSnapshot();
    mkdirSync(CACHE, { recursive: true });
    writeFileSync(file, bytes);
  }
  return readFileSync(file);
}

export async function buildSnapshot() {
  const { PGlite } = await import('@electric-sql/pglite');
  const dir = mkdtempSync(path.join(tmpdir(), 'pglite-snapshot-'));
  try {
    const pg = await PGlite.create(dir, { initDbStartParams: ['--wal-segsize=1'] });
    await pg.exec(readFileSync(SHIMS, 'utf8'));
    await pg.exec("UPDATE pg_database SET datistemplate = false WHERE datname IN ('template0', 'template1')");
    await pg.exec('DROP DATABASE template0');
    await pg.exec('DROP DATABASE template1');
    await pg.exec('CHECKPOINT');
    await pg.close(); // a clean shutdown: loading it needs no recovery
    const bytes = gzipSync(tarDataDir(dir), { level: 9 });
    await check(PGlite, bytes);
    return bytes;
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

/** The snapshot must load and carry the shims: pg_sleep only reports how long it would sleep. */
async function check(PGlite, bytes) {
  const pg = await PGlite.create({ loadDataDir: new Blob([bytes]) });
  const notices = [];
  await pg.query('SELECT pg_sleep(0.25)', [], { onNotice: (notice) => notices.push(notice.message) });
  await pg.close();
  if (notices[0] !== 'standin:pg_sleep:0.25') throw new Error(`the snapshot's pg_sleep is not the stand-in's: ${notices}`);
}

/** The checkpoint's position, from global/pg_control (little-endian; checkPoint at byte 32). */
function checkpointLsn(dir) {
  const control = readFileSync(path.join(dir, 'global/pg_control'));
  return control.readBigUInt64LE(32);
}

function walFileName(segment) {
  const perId = BigInt(0x100000000 / WAL_SEGMENT);
  const hex = (n) => n.toString(16).toUpperCase().padStart(8, '0');
  return `00000001${hex(segment / perId)}${hex(segment % perId)}`;
}

/** The data directory as a tar with the paths PGlite's dumpDataDir() uses (`/base/...`). */
function tarDataDir(dir) {
  const lsn = checkpointLsn(dir);
  const keep = walFileName(lsn / BigInt(WAL_SEGMENT));
  const cut = Math.ceil((Number(lsn % BigInt(WAL_SEGMENT)) + WAL_PAGE) / WAL_PAGE) * WAL_PAGE;
  const blocks = [];
  const walk = (relative) => {
    const full = path.join(dir, relative);
    for (const name of readdirSync(full).sort()) {
      const child = path.posix.join(relative, name);
      const stat = statSync(path.join(dir, child));
      if (stat.isDirectory()) {
        blocks.push(header(`/${child}`, 0, 0o700, '5'));
        walk(child);
        continue;
      }
      if (name === 'postmaster.pid') continue;
      let data = readFileSync(path.join(dir, child));
      if (relative === 'pg_wal' && /^[0-9A-F]{24}$/.test(name)) {
        if (name !== keep) continue; // earlier or recycled segments: never read again
        data = Buffer.from(data);
        data.fill(0, Math.min(cut, data.length));
      }
      blocks.push(header(`/${child}`, data.length, 0o600, '0'), data, Buffer.alloc((512 - (data.length % 512)) % 512));
    }
  };
  walk('');
  blocks.push(Buffer.alloc(1024));
  return Buffer.concat(blocks);
}

function header(name, size, mode, type) {
  const block = Buffer.alloc(512);
  const field = (value, offset, length) => block.write(value, offset, length, 'utf8');
  const octal = (value, length) => value.toString(8).padStart(length - 1, '0');
  let prefix = '';
  let shortName = name;
  if (Buffer.byteLength(name) > 100) {
    const cut = name.lastIndexOf('/', 155);
    prefix = name.slice(0, cut);
    shortName = name.slice(cut + 1);
  }
  field(shortName, 0, 100);
  field(octal(mode, 8), 100, 8);
  field(octal(0, 8), 108, 8);
  field(octal(0, 8), 116, 8);
  field(octal(size, 12), 124, 12);
  field(octal(0, 12), 136, 12);
  field('        ', 148, 8);
  field(type, 156, 1);
  field('ustar', 257, 6);
  field('00', 263, 2);
  field(prefix, 345, 155);
  let sum = 0;
  for (const byte of block) sum += byte;
  field(`${octal(sum, 7)}\0`, 148, 8);
  return block;
}
