import type { LoadMoreNode } from '../tree/nodes';
import type { SkillsTreeProvider } from '../tree/skillsTreeProvider';

export function loadMore(tree: Pick<SkillsTreeProvider, 'loadMore'>) {
  return (node: LoadMoreNode) => tree.loadMore(node);
}
