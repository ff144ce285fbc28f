// Runs html-to-text in a worker_threads Worker with a time budget, so crafted HTML (many tiny elements,
// huge tables) that takes html-to-text seconds cannot stall the event loop that answers /health and
// /send. One worker, one conversion at a time; a few wait their turn (more are refused as busy, and one
// whose caller went away is dropped), so a backlog cannot pile up bodies in memory. A conversion over
// budget terminates the worker and a fresh one is started. The worker runs the relay's own file (server.js):
// isHtmlWorker() tells that file to serve conversions instead of starting a relay. Node 18 and 20 alike.
// Under the unit's hardening a thread needs nothing added: clone()/clone3() without namespace flags are in
// @system-service, RestrictNamespaces= refuses only CLONE_NEW*, the unit sets no TasksMax=, and
// MemoryDenyWriteExecute= is already off because V8 (the worker's isolate too) compiles JIT code.
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';
import { HtmlTooDeep, textFromHtml } from './html-text.js';

const ROLE = 'relay-html-to-text';

/**
 * The relay's budget for one conversion. Ordinary mail HTML converts in milliseconds; the crafted
 * 512 KiB bodies that take seconds are what this refuses. Generous, because the worker shares a small
 * machine's cores with Postfix and OpenDKIM.
 */
export const HTML_TO_TEXT_BUDGET_MS = 5_000;

/** True inside the conversion worker thread started by HtmlToText. */
export function isHtmlWorker(): boolean {
  return !isMainThread && (workerData as { role?: unknown } | null)?.role === ROLE;
}

type Reply = { ready: true } | { text: string } | { error: string } | { tooDeep: string };

/** Worker side: answers each {html} with {text} or {error}, in order. */
export function serveHtmlToText(): void {
  const port = parentPort;
  if (!port) return;
  port.on('message', (message: { html: string }) => {
    let reply: Reply;
    try {
      reply = { text: textFromHtml(message.html) };
    } catch (error) {
      if (error instanceof HtmlTooDeep) reply = { tooDeep: error.message };
      else reply = { error: error instanceof Error ? error.message : String(error) };
    }
    port.postMessage(reply);
  });
  port.postMessage({ ready: true } satisfies Reply);
}

/**
 * Why a conversion gave no text: `budget` (took longer than budgetMs), `too_deep` (the HTML nests deeper
 * than html-to-text is let walk, so content would be cut), `failed` (html-to-text threw, or
 * the worker died while converting, e.g. past its heap limit), `busy` (maxWaiting conversions already
 * wait), `aborted` (the caller went away while it waited) or `unavailable` (no worker could start).
 */
export class HtmlToTextError extends Error {
  constructor(
    readonly kind: 'budget' | 'too_deep' | 'failed' | 'busy' | 'aborted' | 'unavailable',
    message: string,
  ) {
    super(message);
  }
}

export interface HtmlToTextOptions {
  /** The file the worker runs: the relay's own server.js (or its bundle), which calls serveHtmlToText. */
  script: string;
  /** Longest one conversion may take, counted from when the worker starts on it. */
  budgetMs: number;
  /** V8 old-space cap of the worker: a DOM of 512 KiB of markup fits in a fraction of it. */
  maxHeapMb?: number;
  /** Conversions that may wait behind the running one (default 8); more are refused as busy. */
  maxWaiting?: number;
}

interface Task {
  html: string;
  resolve: (text: string) => void;
  reject: (error: HtmlToTextError) => void;
}

export class HtmlToText {
  private worker: Worker | null = null;
  private ready = false;
  private current: Task | null = null;
  private timer: NodeJS.Timeout | null = null;
  private readonly waiting: Task[] = [];
  private closed = false;

  constructor(private readonly options: HtmlToTextOptions) {}

  get budgetMs(): number {
    return this.options.budgetMs;
  }

  /** Starts the worker ahead of the first request, so its start-up is not paid by a caller. */
  warmUp(): void {
    if (!this.closed) this.spawn();
  }

