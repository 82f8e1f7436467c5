import { originAllowed } from './origin-policy';

describe('originAllowed', () => {
  const allowed = ['http://localhost:4200', 'https://app.example.com'];

  it('lets clients without an Origin through: they are not browsers', () => {
    expect(originAllowed(undefined, 'api.example.com', allowed)).toBe(true);
  });

  it('lets listed origins through, exactly', () => {
    expect(originAllowed('https://app.example.com', 'api.example.com', allowed)).toBe(true);
    expect(originAllowed('http://app.example.com', 'api.example.com', allowed)).toBe(false);
    expect(originAllowed('https://app.example.com.evil.test', 'api.example.com', allowed)).toBe(
      false,
    );
  });

  it('lets the API’s own origin through: the SPA it serves', () => {
    expect(originAllowed('https://ledgerlens.example.com', 'ledgerlens.example.com', [])).toBe(
      true,
    );
    expect(originAllowed('http://localhost:3000', 'localhost:3000', [])).toBe(true);
    expect(originAllowed('http://localhost:3001', 'localhost:3000', [])).toBe(false);
  });

  it('refuses what is not an origin', () => {
    expect(originAllowed('null', 'localhost:3000', allowed)).toBe(false);
    expect(originAllowed('not a url', undefined, allowed)).toBe(false);
  });
});
