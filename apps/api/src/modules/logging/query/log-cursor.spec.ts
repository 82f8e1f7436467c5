import fc from 'fast-check';
import { decodeCursor, encodeCursor } from './log-cursor';

describe('log cursor', () => {
  it('decodes what it encodes', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date('2000-01-01'), max: new Date('2100-01-01'), noInvalidDate: true }),
        fc.integer({ min: 0, max: 999 }),
        fc.bigInt({ min: 1n, max: 2n ** 62n }),
        (date, micros, id) => {
          const loggedAt = date.toISOString().replace('Z', `${String(micros).padStart(3, '0')}Z`);
          const cursor = { loggedAt, id: id.toString() };
          expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
        },
      ),
    );
  });

  it.each([
    '',
    'not-base64!',
    Buffer.from('{"a":1}').toString('base64url'),
    Buffer.from('["2026-01-01T00:00:00Z","1; DROP TABLE app_logs"]').toString('base64url'),
    Buffer.from('["yesterday","1"]').toString('base64url'),
  ])('refuses %p', (text) => expect(decodeCursor(text)).toBeUndefined());
});
