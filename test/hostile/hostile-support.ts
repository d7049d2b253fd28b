import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import type { GqlError, GqlResponse } from '../support/test-app';

/** A raw POST /graphql with any headers (odd tokens, forwarded IPs…); status and parsed body. */
export async function post(
  app: NestFastifyApplication,
  payload: unknown,
  headers: Record<string, string> = {},
  remoteAddress?: string,
): Promise<{ status: number; body: GqlResponse }> {
  const res = await app.inject({
    method: 'POST',
    url: '/graphql',
    headers: { 'content-type': 'application/json', ...headers },
    payload: typeof payload === 'string' ? payload : JSON.stringify(payload),
    ...(remoteAddress ? { remoteAddress } : {}),
  });
  return { status: res.statusCode, body: res.json() };
}

/** The codes of a response's errors, in order. */
export const codes = (res: GqlResponse): string[] => (res.errors ?? []).map((e: GqlError) => e.extensions.code);

/** Fails loudly when any error of the response is an internal one (the hostile suite's first rule). */
export function expectNoInternalError(res: GqlResponse): void {
  const internal = (res.errors ?? []).filter((e) => e.extensions.code === 'INTERNAL_SERVER_ERROR' || !e.extensions.code);
  expect(internal).toEqual([]);
}

/** `n` aliases of one field selection: `{ a0: <field> a1: <field> … }`. */
export const aliases = (n: number, field: string): string => Array.from({ length: n }, (_, i) => `a${i}: ${field}`).join(' ');

/** Runs an async iterable to the end and counts what it yielded (wraps store reads in tests). */
export function counting<T>(source: AsyncIterable<T>, seen: { count: number }): AsyncIterable<T> {
  return {
    async *[Symbol.asyncIterator]() {
      for await (const item of source) {
        seen.count++;
        yield item;
      }
    },
  };
}

/**
 * jest.spyOn on a resolver method, keeping the Nest/GraphQL metadata stored on the original
 * function (without it Nest no longer binds the method as a resolver). Call before the app boots.
 */
export function spyOnResolver<T extends object, K extends keyof T & string>(prototype: T, method: K): jest.SpyInstance {
  const original = prototype[method] as object;
  const spy = jest.spyOn(prototype, method as never) as jest.SpyInstance;
  for (const key of Reflect.getMetadataKeys(original))
    Reflect.defineMetadata(key, Reflect.getMetadata(key, original), prototype[method] as object);
  return spy;
}
