import { z } from 'zod';

/** What a lexicon entry names: people and institutions can be speakers; places and concepts cannot. */
export const EntryKind = z.enum(['person', 'institution', 'place', 'concept']);

/** One entry: a person, institution, place or concept, with its English and Arabic names (display name first). */
export const LexiconEntrySchema = z.object({
  id: z.string().regex(/^[a-z0-9-]+$/, 'ids are lower-case words joined by hyphens'),
  kind: EntryKind,
  /** Institutions a person speaks for: asking what the Kremlin said also finds its spokesman. */
  memberOf: z.array(z.string()).optional(),
  /** What a place stands for when news makes it a speaker: "Moscow said" is Russia's voice. */
  standsFor: z.array(z.string()).optional(),
  /**
   * Offices a person has held, in Arabic as news writes them ("الرئيس الأمريكي"): the title alone then stands for
   * them in an article that has named them.
   */
  offices: z.array(z.string().trim().min(1)).optional(),
  en: z.array(z.string().trim().min(1)).min(1),
  ar: z.array(z.string().trim().min(1)).min(1),
});

/** The lexicon file, `data/lexicon.json`. */
export const LexiconFileSchema = z
  .object({ version: z.literal(1), entries: z.array(LexiconEntrySchema).min(1) })
  .superRefine((file, ctx) => {
    const seen = new Set<string>();
    file.entries.forEach((entry, i) => {
      if (seen.has(entry.id)) {
        ctx.addIssue({ code: 'custom', path: ['entries', i, 'id'], message: `duplicate id "${entry.id}"` });
      }
      seen.add(entry.id);
    });
    file.entries.forEach((entry, i) => {
      for (const field of ['memberOf', 'standsFor'] as const) {
        for (const id of entry[field] ?? []) {
          if (!seen.has(id))
            ctx.addIssue({ code: 'custom', path: ['entries', i, field], message: `unknown id "${id}"` });
        }
      }
    });
  });

export type LexiconEntry = z.infer<typeof LexiconEntrySchema>;
export type LexiconFile = z.infer<typeof LexiconFileSchema>;
