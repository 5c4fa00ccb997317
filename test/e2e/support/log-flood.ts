import type { IngestMessage } from '../../../sumo-server/index.ts';

// A search result of 10,000 log lines of up to 64 KB for one session, as a busy backend would log
// them, with the shapes an attacker can write mixed in. The e2e and `npm run bench` both use it.
//
// Per 20 lines (by position, oldest first):
// - 2 are INFO lines of 16–64 KB (a logged JSON payload): 1,000 in all, ~40 MB;
// - 1 is "ERROR checkout failed: payment declined for order N" (one error group);
// - 1 is a Java exception logged with its frames in one message (~1 KB, one error group);
// - 1 is a WARN with a 2–8 KB request URL;
// - the rest are short INFO access lines;
// and every 200th line (50 in all) is replaced by a 64 KB hostile line, in turn: newlines after
// the tag, a Go `panic:` plus spaces, a URL of dotted `@`s, nested JSON after ERROR, and markup
// with invisible characters.
// About 47 million characters: each line under SumoLogic's 64 KB message size, the one page of
// 10,000 messages under its 100 MB page limit, and every chunk the panel gets far below the 64 MiB
// Chrome allows an extension message.

export const FLOOD_LINES = 10_000;
const KB = 1024;
const LINE_MAX = 64 * KB;

export const HOSTILE_KINDS = ['newlines', 'panic', 'dotted-url', 'deep-json', 'markup'] as const;
export type HostileKind = (typeof HOSTILE_KINDS)[number];

export interface Flood {
  messages: IngestMessage[];
  /** How many lines of each kind (what the grouped results must count). */
  counts: {
    big: number;
    checkout: number;
    java: number;
    longUrl: number;
    short: number;
    hostile: Record<HostileKind, number>;
  };
  chars: number;
  longestLine: number;
}

const JAVA_FRAMES = [
  'com.shop.inventory.Inventory.reserve(Inventory.java:42)',
  'com.shop.orders.OrderService.place(OrderService.java:118)',
  'com.shop.api.OrderController.create(OrderController.java:57)',
  'org.springframework.web.servlet.FrameworkServlet.service(FrameworkServlet.java:897)',
];

function payload(i: number, size: number): string {
  const item = (n: number) => `{"sku":"SKU-${(i * 31 + n) % 9973}","qty":${1 + (n % 4)},"price":"${n % 90}.99"},`;
  let out = `{"order":${i},"items":[`;
  for (let n = 0; out.length < size; n++) out += item(n);
  return out.slice(0, size);
}

function hostile(kind: HostileKind, tag: string, i: number): string {
  const room = LINE_MAX - tag.length - 40;
  switch (kind) {
    case 'newlines':
      return `${tag}${'\n'.repeat(room)}`;
    case 'panic':
      return `${tag} panic: ${' '.repeat(room)}`;
    case 'dotted-url':
      return `${tag} WARN fetch https://shop.example/a@${'.'.repeat(room - 40)}@x?n=${i}`;
    case 'deep-json': {
      const depth = Math.floor(room / 6);
      return `${tag} ERROR ${'{"a":'.repeat(depth)}1${'}'.repeat(depth)}`;
    }
    case 'markup':
      return `${tag} INFO <img src=x onerror=alert(${i})>\u200b\u202e${'<b>'.repeat(Math.floor(room / 4))}`;
  }
}

/** The flood for `tag`, oldest first, one line a millisecond up to just before `now` (inside the session's search window). */
export function logFlood(tag: string, now: number, lines = FLOOD_LINES): Flood {
  const counts: Flood['counts'] = {
    big: 0,
    checkout: 0,
    java: 0,
    longUrl: 0,
    short: 0,
    hostile: { newlines: 0, panic: 0, 'dotted-url': 0, 'deep-json': 0, markup: 0 },
  };
  const meta = { category: 'demo/backend', host: 'demo-backend', name: 'backend.log' };
  const messages: IngestMessage[] = [];
  let chars = 0;
  let longestLine = 0;
  for (let i = 0; i < lines; i++) {
    let raw: string;
    if (i % 200 === 7) {
      const kind = HOSTILE_KINDS[((i / 200) % HOSTILE_KINDS.length) | 0] as HostileKind;
      counts.hostile[kind]++;
      raw = hostile(kind, tag, i);
    } else {
      switch (i % 20) {
        case 0:
        case 1: {
          counts.big++;
          const size = 16 * KB + ((i * 7919) % (48 * KB - 200));
          raw = `${tag} INFO order payload ${payload(i, size)}`;
          break;
        }
        case 2:
          counts.checkout++;
          raw = `${tag} ERROR checkout failed: payment declined for order ${i}`;
          break;
        case 3:
          counts.java++;
          raw = `${tag} ERROR java.lang.IllegalStateException: Inventory reservation failed for order ${i}\n${JAVA_FRAMES.map((f) => `\tat ${f}`).join('\n')}`;
          break;
        case 4: {
          counts.longUrl++;
          const q = 'q'.repeat(2 * KB + ((i * 131) % (6 * KB)));
          raw = `${tag} WARN slow request GET https://shop.example/api/search?q=${q}&page=${i} took ${900 + (i % 97)} ms`;
          break;
        }
        default:
          counts.short++;
          raw = `${tag} INFO GET /api/items/${i} 200 ${i % 97} ms`;
      }
    }
    chars += raw.length;
    longestLine = Math.max(longestLine, raw.length);
    messages.push({ raw, ...meta, messageTime: now - (lines - i) });
  }
  return { messages, counts, chars, longestLine };
}
