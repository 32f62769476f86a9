import { describe, expect, it } from 'vitest';
import { commandLineToArgv } from './windows-command-line';

describe('a Windows command line split into argv (as CommandLineToArgvW and the C runtime do)', () => {
  it('splits at spaces and tabs, and keeps quoted spaces', () => {
    expect(commandLineToArgv('cmd.exe /d /s /c "ping -n 3 127.0.0.1 > nul"')).toEqual(['cmd.exe', '/d', '/s', '/c', 'ping -n 3 127.0.0.1 > nul']);
    expect(commandLineToArgv('ping\t-n  3 ')).toEqual(['ping', '-n', '3']);
  });

  it('takes the program name up to its closing quote, backslashes and all', () => {
    expect(commandLineToArgv('"C:\\Program Files\\nodejs\\node.exe" "C:\\work dir\\boss.js"')).toEqual(['C:\\Program Files\\nodejs\\node.exe', 'C:\\work dir\\boss.js']);
    expect(commandLineToArgv('C:\\a\\"b c')).toEqual(['C:\\a\\"b', 'c']);
  });

  // The table of examples in Microsoft's "Parsing C++ command-line arguments".
  it.each([
    ['"a b c" d e', ['a b c', 'd', 'e']],
    ['"ab\\"c" "\\\\" d', ['ab"c', '\\', 'd']],
    ['a\\\\\\b d"e f"g h', ['a\\\\\\b', 'de fg', 'h']],
    ['a\\\\\\"b c d', ['a\\"b', 'c', 'd']],
    ['a\\\\\\\\"b c" d e', ['a\\\\b c', 'd', 'e']],
    ['a"b"" c d', ['ab" c d']],
  ])('%s', (args, argv) => {
    expect(commandLineToArgv(`prog ${args}`)).toEqual(['prog', ...argv]);
  });

  it('keeps an empty quoted argument', () => {
    expect(commandLineToArgv('node -e "" x')).toEqual(['node', '-e', '', 'x']);
  });
});
