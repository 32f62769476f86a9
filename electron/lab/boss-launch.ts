/**
 * What the boss is started with: `node <script> …args` (by the site keeper, in
 * its own process group on POSIX: site-keeper.ts), with the probe preloaded
 * through NODE_OPTIONS (so every `node` in the tree loads it, forks included)
 * and the report channel named in the environment.
 */
import { execFile } from 'node:child_process';
import { ObraError } from './obra-error';

export interface BossLaunch {
  nodePath: string;
  script: string;
  args: string[];
  cwd: string;
  /** Extra environment from LabOptions.env (e.g. ELECTRON_RUN_AS_NODE=1 under Electron). */
  extraEnv: Record<string, string>;
  /** The probe's entry, or null to run unobserved (probe missing). */
  probe: string | null;
  report: string;
  t0: bigint;
  runId: string;
}

/** The boss's environment: ours, plus the probe and the report channel. */
export function bossEnv(launch: BossLaunch, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  // Inherited from a lab that itself runs as Electron-as-node: not the boss's business.
  delete env.ELECTRON_RUN_AS_NODE;
  Object.assign(env, launch.extraEnv);
  if (launch.probe) {
    const require = `--require ${quoteNodeOption(launch.probe)}`;
    env.NODE_OPTIONS = env.NODE_OPTIONS ? `${env.NODE_OPTIONS} ${require}` : require;
  }
  env.OBRA_REPORT = launch.report;
  env.OBRA_T0 = launch.t0.toString();
  env.OBRA_RUN = launch.runId;
  return env;
}

/**
 * The site keeper's environment: ours, without the probe (the keeper is not
 * observed) and without any run's id (it is not a process of the run).
 */
export function keeperEnv(extraEnv: Record<string, string>, base: NodeJS.ProcessEnv = process.env): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...base };
  delete env.ELECTRON_RUN_AS_NODE;
  Object.assign(env, extraEnv);
  for (const name of ['NODE_OPTIONS', 'OBRA_REPORT', 'OBRA_T0', 'OBRA_RUN']) delete env[name];
  return env;
}

/** NODE_OPTIONS splits on spaces; a value with spaces, quotes or backslashes goes in double quotes, escaped. */
export function quoteNodeOption(value: string): string {
  return /[\s"\\]/.test(value) ? `"${value.replace(/["\\]/g, '\\$&')}"` : value;
}

const versions = new Map<string, Promise<string>>();

/** The Node version the boss will run: ours when it is our binary, else asked once per binary. */
export function nodeVersionOf(nodePath: string, extraEnv: Record<string, string>): Promise<string> {
  if (nodePath === process.execPath) return Promise.resolve(process.version);
  let version = versions.get(nodePath);
  if (!version) {
    const env = { ...process.env, ...extraEnv };
    delete env.NODE_OPTIONS;
    version = new Promise<string>((resolve, reject) => {
      execFile(nodePath, ['-p', 'process.version'], { env, timeout: 10_000, encoding: 'utf8' }, (err, stdout) => {
        if (err) reject(ObraError.from(err));
        else resolve(stdout.trim());
      });
    });
    version.catch(() => versions.delete(nodePath));
    versions.set(nodePath, version);
  }
  return version;
}
