import { monitorEventLoopDelay, type IntervalHistogram } from 'node:perf_hooks';
import { Injectable, type OnModuleDestroy, type OnModuleInit } from '@nestjs/common';

/** Event-loop delay over the current window, in milliseconds. */
export interface EventLoopDelay {
  p50: number;
  p99: number;
  max: number;
}

/** How long a window lasts before the histogram starts afresh (a past spike does not stay forever). */
const WINDOW_MS = 60_000;

/**
 * Measures how late the event loop runs its timers (perf_hooks.monitorEventLoopDelay): what every
 * request waits on top of its own work when something holds the loop. Shown in /health/ready.
 */
@Injectable()
export class EventLoopMonitor implements OnModuleInit, OnModuleDestroy {
  private histogram: IntervalHistogram | undefined;
  private timer: NodeJS.Timeout | undefined;

  onModuleInit(): void {
    this.histogram = monitorEventLoopDelay({ resolution: 10 });
    this.histogram.enable();
    this.timer = setInterval(() => this.histogram?.reset(), WINDOW_MS).unref();
  }

  onModuleDestroy(): void {
    clearInterval(this.timer);
    this.histogram?.disable();
  }

  snapshot(): EventLoopDelay {
    const h = this.histogram;
    const ms = (ns: number) => (Number.isFinite(ns) && h && h.count > 0 ? Math.round(ns / 1e4) / 100 : 0);
    return { p50: ms(h?.percentile(50) ?? 0), p99: ms(h?.percentile(99) ?? 0), max: ms(h?.max ?? 0) };
  }
}
