// @ts-check
// The page's end of the wire, for bench/wire.bench.cjs: a process of its own (as a browser
// tab is) that opens the API's WebSocket on 127.0.0.1 with the token and Origin, as
// `obra serve`'s page does, and stamps each pushed frame as it arrives (µs on the machine's
// monotonic clock), before JSON.parse, which it then does as the page must. Sampled events
// (`t` a multiple of OBRA_WIRE_SAMPLE) are kept as "pid type t received-at coalesced(0|1)".
// Driven over IPC by the bench:
//   ← { connect: { url, token } }  → { connected: true }
//   ← { start: { file } }          → { started: runId }: it starts the run with the script's
//                                     text, as the page's file input does; without `start`, the
//                                     first run a batch comes for (a page started it) is followed
//   ← { stop: true }               → (after the run's last batch) { done: figures }
//   → { events } every 250 ms while the run goes; { failed: message } on any failure
'use strict';
const fs = require('node:fs');
const path = require('node:path');
const { WebSocket: WsSocket } = require('ws');

const SAMPLE_EVERY = Number(process.env.OBRA_WIRE_SAMPLE || 20);
const nowUs = () => Number(process.hrtime.bigint() / 1000n);
const send = (/** @type {any} */ m) => /** @type {NonNullable<typeof process.send>} */ (process.send)(m);

/** @type {WsSocket | null} */
let ws = null;
let nextId = 1;
/** @type {Map<number, (reply: any) => void>} */
const replies = new Map();
let runId = '';
const seen = { events: 0, frames: 0, bytes: 0, parseUs: 0, ended: false };
/** @type {string[]} */
const stamps = [];
/** @type {(() => void)[]} */
const atEnd = [];

/** @param {string} method @param {unknown[]} params @returns {Promise<any>} */
function call(method, params) {
  const id = nextId++;
  /** @type {WsSocket} */ (ws).send(JSON.stringify({ id, method, params }));
  return new Promise((resolve) => replies.set(id, resolve));
}

/** @param {import('ws').RawData} data */
function receive(data) {
  const at = nowUs();
  const text = String(data);
  const message = JSON.parse(text);
  seen.parseUs += nowUs() - at;
  if (message.type !== 'batch') {
    replies.get(message.id)?.(message);
    replies.delete(message.id);
    return;
  }
  const { batch } = message;
  if (!runId) {
    runId = batch.runId;
    following();
  }
  if (batch.runId !== runId) return;
  seen.frames++;
  seen.bytes += text.length;
  seen.events += batch.events.length;
  for (const e of batch.events) if (e.t % SAMPLE_EVERY === 0 && e.pid !== null) stamps.push(`${e.pid} ${e.type} ${e.t} ${at} ${(e.count ?? 1) > 1 ? 1 : 0}`);
  if (batch.end) {
    seen.ended = true;
    for (const fn of atEnd.splice(0)) fn();
  }
}

/** The run is known: say so, then tell how far it is four times a second. */
function following() {
  send({ started: runId });
  const ticker = setInterval(() => send({ events: seen.events }), 250);
  atEnd.push(() => clearInterval(ticker));
}

/** @param {{ url: string, token: string }} to */
async function connect({ url, token }) {
  const origin = new URL(url).origin;
  ws = new WsSocket(`${origin.replace('http', 'ws')}/api?token=${token}`, { origin });
  ws.on('message', receive);
  await new Promise((resolve, reject) => {
    /** @type {WsSocket} */ (ws).once('open', resolve);
    /** @type {WsSocket} */ (ws).once('error', reject);
  });
  send({ connected: true });
}

/** @param {{ file: string }} start */
async function startRun({ file }) {
  const reply = await call('startRun', [{ source: { name: path.basename(file), text: fs.readFileSync(file, 'utf8') } }]);
  if (reply.error) return send({ failed: `${reply.error.code}: ${reply.error.message}` });
  if (!runId) {
    runId = reply.result.runId;
    following();
  }
}

async function stopRun() {
  const ended = new Promise((resolve) => (seen.ended ? resolve(null) : atEnd.push(() => resolve(null))));
  const reply = await call('stopRun', [runId]);
  if (reply.error) return send({ failed: `${reply.error.code}: ${reply.error.message}` });
  await ended;
  send({ done: { ...seen, stamps: stamps.join('\n') } });
  /** @type {WsSocket} */ (ws).close();
}

/** @param {unknown} err */
const failed = (err) => send({ failed: String(/** @type {Error} */ (err)?.message ?? err) });
process.on('message', (/** @type {any} */ m) => {
  if (m.connect) connect(m.connect).catch(failed);
  else if (m.start) startRun(m.start).catch(failed);
  else if (m.stop) stopRun().catch(failed);
});
process.on('disconnect', () => process.exit(0));
