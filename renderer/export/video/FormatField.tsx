/**
 * The video form's format choice: MP4, WebM or GIF as a radio group, each
 * with where it plays. Arrow keys move between them, as in any radio group.
 */
import type { Lang } from '../../../shared/api';
import { CLIP_FORMATS, type ClipFormat } from './clipFormat';
import { CLIP_TEXT } from '../../i18n/clipText';

export function FormatField({ lang, format, name, onChange }: { lang: Lang; format: ClipFormat; name: string; onChange: (format: ClipFormat) => void }) {
  const words = CLIP_TEXT[lang];
  return (
    <fieldset className="video-formats">
      <legend className="video-group-title">{words.format}</legend>
      {CLIP_FORMATS.map((f) => (
        <label key={f} className="video-format">
          <input type="radio" name={name} value={f} checked={format === f} onChange={() => onChange(f)} />
          <span className="video-format-name">{words.formats[f].name}</span>
          <span className="video-format-plays">{words.formats[f].plays}</span>
        </label>
      ))}
    </fieldset>
  );
}
