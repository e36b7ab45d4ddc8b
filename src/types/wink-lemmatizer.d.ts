/** Types for wink-lemmatizer 3 (it ships none): each function returns the lemma, or the word when none is known. */
declare module 'wink-lemmatizer' {
  const lemmatizer: {
    noun(word: string): string;
    verb(word: string): string;
    adjective(word: string): string;
  };
  export default lemmatizer;
}
