/**
 * Every word of the interface, in Spanish and English written by hand: the
 * app's (messages.ts, es.ts, en.ts, with the editor's and the story's
 * sections) here as MESSAGES, and one table per area beside it — stageText,
 * lessonText, classroomText, exportText, clipText, dialogText (the native
 * dialogs', which the main process shows). Nowhere else (textHome.test.ts).
 */
import { isLang, langOfLocale, type Lang } from '../../shared/api';
import { en } from './en';
import { es } from './es';
import type { Messages } from './messages';

export type { Messages } from './messages';
export const MESSAGES: Record<Lang, Messages> = { es, en };

const LANG_KEY = 'obra.lang';

/** The language the reader chose before, else the system's (Spanish if it is Spanish, English otherwise). */
export function initialLang(storage: Pick<Storage, 'getItem'> | null, systemLanguage: string | undefined): { lang: Lang; chosen: boolean } {
  const stored = safeGet(storage);
  if (isLang(stored)) return { lang: stored, chosen: true };
  return { lang: systemLang(systemLanguage), chosen: false };
}

export function systemLang(systemLanguage: string | undefined): Lang {
  return langOfLocale(systemLanguage);
}

export function rememberLang(storage: Pick<Storage, 'setItem'> | null, lang: Lang): void {
  try {
    storage?.setItem(LANG_KEY, lang);
  } catch {
    // Storage can be disabled (private mode, file://): the choice then lasts this session.
  }
}

function safeGet(storage: Pick<Storage, 'getItem'> | null): string | null {
  try {
    return storage?.getItem(LANG_KEY) ?? null;
  } catch {
    return null;
  }
}
