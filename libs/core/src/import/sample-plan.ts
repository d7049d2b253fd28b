import { Logger } from '@nestjs/common';
import type { INestApplicationContext } from '@nestjs/common';
import { EVENT_STORE, type EventStore } from '@ledger/event-store';
import { checkPlanFile, readPlanFile } from './plan-file-validator';
import { PlanImporter } from './plan-importer.service';
import { bundledPlanFile } from './repo-root';
import { SampleState } from './sample-state';

/** Outside production, an empty ledger starts with the bundled Morocco 2018–2020 plan. */
export async function importSampleIfEmpty(app: INestApplicationContext): Promise<boolean> {
  const store = app.get<EventStore>(EVENT_STORE);
  const state = app.get(SampleState);
  if ((await store.headPosition()) !== undefined) {
    state.status = 'imported';
    return false;
  }
  const file = bundledPlanFile();
  const check = checkPlanFile(readPlanFile(file));
  if (!check.ok) throw new Error(`bundled plan ${file} is invalid: ${check.problems.map((p) => `${p.pointer}: ${p.message}`).join('; ')}`);
  const importer = app.get(PlanImporter);
  const started = Date.now();
  const outcome = await importer.import(check.steps, 'ma-2018-2020.json');
  await importer.settle(outcome);
  state.status = 'imported';
  new Logger('Sample').log(`imported the bundled plan ${outcome.planId}: ${outcome.written} commands in ${Date.now() - started} ms`);
  return true;
}
