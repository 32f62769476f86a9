/**
 * The catalogue and the narration files, checked without running anything,
 * through the same lesson check every lesson passes: what the lab lists, the
 * code panel shows and the narration points at exists.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DemoInfo } from '../../shared/api';
import { Lab } from '../../electron/lab/index';
import { parseCatalogue } from '../../shared/lesson';
import { DEMOS_DIR, narrationOf } from './demo-log';

const IDS = [
  'event-loop', 'exec', 'execfile', 'maxbuffer', 'spawn', 'fork', 'blocking', 'all-cores', 'kill',
  // Beyond the notes: what comes next in the same course.
  'worker-threads', 'cluster', 'sync', 'pipes', 'injection',
];
const catalogue = JSON.parse(fs.readFileSync(path.join(DEMOS_DIR, 'catalogue.json'), 'utf8')) as DemoInfo[];

describe('the demo catalogue', () => {
  it("lists the notes' nine demos in their order, then the five beyond them, each with both languages and its boss first", () => {
    // The catalogue passes the one lesson check (shared/lesson.ts) as it is.
    expect(parseCatalogue(catalogue, 'catalogue.json')).toEqual(catalogue);
    expect(catalogue.map((d) => d.id)).toEqual(IDS);
    for (const demo of catalogue) {
      expect(demo.files[0]).toBe(demo.entry);
      for (const lang of ['es', 'en'] as const) {
        expect(demo.title[lang].length, `${demo.id} title.${lang}`).toBeGreaterThan(3);
        expect(demo.summary[lang].length, `${demo.id} summary.${lang}`).toBeGreaterThan(20);
      }
      for (const file of demo.files) expect(fs.existsSync(path.join(DEMOS_DIR, demo.id, file)), `${demo.id}/${file}`).toBe(true);
    }
  });

  it('is what the lab lists and reads, verbatim', async () => {
    const lab = new Lab();
    try {
      expect(await lab.listDemos()).toEqual(catalogue);
      const sources = await lab.readDemo('blocking');
      // The scripts in catalogue order, then the narration the app assembles the lesson from.
      expect(sources.map((s) => s.path)).toEqual(['index.js', 'client.js', 'heavy-worker.js', 'narration.json']);
      expect(sources[1].text).toBe(fs.readFileSync(path.join(DEMOS_DIR, 'blocking', 'client.js'), 'utf8'));
    } finally {
      await lab.shutdown();
    }
  });
});

describe('the narration files', () => {
  for (const id of IDS) {
    it(`${id}: passes the lesson check (both languages, the same placeholders, code that exists) and writes no number of its own`, async () => {
      const steps = await narrationOf(id);
      expect(steps.length).toBeGreaterThanOrEqual(5);
      for (const [i, step] of steps.entries()) {
        const at = `${id} step ${i + 1}`;
        // Numbers come from the run: a template holds none of its own beyond labels like "1)" or "×".
        for (const lang of ['es', 'en'] as const) expect(step.text[lang].replace(/\{[^}]*\}/g, ''), `${at} ${lang}`).not.toMatch(/\d{3,}/);
      }
    });
  }
});
