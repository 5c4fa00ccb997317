import { Int64Counter } from './ids.ts';
import { termsOf } from './query/terms.ts';

/** One message as kept in memory, with every metadata field a real message map carries. */
export interface StoredMessage {
  /** Ingestion order, for stable newest-first ties. */
  seq: number;
  messageTime: number;
  receiptTime: number;
  raw: string;
  sourceCategory: string;
  sourceHost: string;
  sourceName: string;
  source: string;
  collector: string;
  collectorId: string;
  sourceId: string;
  messageId: string;
  blockId: string;
  size: number;
  messageCount: number;
  format: string;
  /** Lowercased keyword terms of `raw`, computed once for searching. */
  terms: string[];
}

export type NewMessage = Omit<StoredMessage, 'seq' | 'messageId' | 'blockId' | 'size' | 'messageCount' | 'terms'>;

/** `mixed`: as the current docs sample, metadata fields camelCase (`_sourceCategory`), the rest lowercase. */
export type KeyStyle = 'lower' | 'camel' | 'mixed';

const MIXED_CAMEL = new Set(['_sourcecategory', '_sourcehost', '_sourcename']);
function keyOf(f: { lower: string; camel: string }, style: KeyStyle): string {
  if (style === 'camel' || (style === 'mixed' && MIXED_CAMEL.has(f.lower))) return f.camel;
  return f.lower;
}

interface FieldDef {
  lower: string;
  camel: string;
  fieldType: 'long' | 'int' | 'string';
  read: (m: StoredMessage) => string;
}

const FIELDS: FieldDef[] = [
  { lower: '_messagetime', camel: '_messageTime', fieldType: 'long', read: (m) => String(m.messageTime) },
  { lower: '_receipttime', camel: '_receiptTime', fieldType: 'long', read: (m) => String(m.receiptTime) },
  { lower: '_raw', camel: '_raw', fieldType: 'string', read: (m) => m.raw },
  { lower: '_sourcecategory', camel: '_sourceCategory', fieldType: 'string', read: (m) => m.sourceCategory },
  { lower: '_sourcehost', camel: '_sourceHost', fieldType: 'string', read: (m) => m.sourceHost },
  { lower: '_sourcename', camel: '_sourceName', fieldType: 'string', read: (m) => m.sourceName },
  { lower: '_source', camel: '_source', fieldType: 'string', read: (m) => m.source },
  { lower: '_collector', camel: '_collector', fieldType: 'string', read: (m) => m.collector },
  { lower: '_collectorid', camel: '_collectorId', fieldType: 'long', read: (m) => m.collectorId },
  { lower: '_sourceid', camel: '_sourceId', fieldType: 'long', read: (m) => m.sourceId },
  { lower: '_messageid', camel: '_messageId', fieldType: 'long', read: (m) => m.messageId },
  { lower: '_blockid', camel: '_blockId', fieldType: 'long', read: (m) => m.blockId },
  { lower: '_size', camel: '_size', fieldType: 'int', read: (m) => String(m.size) },
  { lower: '_messagecount', camel: '_messageCount', fieldType: 'int', read: (m) => String(m.messageCount) },
  { lower: '_format', camel: '_format', fieldType: 'string', read: (m) => m.format },
];

const BY_LOWER = new Map(FIELDS.map((f) => [f.lower, f]));

/** The `map` of a message: every value a string, 64-bit ids untouched. */
export function messageMap(m: StoredMessage, style: KeyStyle = 'lower'): Record<string, string> {
  const out: Record<string, string> = {};
  for (const f of FIELDS) out[keyOf(f, style)] = f.read(m);
  return out;
}

export function messageFields(
  style: KeyStyle = 'lower',
): Array<{ name: string; fieldType: string; keyField: boolean }> {
  return FIELDS.map((f) => ({ name: keyOf(f, style), fieldType: f.fieldType, keyField: false }));
}

/** A metadata field by name, case-insensitively (`_sourceCategory` = `_sourcecategory`). */
export function readField(m: StoredMessage, name: string): string | undefined {
  return BY_LOWER.get(name.toLowerCase())?.read(m);
}

export class MessageStore {
  private messages: StoredMessage[] = [];
  private seq = 0;
  private dropped = 0;
  private readonly messageIds = new Int64Counter(-9223372036854775000n);
  private readonly blockIds = new Int64Counter(-9223372036854775800n);
  private readonly perSourceCount = new Map<string, number>();

  constructor(private readonly maxMessages: number) {}

  /** Stores one batch (one HTTP request = one block, like the real `_blockid`). */
  addBatch(batch: NewMessage[]): StoredMessage[] {
    if (batch.length === 0) return [];
    const blockId = this.blockIds.take();
    const stored = batch.map((m) => {
      const count = (this.perSourceCount.get(m.sourceId) ?? 0) + 1;
      this.perSourceCount.set(m.sourceId, count);
      const full: StoredMessage = {
        ...m,
        seq: ++this.seq,
        messageId: this.messageIds.take(),
        blockId,
        size: Buffer.byteLength(m.raw),
        messageCount: count,
        terms: termsOf(m.raw),
      };
      return full;
    });
    this.messages.push(...stored);
    const excess = this.messages.length - this.maxMessages;
    if (excess > 0) {
      this.messages.splice(0, excess);
      this.dropped += excess;
    }
    return stored;
  }

  all(): readonly StoredMessage[] {
    return this.messages;
  }

  get size(): number {
    return this.messages.length;
  }

  get droppedCount(): number {
    return this.dropped;
  }

  clear(): void {
    this.messages = [];
  }
}
