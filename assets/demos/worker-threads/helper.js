// Un ayudante: cuenta primos en su parte de la obra. El mismo archivo corre
// como hilo (new Worker) o como proceso (fork); solo cambia el canal.
// A helper: counts primes in its share of the job. The same file runs as a
// thread (new Worker) or as a process (fork); only the channel differs.
const { isMainThread, parentPort } = require('node:worker_threads');

// Hilo: parentPort.postMessage. Proceso: process.send.
// Thread: parentPort.postMessage. Process: process.send.
const channel = isMainThread ? process : parentPort;
const reply = (msg) => (isMainThread ? process.send(msg) : parentPort.postMessage(msg));

function isPrime(n) {
  if (n < 2) return false;
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
  return true;
}

let counted = 0;
channel.on('message', (msg) => {
  if (msg.type === 'count') {
    counted += 1;
    if (msg.last) reply({ type: 'counted', counted });
  } else if (msg.type === 'job') {
    // Bloques index, index + helpers…: todos trabajan lo mismo.
    // Blocks index, index + helpers…: they all work the same.
    let primes = 0;
    for (let start = msg.index * msg.block; start < msg.limit; start += msg.helpers * msg.block) {
      const end = Math.min(start + msg.block, msg.limit);
      for (let n = start; n < end; n++) if (isPrime(n)) primes++;
    }
    reply({ type: 'result', index: msg.index, primes, pid: process.pid, rss: process.memoryUsage().rss });
  } else if (msg.type === 'bye') {
    // Sin canal no queda nada que esperar: el ayudante termina.
    // Without the channel there is nothing left to wait for: the helper ends.
    if (isMainThread) process.disconnect();
    else parentPort.close();
  }
});

reply({ type: 'ready' });
