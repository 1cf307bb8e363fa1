const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const TOKENZEICHEN = /^[A-Za-z0-9._~-]+$/;

/**
 * The path of a request as it may appear in a log: without the query string and with every segment that looks like a
 * secret replaced by `:geheim` — personal links carry their token in the path (/termine/verwalten/<token>,
 * /termine/warteliste/<id>.<signatur>). Ids (UUIDs) and ordinary route words stay readable.
 */
export function logPfad(url: string): string {
  const pfad = url.split('?')[0] ?? '';
  return pfad
    .split('/')
    .map((s) => {
      if (s.length < 20 || UUID.test(s) || !TOKENZEICHEN.test(s)) return s;
      // route words are lower-case letters and hyphens; a token has digits, capitals, '_' or a signature after a dot
      return /[0-9A-Z_.~]/.test(s) ? ':geheim' : s;
    })
    .join('/');
}
