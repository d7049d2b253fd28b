import { Inject, Injectable, Logger } from '@nestjs/common';
import { execute, type ExecutionResult, type GraphQLResolveInfo, type GraphQLSchema } from 'graphql';
import { LEDGER_CONFIG, yieldToEventLoop, type LedgerConfig } from '@ledger/core';
import { ledgerErrorFormatter } from '../graphql/error-formatter';
import type { GqlContext } from '../graphql/issuer';
import { subscriptionShape, type SubscriptionShape } from './subscription-group';
import { sendShared, type Follower, type LiveSocket, type LiveWire } from './live-socket';

const SOCKETS_PER_TURN = 100;

/** A subscription's context: the connection's (socket, its wire, caller) and the subscription's id. */
export type LiveContext = Partial<GqlContext> & { socket?: LiveSocket; wire?: LiveWire; id?: string | number };

interface Group extends SubscriptionShape {
  topic: string;
  schema: GraphQLSchema;
  context: Record<string, unknown>;
  followers: Set<Follower>;
  /** Messages of one group go out in the order of the changes. */
  sending: Promise<void>;
}

/**
 * Live fan-out (issue 13, docs/adr/0013). Subscribers whose messages would be identical (same topic,
 * document, variables and rights) form a group; each change is executed once per group, serialised
 * once, and the same payload is written to every follower's socket with its own subscription id.
 * Mercurius still runs everything up to the start of a subscription (connection cap, token,
 * depth and aliases, cost); its per-subscriber stream then stays silent and only ends it.
 */
@Injectable()
export class LiveFanOut {
  private readonly logger = new Logger('Live');
  private readonly groups = new Map<string, Group>();
  private readonly byTopic = new Map<string, Set<Group>>();
  private readonly formatErrors: ReturnType<typeof ledgerErrorFormatter>;

  constructor(@Inject(LEDGER_CONFIG) config: LedgerConfig) {
    this.formatErrors = ledgerErrorFormatter(config.production);
  }

  /** Subscribers following `topic` now (all groups). */
  followers(topic: string): number {
    return [...(this.byTopic.get(topic) ?? [])].reduce((n, g) => n + g.followers.size, 0);
  }

  /** Groups following `topic` now: subscribers that share executions count once. */
  groupCount(topic: string): number {
    return this.byTopic.get(topic)?.size ?? 0;
  }

  /** Registers a subscriber; the stream returned ends (and unregisters it) when Mercurius ends the subscription. */
  follow(topic: string, ctx: LiveContext, info: GraphQLResolveInfo): AsyncIterableIterator<never> {
    const { socket, wire, id } = ctx;
    if (!socket || id === undefined) throw new Error('a live subscription needs its connection (socket and id)');
    const shape = subscriptionShape(topic, ctx.issuer?.principal, info);
    const group = this.groups.get(shape.key) ?? this.addGroup(topic, shape, info.schema, ctx);
    const type = socket.protocol === 'graphql-ws' ? 'data' : 'next';
    const follower: Follower = { socket, wire, prefix: Buffer.from(`{"type":"${type}","id":${JSON.stringify(id)},"payload":`) };
    group.followers.add(follower);
    let finish!: (r: IteratorResult<never>) => void;
    const finished = new Promise<IteratorResult<never>>((resolve) => (finish = resolve));
    const end = (): Promise<IteratorResult<never>> => {
      this.unfollow(group, follower);
      finish({ done: true, value: undefined });
      return finished;
    };
    socket.once('close', () => void end());
    const stream: AsyncIterableIterator<never> = { next: () => finished, return: end, throw: end, [Symbol.asyncIterator]: () => stream };
    return stream;
  }

  /** A change to `topic`: each group following it gets one execution and one payload. */
  publish(topic: string, rootValue: unknown): void {
    for (const group of this.byTopic.get(topic) ?? []) {
      group.sending = group.sending.then(() => this.send(group, rootValue));
    }
  }

  private async send(group: Group, rootValue: unknown): Promise<void> {
    if (group.followers.size === 0) return;
    try {
      const result = (await execute({
        schema: group.schema,
        document: group.document,
        rootValue,
        contextValue: group.context,
        variableValues: group.variables,
        operationName: group.operationName,
      })) as ExecutionResult;
      const response = result.errors?.length ? this.formatErrors(result, group.context).response : result;
      // Serialised and encoded once; each follower's message is its prefix and these same bytes.
      const payload = Buffer.from(`${JSON.stringify(response)}}`);
      let sent = 0;
      for (const follower of [...group.followers]) {
        sendShared(follower, payload);
        // Writing to a thousand sockets takes a while: health probes and requests get turns in between.
        if (++sent % SOCKETS_PER_TURN === 0) await yieldToEventLoop();
      }
    } catch (error) {
      this.logger.error(`live update of ${group.topic} failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }

  private addGroup(topic: string, shape: SubscriptionShape, schema: GraphQLSchema, ctx: LiveContext): Group {
    // The context every execution of the group sees: the caller, not the first follower's connection.
    const { socket: _socket, wire: _wire, id: _id, ...context } = ctx;
    const group: Group = {
      ...shape,
      topic,
      schema,
      context: { ...context, warnings: [] },
      followers: new Set(),
      sending: Promise.resolve(),
    };
    this.groups.set(shape.key, group);
    const groups = this.byTopic.get(topic) ?? new Set<Group>();
    this.byTopic.set(topic, groups.add(group));
    return group;
  }

  private unfollow(group: Group, follower: Follower): void {
    if (!group.followers.delete(follower) || group.followers.size > 0) return;
    this.groups.delete(group.key);
    const groups = this.byTopic.get(group.topic);
    groups?.delete(group);
    if (groups?.size === 0) this.byTopic.delete(group.topic);
  }
}
