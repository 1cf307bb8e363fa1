import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { AppContext } from '../context.ts';
import { apiRoute } from '../use-case.ts';
import { kduEmpfaengerBeenden, kduEmpfaengerBeendenSchema } from './kdu-empfaenger-beenden.ts';
import { kduEmpfaengerEintragen, kduEmpfaengerEintragenSchema } from './kdu-empfaenger-eintragen.ts';
import { kduEmpfaengerAntwort } from './kdu-empfaenger-gemeinsam.ts';
import { kduEmpfaengerListe } from './kdu-empfaenger-liste.ts';

const tags = ['Fallakte'];
const idParams = z.object({ id: z.string().max(100).describe('Fallakte (UUID)') });

/**
 * JSON API of the payees of a BG's KdU (§ 22 Abs. 7, § 7b Abs. 4 SGB II; table kdu_empfaenger): the Zahllauf pays the
 * month's KdU to the payee and the rest to the BG. 'fall.bankdaten' (leistung, teamleitung) at the Fallakte's Standort.
 */
export function registerKduEmpfaengerRoutes(app: FastifyInstance, ctx: AppContext) {
  apiRoute(app, ctx, {
    method: 'GET',
    url: '/api/faelle/:id/kdu-empfaenger',
    useCase: kduEmpfaengerListe,
    tags,
    summary: 'Empfänger der Kosten der Unterkunft (Vermieter) der Bedarfsgemeinschaft, IBAN maskiert',
    params: idParams,
    response: z.object({ bgId: z.string(), eintraege: z.array(kduEmpfaengerAntwort) }),
  });
  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/faelle/:id/kdu-empfaenger',
    useCase: kduEmpfaengerEintragen,
    status: 201,
    tags,
    summary:
      'Kosten der Unterkunft ab einem Monat an einen Empfänger (Vermieter) zahlen; 409 kdu_empfaenger_ueberschneidung bei überlappenden Monaten, 400 bei ungültiger IBAN oder schon ausgezahltem Monat',
    params: idParams,
    body: kduEmpfaengerEintragenSchema.omit({ id: true }),
    response: kduEmpfaengerAntwort,
  });
  apiRoute(app, ctx, {
    method: 'POST',
    url: '/api/faelle/:id/kdu-empfaenger/:empfaengerId/ende',
    useCase: kduEmpfaengerBeenden,
    tags,
    summary: 'Zahlung der Kosten der Unterkunft an den Empfänger mit einem Monat beenden (nur verkürzen; 409 version_conflict)',
    params: idParams.extend({ empfaengerId: z.string().max(100).describe('Eintrag (UUID)') }),
    body: kduEmpfaengerBeendenSchema.omit({ id: true, empfaengerId: true }),
    response: kduEmpfaengerAntwort,
  });
}
