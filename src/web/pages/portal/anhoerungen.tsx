import { useLoaderData, type LoaderFunctionArgs, type RouteObject } from 'react-router';
import type { MessageKey } from '../../../i18n/index.ts';
import { portalAnhoerungen } from '../../../server/fordern/portal-anhoerungen.ts';
import { useT } from '../../hooks.ts';
import { requirePermission, web } from '../../web-context.ts';
import type { PageHandle } from '../root.tsx';
import { datumText } from './texte.ts';

/**
 * Bürgerportal: all Anhörungen of the citizen (or of the person they act for), open and answered, each with its state
 * and a link to the Anhörung — the section "Anhörungen" the Anhörungsschreiben points to.
 */
async function loader({ context, request }: LoaderFunctionArgs) {
  const actor = requirePermission(context, request, 'portal.nutzen');
  const fuer = new URL(request.url).searchParams.get('fuer') ?? '';
  const r = await portalAnhoerungen.execute({ ctx: web(context).app, actor, input: fuer ? { fuer } : {} });
  return { anhoerungen: r.anhoerungen, fuer: r.als === 'vertreter' ? r.buergerId : '' };
}

function AnhoerungenSeite() {
  const d = useLoaderData<typeof loader>();
  const t = useT();
  const q = d.fuer ? `?fuer=${encodeURIComponent(d.fuer)}` : '';
  const stand = (a: (typeof d.anhoerungen)[number]): string => {
    if (a.status === 'offen') return t('anh.status.anhoerung', { datum: datumText(a.frist ?? '') });
    if (a.status === 'entscheidung') return a.antwortAm ? t('anh.liste.beantwortet', { datum: datumText(a.antwortAm.slice(0, 10)) }) : t('anh.status.entscheidung');
    const k: MessageKey = a.ergebnis === 'minderung' ? 'anh.ergebnis.minderung' : a.ergebnis === 'aufgehoben' ? 'anh.ergebnis.aufgehoben' : a.ergebnis === 'eingestellt' ? 'anh.ergebnis.eingestellt' : 'anh.status.entschieden';
    return t(k);
  };
  return (
    <div className="kern-stack-lg form-narrow">
      <h1 className="kern-heading-large">{t('anh.liste.titel')}</h1>
      {d.anhoerungen.length === 0 ? <p className="kern-body">{t('anh.keine')}</p> : null}
      <ul className="kern-list">
        {d.anhoerungen.map((a) => (
          <li key={a.id} className="kern-stack-xs">
            <a className="kern-link" href={`/portal/anhoerungen/${a.id}${q}`}>
              {t('anh.person', { name: a.name, aktenzeichen: a.aktenzeichen })}
            </a>
            <p className="kern-body">{t(`anh.tb.${a.tatbestand}` as MessageKey)}</p>
            <p className="kern-body kern-body--bold">{stand(a)}</p>
          </li>
        ))}
      </ul>
      <p>
        <a className="kern-link" href={`/portal${q}`}>
          {t('anh.zurueck')}
        </a>
      </p>
    </div>
  );
}

export const portalAnhoerungenRoute: RouteObject = {
  path: 'portal/anhoerungen',
  loader,
  Component: AnhoerungenSeite,
  handle: { title: (_d: never, t) => t('anh.liste.titel'), citizen: true } satisfies PageHandle,
};
