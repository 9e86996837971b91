import { describe, expect, it } from 'vitest';
import { postprocessOutput } from './postprocess';

describe('postprocessOutput (gpt2/gen.py)', () => {
  it('cuts at the first <|endoftext|> and strips', () => {
    expect(postprocessOutput(' Aromi is a pub. <|endoftext|> more <|endoftext|>')).toBe(
      'Aromi is a pub.',
    );
  });
  it('writes "Error" for an empty output', () => {
    expect(postprocessOutput('<|endoftext|>')).toBe('Error');
    expect(postprocessOutput('   ')).toBe('Error');
  });
  it('keeps one line per input', () => {
    expect(postprocessOutput('a\n\nb <|endoftext|>')).toBe('a b');
  });
});
