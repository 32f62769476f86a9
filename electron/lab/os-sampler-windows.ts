/**
 * The process table on Windows, from ntdll through koffi (a C FFI shipped as
 * prebuilt binaries: nothing is compiled when Obra is installed).
 *
 * One NtQuerySystemInformation(SystemProcessInformation) call returns every
 * process with its parent's pid, image name, creation time, CPU times and
 * working set, in about a millisecond: the same call psutil and Process
 * Explorer make. The command line of a new process is read from its PEB
 * (NtQueryInformationProcess + ReadProcessMemory), as VS Code's
 * windows-process-tree does. No `wmic` (gone from Windows 11), no PowerShell
 * (hundreds of ms per query), no process spawned per poll.
 *
 * The layouts read are the 64-bit ones (x64 and arm64 Windows).
 */
import { createRequire } from 'node:module';
import type { OsProcess, ProcessTable } from './process-table';
import { snapshotOf } from './os-sampler-snapshot';
import { commandLineToArgv } from './windows-command-line';

/** CPU times and creation times come in 100 ns units. */
const TICKS_PER_SECOND = 10_000_000;
const SYSTEM_PROCESS_INFORMATION = 5;
const PROCESS_BASIC_INFORMATION = 0;
const STATUS_INFO_LENGTH_MISMATCH = -1073741820; // 0xC0000004
const PROCESS_QUERY_INFORMATION = 0x0400;
const PROCESS_VM_READ = 0x0010;
/** 1601-01-01 to 1970-01-01 in 100 ns units: creation times become µs since the Unix epoch, exact in a double. */
const FILETIME_UNIX_EPOCH = 116444736000000000n;

/** SYSTEM_PROCESS_INFORMATION (64-bit): byte offsets of the fields read. */
const SPI = { next: 0, threads: 4, createTime: 32, userTime: 40, kernelTime: 48, nameLength: 56, nameBuffer: 64, pid: 80, ppid: 88, workingSet: 144 };
/** PEB → ProcessParameters → CommandLine (64-bit). */
const PEB_PROCESS_PARAMETERS = 0x20;
const PARAMETERS_COMMAND_LINE = 0x70;

/**
 * The entries of a SystemProcessInformation buffer. `base` is the buffer's
 * address: image names point into the buffer itself.
 */
export function parseSystemProcessInformation(buf: Buffer, base: bigint): OsProcess[] {
  const out: OsProcess[] = [];
  for (let at = 0; at + SPI.workingSet + 8 <= buf.length; ) {
    const nameLength = buf.readUInt16LE(at + SPI.nameLength);
    const namePtr = buf.readBigUInt64LE(at + SPI.nameBuffer);
    const nameAt = Number(namePtr - base);
    const command = namePtr !== 0n && nameAt >= 0 && nameAt + nameLength <= buf.length ? buf.toString('utf16le', nameAt, nameAt + nameLength) : '';
    const pid = Number(buf.readBigUInt64LE(at + SPI.pid));
    const created = buf.readBigInt64LE(at + SPI.createTime);
    // A process still being created has no image name yet (nor a creation time to trust): next poll.
    if (command || pid === 0) {
      out.push({
        pid,
        ppid: Number(buf.readBigUInt64LE(at + SPI.ppid)),
        pgrp: -1,
        // An exited process whose object is still held open (by its parent's handle) has no threads left.
        state: buf.readUInt32LE(at + SPI.threads) === 0 ? 'Z' : 'R',
        command,
        cpuTicks: Number(buf.readBigInt64LE(at + SPI.userTime) + buf.readBigInt64LE(at + SPI.kernelTime)),
        startTicks: created > 0n ? Number((created - FILETIME_UNIX_EPOCH) / 10n) : 0,
        rssBytes: Number(buf.readBigUInt64LE(at + SPI.workingSet)),
      });
    }
    const next = buf.readUInt32LE(at + SPI.next);
    if (next === 0) break;
    at += next;
  }
  return out;
}

