import { createRedactor, redactor } from './index';
import { keyWords } from './sensitive-keys';
import { REQUIRED_SENSITIVE_KEYS } from './required-keys.fixture';

describe('keyWords', () => {
  it.each([
    ['cardNumber', ['card', 'number']],
    ['card-number', ['card', 'number']],
    ['CARD_NUMBER', ['card', 'number']],
    ['XAPIKey', ['xapi', 'key']],
    ['x-api-key', ['x', 'api', 'key']],
    ['oauth2Token', ['oauth', '2', 'token']],
    ['  db.secret  value ', ['db', 'secret', 'value']],
  ])('splits %j into %j', (key, words) => {
    expect(keyWords(key)).toEqual(words);
  });
});

describe('isSensitiveKey', () => {
  it.each(REQUIRED_SENSITIVE_KEYS)('matches the listed key %j', (key) => {
    expect(redactor.isSensitiveKey(key)).toBe(true);
  });

  it.each([
    'PASSWORD',
    'Authorization',
    'userPassword',
    'user_password',
    'userpassword',
    'x-api-key',
    'X-API-KEY',
    'xApiKey',
    'db_secret_value',
    'refreshToken',
    'accessToken',
    'cardNumber',
    'card-number',
    'CARD_NUMBER',
    'privateKey',
    'clientSecret',
    'Set-Cookie',
    'cookies',
    'credential',
  ])('matches %j, which contains a sensitive word', (key) => {
    expect(redactor.isSensitiveKey(key)).toBe(true);
  });

  it.each(['auth', 'authToken', 'auth_header', 'x-auth', 'X-Auth-Token', 'basicAuth'])(
    'matches %j, where auth is a word of its own',
    (key) => {
      expect(redactor.isSensitiveKey(key)).toBe(true);
    },
  );

  it.each(['otp', 'otpCode', 'sms_otp', 'ssn', 'customerSSN', 'ssn_last4', 'cvv2', 'pwdHash'])(
    'matches %j, where a short sensitive word is a word of its own',
    (key) => {
      expect(redactor.isSensitiveKey(key)).toBe(true);
    },
  );

  it.each([
    'author',
    'authority',
    'authored_by',
    'authenticated',
    'oauthProvider',
    'footprint',
    'hotpot',
    'classname',
    'lessness',
    'cvvalue',
    'sigma',
    'id',
    'name',
    'amount',
    'createdAt',
    '',
  ])('does not match the harmless key %j', (key) => {
    expect(redactor.isSensitiveKey(key)).toBe(false);
  });

  it('adds configured keys with the same rules', () => {
    const custom = createRedactor({ extraKeys: ['pin', 'session_id'] });

    expect(custom.isSensitiveKey('cardPin')).toBe(true);
    expect(custom.isSensitiveKey('SESSION-ID')).toBe(true);
    expect(custom.isSensitiveKey('userSessionId')).toBe(true);
    expect(custom.isSensitiveKey('spinner')).toBe(false);
    expect(redactor.isSensitiveKey('cardPin')).toBe(false);
  });

  it('ignores configured keys without letters or digits', () => {
    expect(createRedactor({ extraKeys: ['', '--'] }).isSensitiveKey('name')).toBe(false);
  });
});
