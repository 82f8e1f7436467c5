import { isLuhnValid } from './luhn';

describe('isLuhnValid', () => {
  it.each(['4111111111111111', '5555555555554444', '378282246310005', '6011111111111117', '0'])(
    'accepts %s',
    (digits) => {
      expect(isLuhnValid(digits)).toBe(true);
    },
  );

  it.each(['4111111111111112', '1234567812345678', '378282246310006', '1'])(
    'rejects %s',
    (digits) => {
      expect(isLuhnValid(digits)).toBe(false);
    },
  );
});
