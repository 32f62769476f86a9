// b: lee su stdin y cuenta los bytes; con una demora, lee despacio (un pedazo,
// una pausa, el siguiente). Su stdout es 'inherit': escribe en la terminal del jefe.
// b: reads its stdin and counts the bytes; with a delay, it reads slowly (a
// piece, a pause, the next). Its stdout is 'inherit': it writes to the boss's terminal.
const delayMs = Number(process.argv[2]);
let bytes = 0;
let pieces = 0;

process.stdin.on('data', (chunk) => {
  bytes += chunk.length;
  pieces += 1;
  if (delayMs > 0) {
    process.stdin.pause();
    setTimeout(() => process.stdin.resume(), delayMs);
  }
});
process.stdin.on('end', () => console.log(`b: read ${bytes} bytes in ${pieces} pieces (${delayMs} ms pause after each)`));
