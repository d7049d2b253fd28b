import { Module } from '@nestjs/common';
import { NestFactory } from '@nestjs/core';
import { ROLES, type Role } from '@ledger/domain';
import { TokenService, LEDGER_CONFIG, loadConfig } from '@ledger/core';

@Module({})
class TokenModule {}

/** `ledger token issue --sub … --name … --role … [--ttl 8h]`: mints an HS256 token. */
export async function issueTokenCommand(options: { sub: string; name: string; role: string[]; ttl: string }): Promise<number> {
  const roles = options.role.filter((r): r is Role => (ROLES as readonly string[]).includes(r));
  const unknown = options.role.filter((r) => !(ROLES as readonly string[]).includes(r));
  if (unknown.length > 0 || roles.length === 0) {
    process.stderr.write(`--role must be one or more of ${ROLES.join(', ')}, got ${options.role.join(', ') || 'none'}\n`);
    return 1;
  }
  const ttl = parseTtl(options.ttl);
  if (ttl === undefined) {
    process.stderr.write(`--ttl must look like 30m, 8h or 7d, got ${options.ttl}\n`);
    return 1;
  }
  const app = await NestFactory.createApplicationContext(
    { module: TokenModule, providers: [{ provide: LEDGER_CONFIG, useValue: loadConfig() }, TokenService] },
    { logger: ['error'] },
  );
  try {
    process.stdout.write(`${await app.get(TokenService).issue({ sub: options.sub, name: options.name, roles }, ttl)}\n`);
    return 0;
  } finally {
    await app.close();
  }
}

export function parseTtl(text: string): number | undefined {
  const m = /^(\d+)([smhd])$/.exec(text);
  if (!m) return undefined;
  return Number(m[1]) * { s: 1, m: 60, h: 3600, d: 86400 }[m[2] as 's' | 'm' | 'h' | 'd'];
}
