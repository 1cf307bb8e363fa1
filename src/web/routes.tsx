import type { RouteObject } from 'react-router';
import { rootRoute } from './pages/root.tsx';
import { startRoute } from './pages/start.tsx';
import { loginRoute, logoutRoute } from './pages/anmelden.tsx';
import { arbeitsplatzRoute } from './pages/arbeitsplatz.tsx';
import { portalRoute } from './pages/portal.tsx';
import { onlineEingangRoute } from './pages/online-eingang.tsx';
import { anspruchPruefenRoute } from './pages/anspruch-pruefen.tsx';
import { postfachRoute, vollmachtenRoute, zustellungRoute } from './pages/portal/postfach.tsx';
import { portalKooperationsplanRoute } from './pages/portal/kooperationsplan.tsx';
import { portalAnhoerungRoute } from './pages/portal/anhoerung.tsx';
import { portalAnhoerungenRoute } from './pages/portal/anhoerungen.tsx';
import { kooperationsplanRoute } from './pages/integration/kooperationsplan.tsx';
import { fallPostfachRoute } from './pages/faelle/postfach-abschnitt.tsx';
import { fallMitteilungRoute } from './pages/faelle/mitteilung.tsx';
import { integrationenRoute } from './pages/integration/integrationen.tsx';
import { antragAbsendenRoute, antragEingegangenRoute, antragNeuRoute, antragPruefenRoute, antragRoute, antragSchrittRoute } from './pages/portal/antrag.tsx';
import { kontoRoute } from './pages/konto.tsx';
import { barrierefreiheitRoute, datenschutzRoute } from './pages/info.tsx';
import { registerConfirmRoute, registerRoute, registerSentRoute } from './pages/registrieren.tsx';
import { forgotPasswordRoute, newPasswordRoute } from './pages/passwort.tsx';
import { forcedTotpSetupRoute, secondFactorRoute } from './pages/zweiter-faktor.tsx';
import { kontoTotpRoute } from './pages/konto-totp.tsx';
import { oidcCallbackRoute, oidcStartRoute } from './pages/oidc.tsx';
import { verwaltungAnmeldungRoute } from './pages/verwaltung-anmeldung.tsx';
import { verwaltungRoute } from './pages/verwaltung/index.tsx';
import { kommuneNeuRoute, kommuneRoute, kommunenRoute } from './pages/verwaltung/kommunen.tsx';
import { standortNeuRoute, standortRoute, standorteRoute } from './pages/verwaltung/standorte.tsx';
import { benutzerDetailRoute, benutzerNeuRoute, benutzerRoute } from './pages/verwaltung/benutzer.tsx';
import { protokollRoute } from './pages/verwaltung/protokoll.tsx';
import { entwicklungPostRoute } from './pages/entwicklung-post.tsx';
import { faelleSucheRoute } from './pages/faelle/suche.tsx';
import { faelleNeuRoute } from './pages/faelle/neu.tsx';
import { fallakteRoute } from './pages/faelle/akte.tsx';
import { arbeitsvorratRoute } from './pages/faelle/arbeitsvorrat.tsx';
import { bescheidErstellenRoute, bewilligungAendernRoute, bewilligungAufhebenRoute, bewilligungBerechnenRoute, bewilligungFreigebenRoute } from './pages/faelle/bewilligung-abschnitt.tsx';
import { freigabenRoute } from './pages/leistung/freigaben.tsx';
import { zahlungRoute } from './pages/leistung/zahlung.tsx';
import { zahlungLaufRoute } from './pages/leistung/zahlung-lauf.tsx';
import { erstattungenRoute, erstattungRoute } from './pages/leistung/erstattungen.tsx';
import { kostenRoute } from './pages/leistung/kosten.tsx';
import { steuerungRoute } from './pages/steuerung/index.tsx';
import { steuerungKennzahlenRoute } from './pages/steuerung/kennzahlen.tsx';
import { steuerungDefinitionenRoute } from './pages/steuerung/definitionen.tsx';
import { steuerungMonatsberichtRoute } from './pages/steuerung/monatsbericht.tsx';
import { steuerungDatenRoute } from './pages/steuerung/daten.tsx';
import { steuerungExportRoute } from './pages/steuerung/export.tsx';
import { steuerungPressetextRoute } from './pages/steuerung/pressetext.tsx';
import { steuerungEinstellungenRoute } from './pages/steuerung/einstellungen.tsx';
import { steuerungVergleichRoute } from './pages/steuerung/vergleich.tsx';
import { steuerungVergleichImportRoute } from './pages/steuerung/vergleich-import.tsx';
import { massenaenderungRoute } from './pages/leistung/massenaenderung.tsx';
import { kduRichtwertRoute, kduRichtwerteRoute } from './pages/verwaltung/kdu-richtwerte.tsx';
import { traegerEinstellungenRoute } from './pages/verwaltung/traeger-einstellungen.tsx';
import { massenaenderungErgebnisRoute } from './pages/leistung/massenaenderung-ergebnis.tsx';
import { terminDetailRoute, termineAngebotRoute, termineBestaetigenRoute, termineBuchenRoute, termineGebuchtRoute, termineGesendetRoute, termineRoute } from './pages/termine/buerger.tsx';
import { videoPerLinkRoute, videoRoute } from './pages/termine/video.tsx';
import { terminPerLinkRoute, wartelistePerLinkRoute } from './pages/termine/link.tsx';
import { checkinRoute, terminEinladenRoute, terminEinladungRoute, terminKalenderRoute, terminSprechzeitenRoute } from './pages/termine/personal.tsx';
import { terminAusnahmenRoute } from './pages/termine/ausnahmen.tsx';
import { terminRegelnRoute } from './pages/termine/regeln.tsx';
import { potenzialanalyseRoute } from './pages/integration/potenzialanalyse.tsx';
import { katalogRoute } from './pages/integration/katalog.tsx';
import { caseloadRoute } from './pages/integration/caseload.tsx';
import { integrationsakteRoute } from './pages/integration/akte.tsx';
import { umverteilenRoute } from './pages/integration/umverteilen.tsx';
import { budgetRoute } from './pages/integration/budget.tsx';
import { foerderleistungenRoute } from './pages/integration/foerderleistungen.tsx';
import { massnahmeRoute, massnahmenRoute } from './pages/integration/massnahmen.tsx';
import { teilnahmenRoute } from './pages/integration/teilnahmen.tsx';
import { genehmigungenRoute } from './pages/integration/genehmigungen.tsx';
import { fordernListeRoute } from './pages/fordern/liste.tsx';
import { fordernNeuRoute } from './pages/fordern/neu.tsx';
import { fordernVerfahrenRoute } from './pages/fordern/verfahren.tsx';

