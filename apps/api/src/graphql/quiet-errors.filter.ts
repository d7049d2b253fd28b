import { Catch, type ArgumentsHost } from '@nestjs/common';
import { BaseExceptionFilter } from '@nestjs/core';
import type { GqlContextType, GqlExceptionFilter } from '@nestjs/graphql';

/**
 * Nest logs every error a resolver throws, with its stack, at ERROR: a flood of refused requests
 * (UNAUTHENTICATED, VALIDATION_FAILED…) would flood the logs. Resolver errors go on to the
 * GraphQL error formatter unlogged; it codes them, and logs the unexpected ones once, at error.
 */
@Catch()
export class QuietGraphqlErrorsFilter extends BaseExceptionFilter implements GqlExceptionFilter {
  override catch(exception: unknown, host: ArgumentsHost): unknown {
    if (host.getType<GqlContextType>() === 'graphql') return exception;
    return super.catch(exception, host);
  }
}
