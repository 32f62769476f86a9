// Counts primes below N by trial division (pure CPU), sends the count.
'use strict';
const limit = Number(process.argv[2]);
let count = 0;
for (let n = 2; n < limit; n++) {
  let prime = true;
  for (let d = 2; d * d <= n; d++) {
    if (n % d === 0) {
      prime = false;
      break;
    }
  }
  if (prime) count++;
}
process.send(count);
