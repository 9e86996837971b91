// Panel 2: one MR, the base model or a prefix, greedy (streaming) or beam search, stop.

import type { PrefixName } from '../worker/protocol';
import { bindDevPicker } from './dev-picker';
import { byId, prefixLabels, setOptions } from './dom';
import type { PageState } from './page-state';
import type { WorkerClient } from './worker-client';

export function mountGeneratePanel(client: WorkerClient, state: PageState): void {
  byId('generate').hidden = false;
  const mr = byId<HTMLTextAreaElement>('gen-mr');
  const prefix = byId<HTMLSelectElement>('gen-prefix');
  const beams = byId<HTMLInputElement>('gen-beams');
  const max = byId<HTMLInputElement>('gen-max');
  const run = byId<HTMLButtonElement>('gen-run');
  const stop = byId<HTMLButtonElement>('gen-stop');
  const output = byId<HTMLOutputElement>('gen-output');
  const stats = byId('gen-stats');
  bindDevPicker(state, byId('gen-dev'), mr);
  const fillPrefixes = () =>
    setOptions(
      prefix,
      state.prefixes.map((name) => [name, prefixLabels[name] ?? name]),
    );
  fillPrefixes();
  prefix.value = state.prefixes.includes('shipped') ? 'shipped' : 'none';
  state.onPrefixes.add(fillPrefixes);
  let current = 0;
  const show = (tokens: readonly number[], text: string) => {
    output.textContent = text;
    output.dataset.tokens = tokens.join(',');
  };
  run.addEventListener('click', () => {
    current = client.id();
    show([], '');
    output.dataset.state = 'running';
    stats.textContent = Number(beams.value) > 1 ? 'Beam search running…' : 'Generating…';
    run.disabled = true;
    stop.disabled = false;
    client.send({
      type: 'generate',
      id: current,
      source: mr.value.trim(),
      prefix: prefix.value as PrefixName,
      settings: { numBeams: Number(beams.value), maxNewTokens: Number(max.value) },
    });
  });
  stop.addEventListener('click', () => client.send({ type: 'stop-generate' }));
  client.on((event) => {
    if (!('id' in event) || event.id !== current) return;
    if (event.type === 'tokens') {
      show(event.tokens, event.text);
      stats.textContent = `${event.tokens.length} tokens · first after ${event.firstTokenMs.toFixed(0)} ms · ${event.tokensPerSecond.toFixed(1)} tokens/s`;
    } else if (event.type === 'generated') {
      show(event.tokens, event.text);
      output.dataset.state = event.stopped ? 'stopped' : 'done';
      output.dataset.firstTokenMs = String(event.firstTokenMs ?? '');
      const first =
        event.firstTokenMs === null ? '' : ` · first after ${event.firstTokenMs.toFixed(0)} ms`;
      stats.textContent = `${event.stopped ? 'Stopped' : 'Done'}: ${event.tokens.length} tokens${first} · ${event.tokensPerSecond.toFixed(1)} tokens/s`;
    } else if (event.type === 'error') {
      output.dataset.state = 'error';
    } else return;
    if (event.type !== 'tokens') {
      run.disabled = false;
      stop.disabled = true;
    }
  });
}
