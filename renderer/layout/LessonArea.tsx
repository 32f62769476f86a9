// Temporary until renderer/lessons/{CodePanel,NarrationPanel}.tsx land: the final version mounts them.
import { useObra } from '../store/useObra';

export function LessonArea() {
  const sources = useObra((s) => s.sources);
  return (
    <div className="lesson-area">
      <div className="code-area">
        {sources.map((source) => (
          <pre key={source.path}>{source.text}</pre>
        ))}
      </div>
      <div className="narration-area" />
    </div>
  );
}
