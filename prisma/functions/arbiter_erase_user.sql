CREATE OR REPLACE FUNCTION public.arbiter_erase_user(p_user uuid, p_delete_judgments boolean)
 RETURNS jsonb
 LANGUAGE plpgsql
AS $function$
-- Erases a person: what identifies them (email, name, platform ids, sign-in addresses and
-- devices, credentials) goes; their answers stay under the account id, which exports only
-- ever show as a keyed pseudonym, or are deleted with the items they had filled reopened.
-- The caller records the erasure in the audit log, without the erased data.
DECLARE
  v_email text;
  v_name text;
  v_deleted int := 0;
  v_reopened int := 0;
BEGIN
  SELECT email, name INTO v_email, v_name FROM users WHERE id = p_user AND erased_at IS NULL FOR UPDATE;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;

  IF p_delete_judgments THEN
    WITH counted AS (
      SELECT item_id, count(*)::int AS n FROM judgments
       WHERE annotator_id = p_user AND counted AND superseded_at IS NULL GROUP BY item_id),
    reopened AS (
      UPDATE items i
         SET judgments_count = i.judgments_count - c.n,
             status = CASE WHEN i.status = 'COMPLETE' THEN 'OPEN'::"ItemStatus" ELSE i.status END,
             completed_at = CASE WHEN i.status = 'COMPLETE' THEN NULL ELSE i.completed_at END
        FROM counted c WHERE i.id = c.item_id
      RETURNING i.status)
    SELECT count(*)::int INTO v_reopened FROM reopened;
    -- Their assignments go too (with them the judgments, by cascade): nothing ties the
    -- items to the person any more.
    WITH gone AS (DELETE FROM judgments WHERE annotator_id = p_user RETURNING 1)
    SELECT count(*)::int INTO v_deleted FROM gone;
    DELETE FROM assignments WHERE annotator_id = p_user;
    DELETE FROM annotator_states WHERE user_id = p_user;
  END IF;

  DELETE FROM sessions WHERE user_id = p_user;
  DELETE FROM api_keys WHERE user_id = p_user;
  DELETE FROM external_identities WHERE user_id = p_user;
  DELETE FROM invite_claims WHERE user_id = p_user;
  DELETE FROM pool_members WHERE user_id = p_user;
  DELETE FROM login_throttles WHERE email_hash = encode(sha256(convert_to(v_email, 'UTF8')), 'hex');

  -- The log keeps what happened, not who it was: their addresses, and their email and name
  -- wherever an event recorded them as a value.
  UPDATE audit_events
     SET ip = CASE WHEN actor_id = p_user THEN NULL ELSE ip END,
         data = replace(replace(data::text, to_jsonb(v_email)::text, '"[erased]"'),
                        to_jsonb(v_name)::text, '"[erased]"')::jsonb
   WHERE actor_id = p_user OR target_id = p_user::text OR strpos(data::text, to_jsonb(v_email)::text) > 0;

  UPDATE users
     SET email = 'erased-' || id || '@erased.invalid', name = 'Erased user', password_hash = NULL,
         password_changed_at = NULL, locale = NULL, status = 'SUSPENDED', erased_at = now()
   WHERE id = p_user;

  RETURN jsonb_build_object('judgmentsDeleted', v_deleted, 'itemsReopened', v_reopened);
END $function$;
