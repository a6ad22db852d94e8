import { auditLine, GENESIS, parseAuditLine, unchained, splitLines, verifyChain, type AuditAnchor, type ChainFile, type ChainReport } from '../../../shared/logic/audit-chain';
import type { AuditEntry, AuditLog, AuditQuery } from '../../../shared/ports/audit-log';
import {
  ANCHOR_FILE,
  AUDIT_FOLDER,
  CURRENT_FILE,
  fsModule,
  joinPath,
  readAnchor,
  readFirstLine,
  readTail,
  readTextOrNull,
  rotatedFile,
  rotatedIndexes,
  bulkLineHash,
  lineHash,
  writeAnchor,
} from './audit-files';
import { sweepLockLeftovers, withAuditLock } from './audit-lock';

export interface JsonlAuditLogOptions {
  /** Roledeck's data folder; the log lives in its `audit/` folder. */
  home: string;
  /** Rotate once the current file would pass this many bytes. */
  maxBytes?: number;
  /** Rotated files kept beside the current one; the oldest is dropped past this. */
  keep?: number;
}

export const AUDIT_MAX_BYTES = 1024 * 1024;
export const AUDIT_KEEP = 5;

interface ChainEnd {
  seq: number;
  hash: string;
}

function endOf(line: string | null): ChainEnd | null {
  const entry = line === null ? null : parseAuditLine(line);
  return line !== null && entry ? { seq: entry.seq, hash: lineHash(line) } : null;
}

/**
 * The audit log as JSON Lines in `<home>/audit/`, outside the encrypted store on purpose: the
 * credential_process quick path appends without decrypting the store (issue 12: one keychain read,
 * no store), and the file holds no secret (auditLine redacts). The folder is 0700 and the files
 * 0600: it names profiles, customers and role ARNs, which other local users have no business
 * reading. Each append happens under the log's own lock, as one write() of whole lines.
 *
 * Not fsync'd: a credential_process call cannot pay for a disk flush, so a power cut may lose the
 * last lines (a killed process cannot: the write has reached the kernel). The anchor is then ahead
 * of the file and verify reports the loss as truncation, which is honest.
 */
export class JsonlAuditLog implements AuditLog {
  readonly dir: string;
  private readonly maxBytes: number;
  private readonly keep: number;

  constructor(options: JsonlAuditLogOptions) {
    this.dir = joinPath(options.home, AUDIT_FOLDER);
    this.maxBytes = options.maxBytes ?? AUDIT_MAX_BYTES;
    this.keep = Math.max(1, options.keep ?? AUDIT_KEEP);
  }

  async append(...entries: AuditEntry[]): Promise<void> {
    if (entries.length === 0) return;
    await withAuditLock(this.dir, () => this.appendLocked(entries));
  }

  private appendLocked(entries: AuditEntry[]): void {
    const fs = fsModule();
    const current = joinPath(this.dir, CURRENT_FILE);
    const tail = readTail(current);
    // A line a killed writer left half-written was never reported as recorded: drop it, so the
    // next line starts on a line of its own.
    if (tail.tornBytes > 0) fs.truncateSync(current, tail.cleanSize);
    let anchor = readAnchor(this.dir);
    const end: ChainEnd = endOf(tail.lastLine) ?? endOf(readTail(joinPath(this.dir, rotatedFile(1))).lastLine) ?? (anchor ? { seq: anchor.seq, hash: anchor.hash } : { seq: 0, hash: GENESIS });
    let seq = end.seq;
    let prev = end.hash;
    const lines = entries.map((entry) => {
      seq += 1;
      const line = auditLine(entry, seq, prev);
      prev = lineHash(line);
      return line;
    });
    const text = `${lines.join('\n')}\n`;
    anchor ??= { seq: 0, hash: GENESIS, firstSeq: 1, rotated: 0 };
    if (tail.cleanSize > 0 && tail.cleanSize + Buffer.byteLength(text) > this.maxBytes) anchor = this.rotate(anchor);
    fs.appendFileSync(current, text, { mode: 0o600 });
    writeAnchor(this.dir, { ...anchor, seq, hash: prev });
  }

  /**
   * audit.jsonl → audit.1.jsonl → … → audit.<keep>.jsonl, the oldest dropped. Every step leaves a
   * log that verifies if the process is killed right after it: the anchor moves `firstSeq` past the
   * files about to go before they go; the rotated files are renumbered oldest first, so a kill
   * mid-way leaves a gap in the numbers but every line in order (and the next rotation closes
   * the gap); the current file moves last, and until then it is still where appends go.
   */
  private rotate(anchor: AuditAnchor): AuditAnchor {
    const fs = fsModule();
    sweepLockLeftovers(this.dir);
    const present = rotatedIndexes(this.dir);
    const survivors = present.slice(0, this.keep - 1);
    const dropped = present.slice(this.keep - 1);
    let next = anchor;
    if (dropped.length > 0) {
      const oldest = survivors.at(-1);
      const first = parseAuditLine(readFirstLine(joinPath(this.dir, oldest === undefined ? CURRENT_FILE : rotatedFile(oldest))) ?? '');
      next = { ...anchor, firstSeq: first?.seq ?? anchor.firstSeq };
      writeAnchor(this.dir, next);
      for (const index of dropped) fs.rmSync(joinPath(this.dir, rotatedFile(index)), { force: true });
    }
    for (let position = survivors.length - 1; position >= 0; position -= 1) {
      const index = survivors[position] as number;
      if (index !== position + 2) fs.renameSync(joinPath(this.dir, rotatedFile(index)), joinPath(this.dir, rotatedFile(position + 2)));
    }
    fs.renameSync(joinPath(this.dir, CURRENT_FILE), joinPath(this.dir, rotatedFile(1)));
    return { ...next, rotated: survivors.length + 1 };
  }

  /** The files oldest first: the rotated ones by number, then the current one. */
  private files(): ChainFile[] {
    const files: ChainFile[] = rotatedIndexes(this.dir)
      .reverse()
      .map((index) => ({ name: rotatedFile(index), text: readTextOrNull(joinPath(this.dir, rotatedFile(index))) ?? '' }));
    files.push({ name: CURRENT_FILE, text: readTextOrNull(joinPath(this.dir, CURRENT_FILE)) ?? '' });
    return files;
  }

  /** Every readable entry, oldest first (lines that are not well-formed are left out; verify names them). */
  async entries(): Promise<AuditEntry[]> {
    const out: AuditEntry[] = [];
    for (const file of this.files()) {
      for (const line of splitLines(file.text ?? '').lines) {
        const entry = parseAuditLine(line);
        if (entry) out.push(unchained(entry));
      }
    }
    return out;
  }

  async list(query: AuditQuery = {}): Promise<AuditEntry[]> {
    const found = (await this.entries()).filter(
      (entry) =>
        (query.profileId === undefined || entry.profileId === query.profileId) &&
        (query.action === undefined || entry.action === query.action) &&
        (query.since === undefined || entry.at >= query.since),
    );
    return query.limit === undefined ? found : found.slice(Math.max(0, found.length - query.limit));
  }

  async verify(): Promise<ChainReport> {
    sweepLockLeftovers(this.dir);
    return verifyChain(this.files(), readAnchor(this.dir), bulkLineHash, ANCHOR_FILE);
  }
}
