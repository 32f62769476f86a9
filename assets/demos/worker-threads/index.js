// "Usar todos los hilos de la pc": hilos, no solo procesos. La misma obra
// (contar primos) con worker_threads — hilos dentro del proceso del jefe — y
// con fork — un proceso por ayudante —: cuánto tardan en llegar, cuánto cuesta
// un mensaje, cuánta memoria usan.
// "Use every thread of the machine": threads, not only processes. The same job
// (counting primes) with worker_threads — threads inside the boss's process —
// and with fork — one process per helper —: how long they take to arrive, what
// a message costs, how much memory they use.
const { Worker } = require('node:worker_threads');
const { fork } = require('node:child_process');
const os = require('node:os');
const path = require('node:path');

const LIMIT = 2000000; // contar primos por debajo de esto / count primes below this
const BLOCK = 10000; // números por bloque / numbers per block
const MESSAGES = 2000; // mensajes seguidos para medir lo que cuesta uno / messages in a row, to time one
const HELPERS = Math.min(4, os.availableParallelism());
const HELPER = path.join(__dirname, 'helper.js');

// Un ayudante, hilo o proceso, visto igual desde el jefe: mandar y esperar mensajes.
// A helper, thread or process, seen alike from the boss: send and wait for messages.
function hire(kind) {
  let helper;
  if (kind === 'threads') {
    helper = new Worker(HELPER); // un hilo nuevo en este proceso / a new thread in this process
  } else {
    helper = fork(HELPER); // un proceso nuevo / a new process
  }
  const send = (msg) => (kind === 'threads' ? helper.postMessage(msg) : helper.send(msg));
  const next = () => new Promise((resolve) => helper.once('message', resolve));
  const gone = new Promise((resolve) => helper.once('exit', resolve));
  return { send, next, gone, arrived: next() };
}

const mb = (bytes) => (bytes / 1024 / 1024).toFixed(1);

async function team(kind) {
  const hired = performance.now();
  const helpers = [];
  for (let i = 0; i < HELPERS; i++) helpers.push(hire(kind));
  await Promise.all(helpers.map((h) => h.arrived));
  const readyMs = Math.round(performance.now() - hired);
  console.log(`${kind}: ${HELPERS} helpers ready in ${readyMs} ms`);

  // MESSAGES mensajes seguidos al primer ayudante, que contesta al último: lo que cuesta hablar.
  // MESSAGES messages in a row to the first helper, who answers the last one: what talking costs.
  const sent = performance.now();
  for (let i = 1; i <= MESSAGES; i++) helpers[0].send({ type: 'count', n: i, last: i === MESSAGES });
  const { counted } = await helpers[0].next();
  const messageUs = ((performance.now() - sent) * 1000) / counted;
  console.log(`${kind}: ${counted} messages in a row, ${messageUs.toFixed(1)} µs each`);

  const started = performance.now();
  helpers.forEach((h, index) => h.send({ type: 'job', limit: LIMIT, block: BLOCK, helpers: HELPERS, index }));
  const results = await Promise.all(helpers.map((h) => h.next()));
  const primes = results.reduce((sum, r) => sum + r.primes, 0);
  console.log(`${kind}: ${primes} primes below ${LIMIT} in ${Math.round(performance.now() - started)} ms`);

  // Memoria: los hilos comparten el proceso del jefe; cada fork es un proceso con la suya.
  // Memory: threads share the boss's process; each fork is a process with its own.
  const pids = new Set([process.pid, ...results.map((r) => r.pid)]);
  const rss = process.memoryUsage().rss + results.filter((r) => r.pid !== process.pid).reduce((sum, r) => sum + r.rss, 0);
  console.log(`${kind}: ${pids.size} process(es), ${mb(rss)} MB resident in all`);

  helpers.forEach((h) => h.send({ type: 'bye' }));
  await Promise.all(helpers.map((h) => h.gone));
  return { readyMs, messageUs: messageUs.toFixed(1), mb: mb(rss) };
}

async function main() {
  console.log(`availableParallelism() = ${os.availableParallelism()}: ${HELPERS} helpers`);
  const threads = await team('threads');
  const processes = await team('fork');
  console.log(
    `threads vs fork: ready in ${threads.readyMs} vs ${processes.readyMs} ms, ` +
      `a message ${threads.messageUs} vs ${processes.messageUs} µs, memory ${threads.mb} vs ${processes.mb} MB`,
  );
}

main();
