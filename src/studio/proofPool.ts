/**
 * The proof off the event loop: one worker thread (node:worker_threads), started at the first proof
 * and kept for the next ones, proves a version's files while the process goes on answering calls and
 * chats. Requests wait their turn in the worker. A worker that dies fails the proofs it held; the next
 * proof starts a new one.
 *
 * The worker loads the proof as the process loaded this file: compiled JavaScript (dist/, `npm start`),
 * or TypeScript through tsx (`npm run dev`, and the tests, whose own loader does not reach a thread).
 */
import { join } from 'node:path';
import { Worker } from 'node:worker_threads';
import type { ConfigFiles } from './configFiles';
import type { ProofAnswer, ProofRequest } from './proofWorker';
import type { FilesProof, ProveFilesOptions } from './proveFiles';

export interface ProofPool {
  prove(files: ConfigFiles, options: ProveFilesOptions): Promise<FilesProof>;
  /** Proofs sent to the worker and not answered yet. */
  pending(): number;
  /** Stops the worker (the proofs it held fail). */
  close(): Promise<void>;
}

/** Runs in the new thread: tsx first when the proof is TypeScript, then the worker's module. */
const BOOTSTRAP = `
const { workerData } = require('node:worker_threads');
if (workerData.tsx !== null) require(workerData.tsx).register();
require(workerData.entry);
`;

function workerData(): { entry: string; tsx: string | null } {
  const typescript = __filename.endsWith('.ts');
  return { entry: join(__dirname, typescript ? 'proofWorker.ts' : 'proofWorker.js'), tsx: typescript ? require.resolve('tsx/cjs/api') : null };
}

export function createProofPool(): ProofPool {
  let worker: Worker | null = null;
  let nextId = 0;
  const waiting = new Map<number, { resolve(proof: FilesProof): void; reject(error: Error): void }>();

  const settled = () => {
    // An idle worker does not keep the process alive.
    if (waiting.size === 0) worker?.unref();
  };
  const failAll = (error: Error) => {
    for (const pending of waiting.values()) pending.reject(error);
    waiting.clear();
  };

  const started = (): Worker => {
    if (worker !== null) return worker;
    const thread = new Worker(BOOTSTRAP, { eval: true, workerData: workerData() });
    thread.on('message', (answer: ProofAnswer) => {
      const pending = waiting.get(answer.id);
      waiting.delete(answer.id);
      if ('proof' in answer) pending?.resolve(answer.proof);
      else pending?.reject(new Error(`the proof failed: ${answer.error}`));
      settled();
    });
    thread.on('error', (error) => {
      if (worker === thread) worker = null;
      failAll(error);
    });
    thread.on('exit', (code) => {
      if (worker === thread) worker = null;
      failAll(new Error(`the proof worker stopped (exit code ${code})`));
    });
    worker = thread;
    return thread;
  };

  return {
    prove(files, options) {
      const thread = started();
      const id = ++nextId;
      return new Promise<FilesProof>((resolve, reject) => {
        waiting.set(id, { resolve, reject });
        thread.ref();
        const request: ProofRequest = { id, files, options };
        thread.postMessage(request);
      });
    },
    pending: () => waiting.size,
    async close() {
      const thread = worker;
      worker = null;
      if (thread) await thread.terminate();
      failAll(new Error('the proof worker was stopped'));
    },
  };
}
