/**
 * `obra serve [--port N] [--open]`: the app in any browser, on 127.0.0.1.
 * The server (electron/serve) is loaded only for this command.
 */
import type { Writable } from 'node:stream';
import type { Command } from './args';

export async function serve(cmd: Extract<Command, { name: 'serve' }>, stdout: Writable, stderr: Writable): Promise<number> {
  const { startServer, closeOnSignals } = await import('../serve/index');
  const log = (line: string) => stderr.write(line + '\n');
  const server = await startServer({ port: cmd.port, open: cmd.open, log });
  // Listen for Ctrl-C before telling anyone the address: whoever reads it may stop us at once.
  closeOnSignals(server, log);
  stdout.write(`obra serve: ${server.url}\n(Ctrl-C to stop)\n`);
  // Keep running: the server's handles hold the process until a signal closes it.
  return new Promise<number>(() => {});
}
