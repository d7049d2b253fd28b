import type { FastifyInstance } from 'fastify';
import { checks, LedgerError, ROLES, type FieldProblem, type Role } from '@ledger/domain';
import type { TokenService } from '@ledger/core';
import { DEV_TOKEN_PATH } from '@ledger/web-ui';

/** Development tokens last a working day; the page renews them before they expire. */
export const DEV_TOKEN_TTL_SECONDS = 8 * 3600;
const SUB = /^[\w.@-]{1,64}$/;

interface DevTokenBody {
  sub?: unknown;
  name?: unknown;
  role?: unknown;
}

/**
 * `POST /auth/dev-token` {sub, name, role} → {token, expiresAt}: the local sign-in page's tokens,
 * signed with the server's generated development secret. Registered only when devSignInAvailable
 * (never in production). JSON only: a cross-site form cannot post it, and CORS keeps other sites
 * from reading the answer.
 */
export function registerDevTokenRoute(app: FastifyInstance, tokens: TokenService): void {
  app.post<{ Body: DevTokenBody }>(DEV_TOKEN_PATH, async (req, reply) => {
    reply.header('cache-control', 'no-store');
    if (!String(req.headers['content-type'] ?? '').startsWith('application/json'))
      return reply.code(415).send({ code: 'VALIDATION_FAILED', message: 'send JSON: {"sub", "name", "role"}' });
    const { sub, name, role } = req.body ?? {};
    const problems = problemsOf(() =>
      checks()
        .rule(typeof sub === 'string' && SUB.test(sub), 'sub', 'userId', 'sub must be 1–64 letters, digits, ".", "@", "_" or "-"')
        .text('name', name, 100)
        .rule(
          typeof role === 'string' && (ROLES as readonly string[]).includes(role),
          'role',
          'isIn',
          `role must be one of ${ROLES.join(', ')}`,
        )
        .throwIfAny(),
    );
    if (problems.length > 0) return reply.code(400).send({ code: 'VALIDATION_FAILED', message: problems[0].message, problems });
    const token = await tokens.issue({ sub: sub as string, name: (name as string).trim(), roles: [role as Role] }, DEV_TOKEN_TTL_SECONDS);
    return reply.send({ token, expiresAt: new Date(Date.now() + DEV_TOKEN_TTL_SECONDS * 1000).toISOString() });
  });
}

/** The field problems a check throws (VALIDATION_FAILED), as a list. */
function problemsOf(check: () => void): FieldProblem[] {
  try {
    check();
    return [];
  } catch (error) {
    if (error instanceof LedgerError && Array.isArray(error.details.problems)) return error.details.problems as FieldProblem[];
    throw error;
  }
}
