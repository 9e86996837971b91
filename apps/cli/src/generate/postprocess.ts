// The paper's post-processing of a decoded output (gpt2/gen.py): cut at the first
// <|endoftext|>, strip surrounding white space; an empty result is written as "Error" so every
// input keeps exactly one line. Line breaks inside an output (possible when newline tokens are
// not banned) become spaces for the same reason.
export const endOfText = '<|endoftext|>';

export function postprocessOutput(text: string): string {
  const end = text.indexOf(endOfText);
  const cut = (end === -1 ? text : text.slice(0, end)).replace(/\s*[\r\n]+\s*/g, ' ').trim();
  return cut === '' ? 'Error' : cut;
}
