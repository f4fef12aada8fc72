import { test } from 'node:test';
import assert from 'node:assert/strict';
import { classifyAddress } from '../../src/sources/fetch/address-policy.ts';
import { normalizeUrl } from '../../src/core/text/normalize-url.ts';

test('non-public addresses are refused with their kind, public ones pass', () => {
  const refused: [string, RegExp][] = [
    ['127.0.0.1', /loopback/],
    ['127.255.0.9', /loopback/],
    ['10.2.3.4', /private/],
    ['172.16.0.1', /private/],
    ['172.31.255.255', /private/],
    ['192.168.1.1', /private/],
    ['169.254.169.254', /link-local/],
    ['100.64.0.1', /carrier-grade NAT/],
    ['0.0.0.0', /unspecified/],
    ['224.0.0.251', /multicast/],
    ['255.255.255.255', /reserved/],
    ['::1', /loopback/],
    ['::', /unspecified/],
    ['::ffff:127.0.0.1', /loopback/],
    ['::ffff:7f00:1', /loopback/],
    ['::ffff:10.0.0.1', /private/],
    ['64:ff9b::a9fe:a9fe', /link-local/],
    ['2002:c0a8:0101::1', /private/],
    ['fc00::1', /unique local/],
    ['fd12:3456::1', /unique local/],
    ['fe80::1%eth0', /link-local/],
    ['ff02::1', /multicast/],
    ['2001:db8::1', /documentation/],
  ];
  for (const [ip, why] of refused) assert.match(classifyAddress(ip) ?? 'allowed', why, ip);
  for (const ip of ['8.8.8.8', '1.1.1.1', '172.32.0.1', '100.128.0.1', '2606:4700:4700::1111', '::ffff:8.8.8.8']) assert.equal(classifyAddress(ip), null, ip);
  assert.equal(classifyAddress('example.com'), 'not an IP address');
});

test('URLs normalize across tracking parameters, fragments, scheme, default ports, host case and trailing slashes', () => {
  const same = [
    'https://www.Example.com/news/a-story/?utm_source=rss&utm_medium=feed#comments',
    'http://example.com:80/news/a-story',
    'https://example.com:443/news/a-story?fbclid=abc&gclid=def',
    'HTTPS://EXAMPLE.COM/news/a-story/',
  ];
  const keys = same.map(normalizeUrl);
  assert.ok(keys.every((k) => k === 'example.com/news/a-story'), keys.join(' | '));
  assert.equal(normalizeUrl('https://example.com/p?id=2&b=1&utm_campaign=x'), 'example.com/p?b=1&id=2');
  assert.notEqual(normalizeUrl('https://example.com/p?id=2'), normalizeUrl('https://example.com/p?id=3'));
  assert.equal(normalizeUrl('https://example.com:8443/x'), 'example.com:8443/x');
  assert.equal(normalizeUrl('javascript:alert(1)'), null);
  assert.equal(normalizeUrl('not a url'), null);
});
