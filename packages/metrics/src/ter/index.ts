// TER as tercom 0.7.25 computes it; the WebNLG 2017 normalisation it can apply is the one in
// src/tokenize/webnlg.ts (shared with the WebNLG BLEU driver).

export { type EditAlignment, minEditDist } from './min-edit-dist';
export { type TerOptions, type TerResult, type TerSegment, ter } from './ter';
export { performShift, type TercomOptions, type TercomResult, tercomEdits } from './tercom';
