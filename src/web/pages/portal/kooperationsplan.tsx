import { redirect, useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { translate, type MessageKey } from '../../../i18n/index.ts';
import { heute } from '../../../server/clock.ts';
import { AppError } from '../../../server/errors.ts';
import { kooperationsplanPortal } from '../../../server/integration/kooperationsplan-portal.ts';
import { kooperationsplanReagieren } from '../../../server/integration/kooperationsplan-portal-reagieren.ts';
import { Alert } from '../../components/alert.tsx';
import { ErrorSummary, FileField, PostForm, SubmitButton, TextAreaField, TextField, type FieldErrors } from '../../components/forms.tsx';
import { useRoot, useT } from '../../hooks.ts';
import { flash, readForm, requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import { datumText } from './texte.ts';

/** Bürgerportal "Mein Kooperationsplan" (docs/foerdern.md): see, confirm, comment, ask for a Schlichtung, upload proof. */
async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'portal.nutzen');
  const url = new URL(request.url);
  const fuer = url.searchParams.get('fuer') ?? '';
  const d = await kooperationsplanPortal.execute({ ctx: web(context).app, actor, input: fuer ? { fuer } : {} });
  const nachweis = url.searchParams.get('nachweis') ?? '';
  return { ...d, fuer: d.als === 'vertreter' ? d.buergerId : '', nachweis, nachweisPlan: url.searchParams.get('plan') ?? '', felder: (url.searchParams.get('felder') ?? '').split(',').filter(Boolean) };
}

type Ergebnis = { planId: string; reaktion: string; fehler?: string; konflikt?: string; text?: string; nachweis?: { fehler: string[]; monat: string; anzahl: string } };

async function action({ context, request }: ActionFunctionArgs): Promise<Ergebnis | Response> {
  const actor = requirePermission(context, request, 'portal.nutzen');
  const { app, lang } = web(context);
  const f = await readForm(request);
  const fuer = f.get('fuer');
  const planId = f.get('id');
  // a wrong proof upload, handed over by the multipart route (routes-kooperationsplan.ts): the form again, 400
  if (f.get('aktion') === 'nachweis') {
    web(context).reply.code(400);
    const fehler = f
      .get('fehler')
      .split(',')
      .filter((x) => x === 'datei' || x === 'monat' || x === 'anzahl');
    return { planId, reaktion: 'nachweis', nachweis: { fehler: fehler.length ? fehler : ['datei'], monat: f.get('monat'), anzahl: f.get('anzahl') } };
  }
  const reaktion = f.get('reaktion');
  // field names carry the plan's id, so that several plans on one page keep unique field ids
  const text = f.get(`text_${planId}`);
  let schlichtungBis: string | null = null;
  try {
    const r = await kooperationsplanReagieren.execute({ ctx: app, actor, input: { id: planId, reaktion, ...(text.trim() ? { text } : {}), ...(fuer ? { fuer } : {}) } });
    schlichtungBis = r.schlichtung?.ende ?? null;
  } catch (err) {
    if (err instanceof AppError && err.status === 400) {
      web(context).reply.code(400);
      return { planId, reaktion, fehler: translate(lang, 'koop.fehler.text'), text };
    }
    if (err instanceof AppError && err.status === 409) {
      web(context).reply.code(409);
      return { planId, reaktion, konflikt: err.code === 'schlichtung_nicht_mehr_moeglich' ? translate(lang, 'koop.schlichtung.abgeschafft') : err.message, text };
    }
    throw err;
  }
  flash(
    context,
    reaktion === 'bestaetigt'
      ? translate(lang, 'koop.bestaetigt', { datum: datumText(heute(app.clock.now())) })
      : schlichtungBis
        ? translate(lang, 'koop.schlichtung.laeuft', { datum: datumText(schlichtungBis) })
        : translate(lang, 'koop.kommentar.gesendet'),
  );
  return redirect(`/portal/kooperationsplan${fuer ? `?fuer=${encodeURIComponent(fuer)}` : ''}`);
}

const NACHWEIS_MELDUNG: Record<string, MessageKey> = { sauber: 'koop.nachweis.ok', quarantaene: 'koop.nachweis.quarantaene' };

