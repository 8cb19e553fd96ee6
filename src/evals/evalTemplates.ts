// The files Create Evals File writes, in skill-creator's formats: one quality eval to fill in, and trigger
// queries — some that should read the skill and near misses that should not. Strict JSON, as its scripts
// read them. The entries are placeholders that parse and say what to write instead.

export function qualityEvalsTemplate(skillName: string): string {
  const file = {
    skill_name: skillName,
    evals: [
      {
        id: 1,
        prompt: 'A realistic task for this skill, as a user would ask it.',
        expected_output: 'What a good result looks like, in a sentence or two.',
        files: [],
        expectations: [
          'The answer states "a phrase a good result must contain"',
          'The output file is valid and holds what the task asked for',
        ],
      },
    ],
  };
  return `${JSON.stringify(file, null, 2)}\n`;
}

export function triggerQueriesTemplate(): string {
  const queries = [
    { query: 'A request that should make Claude read this skill', should_trigger: true },
    { query: 'Another such request, worded differently', should_trigger: true },
    { query: 'A near miss: close in words, but another job', should_trigger: false },
    { query: 'An unrelated request', should_trigger: false },
  ];
  return `${JSON.stringify(queries, null, 2)}\n`;
}
