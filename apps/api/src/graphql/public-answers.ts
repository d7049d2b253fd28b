import { Kind, type DocumentNode } from 'graphql';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { noteRequest } from '../http/request-log';

/**
 * Whole answers to anonymous reads, kept per log position (issue 13, docs/adr/0014): the JSON an
 * anonymous caller got for a (method, query, variables, operation, extensions) is sent again, as the
 * same bytes, to the next anonymous caller asking the same at the same position — without parsing,
 * validating, gating, executing or serialising it again. The rules that make that safe:
 *
 * - only callers without an Authorization header read or fill it (one rights class: anonymous);
 *   anyone else, and any bad token, goes through Mercurius as always;
 * - only answers the request gate let through, whose document's root fields are live reads of the
 *   read models (`plan`, `plans`, `commitment`: views per position, ADR 0014) and whose estimate did
 *   not read the clock, and that came out without errors or extensions, are kept;
 * - an answer is kept only if the read models were at the same position when the request came in
 *   and when its answer went out, and served only at that position (all are dropped when it moves);
 * - the rate limit, the body limit, the caller hook and the GET ETag (onRequest hooks) run as before.
 */
const POSITION_PURE_ROOTS = new Set(['plan', 'plans', 'commitment', '__typename']);
const MAX_ENTRIES = 256;
const MAX_BYTES = 16 * 2 ** 20;
const JSON_TYPE = 'application/json; charset=utf-8';

interface Entry {
  bytes: Buffer;
  operation?: string;
}

/** What the hooks note on a request that may fill the cache. */
interface Pending {
  key: string;
  position: bigint;
  /** Set by the request gate once the document and its estimate qualify; cleared by errors. */
  keep: boolean;
  operation?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    publicAnswer?: Pending;
  }
}

/** Whether a document's answer is a function of the log position alone (for an anonymous caller). */
export function isPositionPure(document: DocumentNode): boolean {
  const operations = document.definitions.filter((d) => d.kind === Kind.OPERATION_DEFINITION);
  if (operations.length !== 1 || operations[0].operation !== 'query') return false;
  return operations[0].selectionSet.selections.every((s) => s.kind === Kind.FIELD && POSITION_PURE_ROOTS.has(s.name.value));
}

export class PublicAnswers {
  private position = -1n;
  private readonly entries = new Map<string, Entry>();
  private bytes = 0;

  constructor(private readonly currentPosition: () => bigint) {}

  /** Entries kept now (for tests and diagnostics). */
  get size(): number {
    return this.entries.size;
  }

  get(key: string): Entry | undefined {
    this.follow();
    return this.entries.get(key);
  }

  /** Keeps an answer computed at `position`, if that is still the current one and there is room. */
  set(key: string, position: bigint, entry: Entry): void {
    this.follow();
    if (position !== this.position || this.entries.size >= MAX_ENTRIES || this.bytes + entry.bytes.length > MAX_BYTES) return;
    this.entries.set(key, entry);
    this.bytes += entry.bytes.length;
  }

  private follow(): void {
    const position = this.currentPosition();
    if (position === this.position) return;
    this.entries.clear();
    this.bytes = 0;
    this.position = position;
  }
}

/** The request's identity as GraphQL reads it, or undefined when it is not an anonymous GraphQL read. */
function keyOf(req: FastifyRequest): string | undefined {
  if (req.headers.authorization !== undefined || req.caller?.authError || req.caller?.principal.sub) return undefined;
  const source = req.method === 'POST' ? req.body : req.method === 'GET' ? req.query : undefined;
  if (!source || typeof source !== 'object' || Array.isArray(source)) return undefined;
  const { query, variables, operationName, extensions } = source as Record<string, unknown>;
  return JSON.stringify([req.method, query ?? null, variables ?? null, operationName ?? null, extensions ?? null]);
}

/**
 * The request gate's part, once a request passed it: an anonymous request whose document and
 * estimate qualify may keep its answer (`forgetUnlessClean` still drops one with errors).
 */
export function mayKeepAnswer(req: FastifyRequest | undefined, document: DocumentNode, readClock: boolean, operation?: string): void {
  const pending = req?.publicAnswer;
  if (!pending || readClock || !isPositionPure(document)) return;
  pending.keep = true;
  pending.operation = operation;
}

/** Mercurius onResolution: an answer with errors or extensions (warnings) is never kept. */
export function forgetUnlessClean(execution: { errors?: readonly unknown[]; extensions?: unknown }, req: FastifyRequest | undefined): void {
  if (req?.publicAnswer && (execution.errors?.length || execution.extensions)) req.publicAnswer.keep = false;
}

/** The fastify hooks around POST and GET /graphql (the request gate and onResolution mark what may be kept). */
export function registerPublicAnswers(app: FastifyInstance, position: () => bigint): PublicAnswers {
  const answers = new PublicAnswers(position);
  const isGraphql = (req: FastifyRequest) => req.routeOptions.url === '/graphql' && (req.method === 'POST' || req.method === 'GET');
  // Callback-style hooks: no promise per request.
  app.addHook('preHandler', (req, reply, done) => {
    const key = isGraphql(req) ? keyOf(req) : undefined;
    if (key === undefined) return done();
    const hit = answers.get(key);
    if (!hit) {
      req.publicAnswer = { key, position: position(), keep: false };
      return done();
    }
    noteRequest(req, { operation: hit.operation });
    // Answered here: a hook that sends the reply does not call done().
    void reply.header('content-type', JSON_TYPE).send(hit.bytes);
  });
  app.addHook('onSend', (req, reply, payload, done) => {
    const pending = req.publicAnswer;
    if (pending?.keep && reply.statusCode === 200 && typeof payload === 'string' && position() === pending.position)
      answers.set(pending.key, pending.position, { bytes: Buffer.from(payload), operation: pending.operation });
    done(null, payload);
  });
  return answers;
}
