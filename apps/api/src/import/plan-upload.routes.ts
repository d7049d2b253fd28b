import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { INestApplicationContext } from '@nestjs/common';
import type { ImportStep } from '@ledger/domain';
import { CLOCK, PlanImporter, PlanSnapshotService, ReadModelService, type Clock } from '@ledger/core';
import { checkPlanImport, FILE_LIMITS, sourceOf } from '@ledger/plan-workbook';
import { PLAN_IMPORT_PATH } from '@ledger/web-ui';
import { callerOfRequest } from '../http/caller';
import type { TokenService } from '@ledger/core';

// A file name: no path, no control character (checked by code point, below).
const NAME = /^[^/\\]{1,200}$/;
const plainName = (name: string) => NAME.test(name) && [...name].every((c) => c.charCodeAt(0) >= 0x20);

/** One command the import would issue, as the dry run lists it. */
export interface PlannedCommand {
  type: string;
  /** What it is about: the plan, commitment or activity id. */
  target: string;
  effectiveAt: string;
  data: unknown;
}

/**
 * `POST /plan-imports?name=<file>[&dryRun=true]`, the file's bytes as the body (any content type):
 * a plan workbook (XLSX), its CSV sheets in a zip, or a JSON plan file — through the same code as
 * `ledger import` (checkPlanImport, then PlanImporter). Coordinators only; 10 MB at most. Every
 * problem comes back at its sheet, row and cell and nothing is written; a dry run lists the
 * commands instead; otherwise they are issued as the uploading coordinator.
 */
export async function registerPlanUpload(app: FastifyInstance, nest: INestApplicationContext, tokens: TokenService): Promise<void> {
  await app.register(async (scope) => {
    // The body is the file as sent: no JSON or form parsing in this scope.
    scope.removeAllContentTypeParsers();
    scope.addContentTypeParser('*', { parseAs: 'buffer', bodyLimit: FILE_LIMITS.maxFileBytes }, (_req, body, done) => done(null, body));
    scope.setErrorHandler((error: { statusCode?: number; message: string }, _req, reply) => {
      if (error.statusCode === 413)
        return reply.code(413).send(refusal('PAYLOAD_TOO_LARGE', `the file is larger than ${FILE_LIMITS.maxFileBytes / 1024 / 1024} MB`));
      if (error.statusCode && error.statusCode < 500) return reply.code(error.statusCode).send(refusal('VALIDATION_FAILED', error.message));
      reply.log.error({ err: error }, 'unexpected error');
      return reply.code(500).send(refusal('INTERNAL_SERVER_ERROR', 'internal error'));
    });
    // Refused before the body is read: who may upload is known from the token alone.
    scope.addHook('onRequest', async (req, reply) => {
      const caller = await callerOfRequest(req, tokens);
      if (caller.authError) return reply.code(401).send(refusal('UNAUTHENTICATED', caller.authError.message));
      if (!caller.principal.sub) return reply.code(401).send(refusal('UNAUTHENTICATED', 'uploading a plan needs a signed-in coordinator'));
      if (!caller.principal.roles.includes('coordinator'))
        return reply.code(403).send(refusal('FORBIDDEN', 'only coordinators may upload a plan'));
    });
    scope.post(PLAN_IMPORT_PATH, { bodyLimit: FILE_LIMITS.maxFileBytes }, (req, reply) => upload(nest, req, reply));
  });
}

async function upload(nest: INestApplicationContext, req: FastifyRequest, reply: FastifyReply): Promise<FastifyReply> {
  const query = req.query as Record<string, string | undefined>;
  const name = query.name ?? '';
  if (!plainName(name)) return reply.code(400).send(refusal('VALIDATION_FAILED', 'name must be the file name (1–200 characters, no path)'));
  const bytes = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
  if (bytes.length === 0) return reply.code(400).send(refusal('VALIDATION_FAILED', 'the file is empty'));
  const dryRun = query.dryRun === 'true';
  const clock = nest.get<Clock>(CLOCK);
  const readModels = nest.get(ReadModelService);
  const check = await checkPlanImport(sourceOf(name, bytes), {
    current: (planId) => nest.get(PlanSnapshotService).current(planId),
    revisionDate: clock().toISOString().slice(0, 10),
    now: clock(),
    basis: readModels.position.toString(),
  });
  if (!check.ok)
    return reply.code(422).send({
      ...refusal(check.problems[0]?.code ?? 'VALIDATION_FAILED', `${check.problems.length} problem(s); nothing was written`),
      problems: check.problems,
    });
  const planId = check.file.plan.id;
  if (dryRun || check.steps.length === 0)
    return reply.send({ ok: true, dryRun, planId, revision: check.revision, commands: check.steps.map(planned) });
  const principal = req.caller!.principal;
  const importer = nest.get(PlanImporter);
  const outcome = await importer.import(check.steps, name, undefined, principal);
  await importer.settle(outcome);
  return reply.send({
    ok: true,
    dryRun: false,
    planId,
    revision: check.revision,
    written: outcome.written,
    alreadyPresent: outcome.alreadyPresent,
    position: outcome.position.toString(),
  });
}

function planned(step: ImportStep): PlannedCommand {
  const data = step.command.data as Record<string, unknown>;
  const target = String(
    data.activityId ?? data.commitmentId ?? (data.planId && data.number ? `${data.planId}.${data.number}` : (data.planId ?? data.id)),
  );
  return { type: step.command.type, target, effectiveAt: step.effectiveAt, data };
}

const refusal = (code: string, message: string) => ({ ok: false, code, message });
