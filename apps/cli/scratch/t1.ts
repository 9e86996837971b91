import { writeTinyGpt2, writeJsonl } from '../test/tiny-gpt2';
const m = await writeTinyGpt2();
const d = writeJsonl(m, 'train.jsonl');
console.log(m, d);
