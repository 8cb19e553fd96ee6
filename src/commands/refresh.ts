import type { SkillNode } from '../tree/nodes';
import type { SkillsModel } from '../tree/skillsModel';
import type { WorkspaceSkills } from '../workspace/workspaceSkills';

/**
 * From a view's title: everything, the Workspace Skills' latest versions included (one GET per folder at
 * most). From a skill node: that skill alone.
 */
export function refresh(model: Pick<SkillsModel, 'refresh'>, workspaceSkills: Pick<WorkspaceSkills, 'refreshRemote'>) {
  return async (node?: SkillNode) => {
    if (node?.kind === 'skill') return model.refresh(node);
    await Promise.all([model.refresh(), workspaceSkills.refreshRemote()]);
  };
}
