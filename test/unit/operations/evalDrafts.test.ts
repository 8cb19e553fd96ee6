import * as assert from 'node:assert/strict';
import { bytesOf } from '../../../src/api/types';
import { KEPT_DRAFT_VERSIONS, draftDisplayName, prepareEvalDraft, withSlug } from '../../../src/operations/evalDrafts';
import { isEvalDraft, listNameMatchableSkills, renamedDraftSlug } from '../../../src/operations/skillLookup';
import { unpackVersionZip } from '../../../src/skill/versionArchive';
import { skillFiles, slugMemory, useEmulator } from '../../support/harness';

describe('eval drafts: a skill of its own per folder, for its current files', () => {
  const api = useEmulator();
  const options = () => ({ readArchive: unpackVersionZip, slugs: slugMemory() });
  const creates = () => api.emulator.log.filter((r) => r.method === 'POST').map((r) => r.path);
  const input = (description = 'Fills PDF forms. Use for PDF forms.') => ({
    title: 'PDF Tools',
    slug: 'pdf-tools',
    files: skillFiles('pdf-tools', { description }),
  });

  it('is made once, beside the published skill of the same name, and never matched by name', async () => {
    api.seed([{ id: 'skill_published', name: 'pdf-tools', display_name: 'PDF Tools', description: 'Published.' }]);
    const first = await prepareEvalDraft(api.client, input(), options());
    assert.equal(first.skill.displayName, 'PDF Tools (eval draft)');
    assert.deepEqual([first.uploaded, first.renamed, first.slug], [true, false, 'pdf-tools']);
    assert.notEqual(first.skill.id, 'skill_published');
    assert.equal(isEvalDraft(first.skill), true);
    assert.deepEqual(
      (await listNameMatchableSkills(api.client)).map((s) => s.id),
      ['skill_published'],
      'publish targets and Workspace Skills never see the draft',
    );

    api.emulator.resetLog();
    const again = await prepareEvalDraft(api.client, input(), options());
    assert.equal(
      again.skill.id,
      first.skill.id,
      'found again by marker and slug, from a fresh memory (another machine)',
    );
    assert.equal(again.uploaded, false, 'unchanged files: no new version');
    assert.equal(again.versionId, first.versionId);
    assert.deepEqual(creates(), []);
  });

  it('a draft is found by its marker, not by its title: a skill titled alike without the marker is not it', async () => {
    api.seed([{ id: 'skill_lookalike', name: 'pdf-tools', display_name: 'PDF Tools (eval)', description: 'x' }]);
    const draft = await prepareEvalDraft(api.client, input(), options());
    assert.notEqual(draft.skill.id, 'skill_lookalike');
    assert.deepEqual(creates(), ['/v1/skills']);
  });

  it('uploads a version when the files changed, and keeps the newest three', async () => {
    const first = await prepareEvalDraft(api.client, input('Version 0 of the description. Use for PDFs.'), options());
    const ids = [first.versionId];
    for (let i = 1; i <= 4; i++) {
      const next = await prepareEvalDraft(
        api.client,
        input(`Version ${i} of the description. Use for PDFs.`),
        options(),
      );
      assert.equal(next.uploaded, true);
      assert.equal(next.skill.id, first.skill.id);
      ids.push(next.versionId);
      assert.equal(next.pruned, i >= KEPT_DRAFT_VERSIONS ? 1 : 0, `after version ${i}`);
    }
    const kept = api.emulator.store
      .all()
      .find((s) => s.id === first.skill.id)!
      .versions.map((v) => v.id);
    assert.deepEqual(kept, ids.slice(-KEPT_DRAFT_VERSIONS), 'the three newest stay, the older are deleted');
  });

  it('when the API refuses a second skill of the same name, carries <name>-draft and says so', async () => {
    api.seed([{ id: 'skill_published', name: 'pdf-tools', display_name: 'PDF Tools', description: 'Published.' }]);
    api.emulator.store.uniqueSlugs = true;
    const draft = await prepareEvalDraft(api.client, input(), options());
    assert.deepEqual([draft.renamed, draft.slug], [true, 'pdf-tools-draft']);
    assert.equal(api.emulator.store.all().find((s) => s.id === draft.skill.id)!.slug, 'pdf-tools-draft');

    const again = await prepareEvalDraft(api.client, input(), options());
    assert.deepEqual([again.skill.id, again.renamed, again.uploaded], [draft.skill.id, true, false]);
    const changed = await prepareEvalDraft(api.client, input('Changed. Use for PDF forms.'), options());
    assert.deepEqual([changed.uploaded, changed.slug], [true, 'pdf-tools-draft'], 'its versions keep the draft name');
  });

  it('renames within 64 characters, in the frontmatter only', async () => {
    assert.equal(renamedDraftSlug('a'.repeat(64)), `${'a'.repeat(58)}-draft`);
    assert.equal(renamedDraftSlug(`${'a'.repeat(57)}-bcd`), `${'a'.repeat(57)}-draft`, 'no double hyphen');
    assert.equal(renamedDraftSlug('pdf-tools'), 'pdf-tools-draft');
    assert.equal(renamedDraftSlug('b'.repeat(60)).length, 64);
    assert.equal(draftDisplayName('PDF Tools'), 'PDF Tools (eval draft)');
    const files = skillFiles('pdf-tools', { files: { 'notes.md': 'name: pdf-tools\n' } });
    const renamed = await withSlug(files, 'pdf-tools-draft');
    const text = async (i: number) => new TextDecoder().decode(await bytesOf(renamed[i]));
    assert.match(await text(0), /^---\nname: pdf-tools-draft\n/);
    assert.equal(await text(1), 'name: pdf-tools\n', 'other files are left as they are');
  });

  it('an error that is not about a taken name is not answered with a rename', async () => {
    api.emulator.store.uniqueSlugs = true;
    const bad = { title: 'Bad', slug: 'bad', files: skillFiles('bad', { description: 'x'.repeat(2000) }) };
    await assert.rejects(prepareEvalDraft(api.client, bad, options()), /description/i);
    assert.deepEqual(creates(), ['/v1/skills'], 'one create, no second try');
  });
});
