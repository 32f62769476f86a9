/** Running a demo from the page, for the browser tests. */
import type { Page } from '@playwright/test';
import type { LabEvent } from '../../shared/events';
import type { Lab } from '../../electron/lab/index';
import { waitForStatus, watchLab } from './ui-helpers';

/** Runs a demo from the UI to its end; the events the lab published for it. */
export async function runToEnd(page: Page, obra: { url: string; lab: Lab }, demo: string, finished = 'Finished'): Promise<LabEvent[]> {
  const lab = watchLab(obra.lab);
  await page.goto(`${obra.url}#demo=${demo}`);
  await page.getByRole('button', { name: /^(Run|Ejecutar)$/ }).click();
  await waitForStatus(page, finished);
  lab.stop();
  return lab.latest();
}

