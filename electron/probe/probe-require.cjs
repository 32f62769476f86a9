// @ts-check
'use strict';
/**
 * The probe's own files, loaded by the probe rather than by Node's module loader. Every Node
 * process and every Worker thread of a run loads some 25 of them before its program starts,
 * and Node's `require` spends as much on each file (resolving its path, checking the package
 * around it, caching it) as on compiling it: ~2.5 ms of every process's start-up
 * (docs/PROBE-NOTES.md, "Where the overhead goes"). Each file is compiled as Node compiles a
 * CommonJS module (the same function wrapper, its real path as its name: stack traces and
 * stack-frames.cjs see the same frames), once per thread; inside it, `require('./x.cjs')` is
 * this loader and any other `require` is Node's. A program hooking Node's loader
 * (`Module._load`, `require.cache`) never sees the probe's files.
 */
const fs = require('node:fs');
const path = require('node:path');
const vm = require('node:vm');

const PARAMS = ['exports', 'require', 'module', '__filename', '__dirname'];
/** @type {Map<string, { exports: any }>} */
const loaded = new Map();

/**
 * @param {string} id `./name.cjs` for one of the probe's files; anything else goes to Node's require
 * @returns {any}
 */
function probeRequire(id) {
  if (!id.startsWith('./')) return require(id);
  const file = path.join(__dirname, id);
  const known = loaded.get(file);
  if (known) return known.exports;
  const module = { exports: {} };
  // Set before the file runs, as Node does: a file that requires one requiring it gets its exports so far.
  loaded.set(file, module);
  try {
    const body = vm.compileFunction(fs.readFileSync(file, 'utf8'), PARAMS, { filename: file });
    Reflect.apply(body, module.exports, [module.exports, probeRequire, module, file, __dirname]);
  } catch (err) {
    loaded.delete(file);
    throw err;
  }
  return module.exports;
}

module.exports = { probeRequire };
