/**
 * The keys the requirements name, restated independently of `SENSITIVE_KEYS` so the tests
 * notice when the implementation's list loses one.
 */
export const REQUIRED_SENSITIVE_KEYS = [
  'password',
  'passwd',
  'pwd',
  'secret',
  'token',
  'access_token',
  'refresh_token',
  'id_token',
  'api_key',
  'apikey',
  'authorization',
  'auth',
  'credentials',
  'private_key',
  'client_secret',
  'cookie',
  'set-cookie',
  'otp',
  'cvv',
  'ssn',
  'card_number',
];
