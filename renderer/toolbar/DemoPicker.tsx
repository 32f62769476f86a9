import { useId } from 'react';
import { useMessages } from '../i18n/useMessages';
import { isBusy } from '../store/catalogueSlice';
import { useObra } from '../store/useObra';
import { demoHash } from './demoHash';

/** The catalogue as a select. Choosing a demo writes `#demo=<id>`; the hash is what selects it. */
export function DemoPicker() {
  const { m, lang } = useMessages();
  const demos = useObra((s) => s.demos);
  const script = useObra((s) => s.script);
  const lesson = useObra((s) => s.lesson);
  const busy = useObra((s) => isBusy(s.status));
  const id = useId();
  const value = script?.kind === 'demo' ? script.demoId : '';
  return (
    <div className="toolbar-field">
      <label htmlFor={id}>{m.demo}</label>
      <select
        id={id}
        value={value}
        disabled={busy}
        onChange={(e) => {
          location.hash = demoHash(e.target.value || null);
        }}
      >
        <option value="">
          {script?.kind === 'source' || script?.kind === 'file' ? scriptName(script) : script?.kind === 'lesson' && lesson ? m.lesson.open.picked(lesson.info.title[lang]) : m.chooseDemo}
        </option>
        {demos.map((demo) => (
          <option key={demo.id} value={demo.id} title={demo.summary[lang]}>
            {demo.title[lang]}
          </option>
        ))}
      </select>
    </div>
  );
}

function scriptName(script: { kind: 'source'; name: string } | { kind: 'file'; path: string }): string {
  return script.kind === 'source' ? script.name : (script.path.split(/[\\/]/).pop() ?? script.path);
}
