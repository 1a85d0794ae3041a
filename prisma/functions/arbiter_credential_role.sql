CREATE OR REPLACE FUNCTION public.arbiter_credential_role(p_user uuid, p_api_key uuid, p_session uuid)
 RETURNS "Role"
 LANGUAGE plpgsql
 STABLE
AS $function$
BEGIN
  RETURN (
    SELECT u.role FROM users u
     WHERE u.id = p_user AND u.status = 'ACTIVE'
       AND (EXISTS (SELECT 1 FROM api_keys k
                     WHERE k.id = p_api_key AND k.user_id = p_user AND k.revoked_at IS NULL
                       AND (k.expires_at IS NULL OR k.expires_at > now()))
            OR EXISTS (SELECT 1 FROM sessions s
                        WHERE s.id = p_session AND s.user_id = p_user AND s.revoked_at IS NULL
                          AND s.expires_at > now())));
END;
$function$;
