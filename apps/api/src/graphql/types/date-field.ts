import type { FieldMiddleware } from '@nestjs/graphql';

/** Read models keep dates as ISO strings; the DateTime scalar serialises Date objects only. */
export const asDate: FieldMiddleware = async (_ctx, next) => {
  const value: unknown = await next();
  return typeof value === 'string' ? new Date(value) : value;
};
