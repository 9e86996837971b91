// What the panels share once the model is ready: the dev set and the prefixes that exist.
import type { DevGroup, PrefixName } from '../worker/protocol';

export interface PageState {
  devSet: readonly DevGroup[];
  prefixes: readonly PrefixName[];
  /** Called when `prefixes` changes (training ended, an upload loaded). */
  readonly onPrefixes: Set<() => void>;
}

export function createPageState(): PageState {
  return { devSet: [], prefixes: ['none'], onPrefixes: new Set() };
}

export function setPrefixes(state: PageState, prefixes: readonly PrefixName[]): void {
  state.prefixes = prefixes;
  for (const listener of state.onPrefixes) listener();
}
