import { useActionData, useLoaderData, type ActionFunctionArgs, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { dictionaries, translate, type Lang, type MessageKey } from '../../../i18n/index.ts';
import type { MinderungsVorschlag } from '../../../domain/fordern/stufe.ts';
import { portalAnhoerungAnsehen } from '../../../server/fordern/portal-anhoerung-ansehen.ts';
import { Alert } from '../../components/alert.tsx';
import { ErrorSummary, FileField, SubmitButton, TextAreaField, type FieldErrors } from '../../components/forms.tsx';
import { useRoot } from '../../hooks.ts';
import { readForm, requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import { datumText } from './texte.ts';

/**
 * Bürgerportal: one Anhörung of a Minderungsverfahren (docs/fordern.md "Anhörung") in the portal language — a text
 * without a translation falls back to German and is marked lang="de"; the caseworker's own words stay German (lang="de").
 * The answer form posts multipart to /portal/anhoerungen/:id/antwort (src/server/fordern/routes-anhoerung.ts).
 */
async function loader({ context, request, params }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'portal.nutzen');
  const url = new URL(request.url);
  const fuer = url.searchParams.get('fuer') ?? '';
  const d = await portalAnhoerungAnsehen.execute({ ctx: web(context).app, actor, input: { id: params.id ?? '', ...(fuer ? { fuer } : {}) } });
  const vorschlagText = vorschlagImPortal(web(context).lang, d.vorschlag);
  return { ...d, fuer: d.als === 'vertreter' ? d.buergerId : '', vorschlagText, antwort: url.searchParams.get('antwort') ?? '', fehler: (url.searchParams.get('fehler') ?? '').split(',').filter(Boolean) };
}

/** "2027-01" → "01/2027" (understood in every portal language). */
const monatZahl = (m: string) => `${m.slice(5, 7)}/${m.slice(0, 4)}`;

/** The expected Minderung in the portal language, in plain words ("im Monat 01/2027", "für 3 Monate, von … bis …"). */
function vorschlagImPortal(lang: Lang, v: MinderungsVorschlag | null): string {
  if (!v) return translate(lang, 'anh.minderung.offen');
  if (v.ergebnis === 'keine_minderung') return translate(lang, 'anh.minderung.keine');
  const zeitraum = v.vonMonat === v.bisMonat ? translate(lang, 'anh.zeit.ein', { monat: monatZahl(v.vonMonat) }) : translate(lang, 'anh.zeit.mehr', { monate: v.monate, von: monatZahl(v.vonMonat), bis: monatZahl(v.bisMonat) });
  if (v.art === 'nichterreichbarkeit') return translate(lang, 'anh.vorschlag.nichterreichbar', { zeitraum });
  if (v.art === 'wegfall_regelbedarf') return translate(lang, 'anh.vorschlag.wegfall', { zeitraum });
  return translate(lang, 'anh.vorschlag.prozent', { prozent: v.prozent, zeitraum });
}

type Ergebnis = { fehler: string[]; text: string };

/** A refused answer, handed over by the multipart route (routes-anhoerung.ts): the form again with the text kept, 400. */
async function action({ context, request }: ActionFunctionArgs): Promise<Ergebnis> {
  requirePermission(context, request, 'portal.nutzen');
  const f = await readForm(request);
  web(context).reply.code(400);
  const fehler = f
    .get('fehler')
    .split(',')
    .filter((x) => x === 'text' || x === 'datei');
  return { fehler: fehler.length ? fehler : ['text'], text: f.get('text') };
}

/** A text in the portal language; `lang` is 'de' where the language has no translation of its own. */
function useTexte() {
  const { lang } = useRoot();
  return (key: MessageKey, params: Record<string, string | number> = {}) => {
    const eigen = (dictionaries[lang as Lang] as Record<string, string | undefined>)[key];
    return { text: translate(lang as Lang, key, params), lang: eigen || lang === 'de' ? undefined : 'de' };
  };
}

function T(p: { k: MessageKey; p?: Record<string, string | number>; as?: 'p' | 'h1' | 'h2' | 'span'; className?: string }) {
  const tt = useTexte()(p.k, p.p);
  const Tag = p.as ?? 'p';
  return (
    <Tag className={p.className ?? 'kern-body'} lang={tt.lang}>
      {tt.text}
    </Tag>
  );
}

function AnhoerungPortalSeite() {
  const d = useLoaderData<typeof loader>();
  const a = useActionData() as Ergebnis | undefined;
  const { csrfToken } = useRoot();
  const tt = useTexte();
  const felder = a?.fehler ?? d.fehler;
  const fehler: FieldErrors = {
    text: felder.includes('text') ? tt('anh.fehler.text').text : undefined,
    datei: felder.includes('datei') ? tt('anh.fehler.datei').text : undefined,
  };
  const q = d.fuer ? `?fuer=${encodeURIComponent(d.fuer)}` : '';
  return (
    <div className="kern-stack-lg form-narrow">
      <T k="anh.titel" as="h1" className="kern-heading-large" />
      <ErrorSummary errors={fehler} title={tt('koop.fehler.titel').text} />
      {d.antwort === 'ok' ? <Alert type="success" title={tt('anh.antwort.gesendet').text} /> : null}
      {d.antwort === 'quarantaene' ? <Alert type="success" title={tt('anh.antwort.quarantaene').text} /> : null}
      <T k="anh.person" p={{ name: d.name, aktenzeichen: d.aktenzeichen }} />
      <p className="kern-body">
        <strong>{d.status === 'offen' ? tt('anh.status.anhoerung', { datum: datumText(d.frist) }).text : d.status === 'entscheidung' ? tt('anh.status.entscheidung').text : tt('anh.status.entschieden').text}</strong>
      </p>
      {d.ergebnis === 'minderung' ? (
        <>
          <T k="anh.ergebnis.minderung" />
          {d.hatBescheid ? (
            <p className="kern-body">
              <a className="kern-link" href={`/portal/minderungsbescheide/${d.id}/pdf${q}`} lang={tt('anh.ergebnis.bescheid').lang}>
                {tt('anh.ergebnis.bescheid').text}
              </a>
            </p>
          ) : null}
        </>
      ) : d.ergebnis === 'eingestellt' ? (
        <T k="anh.ergebnis.eingestellt" />
      ) : d.ergebnis === 'aufgehoben' ? (
        <T k="anh.ergebnis.aufgehoben" />
      ) : (
        <T k="anh.einleitung" />
      )}
      <section className="kern-stack-sm" aria-labelledby="anh-was">
        <h2 className="kern-heading-medium" id="anh-was" lang={tt('anh.was').lang}>
          {tt('anh.was').text}
        </h2>
        <T k="anh.tatbestand" p={{ titel: tt(`anh.tb.${d.tatbestand}` as MessageKey).text, norm: d.norm, datum: datumText(d.pflichtverletzungAm) }} />
        {d.anlassText.trim() ? (
          <>
            <T k="anh.beschreibung" />
            <blockquote className="kern-body" lang="de">
              {d.anlassText}
            </blockquote>
          </>
        ) : null}
      </section>
      <section className="kern-stack-sm" aria-labelledby="anh-belehrung">
        <h2 className="kern-heading-medium" id="anh-belehrung" lang={tt('anh.belehrung').lang}>
          {tt('anh.belehrung').text}
        </h2>
        <T k={`anh.belehrung.${d.belehrungArt}` as MessageKey} p={{ datum: datumText(d.belehrungAm) }} />
      </section>
      {d.status === 'entschieden' ? null : (
        <section className="kern-stack-sm" aria-labelledby="anh-minderung">
          <h2 className="kern-heading-medium" id="anh-minderung" lang={tt('anh.minderung').lang}>
            {tt('anh.minderung').text}
          </h2>
          <p className="kern-body">{d.vorschlagText}</p>
          <T k="anh.noch_nicht" />
        </section>
      )}
      {d.status === 'entschieden' ? null : (
      <section className="kern-stack-sm" aria-labelledby="anh-grund">
        <h2 className="kern-heading-medium" id="anh-grund" lang={tt('anh.grund').lang}>
          {tt('anh.grund').text}
        </h2>
        <T k="anh.grund.text" />
        <T k="anh.haerte.text" />
        {d.frist && d.status === 'offen' ? <T k="anh.frist" p={{ datum: datumText(d.frist) }} className="kern-body kern-body--bold" /> : null}
        {d.persoenlichAm ? <T k="anh.persoenlich" p={{ datum: datumText(d.persoenlichAm) }} /> : null}
      </section>
      )}
      <section className="kern-stack-sm" aria-labelledby="anh-wie">
        <h2 className="kern-heading-medium" id="anh-wie" lang={tt('anh.wie').lang}>
          {tt('anh.wie').text}
        </h2>
        {d.status === 'entschieden' ? null : (
        <ul className="kern-list">
          <li lang={tt('anh.wie.portal').lang}>{tt('anh.wie.portal').text}</li>
          <li lang={tt('anh.wie.post').lang}>{tt('anh.wie.post', { adresse: d.adresse }).text}</li>
          <li lang={tt('anh.wie.persoenlich').lang}>{tt('anh.wie.persoenlich').text}</li>
        </ul>
        )}
        {d.status === 'entschieden' ? null : <T k="anh.ohne_antwort" />}
        {d.hatPdf ? (
          <p>
            <a className="kern-link" href={`/portal/anhoerungen/${d.id}/pdf${q}`} lang={tt('anh.pdf').lang}>
              {tt('anh.pdf').text}
            </a>
          </p>
        ) : null}
        <T k="koop.verbindlich" className="kern-body kern-body--small" />
      </section>
      {d.antwortText ? (
        <section className="kern-stack-sm" aria-labelledby="anh-antworten">
          <h2 className="kern-heading-medium" id="anh-antworten" lang={tt('anh.antworten.titel').lang}>
            {tt('anh.antworten.titel').text}
          </h2>
          {d.antwortAm ? <T k="anh.antworten.am" p={{ datum: datumText(d.antwortAm.slice(0, 10)) }} /> : null}
          <p className="kern-body" style={{ whiteSpace: 'pre-wrap', overflowWrap: 'anywhere' }}>
            {d.antwortText}
          </p>
          {d.dateien.length ? (
            <>
              <T k="anh.antworten.dateien" p={{ anzahl: d.dateien.length }} />
              <ul className="kern-list">
                {d.dateien.map((f) => (
                  <li key={f.id} style={{ overflowWrap: 'anywhere' }}>
                    {f.dateiname}
                  </li>
                ))}
              </ul>
            </>
          ) : null}
        </section>
      ) : null}
      <section className="kern-stack-sm" aria-labelledby="anh-antwort">
        <h2 className="kern-heading-medium" id="anh-antwort" lang={tt('anh.antwort.titel').lang}>
          {tt('anh.antwort.titel').text}
        </h2>
        {d.antwortMoeglich ? (
          <form method="post" action={`/portal/anhoerungen/${d.id}/antwort`} encType="multipart/form-data" className="kern-stack-sm" noValidate>
            <input type="hidden" name="_csrf" value={csrfToken} />
            {d.fuer ? <input type="hidden" name="fuer" value={d.fuer} /> : null}
            {d.beantwortet ? <T k="anh.antwort.nachtrag" /> : null}
            <TextAreaField name="text" label={tt('anh.antwort.feld').text} rows={6} defaultValue={a?.text ?? ''} error={fehler.text} />
            <FileField name="datei" label={tt('anh.antwort.datei').text} accept="application/pdf,image/jpeg,image/png" error={fehler.datei} />
            <SubmitButton>{tt('anh.antwort.knopf').text}</SubmitButton>
          </form>
        ) : (
          <T k="anh.antwort.geschlossen" />
        )}
      </section>
      <p>
        <a className="kern-link" href={`/portal${q}`}>
          {tt('anh.zurueck').text}
        </a>
      </p>
    </div>
  );
}

export const portalAnhoerungRoute: RouteObject = {
  path: 'portal/anhoerungen/:id',
  loader,
  action,
  Component: AnhoerungPortalSeite,
  handle: { title: (_d: never, t) => t('anh.titel'), citizen: true } satisfies PageHandle,
};
