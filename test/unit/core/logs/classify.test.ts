import { describe, expect, it } from 'vitest';
import { classifyLine, extractLevel } from '../../../../src/core/logs/classify.ts';
import { GO_TRACE, JAVA_TRACE, JAVA_UNCAUGHT, NODE_TRACE, PYTHON_TRACE, TAG } from './fixtures.ts';

describe('extractLevel', () => {
  it.each([
    [`${TAG} 2026-01-28 13:09:10,333 ERROR boom`, 'ERROR'],
    ['2026-01-28 13:09:10 FATAL out of memory', 'FATAL'],
    ['CRITICAL:root:disk full', 'CRITICAL'],
    ['SEVERE: Servlet.service() threw', 'SEVERE'],
    ['PANIC something', 'PANIC'],
    ['time=2026 level=error msg="db down"', 'ERROR'],
    ['{"time":"2026","level":"error","msg":"x"}', 'ERROR'],
    ['{"levelname": "WARNING", "msg": "slow"}', 'WARN'],
    ['2026-01-28 INFO all good, no ERROR here', 'INFO'],
    ['[Tue Jan 28 13:09:10 2026] [error] [client 1.2.3.4] File does not exist', 'ERROR'],
    ['plain line', undefined],
  ])('%s → %s', (raw, level) => {
    expect(extractLevel(raw)).toBe(level);
  });

  it('prefers a configured _loglevel field', () => {
    expect(extractLevel('INFO x', { _loglevel: 'error' })).toBe('ERROR');
  });
});

describe('classifyLine', () => {
  it.each([
    [PYTHON_TRACE, ['python-traceback', 'exception-line']],
    [JAVA_TRACE, ['java-frame', 'caused-by', 'exception-line']],
    [JAVA_UNCAUGHT, ['java-uncaught', 'java-frame']],
    [NODE_TRACE, ['node-frame', 'exception-line']],
    [GO_TRACE, ['go-panic']],
    ['10.0.0.1 - - [28/Jan/2026:13:09:10 +0000] "GET /api/orders HTTP/1.1" 500 123', ['http-5xx']],
    ['method=POST path=/api/pay status=503 duration=12ms', ['http-5xx']],
    ['{"status": 502, "path": "/x"}', ['http-5xx']],
  ])('marks an error: %#', (raw, markers) => {
    const c = classifyLine(raw);
    expect(c.isError).toBe(true);
    expect(c.markers).toEqual(markers);
  });

  it.each([
    `${TAG} 2026-01-28 INFO GET /api/orders 200`,
    '10.0.0.1 - - [28/Jan/2026:13:09:10 +0000] "GET /api/orders HTTP/1.1" 404 0',
    'WARN retrying after 500 ms',
    'status=200 took 5000ms',
    'INFO errors=0 handled',
  ])('leaves other lines alone: %s', (raw) => {
    expect(classifyLine(raw).isError).toBe(false);
  });

  it('marks an error by level alone', () => {
    expect(classifyLine(`${TAG} 2026-01-28 13:09:10,333 ERROR payment declined`)).toEqual({
      isError: true,
      level: 'ERROR',
      markers: [],
    });
    expect(classifyLine('level=error msg=x')).toEqual({ isError: true, level: 'ERROR', markers: [] });
  });
});
