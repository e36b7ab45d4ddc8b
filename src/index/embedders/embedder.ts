/** Embeddings behind one interface: the built-in lexical embedder or an OpenAI-compatible endpoint. */

/** Turns texts into vectors of one fixed dimension, in one space for questions and passages. */
export interface Embedder {
  /** Identifies the embedder and its settings: a saved index built by another embedder is rebuilt. */
  readonly id: string;
  /**
   * The share of the vector side in the ranking score (0–1): how much this embedder knows that full-text search
   * does not. A neural model matches meaning across words and languages; a lexical one mostly repeats the words.
   */
  readonly searchWeight: number;
  /** True when nearness in this space means nearness in meaning: its nearest units become candidates too. */
  readonly semantic: boolean;
  /** Embeds texts, in order. Vectors are unit length. */
  embed(texts: string[]): Promise<number[][]>;
}

/** Raised when an embeddings endpoint fails; the message never contains the API key. */
export class EmbedderError extends Error {
  override name = 'EmbedderError';
}

/** A vector scaled to unit length, as a new array (a zero vector stays zero). */
export function normalise(vector: ArrayLike<number>): number[] {
  let sum = 0;
  for (let i = 0; i < vector.length; i++) sum += vector[i]! * vector[i]!;
  const norm = sum === 0 ? 1 : Math.sqrt(sum);
  const out = new Array<number>(vector.length);
  for (let i = 0; i < vector.length; i++) out[i] = vector[i]! / norm;
  return out;
}
