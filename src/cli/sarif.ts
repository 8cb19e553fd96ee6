// validate's report as SARIF 2.1.0, the format GitHub code scanning and most CI dashboards read: one run
// of the `claude-skills` driver, a result per problem at its file and region (URIs relative to the checkout).
import type { ValidateReport } from './commands/validate';

const uriOf = (file: string) => file.split('/').map(encodeURIComponent).join('/');

export function validateSarif(report: ValidateReport, toolVersion: string): object {
  const problems = report.folders.flatMap((f) => f.problems);
  const ruleIds = [...new Set(problems.map((p) => p.rule))].sort();
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: { driver: { name: 'claude-skills', version: toolVersion, rules: ruleIds.map((id) => ({ id })) } },
        results: problems.map((p) => ({
          ruleId: p.rule,
          ruleIndex: ruleIds.indexOf(p.rule),
          level: p.severity,
          message: { text: p.message },
          ...(p.file
            ? {
                locations: [
                  {
                    physicalLocation: {
                      artifactLocation: { uri: uriOf(p.file), uriBaseId: '%SRCROOT%' },
                      ...(p.line
                        ? {
                            region: {
                              startLine: p.line,
                              ...(p.column ? { startColumn: p.column } : {}),
                              ...(p.endLine ? { endLine: p.endLine } : {}),
                              ...(p.endColumn ? { endColumn: p.endColumn } : {}),
                            },
                          }
                        : {}),
                    },
                  },
                ],
              }
            : {}),
        })),
      },
    ],
  };
}
