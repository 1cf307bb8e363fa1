-- Mail outbox (src/db/schema/mail.ts): row-level security like every table with Jobcenter data.
SELECT vorort_enable_tenant_rls('mail_ausgang');
