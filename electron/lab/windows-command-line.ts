/**
 * A Windows command line split into argv the way CommandLineToArgvW and the
 * C runtime do: Windows hands a program one string, and each program splits
 * it itself; this is the split nearly all of them (Node's included) use.
 */
export function commandLineToArgv(line: string): string[] {
  const argv: string[] = [];
  let i = 0;
  // The program name: up to the closing quote or the first space; backslashes are plain characters.
  let program = '';
  if (line[0] === '"') {
    const close = line.indexOf('"', 1);
    program = close === -1 ? line.slice(1) : line.slice(1, close);
    i = close === -1 ? line.length : close + 1;
  } else {
    while (i < line.length && line[i] !== ' ' && line[i] !== '\t') program += line[i++];
  }
  argv.push(program);
  for (;;) {
    while (line[i] === ' ' || line[i] === '\t') i++;
    if (i >= line.length) return argv;
    let arg = '';
    let quoted = false;
    while (i < line.length && (quoted || (line[i] !== ' ' && line[i] !== '\t'))) {
      if (line[i] === '\\') {
        let n = 0;
        for (; line[i] === '\\'; i++) n++;
        // 2n backslashes + quote: n backslashes, the quote delimits; 2n+1: n backslashes and a literal quote.
        if (line[i] === '"') {
          arg += '\\'.repeat(n >> 1);
          if (n % 2 === 1) {
            arg += '"';
            i++;
          }
        } else {
          arg += '\\'.repeat(n);
        }
      } else if (line[i] === '"') {
        // Inside quotes, "" is a literal quote (and the quoting goes on).
        if (quoted && line[i + 1] === '"') {
          arg += '"';
          i += 2;
        } else {
          quoted = !quoted;
          i++;
        }
      } else {
        arg += line[i++];
      }
    }
    argv.push(arg);
  }
}
