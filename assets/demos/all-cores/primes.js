// Un obrero cuenta primos en los bloques de números que le tocan.
// A worker counts primes in the blocks of numbers it was given.
function isPrime(n) {
  if (n < 2) return false;
  for (let d = 2; d * d <= n; d++) if (n % d === 0) return false;
  return true;
}

process.once('message', ({ limit, block, workers, index }) => {
  const started = Date.now();
  let primes = 0;
  // Bloques index, index + workers, index + 2·workers…: a cada obrero le tocan
  // números chicos y grandes por igual, así todos trabajan lo mismo.
  // Blocks index, index + workers, index + 2·workers…: each worker gets as many
  // small numbers as big ones, so they all work the same.
  for (let start = index * block; start < limit; start += workers * block) {
    const end = Math.min(start + block, limit);
    for (let n = start; n < end; n++) if (isPrime(n)) primes++;
  }
  process.send({ index, primes, ms: Date.now() - started });
  process.disconnect();
});
