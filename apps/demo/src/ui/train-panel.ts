// Panel 4: prefix-tuning on the shipped E2E sample with a live loss chart, stop and resume,
// download as PEFT files, upload a PEFT prefix trained elsewhere.
import type { TrainSettings } from '../worker/protocol';
import { byId } from './dom';
import { drawLossChart } from './loss-chart';
import { type PageState, setPrefixes } from './page-state';
import { peftFileNames, readPeftUpload, saveFile } from './peft-files';
import type { WorkerClient } from './worker-client';

export function mountTrainPanel(
  client: WorkerClient,
  state: PageState,
  sizes: { trainPairs: number; heldOutPairs: number },
): void {
  const { trainPairs, heldOutPairs } = sizes;
  byId('train').hidden = false;
  byId('train-about').textContent =
    `Prefix-tunes the frozen model on the shipped E2E sample (${trainPairs} training pairs): a 9-slot prefix initialised from the E2E field names, AdamW, no warm-up.`;
  const start = byId<HTMLButtonElement>('train-start');
  const stop = byId<HTMLButtonElement>('train-stop');
  const resume = byId<HTMLButtonElement>('train-resume');
  const download = byId<HTMLButtonElement>('train-download');
  const upload = byId<HTMLInputElement>('train-upload');
  const chart = byId('loss-chart') as unknown as SVGSVGElement;
  const stats = byId('train-stats');
  const uploadStatus = byId('upload-status');
  const heldOut = byId('train-eval');
  let losses: number[] = [];
  let evaluations: { step: number; evalLoss: number }[] = [];
  const settings = (): TrainSettings => ({
    steps: Number(byId<HTMLInputElement>('train-steps').value),
    learningRate: Number(byId<HTMLInputElement>('train-lr').value),
    batchSize: Number(byId<HTMLInputElement>('train-batch').value),
  });
  const running = (on: boolean) => {
    start.disabled = on;
    stop.disabled = !on;
    resume.disabled = true;
    stats.dataset.state = on ? 'running' : stats.dataset.state;
  };
  start.addEventListener('click', () => {
    losses = [];
    evaluations = [];
    heldOut.textContent = 'Measuring the held-out loss…';
    chart.dataset.losses = '';
    running(true);
    stats.textContent = 'Starting…';
    client.send({ type: 'train', settings: settings(), resume: false });
  });
  stop.addEventListener('click', () => client.send({ type: 'stop-train' }));
  resume.addEventListener('click', () => {
    running(true);
    client.send({ type: 'train', settings: settings(), resume: true });
  });
  let downloadId = 0;
  download.addEventListener('click', () => {
    downloadId = client.id();
    client.send({ type: 'download', id: downloadId });
  });
  let uploadId = 0;
  upload.addEventListener('change', async () => {
    try {
      const files = await readPeftUpload([...(upload.files ?? [])]);
      uploadId = client.id();
      uploadStatus.textContent = 'Loading the uploaded prefix…';
      client.send({ type: 'upload', id: uploadId, ...files }, [files.weights.buffer]);
    } catch (error) {
      uploadStatus.textContent = (error as Error).message;
    }
  });
  client.on((event) => {
    if (event.type === 'train-progress') {
      losses.push(event.loss);
      chart.dataset.losses = losses.join(',');
      drawLossChart(chart, losses);
      stats.textContent = `step ${event.step}/${event.totalSteps} · loss ${event.loss.toFixed(4)} · ${event.stepsPerSecond.toFixed(2)} steps/s`;
      stats.dataset.stepsPerSecond = String(event.stepsPerSecond);
    } else if (event.type === 'train-eval') {
      evaluations.push(event);
      heldOut.dataset.losses = evaluations.map((e) => e.evalLoss).join(',');
      heldOut.textContent = `Held-out loss (${heldOutPairs} dev references): ${evaluations
        .map((e) => `step ${e.step}: ${e.evalLoss.toFixed(4)}`)
        .join(' → ')}`;
    } else if (event.type === 'train-ended') {
      running(false);
      stats.dataset.state = event.stoppedBy;
      resume.disabled = event.step >= event.totalSteps;
      download.disabled = false;
      stats.textContent += event.stoppedBy === 'aborted' ? ' · stopped' : ' · done';
      setPrefixes(state, event.prefixes);
    } else if (event.type === 'downloaded' && event.id === downloadId) {
      saveFile(peftFileNames.config, event.config, 'application/json');
      saveFile(
        peftFileNames.weights,
        event.weights as Uint8Array<ArrayBuffer>,
        'application/octet-stream',
      );
    } else if (event.type === 'uploaded' && event.id === uploadId) {
      uploadStatus.textContent = 'Uploaded prefix loaded: pick "uploaded" in Generate or Compare.';
      uploadStatus.dataset.state = 'done';
      setPrefixes(state, event.prefixes);
    } else if (event.type === 'error' && event.id === uploadId && uploadId !== 0) {
      uploadStatus.textContent = event.message;
      uploadStatus.dataset.state = 'error';
    } else if (event.type === 'error' && event.id === null && stop.disabled === false) {
      running(false);
    }
  });
}
