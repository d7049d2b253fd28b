// Child process for the kill -9 test of snapshots: catches up with the ledger in the data dir,
// writes a whole snapshot ("whole <position>"), then starts another write and stops in the middle
// of it, once its first pieces are in the file ("mid-write"). The parent kills it there.
import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { LedgerModule, loadConfig, ProjectionRunner, ReadModelSnapshots, SnapshotFileWriter } from '@ledger/core';

async function main(): Promise<void> {
  const config = loadConfig({ LEDGER_DATA_DIR: process.argv[2], LEDGER_SAMPLE: 'off', LEDGER_SNAPSHOT_QUIET_MS: '0' });
  const app = await NestFactory.createApplicationContext(LedgerModule.forRoot({ config }), { logger: false });
  await app.init();
  await app.get(ProjectionRunner).caughtUp;
  const snapshots = app.get(ReadModelSnapshots);
  await snapshots.write();
  process.stdout.write(`whole ${snapshots.status.lastWrite?.position}\n`);
  const write = SnapshotFileWriter.prototype.write;
  SnapshotFileWriter.prototype.write = async function (this: SnapshotFileWriter, pieces) {
    await write.call(this, pieces);
    process.stdout.write('mid-write\n');
    await new Promise(() => undefined); // never resumes: the kill lands here
  };
  void snapshots.write();
}

main().catch((error: unknown) => {
  process.stderr.write(`${error instanceof Error ? error.stack : String(error)}\n`);
  process.exit(1);
});
