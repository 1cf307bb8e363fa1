import { z } from 'zod';

/**
 * What a public auth use case knows about the request: the request id (audit), the client address (sign-in
 * throttle) and the browser. The adapter (API route or page) fills it from Fastify (`requestInfo`), never from the
 * body, so a client cannot choose it.
 */
export const anfrageSchema = z.object({ requestId: z.string(), ip: z.string(), userAgent: z.string() });
