/**
 * The time axis: "nice" ticks (1, 2 or 5 times a power of ten) across a run, and times written
 * the way the output panel writes them, in the reader's language (0,5 s in Portuguese).
 */

export interface Tick {
  /** ms */
  t: number;
  label: string;
}

/**
 * About `target` ticks from 0 to `end` ms (at least to 1 ms), the last one at or past `end`; or
 * one every `every` ms when a figure asks for it (a guide line every second).
 */
export function ticks(end: number, lang: string, target = 5, every?: number): { ticks: Tick[]; end: number } {
  const span = Math.max(end, 1);
  const raw = span / target;
  const power = 10 ** Math.floor(Math.log10(raw));
  const step = every ?? [1, 2, 5, 10].map((m) => m * power).find((s) => s >= raw) ?? 10 * power;
  const count = Math.ceil(span / step - 1e-9);
  const last = count * step;
  const digits = step >= 1000 ? Math.max(0, -Math.floor(Math.log10(step / 1000) + 1e-9)) : 0;
  const out: Tick[] = [];
  for (let i = 0; i <= count; i++) {
    const t = i * step;
    out.push({ t, label: last >= 1000 ? seconds(t, lang, Math.max(digits, decimalsFor(step / 1000))) : millis(t, lang) });
  }
  return { ticks: out, end: last };
}

function decimalsFor(stepSeconds: number): number {
  let digits = 0;
  while (digits < 3 && Math.abs(Math.round(stepSeconds * 10 ** digits) - stepSeconds * 10 ** digits) > 1e-9) digits++;
  return digits;
}

// Making an Intl.NumberFormat costs tens of µs; a timeline of thousands of tasks writes
// thousands of times, so each format is made once per language and precision.
const formats = new Map<string, Intl.NumberFormat>();
function numberFormat(lang: string, min: number, max: number): Intl.NumberFormat {
  const key = `${lang} ${min} ${max}`;
  let format = formats.get(key);
  if (!format) formats.set(key, (format = new Intl.NumberFormat(lang, { minimumFractionDigits: min, maximumFractionDigits: max })));
  return format;
}

export function seconds(ms: number, lang: string, digits = 1): string {
  return `${numberFormat(lang, digits, digits).format(ms / 1000)} s`;
}

export function millis(ms: number, lang: string): string {
  return `${numberFormat(lang, 0, 1).format(ms)} ms`;
}

/** A duration or a moment, short: ms below a second, seconds (3 significant places) above. */
export function duration(ms: number, lang: string): string {
  if (ms < 1000) return millis(ms, lang);
  return seconds(ms, lang, ms < 10_000 ? 2 : 1);
}
