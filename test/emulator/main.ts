// `npm run emulator [-- --port N --scenario FILE]`: the emulator alone, seeded, until Ctrl-C.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadScenario, seed } from './scenario';
import { startEmulator, type SkillsEmulator } from './server';
import { SkillStore } from './store';

export const DEMO_SCENARIO = join(__dirname, '..', '..', '..', 'test', 'emulator', 'scenarios', 'demo.json');

/** The emulator seeded from a scenario file (the demo's by default), its first API key ready to use. */
export async function startScenarioEmulator(
  options: { scenario?: string; port?: number; latencyMs?: number } = {},
): Promise<{ emulator: SkillsEmulator; apiKey: string }> {
  const scenario = loadScenario(options.scenario ?? DEMO_SCENARIO);
  const store = new SkillStore();
  seed(store, scenario);
  const emulator = await startEmulator({
    store,
    apiKeys: scenario.apiKeys,
    port: options.port,
    latencyMs: options.latencyMs,
  });
  return { emulator, apiKey: [...emulator.apiKeys][0] };
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      scenario: { type: 'string', default: DEMO_SCENARIO },
      'latency-ms': { type: 'string', default: '0' },
    },
  });
  const { emulator, apiKey } = await startScenarioEmulator({
    scenario: values.scenario,
    port: Number(values.port),
    latencyMs: Number(values['latency-ms']),
  });
  console.log(`Skills API emulator listening on ${emulator.url}`);
  console.log(`API key: ${apiKey}`);
  console.log(`${emulator.store.all().length} skills seeded from ${values.scenario}`);
  const stop = () => void emulator.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (require.main === module) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
