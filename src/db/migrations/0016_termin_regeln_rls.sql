-- Termine rules per Träger (docs/termine.md, „Regeln des Trägers“): row-level security like every tenant table.
SELECT vorort_enable_tenant_rls('termin_regeln');
