// TER as tercom 0.7.25 computes it, with the WebNLG 2017 text normalisation.

export { type EditAlignment, minEditDist } from './min-edit-dist';
export { type TerOptions, type TerResult, type TerSegment, ter } from './ter';
export { performShift, type TercomOptions, type TercomResult, tercomEdits } from './tercom';
export { normalizeWebnlg, transliterateAscii } from './webnlg-normalize';
