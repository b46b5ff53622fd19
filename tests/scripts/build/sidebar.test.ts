import { describe, expect, it } from 'vitest';
import { inlineScript, sidebarPage } from '../../../scripts/build/sidebar';

describe('Sidebar.html assembly', () => {
  it('keeps inline script text from ending the script element or opening an HTML comment', () => {
    const code = 'var a="</script><!--x",b=/<\\/SCRIPT>/;';
    const safe = inlineScript(code);
    expect(safe).not.toMatch(/<\/script|<!--/i);
    // The escaped text means the same in JavaScript.
    const read = (source: string) => new Function(`${source} return [a, String(b)];`)() as string[];
    expect(read(safe)).toEqual(read(code));
  });

  it('inlines the script and the style into one page that mounts into #app', () => {
    const page = sidebarPage('console.log("</script>")', '.x{color:red}');
    expect(page.match(/<script>/g)).toHaveLength(1);
    expect(page).toContain('<style>body{margin:0}.x{color:red}</style>');
    expect(page).toContain('<main id="app"></main>');
    expect(page).not.toMatch(/<script[^>]+src=|<link/);
    expect(() => sidebarPage('', 'a{}</style>')).toThrow(/<\/style/);
  });
});
