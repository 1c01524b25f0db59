-- PostgreSQL only: each committed progress change notifies every node (LISTEN sightline_progress),
-- so SSE subscribers anywhere in the cluster get it at once. The payload is "<task id>:<sequence>";
-- nodes read the change itself from task_changes. NOTIFY is transactional: sent on commit only.
CREATE OR REPLACE FUNCTION sightline_notify_progress() RETURNS trigger AS $$
BEGIN
    PERFORM pg_notify('sightline_progress', NEW.task_id::text || ':' || NEW.seq::text);
    RETURN NEW;
END
$$ LANGUAGE plpgsql;

CREATE TRIGGER task_changes_notify AFTER INSERT ON task_changes
    FOR EACH ROW EXECUTE FUNCTION sightline_notify_progress();
