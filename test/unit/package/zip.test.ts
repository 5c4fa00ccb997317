import { describe, expect, it } from 'vitest';
import { inflateRawSync } from 'node:zlib';
import { crc32, createZip } from '../../../scripts/zip.ts';

/** Reads a zip back through its central directory, as unzip tools do. */
function readZip(zip: Buffer): Map<string, string> {
  const end = zip.length - 22;
  expect(zip.readUInt32LE(end)).toBe(0x06054b50);
  const count = zip.readUInt16LE(end + 10);
  let at = zip.readUInt32LE(end + 16);
  const out = new Map<string, string>();
  for (let i = 0; i < count; i++) {
    expect(zip.readUInt32LE(at)).toBe(0x02014b50);
    const method = zip.readUInt16LE(at + 10);
    const crc = zip.readUInt32LE(at + 16);
    const size = zip.readUInt32LE(at + 20);
    const nameLength = zip.readUInt16LE(at + 28);
    const local = zip.readUInt32LE(at + 42);
    const name = zip.subarray(at + 46, at + 46 + nameLength).toString('utf8');
    const dataStart = local + 30 + zip.readUInt16LE(local + 26) + zip.readUInt16LE(local + 28);
    const body = zip.subarray(dataStart, dataStart + size);
    const data = method === 8 ? inflateRawSync(body) : Buffer.from(body);
    expect(crc32(data)).toBe(crc);
    out.set(name, data.toString('utf8'));
    at += 46 + nameLength;
  }
  return out;
}

describe('createZip', () => {
  it('computes the standard CRC-32', () => {
    expect(crc32(Buffer.from('123456789'))).toBe(0xcbf43926);
  });

  it('round-trips deflated and stored entries in order', () => {
    const big = 'const x = 1;\n'.repeat(500);
    const zip = createZip([
      { path: 'manifest.json', data: Buffer.from('{"a":1}') },
      { path: 'assets/big.js', data: Buffer.from(big) },
    ]);
    expect([...readZip(zip)]).toEqual([
      ['manifest.json', '{"a":1}'],
      ['assets/big.js', big],
    ]);
    expect(zip.length).toBeLessThan(big.length);
  });

  it('gives the same bytes for the same input', () => {
    const entries = [{ path: 'a.txt', data: Buffer.from('same') }];
    expect(createZip(entries).equals(createZip(entries))).toBe(true);
  });

  it('refuses paths that would escape the archive', () => {
    expect(() => createZip([{ path: '../evil.js', data: Buffer.alloc(0) }])).toThrow('bad zip entry path: ../evil.js');
    expect(() => createZip([{ path: '/etc/passwd', data: Buffer.alloc(0) }])).toThrow(
      'bad zip entry path: /etc/passwd',
    );
  });
});
