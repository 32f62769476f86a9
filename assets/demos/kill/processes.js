// Mirar la tabla de procesos: quién vive y quién es hijo de quién.
// Looking at the process table: who is alive and who is whose child.
const fs = require('node:fs');
const { execFileSync } = require('node:child_process');

const hasProc = fs.existsSync('/proc/self/stat'); // Linux

// { pid, ppid, pgid, command } leídos de /proc/<pid>/stat (solo Linux).
// { pid, ppid, pgid, command } read from /proc/<pid>/stat (Linux only).
function readStat(pid) {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (fields[0] === 'Z') return null; // zombi: ya terminó / zombie: already ended
    return { pid: Number(pid), ppid: Number(fields[1]), pgid: Number(fields[2]), command: stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) };
  } catch {
    return null; // terminó mientras mirábamos / it ended while we looked
  }
}

/** Los hijos vivos de `pid`. Linux: /proc; macOS: pgrep -P. / The live children of `pid`. */
function childrenOf(pid) {
  if (!hasProc) {
    try {
      return execFileSync('pgrep', ['-P', String(pid)], { encoding: 'utf8' }).split('\n').filter(Boolean).map((p) => ({ pid: Number(p), ppid: pid, command: '?' }));
    } catch {
      return []; // pgrep sale con 1 si no hay ninguno / pgrep exits 1 when there is none
    }
  }
  return allProcesses().filter((p) => p.ppid === pid);
}

function allProcesses() {
  return fs.readdirSync('/proc').filter((name) => /^\d+$/.test(name)).map(readStat).filter(Boolean);
}

/** ¿Sigue vivo? La señal 0 solo pregunta. / Still alive? Signal 0 only asks. */
function isAlive(pid) {
  if (hasProc) return readStat(pid) !== null;
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/** ¿Queda alguien vivo en el grupo? / Is anyone alive left in the group? */
function groupIsAlive(pgid) {
  // Linux: un zombi (terminado, esperando a que lo recojan) no cuenta.
  // Linux: a zombie (ended, waiting to be reaped) does not count.
  if (hasProc) return allProcesses().some((p) => p.pgid === pgid);
  try {
    process.kill(-pgid, 0);
    return true;
  } catch {
    return false;
  }
}

/** "1234 sleep (ppid 1)" */
function describe(pid) {
  const p = hasProc ? readStat(pid) : null;
  return p ? `${p.pid} ${p.command} (ppid ${p.ppid})` : String(pid);
}

module.exports = { childrenOf, isAlive, groupIsAlive, describe };
