// Option keys are camelCase in schemas and config files (`maxNewTokens`); on the command line
// they are kebab-case flags (`--max-new-tokens`). Both spellings are accepted on the command line.

/** `maxNewTokens` -> `max-new-tokens`. */
export function toFlag(key: string): string {
  return key.replace(/[A-Z]/g, (letter) => `-${letter.toLowerCase()}`);
}

/** `max-new-tokens` -> `maxNewTokens`. */
export function toKey(flag: string): string {
  return flag.replace(/-([a-z0-9])/g, (_, letter: string) => letter.toUpperCase());
}
