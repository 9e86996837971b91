// The tokeniser of Google's rouge_score (tokenize.py): lower-case, every character outside
// [a-z0-9] separates tokens, optional Porter stemming of tokens longer than 3 characters.
import { porterStem } from './porter-stemmer';

/** rouge_score tokens of `text`. */
export function tokenizeRouge(text: string, useStemmer: boolean): string[] {
  const tokens = text
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .split(/\s+/);
  const out: string[] = [];
  for (const t of tokens) {
    const s = useStemmer && t.length > 3 ? porterStem(t) : t;
    if (/^[a-z0-9]+$/.test(s)) out.push(s);
  }
  return out;
}
