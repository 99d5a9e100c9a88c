-- Disabling an account now revokes its API tokens for good (enabling it again no longer brings them back). Tokens
-- of accounts disabled before that are revoked here, so they do not come back either.
UPDATE api_token SET revoked = TRUE
 WHERE revoked = FALSE
   AND user_id IN (SELECT id FROM staff_user WHERE enabled = FALSE);
