// Tests assert on responses, not on logs: keep Nest quiet unless asked (LEDGER_LOG=verbose).
if (process.env.LEDGER_LOG === undefined) process.env.LEDGER_LOG = 'silent';
