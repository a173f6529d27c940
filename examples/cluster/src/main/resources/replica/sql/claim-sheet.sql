-- Claims the oldest sample sheet that is not done and whose lease is free or has run out, for lease_seconds, in one
-- statement: SKIP LOCKED lets replicas claiming at the same moment take different sheets without waiting on each
-- other. A sheet whose replica died (SIGKILL, lost node) is claimed again when its lease runs out.
UPDATE omics_sample_sheets
   SET claimed_by = current_setting('application_name'),
       claimed_until = now() + make_interval(secs => lease_seconds),
       attempts = attempts + 1
 WHERE id = (SELECT id FROM omics_sample_sheets
              WHERE done_at IS NULL AND (claimed_until IS NULL OR claimed_until < now())
              ORDER BY id
              LIMIT 1
              FOR UPDATE SKIP LOCKED)
RETURNING id, name, sheet, attempts
