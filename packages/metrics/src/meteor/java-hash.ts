// Java's String.hashCode() (s[0]*31^(n-1) + ... + s[n-1], 32-bit signed, over UTF-16 units).
// METEOR 1.5 compares words and stems by these hash keys, not by the strings themselves
// (Stage.wordsToKeys, StemMatcher.wordsToStemKeys), so two words whose hashes collide count
// as an exact match there; reproducing the key keeps that behaviour identical.

/** Java `String.hashCode()` of `s`. */
export function javaHash(s: string): number {
  let h = 0;
  for (let i = 0; i < s.length; i++) h = (Math.imul(31, h) + s.charCodeAt(i)) | 0;
  return h;
}
