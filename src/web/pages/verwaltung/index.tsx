import { useLoaderData, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import { forbidden } from '../../../server/errors.ts';
import { can } from '../../../server/policies.ts';
import { requirePageActor } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';

/** /verwaltung: the admin area's start, with a link to each part the actor may use. */
async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePageActor(context, request);
  const bereiche = {
    organisation: can(actor, 'organisation.verwalten'),
    benutzer: can(actor, 'benutzer.verwalten'),
    protokoll: can(actor, 'protokoll.durchsuchen'),
    einstellungen: can(actor, 'einstellungen.verwalten'),
    kdu: can(actor, 'kdu.verwalten'),
    foerdern: can(actor, 'massnahmen.verwalten'),
    terminplanung: can(actor, 'termine.planen'),
  };
  if (!bereiche.organisation && !bereiche.benutzer) throw forbidden();
  return { traeger: actor.traegerName, bereiche };
}

function Karte(p: { id: string; href: string; title: string; text: string }) {
  return (
    <section className="kern-card" aria-labelledby={p.id}>
      <div className="kern-card__container">
        <div className="kern-card__header">
          <h2 className="kern-title" id={p.id}>
            <a className="kern-link" href={p.href}>
              {p.title}
            </a>
          </h2>
        </div>
        <div className="kern-card__body">
          <p className="kern-body">{p.text}</p>
        </div>
      </div>
    </section>
  );
}

function VerwaltungPage() {
  const d = useLoaderData<typeof loader>();
  return (
    <div className="kern-stack-lg">
      <div className="kern-stack-xs">
        <h1 className="kern-heading-large">Verwaltung</h1>
        <p className="kern-body">Einstellungen und Konten des Trägers {d.traeger}. Sie sehen und ändern nur Daten Ihres eigenen Trägers.</p>
      </div>
      <div className="card-grid">
        {d.bereiche.organisation ? (
          <>
            <Karte id="v-kommunen" href="/verwaltung/kommunen" title="Kommunen" text="Die Städte und Gemeinden im Gebiet des Trägers, mit Amtlichem Gemeindeschlüssel." />
            <Karte id="v-standorte" href="/verwaltung/standorte" title="Standorte" text="Die Dienststellen des Jobcenters mit Anschrift, Kontakt und Öffnungszeiten." />
            <Karte id="v-anmeldung" href="/verwaltung/anmeldung" title="Anmeldung und Sicherheit" text="Zweiter Faktor für Beschäftigte und Anmeldung über den Verzeichnisdienst (OpenID Connect)." />
          </>
        ) : null}
        {d.bereiche.benutzer ? (
          <Karte id="v-benutzer" href="/verwaltung/benutzer" title="Benutzer" text="Konten der Beschäftigten mit Rollen und Standorten; Konten von Bürgerinnen und Bürgern." />
        ) : null}
        {d.bereiche.einstellungen ? (
          <Karte id="v-einstellungen" href="/verwaltung/traeger-einstellungen" title="Einstellungen des Trägers" text="Grenzen für das Vier-Augen-Prinzip und das Konto des Trägers für die Auszahlungen (SEPA)." />
        ) : null}
        {d.bereiche.einstellungen ? (
          <Karte id="v-termin-regeln" href="/verwaltung/termin-regeln" title="Termin-Regeln" text="Vorlauf, Buchungshorizont, Fristen zum Verschieben und Absagen, Erinnerung, Warteliste, Video-Raum und Check-in." />
        ) : null}
        {d.bereiche.terminplanung ? (
          <>
            <Karte id="v-sprechzeiten" href="/termine/sprechzeiten" title="Sprechzeiten" text="Wöchentliche Sprechzeiten der buchbaren Plätze aller Standorte." />
            <Karte id="v-termin-ausnahmen" href="/termine/ausnahmen" title="Ausnahmen und Abwesenheiten" text="Geschlossene Tage und zusätzliche Öffnungszeiten der Standorte, Abwesenheiten und Teams der Plätze." />
          </>
        ) : null}
        {d.bereiche.kdu ? (
          <Karte id="v-kdu" href="/verwaltung/kdu-richtwerte" title="KdU-Richtwerte" text="Angemessene Kosten der Unterkunft und Heizung je Kommune und Haushaltsgröße, mit Gültigkeit." />
        ) : null}
        {d.bereiche.foerdern ? (
          <Karte id="v-katalog" href="/integration/katalog" title="Handlungsbedarfe" text="Katalog der Handlungsbedarfe für die Potenzialanalyse, geordnet nach Schlüsselgrößen; gesundheitsbezogene Einträge gekennzeichnet." />
        ) : null}
        {d.bereiche.protokoll ? (
          <Karte id="v-protokoll" href="/verwaltung/protokoll" title="Zugriffsprotokoll" text="Wer hat wann zu welchem Zweck personenbezogene Daten gelesen oder geändert?" />
        ) : null}
      </div>
    </div>
  );
}

export const verwaltungRoute: RouteObject = {
  path: 'verwaltung',
  loader,
  Component: VerwaltungPage,
  handle: { title: 'Verwaltung' } satisfies PageHandle,
};
