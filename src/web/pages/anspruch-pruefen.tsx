import { useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { euroText } from '../../domain/berechnung/geld.ts';
import { fehlertext, text } from '../../domain/formular/index.ts';
import { leistungsnameVorpruefung, MAX_KINDER_VORPRUEFUNG, vorpruefungBerechnen, vorpruefungLesen } from '../../domain/formular/vorpruefung.ts';
import { heute } from '../../server/clock.ts';
import { leseVorpruefung, merkeVorpruefung, nurVorpruefungsfelder, vergissVorpruefung, type VorpruefungWerte } from '../../server/portal/vorpruefung-speicher.ts';
import { ErrorSummary, PostForm, TextField, type FieldErrors } from '../components/forms.tsx';
import { useRoot } from '../hooks.ts';
import type { Lang } from '../../i18n/index.ts';
import { schrittText } from '../../i18n/schritte.ts';
import { readForm, web } from '../web-context.ts';
import { spracheVon, usePT } from './portal/texte.ts';
import type { PageHandle } from './root.tsx';

/** Where "Jetzt Antrag stellen" leads: no figures in the address — the answers wait in the sealed cookie. */
export const ANTRAG_MIT_VORPRUEFUNG = '/portal/antrag/neu?flow=erstantrag&vorpruefung=1';

/**
 * Public, anonymous pre-check (no sign-in, no database row, no audit row). The form is posted (with the CSRF token),
 * so income and rent never appear in a URL or the browser history; valid answers are kept in a sealed, httpOnly
 * cookie for a few hours (src/server/portal/vorpruefung-speicher.ts) so the real application can take them over after
 * registration and sign-in. The engine computes the estimate with the same mapping as the Online-Antrag.
 */
type Daten = { titel: string; leistung: string; lang: Lang; werte: VorpruefungWerte; fehler: FieldErrors; ergebnis: Ergebnis | null; gemerkt: boolean };
type Ergebnis = NonNullable<ReturnType<typeof ergebnisVon>['ergebnis']>;

function ergebnisVon(werte: VorpruefungWerte, tag: string, lang: Lang) {
  const v = vorpruefungLesen((n) => werte[n], tag);
  if (v.fehler.length) return { fehler: v.fehler, ergebnis: null };
  const r = vorpruefungBerechnen(v.daten, tag);
  const ergebnis = {
    monat: r.monat,
    auszahlung: r.ergebnis.auszahlung,
    hilfebeduerftig: r.ergebnis.hilfebeduerftig,
    ablehnungsgrund: r.ergebnis.ablehnungsgrund,
    // the steps' fixed phrases in the page's language; anything untranslated stays German (marked lang="de")
    schritte: r.ergebnis.schritte.map((s) => ({ ...schrittText(s.text, lang), norm: s.norm, betrag: s.betrag })),
    hinweise: r.hinweise,
  };
  return { fehler: [], ergebnis };
}

async function loader({ context }: LoaderFunctionArgs): Promise<Daten> {
  const { app, req, lang } = web(context);
  // one legal name of the benefit for the month computed, in the title and in the explanation
  const leistung = leistungsnameVorpruefung(heute(app.clock.now()));
  const titel = text('vp.titel', spracheVon(lang), { leistung });
  // answers kept from an earlier visit: shown again with their result (e.g. after returning from the sign-in page)
  const gemerkt = leseVorpruefung(app, req);
  if (!gemerkt) return { titel, leistung, lang, werte: {}, fehler: {}, ergebnis: null, gemerkt: false };
  const e = ergebnisVon(gemerkt, heute(app.clock.now()), lang);
  return { titel, leistung, lang, werte: gemerkt, fehler: {}, ergebnis: e.ergebnis, gemerkt: true };
}

async function action({ context, request }: ActionFunctionArgs): Promise<Daten> {
  const { app, reply, lang } = web(context);
  const sprache = spracheVon(lang);
  const leistung = leistungsnameVorpruefung(heute(app.clock.now()));
  const titel = text('vp.titel', sprache, { leistung });
  const form = await readForm(request);
  if (form.get('_aktion') === 'vergessen') {
    vergissVorpruefung(reply);
    return { titel, leistung, lang, werte: {}, fehler: {}, ergebnis: null, gemerkt: false };
  }
  const werte = nurVorpruefungsfelder((n) => form.get(n));
  const e = ergebnisVon(werte, heute(app.clock.now()), lang);
  if (e.fehler.length) {
    reply.code(400);
    return { titel, leistung, lang, werte, fehler: Object.fromEntries(e.fehler.map((f) => [f.feld, fehlertext(f.code, sprache)])), ergebnis: null, gemerkt: false };
  }
  merkeVorpruefung(app, reply, werte);
  return { titel, leistung, lang, werte, fehler: {}, ergebnis: e.ergebnis, gemerkt: true };
}

function AnspruchPruefenPage() {
  const geladen = useLoaderData<typeof loader>();
  const d = (useActionData() as Daten | undefined) ?? geladen;
  const { csrfToken } = useRoot();
  const t = usePT();
  const w = d.werte;
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
      <p className="kern-body">{t('vp.einleitung', { leistung: d.leistung })}</p>
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
            {/* two columns, the norm below the step: the amount stays visible on a 390 px phone */}
            <div className="table-wrap">
              <table className="kern-table erklaerung">
                <caption className="sr-only">{t('vp.ergebnis.erklaerung')}</caption>
                <thead className="kern-table__head">
                  <tr className="kern-table__row">
                    <th scope="col" className="kern-table__header">
                      {t('vp.schritt')} ({t('vp.norm')})
                    </th>
                    <th scope="col" className="kern-table__header betrag">
                      {t('vp.betrag')}
                    </th>
                  </tr>
                </thead>
                <tbody className="kern-table__body">
                  {d.ergebnis.schritte.map((s, i) => (
                    <tr key={i} className="kern-table__row">
                      <td className="kern-table__cell">
                        <span {...(s.lang !== d.lang ? { lang: s.lang } : {})}>{s.text}</span>
                        {s.norm ? (
                          <>
                            <br />
                            <span className="kern-body--small norm" {...(d.lang !== 'de' ? { lang: 'de' } : {})}>
                              {s.norm}
                            </span>
                          </>
                        ) : null}
                      </td>
                      <td className="kern-table__cell betrag">{euroText(Math.round(s.betrag * 100))}</td>
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
            <a className="kern-btn kern-btn--primary" href={ANTRAG_MIT_VORPRUEFUNG}>
              <span className="kern-label">{t('vp.antrag_starten')}</span>
            </a>
          </p>
        </section>
      ) : null}
      <ErrorSummary errors={d.fehler} title={t('portal.fehler_titel')} />
      <PostForm csrfToken={csrfToken} action="/anspruch-pruefen">
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
      </PostForm>
      <p className="kern-body kern-body--small">{t('vp.datenschutz')}</p>
      {d.gemerkt ? (
        <PostForm csrfToken={csrfToken} action="/anspruch-pruefen">
          <button className="kern-btn kern-btn--secondary" type="submit" name="_aktion" value="vergessen">
            <span className="kern-label">{t('vp.vergessen')}</span>
          </button>
        </PostForm>
      ) : null}
    </div>
  );
}

export const anspruchPruefenRoute: RouteObject = {
  path: 'anspruch-pruefen',
  loader,
  action,
  Component: AnspruchPruefenPage,
  handle: { title: (d: { titel: string } | undefined) => d?.titel ?? 'Anspruch prüfen', citizen: true } satisfies PageHandle,
};
