/**
 * When the lab's own process ends, its runs end with it: no boss, worker or
 * shell is left behind. Handlers are installed once, while any run is live,
 * and removed when none is:
 * - 'exit' (any way the lab ends that runs JS): SIGKILL to every run's tree,
 *   synchronously — nothing asynchronous can run there;
 * - SIGINT/SIGTERM: stop every run (SIGTERM, then SIGKILL), then, when no one
 *   else listens for that signal, re-raise it so the lab dies as it would have.
 * A SIGKILLed lab cannot clean up: each run's site keeper then does (electron/keeper).
 */
export interface GuardedRun {
  killNow(): void;
  stop(reason: 'stopped'): Promise<void>;
}

const runs = new Set<GuardedRun>();
let installed = false;

const SIGNALS = ['SIGINT', 'SIGTERM'] as const;

function onExit(): void {
  for (const run of runs) run.killNow();
}

function onSignal(signal: NodeJS.Signals): void {
  const stopping = Promise.all([...runs].map((run) => run.stop('stopped').catch(() => {})));
  const cap = new Promise((resolve) => setTimeout(resolve, 6000).unref());
  void Promise.race([stopping, cap]).then(() => {
    uninstall();
    if (process.listenerCount(signal) === 0) process.kill(process.pid, signal);
  });
}

function install(): void {
  if (installed) return;
  installed = true;
  process.on('exit', onExit);
  for (const s of SIGNALS) process.on(s, onSignal);
}

function uninstall(): void {
  if (!installed) return;
  installed = false;
  process.off('exit', onExit);
  for (const s of SIGNALS) process.off(s, onSignal);
}

export function guardRun(run: GuardedRun): void {
  runs.add(run);
  install();
}

export function releaseRun(run: GuardedRun): void {
  runs.delete(run);
  if (!runs.size) uninstall();
}
