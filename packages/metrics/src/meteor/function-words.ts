// English function words for METEOR's delta weighting: content-word matches weigh delta,
// function-word matches 1 - delta. The list is METEOR 1.5's own `function/english.words`,
// shipped in data/meteor/ and compiled into english-function-words.ts so that the browser-safe
// core needs no file access.
import { ENGLISH_FUNCTION_WORD_LIST } from './english-function-words';

/** METEOR 1.5's English function-word list (lower-case tokens). */
export const ENGLISH_FUNCTION_WORDS: ReadonlySet<string> = new Set(ENGLISH_FUNCTION_WORD_LIST);
