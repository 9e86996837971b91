// @prefixkit/datasets: the browser-safe core. File-system helpers are in `./node`.

export {
  type Batch,
  type BucketOptions,
  bucketBatches,
  padBatch,
} from './batching/bucket-batches';
export {
  encodePrompt,
  gpt2EndOfTextId,
  ignoreLabel,
  type OverlongPolicy,
  type OverlongReport,
  overlongPolicies,
  type TokenEncoder,
  type TokenizedExample,
  type TokenizeOptions,
  type TokenizeSetOptions,
  tokenizeExamples,
  tokenizeTrainingExample,
  tokenizeTrainingSet,
} from './batching/tokenize-example';
export { dartReferenceGroups, dartTrainingPairs } from './dart/dart-examples';
export { type DartTriple, linearizeDart } from './dart/linearize-dart';
export { type DartEntry, dartEntrySchema, readDartJson, readDartXml } from './dart/read-dart';
export { e2eReferenceGroups, e2eTrainingPairs } from './e2e/e2e-examples';
export { type E2EAttribute, type E2ERecord, e2eRecordSchema } from './e2e/e2e-record';
export {
  type E2ELinearizeOptions,
  e2eKeyNames,
  linearizeE2E,
  tokenizeE2EValue,
} from './e2e/linearize-e2e';
export { formatMeaningRepresentation, parseMeaningRepresentation } from './e2e/parse-mr';
export { readE2E } from './e2e/read-e2e';
export { type PaperE2ELine, readPaperE2E } from './e2e/read-paper-e2e';
export {
  ChecksumMismatchError,
  DataRecordError,
  DatasetNotFoundError,
  DatasetOptionError,
  DownloadError,
  ExampleTooLongError,
  type RecordLocation,
  TextEncodingError,
} from './errors';
export {
  paperBannedTokenIds,
  paperDecoding,
  paperMinNewTokensFor,
} from './paper-decoding';
export {
  groupReferences,
  type ReferenceGroup,
  type ReferenceItem,
} from './records/group-references';
export {
  type InvalidRecordPolicy,
  type ReadOptions,
  type ReadReport,
  RecordStream,
} from './records/record-stream';
export {
  formatE2EReferences,
  formatOutputLines,
  formatWebNLGReferenceFiles,
  normalizeWebNLGReference,
} from './records/reference-writers';
export type { DataFile } from './sources/data-file';
export type { ByteCache, DataSource, FetchLike } from './sources/data-source';
export {
  type DatasetId,
  type DatasetInfo,
  datasetInfo,
  prefixTuningCitation,
} from './sources/dataset-info';
export {
  createFetchSource,
  createMemoryCache,
  type FetchSourceOptions,
  fetchDataFile,
  sha256Hex,
} from './sources/fetch-source';
export { dataManifest } from './sources/manifest.generated';
export {
  dartSplitFile,
  e2eCleanedFiles,
  e2eFiles,
  readDartSplit,
  readE2ECleanedSplit,
  readE2ESplit,
  readWebNLGSplit,
  readXsumSplit,
  webnlgSplitFiles,
} from './sources/read-splits';
export { type LowDataOptions, type LowDataSubset, sampleLowData } from './subsets/sample-low-data';
export { mixSeed, seededRandom } from './subsets/seeded-random';
export {
  alternativeTemplates,
  endOfText,
  formatPrompt,
  formatTrainingText,
  lowDataTemplate,
  paperTemplate,
  type TextPair,
  type TextTemplate,
} from './templates';
export { type CsvRow, readCsv } from './text/read-csv';
export { type JsonArrayItem, readJsonArray } from './text/read-json-array';
export { type NumberedLine, readLines } from './text/read-lines';
export { decodeXmlText, readXmlElements, type XmlElement } from './text/read-xml-elements';
export { decodeUtf8, decodeUtf8Text, type TextInput, textChunks } from './text/text-input';
export { findInvalidUtf8, type Utf8Problem } from './text/utf8-check';
export { linearizeWebNLG, linearizeWebNLGForDecoding } from './webnlg/linearize-webnlg';
export { readWebNLG } from './webnlg/read-webnlg';
export { readWebNLGJson } from './webnlg/read-webnlg-json';
export {
  inWebNLGSubset,
  type Lexicalisation,
  type Triple,
  type WebNLGEntry,
  type WebNLGTestSubset,
  webnlgEntrySchema,
  webnlgSeenCategories,
  webnlgSubsetIndices,
  webnlgTestSubsets,
  webnlgUnseenCategories,
} from './webnlg/webnlg-entry';
export { webnlgReferenceGroups, webnlgTrainingPairs } from './webnlg/webnlg-examples';
export {
  readXsumJsonl,
  readXsumPairs,
  type XsumJsonlFields,
  type XsumRecord,
  type XsumSplit,
  xsumRecordSchema,
  xsumSplits,
} from './xsum/read-xsum';
