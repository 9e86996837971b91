// Node-only API of @prefixkit/gpt2: file handles, checkpoint folders and the Hugging Face hub cache.
// Imports of `*.node.ts` files are spelled `*.node.js`: tsup treats a path ending in `.node` as
// a native addon and fails to resolve it; `.js` resolves to the `.ts` source everywhere.
export {
  openGpt2CheckpointDirectory,
  readGpt2CheckpointDirectory,
  writeGpt2Checkpoint,
} from './checkpoint/gpt2-checkpoint-directory.node.js';
export { repoFolderName } from './hub/cache-layout.node.js';
export {
  downloadGpt2,
  type HubFileRequest,
  type HubSnapshotRequest,
  hubDownload,
  hubDownloadSnapshot,
} from './hub/hub-download.node.js';
export { type HubOptions, type HubSettings, resolveHubSettings } from './hub/hub-settings.node.js';
export {
  hubRepoId,
  type ModelSource,
  resolveModelReference,
} from './hub/model-reference.node.js';
export { fileByteSource } from './safetensors/file-byte-source.node.js';
export { openSafetensorsFile, writeSafetensorsFile } from './safetensors/safetensors-file.node.js';
export {
  type DirectoryTokenizer,
  loadModelFolderTokenizer,
  readTokenizerDirectory,
} from './tokenizer/tokenizer-directory.node.js';
