import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { sql, TABLE_TYPES_FILE, tableTypesOf, withClient } from '../harness';
import { createTestDatabase, dropTestDatabase } from './support/test-database';

describe('the committed row types', () => {
  let url: string;

  beforeAll(async () => {
    url = await createTestDatabase();
  });
  afterAll(async () => {
    await dropTestDatabase(url);
  });

  it('match every table of the migrated schema', async () => {
    const committed = readFileSync(join(__dirname, '../../..', TABLE_TYPES_FILE), 'utf8');
    const fresh = await tableTypesOf(url);
    if (fresh !== committed)
      throw new Error(
        `${TABLE_TYPES_FILE} is out of date with the migrations: run \`npm run db:types\` and commit it.`,
      );
  });

  it('say what node-postgres returns for each kind of column', async () => {
    await sql(
      url,
      `CREATE TABLE type_probe (
         small int2, whole int4, ratio float8, big int8, exact numeric, label text,
         code varchar(8), letter char(1), id uuid, address inet, flag bool, day date,
         moment timestamp, instant timestamptz, document jsonb, ids int8[], names text[],
         nothing int4)`,
    );
    try {
      await sql(
        url,
        `INSERT INTO type_probe VALUES (1, 2, 0.5, 3, 4.5, 'a', 'b', 'c',
           gen_random_uuid(), '127.0.0.1', true, current_date, now(), now(), '{"a":1}',
           '{5,6}', '{x}', NULL)`,
      );
      const row = await withClient(url, async (client) => {
        const result = await client.query<Record<string, unknown>>('SELECT * FROM type_probe');
        return result.rows[0] as Record<string, unknown>;
      });
      const declared = declaredTypes(await tableTypesOf(url), 'TypeProbeTable');
      expect(Object.keys(declared)).toEqual(Object.keys(row));
      for (const [column, type] of Object.entries(declared))
        expect({ column, fits: fits(row[column], type) }).toEqual({ column, fits: true });
    } finally {
      await sql(url, 'DROP TABLE type_probe');
    }
  });
});

/** The column → type lines of one generated interface. */
function declaredTypes(text: string, name: string): Record<string, string> {
  const body = text.split(`export interface ${name} {\n`)[1]?.split('\n}')[0] ?? '';
  return Object.fromEntries(
    body.split('\n').map((line) => line.trim().replace(/;$/, '').split(': ') as [string, string]),
  );
}

function fits(value: unknown, type: string): boolean {
  const [single, ...rest] = type.split(' | ');
  if (value === null) return rest.includes('null');
  if (single === 'unknown') return true;
  if (single === 'Date') return value instanceof Date;
  if (single?.endsWith('[]'))
    return Array.isArray(value) && value.every((item) => fits(item, single.slice(0, -2)));
  return typeof value === single;
}
