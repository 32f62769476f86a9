import type { Lang } from '../../shared/api';
import { useObra } from '../store/useObra';
import { MESSAGES, type Messages } from './index';

/** The UI strings and the language they are in. */
export function useMessages(): { m: Messages; lang: Lang } {
  const lang = useObra((state) => state.lang);
  return { m: MESSAGES[lang], lang };
}
