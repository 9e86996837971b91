// METEOR's paraphrase table (edu.cmu.meteor.aligner.ParaphraseTransducer), read from the text of
// `paraphrase-en.gz` after decompression: records of three lines, a probability (ignored by
// METEOR), a phrase, and its paraphrase. Phrases are stored in a trie keyed by word ids so the
// matcher can list every table phrase that starts at a position of a sentence.
import { MetricDataFormatError } from '../errors';
import { javaTokenize } from './normalize';

interface TrieNode {
  next: Map<number, TrieNode>;
  emit: number[];
}

/** A loaded paraphrase table. */
export class ParaphraseTable {
  private readonly vocab = new Map<string, number>();
  private readonly root: TrieNode = { next: new Map(), emit: [] };
  private readonly paraphrases: number[][] = [];

  /** Parses the decompressed text of a METEOR paraphrase file (`paraphrase-en.gz`). */
  static parse(text: string, source = 'paraphrase table'): ParaphraseTable {
    const table = new ParaphraseTable();
    const lines = text.split('\n');
    if (lines.length > 0 && lines[lines.length - 1] === '') lines.pop();
    if (lines.length % 3 !== 0) {
      throw new MetricDataFormatError(source, lines.length, 'record count', {
        expected: 'groups of 3 lines (probability, phrase, paraphrase)',
        got: `${lines.length} lines`,
      });
    }
    for (let i = 0; i < lines.length; i += 3) {
      const phrase = javaTokenize(lines[i + 1] as string).map((w) => table.map(w));
      const para = javaTokenize(lines[i + 2] as string).map((w) => table.map(w));
      table.addPath(phrase, table.paraphrases.length);
      table.paraphrases.push(para);
    }
    return table;
  }

  /** Number of phrase pairs. */
  get size(): number {
    return this.paraphrases.length;
  }

  /** Word id of `word`, or -1 when the table never mentions it. */
  translate(word: string): number {
    return this.vocab.get(word) ?? -1;
  }

  /** [phraseLength, paraphraseIndex] pairs for every table phrase starting at `start`. */
  pathsFrom(words: readonly number[], start: number): [number, number][] {
    const out: [number, number][] = [];
    let node: TrieNode | undefined = this.root;
    for (let i = 0; i < words.length - start; i++) {
      node = node.next.get(words[start + i] as number);
      if (node === undefined) break;
      for (const e of node.emit) out.push([i + 1, e]);
    }
    return out;
  }

  /** Word ids of paraphrase number `index`. */
  paraphrase(index: number): readonly number[] {
    return this.paraphrases[index] as number[];
  }

  private map(word: string): number {
    let id = this.vocab.get(word);
    if (id === undefined) {
      id = this.vocab.size;
      this.vocab.set(word, id);
    }
    return id;
  }

  private addPath(words: readonly number[], emit: number): void {
    let node = this.root;
    for (const w of words) {
      let next = node.next.get(w);
      if (next === undefined) {
        next = { next: new Map(), emit: [] };
        node.next.set(w, next);
      }
      node = next;
    }
    node.emit.push(emit);
  }
}
