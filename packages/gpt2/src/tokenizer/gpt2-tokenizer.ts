// GPT-2's byte-level BPE tokenizer (openai/gpt-2 encoder.py; Hugging Face GPT2Tokenizer):
// special tokens are split off first, the rest is pre-tokenised, each piece's UTF-8 bytes are
// mapped to stand-in characters and BPE-merged. Decoding joins the bytes of every token and
// decodes UTF-8 with replacement characters (Python's errors='replace').
import { TokenizerFormatError, TokenizerInputError } from '../errors';
import { BpeCache, bytePairEncode, type MergeRanks } from './bpe';
import { encodeBytesAsUnicode, unicodeToByte } from './byte-encoder';
import { preTokenize } from './pre-tokenize';

/** The data a byte-level BPE tokenizer is made of. */
export interface BpeTokenizerData {
  /** Token (stand-in characters) -> id. */
  vocab: ReadonlyMap<string, number>;
  /** Merges in rank order (rank 0 first). */
  merges: readonly (readonly [string, string])[];
  /** Text -> id of tokens never split by BPE (GPT-2: `<|endoftext|>` -> 50256). */
  specialTokens?: Readonly<Record<string, number>>;
  /** Prepend a space to the text before encoding (HF `add_prefix_space`; GPT-2: false). */
  addPrefixSpace?: boolean;
  /** Name shown in errors (the vocabulary file). */
  source?: string;
}

export interface EncodeOptions {
  /** 'all' (default, as HF's GPT2Tokenizer): special-token text becomes its id; 'none': plain text. */
  specialTokens?: 'all' | 'none';
}

/**
 * Appends every item of `items` to `target`. A long word is one piece with as many ids as it
 * has merged symbols, and `push(...items)` passes each as an argument, which overflows the
 * stack beyond about 100,000.
 */
function appendAll(target: number[], items: ArrayLike<number>): void {
  for (let index = 0; index < items.length; index++) target.push(items[index]!);
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}

export class Gpt2Tokenizer {
  /** Number of ids: one more than the largest id. */
  readonly vocabSize: number;
  /** Id of `<|endoftext|>` when the vocabulary has it. */
  readonly endOfTextId: number | undefined;
  readonly specialTokens: Readonly<Record<string, number>>;
  private readonly vocab: ReadonlyMap<string, number>;
  private readonly ranks: MergeRanks;
  private readonly idToToken: (string | undefined)[];
  private readonly specialPattern: RegExp | undefined;
  private readonly specialIds = new Map<number, string>();
  private readonly cache = new BpeCache();
  private readonly addPrefixSpace: boolean;
  private readonly source: string;

  constructor(data: BpeTokenizerData) {
    this.vocab = data.vocab;
    this.source = data.source ?? 'vocabulary';
    this.ranks = new Map(data.merges.map(([left, right], rank) => [`${left} ${right}`, rank]));
    this.specialTokens = data.specialTokens ?? {};
    this.addPrefixSpace = data.addPrefixSpace ?? false;
    let largest = -1;
    for (const id of this.vocab.values()) largest = Math.max(largest, id);
    for (const id of Object.values(this.specialTokens)) largest = Math.max(largest, id);
    this.vocabSize = largest + 1;
    this.idToToken = new Array(this.vocabSize);
    for (const [token, id] of this.vocab) this.idToToken[id] = token;
    for (const [text, id] of Object.entries(this.specialTokens)) this.specialIds.set(id, text);
    const specials = Object.keys(this.specialTokens).sort((a, b) => b.length - a.length);
    this.specialPattern =
      specials.length > 0 ? new RegExp(`(${specials.map(escapeRegExp).join('|')})`) : undefined;
    this.endOfTextId = this.specialTokens['<|endoftext|>'];
  }

  /**
   * Text -> token ids.
   * @example tokenizer.encode('Hello world<|endoftext|>') // [15496, 995, 50256]
   */
  encode(text: string, options: EncodeOptions = {}): number[] {
    if (this.addPrefixSpace && !text.startsWith(' ')) text = ` ${text}`;
    const ids: number[] = [];
    const useSpecials = (options.specialTokens ?? 'all') === 'all' && this.specialPattern;
    const parts = useSpecials ? text.split(this.specialPattern!) : [text];
    // With a capturing group, split puts the separators (special tokens) at odd indices.
    parts.forEach((part, index) => {
      if (useSpecials && index % 2 === 1) ids.push(this.specialTokens[part]!);
      else if (part.length > 0) this.encodeOrdinary(part, ids);
    });
    return ids;
  }

  private encodeOrdinary(text: string, ids: number[]): void {
    const encoder = new TextEncoder();
    for (const piece of preTokenize(text)) {
      const cached = this.cache.get(piece);
      if (cached !== undefined) {
        appendAll(ids, cached);
        continue;
      }
      const word = encodeBytesAsUnicode(encoder.encode(piece));
      const pieceIds = bytePairEncode(word, this.ranks).map((symbol) => {
        const id = this.vocab.get(symbol);
        if (id === undefined) {
          throw new TokenizerFormatError(
            `merges produce ${JSON.stringify(symbol)}, which the vocabulary lacks`,
            this.source,
          );
        }
        return id;
      });
      this.cache.set(piece, pieceIds);
      appendAll(ids, pieceIds);
    }
  }

  /** Token ids -> the UTF-8 bytes they stand for. */
  decodeBytes(ids: Iterable<number>): Uint8Array {
    const out: number[] = [];
    const encoder = new TextEncoder();
    for (const id of ids) {
      const special = this.specialIds.get(id);
      if (special !== undefined) {
        appendAll(out, encoder.encode(special));
        continue;
      }
      const token = Number.isInteger(id) ? this.idToToken[id] : undefined;
      if (token === undefined) {
        throw new TokenizerInputError(
          `token id ${id} is not in the vocabulary (ids 0..${this.vocabSize - 1})`,
        );
      }
      for (const character of token) {
        const byte = unicodeToByte.get(character);
        if (byte === undefined) {
          throw new TokenizerFormatError(
            `token ${id} ${JSON.stringify(token)} has a character outside the byte alphabet`,
            this.source,
          );
        }
        out.push(byte);
      }
    }
    return Uint8Array.from(out);
  }

  /** Token ids -> text; invalid UTF-8 becomes U+FFFD (Python's errors='replace'). */
  decode(ids: Iterable<number>): string {
    // ignoreBOM keeps a leading U+FEFF, as Python's bytes.decode does.
    return new TextDecoder('utf-8', { ignoreBOM: true }).decode(this.decodeBytes(ids));
  }

  /** The id of a token string (stand-in characters, e.g. `Ġthe`), or undefined. */
  tokenToId(token: string): number | undefined {
    return this.vocab.get(token) ?? this.specialTokens[token];
  }

  /** The token string of an id, or undefined. */
  idToTokenString(id: number): string | undefined {
    return this.specialIds.get(id) ?? this.idToToken[id];
  }
}
