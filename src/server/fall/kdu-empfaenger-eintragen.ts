import { z } from 'zod';
import { bewilligungRepository } from '../../db/repositories/bewilligung.ts';
import { kduEmpfaengerRepository } from '../../db/repositories/kdu-empfaenger.ts';
import { monatText } from '../../domain/bewilligung/monat.ts';
import { ibanMaskiert, istGueltigeBic, pruefeIban } from '../../domain/zahlung/iban.ts';
import { recordAudit } from '../audit-trail.ts';
import { fehler, validationFailed, type FieldIssue } from '../errors.ts';
import { istSpeicherbar, UNZULAESSIGE_ZEICHEN } from '../schemas/grenzen.ts';
import { encrypt } from '../security/crypto.ts';
import { defineUseCase } from '../use-case.ts';
import { KDU_EMPFAENGER_IBAN_ZWECK } from '../zahlung/zahllauf.ts';
import { imTenant } from './fallakte-version.ts';
import { ladeBgFuerKduEmpfaenger, monatFeld, presentKduEmpfaenger } from './kdu-empfaenger-gemeinsam.ts';
import { protokolliere } from './protokolliere.ts';

const pflicht = (max: number, meldung: string) =>
  z.string({ error: meldung }).trim().min(1, { error: meldung }).max(max).refine(istSpeicherbar, { error: UNZULAESSIGE_ZEICHEN });
const leerAlsNull = <T extends z.ZodType>(s: T) => z.preprocess((v) => (typeof v === 'string' && v.trim() === '' ? null : v), s.nullable());

export const kduEmpfaengerEintragenSchema = z.strictObject({
  id: z.string().max(100).describe('Fallakte (UUID)'),
  name: pflicht(70, 'Bitte den Namen des Empfängers (Vermieterin, Vermieter, Wohnungsunternehmen) angeben.').describe('Name des Empfängers (SEPA: höchstens 70 Zeichen)'),
  iban: pflicht(50, 'Bitte die IBAN des Empfängers angeben.').describe('IBAN, Leerzeichen erlaubt'),
  bic: leerAlsNull(z.string().trim().max(11)).optional().describe('BIC (optional)'),
  vonMonat: monatFeld('Bitte den ersten Monat angeben.'),
  bisMonat: leerAlsNull(monatFeld('Bitte einen Monat im Format JJJJ-MM angeben.')).optional().describe('letzter Monat; leer = offen'),
  grund: pflicht(500, 'Bitte den Grund angeben (z. B. Wegfall nach § 7b Abs. 4 SGB II, Antrag nach § 22 Abs. 7 SGB II).'),
  verfahrenId: leerAlsNull(z.uuid({ error: 'Das Minderungsverfahren ist keine gültige Kennung.' })).optional(),
});

/**
 * Enters a payee of the BG's KdU (§ 22 Abs. 7 SGB II; after a § 7b Abs. 4 lapse in a Mehrpersonen-BG the KdU go to
 * the landlord): from the first month not yet paid, months of another payee of the BG never overlap (checked under a
 * lock of the BG's payees). The IBAN is checked for SEPA and stored encrypted; answers show it masked only.
 * Permission as for the BG's bank account ('fall.bankdaten', Standort reach of the Fallakte).
 */
