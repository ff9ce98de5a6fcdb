import { Router, type Request, type Response } from 'express';
import { errorCatalog, type Problem } from '@cairn/schema';
import { authenticate } from '../auth/api-key.service';
import type { Orm } from '../db/orm';
import { scopeToWorkspace } from '../db/workspace-filter';
import { CairnError } from '../errors/cairn-error';
import { CustomerImportService, ImportRefused } from '../modules/import/customer-import.service';
import {
  readMapping,
  type ImportMapping,
  type ImportWarning,
} from '../modules/import/import-mapping';
import { discardBody, receiveUpload } from './multipart-upload';
import { spoolToDisk } from './upload-spool';

export const MAX_IMPORT_FILE_BYTES = 200 * 1024 * 1024;
const MAX_MAPPING_BYTES = 1024 * 1024;

/**
 * `POST /v1/imports/customers`: a CSV file of customers (a CRM export) as multipart/form-data with
 * an admin key. Fields, before the file: `mapping` (JSON: which column fills which identity or
 * trait) and `dryRun` ("true": validate and preview, write nothing). Answers 200 with the report
 * (rows applied, skipped rows with line, column, code and message); a mapping or file that cannot
 * be used answers 4xx with every problem and writes nothing. Files are limited to 200 MB
 * (`options.maxFileBytes`).
 */
export function importRoute(orm: Orm, options: { readonly maxFileBytes?: number } = {}): Router {
  const router = Router();
  router.post('/v1/imports/customers', async (req: Request, res: Response) => {
    try {
      const em = orm.em.fork();
      const workspace = await authenticate(em, req.headers.authorization);
      scopeToWorkspace(em, workspace.id);
      const upload = await receiveUpload(req, {
        fileField: 'file',
        maxFileBytes: options.maxFileBytes ?? MAX_IMPORT_FILE_BYTES,
        maxFieldBytes: MAX_MAPPING_BYTES,
      });
      const { mapping, warnings, dryRun } = readForm(upload.fields);
      const service = new CustomerImportService(em, workspace);
      if (dryRun) {
        const report = await service.dryRun(mapping, warnings, upload.file);
        await upload.done;
        res.json(report);
        return;
      }
      const spooled = await spoolToDisk(upload.file);
      try {
        await upload.done;
        res.json(await service.apply(mapping, warnings, () => spooled.open()));
      } finally {
        await spooled.remove();
      }
    } catch (error) {
      if (error instanceof ImportRefused) sendProblems(res, error.problems);
      else if (error instanceof CairnError) sendError(res, error);
      else throw error;
    } finally {
      if (!req.readableEnded) discardBody(req);
    }
  });
  return router;
}

function readForm(fields: ReadonlyMap<string, string>): {
  mapping: ImportMapping;
  warnings: ImportWarning[];
  dryRun: boolean;
} {
  const dryRunField = fields.get('dryRun') ?? 'false';
  if (dryRunField !== 'true' && dryRunField !== 'false')
    throw CairnError.badInput(['dryRun'], `dryRun is "true" or "false" (got "${dryRunField}").`);
  const text = fields.get('mapping');
  if (text === undefined)
    throw CairnError.badInput(
      ['mapping'],
      'The "mapping" field is missing: send it (JSON) before the file, e.g. {"columns": {"Email": {"identity": "email"}}}.',
    );
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw CairnError.badInput(
      ['mapping'],
      `The mapping is not valid JSON (${error instanceof Error ? error.message : String(error)}).`,
    );
  }
  const read = readMapping(json);
  if (!read.ok) throw new ImportRefused(read.problems);
  return { mapping: read.mapping, warnings: read.warnings, dryRun: dryRunField === 'true' };
}

function sendError(res: Response, error: CairnError): void {
  const { http: _http, ...extensions } = error.extensions;
  res.status(error.status).json({ errors: [{ message: error.message, extensions }] });
}

function sendProblems(res: Response, problems: readonly Problem[]): void {
  res.status(errorCatalog[problems[0]?.code ?? 'BAD_USER_INPUT'].status).json({
    errors: problems.map((p) => ({
      message: `${p.path.join('.')}: ${p.message}`,
      extensions: { code: p.code, field: p.path },
    })),
  });
}
