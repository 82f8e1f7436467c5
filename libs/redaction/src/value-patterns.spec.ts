import { createRedactor, redactor } from './index';

const { redactText } = redactor;

const JWT =
  'eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwibmFtZSI6IkpvaG4ifQ.SflKxwRJSMeKKF2QT4fwpMeJf36POk6yJV_adQssw5c';

describe('card numbers', () => {
  it.each([
    ['4111111111111111', '[REDACTED:card]'],
    ['card 4111 1111 1111 1111 expires 12/30', 'card [REDACTED:card] expires 12/30'],
    ['card 4111-1111-1111-1111.', 'card [REDACTED:card].'],
    ['amex 3782 822463 10005', 'amex [REDACTED:card]'],
    ['13 digits: 4222222222222', '13 digits: [REDACTED:card]'],
    ['19 digits: 6011 0000 0000 0000 001', '19 digits: [REDACTED:card]'],
    ['two: 5555555555554444,4111111111111111', 'two: [REDACTED:card],[REDACTED:card]'],
    ['after a number: 12 4111 1111 1111 1111', 'after a number: 12 [REDACTED:card]'],
  ])('redacts the Luhn-valid card in %j', (text, expected) => {
    expect(redactText(text)).toBe(expected);
  });

  it.each([
    'order 1234567812345678',
    'order 1234 5678 1234 5678',
    'twelve digits 411111111111',
    'twenty digits 41111111111111111111',
    'glued to letters: ref4111111111111111 and 4111111111111111x',
    'phone +1 415-555-0132 or +44 20 7946 0958',
    'phone 0049 30 1234567 8',
    'amount 1234.56 EUR, 1,234,567.89 USD',
    'at 2024-01-15T10:30:00.000Z (1705314600000)',
    'id 550e8400-e29b-41d4-a716-446655440000',
    'id 12345678-1234-1234-1234-123456789012',
  ])('leaves %j unchanged', (text) => {
    expect(redactText(text)).toBe(text);
  });
});

describe('US social security numbers', () => {
  it.each([
    ['ssn 123-45-6789', 'ssn [REDACTED:ssn]'],
    ['(078-05-1120)', '([REDACTED:ssn])'],
    ['ssn:665-01-0001,', 'ssn:[REDACTED:ssn],'],
  ])('redacts the dashed SSN in %j', (text, expected) => {
    expect(redactText(text)).toBe(expected);
  });

  it.each([
    'undashed 123456789',
    'spaced 123 45 6789',
    'never issued 000-12-3456, 666-12-3456, 900-12-3456, 123-00-4567, 123-45-0000',
    'longer 1-123-45-6789 and 123-45-6789-1 and A123-45-6789',
    'date 2024-01-15',
  ])('leaves %j unchanged', (text) => {
    expect(redactText(text)).toBe(text);
  });
});

describe('JWTs', () => {
  it('redacts a JWT anywhere in text', () => {
    expect(redactText(`token ${JWT}, then more`)).toBe('token [REDACTED:jwt], then more');
  });

  it('redacts an unsigned JWT and an encrypted one (JWE)', () => {
    const unsigned = 'eyJhbGciOiJub25lIn0.eyJzdWIiOiIxIn0.';
    const encrypted = 'eyJhbGciOiJkaXIiLCJlbmMiOiJBMjU2R0NNIn0..aXY.Y2lwaGVy.dGFn';

    expect(redactText(`${unsigned} ${encrypted}`)).toBe('[REDACTED:jwt] [REDACTED:jwt]');
  });

  it.each(['heyJoe.example.com', 'eyJhbGciOiJIUzI1NiJ9 alone', 'keyJar.v1.txt'])(
    'leaves %j unchanged',
    (text) => {
      expect(redactText(text)).toBe(text);
    },
  );
});

describe('webhook signing secrets', () => {
  const secret = 'whsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2LaLaSw+Tq8a/bc0de=';

  it('redacts a Standard Webhooks secret anywhere in text', () => {
    expect(redactText(`params ["Hook","${secret}",null]`)).toBe(
      'params ["Hook","[REDACTED:webhook_secret]",null]',
    );
    expect(redactText(`secret is ${secret}.`)).toBe('secret is [REDACTED:webhook_secret].');
  });

  it('redacts one in a value redacted as a whole, e.g. a statement parameter', () => {
    expect(redactor.redact(['Hook', secret])).toEqual(['Hook', '[REDACTED:webhook_secret]']);
  });

  it.each(['the whsec_ prefix', 'whsec_short', 'nowhsec_MfKQ9r8GKYqrTwjUPD8ILPZIo2La'])(
    'leaves %j unchanged',
    (text) => {
      expect(redactText(text)).toBe(text);
    },
  );
});

