import { randomFillSync } from 'node:crypto';

/** Random bytes drawn in bulk (one system call per 4 KiB rather than per id). */
const pool = Buffer.allocUnsafe(4096);
let poolAt = pool.length;

/** Fills bytes 6 to 15 of `bytes` (the first six are the time) from the pool. */
function randomInto(bytes: Buffer): void {
  if (poolAt + 10 > pool.length) {
    randomFillSync(pool);
    poolAt = 0;
  }
  pool.copy(bytes, 6, poolAt, poolAt + 10);
  poolAt += 10;
}

/**
 * A UUIDv7 (RFC 9562): 48 bits of Unix milliseconds, then random bits. Ids sort by creation time,
 * which keeps B-tree inserts local on both SQLite and PostgreSQL.
 */
export function newId(now: number = Date.now()): string {
  const bytes = Buffer.allocUnsafe(16);
  randomInto(bytes);
  bytes.writeUIntBE(now, 0, 6);
  bytes[6] = 0x70 | (bytes[6]! & 0x0f);
  bytes[8] = 0x80 | (bytes[8]! & 0x3f);
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
