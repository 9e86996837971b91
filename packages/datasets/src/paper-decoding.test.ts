// The paper's decoding rules: the newline ids, and a minimum never above the maximum.
import { describe, expect, it } from 'vitest';
import { paperBannedTokenIds, paperDecoding, paperMinNewTokensFor } from './paper-decoding';

describe('paperDecoding', () => {
  it('bans GPT-2 newlines and holds eos back for 5 new tokens, or all when fewer', () => {
    expect(paperBannedTokenIds).toEqual([198, 628]);
    expect(paperDecoding(40)).toEqual({ bannedTokenIds: [198, 628], minNewTokens: 5 });
    expect(paperMinNewTokensFor(3)).toBe(3);
    expect(paperMinNewTokensFor(0)).toBe(0);
  });
});
