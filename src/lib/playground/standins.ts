/**
 * What the page says about runs that use the stand-ins (src/runtime/python/standins/): what is
 * simulated, how the database's loading goes, and whether a device should load it at all.
 */
import type { StandinName } from '../../runtime/protocol.ts';
import { format, type PlaygroundStrings } from './string-keys.ts';

/** One sentence per stand-in, in a fixed order, for the run's label. */
export function simulationLabels(standins: readonly StandinName[], strings: PlaygroundStrings): string[] {
  const labels: string[] = [];
  if (standins.includes('aiohttp')) labels.push(strings.simulatedNetwork);
  if (standins.includes('asyncpg')) labels.push(strings.simulatedDatabase);
  return labels;
}

export interface DatabaseLoading {
  phase: 'download' | 'start' | 'ready';
  loadedBytes: number;
  totalBytes: number;
}

const MB = 1_000_000;

/** "Loading PostgreSQL (PGlite) into this page: 2.1 of 6.4 MB…", then "Starting PostgreSQL…". */
export function databaseLoadingText(loading: DatabaseLoading, strings: PlaygroundStrings, lang: string): string {
  if (loading.phase !== 'download') return strings.statusStartingDatabase;
  const mb = new Intl.NumberFormat(lang, { minimumFractionDigits: 1, maximumFractionDigits: 1 });
  return format(strings.statusLoadingDatabase, {
    loaded: mb.format(loading.loadedBytes / MB),
    total: mb.format(loading.totalBytes / MB),
  });
}

/** What the page can tell about the device, read where the page runs. */
export interface DeviceHints {
  /** `navigator.deviceMemory` in GB (Chromium only; rounded down, at most 8). */
  deviceMemoryGB?: number | undefined;
  /** A phone-sized screen used by touch. */
  phone: boolean;
}

/**
 * Whether a device can be expected to hold PostgreSQL in the page beside Python: together they
 * take over half a gigabyte, which can end a phone's tab. Unknown memory counts as enough,
 * except on a phone.
 */
export function databaseFits(device: DeviceHints): boolean {
  if (device.deviceMemoryGB !== undefined && device.deviceMemoryGB < 4) return false;
  return !device.phone;
}

/** The hints, read from the browser. */
export function readDeviceHints(): DeviceHints {
  const nav = globalThis.navigator as (Navigator & { deviceMemory?: number }) | undefined;
  const phone = globalThis.matchMedia?.('(max-width: 40rem) and (pointer: coarse)').matches ?? false;
  return { deviceMemoryGB: nav?.deviceMemory, phone };
}
