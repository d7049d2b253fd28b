import { NestFactory } from '@nestjs/core';
import { CommandBus } from '@nestjs/cqrs';
import { LedgerModule, loadConfig, ExecuteLedgerCommand, type DomainCommand, ProjectionRunner } from '@ledger/core';
import { percentile, rate, timed } from './measure';

const issuer = { principal: { sub: 'bench', roles: ['coordinator' as const] } };

/** (b) Durable commands through the CommandBus: `writers` concurrent writers on distinct commitments. */
export async function commandsBench(dataDir: string, writers = 64, perWriter = 250): Promise<string[]> {
  const app = await NestFactory.createApplicationContext(
    LedgerModule.forRoot({ config: loadConfig({ LEDGER_DATA_DIR: dataDir, LEDGER_SAMPLE: 'off' }) }),
    { logger: false },
  );
  await app.init();
  await app.get(ProjectionRunner).caughtUp;
  const bus = app.get(CommandBus);
  const send = (command: DomainCommand) => bus.execute(new ExecuteLedgerCommand(command, issuer));
  await send({ type: 'DefinePlan', data: { planId: 'bench', country: 'Maroc', title: 'Bench', period: '2018-2020' } });
  await send({ type: 'AddAxis', data: { planId: 'bench', axisId: 'axis-1', title: 'Axe' } });
  for (let n = 1; n <= writers; n++) {
    await send({
      type: 'RegisterCommitment',
      data: { planId: 'bench', axisId: 'axis-1', number: n, title: `C${n}`, leadOrganisation: 'DRA' },
    });
    await send({ type: 'PlanActivity', data: { commitmentId: `bench.${n}`, title: 'A', weight: 1 } });
  }
  const latencies: number[] = [];
  const total = await timed(() =>
    Promise.all(
      Array.from({ length: writers }, async (_, w) => {
        for (let i = 0; i < perWriter; i++) {
          const started = process.hrtime.bigint();
          await send({
            type: 'ReportActivityProgress',
            data: { commitmentId: `bench.${w + 1}`, activityId: `bench.${w + 1}.1`, progress: i % 101 },
          });
          latencies.push(Number(process.hrtime.bigint() - started) / 1e6);
        }
      }),
    ),
  );
  await app.close();
  latencies.sort((a, b) => a - b);
  const count = writers * perWriter;
  return [
    `| ${writers} writers × ${perWriter} reportActivityProgress (durable, fsync per group commit) | ${count.toLocaleString('en-US')} | ${(total.ms / 1000).toFixed(2)} s | ${rate(count, total.ms)} | p50 ${percentile(latencies, 50).toFixed(2)} ms · p99 ${percentile(latencies, 99).toFixed(2)} ms |`,
  ];
}