/**
 * Every page, by path. Each page module exports one route object: its loader/action call the use case
 * (src/server/<area>/<use-case>.ts); its `handle.title` names the page; `handle.citizen` marks citizen pages
 * (translated, with the language switch).
 */
export const routes: RouteObject[] = [
  {
    ...rootRoute,
    children: [
      startRoute,
      loginRoute,
      logoutRoute,
      arbeitsplatzRoute,
      portalRoute,
      antragNeuRoute,
      antragRoute,
      antragSchrittRoute,
      antragPruefenRoute,
      antragAbsendenRoute,
      antragEingegangenRoute,
      onlineEingangRoute,
      anspruchPruefenRoute,
      postfachRoute,
      zustellungRoute,
      vollmachtenRoute,
      portalKooperationsplanRoute,
      portalAnhoerungRoute,
      portalAnhoerungenRoute,
      kooperationsplanRoute,
      fallPostfachRoute,
      fallMitteilungRoute,
      integrationenRoute,
      budgetRoute,
      foerderleistungenRoute,
      kontoRoute,
      registerRoute,
      registerSentRoute,
      registerConfirmRoute,
      forgotPasswordRoute,
      newPasswordRoute,
      secondFactorRoute,
      forcedTotpSetupRoute,
      kontoTotpRoute,
      oidcStartRoute,
      oidcCallbackRoute,
      verwaltungAnmeldungRoute,
      verwaltungRoute,
      kommunenRoute,
      kommuneNeuRoute,
      kommuneRoute,
      standorteRoute,
      standortNeuRoute,
      standortRoute,
      benutzerRoute,
      benutzerNeuRoute,
      benutzerDetailRoute,
      protokollRoute,
      entwicklungPostRoute,
      faelleSucheRoute,
      faelleNeuRoute,
      fallakteRoute,
      arbeitsvorratRoute,
      bewilligungBerechnenRoute,
      bescheidErstellenRoute,
      bewilligungFreigebenRoute,
      bewilligungAendernRoute,
      bewilligungAufhebenRoute,
      freigabenRoute,
      zahlungRoute,
      zahlungLaufRoute,
      erstattungenRoute,
      erstattungRoute,
      kostenRoute,
      steuerungRoute,
      steuerungKennzahlenRoute,
      steuerungDefinitionenRoute,
      steuerungMonatsberichtRoute,
      steuerungDatenRoute,
      steuerungExportRoute,
      steuerungPressetextRoute,
      steuerungEinstellungenRoute,
      steuerungVergleichRoute,
      steuerungVergleichImportRoute,
      massenaenderungRoute,
      kduRichtwerteRoute,
      kduRichtwertRoute,
      traegerEinstellungenRoute,
      terminRegelnRoute,
      massenaenderungErgebnisRoute,
      termineRoute,
      termineBuchenRoute,
      termineGesendetRoute,
      termineGebuchtRoute,
      termineBestaetigenRoute,
      termineAngebotRoute,
      terminDetailRoute,
      terminPerLinkRoute,
      wartelistePerLinkRoute,
      videoPerLinkRoute,
      videoRoute,
      terminAusnahmenRoute,
      terminKalenderRoute,
      terminSprechzeitenRoute,
      terminEinladenRoute,
      terminEinladungRoute,
      checkinRoute,
      potenzialanalyseRoute,
      katalogRoute,
      caseloadRoute,
      integrationsakteRoute,
      massnahmenRoute,
      massnahmeRoute,
      teilnahmenRoute,
      genehmigungenRoute,
      umverteilenRoute,
      fordernListeRoute,
      fordernNeuRoute,
      fordernVerfahrenRoute,
      barrierefreiheitRoute,
      datenschutzRoute,
    ],
  },
];
