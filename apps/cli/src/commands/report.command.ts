import { writeFileSync } from 'node:fs';
import { ReportService } from '@ledger/core';
import { openLedger } from '../ledger-context';

export interface ReportOptions {
  plan: string;
  asOf?: string;
  format: string;
  lang: string;
  out?: string;
}

/** `ledger report --plan ID [--as-of DATE] [--format md|html] [--lang fr|en] [--out FILE]`. */
export async function reportCommand(options: ReportOptions): Promise<number> {
  if (options.format !== 'md' && options.format !== 'html') {
    process.stderr.write(`--format must be md or html, got ${options.format}\n`);
    return 1;
  }
  if (options.lang !== 'fr' && options.lang !== 'en') {
    process.stderr.write(`--lang must be fr or en, got ${options.lang}\n`);
    return 1;
  }
  const app = await openLedger();
  try {
    const text = await app
      .get(ReportService)
      .render({ planId: options.plan, asOf: options.asOf, format: options.format, lang: options.lang });
    if (options.out) {
      writeFileSync(options.out, text);
      process.stderr.write(`wrote ${options.out}\n`);
    } else process.stdout.write(text);
    return 0;
  } finally {
    await app.close();
  }
}
