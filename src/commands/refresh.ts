import type { SkillNode } from '../tree/nodes';
import type { SkillsModel } from '../tree/skillsModel';

/** From the view title: everything. From a skill node: that skill alone. */
export function refresh(model: Pick<SkillsModel, 'refresh'>) {
  return (node?: SkillNode) => model.refresh(node?.kind === 'skill' ? node : undefined);
}
