import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { users } from '../../src/db/schema/index.ts';
import { createTestApp, signIn, type TestApp } from '../helpers/app.ts';

let t: TestApp;
let musterland: string;
let beispielstadt: string;

beforeAll(async () => {
  t = await createTestApp({ seed: true });
  const rows = await t.ctx.db.withSystem((tx) => tx.execute<{ id: string; slug: string }>(sql`select id, slug from traeger`));
  musterland = rows.rows.find((r) => r.slug === 'musterland')!.id;
  beispielstadt = rows.rows.find((r) => r.slug === 'beispielstadt')!.id;
});
afterAll(() => t.close());

describe('row-level security', () => {
  it('a query without the tenant setting returns nothing', async () => {
    const client = await t.ctx.db.pool.connect();
    try {
      // A fresh pooled connection runs as the application role vorort_app.
      const role = await client.query('select current_user');
      expect(role.rows[0].current_user).toBe('vorort_app');
      const res = await client.query('select count(*)::int as n from users');
      expect(res.rows[0].n).toBe(0);
      const kommunen = await client.query('select count(*)::int as n from kommunen');
      expect(kommunen.rows[0].n).toBe(0);
    } finally {
      client.release();
    }
  });

  it('a tenant transaction sees only its own Träger', async () => {
    const own = await t.ctx.db.withTenant({ traegerId: beispielstadt }, (tx) => tx.select().from(users));
    expect(own.length).toBe(1);
    expect(own.every((u) => u.traegerId === beispielstadt)).toBe(true);
    const all = await t.ctx.db.withSystem((tx) => tx.select().from(users));
    expect(all.some((u) => u.traegerId === musterland)).toBe(true);
  });

  it('refuses to write rows of another Träger', async () => {
    await expect(
      t.ctx.db.withTenant({ traegerId: beispielstadt }, (tx) =>
        tx.insert(users).values({ traegerId: musterland, art: 'staff', email: 'x@y.example', name: 'X', roles: ['admin'] }),
      ),
    ).rejects.toMatchObject({ cause: { code: '42501' } }); // insufficient_privilege: violates row-level security policy
  });

  it('every table with a traeger_id column has row-level security and a policy', async () => {
    const res = await t.ctx.db.withSystem((tx) =>
      tx.execute<{ table_name: string; rls: boolean; policies: number }>(sql`
        select c.table_name, cl.relrowsecurity as rls,
               (select count(*)::int from pg_policies p where p.tablename = c.table_name) as policies
        from information_schema.columns c
        join pg_class cl on cl.relname = c.table_name and cl.relkind in ('r', 'p')
        where c.table_schema = 'public' and c.column_name = 'traeger_id'`),
    );
    expect(res.rows.length).toBeGreaterThan(5);
    for (const row of res.rows) {
      expect(row, row.table_name).toMatchObject({ rls: true });
      expect(row.policies, row.table_name).toBeGreaterThan(0);
    }
  });
});

describe('API sign-in contract', () => {
  it('signs in and returns the person with Träger and Standorte', async () => {
    const jar = await signIn(t.app, 'leistung@musterland.example');
    const me = await t.app.inject({ url: '/api/me', headers: { cookie: jar.header() } });
    expect(me.statusCode).toBe(200);
    expect(me.json()).toMatchObject({
      email: 'leistung@musterland.example',
      roles: ['leistung'],
      traeger: { id: musterland, name: 'Kreis Musterland' },
      standorte: [{ name: 'Jobcenter Musterstadt' }],
    });
  });

  it('rejects a wrong password with invalid_credentials', async () => {
    const res = await t.app.inject({ method: 'POST', url: '/api/auth/login', payload: { email: 'admin@musterland.example', password: 'falsch' } });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toBe('invalid_credentials');
  });

  it('answers 401 on /api/me without a session', async () => {
    const res = await t.app.inject({ url: '/api/me' });
    expect(res.statusCode).toBe(401);
    expect(res.json().error).toBe('unauthenticated');
  });
});
