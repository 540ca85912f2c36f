/**
 * Web Worker entry: key generation, signing, key protection and PFX packaging run here so the page stays responsive.
 * Created by `certificate-client.ts` with `new Worker(new URL('./certificate.worker.ts', import.meta.url))`.
 */
import type { WorkerRequest, WorkerResponse } from './worker-protocol';
import { handleWorkerRequest } from './certificate-worker-handler';

/** The parts of DedicatedWorkerGlobalScope used here (the app's lib settings type `self` as a window). */
interface WorkerScope {
  addEventListener(type: 'message', listener: (event: MessageEvent<WorkerRequest>) => void): void;
  postMessage(message: WorkerResponse, transfer: Transferable[]): void;
}

const scope = self as unknown as WorkerScope;

scope.addEventListener('message', (event) => {
  void handleWorkerRequest(event.data, (response, transfer) => scope.postMessage(response, transfer));
});
