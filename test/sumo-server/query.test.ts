import { describe, expect, it } from 'vitest';
import { compileQuery } from '../../sumo-server/query/evaluate.ts';
import { QueryParseError } from '../../sumo-server/query/errors.ts';
import { parseQuery } from '../../sumo-server/query/parser.ts';
import { MessageStore, type StoredMessage } from '../../sumo-server/store.ts';

function messages(...rows: Array<string | { raw: string; category?: string; host?: string }>): StoredMessage[] {
  const store = new MessageStore(1000);
  return store.addBatch(
    rows.map((r) => {
      const row = typeof r === 'string' ? { raw: r } : r;
      return {
        messageTime: 1,
        receiptTime: 1,
        raw: row.raw,
        sourceCategory: row.category ?? 'prod/api',
        sourceHost: row.host ?? 'web-1',
        sourceName: 'app.log',
        source: 'src',
        collector: 'local',
        collectorId: '1',
        sourceId: '2',
        format: 'x',
      };
    }),
  );
}

function hits(query: string, rows: StoredMessage[]): string[] {
  const q = compileQuery(parseQuery(query));
  return rows.filter(q.matches).map((m) => m.raw);
}

describe('keyword scope', () => {
  const rows = messages(
    'ERROR boom [openReplaySessionToken=abc-def]',
    'INFO ok [openReplaySessionToken=abc-def-other]',
    'WARN [openreplaysessiontoken=ABC.DEF] case and dot',
    'ERROR unrelated xabc-def',
    'errors happen',
  );

  it('matches a quoted phrase case-insensitively on term boundaries, including the loose neighbours', () => {
    expect(hits('"openReplaySessionToken=abc-def"', rows)).toEqual([
      'ERROR boom [openReplaySessionToken=abc-def]',
      'INFO ok [openReplaySessionToken=abc-def-other]',
      'WARN [openreplaysessiontoken=ABC.DEF] case and dot',
    ]);
  });

  it('matches whole terms only: "error" is not "errors", "abc-def" is not "xabc-def"', () => {
    expect(hits('error', rows)).toEqual(['ERROR boom [openReplaySessionToken=abc-def]', 'ERROR unrelated xabc-def']);
    expect(hits('"abc-def"', rows)).not.toContain('ERROR unrelated xabc-def');
  });

  it('supports * as a wildcard in bare keywords', () => {
    expect(hits('error*', rows)).toEqual([
      'ERROR boom [openReplaySessionToken=abc-def]',
      'ERROR unrelated xabc-def',
      'errors happen',
    ]);
    expect(hits('*', rows)).toHaveLength(5);
  });

  it('combines with implicit AND, OR, NOT, ! and parentheses', () => {
    expect(hits('error boom', rows)).toEqual(['ERROR boom [openReplaySessionToken=abc-def]']);
    expect(hits('boom OR happen', rows)).toEqual(['ERROR boom [openReplaySessionToken=abc-def]', 'errors happen']);
    expect(hits('error AND NOT boom', rows)).toEqual(['ERROR unrelated xabc-def']);
    expect(hits('error !boom', rows)).toEqual(['ERROR unrelated xabc-def']);
    expect(hits('(info or warn) and "abc-def"', rows)).toEqual([
      'INFO ok [openReplaySessionToken=abc-def-other]',
      'WARN [openreplaysessiontoken=ABC.DEF] case and dot',
    ]);
  });

  it('binds AND tighter than OR', () => {
    expect(hits('happen OR error AND boom', rows)).toEqual([
      'ERROR boom [openReplaySessionToken=abc-def]',
      'errors happen',
    ]);
  });

  it('unescapes \\" inside a phrase', () => {
    const quoted = messages('say "hi" now', 'say hi now later');
    expect(hits('"say \\"hi\\" now"', quoted)).toEqual(['say "hi" now', 'say hi now later']);
  });

  it('drops // line comments and /* */ comments like the service', () => {
    expect(hits('boom // | save /shared/x', rows)).toEqual(['ERROR boom [openReplaySessionToken=abc-def]']);
    expect(hits('/* note */ happen', rows)).toEqual(['errors happen']);
  });
});

describe('metadata filters', () => {
  const rows = messages(
    { raw: 'a one', category: 'prod/api', host: 'web-1' },
    { raw: 'b two', category: 'prod/web', host: 'web-2' },
    { raw: 'c three', category: 'staging/api', host: 'web-1' },
  );

  it('matches _sourceCategory exactly and case-insensitively, with * wildcards', () => {
    expect(hits('_sourceCategory=prod/api', rows)).toEqual(['a one']);
    expect(hits('_SOURCECATEGORY=PROD/API', rows)).toEqual(['a one']);
    expect(hits('_sourceCategory=prod/*', rows)).toEqual(['a one', 'b two']);
    expect(hits('_sourceCategory=*/api', rows)).toEqual(['a one', 'c three']);
    expect(hits('_sourceCategory="prod/web"', rows)).toEqual(['b two']);
  });

  it('supports != and combines with keywords', () => {
    expect(hits('_sourceHost!=web-1', rows)).toEqual(['b two']);
    expect(hits('_sourceCategory=*/api three', rows)).toEqual(['c three']);
  });

  it('knows only the default partition for _index/_view', () => {
    expect(hits('_index=sumologic_default', rows)).toHaveLength(3);
    expect(hits('_view=secret_partition', rows)).toEqual([]);
  });
});

describe('pipes and parse errors', () => {
  it('accepts count, count by and limit, and marks aggregates', () => {
    expect(parseQuery('error | count').aggregate).toBe(true);
    expect(parseQuery('error | count by _sourceCategory, _sourceHost').pipeline).toEqual([
      { op: 'count', by: ['_sourceCategory', '_sourceHost'] },
    ]);
    expect(parseQuery('error | limit 5')).toMatchObject({ aggregate: false, pipeline: [{ op: 'limit', n: 5 }] });
    expect(parseQuery('"a | b"').pipeline).toEqual([]);
  });

  it('refuses an unsupported operator by name instead of ignoring it', () => {
    expect(() => parseQuery('error | save /shared/lookup')).toThrow(QueryParseError);
    expect(() => parseQuery('error | save /shared/lookup')).toThrow(/Operator 'save' is not supported/);
    expect(() => parseQuery('error | lookup x from https://evil')).toThrow(/'lookup'/);
    expect(() => parseQuery('error | json "a"')).toThrow(/'json'/);
  });

  it('refuses broken syntax', () => {
    for (const bad of [
      '"unterminated',
      '(error',
      'error)',
      'error AND',
      'OR error',
      '()',
      'error |',
      '_sourceCategory=',
      '/* open',
    ]) {
      expect(() => parseQuery(bad), bad).toThrow(QueryParseError);
    }
  });
});
