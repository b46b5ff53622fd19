// The support page the manifest's SupportUrl names: what it must tell users, self-contained and escaped.
import { describe, expect, it } from 'vitest';
import { REQUIREMENT_SETS } from '../../excel-addin/manifest';
import { renderSupportPage } from '../../excel-addin/support-page';

const deployed = renderSupportPage({
  baseUrl: 'https://kpi.example.com/addin/',
  version: '1.2.0.0',
  supportEmail: 'help@kpi.example.com',
});

/** The page's visible text, tags dropped and whitespace folded. */
const text = (html: string) =>
  html
    .replace(/<style>[\s\S]*?<\/style>/, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&nbsp;/g, ' ')
    .replace(/\s+/g, ' ');

describe('the support page', () => {
  it('has the sections a store support page needs, each reachable from the contents', () => {
    for (const [id, heading] of [
      ['start', 'Get started'],
      ['help', 'Get help'],
      ['troubleshooting', 'Troubleshooting'],
      ['privacy', 'Privacy'],
      ['contact', 'Contact'],
    ]) {
      expect(deployed).toContain(`<h2 id="${id}">${heading}</h2>`);
      expect(deployed).toContain(`<a href="#${id}">${heading}</a>`);
    }
  });

  it('explains the blank-cells-as-0 limitation of desktop Excel and how to sideload', () => {
    const page = text(deployed);
    expect(page).toContain('A function counts a blank cell as 0 (Excel on Windows and Mac)');
    expect(page).toContain('Upload My Add-in');
    expect(page).toContain('Trusted Add-in Catalogs');
    expect(page).toContain('~/Library/Containers/com.microsoft.Excel/Data/Documents/wef/');
    expect(deployed).toContain('<code>\\\\computer\\share</code>');
  });

  it("names the manifest's requirement sets as what Excel must support", () => {
    const page = text(deployed);
    for (const { name, minVersion } of REQUIREMENT_SETS)
      expect(page).toContain(`${name} ${minVersion}`);
  });

  it('states that data never leaves the workbook, naming the only hosts the add-in loads from', () => {
    const page = text(deployed);
    expect(page).toContain('Your data never leaves your workbook.');
    expect(page).toContain('from kpi.example.com and Microsoft');
  });

  it('gives the support address as a mailto link, and the version', () => {
    expect(deployed).toContain('<a href="mailto:help@kpi.example.com">help@kpi.example.com</a>');
    expect(text(deployed)).toContain('version 1.2.0.0');
  });

  it('says so when a development build has no support address', () => {
    const dev = renderSupportPage({ baseUrl: 'https://localhost:3000/', version: '1.0.0.0' });
    expect(dev).not.toContain('mailto:');
    expect(text(dev)).toContain('This is a development build');
  });

  it('is self-contained: no script, and every link stays on the page or is mailto', () => {
    expect(deployed).not.toMatch(/<script|<link|<img|<iframe|url\(/i);
    const targets = [...deployed.matchAll(/\b(?:href|src)="([^"]*)"/g)].map((m) => m[1]!);
    expect(targets.length).toBeGreaterThan(5);
    for (const target of targets) expect(target).toMatch(/^(#[a-z]+|mailto:)/);
  });

  it('escapes what it is given, so no value becomes markup', () => {
    const page = renderSupportPage({
      baseUrl: 'https://kpi.example.com/',
      version: '1.0.0.0<b>',
      supportEmail: 'a"b@x.example',
    });
    expect(page).toContain('1.0.0.0&lt;b&gt;');
    expect(page).toContain('mailto:a&quot;b@x.example');
    expect(page).not.toContain('<b>');
  });
});
