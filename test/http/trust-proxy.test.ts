/** TRUST_PROXY: which proxies may name the client; none by default, anything else refused clearly. */
import { EnvError, loadEnv } from '../../src/config/env';

it('When TRUST_PROXY is absent, empty or 0, then no proxy is trusted', () => {
  expect(loadEnv({}).trustProxy).toBe(false);
  expect(loadEnv({ TRUST_PROXY: ' ' }).trustProxy).toBe(false);
  expect(loadEnv({ TRUST_PROXY: '0' }).trustProxy).toBe(false);
});

it('When TRUST_PROXY is a hop count or a list of addresses and CIDRs, then that is what express trusts', () => {
  expect(loadEnv({ TRUST_PROXY: '1' }).trustProxy).toBe(1);
  expect(loadEnv({ TRUST_PROXY: '10.0.0.0/8, 192.168.1.4,loopback, fd00::/8' }).trustProxy).toEqual(['10.0.0.0/8', '192.168.1.4', 'loopback', 'fd00::/8']);
});

it.each(['true', '11', '10.0.0.0/33', 'proxy.example.org', '10.0.0.1,,10.0.0.2', '10.0.0.0/8/1'])(
  'When TRUST_PROXY is %p, then the service refuses to start and says what is expected',
  (value) => {
    expect(() => loadEnv({ TRUST_PROXY: value })).toThrow(EnvError);
    expect(() => loadEnv({ TRUST_PROXY: value })).toThrow(/TRUST_PROXY must be a number of proxy hops/);
  },
);
