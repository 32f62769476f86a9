/**
 * Product and test code apart: the programs tsc builds out/node from
 * (tsconfig.node.json: the lab, the probe, the CLI, `obra serve`) and checks
 * the renderer with (tsconfig.web.json, the files Vite may bundle) hold no
 * test, no test kit and nothing under tests/.
 */
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = path.resolve(__dirname, '..', '..');

function programFiles(tsconfig: string): string[] {
  const tsc = spawnSync(process.execPath, [require.resolve('typescript/bin/tsc'), '-p', tsconfig, '--listFilesOnly'], { cwd: ROOT, encoding: 'utf8' });
  expect(tsc.status, tsc.stderr).toBe(0);
  return tsc.stdout
    .split('\n')
    .filter((file) => file !== '' && !file.includes('/node_modules/'))
    .map((file) => path.relative(ROOT, file));
}

describe('the product builds', () => {
  for (const tsconfig of ['tsconfig.node.json', 'tsconfig.web.json']) {
    it(`${tsconfig} takes no test code`, () => {
      const files = programFiles(tsconfig);
      expect(files.length).toBeGreaterThan(20);
      expect(files.filter((file) => file.startsWith('tests/') || /\.test(-helper)?\.[cm]?tsx?$/.test(file))).toEqual([]);
    });
  }
});