describe('bearer tokens', () => {
  it.each([
    ['Authorization: Bearer abc123def456', 'Authorization: Bearer [REDACTED:bearer]'],
    ['authorization: bearer mF_9.B5f-4.1JqM', 'authorization: bearer [REDACTED:bearer]'],
    ['Bearer a1b2c3d4..e5f6==', 'Bearer [REDACTED:bearer]'],
    ['BEARER  AbCdEfGhIj', 'BEARER  [REDACTED:bearer]'],
    ['Bearer abcdefghijklmnopqrstuvwxyz.', 'Bearer [REDACTED:bearer].'],
    ['Bearer dG9rZW4=, next', 'Bearer [REDACTED:bearer], next'],
  ])('redacts the token in %j', (text, expected) => {
    expect(redactText(text)).toBe(expected);
  });

  it('finds the token after a "bearer" that is not followed by one', () => {
    expect(redactText('bearer Bearer abc123def456')).toBe('bearer Bearer [REDACTED:bearer]');
  });

  it('reports a JWT bearer token as a JWT', () => {
    expect(redactText(`Bearer ${JWT}`)).toBe('Bearer [REDACTED:jwt]');
  });

  it.each([
    'Bearer bonds are payable to the bearer.',
    'the bearer instrument',
    'Bearer abc',
    'Bearer Instrument',
  ])('leaves the prose %j unchanged', (text) => {
    expect(redactText(text)).toBe(text);
  });
});

describe('credentials in URLs', () => {
  it.each([
    ['https://alice:s3cret@example.com/x', 'https://[REDACTED:credentials]@example.com/x'],
    ['postgres://app:p@ss@db:5432/ledger', 'postgres://[REDACTED:credentials]@db:5432/ledger'],
    ['"redis://:pw@cache:6379"', '"redis://[REDACTED:credentials]@cache:6379"'],
    [
      'git clone https://ghp_abc123@github.com/o/r.git',
      'git clone https://[REDACTED:credentials]@github.com/o/r.git',
    ],
  ])('redacts the user information in %j', (text, expected) => {
    expect(redactText(text)).toBe(expected);
  });

  it.each([
    'https://example.com/users/@alice',
    'https://example.com/?to=bob@example.com',
    'see https://example.com or mail bob@example.com',
  ])('leaves %j unchanged', (text) => {
    expect(redactText(text)).toBe(text);
  });
});

describe('secret name=value pairs', () => {
  it.each([
    ['/cb?foo=1&token=abc', '/cb?foo=1&token=[REDACTED]'],
    [
      'https://x.io/a?password=p&api_key=k&access_token=t&secret=s&client_secret=c#top',
      'https://x.io/a?password=[REDACTED]&api_key=[REDACTED]&access_token=[REDACTED]&secret=[REDACTED]&client_secret=[REDACTED]#top',
    ],
    [
      'https://bucket.s3.amazonaws.com/k?X-Amz-Credential=AK%2F1&X-Amz-Signature=ab12&sig=x',
      'https://bucket.s3.amazonaws.com/k?X-Amz-Credential=[REDACTED]&X-Amz-Signature=[REDACTED]&sig=[REDACTED]',
    ],
    [
      'login failed user=bob password=hunter2 ip=1.2.3.4',
      'login failed user=bob password=[REDACTED] ip=1.2.3.4',
    ],
    ['db.password="two words" ok', 'db.password=[REDACTED] ok'],
    ['Authorization=Bearer abc123def456', 'Authorization=[REDACTED] [REDACTED:bearer]'],
    ['/login?redirect=/cb?token=abc&x=1', '/login?redirect=/cb?token=[REDACTED]&x=1'],
    ['x=password=hunter2', 'x=password=[REDACTED]'],
  ])('redacts the secret values in %j', (text, expected) => {
    expect(redactText(text)).toBe(expected);
  });

  it.each(['/cb?foo=1&page=2&author=me', '?token=&x=1', 'a == b', 'x=1, y=2'])(
    'leaves %j unchanged',
    (text) => {
      expect(redactText(text)).toBe(text);
    },
  );

  it('uses the configured keys too', () => {
    expect(createRedactor({ extraKeys: ['pin'] }).redactText('?pin=1234&x=1')).toBe(
      '?pin=[REDACTED]&x=1',
    );
  });
});

describe('configured patterns', () => {
  const iban = { name: 'iban', pattern: /\bDE\d{20}\b/ };

  it('replaces every match by a marker with the pattern name', () => {
    const custom = createRedactor({ extraPatterns: [iban] });

    expect(custom.redactText('from DE89370400440532013000 to DE02120300000000202051')).toBe(
      'from [REDACTED:iban] to [REDACTED:iban]',
    );
    expect(redactor.redactText('from DE89370400440532013000')).toBe('from DE89370400440532013000');
  });

  it('accepts sticky and case-insensitive patterns and ignores empty matches', () => {
    const custom = createRedactor({
      extraPatterns: [
        { name: 'ticket', pattern: /tkt-\d+/iy },
        { name: 'nothing', pattern: /x*/ },
      ],
    });

    expect(custom.redactText('see TKT-42 and tkt-7')).toBe(
      'see [REDACTED:ticket] and [REDACTED:ticket]',
    );
  });
});

describe('text without secrets', () => {
  it.each([
    '',
    'Payment of 1234.56 EUR to ACME Ltd received on 2024-01-15.',
    'GET /api/accounts/550e8400-e29b-41d4-a716-446655440000?page=2&sort=date 200 12ms',
    'The author of the footprint report is Ms. Authority (otp-free, ssn-free).',
    'user 42 logged in from 10.0.0.1:443 at 2024-01-15T10:30:00.000Z',
  ])('comes out identical: %j', (text) => {
    expect(redactText(text)).toBe(text);
  });
});
