// The pretraining corpus of prefixkit's embedded model: natural text only, from
// training splits only. E2E TRAIN references (never the MRs, nor the ` MR <|endoftext|> text`
// training format, so the un-prefixed model does not already know the task) and WebNLG 2017
// TRAIN lexicalisations. Any text that also occurs in an evaluation split (E2E dev/test
// references, original and cleaned; WebNLG dev/test lexicalisations; DART dev/test annotations,
// since DART repackages E2E and WebNLG) is removed: whole documents equal to an evaluation text,
// and single sentences equal to one, both after whitespace normalisation. DART itself is not
// used (only its dev and test splits are shipped).
import {
  type DataSource,
  readDartJson,
  readDartXml,
  readE2ECleanedSplit,
  readE2ESplit,
  readWebNLGSplit,
} from '@prefixkit/datasets';

/** Where each data set lives (DataSources over the folders of shared/data). */
export interface CorpusSources {
  readonly e2e: DataSource;
  readonly webnlg: DataSource;
  /** E2E cleaned (dev/test only are used, for exclusion). */
  readonly e2eCleaned?: DataSource | undefined;
  /** DART (dev/test only are used, for exclusion). */
  readonly dart?: DataSource | undefined;
}

/** What went into the corpus and what was left out, for the data card. */
export interface CorpusReport {
  /** Training texts read per source, before any filtering. */
  readonly read: { readonly e2eTrain: number; readonly webnlgTrain: number };
  /** Distinct normalised evaluation texts that training text is checked against. */
  readonly evaluationTexts: number;
  /** Whole training texts equal to an evaluation text (dropped). */
  readonly droppedDocuments: number;
  /** Sentences equal to an evaluation text, cut out of otherwise kept documents. */
  readonly droppedSentences: number;
  /** Exact repeats of an earlier kept document (dropped, so the held-out slice stays unseen). */
  readonly duplicates: number;
  /** Documents kept per source. */
  readonly kept: { readonly e2eTrain: number; readonly webnlgTrain: number };
}

export interface PretrainCorpus {
  /** The documents, in source order (E2E first, then WebNLG). */
  readonly documents: readonly string[];
  readonly report: CorpusReport;
}

/** Collapses every whitespace run to one space and trims: the form texts are compared in. */
export function normalizeWhitespace(text: string): string {
  return text.replace(/\s+/gu, ' ').trim();
}

/** Splits text into sentences after `.`, `!` or `?` followed by whitespace. */
export function splitSentences(text: string): string[] {
  return normalizeWhitespace(text)
    .split(/(?<=[.!?])\s+/u)
    .filter((sentence) => sentence.length > 0);
}

/** Every text of the evaluation splits, normalised (documents and their sentences). */
export async function evaluationTexts(sources: CorpusSources): Promise<Set<string>> {
  const texts = new Set<string>();
  const add = (text: string) => {
    const normalized = normalizeWhitespace(text);
    if (normalized.length === 0) return;
    texts.add(normalized);
  };
  for (const split of ['dev', 'test'] as const)
    for await (const record of readE2ESplit(sources.e2e, split)) if (record.ref) add(record.ref);
  if (sources.e2eCleaned) {
    for (const split of ['dev', 'test'] as const)
      for await (const record of readE2ECleanedSplit(sources.e2eCleaned, split))
        if (record.ref) add(record.ref);
  }
  for (const split of ['dev', 'test'] as const)
    for await (const entry of readWebNLGSplit(sources.webnlg, split))
      for (const lex of entry.lexicalisations) add(lex.text);
  if (sources.dart) {
    const dev = 'dart-v1.1.1-full-dev.json';
    for await (const entry of readDartJson(sources.dart.readText(dev), { file: dev }))
      for (const annotation of entry.annotations) add(annotation.text);
    const test = 'test-2021-04-revision/dart-v1.1.1-full-test.xml';
    for await (const entry of readDartXml(sources.dart.readText(test), { file: test }))
      for (const annotation of entry.annotations) add(annotation.text);
  }
  return texts;
}

/**
 * Reads and filters the corpus (see the file header for what is in it and what is not).
 * @example const { documents, report } = await buildPretrainCorpus({ e2e, webnlg });
 */
export async function buildPretrainCorpus(sources: CorpusSources): Promise<PretrainCorpus> {
  const excluded = await evaluationTexts(sources);
  const e2e: string[] = [];
  for await (const record of readE2ESplit(sources.e2e, 'train'))
    if (record.ref) e2e.push(record.ref);
  const webnlg: string[] = [];
  for await (const entry of readWebNLGSplit(sources.webnlg, 'train'))
    for (const lex of entry.lexicalisations) webnlg.push(lex.text);

  let droppedDocuments = 0;
  let droppedSentences = 0;
  let duplicates = 0;
  const seen = new Set<string>();
  const documents: string[] = [];
  const keep = (texts: readonly string[]): number => {
    let kept = 0;
    for (const text of texts) {
      const normalized = normalizeWhitespace(text);
      if (normalized.length === 0) continue;
      if (excluded.has(normalized)) {
        droppedDocuments++;
        continue;
      }
      const sentences = splitSentences(normalized);
      const remaining = sentences.filter((sentence) => !excluded.has(sentence));
      droppedSentences += sentences.length - remaining.length;
      const document = remaining.join(' ');
      if (document.length === 0) {
        droppedDocuments++;
        continue;
      }
      if (seen.has(document)) {
        duplicates++;
        continue;
      }
      seen.add(document);
      documents.push(document);
      kept++;
    }
    return kept;
  };
  const keptE2E = keep(e2e);
  const keptWebNLG = keep(webnlg);
  return {
    documents,
    report: {
      read: { e2eTrain: e2e.length, webnlgTrain: webnlg.length },
      evaluationTexts: excluded.size,
      droppedDocuments,
      droppedSentences,
      duplicates,
      kept: { e2eTrain: keptE2E, webnlgTrain: keptWebNLG },
    },
  };
}
