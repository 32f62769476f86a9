import type { Lang } from '../../shared/api';
import { useMessages } from '../i18n/useMessages';
import { useObra } from '../store/useObra';

const LANGS: Lang[] = ['es', 'en'];

/** es / en for the whole UI; the choice is remembered, until then the system's language is used. */
export function LanguageSwitch() {
  const { m, lang } = useMessages();
  const setLang = useObra((s) => s.setLang);
  return (
    <div className="language-switch" role="group" aria-label={m.language}>
      {LANGS.map((code) => (
        <button
          key={code}
          type="button"
          lang={code}
          className="small-button"
          aria-pressed={lang === code}
          title={m.languageNames[code]}
          onClick={() => setLang(code)}
        >
          {code.toUpperCase()}
        </button>
      ))}
    </div>
  );
}
