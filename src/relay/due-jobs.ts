// The worker's waiting list: each pending job's due time, taken earliest first and, among equal due
// times, in id (acceptance) order. A binary heap beside the id -> due-time map, so taking the next job
// costs O(log n) instead of a pass over every waiting job: with a burst of thousands accepted faster
// than Postfix takes them, that pass ran on every accepted request and every finished hand-off.
// A job whose due time changes gets a new heap entry; the old one is stale (the map no longer agrees
// with it) and is dropped when it reaches the top.

interface Entry {
  at: number;
  id: string;
}

/** Does `a` come before `b`: earlier due time, then the smaller id. */
const before = (a: Entry, b: Entry): boolean => a.at < b.at || (a.at === b.at && a.id < b.id);

export class DueJobs {
  private readonly dueAt = new Map<string, number>();
  private heap: Entry[] = [];

  /** Waiting jobs (each id once). */
  get size(): number {
    return this.dueAt.size;
  }

  has(id: string): boolean {
    return this.dueAt.has(id);
  }

  /** Records (or moves) a job's due time. */
  set(id: string, at: number): void {
    this.dueAt.set(id, at);
    this.push({ at, id });
    // Stale entries only leave from the top; a long run of re-timed jobs below it is compacted here.
    if (this.heap.length > 2 * this.dueAt.size + 64) this.rebuild();
  }

  /** The next job (earliest due, then smallest id) without taking it, or null when none waits. */
  peek(): { id: string; at: number } | null {
    this.dropStaleTop();
    const top = this.heap[0];
    return top === undefined ? null : { id: top.id, at: top.at };
  }

  /** Removes a job from the waiting list (its heap entry goes stale). */
  delete(id: string): void {
    this.dueAt.delete(id);
  }

  private dropStaleTop(): void {
    while (this.heap.length > 0 && this.dueAt.get(this.heap[0]!.id) !== this.heap[0]!.at) this.pop();
  }

  private rebuild(): void {
    this.heap = [];
    for (const [id, at] of this.dueAt) this.push({ at, id });
  }

  private push(entry: Entry): void {
    const heap = this.heap;
    heap.push(entry);
    let i = heap.length - 1;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (!before(heap[i]!, heap[parent]!)) break;
      [heap[i], heap[parent]] = [heap[parent]!, heap[i]!];
      i = parent;
    }
  }

  private pop(): void {
    const heap = this.heap;
    const last = heap.pop()!;
    if (heap.length === 0) return;
    heap[0] = last;
    let i = 0;
    for (;;) {
      const left = 2 * i + 1;
      const right = left + 1;
      let first = i;
      if (left < heap.length && before(heap[left]!, heap[first]!)) first = left;
      if (right < heap.length && before(heap[right]!, heap[first]!)) first = right;
      if (first === i) return;
      [heap[i], heap[first]] = [heap[first]!, heap[i]!];
      i = first;
    }
  }
}
