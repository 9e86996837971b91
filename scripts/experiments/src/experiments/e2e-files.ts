// The E2E files the low-data and prefix-length experiments score against (the shared data's
// e2e/, or --data with the same names, such as the committed sample).
import { join } from 'node:path';

export const e2eDevReferences = (data: string) => join(data, 'devset.csv');
export const e2eTestReferences = (data: string) => join(data, 'testset_w_refs.csv');

/** A word initialisation of `phrase` (its GPT-2 token count must be the prefix length). */
export const wordInit = (phrase: string) => ({ init: 'words', initWords: phrase });
