/**
 * The one place zod is imported from. Jitless mode must be set before any schema is built so the
 * app runs under a Content-Security-Policy without 'unsafe-eval'.
 */
import { z } from 'zod';

z.config({ jitless: true });

export { z };