export const kduEmpfaengerEintragen = defineUseCase({
  name: 'fall.kdu-empfaenger-eintragen',
  zugang: 'fall.bankdaten',
  input: kduEmpfaengerEintragenSchema,
  audit: ['kdu_empfaenger.create', 'fallakte.update'],
  run: async ({ ctx, actor, input, tx: aussen }) => {
    const issues: FieldIssue[] = [];
    const iban = pruefeIban(input.iban);
    if (!iban.gueltig) issues.push({ path: 'iban', code: iban.code, message: iban.message });
    const bic = input.bic ? input.bic.replace(/\s+/g, '').toUpperCase() : null;
    if (!istGueltigeBic(bic)) issues.push({ path: 'bic', code: 'bic_ungueltig', message: 'Die BIC ist ungültig (8 oder 11 Zeichen).' });
    const bis = input.bisMonat ?? null;
    if (bis !== null && bis < input.vonMonat) issues.push({ path: 'bisMonat', code: 'bis_vor_von', message: 'Der letzte Monat liegt vor dem ersten.' });
    if (issues.length > 0) throw validationFailed(issues);
    return imTenant(ctx, actor, aussen, async (tx) => {
      const bg = await ladeBgFuerKduEmpfaenger(tx, actor, input.id);
      await kduEmpfaengerRepository.sperreBg(tx, bg.id);
      const gezahlt = await bewilligungRepository.gezahltBis(tx, bg.id);
      if (gezahlt !== null && input.vonMonat <= gezahlt) {
        throw validationFailed([
          { path: 'vonMonat', code: 'monat_bereits_gezahlt', message: `Die Leistung ist bis ${monatText(gezahlt)} schon ausgezahlt; der Empfänger kann frühestens ab dem folgenden Monat eingetragen werden.` },
        ]);
      }
      if (input.verfahrenId && !(await kduEmpfaengerRepository.verfahrenDerBg(tx, input.verfahrenId, bg.id))) {
        throw validationFailed([{ path: 'verfahrenId', code: 'verfahren_unbekannt', message: 'Zu dieser Fallakte gibt es kein solches Minderungsverfahren.' }]);
      }
      const andere = await kduEmpfaengerRepository.ueberschneidend(tx, bg.id, input.vonMonat, bis);
      if (andere.length > 0) {
        const a = andere[0]!;
        throw fehler('kdu_empfaenger_ueberschneidung', {
          meldung: `Für ${monatText(a.vonMonat)}${a.bisMonat ? ` bis ${monatText(a.bisMonat)}` : ' und später'} ist bereits „${a.name}“ als Empfänger der Kosten der Unterkunft eingetragen. Beenden Sie diesen Eintrag zuerst.`,
          issues: [{ path: 'vonMonat', code: 'kdu_empfaenger_ueberschneidung', message: 'Die Monate überschneiden sich mit einem anderen Empfänger.' }],
        });
      }
      const klar = (iban as { iban: string }).iban;
      const row = await kduEmpfaengerRepository.insert(tx, {
        traegerId: actor.traegerId,
        bgId: bg.id,
        name: input.name,
        ibanEnc: encrypt(ctx.config.secret, KDU_EMPFAENGER_IBAN_ZWECK, klar),
        ibanMaskiert: ibanMaskiert(klar),
        bic,
        vonMonat: input.vonMonat,
        bisMonat: bis,
        grund: input.grund,
        verfahrenId: input.verfahrenId ?? null,
        createdBy: actor.userId,
      });
      await recordAudit(tx, actor, {
        objectType: 'kdu_empfaenger',
        objectId: row.id,
        action: 'create',
        purpose: 'Leistungssachbearbeitung: Kosten der Unterkunft an Vermieter zahlen',
        details: { bgId: bg.id, von: row.vonMonat, bis: row.bisMonat, verfahrenId: row.verfahrenId },
      });
      await protokolliere(tx, actor, {
        bgId: bg.id,
        art: 'kdu_empfaenger',
        // the history names the payee and the months, not the account number (readers without bank rights see it)
        beschreibung: `Kosten der Unterkunft ab ${monatText(row.vonMonat)}${row.bisMonat ? ` bis ${monatText(row.bisMonat)}` : ''} an ${row.name} (Konto endet auf …${klar.slice(-4)}).`,
        details: { von: row.vonMonat, bis: row.bisMonat },
        zweck: 'Leistungssachbearbeitung: Kosten der Unterkunft an Vermieter zahlen',
      });
      return presentKduEmpfaenger(row);
    });
  },
});
