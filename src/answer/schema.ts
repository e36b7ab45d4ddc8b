/** The answer contract (ANSWER.md), defined once: every channel renders this shape. */

import { z } from 'zod';

export const SpeakerSchema = z.object({ en: z.string().min(1), ar: z.string().min(1) });

export const DateSchema = z.object({
  iso: z.iso.date().nullable(),
  text: z.string().nullable(),
  basis: z.enum(['stated', 'inferred', 'unknown']),
});

export const SourceSchema = z.object({
  id: z.string().min(1),
  file: z.string().min(1),
  title: z.string().nullable(),
  outlet: z.string().nullable(),
  /** The news agency or agencies the article credits ("فرانس برس، رويترز"); absent when it credits none. */
  agency: z.string().min(1).optional(),
  url: z.string().nullable(),
});

/** Text an optional language model wrote (a rendering or a summary), with the model's name; never a quote. */
export const ModelTextSchema = z.object({ text: z.string().min(1), model: z.string().min(1) }).strict();

export const CitationSchema = z.object({
  quote: z.string().min(1),
  speaker: SpeakerSchema.nullable(),
  date: DateSchema,
  source: SourceSchema,
  /** English machine rendering of the quote (English questions, when a language model is configured). */
  translation: ModelTextSchema.optional(),
});

export const AnswerSchema = z
  .object({
    question: z.string(),
    language: z.enum(['ar', 'en']),
    answered: z.boolean(),
    citations: z.array(CitationSchema).max(5),
    reply: z.string().min(1),
    /** One to three machine-written sentences with [n] markers, checked against the citations. */
    summary: ModelTextSchema.optional(),
  })
  .strict()
  .refine((a) => a.answered === a.citations.length > 0, 'answered is true exactly when there are citations');

export type Citation = z.infer<typeof CitationSchema>;
export type Answer = z.infer<typeof AnswerSchema>;
export type Language = Answer['language'];
