/**
 * Lists, after the run, every skipped suite that says why (a describe title containing
 * "SKIPPED:"), e.g. the real-EventStoreDB suites without ESDB_TEST_CONNECTION_STRING: jest's
 * default output only counts skipped tests, and a suite that does not run must say so and why.
 */
class SkippedSuitesReporter {
  constructor() {
    this.skipped = new Map();
  }

  onTestResult(test, result) {
    for (const t of result.testResults) {
      if (t.status !== 'pending') continue;
      const title = t.ancestorTitles.find((a) => a.includes('SKIPPED:'));
      if (!title) continue;
      const file = test.path.slice(test.context.config.rootDir.length + 1);
      const key = `${file} › ${title}`;
      this.skipped.set(key, (this.skipped.get(key) ?? 0) + 1);
    }
  }

  onRunComplete() {
    if (this.skipped.size === 0) return;
    process.stderr.write('\nSkipped suites, with the reason:\n');
    for (const [key, count] of this.skipped) process.stderr.write(`  ○ ${key} (${count} tests)\n`);
  }
}

module.exports = SkippedSuitesReporter;
