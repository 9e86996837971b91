// The drivers compute METEOR (E2E, WebNLG) and TER (WebNLG) by default with the package's own
// scorers, on the texts the official pipelines give those tools.
import { describe, expect, it } from 'vitest';
import { evaluateE2E, evaluateWebNLG, meteor, ter, tokenizeCocoCorpus } from '../src/index';
import { loadMeteorSynonyms } from '../src/node';

const hyps = ['The Mill is a cheap pub near Café Rouge.', 'Blue Spice is family friendly no.'];
const refs = [
  ['The Mill is a low-priced pub by Café Rouge.', 'A cheap pub, The Mill, is near Café Rouge.'],
  ['Blue Spice is a family-friendly place.'],
];

describe('evaluateE2E default METEOR', () => {
  it('scores METEOR 1.5 on the COCO tokens and passes meteorOptions through', async () => {
    const synonyms = loadMeteorSynonyms();
    const s = await evaluateE2E(hyps, refs, { meteorOptions: { synonyms } });
    const tok = tokenizeCocoCorpus(hyps, refs);
    const direct = meteor(
      tok.hypotheses.map((t) => t.join(' ')),
      tok.references.map((g) => g.map((t) => t.join(' '))),
      { synonyms },
    );
    expect(s.METEOR?.score).toBe(direct.score);
    expect(s.METEOR?.segments).toEqual(direct.segments);
    expect(s.METEOR?.score).toBeGreaterThan(0);
    expect(s.METEOR?.signature).toContain('modules:exact+stem+synonym+paraphrase(none)');
    expect(s.METEOR?.signature).toContain('tok:ptb-coco');
    // Without synonyms the signature says so.
    const plain = await evaluateE2E(hyps, refs);
    expect(plain.METEOR?.signature).toContain('synonym(none)');
  });
  it('leaves METEOR out with meteor: false', async () => {
    const s = await evaluateE2E(hyps, refs, { meteor: false });
    expect(s.METEOR).toBeUndefined();
  });
});

describe('evaluateWebNLG default TER and METEOR', () => {
  it('scores the normalised texts with ter and meteor', async () => {
    const s = await evaluateWebNLG(
      ['Alan Bean was born in Wheeler, Texas.'],
      [['Alan Bean was born in Wheeler , Texas .', 'alan bean is from wheeler texas']],
    );
    const h = ['alan bean was born in wheeler , texas .'];
    const r = [['Alan Bean was born in Wheeler , Texas .', 'alan bean is from wheeler texas', '']];
    // Missing third reference: TER and METEOR see only the present ones.
    const present = [r[0]?.slice(0, 2) as string[]];
    expect(s.TER?.score).toBe(ter(h, present).score);
    expect(s.TER?.score).toBe(0);
    expect(s.METEOR?.score).toBe(meteor(h, present).score);
    const none = await evaluateWebNLG(['x'], [['x']], { ter: false, meteor: false });
    expect(none.TER).toBeUndefined();
    expect(none.METEOR).toBeUndefined();
  });
});
