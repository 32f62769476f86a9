import { describe, expect, it } from 'vitest';
import { bytesLabel, formatCount, shortCode, twoLines } from './labels';
import { STAGE_TEXT } from '../i18n/stageText';

describe('stage labels', () => {
  it('write numbers the reader’s way: es 4.096 bytes, en 4,096 bytes', () => {
    expect(formatCount(4096, 'es')).toBe('4.096');
    expect(formatCount(4096, 'en')).toBe('4,096');
    expect(bytesLabel(4096, 'es')).toBe('4.096 B');
    expect(bytesLabel(9_873_400, 'es')).toBe('9,4 MiB');
    expect(bytesLabel(9_873_400, 'en')).toBe('9.4 MiB');
  });

  it('shorten long error codes so they fit on a sign', () => {
    expect(shortCode('EACCES')).toBe('EACCES');
    expect(shortCode('ERR_CHILD_PROCESS_STDIO_MAXBUFFER')).toBe('MAXBUFFER');
    expect(shortCode('ERR_OBRA_TOO_MANY_PROCESSES')).toBe('PROCESSES');
    for (const code of ['ERR_SOMETHING_VERY_LONG_INDEED', 'ERR_X']) expect(shortCode(code).length).toBeLessThanOrEqual(10);
  });

  it('say boss and jefe', () => {
    expect(STAGE_TEXT.en.summary(12, 3, 2)).toBe('Boss 12 and 3 workers, 2 running');
    expect(STAGE_TEXT.es.summary(12, 1, 1)).toBe('Jefe de obra 12 y 1 obrero, 1 activo');
  });
});

describe('a pipeline on the stage', () => {
  it('is named by each of its programs', async () => {
    const { pipelineNames } = await import('./derive');
    expect(pipelineNames('ls -1 /usr/bin | sort | tr a-z A-Z')).toBe('ls | sort | tr');
    expect(pipelineNames('sleep 30 | cat')).toBe('sleep | cat');
    expect(pipelineNames('echo hola; sleep 1')).toBeNull();
    expect(pipelineNames('test -f x || echo missing')).toBeNull();
  });
});

describe('a command on two lines', () => {
  it('breaks at the last space that fits, and cuts only what two lines cannot hold', () => {
    expect(twoLines('client.js inline 40123', 30)).toBeNull();
    expect(twoLines('client.js inline 40123', 16)).toEqual(['client.js inline', '40123']);
    expect(twoLines('client.js inline 40123', 12)).toEqual(['client.js', 'inline 40123']);
    expect(twoLines('node …/generator.js 3145728 and more words', 20)).toEqual(['node …/generator.js', '3145728 and more wo…']);
  });
});
