import type { SkillsView } from '../tree/skillsView';

export function clearFilter(view: Pick<SkillsView, 'setFilter'>) {
  return () => view.setFilter(undefined);
}
