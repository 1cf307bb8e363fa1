import type { FastifyReply } from 'fastify';

/** A letter of a Minderungsverfahren (Anhörung, Bescheid) as a download: private, never cached, never sniffed. */
export const pdfSenden = (reply: FastifyReply, d: { pdf: Buffer; dateiname: string }) =>
  reply
    .header('content-type', 'application/pdf')
    .header('content-disposition', `attachment; filename="${d.dateiname.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
    .header('cache-control', 'private, no-store')
    .header('x-content-type-options', 'nosniff')
    .send(d.pdf);
