// The page: checks for WebGPU, starts the model worker and mounts the four panels once the model
// is ready.
import { mountCapabilityPanel } from './ui/capability-panel';
import { mountComparePanel } from './ui/compare-panel';
import { byId } from './ui/dom';
import { mountGeneratePanel } from './ui/generate-panel';
import { createPageState, setPrefixes } from './ui/page-state';
import { showUnsupported, webGpuProblem } from './ui/show-unsupported';
import { mountTrainPanel } from './ui/train-panel';
import { WorkerClient } from './ui/worker-client';

async function start(): Promise<void> {
  const problem = await webGpuProblem();
  if (problem) {
    showUnsupported(problem);
    return;
  }
  const worker = new Worker(new URL('./worker/demo-worker.ts', import.meta.url), {
    type: 'module',
    name: 'prefixkit-model',
  });
  const client = new WorkerClient(worker);
  const state = createPageState();
  mountCapabilityPanel((listener) => client.on(listener));
  client.on((event) => {
    if (event.type === 'ready') {
      state.devSet = event.devSet;
      setPrefixes(state, event.prefixes);
      mountGeneratePanel(client, state);
      mountComparePanel(client, state);
      mountTrainPanel(client, state, event);
      document.body.dataset.state = 'ready';
    } else if (event.type === 'error') {
      byId('error').textContent = event.code ? `${event.code}: ${event.message}` : event.message;
      if (!document.body.dataset.state) document.body.dataset.state = 'failed';
    }
  });
  client.send({ type: 'init', baseUrl: new URL('./', window.location.href).href });
}

start().catch((error: unknown) => {
  byId('error').textContent = String(error);
  document.body.dataset.state = 'failed';
});
