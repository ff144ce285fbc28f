// One webhook POST over node:http or node:https (certificates verified), bounded in time and in how
// much of the answer it reads: only the status matters (2xx = taken), the receiver's body is discarded.
import http from 'node:http';
import https from 'node:https';

export interface PostResult {
  ok: boolean;
  /** The HTTP status, when the receiver answered. */
  status?: number;
  /** Why it did not count as taken (an errno code, "timed out", or the status), for the log line. */
  reason: string;
}

export type Post = (url: string, headers: Record<string, string>, body: string, timeoutMs: number) => { done: Promise<PostResult>; abort: () => void };

export const postWebhook: Post = (url, headers, body, timeoutMs) => {
  const target = new URL(url);
  const transport = target.protocol === 'https:' ? https : http;
  const payload = Buffer.from(body, 'utf8');
  let abort: () => void = () => undefined;
  const done = new Promise<PostResult>((resolve) => {
    let settled = false;
    const finish = (result: PostResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      resolve(result);
    };
    const request = transport.request(
      target,
      {
        method: 'POST',
        headers: { ...headers, 'content-type': 'application/json', 'content-length': String(payload.length), 'user-agent': 'relayconf-webhook/1' },
        // Never the process-wide NODE_TLS_REJECT_UNAUTHORIZED: an event goes only to the certificate's owner.
        ...(target.protocol === 'https:' ? { rejectUnauthorized: true } : {}),
        agent: false,
      },
      (response) => {
        const status = response.statusCode ?? 0;
        // Read to the end (and drop) so the socket closes cleanly; the timer still bounds a body without end.
        response.on('data', () => undefined);
        response.on('end', () => finish(status >= 200 && status < 300 ? { ok: true, status, reason: `HTTP ${status}` } : { ok: false, status, reason: `HTTP ${status}` }));
        response.on('error', (error: NodeJS.ErrnoException) => finish({ ok: false, status, reason: error.code ?? 'response error' }));
      },
    );
    const timer = setTimeout(() => {
      finish({ ok: false, reason: `timed out after ${timeoutMs} ms` });
      request.destroy();
    }, timeoutMs);
    abort = () => {
      finish({ ok: false, reason: 'aborted: the relay is stopping' });
      request.destroy();
    };
    request.on('error', (error: NodeJS.ErrnoException) => finish({ ok: false, reason: error.code ?? error.message }));
    request.end(payload);
  });
  return { done, abort: () => abort() };
};
