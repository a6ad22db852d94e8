import type { KeyObject } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import { RoledeckError } from '../../../shared/contract/errors';
import { toCloudFrontBase64 } from '../../../shared/logic/cloudfront-base64';
import { inThreadSigner, type BatchSigner } from './policy-signer';

/**
 * Batch signing on worker threads, so 10,000 signatures neither block the main process (the app
 * window, the CLI socket) nor wait on one core. Each chunk of policies travels with the KeyObject
 * (Node hands KeyObjects to other threads without re-parsing anything), so a worker keeps no key
 * after its chunk. Chunks are taken from one queue: a worker slowed by other load takes fewer.
 *
 * The worker body is a small CommonJS script run with `eval: true`: it needs only node:crypto,
 * and this way it runs the same under Vitest, tsx, the bundled Electron main and the bundled CLI,
 * where a separate worker file would need its own entry in every build.
 */
const WORKER_SOURCE = `
'use strict';
const { parentPort } = require('node:worker_threads');
const { sign } = require('node:crypto');
parentPort.on('message', ({ id, key, policies }) => {
  try {
    const signatures = new Array(policies.length);
    for (let i = 0; i < policies.length; i += 1) signatures[i] = sign('sha1', Buffer.from(policies[i], 'utf8'), key).toString('base64');
    parentPort.postMessage({ id, signatures });
  } catch (error) {
    parentPort.postMessage({ id, error: String(error && error.message) });
  }
});
`;

interface Reply {
  id: number;
  signatures?: string[];
  error?: string;
}

interface Pending {
  resolve: (signatures: string[]) => void;
  reject: (error: Error) => void;
}

class PoolWorker {
  private readonly worker = new Worker(WORKER_SOURCE, { eval: true });
  private readonly pending = new Map<number, Pending>();
  private nextId = 1;
  failed = false;

  constructor() {
    // Idle workers must not keep the CLI (or a test run) alive; a worker with work pending does.
    this.worker.unref();
    this.worker.on('message', (reply: Reply) => {
      const waiting = this.pending.get(reply.id);
      if (!waiting) return;
      this.pending.delete(reply.id);
      if (this.pending.size === 0) this.worker.unref();
      if (reply.signatures) waiting.resolve(reply.signatures);
      else waiting.reject(new RoledeckError('INTERNAL', `Signing failed in a worker thread: ${reply.error ?? 'no answer'}.`));
    });
    const fail = (reason: string) => {
      this.failed = true;
      for (const waiting of this.pending.values()) waiting.reject(new RoledeckError('INTERNAL', `A signing worker thread stopped (${reason}). Try again.`));
      this.pending.clear();
    };
    this.worker.on('error', (error) => fail(error.message));
    this.worker.on('exit', (code) => fail(`exit code ${code}`));
  }

  sign(key: KeyObject, policies: string[]): Promise<string[]> {
    if (this.failed) return Promise.reject(new RoledeckError('INTERNAL', 'A signing worker thread stopped. Try again.'));
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      this.worker.ref();
      this.worker.postMessage({ id, key, policies });
    });
  }

  terminate(): Promise<number> {
    return this.worker.terminate();
  }
}

export interface WorkerPoolOptions {
  /** Worker threads; the design budget is measured with two on a two-core machine. */
  size?: number;
  /** Below this many policies the batch is signed on the calling thread: a message round trip would cost more. */
  minBatch?: number;
}

/** A BatchSigner on a small pool of worker threads, started on first use. */
export class WorkerPoolSigner implements BatchSigner {
  private readonly size: number;
  private readonly minBatch: number;
  private workers: PoolWorker[] = [];

  constructor(options: WorkerPoolOptions = {}) {
    this.size = Math.max(1, options.size ?? 2);
    this.minBatch = options.minBatch ?? 32;
  }

  private pool(): PoolWorker[] {
    this.workers = this.workers.filter((worker) => !worker.failed);
    while (this.workers.length < this.size) this.workers.push(new PoolWorker());
    return this.workers;
  }

  async sign(privateKey: KeyObject, policies: readonly string[]): Promise<string[]> {
    if (policies.length < this.minBatch) return inThreadSigner.sign(privateKey, policies);
    const workers = this.pool();
    const chunkSize = Math.min(256, Math.max(16, Math.ceil(policies.length / (workers.length * 8))));
    const queue: number[] = [];
    for (let start = 0; start < policies.length; start += chunkSize) queue.push(start);
    const signatures = new Array<string>(policies.length);
    await Promise.all(
      workers.map(async (worker) => {
        for (let start = queue.shift(); start !== undefined; start = queue.shift()) {
          const chunk = await worker.sign(privateKey, policies.slice(start, start + chunkSize));
          chunk.forEach((signature, offset) => (signatures[start + offset] = toCloudFrontBase64(signature)));
        }
      }),
    );
    return signatures;
  }

  /** Stops the workers (the app on quit, tests when done); the next batch starts new ones. */
  async close(): Promise<void> {
    const workers = this.workers;
    this.workers = [];
    await Promise.all(workers.map((worker) => worker.terminate()));
  }
}
