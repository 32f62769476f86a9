/**
 * Batches from the lab on their way to one page. Held until the page says it
 * is ready (it has subscribed), so nothing that happens before React mounts
 * is lost; forgotten when the page reloads or crashes, when that page's runs
 * are stopped and their late batches are dropped rather than shown to the
 * next page as runs it never started.
 *
 * No Electron import: main wires `send` to webContents.send.
 */
import type { EventBatch } from '../../shared/api';
import { droppedNoticeBatch } from '../../shared/dropped-batches';

/** Batches held for a page that has not said ready; beyond this the oldest go (and the page is told). */
const MAX_QUEUED_BATCHES = 10_000;

export class BatchRelay {
  private ready = false;
  private queue: EventBatch[] = [];
  private readonly pageRuns = new Set<string>();
  private readonly orphanedRuns = new Set<string>();
  private droppedWhileWaiting = 0;
  /** Batches dropped from the queue, by run: told to the page when it says ready. */
  private readonly droppedByRun = new Map<string, { count: number; ended: boolean }>();
  private pageNumber = 0;

  constructor(private readonly send: (batch: EventBatch) => void) {}

  /** The page subscribed: deliver what waited, then everything as it comes. */
  pageReady(): void {
    if (this.ready) return;
    this.ready = true;
    const waiting = this.queue;
    this.queue = [];
    for (const [runId, { count, ended }] of this.droppedByRun) {
      const notice = droppedNoticeBatch(runId, count, waiting);
      // A run whose last batch was among the dropped still ends for the page.
      const keptSome = waiting.some((b) => b.runId === runId && b.events.length > 0);
      this.send({ ...notice, ...(ended && !keptSome ? { end: true } : {}) });
    }
    this.droppedByRun.clear();
    for (const batch of waiting) this.send(batch);
  }

  /** A run this page started. */
  runStarted(runId: string): void {
    this.pageRuns.add(runId);
  }

  runStopped(runId: string): void {
    this.pageRuns.delete(runId);
  }

  /** One batch from the lab. */
  push(batch: EventBatch): void {
    if (this.orphanedRuns.has(batch.runId)) {
      if (batch.end) this.orphanedRuns.delete(batch.runId);
      return;
    }
    if (batch.end) this.pageRuns.delete(batch.runId);
    if (this.ready) return this.send(batch);
    this.queue.push(batch);
    if (this.queue.length > MAX_QUEUED_BATCHES) {
      const oldest = this.queue.shift() as EventBatch;
      this.droppedWhileWaiting++;
      const before = this.droppedByRun.get(oldest.runId);
      this.droppedByRun.set(oldest.runId, { count: (before?.count ?? 0) + 1, ended: (before?.ended ?? false) || oldest.end === true });
    }
  }

  /**
   * The page is gone (reload, navigation, crash). Returns the runs it had
   * started, for the caller to stop; their remaining batches are dropped.
   */
  pageGone(): string[] {
    this.pageNumber++;
    this.ready = false;
    this.queue = [];
    this.droppedByRun.clear();
    const runs = [...this.pageRuns];
    for (const runId of runs) this.orphanedRuns.add(runId);
    this.pageRuns.clear();
    return runs;
  }

  /** Which page this is (counts reloads): a call that outlives its page must not touch the next one. */
  get page(): number {
    return this.pageNumber;
  }

  /** How many batches were dropped because the page was not ready yet (each page is told of its runs' drops). */
  get dropped(): number {
    return this.droppedWhileWaiting;
  }
}
