import { Inject, Injectable } from '@nestjs/common';
import { LEDGER_CONFIG, type LedgerConfig } from '../config/ledger-config';

/**
 * Whether the bundled sample plan is there yet, when the sample is on: readiness waits for it, so
 * a dashboard (or a test) that waits for /health/ready never reads a half-imported plan.
 */
@Injectable()
export class SampleState {
  status: 'off' | 'pending' | 'imported';

  constructor(@Inject(LEDGER_CONFIG) config: LedgerConfig) {
    this.status = config.sample ? 'pending' : 'off';
  }
}
