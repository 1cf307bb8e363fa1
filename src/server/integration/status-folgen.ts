import type { Tx } from '../../db/client.ts';
import { arbeitsmarktstatusRepository, massnahmeZuTeilnahme, type StatusZeile } from '../../db/repositories/arbeitsmarktstatus.ts';
import {
  beschreibePlan,
  folgeIntegration,
  folgeMassnahmeAustritt,
  folgeMassnahmeEintritt,
  istLeer,
  type StatusPeriode,
  type StatusPlan,
} from '../../domain/foerdern/status.ts';
import type { Integrationsart } from '../../domain/foerdern/typen.ts';
import { recordAudit } from '../audit-trail.ts';
import type { Actor } from '../context.ts';

/**
 * The Arbeitsmarktstatus changes that recorded facts imply by themselves (docs/foerdern.md, issue 13 point 2):
 * slice C calls this at Eintritt and Austritt of a Teilnahme, slice E at a recorded job start — inside their own
 * transaction, so the fact and its status consequence are saved together or not at all.
 */
export type StatusFolge =
  | { art: 'massnahme_eintritt'; teilnahmeId: string; von: string; bis: string | null; zaehltAlsMassnahme: boolean }
  | { art: 'massnahme_austritt'; teilnahmeId: string; am: string } // offers (not forces) restoring 'arbeitslos'
  | { art: 'integration'; integrationId: string; beginn: string; wochenstunden: number; integrationsart: Integrationsart };

const INTEGRATIONSART_TEXT: Record<Integrationsart, string> = {
  svb_vollzeit: 'sozialversicherungspflichtige Beschäftigung (Vollzeit)',
  svb_teilzeit: 'sozialversicherungspflichtige Beschäftigung (Teilzeit)',
  ausbildung: 'Ausbildung',
  selbststaendigkeit: 'Selbständigkeit',
  minijob: 'Minijob',
  gefoerdert_16d: 'Arbeitsgelegenheit (§ 16d SGB II)',
  gefoerdert_16e: 'geförderte Beschäftigung (§ 16e SGB II)',
  gefoerdert_16i: 'Teilhabe am Arbeitsmarkt (§ 16i SGB II)',
};

export const alsDomaene = (z: StatusZeile): StatusPeriode => ({
  id: z.id,
  gueltigVon: z.gueltigVon,
  gueltigBis: z.gueltigBis,
  status: z.status,
  grund: z.grund,
  quelle: z.quelle,
  quelleId: z.quelleId,
  massnahme45: z.massnahme45,
});

/** Writes a plan of the domain (removals, ends, new periods — in this order, so the exclusion constraint holds). */
export async function wendePlanAn(tx: Tx, actor: Actor, personId: string, plan: StatusPlan, zweck: string): Promise<void> {
  for (const id of plan.entfernen) {
    await arbeitsmarktstatusRepository.delete(tx, id);
    await recordAudit(tx, actor, { objectType: 'arbeitsmarktstatus', objectId: id, personId, action: 'update', purpose: zweck, details: { art: 'ersetzt' } });
  }
  for (const s of plan.schliessen) {
    await arbeitsmarktstatusRepository.setzeBis(tx, s.id, s.gueltigBis);
    await recordAudit(tx, actor, { objectType: 'arbeitsmarktstatus', objectId: s.id, personId, action: 'update', purpose: zweck, details: { art: 'beendet', bis: s.gueltigBis } });
  }
  for (const n of plan.oeffnen) {
    const neu = await arbeitsmarktstatusRepository.insert(tx, {
      traegerId: actor.traegerId,
      personId,
      gueltigVon: n.gueltigVon,
      gueltigBis: n.gueltigBis,
      status: n.status,
      grund: n.grund,
      quelle: n.quelle,
      quelleId: n.quelleId,
      createdBy: actor.userId,
    });
    await recordAudit(tx, actor, {
      objectType: 'arbeitsmarktstatus',
      objectId: neu.id,
      personId,
      action: 'create',
      purpose: zweck,
      details: { status: n.status, von: n.gueltigVon, bis: n.gueltigBis, quelle: n.quelle },
    });
  }
}

/** Applies the status change a recorded fact implies (inside the caller's transaction); returns what changed, as a
 * German sentence for the page ("Arbeitslosigkeit endet am … wegen Eintritt in …"), or null when nothing changed. */
export async function wendeStatusFolgeAn(tx: Tx, actor: Actor, o: { personId: string; folge: StatusFolge }): Promise<string | null> {
  await arbeitsmarktstatusRepository.sperrePerson(tx, o.personId);
  const perioden = (await arbeitsmarktstatusRepository.perioden(tx, o.personId)).map(alsDomaene);
  const f = o.folge;
  let plan: StatusPlan;
  let anlass: string;
  if (f.art === 'massnahme_eintritt') {
    plan = folgeMassnahmeEintritt(perioden, f);
    anlass = `Eintritt in die Maßnahme „${(await massnahmeZuTeilnahme(tx, f.teilnahmeId)) ?? 'Maßnahme'}“`;
  } else if (f.art === 'massnahme_austritt') {
    plan = folgeMassnahmeAustritt(perioden, f);
    anlass = `Austritt aus der Maßnahme „${(await massnahmeZuTeilnahme(tx, f.teilnahmeId)) ?? 'Maßnahme'}“`;
  } else {
    plan = folgeIntegration(perioden, f);
    anlass = `Aufnahme: ${INTEGRATIONSART_TEXT[f.integrationsart]}, ${String(f.wochenstunden).replace('.', ',')} Std./Woche`;
  }
  if (istLeer(plan)) return null;
  await wendePlanAn(tx, actor, o.personId, plan, `Arbeitsmarktstatus automatisch angepasst: ${anlass}`);
  let satz = beschreibePlan(plan, anlass);
  if (satz && plan.angebotArbeitslosAb) satz += ' Ob die Person ab dem Folgetag wieder arbeitslos ist, bestätigen Sie in der Integrationsakte.';
  return satz;
}
