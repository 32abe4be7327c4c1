-- Article records are stored as they came, out of line but not compressed: pglz compression of every record
-- cost PostgreSQL more CPU than any other part of storing it (deploy/bench), for about half the disk space.
alter table article alter column document set storage external;
