// @ts-check
/**
 * Why Electron ended before its window was up, in one line ending with a code,
 * and what to do when the user can fix it: read from the tail of Electron's
 * stderr (Chromium's FATAL lines) and how it ended.
 *
 * The sandbox case: on Ubuntu 23.10+ AppArmor restricts unprivileged user
 * namespaces, so Chromium falls back to the setuid helper chrome-sandbox,
 * which in node_modules is neither root's nor setuid, and Chromium aborts
 * (SIGTRAP) rather than run unsandboxed (electron/electron#42510).
 */

/**
 * @typedef {{ reason: string, hint: string[] }} LaunchFailure
 */

/**
 * @param {{ stderr: string, exitCode: number | null, signal: string | null, chromeSandbox: string, binary: string }} ended
 *   chromeSandbox and binary as they should be shown to the user.
 * @returns {LaunchFailure}
 */
function launchFailure({ stderr, exitCode, signal, chromeSandbox, binary }) {
  const how = signal ? signal : `exit code ${exitCode}`;
  if (/The SUID sandbox helper binary was found, but is not configured correctly|No usable sandbox!/.test(stderr)) {
    return {
      reason: `Electron stopped before its window was up: Chromium's sandbox cannot start here (${how}, ERR_OBRA_ELECTRON_SANDBOX)`,
      hint: [
        "Electron's sandbox needs unprivileged user namespaces, which AppArmor restricts on Ubuntu 23.10 and later. Either of these lets it start:",
        `  1. make its sandbox helper setuid root (again after each npm ci): sudo chown root ${chromeSandbox} && sudo chmod 4755 ${chromeSandbox}`,
        `  2. or give ${binary} an AppArmor profile that allows user namespaces (README, "First run": the profile and the command to load it)`,
      ],
    };
  }
  if (/Running as root without --no-sandbox is not supported/.test(stderr)) {
    return {
      reason: `Electron stopped before its window was up: Chromium will not run as root with its sandbox on, and Obra keeps it on (${how}, ERR_OBRA_ELECTRON_ROOT)`,
      hint: ['Start Obra as a normal user, not as root.'],
    };
  }
  const library = /error while loading shared libraries: ([^:\s]+)/.exec(stderr);
  if (library) {
    return {
      reason: `Electron cannot start: the system library ${library[1]} is missing (${how}, ERR_OBRA_ELECTRON_LIBRARY)`,
      hint: [`Install the package that provides ${library[1]} with your system's package manager.`],
    };
  }
  if (/Missing X server or \$DISPLAY|cannot open display/i.test(stderr)) {
    return { reason: `Electron cannot open a window on this display (${how}, ERR_OBRA_NO_DISPLAY)`, hint: [] };
  }
  const last = stderr
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter(Boolean)
    .pop();
  return { reason: `Electron stopped before its window was up (${how}${last ? `; it said: ${last.slice(0, 200)}` : ''}, ERR_OBRA_ELECTRON_EXITED)`, hint: [] };
}

module.exports = { launchFailure };
