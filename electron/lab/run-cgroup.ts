/**
 * A cgroup per run (Linux): every process the boss starts stays in it,
 * whatever it does — a new session, a wiped environment, a parent that is
 * gone — so the run's processes are listed exactly and ended at once.
 *
 * The cgroup is made inside the lab's own cgroup, which must be ours to write
 * (as root; or in a cgroup delegated to the user: a terminal or app scope under
 * systemd's `user@UID.service`, or `systemd-run --user --scope -p Delegate=yes`).
 * A process moves between two cgroups only if it may write the cgroup.procs of
 * their common ancestor: here that is the lab's own.
 *
 * - cgroup2: v2's `cgroup.kill` (Linux 5.14+) ends every member in one write;
 * - cgroup1-freezer: v1's freezer stops every member, they are killed one by
 *   one, then thawed (so none can fork while being killed);
 * - cgroup1-pids: v1's pids controller only lists members: killed one by one,
 *   again until none is left.
 */
import fs from 'node:fs';
import path from 'node:path';

export type CgroupKind = 'cgroup2' | 'cgroup1-freezer' | 'cgroup1-pids';
export const CGROUP_KINDS: readonly CgroupKind[] = ['cgroup2', 'cgroup1-freezer', 'cgroup1-pids'];

/** What the site keeper needs to enter the cgroup, leave it, and end it if the lab is gone. */
export interface KeeperCgroup {
  dir: string;
  enter: string;
  leave: string;
  procs: string;
  kill: string | null;
}

/** The lab's own cgroup in each hierarchy it may use, by kind (read once). */
let ownCgroups: Map<CgroupKind, string> | undefined;

export function ownCgroupDirs(): Map<CgroupKind, string> {
  if (ownCgroups) return ownCgroups;
  ownCgroups = new Map();
  if (process.platform !== 'linux') return ownCgroups;
  let mounts: string[] = [];
  let lines: string[] = [];
  try {
    mounts = fs.readFileSync('/proc/self/mountinfo', 'utf8').split('\n');
    lines = fs.readFileSync('/proc/self/cgroup', 'utf8').split('\n');
  } catch {
    return ownCgroups;
  }
  for (const m of mounts) {
    // "id parent major:minor root mountpoint options… - fstype source superoptions"
    const [left, right] = m.split(' - ');
    if (!right) continue;
    const f = left.split(' ');
    const [fstype, , superOptions = ''] = right.split(' ');
    const root = unescapeMount(f[3]);
    const point = unescapeMount(f[4]);
    const options = superOptions.split(',');
    const own = (match: (controllers: string[], id: string) => boolean) => {
      for (const line of lines) {
        const [id, controllers, ...rest] = line.split(':');
        if (rest.length && match(controllers.split(','), id)) return insideMount(point, root, rest.join(':'));
      }
      return null;
    };
    const add = (kind: CgroupKind, dir: string | null) => {
      if (dir && !ownCgroups?.has(kind)) ownCgroups?.set(kind, dir);
    };
    if (fstype === 'cgroup2') add('cgroup2', own((c, id) => id === '0' && c.join('') === ''));
    else if (fstype === 'cgroup' && options.includes('freezer')) add('cgroup1-freezer', own((c) => c.includes('freezer')));
    else if (fstype === 'cgroup' && options.includes('pids')) add('cgroup1-pids', own((c) => c.includes('pids')));
  }
  return ownCgroups;
}

export class RunCgroup {
  private constructor(
    readonly kind: CgroupKind,
    readonly dir: string,
    private readonly own: string,
  ) {}

  /** A cgroup for this run, or null with why not (no such hierarchy, not ours to write). */
  static create(kind: CgroupKind, runId: string): RunCgroup | { problem: string } {
    const own = ownCgroupDirs().get(kind);
    if (!own) return { problem: `no ${kind} hierarchy is mounted` };
    try {
      fs.accessSync(path.join(own, 'cgroup.procs'), fs.constants.W_OK);
      const dir = path.join(own, `obra-run-${runId}`);
      fs.mkdirSync(dir);
      return new RunCgroup(kind, dir, own);
    } catch (err) {
      return { problem: `the lab's own ${kind} cgroup (${own}) is not ours to write (${(err as NodeJS.ErrnoException).code ?? err})` };
    }
  }

  forKeeper(): KeeperCgroup {
    const procs = path.join(this.dir, 'cgroup.procs');
    return { dir: this.dir, enter: procs, leave: path.join(this.own, 'cgroup.procs'), procs, kill: this.killFile() };
  }

  /** Pids in the cgroup now (a process that has ended is no longer listed). */
  members(): number[] {
    try {
      return fs
        .readFileSync(path.join(this.dir, 'cgroup.procs'), 'utf8')
        .split('\n')
        .filter(Boolean)
        .map(Number);
    } catch {
      return [];
    }
  }

  /** SIGKILL to every member, at once where the kernel can. */
  killAll(): void {
    const kill = this.killFile();
    if (kill) {
      try {
        return fs.writeFileSync(kill, '1');
      } catch {
        // Fall back to one by one.
      }
    }
    const frozen = this.kind === 'cgroup1-freezer' && this.freeze();
    for (const pid of this.members()) {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // Gone already.
      }
    }
    if (frozen) this.write('freezer.state', 'THAWED');
  }

  /** Removes the (empty) cgroup; members that are still ending get a second. */
  async remove(): Promise<void> {
    const until = Date.now() + 1000;
    for (;;) {
      try {
        return fs.rmdirSync(this.dir);
      } catch (err) {
        const code = (err as NodeJS.ErrnoException).code;
        if (code === 'ENOENT' || Date.now() > until) return;
        await new Promise((resolve) => setTimeout(resolve, 20));
      }
    }
  }

  private killFile(): string | null {
    const file = path.join(this.dir, 'cgroup.kill');
    return this.kind === 'cgroup2' && fs.existsSync(file) ? file : null;
  }

  /** v1's freezer: FROZEN is written, then read back until every member has stopped (at most ~0.5 s). */
  private freeze(): boolean {
    if (!this.write('freezer.state', 'FROZEN')) return false;
    const wait = new Int32Array(new SharedArrayBuffer(4));
    for (let i = 0; i < 50; i++) {
      try {
        if (fs.readFileSync(path.join(this.dir, 'freezer.state'), 'utf8').trim() === 'FROZEN') return true;
      } catch {
        return false;
      }
      Atomics.wait(wait, 0, 0, 10);
    }
    return true;
  }

  private write(file: string, value: string): boolean {
    try {
      fs.writeFileSync(path.join(this.dir, file), value);
      return true;
    } catch {
      return false;
    }
  }
}

/** mountinfo escapes spaces, tabs, newlines and backslashes as octal. */
function unescapeMount(s: string): string {
  return s.replace(/\\([0-7]{3})/g, (_, o: string) => String.fromCharCode(parseInt(o, 8)));
}

/** The folder of cgroup `cgPath` (as /proc/self/cgroup names it) under a mount of `root` at `point`; null if outside it. */
function insideMount(point: string, root: string, cgPath: string): string | null {
  const rel = path.posix.relative(root, cgPath);
  if (rel.startsWith('..')) return null;
  return path.join(point, rel);
}
