// The build's command line: --base-url is read, checked and ends in "/"; anything else is refused.
import { describe, expect, it } from 'vitest';
import { DEV_BASE_URL, parseBuildArgs } from '../../../scripts/build/options';

describe('parseBuildArgs', () => {
  it('defaults to the development server', () => {
    expect(parseBuildArgs([]).baseUrl).toBe(DEV_BASE_URL);
    expect(parseBuildArgs([]).outDir).toMatch(/[/\\]dist$/);
  });

  it('reads --base-url in both forms and adds the final slash', () => {
    expect(parseBuildArgs(['--base-url', 'https://host/path']).baseUrl).toBe('https://host/path/');
    expect(parseBuildArgs(['--base-url=https://host/path/']).baseUrl).toBe('https://host/path/');
  });

  it.each([
    [['--base-url', 'http://host/'], 'https://'],
    [['--base-url', 'not a url'], 'not a URL'],
    [['--base-url'], 'not a URL'],
    [['--base-url', 'https://host/?x=1'], 'query'],
    [['--watch'], 'Unknown argument'],
  ])('refuses %j', (argv, reason) => {
    expect(() => parseBuildArgs(argv)).toThrow(reason);
  });
});
