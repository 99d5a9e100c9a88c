-- Why a HAR read only in part broke off (where, and how many complete entries were read before the break), in a
-- column of its own: "reason" says why a file could not be read at all. Portable SQL, as in V1.
ALTER TABLE evidence ADD COLUMN partial_reason VARCHAR(2000);

-- Rows analyzed in part kept that explanation in "reason" until now.
UPDATE evidence SET partial_reason = reason, reason = NULL WHERE partial_input = TRUE AND status = 'ANALYZED';
