import { bankverbindungenAm } from '../../db/repositories/bg-stammdaten.ts';
import { bewilligungRepository } from '../../db/repositories/bewilligung.ts';
import { einstellungenRepository } from '../../db/repositories/traeger-einstellungen.ts';
import { zahlungRepository } from '../../db/repositories/zahlungen.ts';
import { aufrechnungRepository } from '../../db/repositories/erstattungen.ts';
import { budgetRepository } from '../../db/repositories/budget.ts';
import { foerderleistungenRepository } from '../../db/repositories/foerderleistungen.ts';
import { kduEmpfaengerRepository } from '../../db/repositories/kdu-empfaenger.ts';
import type { Zahllauf } from '../../db/schema/index.ts';
import { monatKurz } from '../../domain/bewilligung/monat.ts';
import { istMonat, plusTage, letzterTag } from '../../domain/fallakte/index.ts';
import type { Kostenanteil } from '../../domain/kosten/index.ts';
import { FOERDERLEISTUNG_INSTRUMENT, KOSTENTRAEGER_TITEL, foerderleistungMonate } from '../../domain/foerdern/budget.ts';
import {
  buchungszeilen,
  erzeugePain001,
  ibanMaskiert,
  leistungsmonatFuer,
  planeZahllauf,
  type KduEmpfaengerZeitraum,
  type Korrektur,
  type LaufendeAufrechnung,
  type LaufendeBewilligung,
  type LaufendeFoerderleistung,
  type Zahlung,
  type Zurueckgestellt,
} from '../../domain/zahlung/index.ts';
import { recordAudit } from '../audit-trail.ts';
import { tenantScope, type Actor, type AppContext } from '../context.ts';
import { AppError, validationFailed } from '../errors.ts';
import { heute } from '../clock.ts';
import { authorize } from '../policies.ts';
import { decrypt, encrypt } from '../security/crypto.ts';

export const IBAN_ZWECK = 'zahlung-iban';
/** purpose of the encrypted IBAN of a KdU-Empfänger (kdu_empfaenger.iban_enc) */
export const KDU_EMPFAENGER_IBAN_ZWECK = 'kdu-empfaenger-iban';

export type ZahllaufOptionen = {
  ctx: AppContext;
  actor: Actor;
  /** month of the run ('YYYY-MM'); pays the following Leistungsmonat (§ 42 Abs. 1) and open Nachzahlungen */
  zahlmonat: string;
  /** payments per transaction (default 500) */
  batchGroesse?: number;
  /** test hook: called after each committed batch (throwing simulates a crash) */
  nachBatch?: (nr: number) => void | Promise<void>;
};

function ortszeit(now: Date): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Berlin', dateStyle: 'short', timeStyle: 'medium' }).format(now).replace(' ', 'T');
}

/**
 * The monthly Zahllauf. Idempotent and crash-safe: the plan skips every payment key already recorded; payments and
 * their bookings are written in batches, each in one transaction, with `ON CONFLICT DO NOTHING` on the key. A run
 * that stopped halfway stays `laufend` and is continued by the next start for the month. At the end the pain.001
 * file is built from the run's recorded payments (so its control sum equals the sum of the payments).
 */
