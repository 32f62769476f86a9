/**
 * Once before the Windows tests: the cached Wine prefix and node.exe (prepared
 * now if missing). After them: every process still running in that prefix is
 * ended (`wineserver -k`: the prefix is ours alone), so none outlives the tests.
 */
import { execFileSync } from 'node:child_process';
import type { TestProject } from 'vitest/node';
import { type WineNode, prepareWineNode, wineEnv } from './wine-node';

declare module 'vitest' {
  export interface ProvidedContext {
    wineNode: WineNode;
  }
}

let prefix: string | null = null;

export async function setup(project: TestProject): Promise<void> {
  const started = Date.now();
  const wine = await prepareWineNode((line) => console.log(line));
  prefix = wine.prefix;
  console.log(`Windows Node ${wine.nodeExe} under ${wine.wineVersion} (ready in ${((Date.now() - started) / 1000).toFixed(1)} s)`);
  project.provide('wineNode', wine);
}

export function teardown(): void {
  if (!prefix) return;
  try {
    execFileSync('wineserver', ['-k'], { env: wineEnv(prefix), stdio: 'ignore', timeout: 10_000 });
  } catch {
    // No wineserver running: nothing left in the prefix.
  }
}
