// The shape of corpus scorers supplied from outside this folder (METEOR, TER live in
// src/meteor and src/ter and are passed in by the caller or wired by the package entry).
import type { CorpusResult } from '../types';

/** `(hypotheses, references, options) => { score, segments, signature }`. */
export type CorpusScorer = (
  hypotheses: string[],
  references: string[][],
  options?: Record<string, unknown>,
) =>
  | Pick<CorpusResult, 'score' | 'segments' | 'signature'>
  | Promise<Pick<CorpusResult, 'score' | 'segments' | 'signature'>>;
