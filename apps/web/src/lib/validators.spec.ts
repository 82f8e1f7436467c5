import {
  amount,
  currencyCode,
  emailAddress,
  firstProblems,
  longEnough,
  present,
} from './validators';

describe('validators', () => {
  it('asks for a required value in the words given, ignoring spaces', () => {
    expect(present('Enter your name')('  ')).toBe('Enter your name');
    expect(present('Enter your name')(' Ada ')).toBeUndefined();
  });

  it.each(['', 'ada', 'ada@', '@example.com', 'ada@example', 'a da@example.com'])(
    'refuses the email address %p',
    (text) => expect(emailAddress(text)).toBe('Enter an email address like name@example.com'),
  );

  it('accepts an email address, spaces around it aside', () => {
    expect(emailAddress(' ada@example.com ')).toBeUndefined();
  });

  it.each(['', 'abc', '-5', '12.345', '1e3'])('refuses the amount %p', (text) => {
    expect(amount(text)).toBe('Enter an amount like 12.50');
  });

  it('refuses a zero amount and one beyond what the API stores', () => {
    expect(amount('0')).toBe('Enter an amount above zero, like 12.50');
    expect(amount('1000000000000.01')).toBe('Enter an amount up to 1,000,000,000,000');
    expect(amount('1000000000000')).toBeUndefined();
    expect(amount('12,50')).toBeUndefined();
  });

  it.each(['', 'EU', 'EURO', 'E1R'])('refuses the currency code %p', (text) => {
    expect(currencyCode(text)).toBe('Enter a currency code like EUR');
  });

  it('accepts three letters as a currency code, in either case', () => {
    expect(currencyCode('EUR')).toBeUndefined();
    expect(currencyCode('usd')).toBeUndefined();
  });

  it('asks for a minimum length', () => {
    expect(longEnough(8, 'Use at least 8 characters')('short')).toBe('Use at least 8 characters');
    expect(longEnough(8, 'Use at least 8 characters')('long enough')).toBeUndefined();
  });

  it('gives each field its first problem, and none for a field that passes', () => {
    const problems = firstProblems(
      { name: '', email: 'ada', password: 'correct horse' },
      {
        name: [present('Enter your name')],
        email: [present('Enter an email address'), emailAddress],
        password: [present('Enter a password')],
      },
    );
    expect(problems).toEqual({
      name: 'Enter your name',
      email: 'Enter an email address like name@example.com',
    });
  });
});
