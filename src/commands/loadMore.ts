import type { LoadMoreNode } from '../tree/nodes';
import type { SkillsModel } from '../tree/skillsModel';

export function loadMore(model: Pick<SkillsModel, 'loadMore'>) {
  return (node: LoadMoreNode) => model.loadMore(node.owner);
}
