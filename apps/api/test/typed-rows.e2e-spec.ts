import { DataSource } from 'typeorm';
import { dataSourceOptions } from '../src/database/data-source-options';
import { execute, oneRowOf, rowsOf } from '../src/database/typed-rows';
import { createTestDatabase, dropTestDatabase } from './support/test-database';

describe('typed rows', () => {
  let url: string;
  let dataSource: DataSource;

  beforeAll(async () => {
    url = await createTestDatabase();
    dataSource = await new DataSource(dataSourceOptions(url, [], 2)).initialize();
    await dataSource.query('CREATE TABLE probe (id int PRIMARY KEY, name text NOT NULL)');
  });
  afterAll(async () => {
    await dataSource.destroy();
    await dropTestDatabase(url);
  });

  it('give the rows of every kind of statement, UPDATE and DELETE included', async () => {
    expect(
      await rowsOf<{ id: number }>(
        dataSource,
        `INSERT INTO probe VALUES (1, 'a'), (2, 'b') RETURNING id`,
      ),
    ).toEqual([{ id: 1 }, { id: 2 }]);
    expect(
      await rowsOf<{ name: string }>(
        dataSource,
        `UPDATE probe SET name = 'c' WHERE id = $1 RETURNING name`,
        [1],
      ),
    ).toEqual([{ name: 'c' }]);
    expect(
      await rowsOf<{ id: number }>(dataSource, 'DELETE FROM probe WHERE id = $1 RETURNING id', [2]),
    ).toEqual([{ id: 2 }]);
    expect(await oneRowOf(dataSource, 'SELECT id FROM probe WHERE id = 2')).toBeUndefined();
  });

  it('count the rows a statement changed', async () => {
    await dataSource.query('TRUNCATE probe');
    expect(await execute(dataSource, `INSERT INTO probe VALUES (3, 'd'), (4, 'e')`)).toBe(2);
    expect(await execute(dataSource, 'DELETE FROM probe WHERE id = 99')).toBe(0);
  });

  it("run on a transaction's connection when given its manager", async () => {
    await dataSource.query('TRUNCATE probe');
    await dataSource.transaction(async (manager) => {
      await execute(manager, `INSERT INTO probe VALUES (5, 'f')`);
      expect(await oneRowOf(manager, 'SELECT name FROM probe WHERE id = 5')).toEqual({
        name: 'f',
      });
      expect(await oneRowOf(dataSource, 'SELECT name FROM probe WHERE id = 5')).toBeUndefined();
    });
  });
});
