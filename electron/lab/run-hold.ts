/**
 * What holds one run's processes together, chosen per run from what the
 * machine permits, strongest first (LabOptions.containment may forbid some):
 *
 * 1. a cgroup per run (run-cgroup.ts): every process stays in it whatever it
 *    does; listed exactly, ended at once;
 * 2. a child subreaper (Linux): the site keeper adopts every process of the
 *    run whose parent ends, so none leaves the tree for init;
 * 3. ancestry only (macOS, Windows, or a Linux that allows neither): process
 *    groups, parents seen in the samples, the run's id in environments. What
 *    escapes all three (a new session, a wiped environment, a parent gone
 *    before the next sample) may survive a stop: it is looked for and named
 *    (`ERR_OBRA_SURVIVORS`), never ended blindly.
 *
 * A PID namespace would hold a run too, but its processes would see pids of
 * their own, not the ones the OS table and the probe's records name.
 */
import type { Containment } from '../../shared/events';
import type { OsProcess } from './os-sampler';
import type { RunHoldView } from './os-sampler-tree';
import { CGROUP_KINDS, RunCgroup } from './run-cgroup';
import { type BossProcess, type KeeperLaunch, startThroughKeeper } from './site-keeper';

export type ContainmentKind = Exclude<Containment, 'ancestry'>;
export const CONTAINMENT_KINDS: readonly ContainmentKind[] = [...CGROUP_KINDS, 'subreaper'];

export class RunHold implements RunHoldView {
  private boss: BossProcess | null = null;
  private keeperLost = false;

  private constructor(
    readonly cgroup: RunCgroup | null,
    /** koffi's entry for a keeper that is to become a subreaper; null when it is not asked to. */
    readonly subreaperWith: string | null,
  ) {}

  /** The strongest hold allowed that this machine permits for a new run. */
  static choose(allowed: readonly ContainmentKind[], runId: string, koffi: string | null): RunHold {
    for (const kind of CGROUP_KINDS) {
      if (!allowed.includes(kind)) continue;
      const cgroup = RunCgroup.create(kind, runId);
      if (cgroup instanceof RunCgroup) return new RunHold(cgroup, null);
    }
    const subreaper = allowed.includes('subreaper') && process.platform === 'linux' ? koffi : null;
    return new RunHold(null, subreaper);
  }

  /** The boss, started by the site keeper inside this hold (a cgroup it enters, a subreaper it becomes). */
  async startBoss(launch: Omit<KeeperLaunch, 'cgroups' | 'subreaperWith'>): Promise<BossProcess> {
    this.boss = await startThroughKeeper({ ...launch, cgroups: this.cgroup ? [this.cgroup.forKeeper()] : [], subreaperWith: this.subreaperWith });
    return this.boss;
  }

  /** The keeper was killed: its pid no longer stands for the run's adopter. */
  lostKeeper(): void {
    this.keeperLost = true;
  }

  /** Whether the keeper was killed before the boss ended (the boss's exit is then unknown). */
  get keeperGone(): boolean {
    return this.keeperLost;
  }

  get containment(): Containment {
    if (this.cgroup) return this.cgroup.kind;
    return this.boss?.subreaper === true ? 'subreaper' : 'ancestry';
  }

  adopter(): number | null {
    return this.boss?.subreaper === true && !this.keeperLost ? this.boss.keeperPid : null;
  }

  members(): number[] {
    return this.cgroup?.members() ?? [];
  }

  /** SIGKILL to the whole cgroup, where there is one (the stop's last step, and the lab's exit). */
  killAll(): void {
    this.cgroup?.killAll();
  }

  /** The run is over (nothing of it left): the keeper goes, the cgroup is removed. */
  async release(): Promise<void> {
    this.boss?.release();
    await this.cgroup?.remove();
  }

  /** Whether a process escaping every look can survive a stop (then the end looks for suspects). */
  get leaky(): boolean {
    return !this.cgroup;
  }
}

/** `ERR_OBRA_SURVIVORS`' words for processes that may have escaped the run unseen. */
export function suspectsMessage(suspects: readonly OsProcess[], hold: RunHold): string {
  const named = suspects.map((p) => `${p.pid} (${p.command})`).join(', ');
  const why =
    hold.containment === 'subreaper'
      ? 'the run\'s site keeper, which held its orphans, was killed'
      : 'this machine gave the run neither a cgroup nor a child subreaper (see "How it observes" in the README)';
  return (
    `Still running, and perhaps the run's: ${named}. Each started during the run in a session of its own and was ` +
    `adopted by init or a subreaper, so nothing ties it to the run any more: ${why}. Obra left ${suspects.length === 1 ? 'it' : 'them'} running; ` +
    `end ${suspects.length === 1 ? 'it' : 'them'} with kill ${suspects.map((p) => p.pid).join(' ')} if ${suspects.length === 1 ? 'it is' : 'they are'} the run's.`
  );
}
