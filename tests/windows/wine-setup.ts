/**
 * Once before the Windows tests: the cached Wine prefix, node.exe and koffi's
 * Windows binary (prepared now if missing), also named in the environment for
 * the Windows process table's own Wine test (os-sampler-windows.test.ts:
 * OBRA_WINE_NODE, OBRA_WINE_KOFFI, WINEPREFIX). After them: every process still running in that prefix is
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
  // Read by the test files, whose workers start after this.
  Object.assign(process.env, { OBRA_WINE_NODE: wine.nodeExe, OBRA_WINE_KOFFI: wine.nodePath, WINEPREFIX: wine.prefix });
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
