// How a (source, target) pair becomes one training string and a source becomes a decoding
// prompt. The default is the paper's template (docs/reference/LINEARIZATION.md, "Common to all GPT-2
// table-to-text tasks"); the others are options, never used unless asked for.

/** GPT-2's only special token, used by the paper as both BOS and EOS (id 50256). */
export const endOfText = '<|endoftext|>';

/**
 * training string = sourcePrefix + source + promptSuffix + targetPrefix + target + targetSuffix;
 * decoding prompt = sourcePrefix + source + promptSuffix.
 */
export interface TextTemplate {
  sourcePrefix: string;
  promptSuffix: string;
  targetPrefix: string;
  targetSuffix: string;
}

/** ` SOURCE <|endoftext|> TARGET <|endoftext|>`: the paper's template. */
export const paperTemplate: TextTemplate = {
  sourcePrefix: ' ',
  promptSuffix: ` ${endOfText}`,
  targetPrefix: ' ',
  targetSuffix: ` ${endOfText}`,
};

/**
 * The paper's low-data variant: ` TOKEN SOURCE <|endoftext|> ...` (default token `summarize`,
 * `--lowdata_token` in `gpt2/train_e2e.py`).
 */
export function lowDataTemplate(token = 'summarize'): TextTemplate {
  return { ...paperTemplate, sourcePrefix: ` ${token} ` };
}

/** Alternative templates (not the paper's), for experiments. */
export const alternativeTemplates = {
  /** No leading spaces: `SOURCE<|endoftext|>TARGET<|endoftext|>`. */
  compact: { sourcePrefix: '', promptSuffix: endOfText, targetPrefix: '', targetSuffix: endOfText },
  /** A readable prompt without special tokens in the middle: `Data: SOURCE\nText: TARGET<|endoftext|>`. */
  labelled: {
    sourcePrefix: 'Data: ',
    promptSuffix: '\nText:',
    targetPrefix: ' ',
    targetSuffix: endOfText,
  },
} as const satisfies Record<string, TextTemplate>;

/** A training pair: the linearised source and one reference. */
export interface TextPair {
  source: string;
  target: string;
}

/** The decoding prompt for a source. */
export function formatPrompt(source: string, template: TextTemplate = paperTemplate): string {
  return `${template.sourcePrefix}${source}${template.promptSuffix}`;
}

/**
 * The full training string for a pair.
 *
 * @example
 * formatTrainingText({ source: 'name : Aromi', target: 'Aromi .' });
 * // ' name : Aromi <|endoftext|> Aromi . <|endoftext|>'
 */
export function formatTrainingText(pair: TextPair, template: TextTemplate = paperTemplate): string {
  return `${formatPrompt(pair.source, template)}${template.targetPrefix}${pair.target}${template.targetSuffix}`;
}
