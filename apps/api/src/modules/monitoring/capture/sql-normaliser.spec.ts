import { normaliseSql, queryKindOf } from './sql-normaliser';

describe('SQL normaliser', () => {
  it.each([
    ['SELECT 1', 'SELECT'],
    ['  select * from t', 'SELECT'],
    ['/* app-log-writer */ INSERT INTO app_logs VALUES ($1)', 'INSERT'],
    ['-- note\nUPDATE t SET a = 1', 'UPDATE'],
    ['DELETE FROM t', 'DELETE'],
    ['WITH x AS (SELECT 1) SELECT * FROM x', 'WITH'],
    ['START TRANSACTION', 'TRANSACTION'],
    ['COMMIT', 'TRANSACTION'],
    ['ROLLBACK', 'TRANSACTION'],
    ['SET LOCAL ROLE ledgerlens_app', 'OTHER'],
    ['', 'OTHER'],
  ])('classifies %p as %s', (sql, kind) => expect(queryKindOf(sql)).toBe(kind));

  it('replaces literals, keeps placeholders and names, and shortens placeholder runs', () => {
    expect(
      normaliseSql(`SELECT "t1"."id", 'O''Brien', E'a\\'b', 42, -3.5e2 FROM t1
        WHERE "id" = $1 AND x IN ($2, $3, $4) AND y > 10 LIMIT 100`),
    ).toBe(
      `SELECT "t1"."id", ?, ?, ?, ? FROM t1 WHERE "id" = $1 AND x IN ($2, …) AND y > ? LIMIT ?`,
    );
  });

  it('replaces dollar-quoted bodies and keeps secrets in literals out', () => {
    const sql = `SELECT $tag$password=hunter2$tag$, 'card 4111 1111 1111 1111'`;
    const normalised = normaliseSql(sql);
    expect(normalised).toBe('SELECT ?, ?');
  });

  it('cuts very long statements', () => {
    expect(normaliseSql(`SELECT ${'a, '.repeat(2000)}b`).length).toBeLessThanOrEqual(2001);
  });
});
