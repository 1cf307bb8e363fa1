import { useLoaderData, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { euroText } from '../../domain/berechnung/geld.ts';
import { fehlertext, text } from '../../domain/formular/index.ts';
import { MAX_KINDER_VORPRUEFUNG, VORPRUEFUNG_FELDER, vorpruefungBerechnen, vorpruefungLesen } from '../../domain/formular/vorpruefung.ts';
import { heute } from '../../server/fall/common.ts';
import { ErrorSummary, TextField, type FieldErrors } from '../components/forms.tsx';
import { schrittText } from '../i18n/schritte.ts';
import { web } from '../web-context.ts';
import { spracheVon, usePT } from './portal/texte.ts';
import type { PageHandle } from './root.tsx';

/**
 * Public, anonymous pre-check (no sign-in, nothing stored): the answers travel in the URL (GET form), the engine
 * computes the estimate with the same mapping as the Online-Antrag, and the link to the real application carries the
 * same parameters to pre-fill it.
 */
async function loader({ context, request }: LoaderFunctionArgs) {
  const { lang } = web(context);
  const sprache = spracheVon(lang);
  const q = new URL(request.url).searchParams;
  const werte = Object.fromEntries(VORPRUEFUNG_FELDER.map((f) => [f, q.get(f) ?? '']));
  const titel = text('vp.titel', sprache);
  if (q.get('berechnen') !== '1') return { titel, lang, werte, fehler: {} as FieldErrors, ergebnis: null };
  const tag = heute();
  const v = vorpruefungLesen((n) => q.get(n), tag);
  const fehler: FieldErrors = Object.fromEntries(v.fehler.map((f) => [f.feld, fehlertext(f.code, sprache)]));
  if (v.fehler.length) {
    web(context).reply.code(400);
    return { titel, lang, werte, fehler, ergebnis: null };
  }
  const r = vorpruefungBerechnen(v.daten, tag);
  const antragLink = `/portal/antrag/neu?${new URLSearchParams({ flow: 'erstantrag', ...Object.fromEntries(Object.entries(werte).filter(([, x]) => x)) }).toString()}`;
  return {
    titel,
    lang,
    werte,
    fehler,
    ergebnis: {
      monat: r.monat,
      auszahlung: r.ergebnis.auszahlung,
      hilfebeduerftig: r.ergebnis.hilfebeduerftig,
      ablehnungsgrund: r.ergebnis.ablehnungsgrund,
      // the steps' fixed phrases in the page's language; anything untranslated stays German (marked lang="de")
      schritte: r.ergebnis.schritte.map((s) => ({ ...schrittText(s.text, lang), norm: s.norm, betrag: s.betrag })),
      hinweise: r.hinweise,
      antragLink,
    },
  };
}

function AnspruchPruefenPage() {
  const d = useLoaderData<typeof loader>();
  const t = usePT();
  const w = d.werte as Record<string, string>;
  const feld = (name: string, label: string, opts: { typ?: 'date' | 'text'; hinweis?: string } = {}) => (
    <TextField
      key={name}
      name={name}
      label={label}
      type={opts.typ ?? 'text'}
      defaultValue={w[name] ?? ''}
      error={d.fehler[name]}
      {...(opts.typ === 'date' ? {} : { inputMode: 'decimal' as const })}
      {...(opts.hinweis ? { hint: opts.hinweis } : {})}
    />
  );
  return (
    <div className="kern-stack-lg form-narrow">
      <h1 className="kern-heading-large">{d.titel}</h1>
      <p className="kern-body">{t('vp.einleitung')}</p>
      {d.ergebnis ? (
        <section className="kern-stack-sm ergebnis" aria-labelledby="ergebnis">
          <h2 className="kern-heading-medium" id="ergebnis">
            {t('vp.ergebnis.titel')}
          </h2>
          <p className="kern-heading-small" data-testid="betrag">
            {d.ergebnis.hilfebeduerftig ? t('vp.ergebnis.betrag', { betrag: euroText(Math.round(d.ergebnis.auszahlung * 100)) }) : t('vp.ergebnis.kein_anspruch')}
          </p>
          <p className="kern-body">{t('vp.ergebnis.hinweis')}</p>
          <details>
            <summary className="kern-body">{t('vp.ergebnis.erklaerung')}</summary>
            <div className="table-wrap">
              <table className="kern-table">
                <caption className="sr-only">{t('vp.ergebnis.erklaerung')}</caption>
                <thead className="kern-table__head">
                  <tr className="kern-table__row">
                    <th scope="col" className="kern-table__header">
                      {t('vp.schritt')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('vp.norm')}
                    </th>
                    <th scope="col" className="kern-table__header">
                      {t('vp.betrag')}
                    </th>
                  </tr>
                </thead>
                <tbody className="kern-table__body">
                  {d.ergebnis.schritte.map((s, i) => (
                    <tr key={i} className="kern-table__row">
                      <td className="kern-table__cell" {...(s.lang !== d.lang ? { lang: s.lang } : {})}>
                        {s.text}
                      </td>
                      <td className="kern-table__cell" {...(d.lang !== 'de' ? { lang: 'de' } : {})}>
                        {s.norm}
                      </td>
                      <td className="kern-table__cell">{euroText(Math.round(s.betrag * 100))}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            {d.ergebnis.hinweise.length ? (
              <ul className="kern-list" lang="de">
                {d.ergebnis.hinweise.map((h) => (
                  <li key={h}>{h}</li>
                ))}
              </ul>
            ) : null}
          </details>
          <p>
            <a className="kern-btn kern-btn--primary" href={d.ergebnis.antragLink}>
              <span className="kern-label">{t('vp.antrag_starten')}</span>
            </a>
          </p>
        </section>
      ) : null}
      <ErrorSummary errors={d.fehler} title={t('portal.fehler_titel')} />
      <form method="get" action="/anspruch-pruefen" className="kern-stack-lg" noValidate>
        <input type="hidden" name="berechnen" value="1" />
        <fieldset className="kern-fieldset">
          <legend className="kern-label">{t('vp.sie')}</legend>
          <div className="kern-fieldset__body kern-stack-sm">{feld('geburtsdatum', t('feld.geburtsdatum'), { typ: 'date' })}</div>
        </fieldset>
        <fieldset className="kern-fieldset">
          <legend className="kern-label">{t('feld.partner')}</legend>
          <div className="kern-fieldset__body">
            {['ja', 'nein'].map((v) => (
              <div className="kern-form-check" key={v}>
                <input className="kern-form-check__radio" type="radio" id={`vp-partner-${v}`} name="partner" value={v} defaultChecked={(w.partner || 'nein') === v} />
                <label className="kern-label" htmlFor={`vp-partner-${v}`}>
                  {t(`option.${v}`)}
                </label>
              </div>
            ))}
          </div>
          {feld('partnerGeburtsdatum', t('vp.partner_geburtsdatum'), { typ: 'date' })}
        </fieldset>
        <fieldset className="kern-fieldset">
          <legend className="kern-label">{t('vp.kinder')}</legend>
          <div className="kern-hint">{t('vp.kinder.hinweis')}</div>
          <div className="kern-fieldset__body kern-stack-sm">
            {Array.from({ length: MAX_KINDER_VORPRUEFUNG }, (_, i) => feld(`kind${i + 1}`, t('vp.kind', { nr: i + 1 }), { typ: 'date' }))}
            {feld('kindergeld', t('vp.kindergeld'), { hinweis: t('hinweis.geld') })}
          </div>
        </fieldset>
        <fieldset className="kern-fieldset">
          <legend className="kern-label">{t('vp.wohnung')}</legend>
          <div className="kern-fieldset__body kern-stack-sm">
            {feld('grundmiete', t('feld.grundmieteCent'))}
            {feld('nebenkosten', t('feld.nebenkostenCent'))}
            {feld('heizkosten', t('feld.heizkostenCent'))}
          </div>
        </fieldset>
        <fieldset className="kern-fieldset">
          <legend className="kern-label">{t('vp.einkommen')}</legend>
          <div className="kern-fieldset__body kern-stack-sm">
            {feld('brutto', t('vp.brutto'))}
            {feld('netto', t('vp.netto'))}
            {feld('partnerBrutto', t('vp.partner_brutto'))}
            {feld('partnerNetto', t('vp.partner_netto'))}
            {feld('sonstiges', t('vp.sonstiges'))}
            {feld('vermoegen', t('vp.vermoegen'))}
          </div>
        </fieldset>
        <div className="actions">
          <button className="kern-btn kern-btn--primary" type="submit">
            <span className="kern-label">{t('vp.berechnen')}</span>
          </button>
        </div>
      </form>
      <p className="kern-body kern-body--small">{t('vp.datenschutz')}</p>
    </div>
  );
}

export const anspruchPruefenRoute: RouteObject = {
  path: 'anspruch-pruefen',
  loader,
  Component: AnspruchPruefenPage,
  handle: { title: (d: { titel: string } | undefined) => d?.titel ?? 'Anspruch prüfen', citizen: true } satisfies PageHandle,
};
