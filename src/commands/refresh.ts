import type { SkillNode } from '../tree/nodes';
import type { SkillsTreeProvider } from '../tree/skillsTreeProvider';

/** From the view title: everything. From a skill node: that skill alone. */
export function refresh(tree: Pick<SkillsTreeProvider, 'refresh'>) {
  return (node?: SkillNode) => tree.refresh(node?.kind === 'skill' ? node : undefined);
}
