import { emptyDocument, StoreDocumentSchema, type StoreDocument } from '../../shared/domain/store-document';
import type { DocumentStore } from '../../shared/ports/document-store';
import { RoledeckError } from '../../shared/contract/errors';

/** DocumentStore in memory with the real schema check on every update, for unit tests. */
export class MemoryDocumentStore implements DocumentStore {
  readonly location: string = 'memory';
  document: StoreDocument = emptyDocument();
  writes = 0;

  async read(): Promise<StoreDocument> {
    return structuredClone(this.document);
  }

  async update<T>(mutate: (document: StoreDocument) => T | Promise<T>): Promise<T> {
    const copy = structuredClone(this.document);
    const result = await mutate(copy);
    const checked = StoreDocumentSchema.safeParse(copy);
    if (!checked.success) throw new RoledeckError('VALIDATION', checked.error.issues.map((issue) => issue.message).join('; '));
    this.document = checked.data;
    this.writes += 1;
    return result;
  }

  async reset(): Promise<{ setAsideAs: string | null }> {
    this.document = emptyDocument();
    return { setAsideAs: null };
  }
}
