import { z } from 'zod';

/** zod's messages in German for every schema (people read them; the issue `code` stays for machines). */
z.config(z.locales.de());
