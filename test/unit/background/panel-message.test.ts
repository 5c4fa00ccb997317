import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { readPanelMessage, ridOf } from '../../../src/background/panel-message.ts';

describe('readPanelMessage', () => {
  it('reads each kind the panel sends, keeping only the protocol’s fields', () => {
    expect(readPanelMessage({ type: 'settings.get', rid: 1, extra: 'x' })).toEqual({ type: 'settings.get', rid: 1 });
    expect(readPanelMessage({ type: 'connection.test', rid: 2 })).toEqual({ type: 'connection.test', rid: 2 });
    expect(readPanelMessage({ type: 'credentials.clear', rid: 3 })).toEqual({ type: 'credentials.clear', rid: 3 });
    expect(readPanelMessage({ type: 'settings.save', rid: 4, settings: { deployment: 'EU' } })).toEqual({
      type: 'settings.save',
      rid: 4,
      settings: { deployment: 'EU' },
    });
    expect(
      readPanelMessage({ type: 'credentials.save', rid: 5, accessId: 'i', accessKey: 'k', remember: true }),
    ).toEqual({ type: 'credentials.save', rid: 5, accessId: 'i', accessKey: 'k', remember: true });
    expect(readPanelMessage({ type: 'deployment.detect', rid: 6 })).toEqual({ type: 'deployment.detect', rid: 6 });
    expect(readPanelMessage({ type: 'deployment.detect', rid: 6, accessId: 'i', accessKey: 'k' })).toEqual({
      type: 'deployment.detect',
      rid: 6,
      accessId: 'i',
      accessKey: 'k',
    });
    expect(
      readPanelMessage({ type: 'search.start', searchId: 's1', target: { from: 1, to: 2, sessionId: '9', x: 1 } }),
    ).toEqual({ type: 'search.start', searchId: 's1', target: { from: 1, to: 2, sessionId: '9' } });
    expect(readPanelMessage({ type: 'search.cancel', searchId: 's1' })).toEqual({
      type: 'search.cancel',
      searchId: 's1',
    });
  });

  it('refuses missing or mistyped fields, unknown kinds and non-objects', () => {
    const refused: unknown[] = [
      { type: 'settings.get' },
      { type: 'settings.get', rid: 1.5 },
      { type: 'settings.get', rid: Number.MAX_SAFE_INTEGER + 1 },
      { type: 'settings.save', rid: 1, settings: [] },
      { type: 'credentials.save', rid: 1, accessId: 'i', accessKey: 'k', remember: 'yes' },
      { type: 'credentials.save', rid: 1, accessId: 'i'.repeat(1025), accessKey: 'k', remember: true },
      { type: 'deployment.detect', rid: 1, accessId: 7 },
      { type: 'search.start', searchId: '', target: { from: 1, to: 2 } },
      { type: 'search.start', searchId: 's'.repeat(201), target: { from: 1, to: 2 } },
      { type: 'search.start', searchId: 's', target: { from: Infinity, to: 2 } },
      { type: 'search.start', searchId: 's', target: null },
      { type: 'search.cancel', searchId: 5 },
      { type: 'toString', rid: 1 },
      { type: '__proto__', rid: 1 },
      undefined,
      42,
      'settings.get',
      [],
    ];
    for (const raw of refused) expect(readPanelMessage(raw)).toBeNull();
  });

  it('never throws and accepts only known kinds, whatever arrives', () => {
    const kinds = ['settings.get', 'settings.save', 'credentials.save', 'credentials.clear', 'connection.test'];
    fc.assert(
      fc.property(
        fc.oneof(
          fc.anything(),
          fc.record({ type: fc.constantFrom(...kinds, 'search.start', 'search.cancel'), rid: fc.anything() }),
        ),
        (raw) => {
          const read = readPanelMessage(raw);
          if (read !== null) {
            expect([...kinds, 'deployment.detect', 'search.start', 'search.cancel']).toContain(read.type);
            if ('rid' in read) expect(ridOf(raw)).toBe(read.rid);
          }
        },
      ),
    );
  });
});
