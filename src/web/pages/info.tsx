import type { RouteObject } from 'react-router';
import { useT } from '../hooks.ts';
import type { PageHandle } from './root.tsx';

function BarrierefreiheitPage() {
  const t = useT();
  return (
    <div className="kern-stack-md">
      <h1 className="kern-heading-large">{t('barrierefreiheit.titel')}</h1>
      <p className="kern-body">
        Diese Anwendung soll die Anforderungen der Barrierefreie-Informationstechnik-Verordnung (BITV 2.0) und der WCAG 2.1 auf Stufe
        AA erfüllen. Jede Seite wird bei jeder Änderung automatisch mit axe geprüft; alle Funktionen sind mit der Tastatur bedienbar,
        Formulare funktionieren ohne JavaScript.
      </p>
      <p className="kern-body">
        Eine Prüfung durch eine unabhängige Prüfstelle steht noch aus. Barrieren melden Sie bitte Ihrem Jobcenter; die Kontaktdaten
        finden Sie auf der Startseite.
      </p>
    </div>
  );
}

function DatenschutzPage() {
  return (
    <div className="kern-stack-md">
      <h1 className="kern-heading-large">Datenschutz</h1>
      <p className="kern-body">
        Ihre Sozialdaten sind durch das Sozialgeheimnis (§ 35 SGB I) und die §§ 67 ff. SGB X geschützt. Jeder Zugriff von Mitarbeitenden
        auf personenbezogene Daten wird mit Person, Zeitpunkt und Zweck protokolliert.
      </p>
      <p className="kern-body">
        Verantwortlich ist der kommunale Träger des Jobcenters. Die vollständige Datenschutzerklärung stellt der Träger bereit.
      </p>
    </div>
  );
}

export const barrierefreiheitRoute: RouteObject = {
  path: 'barrierefreiheit',
  Component: BarrierefreiheitPage,
  handle: { title: (_d: never, t) => t('barrierefreiheit.titel'), citizen: true } satisfies PageHandle,
};

export const datenschutzRoute: RouteObject = {
  path: 'datenschutz',
  Component: DatenschutzPage,
  handle: { title: 'Datenschutz', citizen: true } satisfies PageHandle,
};
