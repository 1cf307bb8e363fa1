-- Session lookup in one round trip (issue 12, booking throughput): the session of a token hash with its account, its
-- Träger and the account's Standorte, as one JSON value. SECURITY DEFINER because the Träger is not known yet (the
-- same cross-Träger read `withSystem` did before); it needs the hash of the secret token and returns only an active,
-- unexpired, not revoked session.
CREATE OR REPLACE FUNCTION vorort_sitzung_zum_token(p_hash text) RETURNS json
LANGUAGE sql STABLE SECURITY DEFINER SET search_path = public, pg_temp AS $$
  SELECT json_build_object(
    'session', row_to_json(s),
    'user', row_to_json(u),
    'traeger', row_to_json(t),
    'standorte', coalesce((
      SELECT json_agg(json_build_object('id', st.id, 'name', st.name) ORDER BY st.name)
        FROM user_standorte us
        JOIN standorte st ON st.traeger_id = us.traeger_id AND st.id = us.standort_id
       WHERE us.traeger_id = u.traeger_id AND us.user_id = u.id), '[]'::json))
    FROM sessions s
    JOIN users u ON u.traeger_id = s.traeger_id AND u.id = s.user_id
    JOIN traeger t ON t.id = s.traeger_id
   WHERE s.token_hash = p_hash AND s.revoked_at IS NULL AND s.expires_at > now()
   LIMIT 1
$$;
--> statement-breakpoint
REVOKE ALL ON FUNCTION vorort_sitzung_zum_token(text) FROM PUBLIC;
--> statement-breakpoint
GRANT EXECUTE ON FUNCTION vorort_sitzung_zum_token(text) TO vorort_app;
