import { erstantragFlow, veraenderungFlows, weiterbewilligungFlow, type Flow, type Veraenderungsart } from '../../domain/formular/index.ts';

/** Every flow the portal serves, by the id used in URLs and drafts, and the Antrag art it becomes. */
export type PortalFlow = { id: string; flow: Flow; art: 'erstantrag' | 'weiterbewilligung' | 'veraenderung'; titel: string; veraenderungsart?: Veraenderungsart };

const eintraege: PortalFlow[] = [
  { id: 'erstantrag', flow: erstantragFlow as unknown as Flow, art: 'erstantrag', titel: 'antrag.antrag.titel' },
  { id: 'weiterbewilligung', flow: weiterbewilligungFlow as unknown as Flow, art: 'weiterbewilligung', titel: 'wba.antrag.titel' },
  ...Object.entries(veraenderungFlows).map(([art, flow]) => ({
    id: `veraenderung-${art.replace('_', '-')}`,
    flow: flow as unknown as Flow,
    art: 'veraenderung' as const,
    titel: `vm.${art}.titel`,
    veraenderungsart: art as Veraenderungsart,
  })),
];

export const PORTAL_FLOWS: ReadonlyMap<string, PortalFlow> = new Map(eintraege.map((e) => [e.id, e]));

export function portalFlow(id: string): PortalFlow | undefined {
  return PORTAL_FLOWS.get(id);
}
