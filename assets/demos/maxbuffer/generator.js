// El obrero que habla mucho: escribe exactamente N bytes de texto en su stdout.
// The talkative worker: writes exactly N bytes of text to its stdout.
//   node generator.js <bytes>
const total = Number(process.argv[2] || 3 * 1024 * 1024);
const line = (n) => `ladrillo/brick ${String(n).padStart(8, '0')} ${'.'.repeat(40)}\n`; // 64 bytes
const BLOCK = 16 * 1024; // escribe de a 16 KiB / writes 16 KiB at a time

let written = 0;
let lineNo = 0;

function nextBlock() {
  let text = '';
  while (text.length < BLOCK && written + text.length < total) text += line(++lineNo);
  return text.slice(0, Math.min(BLOCK, total - written)); // ASCII: 1 char = 1 byte
}

// Respeta la contrapresión: si la tubería está llena, espera 'drain'.
// Respect backpressure: when the pipe is full, wait for 'drain'.
function writeMore() {
  while (written < total) {
    const block = nextBlock();
    written += block.length;
    if (!process.stdout.write(block)) {
      process.stdout.once('drain', writeMore);
      return;
    }
  }
  process.stderr.write(`generator: wrote ${written} bytes\n`);
}

writeMore();
