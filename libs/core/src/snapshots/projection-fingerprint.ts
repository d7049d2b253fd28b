import { createHash } from 'node:crypto';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';

/**
 * The code between the log and the read models, relative to the libs directory: the domain's
 * rules, the projections, the stores' reading of events, the runner and this snapshot code.
 */
const SOURCES = ['ledger/src', 'projections/src', 'event-store/src', 'canonical-json/src', 'core/src/projections', 'core/src/snapshots'];
const CODE = /\.(ts|js)$/;
const NOT_CODE = /\.(spec|int-spec|e2e-spec)\.(ts|js)$|\.d\.ts$/;

let cached: string | undefined;

/**
 * SHA-256 of the projection code this process runs (the compiled .js of a build, the .ts under
 * jest): a snapshot written by other code — any change there, even a comment — is discarded and
 * the log replayed. Computed from the files next to this one, once per process.
 */
export function projectionFingerprint(libs = join(__dirname, '..', '..', '..')): string {
  if (cached !== undefined && libs === join(__dirname, '..', '..', '..')) return cached;
  const hash = createHash('sha256');
  const files: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir).sort()) {
      const path = join(dir, name);
      if (statSync(path).isDirectory()) walk(path);
      else if (CODE.test(name) && !NOT_CODE.test(name)) files.push(path);
    }
  };
  for (const source of SOURCES) walk(join(libs, source));
  for (const file of files)
    hash
      .update(`${relative(libs, file)}\n`)
      .update(readFileSync(file))
      .update('\n');
  const fingerprint = hash.digest('hex');
  if (libs === join(__dirname, '..', '..', '..')) cached = fingerprint;
  return fingerprint;
}
