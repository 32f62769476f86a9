// Usar todos los hilos de la pc: la misma obra con 1 obrero y después con
// tantos obreros como núcleos tiene la máquina.
// Use every core: the same job with 1 worker, then with as many workers as
// the machine has cores.
const { fork } = require('node:child_process');
const os = require('node:os');
const path = require('node:path');

const LIMIT = 5000000; // contar primos por debajo de esto / count primes below this
const BLOCK = 10000; // números por bloque / numbers per block

// Reparte la obra entre `workers` obreros y espera a todos.
// Splits the job among `workers` workers and waits for all of them.
function countPrimes(workers) {
  const started = Date.now();
  const jobs = [];
  for (let index = 0; index < workers; index++) {
    jobs.push(
      new Promise((resolve, reject) => {
        const worker = fork(path.join(__dirname, 'primes.js'));
        worker.once('message', resolve);
        worker.once('error', reject);
        worker.send({ limit: LIMIT, block: BLOCK, workers, index });
      }),
    );
  }
  return Promise.all(jobs).then((results) => {
    const primes = results.reduce((sum, r) => sum + r.primes, 0);
    const ms = Date.now() - started;
    console.log(`${workers} worker(s): ${primes} primes below ${LIMIT} in ${ms} ms`);
    return ms;
  });
}

// Sin argumento: 1 obrero y después todos los núcleos. Con un número
// (`node index.js 4`), solo esa fase: para comparar dos ejecuciones.
// No argument: 1 worker, then every core. With a number (`node index.js 4`),
// only that phase: to compare two runs.
async function main() {
  const arg = process.argv[2];
  const workers = Number(arg);
  // Hasta 64 obreros: cada uno es un proceso de Node con su propia memoria.
  // Up to 64 workers: each one is a Node process with its own memory.
  if (arg !== undefined && !(Number.isInteger(workers) && workers >= 1 && workers <= 64)) {
    console.error(`all-cores: "${arg}" is not a number of workers from 1 to 64`);
    process.exitCode = 2; // argumento inválido / bad argument
    return;
  }
  const cores = os.availableParallelism();
  console.log(`availableParallelism() = ${cores}`);
  if (arg !== undefined) {
    await countPrimes(workers);
    return;
  }
  const oneMs = await countPrimes(1);
  await new Promise((resolve) => setTimeout(resolve, 300));
  const allMs = await countPrimes(cores);
  const speedUp = oneMs / allMs;
  console.log(`speed-up with ${cores} workers: x${speedUp.toFixed(2)}`);
}

main();
