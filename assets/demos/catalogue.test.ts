/**
 * The catalogue and the narration files, checked without running anything:
 * what the lab lists, the code panel shows and the narration points at exists.
 */
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import type { DemoInfo } from '../../shared/api';
import { Lab } from '../../electron/lab/index';
import { DEMOS_DIR, narrationOf } from './demo-log';

const IDS = [
  'event-loop', 'exec', 'execfile', 'maxbuffer', 'spawn', 'fork', 'blocking', 'all-cores', 'kill',
  // Beyond the notes: what comes next in the same course.
  'worker-threads', 'cluster', 'sync', 'pipes', 'injection',
];
const catalogue = JSON.parse(fs.readFileSync(path.join(DEMOS_DIR, 'catalogue.json'), 'utf8')) as DemoInfo[];
const placeholders = (text: string) => [...text.matchAll(/\{([\w.]+)(?:\|[\w%]+)?\}/g)].map((m) => m[0]).sort();

describe('the demo catalogue', () => {
  it("lists the notes' nine demos in their order, then the five beyond them, each with both languages and its boss first", () => {
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
      expect(sources.map((s) => s.path)).toEqual(['index.js', 'client.js', 'heavy-worker.js']);
      expect(sources[1].text).toBe(fs.readFileSync(path.join(DEMOS_DIR, 'blocking', 'client.js'), 'utf8'));
    } finally {
      await lab.shutdown();
    }
  });
});

describe('the narration files', () => {
  for (const id of IDS) {
    it(`${id}: parses, fills the same placeholders in es and en, and points at code that exists`, () => {
      const steps = narrationOf(id);
      expect(steps.length).toBeGreaterThanOrEqual(5);
      const files = catalogue.find((d) => d.id === id)?.files ?? [];
      for (const [i, step] of steps.entries()) {
        const at = `${id} step ${i + 1}`;
        expect(placeholders(step.text.es), at).toEqual(placeholders(step.text.en));
        // Numbers come from the run: a template holds none of its own beyond labels like "1)" or "×".
        for (const lang of ['es', 'en'] as const) expect(step.text[lang].replace(/\{[^}]*\}/g, ''), `${at} ${lang}`).not.toMatch(/\d{3,}/);
        if (step.code) {
          expect(files, at).toContain(step.code.file);
          expect(fs.readFileSync(path.join(DEMOS_DIR, id, step.code.file), 'utf8'), at).toContain(step.code.text);
        }
        if (step.on.child !== undefined) expect(step.on.child, at).toBeLessThan(i + 1);
      }
    });
  }
});
