/**
 * electron-vite: main, preload and renderer builds for our folders
 * (docs/TOOLCHAIN.md). Outputs out/main/index.js and out/preload/index.js
 * (CommonJS, one file each) and out/renderer/ (served to the window as
 * obra://app/ and to browsers by `obra serve`). Builds without the Electron
 * binary: nothing here runs Electron.
 *
 * The lab is pure Node and bundled into main; at run time it finds the probe
 * and the demos on disk (electron/lab/paths.ts), outside the asar when packaged.
 * Dependencies (ws) stay `require()`s: electron-vite externalises them.
 */
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      rolldownOptions: { input: { index: resolve(__dirname, 'electron/main.ts') } },
    },
  },
  preload: {
    build: {
      // Sandboxed preloads can only require('electron'): one CommonJS file, nothing split out.
      rolldownOptions: {
        input: { index: resolve(__dirname, 'electron/preload.ts') },
        output: { format: 'cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    build: {
      rolldownOptions: { input: { index: resolve(__dirname, 'renderer/index.html') } },
    },
    plugins: [react()],
  },
});
