/** What every source of translation evidence returns: Arabic renderings of an English word or phrase. */

/** One Arabic rendering with its probability (the renderings of one source sum to at most 1). */
export interface Translation {
  arabic: string;
  p: number;
}

/** Mixes the estimates of several sources, each with its weight, into one distribution (weights need not sum to 1). */
export function mixTranslations(
  parts: Array<{ weight: number; translations: Translation[] }>,
): Translation[] {
  const used = parts.filter((part) => part.translations.length > 0 && part.weight > 0);
  const total = used.reduce((sum, part) => sum + part.weight, 0);
  const mixed = new Map<string, number>();
  for (const part of used) {
    for (const t of part.translations)
      mixed.set(t.arabic, (mixed.get(t.arabic) ?? 0) + (t.p * part.weight) / total);
  }
  return [...mixed].map(([arabic, p]) => ({ arabic, p })).sort((a, b) => b.p - a.p);
}
