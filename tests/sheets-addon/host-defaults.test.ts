// The defaults the Sheets server hands the sidebar page, and that they cannot break out of it.
import { describe, expect, it } from 'vitest';
import { sheetsHostDefaults, withHostDefaults } from '../../sheets-addon/host-defaults';

describe('withHostDefaults', () => {
  it('puts the defaults into the head as an inert JSON block', () => {
    const page = withHostDefaults('<html><head><title>x</title></head><body></body></html>', {
      lang: 'fi',
      currency: 'EUR',
    });
    expect(page).toBe(
      '<html><head><title>x</title><script type="application/json" id="kpi-host-defaults">' +
        '{"lang":"fi","currency":"EUR"}</script>\n</head><body></body></html>',
    );
  });

  it('escapes "<" so no value can close the block', () => {
    const page = withHostDefaults('<head></head>', { currency: '</script><b>' });
    expect(page).not.toContain('</script><b>');
    expect(page).toContain('\\u003c/script>\\u003cb>');
  });
});

describe('sheetsHostDefaults', () => {
  it("takes the language from the user's locale and the currency from the spreadsheet's", () => {
    expect(sheetsHostDefaults('fi', 'en_US')).toMatchObject({ lang: 'fi', currency: 'USD' });
    expect(sheetsHostDefaults('en_GB', 'xx')).not.toHaveProperty('currency');
  });
});
