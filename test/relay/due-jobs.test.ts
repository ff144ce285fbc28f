// The worker's waiting list: earliest due first, then id order; re-timed and deleted jobs never come back
// stale; and, over random operation sequences, the same choice as a pass over every waiting job.
import { describe, expect, test } from 'vitest';
import { DueJobs } from '../../src/relay/due-jobs.js';

/** The reference: what the worker computed before the heap, a pass over the whole map. */
function naiveNext(due: Map<string, number>): { id: string; at: number } | null {
  let best: { id: string; at: number } | null = null;
  for (const [id, at] of due) if (best === null || at < best.at || (at === best.at && id < best.id)) best = { id, at };
  return best;
}

/** Takes every waiting job in order, as the worker's loop does (peek, then delete). */
function drain(due: DueJobs): string[] {
  const order: string[] = [];
  for (let next = due.peek(); next !== null; next = due.peek()) {
    order.push(next.id);
    due.delete(next.id);
  }
  return order;
}

describe('DueJobs', () => {
  test('earliest due first; equal due times in id (acceptance) order, whatever order they were added in', () => {
    const due = new DueJobs();
    due.set('j03', 0);
    due.set('j01', 0);
    due.set('j04', 500);
    due.set('j02', 0);
    due.set('j00', 900);
    expect(due.size).toBe(5);
    expect(due.peek()).toEqual({ id: 'j01', at: 0 });
    expect(drain(due)).toEqual(['j01', 'j02', 'j03', 'j04', 'j00']);
    expect(due.size).toBe(0);
    expect(due.peek()).toBeNull();
  });

  test('a re-timed job is taken at its new time only, once', () => {
    const due = new DueJobs();
    due.set('a', 0);
    due.set('b', 100);
    due.set('a', 200); // a retry moved it after b
    expect(due.size).toBe(2);
    expect(drain(due)).toEqual(['b', 'a']);
  });

  test('a deleted job never comes back, even when it was added twice with the same time', () => {
    const due = new DueJobs();
    due.set('a', 0);
    due.set('a', 0); // notified twice
    due.set('b', 5);
    expect(due.has('a')).toBe(true);
    due.delete('a');
    expect(due.has('a')).toBe(false);
    expect(drain(due)).toEqual(['b']);
  });

  test('a job taken and later due again at an old time is taken again, once', () => {
    const due = new DueJobs();
    due.set('a', 0);
    due.set('a', 0);
    expect(drain(due)).toEqual(['a']);
    due.set('a', 0); // back after an error pause that happened to be 0
    expect(drain(due)).toEqual(['a']);
  });

  test('thousands of re-timings keep the heap bounded and the order right', () => {
    const due = new DueJobs();
    for (let round = 0; round < 50; round++) for (let i = 0; i < 100; i++) due.set(`j${String(i).padStart(3, '0')}`, round * 1000 + (99 - i));
    expect(due.size).toBe(100);
    const heapSize = (due as unknown as { heap: unknown[] }).heap.length;
    expect(heapSize).toBeLessThanOrEqual(2 * 100 + 64);
    // Last round: j099 at 49000, j098 at 49001, ... j000 at 49099.
    expect(drain(due)).toEqual(Array.from({ length: 100 }, (_, k) => `j${String(99 - k).padStart(3, '0')}`));
  });

  test('over random sets, deletes and takes, always the job a pass over every waiting job picks', () => {
    let seed = 12345;
    const random = (n: number) => {
      seed = (seed * 1103515245 + 12345) & 0x7fffffff;
      return seed % n;
    };
    const due = new DueJobs();
    const model = new Map<string, number>();
    for (let step = 0; step < 20_000; step++) {
      const id = `j${random(300)}`;
      const op = random(10);
      if (op < 5) {
        const at = random(4) === 0 ? 0 : random(50);
        due.set(id, at);
        model.set(id, at);
      } else if (op < 7) {
        due.delete(id);
        model.delete(id);
      } else {
        const expected = naiveNext(model);
        expect(due.peek()).toEqual(expected);
        if (expected) {
          due.delete(expected.id);
          model.delete(expected.id);
        }
      }
      expect(due.size).toBe(model.size);
    }
  });
});
