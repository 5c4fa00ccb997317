import { describe, expect, it } from 'vitest';
import { linkErrors } from '../../../../src/core/linking/link.ts';
import { formatTime } from '../../../../src/core/time-format.ts';
import {
  errorLabel,
  errorTip,
  lineTip,
  requestLabel,
  requestTip,
  tipPosition,
} from '../../../../src/core/timeline/tooltip.ts';
import { entry, T0, tag, TOKEN } from '../linking/fixtures.ts';
import { logEntry } from './fixtures.ts';

const checkout = entry({ id: 'c', method: 'POST', path: '/api/checkout', at: 50, ms: 99.6, status: 500 });
const error = logEntry(`2026-11-26T13:09:10Z ERROR ${tag()} POST /api/checkout failed\n  at pay()`, 120, undefined);
const at = (ms: number) => formatTime(T0 + ms, 'clock');

describe('Timeline tooltips', () => {
  it('names a request, its outcome and time, its verdict and its linked errors', () => {
    expect(requestTip(checkout, 0)).toEqual([
      'POST http://127.0.0.1:4000/api/checkout',
      `500 · 100 ms · ${at(50)}`,
      'carries token',
    ]);
    expect(requestTip(checkout, 2)[2]).toBe('carries token · 2 backend errors');
    const failed = entry({ id: 'f', path: '/api/x', at: 0, status: 0 });
    expect(requestTip(failed, 1)[1]).toBe(`no response · 20 ms · ${at(0)}`);
  });

  it("shows an error's first line without its timestamp and tag, and how it was linked", () => {
    const link = linkErrors([checkout], [error], { token: TOKEN, skewMs: 0 }).errors[0];
    expect(errorTip(error, link)).toEqual([
      'ERROR POST /api/checkout failed',
      `ERROR · ${at(120)}`,
      'linked to its request',
    ]);
    expect(errorTip(error, undefined)).toEqual(['ERROR POST /api/checkout failed', `ERROR · ${at(120)}`]);
    expect(lineTip({ ...error, classification: { ...error.classification, level: undefined } })).toEqual([
      'ERROR POST /api/checkout failed',
      `line · ${at(120)}`,
    ]);
  });

  it('gives marks accessible names', () => {
    expect(requestLabel(checkout)).toBe('POST /api/checkout, carries token');
    expect(errorLabel(error)).toBe(`Backend error at ${at(120)}: ERROR POST /api/checkout failed`);
  });

  it('keeps the tooltip inside the picture', () => {
    expect(tipPosition({ x: 100, y: 40 }, 800)).toEqual({ left: 112, top: 52 });
    expect(tipPosition({ x: 700, y: 40 }, 800)).toEqual({ left: 540, top: 52 });
  });
});