/** The few koffi calls used (koffi is an optional dependency: its types may be absent). */
interface Koffi {
  load(path: string): { func(signature: string): (...args: unknown[]) => unknown };
  address(value: unknown): bigint;
}

export function createWindowsProcessTable(): ProcessTable {
  if (process.arch !== 'x64' && process.arch !== 'arm64') throw new Error(`Windows on ${process.arch} is not supported (64-bit only)`);
  // Loaded when needed, from node_modules (never bundled: it finds its own binary beside it).
  const koffi = createRequire(__filename)('koffi') as Koffi;
  const ntdll = koffi.load('ntdll.dll');
  const kernel32 = koffi.load('kernel32.dll');
  const querySystem = ntdll.func('int32 __stdcall NtQuerySystemInformation(uint32 cls, _Out_ void *buf, uint32 len, _Out_ uint32 *ret)');
  const queryProcess = ntdll.func('int32 __stdcall NtQueryInformationProcess(void *h, uint32 cls, _Out_ void *buf, uint32 len, _Out_ uint32 *ret)');
  const openProcess = kernel32.func('void * __stdcall OpenProcess(uint32 access, bool inherit, uint32 pid)');
  const closeHandle = kernel32.func('bool __stdcall CloseHandle(void *h)');
  const readMemory = kernel32.func('bool __stdcall ReadProcessMemory(void *h, uint64 addr, _Out_ void *buf, uintptr_t len, _Out_ uintptr_t *read)');

  let buf = Buffer.alloc(256 * 1024);
  function readTable(): OsProcess[] {
    const needed = [0];
    for (;;) {
      const status = querySystem(SYSTEM_PROCESS_INFORMATION, buf, buf.length, needed) as number;
      if (status === STATUS_INFO_LENGTH_MISMATCH) {
        buf = Buffer.alloc(Math.max(buf.length * 2, needed[0] + 64 * 1024));
        continue;
      }
      if (status !== 0) throw new Error(`NtQuerySystemInformation failed (NTSTATUS 0x${(status >>> 0).toString(16)})`);
      return parseSystemProcessInformation(buf.subarray(0, needed[0]), koffi.address(buf));
    }
  }

  const word = Buffer.alloc(48);
  const done = [0];
  function read(h: unknown, addr: bigint, into: Buffer, len: number): boolean {
    return addr !== 0n && (readMemory(h, addr, into, len, done) as boolean) && done[0] === len;
  }

  /** The process's command line from its PEB; null when it is gone or not ours to read. */
  function commandLine(pid: number): string | null {
    const h = openProcess(PROCESS_QUERY_INFORMATION | PROCESS_VM_READ, false, pid);
    if (!h) return null;
    try {
      if ((queryProcess(h, PROCESS_BASIC_INFORMATION, word, 48, done) as number) !== 0) return null;
      const peb = word.readBigUInt64LE(8);
      if (!read(h, peb + BigInt(PEB_PROCESS_PARAMETERS), word, 8)) return null;
      const parameters = word.readBigUInt64LE(0);
      if (!read(h, parameters + BigInt(PARAMETERS_COMMAND_LINE), word, 16)) return null;
      const length = word.readUInt16LE(0);
      const text = Buffer.alloc(length);
      if (length && !read(h, word.readBigUInt64LE(8), text, length)) return null;
      return text.toString('utf16le');
    } finally {
      closeHandle(h);
    }
  }

  return {
    source: 'ntdll',
    ticksPerSecond: TICKS_PER_SECOND,
    snapshot: async () => snapshotOf(readTable()),
    snapshotSync: () => snapshotOf(readTable()),
    async argvs(pids) {
      const out = new Map<number, string[]>();
      for (const pid of pids) {
        const line = commandLine(pid);
        if (line !== null) out.set(pid, commandLineToArgv(line));
      }
      return out;
    },
  };
}
