// @ts-check
// Running a workload bare (plain `node`) and under the lab, and reading back
// the BENCH line it prints. Everything here is real processes; no figure is guessed.
'use strict';
const { spawn } = require('node:child_process');
const path = require('node:path');
const { cpuSnapshot, cpuBetween, runCpuMs } = require('./tree-cpu.cjs');

const WORKLOADS = path.join(__dirname, 'workloads');

/** @param {string} text */
function benchLine(text) {
  const match = /BENCH (\{[^\n]*?\})(?:\\n|\n|$)/.exec(text);
  if (!match) throw new Error(`no BENCH line in: ${text.slice(0, 200)}`);
  return JSON.parse(match[1]);
}

/**
 * Plain node, no probe. Resolves with the BENCH fields plus `wallMs` (spawn → exit) and, where
 * measured (tree-cpu.cjs), `treeCpuMs` (the workload's processes) and `selfCpuMs` (this process).
 * @param {string} workload file name in bench/workloads
 * @param {string[]} args
 */
function runBare(workload, args = []) {
  return new Promise((resolve, reject) => {
    const started = process.hrtime.bigint();
    const cpuBefore = cpuSnapshot();
    const child = spawn(process.execPath, [path.join(WORKLOADS, workload), ...args], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout.setEncoding('utf8').on('data', (text) => (out += text));
    child.on('error', reject);
    child.on('close', (code) => {
      const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
      const cpu = cpuBetween(cpuBefore, cpuSnapshot());
      if (code !== 0) return reject(new Error(`${workload} exited ${code}`));
      try {
        resolve({ ...benchLine(out), wallMs, ...cpu });
      } catch (err) {
        reject(err);
      }
    });
  });
}

/**
 * The same workload under the lab. Resolves with the BENCH fields (read from the boss's
 * stdout events), `wallMs` (startRun → run-end), the log, and what the subscriber saw.
 * @param {any} lab a Lab (out/node/electron/lab)
 * @param {string} workload
 * @param {string[]} args
 */
async function runUnderLab(lab, workload, args = []) {
  // firstDataAt: the first batch holding output or a message (after the boss's start-up).
  const seen = { batches: 0, records: 0, occurrences: 0, firstAt: 0n, firstDataAt: 0n, lastAt: 0n, end: false };
  /** @type {string | null} */
  let runId = null;
  /** @type {any[]} */
  const early = [];
  /** @param {any} batch */
  const count = (batch) => {
    const now = process.hrtime.bigint();
    if (!seen.firstAt) seen.firstAt = now;
    seen.lastAt = now;
    seen.batches++;
    seen.records += batch.events.length;
    for (const e of batch.events) {
      seen.occurrences += e.count ?? 1;
      if (!seen.firstDataAt && (e.type === 'stdout' || e.type === 'message')) seen.firstDataAt = now;
    }
    if (batch.end) seen.end = true;
  };
  const unsubscribe = lab.subscribe((/** @type {any} */ batch) => {
    if (runId === null) early.push(batch);
    else if (batch.runId === runId) count(batch);
  });
  const started = process.hrtime.bigint();
  const cpuBefore = cpuSnapshot();
  try {
    const run = await lab.startRun({ file: path.join(WORKLOADS, workload), args });
    runId = run.runId;
    for (const batch of early.splice(0)) if (batch.runId === runId) count(batch);
    const end = await lab.ended(runId);
    const wallMs = Number(process.hrtime.bigint() - started) / 1e6;
    const cpu = cpuBetween(cpuBefore, cpuSnapshot());
    const log = lab.log(runId);
    if (end.reason !== 'exit' || end.code !== 0) throw new Error(`${workload} under the lab ended ${end.reason} ${end.code} ${end.message ?? ''}`);
    const bossPid = log[0].pid;
    const bossOut = log
      .filter((/** @type {any} */ e) => e.type === 'stdout' && e.pid === bossPid)
      .map((/** @type {any} */ e) => e.preview)
      .join('');
    // Under the lab, the tree's CPU is the boss's own (its run cgroup), without the site keeper's.
    const bossTreeCpuMs = runCpuMs(runId);
    return { ...benchLine(bossOut), wallMs, ...cpu, treeCpuMs: bossTreeCpuMs ?? cpu.treeCpuMs, log, seen, startedAt: started };
  } finally {
    unsubscribe();
  }
}

/** @param {number[]} values */
function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

module.exports = { runBare, runUnderLab, median, benchLine };