export async function zahllauf(opts: ZahllaufOptionen) {
  const { ctx, actor, zahlmonat } = opts;
  authorize(actor, 'zahllauf.ausfuehren');
  if (!istMonat(zahlmonat)) throw validationFailed([{ path: 'zahlmonat', code: 'monat_ungueltig', message: 'Bitte einen Monat im Format JJJJ-MM angeben.' }]);
  // the run of month M pays M+1 in advance (§ 42 Abs. 1, leistungsmonatFuer): a run for a later month would pay months not yet due
  const laufenderMonat = heute(ctx.clock.now()).slice(0, 7);
  if (zahlmonat > laufenderMonat) {
    throw validationFailed([
      { path: 'zahlmonat', code: 'zahlmonat_in_zukunft', message: `Der Zahlmonat darf nicht nach dem laufenden Monat (${laufenderMonat}) liegen. Der Lauf des laufenden Monats zahlt den Folgemonat bereits im Voraus.` },
    ]);
  }
  const scope = tenantScope(actor);
  const leistungsmonat = leistungsmonatFuer(zahlmonat);
  const groesse = opts.batchGroesse ?? 500;

  const vorbereitung = await ctx.db.withTenant(scope, async (tx) => {
    const konto = await einstellungenRepository.find(tx);
    if (!konto?.iban || !konto.kontoinhaber) {
      throw new AppError('traeger_konto_fehlt', 409, 'Für den Zahllauf fehlt das Konto des Trägers (IBAN und Kontoinhaber), von dem überwiesen wird. Eine Person mit der Rolle Administration trägt es unter Verwaltung → Träger-Einstellungen (/verwaltung/traeger-einstellungen) ein; danach den Zahllauf erneut ausführen.');
    }
    const zeilen = await bewilligungRepository.laufendeFuerZahllauf(tx, leistungsmonat);
    const korrekturRows = await bewilligungRepository.korrekturen(tx, leistungsmonat);
    // Förderleistungen from the Eingliederungsbudget (Einstiegsgeld, Mehraufwandsentschädigung, Vermittlungsbudget)
    const foerderRows = await foerderleistungenRepository.fuerZahllauf(tx, letzterTag(leistungsmonat));
    const bgIds = [...new Set([...zeilen.map((z) => z.bgId), ...korrekturRows.map((k) => k.k.bgId), ...foerderRows.map((f) => f.f.bgId)])];
    const banken = await bankverbindungenAm(tx, bgIds, `${leistungsmonat}-01`);
    const ohneKonto: Zurueckgestellt[] = [];
    // Aufrechnungen (§ 43 SGB II): only their BGs need each person's payment and Regelbedarfsstufe per month
    const aufrechnungen: LaufendeAufrechnung[] = await aufrechnungRepository.fuerZahllauf(tx, leistungsmonat);
    const mitAufrechnung = new Set(aufrechnungen.map((a) => a.bgId));
    const personenJeMonat = new Map<string, { id: string; auszahlungCent: number; stufe: number | null; minderungCent: number }[]>();
    if (mitAufrechnung.size > 0) {
      const ids = [...new Set(zeilen.filter((z) => mitAufrechnung.has(z.bgId)).map((z) => z.id))];
      for (const r of await aufrechnungRepository.personenDerMonate(tx, ids)) {
        const stufen = new Map(r.stufen.map((p) => [p.id, p]));
        personenJeMonat.set(
          `${r.bewilligung_id}:${r.monat}`,
          r.personen.map((p) => ({
            id: p.id,
            auszahlungCent: p.auszahlungCent,
            stufe: stufen.get(p.id)?.regelbedarfsstufe ?? null,
            // the engine stores the Minderung (§ 31b) in euros
            minderungCent: Math.round((stufen.get(p.id)?.minderung ?? 0) * 100),
          })),
        );
      }
    }
    // payees of the KdU (§ 22 Abs. 7, § 7b Abs. 4 SGB II): the laufende payment of their months is split (plan.ts)
    const kduJeBg = new Map<string, KduEmpfaengerZeitraum[]>();
    for (const r of await kduEmpfaengerRepository.fuerZahllauf(tx, [...new Set(zeilen.map((z) => z.bgId))], leistungsmonat)) {
      const liste = kduJeBg.get(r.bgId) ?? [];
      liste.push({ id: r.id, vonMonat: r.vonMonat, bisMonat: r.bisMonat, empfaenger: { name: r.name, iban: decrypt(ctx.config.secret, KDU_EMPFAENGER_IBAN_ZWECK, r.ibanEnc), bic: r.bic } });
      kduJeBg.set(r.bgId, liste);
    }
    const bewilligungen = new Map<string, LaufendeBewilligung & { monate: LaufendeBewilligung['monate'][number][] }>();
    for (const z of zeilen) {
      const bank = banken.get(z.bgId);
      if (!bank) {
        ohneKonto.push({ bgId: z.bgId, schluessel: `${z.bgId}:${z.monat}:laufend`, code: 'iban_ungueltig', message: 'Keine Bankverbindung eingetragen.' });
        continue;
      }
      let b = bewilligungen.get(z.id);
      if (!b) {
        const kdu = kduJeBg.get(z.bgId);
        b = {
          bewilligungId: z.id,
          bgId: z.bgId,
          fallnummer: z.fallnummer,
          empfaenger: { name: bank.kontoinhaber, iban: bank.iban, bic: bank.bic },
          monate: [],
          ...(kdu ? { kduEmpfaenger: kdu } : {}),
        };
        bewilligungen.set(z.id, b);
      }
      const personen = personenJeMonat.get(`${z.id}:${z.monat}`);
      b.monate.push({ monat: z.monat, betragCent: z.auszahlungCent, kosten: z.kosten as Kostenanteil[], ...(personen ? { personen } : {}) });
    }
    const korrekturen: Korrektur[] = [];
    for (const { k, fallnummer } of korrekturRows) {
      const bank = banken.get(k.bgId);
      if (!bank) continue;
      korrekturen.push({
        id: k.id,
        bgId: k.bgId,
        fallnummer,
        empfaenger: { name: bank.kontoinhaber, iban: bank.iban, bic: bank.bic },
        monat: k.monat,
        betragCent: k.betragCent,
        kosten: k.kosten as Kostenanteil[],
      });
    }
    const erledigt = await zahlungRepository.schluessel(tx);
    const foerderleistungen: LaufendeFoerderleistung[] = [];
    const bindungen = await foerderleistungenRepository.bindungen(tx, foerderRows.map((f) => f.f.id));
    for (const { f, fallnummer } of foerderRows) {
      const bank = banken.get(f.bgId);
      const monate = foerderleistungMonate(f, letzterTag(leistungsmonat)).filter((m) => m.monat <= leistungsmonat && !erledigt.has(`${f.bgId}:${m.monat}:eingliederung:${f.id}`));
      if (monate.length === 0) continue;
      if (!bank) {
        ohneKonto.push({ bgId: f.bgId, schluessel: `${f.bgId}:${leistungsmonat}:eingliederung:${f.id}`, code: 'iban_ungueltig', message: 'Keine Bankverbindung eingetragen.' });
        continue;
      }
      const art = FOERDERLEISTUNG_INSTRUMENT[f.art];
      const eigene = bindungen.filter((b) => b.foerderleistungId === f.id);
      foerderleistungen.push({
        foerderleistungId: f.id,
        bgId: f.bgId,
        fallnummer,
        empfaenger: { name: bank.kontoinhaber, iban: bank.iban, bic: bank.bic },
        bezeichnung: art.text,
        traeger: KOSTENTRAEGER_TITEL[eigene[0]?.titel ?? art.titel],
        monate: monate.map((m) => ({ ...m, mittelbindungId: eigene.find((b) => b.haushaltsjahr === Number(m.monat.slice(0, 4)))?.id ?? null })),
      });
    }
    const plan = planeZahllauf({ zahlmonat, bewilligungen: bewilligungen.values(), korrekturen, erledigt, aufrechnungen, foerderleistungen });
    let lauf: Zahllauf | undefined = await zahlungRepository.offenerLauf(tx, zahlmonat);
    if (!lauf && plan.zahlungen.length > 0) {
      const nr = await zahlungRepository.naechsteNr(tx, zahlmonat);
      lauf = await zahlungRepository.insertLauf(tx, { traegerId: actor.traegerId, zahlmonat, nr, nachrichtId: `ZL-${zahlmonat}-${nr}`, startedBy: actor.userId });
    }
    const zurueckgestellt = [...plan.zurueckgestellt, ...ohneKonto];
    if (lauf) await zahlungRepository.updateLauf(tx, lauf.id, { zurueckgestellt });
    await recordAudit(tx, actor, {
      objectType: 'zahllauf',
      objectId: lauf?.id ?? null,
      action: 'create',
      purpose: 'Zahllauf ausführen',
      details: {
        zahlmonat,
        geplant: plan.zahlungen.length,
        bereitsErledigt: plan.bereitsErledigt,
        aufrechnungCent: plan.zahlungen.reduce((s, z) => s + (z.bruttoCent - z.betragCent), 0),
      },
    });
    return { plan, lauf, konto, zurueckgestellt };
  });

  const { plan, lauf, konto } = vorbereitung;
  if (!lauf) {
    return { lauf: null, zahlmonat, leistungsmonat, neu: 0, bereitsErledigt: plan.bereitsErledigt, zurueckgestellt: vorbereitung.zurueckgestellt };
  }
  let neu = 0;
  let nr = 0;
  for (let i = 0; i < plan.zahlungen.length; i += groesse) {
    const batch = plan.zahlungen.slice(i, i + groesse);
    neu += await ctx.db.withTenant(scope, (tx) => schreibeBatch(tx, ctx.config.secret, actor.traegerId, lauf.id, batch, heute(ctx.clock.now())));
    nr++;
    if (opts.nachBatch) await opts.nachBatch(nr);
  }
  const fertig = await ctx.db.withTenant(scope, async (tx) => {
    const zahlungen = await zahlungRepository.zahlungenDesLaufs(tx, lauf.id);
    let summe = 0;
    for (const z of zahlungen) summe += z.betragCent;
    const frist = plusTage(letzterTag(zahlmonat), -2);
    const pain001 = zahlungen.length
      ? erzeugePain001({
          nachrichtId: lauf.nachrichtId,
          erstelltAm: ortszeit(ctx.clock.now()),
          ausfuehrungsdatum: heute(ctx.clock.now()) > frist ? heute(ctx.clock.now()) : frist,
          auftraggeber: { name: konto.kontoinhaber!, iban: konto.iban!, bic: konto.bic },
          zahlungen: zahlungen.map((z) => ({
            endToEndId: z.endToEndId,
            betragCent: z.betragCent,
            empfaenger: { name: z.empfaengerName, iban: decrypt(ctx.config.secret, IBAN_ZWECK, z.ibanEnc), bic: z.bic },
            verwendungszweck: z.verwendungszweck,
          })),
        })
      : null;
    return zahlungRepository.updateLauf(tx, lauf.id, { status: 'fertig', finishedAt: new Date(), pain001, anzahl: zahlungen.length, summeCent: summe });
  });
  return {
    lauf: fertig ? presentLauf(fertig) : null,
    zahlmonat,
    leistungsmonat,
    neu,
    bereitsErledigt: plan.bereitsErledigt,
    zurueckgestellt: vorbereitung.zurueckgestellt,
  };
}

