// From generated tokens to the text a completion returns: decoded without the ending eos and cut
// before the first stop string. While streaming, text is held back while it may still change:
// an unfinished UTF-8 character (byte-level BPE) or the start of a stop string.
export class CompletionText {
  private emitted = 0;
  private readonly tokens: number[] = [];
  private readonly hold: number;

  constructor(
    private readonly decode: (tokens: readonly number[]) => string,
    private readonly eosTokenIds: readonly number[],
    private readonly stops: readonly string[],
  ) {
    this.hold = stops.reduce((longest, stop) => Math.max(longest, stop.length - 1), 0);
  }

  /** Adds a token; returns the text that is now final (possibly empty). */
  push(token: number): string {
    if (!this.eosTokenIds.includes(token)) this.tokens.push(token);
    const text = this.text();
    let end = Math.max(this.emitted, text.length - this.hold);
    while (end > this.emitted && text.charCodeAt(end - 1) === 0xfffd) end--;
    return this.take(text, end);
  }

  /** The rest of the text once decoding ended. */
  finish(): string {
    const text = this.text();
    return this.take(text, text.length);
  }

  /** The whole text so far, cut at the first stop string. */
  text(): string {
    const decoded = this.decode(this.tokens);
    let cut = decoded.length;
    for (const stop of this.stops) {
      const at = decoded.indexOf(stop);
      if (at !== -1 && at < cut) cut = at;
    }
    return decoded.slice(0, cut);
  }

  private take(text: string, end: number): string {
    const part = text.slice(this.emitted, end);
    this.emitted = Math.max(this.emitted, end);
    return part;
  }
}
