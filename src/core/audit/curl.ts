// "Copy as cURL": a shell command that repeats a captured request. Every part of it (URL, header
// names and values, body) comes from the page, so every part is quoted as hostile text.

import type { Header } from './types.ts';

export interface CurlRequest {
  method: string;
  url: string;
  headers: readonly Header[];
  /** The request body as text, when there was one. */
  body?: string | undefined;
}

export interface CurlCommand {
  command: string;
  /** What the command cannot repeat exactly, for the user to read. */
  notes: string[];
}

/** HTTP token characters (RFC 9110): anything else is not a header name or a method. */
const TOKEN = /^[!#$%&'*+.^_`|~0-9A-Za-z-]+$/;
/** Headers curl works out itself: sending the captured ones would be wrong (length) or unreadable (encoding). */
const LEFT_TO_CURL = new Set([
  'host',
  'content-length',
  'connection',
  'accept-encoding',
  'transfer-encoding',
  'expect',
]);
const PLAIN = /^[\x20-\x7e]*$/;

/**
 * One shell word for any text. Printable ASCII goes in single quotes (nothing is special inside
 * them but the quote itself); anything else goes in $'…' with every byte outside printable ASCII
 * written as \xHH of its UTF-8, so the command is plain ASCII and no control character, line break
 * or bidi mark reaches the terminal. NUL cannot be passed to a program at all: callers drop it.
 */
export function shellQuote(text: string): string {
  if (PLAIN.test(text)) return `'${text.replace(/'/g, `'\\''`)}'`;
  let out = "$'";
  for (const byte of new TextEncoder().encode(text)) {
    if (byte === 0x5c) out += '\\\\';
    else if (byte === 0x27) out += "\\'";
    else if (byte >= 0x20 && byte <= 0x7e) out += String.fromCharCode(byte);
    else out += `\\x${byte.toString(16).padStart(2, '0')}`;
  }
  return `${out}'`;
}

/**
 * The command for `req`. `--globoff` keeps [ ] { } in the URL literal, `--path-as-is` keeps dot
 * segments as sent, `--url` keeps a URL from being read as an option, and header lines never start
 * with "@" (which would make curl read a file) because a header name must be a token.
 */
export function curlCommand(req: CurlRequest): CurlCommand {
  const notes: string[] = [];
  const words = ['curl', '--globoff', '--path-as-is'];
  const method = req.method.toUpperCase();
  const hasBody = req.body !== undefined && req.body !== '';
  if (!TOKEN.test(method)) notes.push('The method is not a valid HTTP method; the command uses GET.');
  // -X HEAD would wait for a body that never comes; --head asks the same without waiting.
  else if (method === 'HEAD') words.push('--head');
  else if (method !== 'GET' || hasBody) words.push('-X', shellQuote(method));
  let compressed = false;
  for (const [name, value] of req.headers) {
    const lower = name.toLowerCase();
    if (name.startsWith(':')) continue;
    if (LEFT_TO_CURL.has(lower)) {
      compressed ||= lower === 'accept-encoding';
      continue;
    }
    if (!TOKEN.test(name)) {
      notes.push(`A header with an invalid name was left out.`);
      continue;
    }
    if (/[\r\n\0]/.test(value)) {
      notes.push(`The ${name} header holds a line break or NUL and was left out.`);
      continue;
    }
    // `name;` is how curl sends a header with an empty value (`name:` would remove it).
    words.push('-H', shellQuote(value === '' ? `${name};` : `${name}: ${value}`));
  }
  if (compressed) words.push('--compressed');
  if (hasBody) {
    const body = req.body ?? '';
    if (body.includes('\0'))
      notes.push('The body holds NUL characters, which a shell argument cannot; they were left out.');
    words.push('--data-raw', shellQuote(body.replace(/\0/g, '')));
  }
  if (/\0/.test(req.url)) notes.push('The URL held NUL characters; they were left out.');
  words.push('--url', shellQuote(req.url.replace(/\0/g, '')));
  return { command: words.join(' '), notes };
}
