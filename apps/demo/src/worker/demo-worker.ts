// The model worker: every tensor lives here, so the page stays responsive while the model loads,
// generates and trains. Jobs run one at a time (queue); stop requests act at once.
import { loadPeft, savePeft } from '@prefixkit/peft';
import { runCompareJob } from './compare-job';
import { readE2ESample } from './e2e-sample';
import { runGenerateJob } from './generate-job';
import { type DemoModel, loadDemoModel } from './load-demo-model';
import { PrefixRegistry } from './prefix-registry';
import type { WorkerEvent, WorkerRequest } from './protocol';
import { heldOutExamples, type TrainListeners, TrainSession } from './train-session';

interface WorkerScope {
  postMessage(message: WorkerEvent, transfer?: Transferable[]): void;
  onmessage: ((event: MessageEvent<WorkerRequest>) => void) | null;
}
const scope = self as unknown as WorkerScope;
const post = (event: WorkerEvent, transfer: Transferable[] = []) =>
  scope.postMessage(event, transfer);

let demo: DemoModel | null = null;
let session: TrainSession | null = null;
const registry = new PrefixRegistry();
let stopGenerate = new AbortController();
let queue: Promise<void> = Promise.resolve();

function loaded(): DemoModel {
  if (!demo) throw new Error('the model is not loaded yet');
  return demo;
}

function errorEvent(error: unknown, id: number | null): WorkerEvent {
  const code = (error as { code?: unknown }).code;
  return {
    type: 'error',
    id,
    message: error instanceof Error ? error.message : String(error),
    code: typeof code === 'string' ? code : null,
  };
}

async function init(baseUrl: string): Promise<void> {
  const started = performance.now();
  demo = await loadDemoModel(baseUrl, (file, loaded, total, cached) =>
    post({ type: 'load-progress', file, loaded, total, cached }),
  );
  const sample = await readE2ESample(await demo.text('trainSample'), await demo.text('devSample'));
  registry.set('shipped', demo.shipped);
  const heldOut = sample.dev
    .slice(0, heldOutExamples)
    .map((group) => ({ source: group.source, target: group.references[0]! }));
  session = new TrainSession(demo.model, demo.tokenizer, sample.train, heldOut);
  post({
    type: 'ready',
    adapter: demo.adapter,
    weightsDtype: demo.weightsDtype,
    computeDtype: demo.model.dtype,
    loadMs: performance.now() - started,
    devSet: sample.dev,
    trainPairs: sample.train.length,
    heldOutPairs: heldOut.length,
    prefixes: registry.names(),
  });
}

async function train(request: Extract<WorkerRequest, { type: 'train' }>): Promise<void> {
  const current = session;
  if (!current) throw new Error('the model is not loaded yet');
  const listeners: TrainListeners = {
    onStep: (event, stepsPerSecond) =>
      post({
        type: 'train-progress',
        step: event.step,
        totalSteps: event.totalSteps,
        loss: event.loss,
        stepsPerSecond,
      }),
    onEvaluate: (event) => post({ type: 'train-eval', step: event.step, evalLoss: event.evalLoss }),
  };
  const result = request.resume
    ? await current.resume(listeners)
    : await current.start(request.settings, listeners);
  registry.set('trained', current.peft!);
  post({
    type: 'train-ended',
    step: result.steps,
    totalSteps: request.settings.steps,
    stoppedBy: result.stoppedBy,
    prefixes: registry.names(),
  });
}

async function handle(request: WorkerRequest): Promise<void> {
  switch (request.type) {
    case 'init':
      return init(request.baseUrl);
    case 'generate': {
      const { model, tokenizer } = loaded();
      stopGenerate = new AbortController();
      const result = await runGenerateJob({
        model,
        tokenizer,
        peft: registry.get(request.prefix),
        source: request.source,
        settings: request.settings,
        onTokens: (tokens, text, timing) =>
          post({ type: 'tokens', id: request.id, tokens, text, ...timing }),
        signal: stopGenerate.signal,
      });
      post({
        type: 'generated',
        id: request.id,
        tokens: result.tokens,
        text: result.text,
        stopped: result.stopped,
        firstTokenMs: result.firstTokenMs ?? null,
        tokensPerSecond: result.tokensPerSecond ?? 0,
      });
      return;
    }
    case 'compare': {
      const { model, tokenizer } = loaded();
      const started = performance.now();
      const rows = await runCompareJob({ model, tokenizer, registry, ...request });
      post({ type: 'compared', id: request.id, rows, ms: performance.now() - started });
      return;
    }
    case 'train':
      return train(request);
    case 'download': {
      const peft = registry.get('trained');
      const files = await savePeft(peft!, { baseModelNameOrPath: 'prefixkit-tiny' });
      const weights = files['adapter_model.safetensors'];
      post({ type: 'downloaded', id: request.id, config: files['adapter_config.json'], weights }, [
        weights.buffer,
      ]);
      return;
    }
    case 'upload': {
      const peft = await loadPeft(loaded().model, {
        config: request.config,
        weights: request.weights,
      });
      try {
        registry.set('uploaded', peft);
      } catch (error) {
        peft.dispose();
        throw error;
      }
      post({ type: 'uploaded', id: request.id, prefixes: registry.names() });
      return;
    }
    default:
      return;
  }
}

scope.onmessage = ({ data: request }) => {
  // Stop requests must not wait behind the job they stop.
  if (request.type === 'stop-generate') {
    stopGenerate.abort();
    return;
  }
  if (request.type === 'stop-train') {
    session?.stop();
    return;
  }
  const id = 'id' in request ? request.id : null;
  queue = queue.then(() => handle(request)).catch((error: unknown) => post(errorEvent(error, id)));
};
