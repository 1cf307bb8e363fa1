import { z } from 'zod';

const de = z.locales.de();

/**
 * zod's messages in German for every schema (people read them; the issue `code` stays for machines). zod's own
 * text for a failed pattern shows the raw regular expression ("muss dem Muster /^…$/ entsprechen"), which no person
 * can read: such issues get a plain sentence instead (issue 11). Schemas with a known format carry their own message.
 */
z.config({
  localeError: (issue) => {
    if (issue.code === 'invalid_format' && issue.format === 'regex') return 'Die Angabe hat nicht das erwartete Format.';
    return de.localeError(issue);
  },
});
