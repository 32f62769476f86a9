// El obrero con walkie-talkie: recibe tareas por el canal IPC y responde.
// The worker with a walkie-talkie: gets jobs over the IPC channel and answers.

// ¿Cuántos primos hay por debajo de n? How many primes are there below n?
function countPrimes(n) {
  let count = 0;
  for (let i = 2; i < n; i++) {
    let prime = true;
    for (let d = 2; d * d <= i; d++) {
      if (i % d === 0) { prime = false; break; }
    }
    if (prime) count++;
  }
  return count;
}

process.on('message', (msg) => {
  if (msg.type === 'job') {
    const started = Date.now();
    const primes = countPrimes(msg.below);
    process.send({ type: 'result', job: msg.job, below: msg.below, primes, ms: Date.now() - started });
  } else if (msg.type === 'bye') {
    // Cortar el canal: sin él, el obrero no tiene nada más que esperar y termina.
    // Hang up: without the channel the worker has nothing left to wait for and ends.
    process.disconnect();
  }
});

// El obrero avisa que llegó. The worker says it has arrived.
process.send({ type: 'ready', pid: process.pid });
