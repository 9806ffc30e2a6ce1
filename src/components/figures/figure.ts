/**
 * What the drawn figures (Diagram.astro and its parts) share beyond their stylesheet: the
 * page's language, the arrow marker's id, and small drawing helpers.
 */
import { langOfLocale, type Lang } from '../../lib/site';

/** The page's language, as a figure reads it (`Astro.currentLocale`). */
export function figureLang(locale: string | undefined): Lang {
  return langOfLocale(locale);
}

/** The id of a figure's arrowhead marker, which its Diagram defines once. */
export function arrowMarkerId(figureId: string, lang: Lang): string {
  return `${figureId}-${lang}-arrow`;
}

/** A cross (two strokes) centred on (cx, cy): how the figures mark a failure. */
export function cross(cx: number, cy: number, r = 6): string {
  return `M${cx - r},${cy - r} L${cx + r},${cy + r} M${cx + r},${cy - r} L${cx - r},${cy + r}`;
}

/** Seconds with one decimal, with the language's decimal mark: "1.5" or "1,5". */
export function seconds(t: number, lang: Lang): string {
  const text = t.toFixed(1);
  return lang === 'pt-BR' ? text.replace('.', ',') : text;
}
