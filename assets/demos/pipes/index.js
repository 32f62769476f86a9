// Tuberías sin shell: la salida de un obrero (a) entra en la de otro (b), como
// `a | b` en una terminal, pero sin terminal: el jefe conecta los dos con
// a.stdout.pipe(b.stdin) y cada byte pasa por él. Con un lector lento, la
// contrapresión frena al que escribe. Y con stdio: 'inherit', el obrero escribe
// directo en la terminal del jefe, sin pasar por él.
// Pipes without a shell: one worker's output (a) goes into another's input (b),
// like `a | b` in a terminal but with no terminal: the boss connects them with
// a.stdout.pipe(b.stdin) and every byte passes through him. With a slow reader,
// backpressure holds the writer back. And with stdio: 'inherit', the worker
// writes straight to the boss's terminal, not through him.
const { spawn } = require('node:child_process');
const path = require('node:path');

const BYTES = 2 * 1024 * 1024;
const producer = path.join(__dirname, 'producer.js');
const reader = path.join(__dirname, 'reader.js');

// a | b, con b leyendo con `delayMs` de pausa después de cada pedazo.
// a | b, with b pausing `delayMs` after each piece it reads.
function pipeline(delayMs) {
  return new Promise((resolve) => {
    const t0 = performance.now();
    // b primero: así ya está leyendo cuando a empieza a escribir.
    // b first: so it is already reading when a starts writing.
    const b = spawn(process.execPath, [reader, String(delayMs)], { stdio: ['pipe', 'inherit', 'inherit'] });
    const a = spawn(process.execPath, [producer, String(BYTES)], { stdio: ['ignore', 'pipe', 'inherit'] });
    a.stdout.pipe(b.stdin); // a | b
    let passed = 0;
    a.stdout.on('data', (chunk) => (passed += chunk.length));
    b.on('close', () => {
      console.log(`boss: ${passed} bytes passed from a to b in ${Math.round(performance.now() - t0)} ms`);
      resolve();
    });
  });
}

async function main() {
  console.log(`a | b with a fast reader (${BYTES} bytes)`);
  await pipeline(0);
  console.log(`a | b with a slow reader (${BYTES} bytes)`);
  await pipeline(30);
}

main();
