import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { parseSessionUrl, unwrapPasted } from '../../../../src/core/session/session-url.ts';
import { parseManualInput } from '../../../../src/core/session/manual-input.ts';

const ID = '2618307011354435587';
const NO_ID_TAIL = 'Open the session in OpenReplay and copy the address from there, or paste its token or id.';

describe('session URLs as pasted', () => {
  it('cloud and self-hosted replays, back to the same host', () => {
    expect(parseManualInput(`https://app.openreplay.com/12/session/${ID}`)).toEqual({
      kind: 'sessionId',
      sessionId: ID,
      projectId: '12',
      sessionUrl: `https://app.openreplay.com/12/session/${ID}`,
    });
    expect(parseManualInput(`https://replay.acme.internal:8443/openreplay/7/session/${ID}`)).toEqual({
      kind: 'sessionId',
      sessionId: ID,
      projectId: '7',
      sessionUrl: `https://replay.acme.internal:8443/openreplay/7/session/${ID}`,
    });
    expect(parseManualInput(`http://127.0.0.1:41235/1/session/${ID}`)).toEqual({
      kind: 'sessionId',
      sessionId: ID,
      projectId: '1',
      sessionUrl: `http://127.0.0.1:41235/1/session/${ID}`,
    });
  });

  it('query strings, fragments, Assist, brackets and spaces', () => {
    const want = {
      kind: 'sessionId',
      sessionId: ID,
      projectId: '12',
      sessionUrl: `https://app.openreplay.com/12/session/${ID}`,
    };
    expect(parseManualInput(`https://app.openreplay.com/12/session/${ID}?jumpto=4500&note=17`)).toEqual(want);
    expect(parseManualInput(`https://app.openreplay.com/12/session/${ID}/#tab=console`)).toEqual(want);
    expect(parseManualInput(`  <https://app.openreplay.com/12/session/${ID}?jumpto=1>\n`)).toEqual(want);
    expect(parseManualInput(`"https://app.openreplay.com/12/session/${ID}"`)).toEqual(want);
    expect(parseManualInput(`app.openreplay.com/12/session/${ID}`)).toEqual(want);
    // A live session's Assist link: the same id; the out-link goes to its replay.
    expect(parseManualInput(`https://app.openreplay.com/12/assist/${ID}?tab=x`)).toEqual(want);
    expect(parseSessionUrl(`https://app.openreplay.com/12/assist/${ID}`)).toMatchObject({ ok: true, live: true });
  });

  it('a URL without an id gets a clear reason', () => {
    expect(parseManualInput('https://app.openreplay.com/12/sessions?page=2')).toEqual({
      kind: 'error',
      reason:
        'This URL holds no session id (its path is /12/sessions): a session URL ends in /session/<id> or, for a live session, ' +
        `/assist/<id>, e.g. https://app.openreplay.com/12/session/${ID}. ${NO_ID_TAIL}`,
    });
    expect(parseManualInput('<https://app.openreplay.com/>')).toMatchObject({
      kind: 'error',
      reason: expect.stringContaining('(its path is /)'),
    });
    expect(parseManualInput('https://app.openreplay.com/12/session/')).toMatchObject({
      kind: 'error',
      reason: expect.stringContaining('holds no session id'),
    });
    expect(parseManualInput('https://app.openreplay.com/12/session/abc')).toEqual({
      kind: 'error',
      reason: 'In the URL: Session id must contain only the digits 0-9',
    });
    expect(parseManualInput('ftp://app.openreplay.com/12/session/1')).toMatchObject({ kind: 'error' });
  });

  it('unwraps nested wrappers only', () => {
    expect(unwrapPasted('  < "x" >  ')).toBe('x');
    expect(unwrapPasted('<x')).toBe('<x');
  });

  const idArb = fc.bigInt({ min: 1n, max: (1n << 64n) - 1n }).map((n) => n.toString());
  const segment = fc.stringMatching(/^[A-Za-z0-9_-]{1,12}$/);

  it('finds the id in any session or assist URL, whatever surrounds it (property)', () => {
    fc.assert(
      fc.property(
        fc.constantFrom('https://app.openreplay.com', 'http://127.0.0.1:9000', 'https://or.example.org'),
        fc.array(segment, { maxLength: 2 }),
        fc.integer({ min: 1, max: 99999 }),
        fc.constantFrom('session', 'assist'),
        idArb,
        fc.constantFrom('', '/', '?jumpto=12', '?jumpto=1&note=2#x', '#frag'),
        fc.constantFrom(['', ''], ['  ', '\n'], ['<', '>'], [' <', '> ']),
        (origin, prefix, project, keyword, id, tail, [open, close]) => {
          const path = [...prefix, String(project), keyword, id].join('/');
          const parsed = parseManualInput(`${open}${origin}/${path}${tail}${close}`);
          const replay = `${origin}/${[...prefix, String(project), 'session', id].join('/')}`;
          return (
            parsed.kind === 'sessionId' &&
            parsed.sessionId === id &&
            parsed.projectId === String(project) &&
            parsed.sessionUrl === replay
          );
        },
      ),
    );
  });

  it('any text: an error with a reason or a validated id, never a throw (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(fc.string({ maxLength: 300 }), fc.webUrl({ withQueryParameters: true, withFragments: true })),
        (text) => {
          const r = parseSessionUrl(text);
          return r.ok
            ? /^[1-9][0-9]{0,19}$/.test(r.sessionId) && r.replayUrl.endsWith(`/session/${r.sessionId}`)
            : r.reason.length > 0;
        },
      ),
    );
  });
});
