import { createHash } from 'node:crypto';
import type { RateLimitPluginOptions } from '@fastify/rate-limit';
import type { FastifyRequest } from 'fastify';
import type { LedgerConfig } from '@ledger/core';

/**
 * Rate limits keyed on who the request is from, as verified: the token's subject, else the client
 * IP (from X-Forwarded-For only with LEDGER_TRUST_PROXY). Never on the raw header, which a caller
 * can change at every request. Verified callers get their own, larger budget, per role.
 */
export function rateLimitOptions(config: LedgerConfig): RateLimitPluginOptions {
  return {
    timeWindow: 60_000,
    keyGenerator: (req: FastifyRequest) => {
      const sub = verifiedSubject(req);
      return sub ? `sub:${createHash('sha256').update(sub).digest('base64url').slice(0, 22)}` : `ip:${req.ip}`;
    },
    max: (req: FastifyRequest) => limitOf(req, config),
    // Health probes, and the pages' hashed static files (immutable, cached by browsers for a year).
    allowList: (req: FastifyRequest) => req.url.startsWith('/health') || req.url.startsWith('/assets/'),
  };
}

const verifiedSubject = (req: FastifyRequest): string | undefined => (req.caller?.authError ? undefined : req.caller?.principal.sub);

function limitOf(req: FastifyRequest, config: LedgerConfig): number {
  if (!verifiedSubject(req)) return config.rateLimitPerMinute;
  const roles = req.caller!.principal.roles;
  if (roles.length === 0) return config.rateLimitAuthenticatedPerMinute;
  return roles.reduce((max, role) => Math.max(max, config.rateLimitByRole[role] ?? config.rateLimitAuthenticatedPerMinute), 0);
}
