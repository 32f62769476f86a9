import type { StoryMessages } from './storyMessages';

export const storyEs: StoryMessages = {
  boss: (pid) => `el jefe (pid ${pid})`,
  process: (pid, program) => `el pid ${pid} (${program})`,
  start: (boss, script, node) => `Obra arranca ${boss}: Node ${node} ejecuta ${script}.`,
  call: (who, call, where) => `${cap(who)} llama a ${call}${where ? ` (${where})` : ''}.`,
  why: {
    exec: 'exec ejecuta el comando en un shell y junta toda su salida para el callback, hasta maxBuffer.',
    execFile: 'execFile ejecuta el programa directamente, sin shell, y junta su salida para el callback.',
    spawn: "spawn entrega la salida a medida que llega, en cuotas (eventos 'data'), sin límite.",
    fork: "fork arranca otro programa de Node con un canal IPC: los dos lados se hablan con send() y eventos 'message'.",
    execSync: 'execSync ejecuta el comando en un shell y espera: el bucle de eventos del jefe se detiene hasta que el hijo termina.',
    execFileSync: 'execFileSync ejecuta el programa sin shell y espera: el bucle de eventos del jefe se detiene hasta que el hijo termina.',
    spawnSync: 'spawnSync arranca el programa y espera: el bucle de eventos del jefe se detiene hasta que el hijo termina.',
  },
  throughShell: (shell) => `Esta vez a través de un shell (${shell}).`,
  detached: 'Separado (detached): el hijo tiene su propio grupo de procesos.',
  inherit: "stdio 'inherit': el hijo escribe directo en la terminal, así que al jefe no le llega nada.",
  timeout: (ms) => `Con un timeout de ${ms} ms: pasado ese tiempo, Node lo mata.`,
  abortable: 'Con un AbortSignal: abortar lo mata.',
  started: (api, child, parent) => `Arranca ${child}, hijo ${de(parent)} (${api}).`,
  seen: (child, parent) => `${cap(child)} corre bajo ${parent}: no es un programa de Node, lo ve el muestreo del sistema.`,
  output: (who, stream, n, chunks, bytes, last) =>
    n === 1 ? `${cap(who)} escribe en ${stream}, ${bytes} bytes: “${last}”.` : `${cap(who)} escribe en ${stream}: ${chunks} cuotas, ${bytes} bytes. La última: “${last}”.`,
  printed: (boss, stream, n, lines, last) => (n === 1 ? `${cap(boss)} imprime en ${stream}: “${last}”.` : `${cap(boss)} imprime ${lines} líneas en ${stream}. La última: “${last}”.`),
  messages: (from, to, n, count, bytes, last) =>
    n === 1 ? `${cap(from)} → ${to}, un mensaje por el canal (${bytes} bytes): ${last}.` : `${cap(from)} → ${to}: ${count} mensajes por el canal, ${bytes} bytes. El último: ${last}.`,
  callbackOk: (api, who, stdout, stderr) => `El callback de ${api} se ejecuta en ${who}, una sola vez, con todo junto: err = null, ${stdout} bytes de stdout, ${stderr} de stderr.`,
  callbackError: (api, who, code, message) => `El callback de ${api} se ejecuta en ${who} con un error: err.code = ${code} (${message}).`,
  exit: (who, code, signal) => (signal ? `${cap(who)} termina por la señal ${signal}.` : `${cap(who)} termina con código ${code ?? '?'}${code === 0 ? ': todo salió bien' : ''}.`),
  error: {
    child: (who, code, message) => `Error en el hijo ${de(who)}: ${code}. ${message}`,
    sync: (who, code, message) => `La llamada ${de(who)} lanza ${code}. ${message}`,
    uncaught: (who, code, message) => `${cap(who)} falla con un ${code} sin capturar: ${message}`,
    probe: (who, code, message) => `Obra, observando ${a(who)}: ${code}. ${message}`,
    lab: (_who, code, message) => `Obra: ${code}. ${message}`,
  },
  disconnect: (who) => `Se cierra el canal IPC con ${who} (disconnect).`,
  threadStart: (who, thread, file) => `${cap(who)} arranca un hilo Worker, el hilo ${thread} (${file}): otro hilo del mismo proceso.`,
  threadExit: (who, thread, code) => `El hilo ${thread} ${de(who)} termina con código ${code}.`,
  thread: (thread) => (thread === 0 ? 'el hilo principal' : `el hilo ${thread}`),
  end: {
    exit: 'Fin de la ejecución: el jefe terminó y no queda ningún proceso.',
    stopped: 'Se detuvo la ejecución: Obra terminó los procesos que quedaban.',
    timeout: 'La ejecución llegó a su tiempo límite: Obra terminó los procesos que quedaban.',
    error: 'La ejecución terminó con un error de Obra (arriba).',
  },
  more: (count) => `… y ${count} eventos más, en la línea de tiempo.`,
};

/** "de el jefe" is "del jefe" in Spanish, "a el" is "al". */
function de(text: string): string {
  return text.startsWith('el ') ? `del ${text.slice(3)}` : `de ${text}`;
}

function a(text: string): string {
  return text.startsWith('el ') ? `al ${text.slice(3)}` : `a ${text}`;
}

function cap(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}
