// The built site in headless Chromium on SwiftShader's WebGPU (no GPU needed), checked against
// the same packages in Node on the CPU backend. Needs `pnpm --filter @prefixkit/demo build`
// (turbo runs it before this test). Kept short for SwiftShader: few tokens, 20 training steps.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadPeft } from '@prefixkit/peft';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chartLosses, generateInPage, numbersOf, readyTimeout, waitReady } from './demo-page';
import { chromiumAvailable, launchChromium } from './launch-chromium';
import { beamTokens, greedyTokens, loadNodeReference, type NodeReference } from './node-reference';
import { serveDist } from './serve-dist';

const source = 'name : The Eagle | Type : coffee shop | area : riverside';
const maxNewTokens = 10;

describe.runIf(chromiumAvailable())('demo site in Chromium with WebGPU', () => {
  let server: Awaited<ReturnType<typeof serveDist>>;
  let browser: BrowserContext;
  let page: Page;
  let reference: NodeReference;
  const downloads = mkdtempSync(join(tmpdir(), 'prefixkit-demo-downloads-'));

  beforeAll(async () => {
    [server, browser, reference] = await Promise.all([
      serveDist(),
      launchChromium({ webgpu: true }),
      loadNodeReference(),
    ]);
    page = await browser.newPage();
    page.on('pageerror', (error) => console.error(`page error: ${error.message}`));
  });

  afterAll(async () => {
    await browser?.close();
    await server?.close();
  });

  test('loads prefixkit-tiny and shows what the adapter offers', async () => {
    const started = performance.now();
    await page.goto(server.url);
    await waitReady(page);
    console.log(`demo: model ready after ${((performance.now() - started) / 1000).toFixed(1)} s`);
    expect(await page.textContent('#load-label')).toBe('Model loaded.');
    const facts = await page.textContent('#adapter-facts');
    expect(facts).toContain('computed in f32');
    expect(facts).toMatch(/shader-f16(offered|missing)/);
  });

  test('greedy tokens equal the Node result token for token', async () => {
    for (const [prefix, peft] of [
      ['none', null],
      ['shipped', reference.shipped],
    ] as const) {
      const result = await generateInPage(page, { source, prefix, maxNewTokens });
      console.log(`demo: ${prefix}: ${await page.textContent('#gen-stats')}`);
      expect(result.tokens).toEqual(await greedyTokens(reference, peft, source, maxNewTokens));
    }
  });

  test('beam search (5 beams) equals the Node result', async () => {
    const settings = { numBeams: 5, maxNewTokens: 8 };
    const result = await generateInPage(page, { source, prefix: 'shipped', ...settings });
    expect(result.tokens).toEqual(await beamTokens(reference, reference.shipped, source, settings));
  });

  test('Compare shows every column with the Node tokens and BLEU for a dev MR', async () => {
    await page.selectOption('#cmp-dev', '1');
    const devSource = await page.inputValue('#cmp-mr');
    await page.fill('#cmp-max', String(maxNewTokens));
    await page.click('#cmp-run');
    await page.waitForSelector('#cmp-columns[data-state="done"]', { timeout: readyTimeout });
    const columns = await page.$$eval('#cmp-columns article', (articles) =>
      articles.map((article) => ({
        prefix: (article as HTMLElement).dataset.prefix,
        tokens: (article as HTMLElement).dataset.tokens ?? '',
        text: article.textContent ?? '',
      })),
    );
    expect(columns.map((column) => column.prefix)).toEqual(['none', 'shipped']);
    for (const column of columns) {
      const peft = column.prefix === 'shipped' ? reference.shipped : null;
      expect(numbersOf(column.tokens)).toEqual(
        await greedyTokens(reference, peft, devSource, maxNewTokens),
      );
      expect(column.text).toMatch(/BLEU \d+\.\d\d/);
    }
  });

  test('20 training steps lower the held-out loss, with a stop and a resume on the way', async () => {
    await page.fill('#train-steps', '20');
    // Batch 2 keeps SwiftShader's 20 steps short; the held-out loss still falls (lr 0.02).
    await page.fill('#train-batch', '2');
    const started = performance.now();
    await page.click('#train-start');
    await page.waitForFunction(
      () =>
        (document.querySelector('#loss-chart')?.getAttribute('data-losses') ?? '').split(',')
          .length >= 3,
      null,
      { timeout: readyTimeout },
    );
    await page.click('#train-stop');
    await page.waitForSelector('#train-stats[data-state="aborted"]', { timeout: readyTimeout });
    const stoppedAt = (await chartLosses(page)).length;
    expect(stoppedAt).toBeLessThan(20);
    expect(await page.isEnabled('#train-resume')).toBe(true);
    await page.click('#train-resume');
    await page.waitForSelector('#train-stats[data-state="completed"]', { timeout: readyTimeout });
    const losses = await chartLosses(page);
    const seconds = (performance.now() - started) / 1000;
    console.log(
      `demo: 20 steps in ${seconds.toFixed(1)} s (${(20 / seconds).toFixed(2)} steps/s with the stop); page says ${await page.getAttribute('#train-stats', 'data-steps-per-second')} steps/s; loss ${losses[0]?.toFixed(3)} -> ${losses.at(-1)?.toFixed(3)}`,
    );
    expect(losses).toHaveLength(20);
    // Per-step training losses swing with each batch's sentences; the held-out loss (measured
    // before step 1, at the stop and at the end) is what training lowers.
    const heldOut = numbersOf(await page.getAttribute('#train-eval', 'data-losses'));
    console.log(`demo: held-out loss ${heldOut.map((loss) => loss.toFixed(4)).join(' -> ')}`);
    expect(heldOut).toHaveLength(3);
    expect(heldOut[2]!).toBeLessThan(heldOut[0]!);
  });

  test('the downloaded prefix loads in Node and gives the same greedy tokens there', async () => {
    const inPage = await generateInPage(page, { source, prefix: 'trained', maxNewTokens });
    const saved = new Map<string, string>();
    const both = new Promise<void>((resolve) => {
      page.on('download', async (download) => {
        const path = join(downloads, download.suggestedFilename());
        await download.saveAs(path);
        saved.set(download.suggestedFilename(), path);
        if (saved.size === 2) resolve();
      });
    });
    await page.click('#train-download');
    await both;
    const peft = await loadPeft(reference.model, {
      config: readFileSync(saved.get('adapter_config.json')!, 'utf8'),
      weights: readFileSync(saved.get('adapter_model.safetensors')!),
    });
    expect(inPage.tokens).toEqual(await greedyTokens(reference, peft, source, maxNewTokens));
    expect(inPage.tokens).not.toEqual(
      await greedyTokens(reference, reference.shipped, source, maxNewTokens),
    );
    peft.dispose();
  });

  test('an upload for another model is refused naming the field; a fitting one is offered', async () => {
    const config = readFileSync(join(downloads, 'adapter_config.json'), 'utf8');
    const weights = readFileSync(join(downloads, 'adapter_model.safetensors'));
    const upload = (text: string) =>
      page.setInputFiles('#train-upload', [
        { name: 'adapter_config.json', mimeType: 'application/json', buffer: Buffer.from(text) },
        {
          name: 'adapter_model.safetensors',
          mimeType: 'application/octet-stream',
          buffer: weights,
        },
      ]);
    await upload(config.replace('"num_layers": 4', '"num_layers": 12'));
    await page.waitForSelector('#upload-status[data-state="error"]', { timeout: readyTimeout });
    expect(await page.textContent('#upload-status')).toContain('field num_layers');
    await upload(config);
    await page.waitForSelector('#upload-status[data-state="done"]', { timeout: readyTimeout });
    expect(
      await page.$$eval('#gen-prefix option', (options) =>
        options.map((o) => (o as HTMLOptionElement).value),
      ),
    ).toContain('uploaded');
  });

  test('a reload starts from Cache Storage', async () => {
    await page.reload();
    await waitReady(page);
    expect(await page.textContent('#load-label')).toBe('Model loaded from the cache.');
  });
});

describe.runIf(chromiumAvailable())('demo site in Chromium without WebGPU', () => {
  test('shows the page that says what to enable or install', async () => {
    const [server, browser] = await Promise.all([serveDist(), launchChromium({ webgpu: false })]);
    try {
      const page = await browser.newPage();
      await page.goto(server.url);
      await page.waitForSelector('#unsupported:not([hidden])', { timeout: 30_000 });
      expect(await page.textContent('#unsupported-reason')).toMatch(/navigator\.gpu/);
      expect(await page.isHidden('#generate')).toBe(true);
    } finally {
      await browser.close();
      await server.close();
    }
  });
});
