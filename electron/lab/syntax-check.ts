/**
 * Does a script parse? `node --check` decides, with the Node that would run it:
 * the same grammar, the same module detection, Node's own words. Used before
 * an edited or uploaded run starts (nothing runs if a file does not parse) and
 * by the CLI to tell a script that does not parse from one that throws.
 */
import { execFile } from 'node:child_process';

export interface ParseFailure {
  /** The file as `node --check` names it. */
  file: string;
  line: number;
  /** 1-based, where Node's caret points; null when it showed none. */
  column: number | null;
  /** Node's words after `SyntaxError: `. */
  message: string;
}

export interface CheckingNode {
  /** The Node binary (Electron's with ELECTRON_RUN_AS_NODE in env). */
  nodePath: string;
  env?: Record<string, string>;
}

/** A check that takes longer than this is given up (the run then shows what Node says). */
const CHECK_TIMEOUT_MS = 10_000;
/** "/x/bad.js:3" — the first line Node prints for a SyntaxError. */
const PLACE_LINE = /^(?:file:\/\/)?(.+?):(\d+)$/;

/** `node --check file`: null when it parses (or cannot be checked), else Node's place and message. */
export function checkSyntax(file: string, node: CheckingNode = { nodePath: process.execPath }): Promise<ParseFailure | null> {
  // The probe is not wanted in a check: NODE_OPTIONS from the caller's environment is left out.
  const { NODE_OPTIONS: _options, ...env } = { ...process.env, ...node.env };
  return new Promise((resolve) => {
    execFile(node.nodePath, ['--check', file], { timeout: CHECK_TIMEOUT_MS, env, windowsHide: true }, (err, _stdout, stderr) => {
      resolve(err ? parseFailureOf(stderr) : null);
    });
  });
}

/** Node's report of a SyntaxError (`file:line`, the line, a caret, `SyntaxError: …`), read; null for anything else. */
export function parseFailureOf(stderr: string): ParseFailure | null {
  const lines = stderr.replace(/\r/g, '').split('\n');
  const place = PLACE_LINE.exec(lines[0] ?? '');
  const message = lines.find((l) => l.startsWith('SyntaxError: '))?.slice('SyntaxError: '.length);
  if (!place || message === undefined) return null;
  const caret = /^\s*\^/.test(lines[2] ?? '') ? (lines[2] as string).indexOf('^') + 1 : null;
  return { file: place[1], line: Number(place[2]), column: caret, message };
}

/** The first of `files` that does not parse, checking a few at a time. */
export async function firstParseFailure(files: readonly string[], node: CheckingNode): Promise<ParseFailure | null> {
  const AT_ONCE = 4;
  for (let i = 0; i < files.length; i += AT_ONCE) {
    const failures = await Promise.all(files.slice(i, i + AT_ONCE).map((file) => checkSyntax(file, node)));
    const failed = failures.find((f) => f !== null);
    if (failed) return failed;
  }
  return null;
}
