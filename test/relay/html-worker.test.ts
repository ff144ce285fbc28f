// Tests of the html-to-text worker thread (src/relay/html-worker.ts) running the built relay bundle, as
// server.js does: conversions in order, the budget terminating a worker and a fresh one taking over, the
// waiting line capped and left by callers that went away, and a script that cannot start failing every
// waiting conversion as unavailable instead of respawning.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, expect, test } from 'vitest';
import { HtmlToText, HtmlToTextError } from '../../src/relay/html-worker.js';
import { BUNDLE, ensureBundle } from './helpers/relay-process.js';

let converter: HtmlToText | null = null;
afterEach(async () => {
  await converter?.close();
  converter = null;
});

const heavy = '<b>a</b>'.repeat(60_000);

test('concurrent conversions are answered, each with its own text', async () => {
  ensureBundle();
  converter = new HtmlToText({ script: BUNDLE, budgetMs: 10_000 });
  const texts = await Promise.all(['<p>one</p>', '<h1>two</h1>', '<ul><li>three</li></ul>'].map((html) => converter!.convert(html)));
  expect(texts).toEqual(['one', 'TWO', ' * three']);
});

test('html nested past the depth limit fails as too_deep; the worker goes on converting', async () => {
  ensureBundle();
  converter = new HtmlToText({ script: BUNDLE, budgetMs: 10_000 });
  const deep = `${'<div>'.repeat(70)}only words${'</div>'.repeat(70)}`;
  const results = await Promise.allSettled([converter.convert(deep), converter.convert('<p>next</p>')]);
  expect(results[0]).toMatchObject({ status: 'rejected', reason: { kind: 'too_deep', message: 'html nests elements deeper than 64 levels' } });
  expect(results[1]).toEqual({ status: 'fulfilled', value: 'next' });
});

test('over budget: that conversion fails as budget, the ones waiting behind it are converted by a fresh worker', async () => {
  ensureBundle();
  // A budget a cold worker meets easily for a small page even on a loaded machine, and markup that
  // takes html-to-text many times longer than that on any machine (about 5 MB of tiny elements).
  converter = new HtmlToText({ script: BUNDLE, budgetMs: 1_000 });
  converter.warmUp();
  const huge = '<b>a</b>'.repeat(600_000);
  const results = await Promise.allSettled([converter.convert(huge), converter.convert('<p>after</p>')]);
  expect(results[0]).toMatchObject({ status: 'rejected', reason: { kind: 'budget', message: 'html-to-text took longer than 1000 ms' } });
  expect((results[0] as PromiseRejectedResult).reason).toBeInstanceOf(HtmlToTextError);
  expect(results[1]).toEqual({ status: 'fulfilled', value: 'after' });
});

test('past maxWaiting a conversion is refused as busy; one whose caller went away leaves the line', async () => {
  ensureBundle();
  converter = new HtmlToText({ script: BUNDLE, budgetMs: 10_000, maxWaiting: 2 });
  // Once the worker is up, the next conversion starts at once and the two after it wait.
  expect(await converter.convert('<p>up</p>')).toBe('up');
  const running = converter.convert(heavy);
  const gone = new AbortController();
  const abandoned = converter.convert('<p>abandoned</p>', gone.signal);
  const waiting = converter.convert('<p>waiting</p>');
  await expect(converter.convert('<p>one too many</p>')).rejects.toMatchObject({ kind: 'busy', message: 'too many conversions are waiting' });
  gone.abort();
  await expect(abandoned).rejects.toMatchObject({ kind: 'aborted' });
  // Its place is free again.
  const late = converter.convert('<p>late</p>');
  expect(await Promise.all([running, waiting, late])).toEqual(['a'.repeat(60_000), 'waiting', 'late']);
});

test('a worker that cannot start: every waiting conversion fails as unavailable', async () => {
  const dir = mkdtempSync(path.join(os.tmpdir(), 'html-worker-'));
  try {
    const script = path.join(dir, 'broken.cjs');
    writeFileSync(script, "throw new Error('no threads here');\n");
    converter = new HtmlToText({ script, budgetMs: 1000 });
    const results = await Promise.allSettled([converter.convert('<p>a</p>'), converter.convert('<p>b</p>')]);
    for (const result of results) {
      expect(result).toMatchObject({ status: 'rejected', reason: { kind: 'unavailable' } });
      expect((result as PromiseRejectedResult).reason.message).toMatch(/^the html-to-text worker could not start: no threads here/);
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
});
