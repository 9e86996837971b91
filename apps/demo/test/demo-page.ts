// Reading and driving the demo page from the browser tests (element ids from index.html).
import type { Page } from 'playwright-core';

export const readyTimeout = 180_000;

export async function waitReady(page: Page): Promise<void> {
  await page.waitForFunction(() => document.body.dataset.state, null, { timeout: readyTimeout });
  const state = await page.evaluate(() => document.body.dataset.state);
  if (state !== 'ready')
    throw new Error(`page state ${state}: ${await page.textContent('#error')}`);
}

/** The numbers of a comma-separated data attribute (token ids, losses). */
export function numbersOf(attribute: string | null): number[] {
  return attribute ? attribute.split(',').map(Number) : [];
}

/** Generates `source` in the Generate panel (greedy unless `numBeams`); returns the tokens. */
export async function generateInPage(
  page: Page,
  options: { source: string; prefix: string; maxNewTokens: number; numBeams?: number },
): Promise<{ tokens: number[]; firstTokenMs: number }> {
  await page.selectOption('#gen-prefix', options.prefix);
  await page.fill('#gen-mr', options.source);
  await page.fill('#gen-beams', String(options.numBeams ?? 1));
  await page.fill('#gen-max', String(options.maxNewTokens));
  await page.click('#gen-run');
  await page.waitForSelector('#gen-output:is([data-state="done"], [data-state="error"])', {
    timeout: readyTimeout,
  });
  if ((await page.getAttribute('#gen-output', 'data-state')) === 'error')
    throw new Error(`generate failed: ${await page.textContent('#error')}`);
  return {
    tokens: numbersOf(await page.getAttribute('#gen-output', 'data-tokens')),
    firstTokenMs: Number(await page.getAttribute('#gen-output', 'data-first-token-ms')),
  };
}

/** The losses drawn so far on the training chart. */
export async function chartLosses(page: Page): Promise<number[]> {
  return numbersOf(await page.getAttribute('#loss-chart', 'data-losses'));
}
