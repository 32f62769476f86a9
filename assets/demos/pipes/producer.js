// a: escribe `bytes` bytes en su stdout, en pedazos de 16 KiB. Cuando write()
// devuelve false (la tubería está llena), espera 'drain': eso es la contrapresión.
// a: writes `bytes` bytes to its stdout, in 16 KiB pieces. When write() returns
// false (the pipe is full), it waits for 'drain': that is backpressure.
const total = Number(process.argv[2]);
const piece = Buffer.alloc(16 * 1024, 'a');
const started = performance.now();
let written = 0;
let waitedMs = 0;
let waitingSince = 0;

function writeMore() {
  if (waitingSince) waitedMs += performance.now() - waitingSince;
  while (written < total) {
    const part = piece.subarray(0, Math.min(piece.length, total - written));
    written += part.length;
    if (!process.stdout.write(part)) {
      waitingSince = performance.now();
      process.stdout.once('drain', writeMore);
      return;
    }
  }
  process.stdout.end();
  // stderr es 'inherit': esta línea va directo a la terminal del jefe.
  // stderr is 'inherit': this line goes straight to the boss's terminal.
  const ms = Math.round(performance.now() - started);
  console.error(`a: wrote ${written} bytes in ${ms} ms, ${Math.round(waitedMs)} ms of them waiting for 'drain'`);
}

writeMore();
