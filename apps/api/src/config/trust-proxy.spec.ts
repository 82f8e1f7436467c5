import { loadConfig } from './app-config';
import { trustProxyOf } from './trust-proxy';

describe('trustProxyOf', () => {
  it.each([
    ['', false],
    ['false', false],
    ['true', true],
    ['1', 1],
    ['2', 2],
    ['loopback', ['loopback']],
    ['loopback, 10.0.0.0/8', ['loopback', '10.0.0.0/8']],
    ['192.168.1.1,10.0.0.0/255.0.0.0', ['192.168.1.1', '10.0.0.0/255.0.0.0']],
    ['fd00::/8,::1', ['fd00::/8', '::1']],
    ['uniquelocal,linklocal', ['uniquelocal', 'linklocal']],
  ])('reads %j as %j', (setting, expected) => {
    expect(trustProxyOf(setting)).toEqual(expected);
  });

  it.each([
    'yes please',
    'proxy.example.com',
    '10.0.0.0/33',
    '::1/129',
    '10.0.0.1/8/8',
    '300.1.1.1',
  ])('refuses %j', (setting) => {
    expect(trustProxyOf(setting)).toBeUndefined();
  });

  it('stops the configuration with a message naming TRUST_PROXY', () => {
    expect(() => loadConfig({ TRUST_PROXY: 'the load balancer' })).toThrow(
      /TRUST_PROXY: must be true, false, a number of hops/,
    );
    expect(loadConfig({}).TRUST_PROXY).toBe('');
    expect(loadConfig({}).WEB_SOURCE_MAPS).toBe(false);
  });
});