  /** `signal`: the caller went away; a conversion still waiting is dropped (a running one finishes). */
  convert(html: string, signal?: AbortSignal): Promise<string> {
    if (this.closed) return Promise.reject(new HtmlToTextError('unavailable', 'the converter is stopped'));
    if (this.waiting.length >= (this.options.maxWaiting ?? 8)) {
      return Promise.reject(new HtmlToTextError('busy', 'too many conversions are waiting'));
    }
    return new Promise((resolve, reject) => {
      const task: Task = { html, resolve, reject };
      this.waiting.push(task);
      signal?.addEventListener(
        'abort',
        () => {
          const at = this.waiting.indexOf(task);
          if (at < 0) return;
          this.waiting.splice(at, 1);
          reject(new HtmlToTextError('aborted', 'the caller went away'));
        },
        { once: true },
      );
      this.next();
    });
  }

  /** Terminates the worker; conversions still waiting fail as unavailable. */
  async close(): Promise<void> {
    this.closed = true;
    for (const task of this.waiting.splice(0)) task.reject(new HtmlToTextError('unavailable', 'the converter is stopped'));
    this.settle(new HtmlToTextError('unavailable', 'the converter is stopped'));
    const worker = this.worker;
    this.worker = null;
    if (worker) await worker.terminate();
  }

  private spawn(): Worker {
    if (this.worker) return this.worker;
    const worker = new Worker(this.options.script, {
      workerData: { role: ROLE },
      resourceLimits: { maxOldGenerationSizeMb: this.options.maxHeapMb ?? 256 },
    });
    // An idle worker must not keep a stopping relay (or a test run) alive.
    worker.unref();
    this.worker = worker;
    this.ready = false;
    worker.on('message', (reply: Reply) => {
      if (worker !== this.worker) return;
      if ('ready' in reply) {
        this.ready = true;
        this.next();
      } else if ('text' in reply) {
        this.settle(null, reply.text);
      } else if ('tooDeep' in reply) {
        this.settle(new HtmlToTextError('too_deep', reply.tooDeep));
      } else {
        this.settle(new HtmlToTextError('failed', reply.error));
      }
    });
    worker.on('error', (error) => this.lost(worker, error));
    worker.on('exit', (code) => this.lost(worker, new Error(`the worker exited with status ${code}`)));
    return worker;
  }

  /** The worker died: the conversion it held fails; a worker that never got ready means none can start. */
  private lost(worker: Worker, error: Error): void {
    if (worker !== this.worker) return;
    const wasReady = this.ready;
    this.worker = null;
    this.ready = false;
    if (!wasReady) {
      // Fail everything now rather than respawn in a loop (e.g. threads refused by the host).
      const failure = new HtmlToTextError('unavailable', `the html-to-text worker could not start: ${error.message}`);
      for (const task of this.waiting.splice(0)) task.reject(failure);
      this.settle(failure);
      return;
    }
    this.settle(new HtmlToTextError('failed', `the html-to-text worker stopped: ${error.message}`));
    this.next();
  }

  private next(): void {
    if (this.closed || this.current || this.waiting.length === 0) return;
    const worker = this.spawn();
    if (!this.ready) return;
    const task = this.waiting.shift()!;
    this.current = task;
    this.timer = setTimeout(() => {
      this.worker = null;
      this.ready = false;
      void worker.terminate();
      this.settle(new HtmlToTextError('budget', `html-to-text took longer than ${this.options.budgetMs} ms`));
      // Ready for whoever comes next.
      if (!this.closed) this.spawn();
    }, this.options.budgetMs);
    worker.postMessage({ html: task.html });
  }

  private settle(error: HtmlToTextError | null, text = ''): void {
    const task = this.current;
    this.current = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    if (task) {
      if (error) task.reject(error);
      else task.resolve(text);
    }
    this.next();
  }
}
