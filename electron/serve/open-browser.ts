/**
 * `--open`: show the page in Chromium's app mode (a window without browser
 * chrome) when Chromium is installed and there is a display, else in the
 * system's default browser; where neither can open, the caller's printed URL
 * is all there is. The browser is started detached and never waited for.
 */
import { spawn } from 'node:child_process';
import { accessSync, constants } from 'node:fs';
import path from 'node:path';

const CHROMIUM_NAMES = ['chromium', 'chromium-browser', 'google-chrome', 'google-chrome-stable'];

/** The first executable named `names` on PATH (POSIX), or null. */
export function findExecutable(names: string[], searchPath = process.env.PATH ?? ''): string | null {
  for (const dir of searchPath.split(path.delimiter).filter(Boolean)) {
    for (const name of names) {
      const candidate = path.join(dir, name);
      try {
        accessSync(candidate, constants.X_OK);
        return candidate;
      } catch {
        // not here
      }
    }
  }
  return null;
}

/** Whether a window could appear: always on macOS/Windows, on Linux only with a display. */
export function hasDisplay(env: NodeJS.ProcessEnv = process.env, platform = process.platform): boolean {
  if (platform === 'darwin' || platform === 'win32') return true;
  return Boolean(env.DISPLAY || env.WAYLAND_DISPLAY);
}

/** The command that would open `url`, or null when none applies here. */
export function browserCommand(url: string): { command: string; args: string[] } | null {
  if (!hasDisplay()) return null;
  if (process.platform === 'darwin') return { command: 'open', args: [url] };
  // rundll32 opens a URL without going through cmd.exe's quoting rules.
  if (process.platform === 'win32') return { command: 'rundll32', args: ['url.dll,FileProtocolHandler', url] };
  const chromium = findExecutable(CHROMIUM_NAMES);
  if (chromium) return { command: chromium, args: [`--app=${url}`, '--no-first-run'] };
  const xdgOpen = findExecutable(['xdg-open']);
  return xdgOpen ? { command: xdgOpen, args: [url] } : null;
}

/** Try to open `url`; says in one line what happened. Never throws, never waits. */
export function openInBrowser(url: string, log: (line: string) => void): boolean {
  const opener = browserCommand(url);
  if (!opener) {
    log('obra: no display or browser to open here; open the URL above yourself.');
    return false;
  }
  try {
    const child = spawn(opener.command, opener.args, { detached: true, stdio: 'ignore' });
    const started = Date.now();
    child.on('error', (err) => log(`obra: could not start ${opener.command}: ${err.message}`));
    // A browser that gives up at once (no sandbox as root, no usable display…) says nothing: say it for it.
    child.on('exit', (code) => {
      if (code !== 0 && Date.now() - started < 10_000) log(`obra: ${path.basename(opener.command)} exited at once (code ${code}); open the URL above yourself.`);
    });
    child.unref();
    log(`obra: opening ${path.basename(opener.command)} (pid ${child.pid ?? '?'})`);
    return true;
  } catch (err) {
    log(`obra: could not start ${opener.command}: ${(err as Error).message}`);
    return false;
  }
}
