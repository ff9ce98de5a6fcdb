import express, { Router, type Request, type Response } from 'express';
import type { Orm } from '../db/orm';
import { scopeToWorkspace } from '../db/workspace-filter';
import { CairnError } from '../errors/cairn-error';
import { authenticateIngest } from '../modules/ingestion/ingest-auth';
import { IngestService } from '../modules/ingestion/ingest.service';
import { ingestPayload } from '../modules/ingestion/ingest.type';

const JSON_TYPES = ['application/json'];
const NDJSON_TYPES = ['application/x-ndjson', 'application/ndjson', 'application/jsonl'];
/** 1,000 items of up to 32 KiB of properties each, with room for the envelope. */
const BODY_LIMIT = '40mb';

/** A line of NDJSON that is not JSON: kept in its place so the item gets its own rejection. */
class UnreadableLine {
  constructor(readonly line: number) {}
}

/**
 * `POST /v1/events`: a batch of track and identify items (up to 1,000) as a JSON array or as
 * NDJSON (one item per line), with a write key (or an admin key) as the bearer token. Answers
 * 200 with one result per item, the same shape as the GraphQL `track` mutation; a line of NDJSON
 * that is not JSON rejects that item only.
 */
export function eventsRoute(orm: Orm): Router {
  const router = Router();
  router.post(
    '/v1/events',
    express.text({ type: [...JSON_TYPES, ...NDJSON_TYPES], limit: BODY_LIMIT }),
    async (req: Request, res: Response) => {
      try {
        const em = orm.em.fork();
        const { workspace, activity } = await authenticateIngest(em, req.headers.authorization, [
          'admin',
          'write',
        ]);
        scopeToWorkspace(em, workspace.id);
        const items = readBody(req);
        const raw = items.map((item) => (item instanceof UnreadableLine ? undefined : item));
        const outcomes = await new IngestService(em, workspace).ingest(raw, {
          source: 'POST /v1/events',
          activity,
        });
        items.forEach((item, index) => {
          if (item instanceof UnreadableLine) {
            outcomes[index] = {
              index,
              status: 'REJECTED',
              problems: [
                {
                  code: 'BAD_USER_INPUT',
                  path: [index],
                  message: `Line ${item.line} is not valid JSON.`,
                },
              ],
            };
          }
        });
        res.json(ingestPayload(outcomes));
      } catch (error) {
        if (!(error instanceof CairnError)) throw error;
        res.status(error.status).json({
          errors: [
            {
              message: error.message,
              extensions: {
                code: error.code,
                ...(error.fieldPath ? { field: error.fieldPath } : {}),
              },
            },
          ],
        });
      }
    },
  );
  return router;
}

function readBody(req: Request): unknown[] {
  const type = req.headers['content-type']?.split(';')[0]?.trim().toLowerCase() ?? '';
  const body: unknown = req.body;
  if (typeof body !== 'string') {
    throw CairnError.badInput(
      [],
      `Send the batch as application/json (an array) or application/x-ndjson (one item per line); got "${type || 'no content type'}".`,
    );
  }
  if (NDJSON_TYPES.includes(type)) {
    return body.split('\n').flatMap((text, i) => {
      if (text.trim() === '') return [];
      try {
        return [JSON.parse(text) as unknown];
      } catch {
        return [new UnreadableLine(i + 1)];
      }
    });
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(body);
  } catch {
    throw CairnError.badInput(
      [],
      'The body is not valid JSON: send a JSON array of items, or NDJSON with Content-Type application/x-ndjson.',
    );
  }
  if (!Array.isArray(parsed))
    throw CairnError.badInput(
      [],
      'The body must be a JSON array of items: [{"event": "...", ...}].',
    );
  return parsed;
}
