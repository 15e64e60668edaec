-- bill art. 4 al. 5 (SPEC FIL-09, RET-03): the retention job reminds the participant that exported an
-- own-file copy before the copy falls due, once per copy, and tells each participant holding copies past
-- their due date to read its report, once a month (the notification is dated on the first of the month).
-- A rerun of the job, or a second instance, writes nothing more.
CREATE UNIQUE INDEX notifications_own_file_copy_due_soon_once ON notifications (organisation_id, kind, subject_id)
  WHERE kind = 'own_file_copy_due_soon';
CREATE UNIQUE INDEX notifications_own_file_copies_overdue_monthly ON notifications (organisation_id, kind, created_at)
  WHERE kind = 'own_file_copies_overdue';
