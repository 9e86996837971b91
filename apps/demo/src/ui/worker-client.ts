// The page's side of the model worker: requests out, events to listeners.
import type { WorkerEvent, WorkerRequest } from '../worker/protocol';

type Listener = (event: WorkerEvent) => void;

export class WorkerClient {
  private readonly listeners = new Set<Listener>();
  private nextId = 1;

  constructor(private readonly worker: Worker) {
    worker.onmessage = ({ data }: MessageEvent<WorkerEvent>) => {
      for (const listener of this.listeners) listener(data);
    };
  }

  /** A fresh id for a request that gets one reply. */
  id(): number {
    return this.nextId++;
  }

  send(request: WorkerRequest, transfer: Transferable[] = []): void {
    this.worker.postMessage(request, transfer);
  }

  on(listener: Listener): void {
    this.listeners.add(listener);
  }
}
