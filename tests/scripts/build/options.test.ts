// The build's command line: --base-url is read, checked and ends in "/"; a deployment names a support address; anything else is refused.
import { describe, expect, it } from 'vitest';
import { DEV_BASE_URL, parseBuildArgs } from '../../../scripts/build/options';

describe('parseBuildArgs', () => {
  it('defaults to the development server', () => {
    expect(parseBuildArgs([]).baseUrl).toBe(DEV_BASE_URL);
    expect(parseBuildArgs([]).outDir).toMatch(/[/\\]dist$/);
  });

  it('reads --base-url in both forms and adds the final slash', () => {
    const email = ['--support-email', 'help@host.example'];
    expect(parseBuildArgs(['--base-url', 'https://host/path', ...email]).baseUrl).toBe(
      'https://host/path/',
    );
    expect(parseBuildArgs(['--base-url=https://host/path/', ...email]).baseUrl).toBe(
      'https://host/path/',
    );
  });

  it('reads --support-email in both forms; a development build needs none', () => {
    expect(parseBuildArgs(['--support-email', 'help@host.example']).supportEmail).toBe(
      'help@host.example',
    );
    expect(parseBuildArgs(['--support-email=kpi.help@sub.host.example']).supportEmail).toBe(
      'kpi.help@sub.host.example',
    );
    expect(parseBuildArgs([]).supportEmail).toBeUndefined();
  });

  it.each([
    [['--base-url', 'https://host/'], 'needs --support-email'],
    [['--base-url', 'https://host/', '--support-email', 'nobody'], 'not an email address'],
    [['--support-email', 'a@b.example"><script>'], 'not an email address'],
    [['--support-email'], 'not an email address'],
    [['--base-url', 'http://host/'], 'https://'],
    [['--base-url', 'not a url'], 'not a URL'],
    [['--base-url'], 'not a URL'],
    [['--base-url', 'https://host/?x=1'], 'query'],
    [['--watch'], 'Unknown argument'],
  ])('refuses %j', (argv, reason) => {
    expect(() => parseBuildArgs(argv)).toThrow(reason);
  });
});
