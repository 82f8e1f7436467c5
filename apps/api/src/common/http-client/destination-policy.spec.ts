import fc from 'fast-check';
import { isAllowedAddress, PUBLIC_ONLY } from './destination-policy';

const WITH_LOOPBACK = { allowLoopback: true, allowPrivate: false };
const WITH_PRIVATE = { allowLoopback: false, allowPrivate: true };

describe('destination policy', () => {
  it.each([
    '127.0.0.1',
    '127.255.0.9',
    '0.0.0.0',
    '10.1.2.3',
    '100.64.0.1',
    '169.254.169.254',
    '172.16.0.1',
    '172.31.255.255',
    '192.168.1.1',
    '198.18.0.1',
    '224.0.0.1',
    '255.255.255.255',
    '::',
    '::1',
    '::ffff:127.0.0.1',
    '::ffff:10.0.0.1',
    '::ffff:a9fe:a9fe',
    '64:ff9b::a00:1',
    '2002:a00:1::1',
    'fc00::1',
    'fd12:3456::1',
    'fe80::1',
    'ff02::1',
    'fe80::1%eth0',
    'not-an-ip',
  ])('refuses %s by default', (address) => {
    expect(isAllowedAddress(address, PUBLIC_ONLY)).toBe(false);
  });

  it.each(['8.8.8.8', '1.1.1.1', '172.32.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8'])(
    'allows the public address %s',
    (address) => {
      expect(isAllowedAddress(address, PUBLIC_ONLY)).toBe(true);
    },
  );

  it('allows loopback, and only loopback, when asked', () => {
    for (const address of ['127.0.0.1', '127.1.2.3', '::1', '::ffff:127.0.0.1']) {
      expect(isAllowedAddress(address, WITH_LOOPBACK)).toBe(true);
    }
    for (const address of ['10.0.0.1', '169.254.169.254', 'fd00::1', '0.0.0.0', '::']) {
      expect(isAllowedAddress(address, WITH_LOOPBACK)).toBe(false);
    }
  });

  it('allows every address that is not public when private addresses are allowed', () => {
    for (const address of [
      '127.0.0.1',
      '::1',
      '10.0.0.1',
      '172.16.0.1',
      '192.168.1.1',
      '169.254.169.254',
      'fd00::1',
      'fe80::1',
      '::ffff:10.0.0.1',
      '8.8.8.8',
      '2606:4700:4700::1111',
    ]) {
      expect(isAllowedAddress(address, WITH_PRIVATE)).toBe(true);
    }
    expect(isAllowedAddress('not-an-ip', WITH_PRIVATE)).toBe(false);
  });

  it('refuses every address of the private IPv4 ranges, in either notation', () => {
    const octet = fc.integer({ min: 0, max: 255 });
    const privateAddress = fc.oneof(
      fc.tuple(octet, octet, octet).map(([b, c, d]) => `10.${b}.${c}.${d}`),
      fc
        .tuple(fc.integer({ min: 16, max: 31 }), octet, octet)
        .map(([b, c, d]) => `172.${b}.${c}.${d}`),
      fc.tuple(octet, octet).map(([c, d]) => `192.168.${c}.${d}`),
      fc.tuple(octet, octet).map(([c, d]) => `169.254.${c}.${d}`),
    );
    fc.assert(
      fc.property(privateAddress, fc.boolean(), (address, mapped) => {
        const candidate = mapped ? `::ffff:${address}` : address;
        expect(isAllowedAddress(candidate, PUBLIC_ONLY)).toBe(false);
        expect(isAllowedAddress(candidate, WITH_LOOPBACK)).toBe(false);
        expect(isAllowedAddress(candidate, WITH_PRIVATE)).toBe(true);
      }),
    );
  });
});