/** A payment of a Bewilligung's month: the laufende payment and the KdU part paid to a KdU-Empfänger. */
const ausBewilligung = (z: Zahlung): boolean => (z.art === 'laufend' || z.art === 'kdu_empfaenger') && z.bewilligungId !== null;

async function schreibeBatch(tx: Parameters<Parameters<AppContext['db']['withTenant']>[1]>[0], secret: string, traegerId: string, zahllaufId: string, geplant: Zahlung[], heuteDatum: string) {
  // A Bewilligung replaced since the plan was made (a Minderung decided during the run, docs/fordern.md "Geld") is
  // not paid by this batch: the next run pays the month with the new amount. The lock (FOR SHARE, the counterpart
  // of bewilligungRepository.sperreBewilligte) keeps it from being replaced while its payment is recorded.
  // (the KdU part paid to a KdU-Empfänger belongs to the laufende payment and follows the same rule)
  const bewilligt = await bewilligungRepository.zurZahlungGesperrt(tx, [...new Set(geplant.flatMap((z) => (ausBewilligung(z) ? [z.bewilligungId!] : [])))]);
  const batch = geplant.filter((z) => !ausBewilligung(z) || bewilligt.has(z.bewilligungId!));
  const eingefuegt = await zahlungRepository.insertZahlungen(
    tx,
    batch.map((z) => ({
      traegerId,
      schluessel: z.schluessel,
      zahllaufId,
      bgId: z.bgId,
      bewilligungId: z.bewilligungId,
      korrekturId: z.korrekturId,
      art: z.art,
      leistungsmonat: z.leistungsmonat,
      zahlmonat: z.zahlmonat,
      betragCent: z.betragCent,
      aufrechnungCent: z.bruttoCent - z.betragCent,
      endToEndId: z.endToEndId,
      empfaengerName: z.empfaenger.name,
      ibanMaskiert: ibanMaskiert(z.empfaenger.iban),
      ibanEnc: encrypt(secret, IBAN_ZWECK, z.empfaenger.iban),
      bic: z.empfaenger.bic,
      verwendungszweck: z.verwendungszweck,
    })),
  );
  const ids = new Map(eingefuegt.map((r) => [r.schluessel, r.id]));
  const buchungen = [];
  for (const z of batch) {
    const id = ids.get(z.schluessel);
    if (!id) continue;
    for (const b of buchungszeilen(z)) {
      buchungen.push({
        traegerId,
        schluessel: b.schluessel,
        zahlungId: id,
        bgId: z.bgId,
        leistungsmonat: z.leistungsmonat,
        zahlmonat: z.zahlmonat,
        kostenart: b.kostenart,
        kostentraeger: b.traeger,
        kommuneId: b.kommuneId,
        betragCent: b.betragCent,
      });
    }
  }
  await zahlungRepository.insertBuchungen(tx, buchungen);
  // a Förderleistung's payment reduces its Mittelbindung (same transaction, only when the payment was new)
  for (const z of batch) {
    const id = ids.get(z.schluessel);
    if (!id || z.art !== 'eingliederung' || !z.mittelbindungId) continue;
    await budgetRepository.insertAuszahlung(tx, { traegerId, mittelbindungId: z.mittelbindungId, datum: heuteDatum, betragCent: z.betragCent, beleg: z.verwendungszweck, zahlungId: id });
  }
  // Aufrechnung: Tilgung of the Forderung in the same transaction as the reduced payment (one key each)
  const abzuege = [];
  for (const z of batch) {
    const id = ids.get(z.schluessel);
    if (!id) continue;
    for (const a of z.aufrechnungen) {
      abzuege.push({
        traegerId,
        forderungId: a.forderungId,
        aufrechnungId: a.aufrechnungId,
        zahlungId: id,
        schluessel: a.schluessel,
        betragCent: a.betragCent,
        datum: heuteDatum,
        grund: `Aufrechnung mit der Leistung ${monatKurz(z.leistungsmonat)} (§ 43 SGB II): ${a.text}`,
      });
    }
  }
  if (!(await aufrechnungRepository.bucheAbzuege(tx, abzuege))) {
    throw new AppError(
      'aufrechnung_konflikt',
      409,
      'Eine Erstattungsforderung wurde während des Zahllaufs geändert. Bitte starten Sie den Zahllauf für den Monat erneut; bereits gebuchte Zahlungen werden nicht wiederholt.',
    );
  }
  return eingefuegt.length;
}

export function presentLauf(l: Zahllauf) {
  return {
    id: l.id,
    zahlmonat: l.zahlmonat,
    nr: l.nr,
    status: l.status,
    startedAt: l.startedAt.toISOString(),
    finishedAt: l.finishedAt ? l.finishedAt.toISOString() : null,
    anzahl: l.anzahl,
    summeCent: l.summeCent,
    hatDatei: l.pain001 !== null,
    zurueckgestellt: ((l.zurueckgestellt as Zurueckgestellt[] | null) ?? []).map((z) => ({ bgId: z.bgId, code: z.code, message: z.message })),
  };
}
