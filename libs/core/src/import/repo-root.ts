import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/** The repository root (where package.json is), from source or from dist alike. */
export function repoRoot(from: string = __dirname): string {
  let dir = from;
  while (!existsSync(join(dir, 'package.json')) || !existsSync(join(dir, 'data', 'plans'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error(`repository root not found above ${from}`);
    dir = parent;
  }
  return dir;
}

export const bundledPlanFile = (): string => join(repoRoot(), 'data', 'plans', 'ma-2018-2020.json');
export const planSchemaFile = (): string => join(repoRoot(), 'data', 'plans', 'plan.schema.json');
