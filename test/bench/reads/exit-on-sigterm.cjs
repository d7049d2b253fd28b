// Preloaded into the benchmark's server processes: exit normally on SIGTERM, so that `--cpu-prof`
// writes its profile (Node writes it at a normal exit, not when a signal ends the process).
process.once('SIGTERM', () => process.exit(0));
