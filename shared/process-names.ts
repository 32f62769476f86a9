/**
 * How a process is named in every view: by its program's file name and its
 * arguments, never by long absolute paths. Pure: no Node or DOM imports.
 */

/** The last part of a path, either separator (`C:\\x\\node.exe` → `node.exe`). */
export function basename(path: string): string {
  const cut = Math.max(path.lastIndexOf('/'), path.lastIndexOf('\\'));
  return cut >= 0 ? path.slice(cut + 1) || path : path;
}

/** A long absolute path (a script, a program) reads better as its file name; `/` or `/tmp` stay. */
export function shortPath(word: string): string {
  return /^([A-Za-z]:)?[\\/]/.test(word) && word.split(/[\\/]/).filter(Boolean).length > 2 ? basename(word) : word;
}

/** A call's command line: the program by its file name, long paths in its arguments shortened. */
export function callCommandLine(command: string, args: readonly string[]): string {
  return [basename(command), ...args.map(shortPath)].join(' ');
}

/** What OS sampling saw: `/usr/bin/find /usr -name x` → "find /usr -name x"; with no argv, the command as given. */
export function osCommandLine(argv: readonly string[], command = ''): string {
  if (argv.length === 0) return command;
  return [basename(argv[0]), ...argv.slice(1)].join(' ');
}
