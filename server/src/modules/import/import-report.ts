import type { ImportWarning } from './import-mapping';
import type { PreviewItem, RowError } from './row-reader';

/** Row errors listed in a report; `errorCount` has them all. */
export const MAX_LISTED_ERRORS = 1000;
/** Rows shown in a dry run's preview. */
export const PREVIEW_ROWS = 20;

export type ProfileChange = 'CREATED' | 'UPDATED' | 'UNCHANGED' | 'MERGED';

/** What an import did (or, in a dry run, would do) with a file. */
export interface ImportReport {
  readonly dryRun: boolean;
  /** Data rows read (the header and blank rows not counted). */
  readonly rows: number;
  /** Rows applied (dry run: that would be applied). */
  readonly valid: number;
  /** Rows skipped because of an error; `skippedLines` lists every one of them. */
  readonly skipped: number;
  readonly created: number;
  readonly updated: number;
  readonly unchanged: number;
  readonly merged: number;
  /** Dry run only: how many valid rows name a person not yet known, or an existing profile. */
  readonly matches: { readonly newProfiles: number; readonly existingProfiles: number } | null;
  /** The lines (where each row starts) of the skipped rows, in order. */
  readonly skippedLines: number[];
  /** Why rows were skipped, in line order: the first `MAX_LISTED_ERRORS`. */
  readonly errors: RowError[];
  readonly errorCount: number;
  readonly warnings: ImportWarning[];
  /** Dry run only: the first valid rows as they would be stored. */
  readonly preview: Array<{ readonly line: number; readonly item: PreviewItem }>;
}

/** Collects a report row by row, with bounded memory except for the skipped lines. */
export class ImportReportBuilder {
  private rows = 0;
  private valid = 0;
  private readonly changes: Record<ProfileChange, number> = {
    CREATED: 0,
    UPDATED: 0,
    UNCHANGED: 0,
    MERGED: 0,
  };
  private readonly matches = { newProfiles: 0, existingProfiles: 0 };
  private readonly skippedLines: number[] = [];
  private readonly errors: RowError[] = [];
  private errorCount = 0;
  private readonly warnings: ImportWarning[] = [];
  private readonly preview: Array<{ line: number; item: PreviewItem }> = [];

  constructor(
    private readonly dryRun: boolean,
    warnings: readonly ImportWarning[],
  ) {
    this.warnings.push(...warnings);
  }

  warn(warnings: readonly ImportWarning[]): void {
    this.warnings.push(...warnings);
  }

  skipped(line: number, errors: readonly RowError[]): void {
    this.rows++;
    this.skippedLines.push(line);
    this.errorCount += errors.length;
    for (const error of errors) if (this.errors.length < MAX_LISTED_ERRORS) this.errors.push(error);
  }

  /** A row a dry run would apply: `existing` when it names a known profile. */
  wouldApply(line: number, item: PreviewItem, existing: boolean): void {
    this.rows++;
    this.valid++;
    this.matches[existing ? 'existingProfiles' : 'newProfiles']++;
    if (this.preview.length < PREVIEW_ROWS) this.preview.push({ line, item });
  }

  applied(change: ProfileChange): void {
    this.rows++;
    this.valid++;
    this.changes[change]++;
  }

  report(): ImportReport {
    return {
      dryRun: this.dryRun,
      rows: this.rows,
      valid: this.valid,
      skipped: this.skippedLines.length,
      created: this.changes.CREATED,
      updated: this.changes.UPDATED,
      unchanged: this.changes.UNCHANGED,
      merged: this.changes.MERGED,
      matches: this.dryRun ? { ...this.matches } : null,
      skippedLines: this.skippedLines,
      errors: this.errors,
      errorCount: this.errorCount,
      warnings: this.warnings,
      preview: this.preview,
    };
  }
}
