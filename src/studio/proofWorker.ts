/**
 * The proof worker's thread (started by proofPool.ts): proves the files it is sent, one request at a
 * time, and answers with the findings (plain data) or the error's message.
 */
import { parentPort } from 'node:worker_threads';
import type { ConfigFiles } from './configFiles';
import { proveFiles, type FilesProof, type ProveFilesOptions } from './proveFiles';

export interface ProofRequest {
  id: number;
  files: ConfigFiles;
  options: ProveFilesOptions;
}

export type ProofAnswer = { id: number; proof: FilesProof } | { id: number; error: string };

parentPort?.on('message', (request: ProofRequest) => {
  let answer: ProofAnswer;
  try {
    answer = { id: request.id, proof: proveFiles(request.files, request.options) };
  } catch (error) {
    answer = { id: request.id, error: error instanceof Error ? error.message : String(error) };
  }
  parentPort?.postMessage(answer);
});
