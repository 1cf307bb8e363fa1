import { isLang, translate, type Lang, type MessageKey } from '../../i18n/index.ts';

/** Mail to a person in their language (citizens: the chosen language; staff: German), with the Jobcenter's sign-off. */
export function composeMail(opts: {
  lang: Lang;
  subject: MessageKey;
  body: MessageKey;
  params: Record<string, string>;
  jobcenter: string;
}): { subject: string; text: string } {
  const params = { ...opts.params, jobcenter: opts.jobcenter };
  return {
    subject: `${translate(opts.lang, opts.subject, params)} – ${opts.jobcenter}`,
    text: `${translate(opts.lang, opts.body, params)}\n\n${translate(opts.lang, 'mail.gruss', params)}\n`,
  };
}

export const langOf = (sprache: string | null | undefined): Lang => (isLang(sprache) ? sprache : 'de');
