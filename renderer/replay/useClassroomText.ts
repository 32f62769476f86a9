import { useObra } from '../store/useObra';
import { CLASSROOM_TEXT, type ClassroomText } from '../i18n/classroomText';

export function useClassroomText(): ClassroomText {
  return CLASSROOM_TEXT[useObra((s) => s.lang)];
}
