import { describe, expect, it } from 'vitest';
import { comparePep440, formatPep440, parsePep440Version } from '../../src/version/pep440.js';

const parse = (text: string) => {
  const parsed = parsePep440Version(text);
  if (!parsed) throw new Error(`${text} did not parse`);
  return parsed;
};
const normal = (text: string) => formatPep440(parse(text));
const order = (a: string, b: string) => Math.sign(comparePep440(parse(a), parse(b)));

describe('PEP 440 normal forms (what packaging.version.Version prints)', () => {
  it.each([
    ['1.0+ubuntu.1', '1.0+ubuntu.1'],
    ['1.0+Ubuntu-1', '1.0+ubuntu.1'],
    ['1.0+ubuntu_01', '1.0+ubuntu.1'],
    ['v1.0', '1.0'],
    ['V1.0', '1.0'],
    ['  1.0\n', '1.0'],
    ['1.2.3-RC.1', '1.2.3rc1'],
    ['1.2.3-1', '1.2.3.post1'],
    ['1.2.3.rev', '1.2.3.post0'],
    ['1.2.3-dev', '1.2.3.dev0'],
    ['1!01.002', '1!1.2'],
    ['1.0preview2', '1.0rc2'],
    ['9007199254740993', '9007199254740993'],
    ['1.0.post18446744073709551617', '1.0.post18446744073709551617'],
  ])('%j → %j', (text, expected) => {
    expect(normal(text)).toBe(expected);
  });

  it.each(['', 'banana', '1.0+', '1.0+a..b', 'vv1.0', '1.0 1', '1.2.3;x'])('%j is not a version', (text) => {
    expect(parsePep440Version(text)).toBeUndefined();
  });
});

describe('PEP 440 ordering (packaging _cmpkey), exact beyond 2^53', () => {
  it.each([
    ['1.0.dev1', '1.0a1', -1],
    ['1.0a1', '1.0b1', -1],
    ['1.0b2', '1.0rc1', -1],
    ['1.0rc1', '1.0', -1],
    ['1.0', '1.0.post1', -1],
    ['1.0.post1.dev1', '1.0.post1', -1],
    ['1.0a1.post1', '1.0a2', -1],
    ['1.0', '1.0.0', 0],
    ['1.0', '1.0+local', -1],
    ['1.0+abc', '1.0+1', -1],
    ['1.0+ubuntu.1', '1.0+ubuntu.2', -1],
    ['1.0+ubuntu', '1.0+ubuntu.1', -1],
    ['1.0+10', '1.0+9', 1],
    ['1!0.1', '2.0', 1],
    ['1.9007199254740992', '1.9007199254740993', -1],
    ['9007199254740993', '9007199254740992', 1],
    ['1.0.post9007199254740993', '1.0.post9007199254740992', 1],
  ])('%s vs %s is %i', (a, b, expected) => {
    expect(order(a, b)).toBe(expected);
    expect(order(b, a)).toBe(-expected || 0);
  });
});
