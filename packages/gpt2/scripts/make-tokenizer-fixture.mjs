// Generates test/fixtures/tokenizer-reference.json: GPT-2 token ids of a few hundred tricky
// strings, computed by an independent implementation (OpenAI's tiktoken, `gpt2` encoding,
// npm package `tiktoken`), and decodings of partial id sequences computed by Python's
// `bytes.decode('utf-8', errors='replace')`. The tests compare our tokenizer with this file and
// need neither tiktoken nor Python.
//
// tiktoken is deliberately not a dependency; install it anywhere and pass the directory:
//   npm install --no-save --prefix /tmp/tk tiktoken@1.0.22
//   node scripts/make-tokenizer-fixture.mjs /tmp/tk/node_modules/tiktoken
import { execFileSync } from 'node:child_process';
import { readFileSync, renameSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';

const tiktokenDir = process.argv[2];
if (!tiktokenDir) throw new Error('usage: node scripts/make-tokenizer-fixture.mjs <tiktoken dir>');
const require = createRequire(import.meta.url);
const { get_encoding } = require(tiktokenDir);
const tiktokenVersion = JSON.parse(readFileSync(`${tiktokenDir}/package.json`, 'utf8')).version;
const encoding = get_encoding('gpt2');

const handWritten = [
  // contractions (lower case only in GPT-2's pattern), quotes
  "I'm",
  "you're",
  "they've",
  "he'll",
  "she'd",
  "it's",
  "don't",
  "can't",
  "won't",
  "'s",
  "'t",
  "'re",
  "'ve",
  "'m",
  "'ll",
  "'d",
  "IT'S",
  "I'M",
  'it’s',
  "''",
  "'",
  "'''",
  "rock 'n' roll",
  "y'all'd've",
  "the dog's bone",
  "'hello'",
  " 's",
  "O'Neil's",
  "'sup",
  "ma'am",
  // whitespace runs and the \s+(?!\S) rule
  '',
  ' ',
  '  ',
  '   ',
  '    a',
  'a  b',
  'a   b',
  'a   ',
  ' a',
  '  a',
  '\n',
  '\n\n',
  '\n\n\n',
  '\t',
  '\t\t x',
  ' \n ',
  'a \n b',
  '\r\n',
  '\r\n\r\n',
  '  \n\n  hello',
  'end.  ',
  'x\n',
  '\n x',
  '\n\n\nHello',
  'Hello\n\n\n',
  'a\tb\tc',
  ' \t \t',
  '\u00a0',
  'a\u00a0b',
  '\u3000x',
  'x\u3000\u3000y',
  '\u0085',
  'a\u0085b',
  '\ufeff',
  '\ufeffhello',
  '\u200b',
  'a\u200bb',
  '\u001c',
  'a\u001cb',
  '\u2028',
  '\u2029',
  '\v\f',
  '\u202f',
  ' \u2003 x',
  'word \u00a0word',
  // numbers
  '123',
  '1234567',
  '3.14159',
  '1,000,000',
  ' 42',
  '٣٤٥',
  '²',
  '½',
  'Ⅻ',
  '10th',
  '0x1F',
  '2023-01-31',
  '12:30pm',
  '-5',
  '+7',
  '1e10',
  '007',
  '١٢٣ abc',
  '९८७',
  // scripts and combining marks
  'café',
  'naïve',
  'Zürich',
  'Ελληνικά',
  'Русский текст',
  'עברית',
  'العربية',
  'हिन्दी',
  'ภาษาไทย',
  '한국어',
  '日本語のテキスト',
  '中文字符',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  'e\u0301',
  'ﬁ',
  'Å',
  'Ω≈ç√∫',
  'ǅ',
  'ß',
  'İstanbul',
  'ŉ',
  'ǰ',
  'Ꭰ',
  'ʼn',
  'ℌ',
  'ｆｕｌｌｗｉｄｔｈ',
  'ᚠᛇᚻ',
  '𐍈',
  // emoji
  '😀',
  '👍🏽',
  '👨‍👩‍👧‍👦',
  '🇫🇷',
  '❤️',
  '🤖 robots',
  'a😀b',
  '😀😀😀',
  ' 😀',
  '🏳️‍🌈',
  '✅',
  '©®™',
  // special token handling
  '<|endoftext|>',
  'a<|endoftext|>b',
  ' <|endoftext|> ',
  '<|endoftext|><|endoftext|>',
  '<|endoftext',
  '<|endoftext|>\n',
  'Hello world<|endoftext|>',
  '<|endoftext|>The',
  '<|endofprompt|>',
  '<|endoftext|> <|endoftext|>',
  // punctuation, code, markup
  'Hello, world!',
  '...',
  '?!?!',
  '--',
  '—',
  '«»',
  '(a)',
  '[b]',
  '{c}',
  '@#$%^&*',
  'C++',
  'e-mail',
  'http://example.com/path?x=1&y=2',
  'foo_bar.baz()',
  '<html><body>',
  '"quoted"',
  '$100',
  '100%',
  'def f(x):\n    return x**2\n',
  'for (let i = 0; i < n; i++) {\n\t}\n',
  '    indented\n        more\n',
  '#!/bin/sh\necho "hi"\n',
  '| a | b |\n|---|---|',
  '**bold**',
  '~~~',
  '\\n',
  '\\\\',
  '`code`',
  'a.b.c',
  'x=y+z',
  ';;;',
  '...hello...',
  '!!!WOW!!!',
  // byte stand-ins and long runs
  'Ġ',
  'ĠĠ',
  'Ċ',
  'âĢľ',
  'a'.repeat(100),
  ' '.repeat(40),
  '\n'.repeat(20),
  'ab'.repeat(50),
  '🤖'.repeat(10),
  'x '.repeat(30),
  '='.repeat(64),
  '-'.repeat(33),
  // sentences
  'The quick brown fox jumps over the lazy dog.',
  'GPT-2 is a large language model.',
  'Prefix-tuning: Optimizing Continuous Prompts for Generation',
  'She said, "It\'s 5 o\'clock — time for tea!"',
  'Mixed 中文 and English and 😀 emoji.',
];

const separators = [' ', '  ', '\n', '\n\n', ' \n', '\t', '\n ', '   \n\n'];
const words = ['hello', 'World', "I'm", '123', '😀', '東京', '.', '<|endoftext|>'];
const combinations = [];
for (const word of words)
  for (const separator of separators) combinations.push(`${word}${separator}${word}`);

// E2E-like inputs: meaning representations and references from the shared data set.
// shared/ sits beside the repository root.
const shared = (path) => new URL(`../../../../shared/${path}`, import.meta.url);
const csvFirstColumn = (path, count) =>
  readFileSync(path, 'utf8')
    .split('\n')
    .slice(1)
    .filter(Boolean)
    .slice(0, count)
    .map((line) => JSON.parse(line.slice(0, line.indexOf('",') + 1)));
const e2eMrs = [...new Set(csvFirstColumn(shared('data/e2e/devset.csv'), 600))].slice(0, 40);
const paperLines = readFileSync(shared('data/e2e/prefixtuning/src1_valid.txt'), 'utf8')
  .split('\n')
  .filter(Boolean)
  .slice(0, 40);
const e2eTexts = [
  ...e2eMrs,
  ...paperLines.flatMap((line) =>
    line.split('||').map((part, index) => (index === 1 ? ` ${part}` : part)),
  ),
];

const texts = [...new Set([...handWritten, ...combinations, ...e2eTexts])];
const cases = texts.map((text) => ({ text, ids: Array.from(encoding.encode(text, 'all')) }));

// Decoding prefixes of id sequences cuts multi-byte characters: errors='replace' semantics.
const decodeSources = [
  '😀 emoji 👨‍👩‍👧‍👦',
  '日本語のテキスト',
  'café Zürich',
  '🇫🇷❤️',
  'Ελληνικά 中文',
];
const partial = [];
for (const text of decodeSources) {
  const ids = Array.from(encoding.encode(text, 'all'));
  for (let end = 1; end <= ids.length; end++) partial.push(ids.slice(0, end));
  for (let start = 1; start < ids.length; start++) partial.push(ids.slice(start));
}
const hexes = partial.map((ids) =>
  Buffer.from(encoding.decode(new Uint32Array(ids))).toString('hex'),
);
const python =
  "import json,sys\nprint(json.dumps([bytes.fromhex(h).decode('utf-8', errors='replace') for h in json.load(sys.stdin)]))";
const decodedTexts = JSON.parse(
  execFileSync('/usr/bin/python3', ['-c', python], { input: JSON.stringify(hexes) }).toString(),
);
const decodes = partial.map((ids, index) => ({ ids, text: decodedTexts[index] }));

const fixture = {
  generatedBy: 'scripts/make-tokenizer-fixture.mjs',
  reference: `tiktoken ${tiktokenVersion} get_encoding("gpt2"), allowed_special "all"; decodes: Python bytes.decode("utf-8", errors="replace")`,
  cases,
  decodes,
};
const out = 'test/fixtures/tokenizer-reference.json';
writeFileSync(`${out}.tmp`, `${JSON.stringify(fixture)}\n`);
renameSync(`${out}.tmp`, out);
console.log(`wrote ${out}: ${cases.length} encodings, ${decodes.length} decodings`);
