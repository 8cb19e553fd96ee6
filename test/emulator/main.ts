// `npm run emulator [-- --port N --scenario FILE]`: the emulator alone, seeded, until Ctrl-C.
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { loadScenario, seed } from './scenario';
import { startEmulator } from './server';
import { SkillStore } from './store';

export const DEMO_SCENARIO = join(__dirname, '..', '..', '..', 'test', 'emulator', 'scenarios', 'demo.json');

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      port: { type: 'string', default: '0' },
      scenario: { type: 'string', default: DEMO_SCENARIO },
      'latency-ms': { type: 'string', default: '0' },
    },
  });
  const scenario = loadScenario(values.scenario);
  const store = new SkillStore();
  seed(store, scenario);
  const emulator = await startEmulator({
    store,
    apiKeys: scenario.apiKeys,
    port: Number(values.port),
    latencyMs: Number(values['latency-ms']),
  });
  console.log(`Skills API emulator listening on ${emulator.url}`);
  console.log(`API key: ${[...emulator.apiKeys][0]}`);
  console.log(`${store.all().length} skills seeded from ${values.scenario}`);
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
