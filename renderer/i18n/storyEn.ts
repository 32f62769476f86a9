import type { StoryMessages } from './storyMessages';

export const storyEn: StoryMessages = {
  boss: (pid) => `the boss (pid ${pid})`,
  process: (pid, program) => `pid ${pid} (${program})`,
  start: (boss, script, node) => `Obra starts ${boss}: Node ${node} runs ${script}.`,
  call: (who, call, where) => `${cap(who)} calls ${call}${where ? ` (${where})` : ''}.`,
  why: {
    exec: 'exec runs the command in a shell and buffers all its output for the callback, up to maxBuffer.',
    execFile: 'execFile runs the program itself, without a shell, and buffers its output for the callback.',
    spawn: "spawn streams the output as it comes, chunk by chunk ('data' events), with no limit.",
    fork: "fork starts another Node program with an IPC channel: both sides talk with send() and 'message' events.",
    execSync: "execSync runs the command in a shell and waits: the boss's event loop stops until the child ends.",
    execFileSync: "execFileSync runs the program without a shell and waits: the boss's event loop stops until the child ends.",
    spawnSync: "spawnSync starts the program and waits: the boss's event loop stops until the child ends.",
  },
  throughShell: (shell) => `This time through a shell (${shell}).`,
  detached: 'Detached: the child gets a process group of its own.',
  inherit: "stdio 'inherit': the child writes straight to the terminal, so the boss receives none of it.",
  timeout: (ms) => `With a timeout of ${ms} ms: then Node kills it.`,
  abortable: 'With an AbortSignal: aborting kills it.',
  started: (api, child, parent) => `${cap(child)} starts, a child of ${parent} (${api}).`,
  seen: (child, parent) => `${cap(child)} runs under ${parent}: not a Node program, seen by sampling the OS.`,
  output: (who, stream, n, chunks, bytes, last) =>
    n === 1 ? `${cap(who)} writes on ${stream}, ${bytes} bytes: “${last}”.` : `${cap(who)} writes on ${stream}: ${chunks} chunks, ${bytes} bytes. The last: “${last}”.`,
  printed: (boss, stream, n, lines, last) => (n === 1 ? `${cap(boss)} prints on ${stream}: “${last}”.` : `${cap(boss)} prints ${lines} lines on ${stream}. The last: “${last}”.`),
  messages: (from, to, n, count, bytes, last) =>
    n === 1 ? `${cap(from)} → ${to}, a message over the channel (${bytes} bytes): ${last}.` : `${cap(from)} → ${to}: ${count} messages over the channel, ${bytes} bytes. The last: ${last}.`,
  callbackOk: (api, who, stdout, stderr) => `${api}'s callback runs in ${who}, once, with everything: err = null, ${stdout} bytes of stdout, ${stderr} of stderr.`,
  callbackError: (api, who, code, message) => `${api}'s callback runs in ${who} with an error: err.code = ${code} (${message}).`,
  exit: (who, code, signal) => (signal ? `${cap(who)} is killed by ${signal}.` : `${cap(who)} exits with code ${code ?? '?'}${code === 0 ? ': all went well' : ''}.`),
  error: {
    child: (who, code, message) => `Error in ${who}'s child: ${code}. ${message}`,
    sync: (who, code, message) => `The call in ${who} throws ${code}. ${message}`,
    uncaught: (who, code, message) => `${cap(who)} fails with an uncaught ${code}: ${message}`,
    probe: (who, code, message) => `Obra, observing ${who}: ${code}. ${message}`,
    lab: (_who, code, message) => `Obra: ${code}. ${message}`,
  },
  disconnect: (who) => `The IPC channel with ${who} closes (disconnect).`,
  threadStart: (who, thread, file) => `${cap(who)} starts a Worker thread, thread ${thread} (${file}): another thread of the same process.`,
  threadExit: (who, thread, code) => `Thread ${thread} of ${who} ends with code ${code}.`,
  thread: (thread) => (thread === 0 ? 'the main thread' : `thread ${thread}`),
  end: {
    exit: 'The run is over: the boss ended and no process is left.',
    stopped: 'The run was stopped: Obra ended every process left.',
    timeout: 'The run reached its time limit: Obra ended every process left.',
    error: 'The run ended with an error of Obra’s (above).',
  },
  more: (count) => `… and ${count} more events, on the timeline.`,
};

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
