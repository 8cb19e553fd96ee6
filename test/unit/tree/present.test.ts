import * as assert from 'node:assert/strict';
import type { SkillVersion } from '../../../src/api/types';
import { isWritable } from '../../../src/operations/skillLookup';
import {
  containerSkillType,
  describeSkill,
  messagesApiSnippet,
  relativeAge,
  skillPickItem,
  skillTitle,
  skillPresentation,
  sourcePresentation,
  versionDescription,
  versionLabel,
  versionPickItems,
  versionsSharingAMinute,
} from '../../../src/tree/present';

const version = (id: string, createdAt = '2026-10-03T14:22:05.123456Z'): SkillVersion => ({
  id,
  skillId: 'skill_1',
  name: 'n',
  description: 'd',
  createdAt,
});

describe('presenting skills and versions', () => {
  it('titles a skill by display_name, else by id', () => {
    assert.equal(skillTitle({ id: 'skill_1', displayName: 'Nice' }), 'Nice');
    assert.equal(skillTitle({ id: 'skill_1', displayName: null }), 'skill_1');
    assert.equal(skillTitle({ id: 'skill_1', displayName: '  ' }), 'skill_1');
  });

  it('describes a skill by its quoted title, and a version by its date with seconds', () => {
    const skill = { id: 'skill_1', displayName: 'Release Notes Writer' };
    assert.equal(describeSkill(skill), '"Release Notes Writer"');
    const v = version('skver_01a');
    assert.equal(describeSkill(skill, v, 'en-US'), `"Release Notes Writer" as of ${versionLabel(v, true, 'en-US')}`);
    assert.match(
      describeSkill({ id: 'skill_2', displayName: null }, v, 'en-US'),
      /^"skill_2" as of Oct .*:05\s?[AP]M$/,
    );
  });

  it('labels a version by its date in the locale, with seconds only when asked', () => {
    const v = version('skver_01a');
    // The machine's time zone decides the hour: compare with the same formatter's own output.
    const expected = (timeStyle: 'short' | 'medium') =>
      new Intl.DateTimeFormat('en-US', { dateStyle: 'medium', timeStyle }).format(Date.parse(v.createdAt));
    assert.equal(versionLabel(v, false, 'en-US'), expected('short'));
    assert.equal(versionLabel(v, true, 'en-US'), expected('medium'));
    assert.match(versionLabel(v, false, 'en-US'), /^Oct \d, 2026, \d{1,2}:\d{2}\s?[AP]M$/);
    assert.match(versionLabel(v, true, 'en-US'), /:\d{2}:05\s?[AP]M$/);
    assert.match(versionLabel(v, false, 'de-DE'), /^\d{2}\.10\.2026, \d{2}:\d{2}$/);
    assert.equal(versionLabel(version('skver_01b', 'not a date'), false, 'en-US'), 'skver_01b');
  });

  it('needs seconds only for versions that share their minute with another', () => {
    const shared = versionsSharingAMinute([
      version('a', '2026-10-03T14:22:05Z'),
      version('b', '2026-10-03T14:22:59Z'),
      version('c', '2026-10-03T14:23:00Z'),
    ]);
    assert.deepEqual([...shared].sort(), ['a', 'b']);
  });

  it('tells an age in words', () => {
    const now = Date.parse('2026-11-21T12:00:00Z');
    assert.equal(relativeAge('2026-11-21T11:59:50.123456Z', now, 'en'), 'now');
    assert.equal(relativeAge('2026-11-21T11:55:00Z', now, 'en'), '5 minutes ago');
    assert.equal(relativeAge('2026-11-20T12:00:00Z', now, 'en'), 'yesterday');
    assert.equal(relativeAge('2026-11-18T12:00:00Z', now, 'en'), '3 days ago');
    assert.equal(relativeAge('2026-09-21T12:00:00Z', now, 'en'), '2 months ago');
    assert.equal(relativeAge('not a date', now, 'en'), '');
  });

  it('describes a version as "latest · 3 days ago" by the skill\'s latest_version_id', () => {
    const v = version('skver_01a', '2026-11-18T12:00:00Z');
    const now = Date.parse('2026-11-21T12:00:00Z');
    assert.equal(versionDescription({ latestVersionId: 'skver_01a' }, v, now, 'en'), 'latest · 3 days ago');
    assert.equal(versionDescription({ latestVersionId: 'skver_01z' }, v, now, 'en'), '3 days ago');
  });

  it('writes the container.skills entry: latest on a skill, the version id on a version', () => {
    const custom = { id: 'skill_01X', source: 'custom' };
    assert.deepEqual(JSON.parse(messagesApiSnippet(custom)), {
      type: 'custom',
      skill_id: 'skill_01X',
      version: 'latest',
    });
    assert.deepEqual(JSON.parse(messagesApiSnippet(custom, version('skver_01abc'))), {
      type: 'custom',
      skill_id: 'skill_01X',
      version: 'skver_01abc',
    });
  });

  it('sends type "anthropic" for every source but custom', () => {
    for (const source of ['anthropic', 'anthropic_example', 'plugin', 'something_new']) {
      assert.equal(containerSkillType(source), 'anthropic', source);
      assert.equal(JSON.parse(messagesApiSnippet({ id: 'pdf', source })).type, 'anthropic');
    }
    assert.equal(containerSkillType('custom'), 'custom');
  });

  it('gives each source its own icon and tooltip; only custom is writable', () => {
    const sources = ['custom', 'anthropic', 'anthropic_example', 'plugin'];
    const icons = sources.map((s) => sourcePresentation(s).icon);
    assert.equal(new Set(icons).size, 4);
    assert.equal(new Set(sources.map((s) => sourcePresentation(s).about)).size, 4);
    assert.deepEqual(
      sources.map((source) => isWritable({ source })),
      [true, false, false, false],
    );
    assert.match(sourcePresentation('plugin').about, /read-only/);
  });

  it('shows an eval draft as one, by its marker, and only a custom skill', () => {
    assert.deepEqual(skillPresentation({ source: 'custom', displayName: 'PDF Tools (eval draft)' }).icon, 'beaker');
    assert.match(skillPresentation({ source: 'custom', displayName: 'PDF Tools (eval draft)' }).about, /eval draft/);
    assert.equal(skillPresentation({ source: 'custom', displayName: 'PDF Tools' }).icon, 'symbol-module');
    assert.equal(skillPresentation({ source: 'custom', displayName: null }).icon, 'symbol-module');
    assert.equal(skillPresentation({ source: 'plugin', displayName: 'X (eval draft)' }).icon, 'extensions');
  });

  it('reads a skill and its versions in quick picks: title, id, age; dated versions, newest as given', () => {
    const now = Date.parse('2026-10-06T14:22:05Z');
    assert.deepEqual(
      skillPickItem({ id: 'skill_1', displayName: 'Nice', updatedAt: '2026-10-03T14:22:05Z' }, now, 'en-US'),
      { label: 'Nice', description: 'skill_1', detail: 'updated 3 days ago' },
    );
    const versions = [version('skver_b', '2026-10-03T14:22:40Z'), version('skver_a', '2026-10-03T14:22:05Z')];
    const items = versionPickItems({ latestVersionId: 'skver_b' }, versions, 'en-US');
    assert.deepEqual(
      items.map((i) => [i.detail, i.version.id]),
      [
        ['skver_b', 'skver_b'],
        ['skver_a', 'skver_a'],
      ],
    );
    // The two share a minute: both labels carry seconds; the latest says so.
    assert.match(items[0].label, /:40\s?[AP]M$/);
    assert.match(items[1].label, /:05\s?[AP]M$/);
    assert.match(items[0].description, /^latest · /);
    assert.doesNotMatch(items[1].description, /latest/);
  });
});
