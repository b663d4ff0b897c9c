/**
 * Numbers as the display language writes them ("1,699" in English, "1.699" in German), so every count the
 * extension shows reads alike. The locale comes from the caller (VS Code's `env.language`): core knows no host.
 */

const formatters = new Map<string, Intl.NumberFormat>();

/** The formatter of a locale; an unknown or malformed locale falls back to the runtime's default. */
function formatter(locale: string | undefined): Intl.NumberFormat {
  const key = locale ?? '';
  let f = formatters.get(key);
  if (!f) {
    try {
      f = new Intl.NumberFormat(locale || undefined, { maximumFractionDigits: 1 });
    } catch {
      f = new Intl.NumberFormat(undefined, { maximumFractionDigits: 1 });
    }
    formatters.set(key, f);
  }
  return f;
}

/** `n` in the locale's digits and grouping (at most one decimal). */
export function formatNumber(n: number, locale: string | undefined): string {
  return formatter(locale).format(n);
}