function KooperationsplanPortalSeite() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData() as Ergebnis | undefined;
  const { csrfToken } = useRoot();
  const t = useT();
  const versteckt = (
    <>{d.fuer ? <input type="hidden" name="fuer" value={d.fuer} /> : null}</>
  );
  // the proof form's errors (400 from the upload): summary at the top, each error at its field
  const nf = a?.reaktion === 'nachweis' && a.nachweis ? a.nachweis : null;
  const nachweisFehler: FieldErrors = nf
    ? {
        [`monat_${a!.planId}`]: nf.fehler.includes('monat') ? t('koop.fehler.monat') : undefined,
        [`anzahl_${a!.planId}`]: nf.fehler.includes('anzahl') ? t('koop.fehler.anzahl') : undefined,
        [`datei_${a!.planId}`]: nf.fehler.includes('datei') ? t('koop.fehler.datei') : undefined,
      }
    : {};
  // explicit form targets: a page reached through an anchor (#nachweis-…) or the upload does not carry it on
  const seite = `/portal/kooperationsplan${d.fuer ? `?fuer=${encodeURIComponent(d.fuer)}` : ''}`;
  return (
    <div className="kern-stack-lg form-narrow">
      <h1 className="kern-heading-large">{t('koop.titel')}</h1>
      <ErrorSummary errors={nachweisFehler} title={t('koop.fehler.titel')} />
      <p className="kern-body">{t('koop.einleitung')}</p>
      {d.plaene.length === 0 ? <p className="kern-body">{t('koop.keiner')}</p> : null}
      {d.plaene.map((p) => {
        const i = p.inhalt;
        const meins = a?.planId === p.id ? a : undefined;
        const upload = d.nachweisPlan === p.id ? d.nachweis : '';
        const pdfHref = `/portal/kooperationsplan/${p.id}/pdf${d.fuer ? `?fuer=${encodeURIComponent(d.fuer)}` : ''}`;
        return (
          <article className="kern-stack-md" key={p.id} aria-labelledby={`plan-${p.id}`}>
            <h2 className="kern-heading-medium" id={`plan-${p.id}`}>
              {p.art === 'verwaltungsakt' ? t('koop.va.titel') : t('koop.person', { name: p.name })}
            </h2>
            <p className="kern-body">
              {t('koop.fassung', { fassung: p.fassung, datum: datumText(p.abgestimmtAm ?? p.erstelltAm) })}.{' '}
              {p.art === 'verwaltungsakt' ? t('koop.status.verwaltungsakt') : p.status === 'abgestimmt' ? t('koop.status.abgestimmt', { datum: datumText(p.abgestimmtAm) }) : t('koop.status.nicht_zustande_gekommen')}
            </p>
            {meins?.konflikt ? <Alert type="danger" title={meins.konflikt} role="alert" /> : null}
            <h3 className="kern-heading-small">{t('koop.ziel')}</h3>
            <p className="kern-body">{p.eingliederungsziel}</p>
            <h3 className="kern-heading-small">{t('koop.schritte')}</h3>
            <ol className="kern-list">
              {i.schritte.map((s, n) => (
                <li key={n}>
                  <span className="kern-body">{s.was}</span>
                  <br />
                  <span className="kern-body kern-body--small">
                    {t('koop.schritt.wer')}: {t(`koop.wer.${s.wer}`)} · {t('koop.schritt.bis')}: {datumText(s.bis)}
                  </span>
                </li>
              ))}
            </ol>
            <h3 className="kern-heading-small">{t('koop.eigenbemuehungen')}</h3>
            <p className="kern-body">{t('koop.eigenbemuehungen.text', { anzahl: i.eigenbemuehungen.anzahlJeMonat, nachweis: i.eigenbemuehungen.nachweis })}</p>
            <h3 className="kern-heading-small">{t('koop.sprache')}</h3>
            <p className="kern-body">{t(`koop.sprache.${i.sprachfoerderung}`)}</p>
            <h3 className="kern-heading-small">{t('koop.reha')}</h3>
            <p className="kern-body">{t(i.rehaBedarf ? 'koop.reha.ja' : 'koop.reha.nein')}</p>
            {i.eingliederungsleistungen.length ? (
              <>
                <h3 className="kern-heading-small">{t('koop.leistungen')}</h3>
                <ul className="kern-list">
                  {i.eingliederungsleistungen.map((l) => (
                    <li key={l}>{l}</li>
                  ))}
                </ul>
              </>
            ) : null}
            {i.taetigkeitsbereiche.length ? (
              <>
                <h3 className="kern-heading-small">{t('koop.taetigkeiten')}</h3>
                <ul className="kern-list">
                  {i.taetigkeitsbereiche.map((l) => (
                    <li key={l}>{l}</li>
                  ))}
                </ul>
              </>
            ) : null}
            {i.leistungenAndererTraeger ? (
              <>
                <h3 className="kern-heading-small">{t('koop.andere_traeger')}</h3>
                <p className="kern-body">{i.leistungenAndererTraeger}</p>
              </>
            ) : null}
            <p className="kern-body">{t('koop.ueberpruefung', { datum: datumText(p.naechsteUeberpruefung) })}</p>
            {p.art === 'plan' ? <p className="kern-body kern-body--small">{t('koop.textform')}</p> : null}
            <p className="kern-body kern-body--small">{t('koop.verbindlich')}</p>
            {p.dokumentVerfuegbar ? (
              <p>
                <a className="kern-link" href={pdfHref}>
                  {t('koop.pdf')}
                </a>
              </p>
            ) : null}

            {p.art === 'plan' && p.status === 'abgestimmt' ? (
              <section className="kern-stack-sm" aria-labelledby={`bestaetigen-${p.id}`}>
                <h3 className="kern-heading-small" id={`bestaetigen-${p.id}`}>
                  {t('koop.bestaetigen.titel')}
                </h3>
                {p.reaktion === 'bestaetigt' && p.reaktionAm ? (
                  <p className="kern-body">{t('koop.bestaetigt', { datum: datumText(p.reaktionAm.slice(0, 10)) })}</p>
                ) : (
                  <PostForm csrfToken={csrfToken} action={seite} className="kern-stack-sm" aria-label={t('koop.bestaetigen.titel')}>
                    {versteckt}
                    <input type="hidden" name="id" value={p.id} />
                    <p className="kern-body">{t('koop.bestaetigen.text')}</p>
                    <SubmitButton name="reaktion" value="bestaetigt">
                      {t('koop.bestaetigen.knopf')}
                    </SubmitButton>
                  </PostForm>
                )}
              </section>
            ) : null}

            <section className="kern-stack-sm" aria-labelledby={`kommentar-${p.id}`}>
              <h3 className="kern-heading-small" id={`kommentar-${p.id}`}>
                {t('koop.kommentar.titel')}
              </h3>
              {p.kommentare.length ? (
                <div className="kern-stack-xs">
                  <h4 className="kern-heading-small">{t('koop.kommentare.titel')}</h4>
                  <ul className="kern-list">
                    {p.kommentare.map((k, n) => (
                      <li key={n}>{t(k.art === 'schlichtung' ? 'koop.kommentare.schlichtung' : 'koop.kommentare.kommentar', { datum: datumText(heute(new Date(k.am))), text: k.text })}</li>
                    ))}
                  </ul>
                </div>
              ) : null}
              <PostForm csrfToken={csrfToken} action={seite} className="kern-stack-sm" aria-label={t('koop.kommentar.titel')}>
                {versteckt}
                <input type="hidden" name="id" value={p.id} />
                <TextAreaField name={`text_${p.id}`} label={t('koop.kommentar.feld')} rows={3} defaultValue={meins?.reaktion === 'kommentar' ? (meins.text ?? '') : ''} error={meins?.reaktion === 'kommentar' ? meins.fehler : undefined} />
                <SubmitButton name="reaktion" value="kommentar" variant="secondary">
                  {t('koop.kommentar.knopf')}
                </SubmitButton>
              </PostForm>
            </section>

            {p.art === 'plan' && (p.schlichtungBis || d.schlichtungMoeglich) ? (
              <section className="kern-stack-sm" aria-labelledby={`schlichtung-${p.id}`}>
                <h3 className="kern-heading-small" id={`schlichtung-${p.id}`}>
                  {t('koop.schlichtung.titel')}
                </h3>
                {p.schlichtungBis ? (
                  <p className="kern-body">{t('koop.schlichtung.laeuft', { datum: datumText(p.schlichtungBis) })}</p>
                ) : (
                  <PostForm csrfToken={csrfToken} action={seite} className="kern-stack-sm" aria-label={t('koop.schlichtung.titel')}>
                    {versteckt}
                    <input type="hidden" name="id" value={p.id} />
                    <p className="kern-body">{t('koop.schlichtung.text')}</p>
                    <TextAreaField name={`text_${p.id}`} label={t('koop.schlichtung.grund')} rows={3} defaultValue={meins?.reaktion === 'schlichtung' ? (meins.text ?? '') : ''} error={meins?.reaktion === 'schlichtung' ? meins.fehler : undefined} />
                    <SubmitButton name="reaktion" value="schlichtung" variant="secondary">
                      {t('koop.schlichtung.knopf')}
                    </SubmitButton>
                  </PostForm>
                )}
              </section>
            ) : p.art === 'plan' ? (
              // the law of the day has no Schlichtung (from 1.7.2026): say what happens instead
              <section className="kern-stack-sm" aria-labelledby={`uneinig-${p.id}`}>
                <h3 className="kern-heading-small" id={`uneinig-${p.id}`}>
                  {t('koop.uneinig.titel')}
                </h3>
                <p className="kern-body">{t('koop.uneinig.text')}</p>
              </section>
            ) : null}

            <section className="kern-stack-sm" aria-labelledby={`nachweis-titel-${p.id}`} id={`nachweis-${p.id}`}>
              <h3 className="kern-heading-small" id={`nachweis-titel-${p.id}`}>
                {t('koop.nachweis.titel')}
              </h3>
              {upload && NACHWEIS_MELDUNG[upload] ? <Alert type="success" title={t(NACHWEIS_MELDUNG[upload])} /> : null}
              {upload && !NACHWEIS_MELDUNG[upload] && upload !== 'eingabe' ? <Alert type="danger" title={t(upload === 'keine_datei' ? 'koop.fehler.datei' : 'koop.nachweis.abgelehnt')} role="alert" /> : null}
              <form method="post" action="/portal/kooperationsplan/nachweis" encType="multipart/form-data" className="kern-stack-sm" noValidate>
                <input type="hidden" name="_csrf" value={csrfToken} />
                <input type="hidden" name="id" value={p.id} />
                {versteckt}
                <TextField
                  name={`monat_${p.id}`}
                  type="month"
                  label={t('koop.nachweis.monat')}
                  defaultValue={nf && meins ? nf.monat : d.heute.slice(0, 7)}
                  error={nachweisFehler[`monat_${p.id}`] ?? (upload === 'eingabe' && d.felder.includes('monat') ? t('koop.fehler.monat') : undefined)}
                />
                <TextField
                  name={`anzahl_${p.id}`}
                  type="number"
                  inputMode="numeric"
                  label={t('koop.nachweis.anzahl')}
                  defaultValue={nf && meins ? nf.anzahl : i.eigenbemuehungen.anzahlJeMonat}
                  error={nachweisFehler[`anzahl_${p.id}`] ?? (upload === 'eingabe' && d.felder.includes('anzahl') ? t('koop.fehler.anzahl') : undefined)}
                />
                <FileField name={`datei_${p.id}`} label={t('koop.nachweis.datei')} accept="application/pdf,image/jpeg,image/png" error={nachweisFehler[`datei_${p.id}`]} />
                <SubmitButton variant="secondary">{t('koop.nachweis.knopf')}</SubmitButton>
              </form>
              {p.nachweise.length ? (
                <>
                  <h4 className="kern-heading-small">{t('koop.nachweise.liste')}</h4>
                  <ul className="kern-list">
                    {p.nachweise.map((n) => (
                      <li key={n.id}>{t('koop.nachweise.eintrag', { monat: n.monat, anzahl: n.anzahl })}</li>
                    ))}
                  </ul>
                </>
              ) : null}
            </section>
          </article>
        );
      })}
    </div>
  );
}

export const portalKooperationsplanRoute: RouteObject = {
  path: 'portal/kooperationsplan',
  loader,
  action,
  Component: KooperationsplanPortalSeite,
  handle: { title: (_d: never, t) => t('koop.titel'), citizen: true } satisfies PageHandle,
};
