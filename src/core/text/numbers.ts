/**
 * Numbers as the user's display language writes them (`vscode.env.language`: `en`, `ar`, `fr`, `zh-cn` …): one
 * formatter for every count the extension shows (the summary panel, the quick pick, the trees, the status bar), so a
 * number never appears in two formats side by side. Pure: no `vscode`; an unknown or malformed language falls back to
 * English. Formatters are made once per language.
 */

const formats = new Map<string, Intl.NumberFormat>();

/** The `Intl.NumberFormat` of a display language (English when the language is unknown or not a valid tag). */
export function numberFormat(locale = 'en'): Intl.NumberFormat {
  let f = formats.get(locale);
  if (!f) {
    try {
      f = new Intl.NumberFormat(locale, { maximumFractionDigits: 1 });
    } catch {
      f = new Intl.NumberFormat('en', { maximumFractionDigits: 1 });
    }
    formats.set(locale, f);
  }
  return f;
}

/** `1699` → `1,699` in English, `1 699` in French, `1.699` in German. */
export function formatNumber(n: number, locale?: string): string {
  return numberFormat(locale).format(n);
}
