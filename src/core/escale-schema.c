/* escale-schema.c — the numbered migrations of the database
 *
 * Each entry is applied once, in order, inside one transaction, after a
 * backup of the file. Never edit a released migration: add a new one.
 *
 * SPDX-License-Identifier: GPL-3.0-or-later
 */
#include "escale-schema.h"

#define AUDIT_COLUMNS \
  "  created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),\n" \
  "  updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%SZ','now')),\n" \
  "  created_by TEXT,\n" \
  "  updated_by TEXT\n"

#define UUID_COLUMN \
  "  uuid TEXT NOT NULL UNIQUE DEFAULT (lower(hex(randomblob(16)))),\n"

static const char migration_1[] =
  "CREATE TABLE setting (\n"
  "  key TEXT PRIMARY KEY,\n"
  "  value TEXT\n"
  ");\n"

  "CREATE TABLE vocabulary (\n"
  "  id INTEGER PRIMARY KEY,\n"
  UUID_COLUMN
  "  kind TEXT NOT NULL,\n"
  "  code TEXT NOT NULL,\n"
  "  sort_order INTEGER NOT NULL DEFAULT 0,\n"
  "  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),\n"
  "  builtin INTEGER NOT NULL DEFAULT 0 CHECK (builtin IN (0, 1)),\n"
  AUDIT_COLUMNS ","
  "  UNIQUE (kind, code)\n"
  ");\n"

  "CREATE TABLE vocabulary_label (\n"
  "  id INTEGER PRIMARY KEY,\n"
  UUID_COLUMN
  "  vocabulary_id INTEGER NOT NULL REFERENCES vocabulary (id) ON DELETE CASCADE,\n"
  "  language TEXT NOT NULL,\n"
  "  label TEXT NOT NULL,\n"
  AUDIT_COLUMNS ","
  "  UNIQUE (vocabulary_id, language)\n"
  ");\n"

  "CREATE TABLE household (\n"
  "  id INTEGER PRIMARY KEY,\n"
  UUID_COLUMN
  "  name TEXT,\n"
  "  import_key TEXT UNIQUE,\n"
  AUDIT_COLUMNS
  ");\n"

  "CREATE TABLE person (\n"
  "  id INTEGER PRIMARY KEY,\n"
  UUID_COLUMN
  "  file_number TEXT NOT NULL UNIQUE,\n"
  "  family_name TEXT NOT NULL CHECK (trim(family_name) <> ''),\n"
  "  given_names TEXT,\n"
  "  sex TEXT CHECK (sex IN ('F', 'M', 'X')),\n"
  "  birth_date TEXT,\n"
  "  birth_precision TEXT CHECK (birth_precision IN ('exact', 'month', 'year', 'estimated')),\n"
  "  birth_country TEXT,\n"
  "  phone TEXT,\n"
  "  email TEXT,\n"
  "  address TEXT,\n"
  "  postal_code TEXT,\n"
  "  city TEXT,\n"
  "  arrival_date TEXT,\n"
  "  referent TEXT,\n"
  "  referred_by TEXT,\n"
  "  first_contact TEXT,\n"
  "  consent_date TEXT,\n"
  "  consent_scope TEXT,\n"
  "  consent_informed TEXT,\n"
  "  closed_on TEXT,\n"
  "  close_reason TEXT,\n"
  "  retention_date TEXT,\n"
  "  notes TEXT,\n"
  "  sort_key TEXT NOT NULL DEFAULT '',\n"
  "  given_key TEXT NOT NULL DEFAULT '',\n"
  "  phone_key TEXT,\n"
  AUDIT_COLUMNS
  ");\n"
  "CREATE INDEX person_sort ON person (sort_key, id);\n"
  "CREATE INDEX person_given ON person (given_key, id);\n"
  "CREATE INDEX person_phone ON person (phone_key, id) WHERE phone_key IS NOT NULL;\n"
  "CREATE INDEX person_referent ON person (referent);\n"

  "CREATE TABLE person_name (\n"
  "  id INTEGER PRIMARY KEY,\n"
  UUID_COLUMN
  "  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,\n"
  "  name TEXT NOT NULL CHECK (trim(name) <> ''),\n"
  AUDIT_COLUMNS
  ");\n"
  "CREATE INDEX person_name_person ON person_name (person_id);\n"

  "CREATE TABLE person_nationality (\n"
  "  id INTEGER PRIMARY KEY,\n"
  UUID_COLUMN
  "  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,\n"
  "  country TEXT NOT NULL,\n"
  AUDIT_COLUMNS ","
  "  UNIQUE (person_id, country)\n"
  ");\n"

  "CREATE TABLE person_language (\n"
  "  id INTEGER PRIMARY KEY,\n"
  UUID_COLUMN
  "  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,\n"
  "  language TEXT NOT NULL,\n"
  "  level TEXT CHECK (level IN ('native', 'fluent', 'basic')),\n"
  "  interpreter INTEGER NOT NULL DEFAULT 0 CHECK (interpreter IN (0, 1)),\n"
  AUDIT_COLUMNS ","
  "  UNIQUE (person_id, language)\n"
  ");\n"

  "CREATE TABLE status_period (\n"
  "  id INTEGER PRIMARY KEY,\n"
  UUID_COLUMN
  "  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,\n"
  "  status TEXT NOT NULL,\n"
  "  started_on TEXT,\n"
  "  ended_on TEXT,\n"
  "  document TEXT,\n"
  "  document_expiry TEXT,\n"
  AUDIT_COLUMNS
  ");\n"
  "CREATE INDEX status_period_person ON status_period (person_id, started_on);\n"
  "CREATE INDEX status_period_expiry ON status_period (document_expiry)"
  " WHERE document_expiry IS NOT NULL;\n"

  "CREATE TABLE household_member (\n"
  "  id INTEGER PRIMARY KEY,\n"
  UUID_COLUMN
  "  household_id INTEGER NOT NULL REFERENCES household (id) ON DELETE CASCADE,\n"
  "  person_id INTEGER NOT NULL UNIQUE REFERENCES person (id) ON DELETE CASCADE,\n"
  "  role TEXT NOT NULL DEFAULT 'other',\n"
  AUDIT_COLUMNS
  ");\n"
  "CREATE INDEX household_member_household ON household_member (household_id);\n"

  /* The current status of each person, kept by the store for filters. */
  "CREATE TABLE person_current (\n"
  "  person_id INTEGER PRIMARY KEY REFERENCES person (id) ON DELETE CASCADE,\n"
  "  status TEXT\n"
  ");\n"
  "CREATE INDEX person_current_status ON person_current (status);\n"

  /* Search: our own folded text (see escale-text.c), indexed twice: by word
   * prefix and by trigram for in-word matches. rowid = person.id. */
  "CREATE VIRTUAL TABLE person_search USING fts5 (\n"
  "  names, numbers,\n"
  "  tokenize = \"unicode61 remove_diacritics 2 tokenchars '-'\",\n"
  "  prefix = '1 2 3',\n"
  "  detail = column\n"
  ");\n"
  "CREATE VIRTUAL TABLE person_trigram USING fts5 (\n"
  "  text,\n"
  "  tokenize = 'trigram',\n"
  "  detail = none\n"
  ");\n"
  /* One row per word skeleton of each name, for duplicate suggestions. */
  "CREATE TABLE person_skeleton (\n"
  "  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,\n"
  "  skeleton TEXT NOT NULL,\n"
  "  PRIMARY KEY (skeleton, person_id)\n"
  ") WITHOUT ROWID;\n"
  "CREATE INDEX person_skeleton_person ON person_skeleton (person_id);\n"
  ;

/* Follow-up: programmes and enrolments, actions (the timeline entries),
 * their themes and the participants of group sessions. */
static const char migration_2[] =
  "CREATE TABLE programme (\n"
  "  id INTEGER PRIMARY KEY,\n"
  UUID_COLUMN
  "  code TEXT NOT NULL UNIQUE CHECK (trim(code) <> ''),\n"
  "  name TEXT NOT NULL CHECK (trim(name) <> ''),\n"
  "  started_on TEXT,\n"
  "  ended_on TEXT,\n"
  "  target_people INTEGER CHECK (target_people >= 0),\n"
  "  notes TEXT,\n"
  AUDIT_COLUMNS ","
  "  CHECK (ended_on >= started_on)\n"
  ");\n"

  "CREATE TABLE programme_funder (\n"
  "  id INTEGER PRIMARY KEY,\n"
  UUID_COLUMN
  "  programme_id INTEGER NOT NULL REFERENCES programme (id) ON DELETE CASCADE,\n"
  "  funder TEXT NOT NULL CHECK (trim(funder) <> ''),\n"
  AUDIT_COLUMNS ","
  "  UNIQUE (programme_id, funder)\n"
  ");\n"

  "CREATE TABLE enrolment (\n"
  "  id INTEGER PRIMARY KEY,\n"
  UUID_COLUMN
  "  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,\n"
  "  programme_id INTEGER NOT NULL REFERENCES programme (id) ON DELETE CASCADE,\n"
  "  entry_date TEXT NOT NULL,\n"
  "  exit_date TEXT,\n"
  "  exit_reason TEXT,\n"
  AUDIT_COLUMNS ","
  "  CHECK (exit_date >= entry_date)\n"
  ");\n"
  "CREATE INDEX enrolment_person ON enrolment (person_id);\n"
  "CREATE INDEX enrolment_programme ON enrolment (programme_id, entry_date);\n"

  "CREATE TABLE action (\n"
  "  id INTEGER PRIMARY KEY,\n"
  UUID_COLUMN
  "  scope TEXT NOT NULL DEFAULT 'person' CHECK (scope IN ('person', 'household', 'group')),\n"
  "  person_id INTEGER REFERENCES person (id) ON DELETE CASCADE,\n"
  "  household_id INTEGER REFERENCES household (id) ON DELETE CASCADE,\n"
  "  date TEXT NOT NULL CHECK (date GLOB '[0-9][0-9][0-9][0-9]-[0-9][0-9]-[0-9][0-9]'),\n"
  "  time TEXT CHECK (time GLOB '[0-2][0-9]:[0-5][0-9]'),\n"
  "  duration_minutes INTEGER CHECK (duration_minutes >= 0),\n"
  "  type TEXT NOT NULL,\n"
  "  status TEXT NOT NULL CHECK (status IN ('planned', 'done', 'cancelled', 'missed')),\n"
  "  worker TEXT,\n"
  "  programme_id INTEGER REFERENCES programme (id) ON DELETE SET NULL,\n"
  "  partner TEXT,\n"
  "  referral_outcome TEXT\n"
  "    CHECK (referral_outcome IN ('pending', 'accepted', 'refused', 'completed')),\n"
  "  amount_cents INTEGER CHECK (amount_cents >= 0),\n"
  "  notes TEXT,\n"
  "  next_step TEXT,\n"
  "  next_step_due TEXT,\n"
  "  follows_action_id INTEGER REFERENCES action (id) ON DELETE SET NULL,\n"
  AUDIT_COLUMNS ","
  "  CHECK ((scope = 'person' AND person_id IS NOT NULL AND household_id IS NULL)\n"
  "      OR (scope = 'household' AND household_id IS NOT NULL AND person_id IS NULL)\n"
  "      OR (scope = 'group' AND person_id IS NULL AND household_id IS NULL))\n"
  ");\n"
  "CREATE INDEX action_person ON action (person_id, date, time) WHERE person_id IS NOT NULL;\n"
  "CREATE INDEX action_household ON action (household_id, date)"
  " WHERE household_id IS NOT NULL;\n"
  "CREATE INDEX action_agenda ON action (status, date);\n"
  "CREATE INDEX action_date ON action (date);\n"
  "CREATE INDEX action_follows ON action (follows_action_id)"
  " WHERE follows_action_id IS NOT NULL;\n"
  "CREATE INDEX action_programme ON action (programme_id) WHERE programme_id IS NOT NULL;\n"

  "CREATE TABLE action_theme (\n"
  "  action_id INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,\n"
  "  theme TEXT NOT NULL,\n"
  "  PRIMARY KEY (action_id, theme)\n"
  ") WITHOUT ROWID;\n"
  "CREATE INDEX action_theme_theme ON action_theme (theme, action_id);\n"

  "CREATE TABLE action_participant (\n"
  "  id INTEGER PRIMARY KEY,\n"
  UUID_COLUMN
  "  action_id INTEGER NOT NULL REFERENCES action (id) ON DELETE CASCADE,\n"
  "  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,\n"
  "  attended INTEGER CHECK (attended IN (0, 1)),\n"
  AUDIT_COLUMNS ","
  "  UNIQUE (action_id, person_id)\n"
  ");\n"
  "CREATE INDEX action_participant_person ON action_participant (person_id);\n"
  ;

/* Version 3: what the agenda needs to stay fast on a million actions.
 *
 * person.last_contact is the date of the person's last done action that
 * counts as a contact (their own, their household's, or a group session
 * they did not miss) and person.silent_since that date, or the local day the
 * file was created when there is none: the "lost contact" list is a range
 * of an index on it. Triggers keep both right whatever writes the actions,
 * households or participants: inserts only move the date forward, other
 * changes recompute it for the people concerned.
 * person_current also keeps the current status period (the one that
 * started last) and its document's expiry, kept by triggers too. */
#define SILENT_SINCE(row) \
  "coalesce (" row ".last_contact, date (" row ".created_at, 'localtime'))"

#define RECOMPUTE_CONTACT_WHERE \
  "UPDATE person SET last_contact = " ESCALE_LAST_CONTACT_OF ("person.id") " WHERE "

#define CURRENT_PERIOD_WHERE \
  "UPDATE person_current SET (period_id, document_expiry) = (SELECT id, document_expiry " \
  "FROM status_period s WHERE s.person_id = person_current.person_id " \
  "ORDER BY started_on DESC, id DESC LIMIT 1) WHERE "

static const char migration_3[] =
  "ALTER TABLE person ADD COLUMN last_contact TEXT;\n"
  "ALTER TABLE person ADD COLUMN silent_since TEXT;\n"
  "UPDATE person SET last_contact = " ESCALE_LAST_CONTACT_OF ("person.id") ";\n"
  "UPDATE person SET silent_since = coalesce (last_contact, date (created_at, 'localtime'));\n"
  "CREATE INDEX person_silence ON person (silent_since) WHERE closed_on IS NULL;\n"
  "CREATE INDEX action_planned_worker ON action (worker, date) WHERE status = 'planned';\n"
  /* Periods of actions are ranges of action_agenda (status, date). */
  "DROP INDEX action_date;\n"
  /* The current status period's document expiry, for the agenda. */
  "ALTER TABLE person_current ADD COLUMN document_expiry TEXT;\n"
  "ALTER TABLE person_current ADD COLUMN period_id INTEGER;\n"
  "INSERT OR IGNORE INTO person_current (person_id) SELECT DISTINCT person_id FROM status_period;\n"
  CURRENT_PERIOD_WHERE "1;\n"
  "CREATE INDEX person_current_expiry ON person_current (document_expiry)"
  " WHERE document_expiry IS NOT NULL;\n"
  "CREATE TRIGGER period_current_insert AFTER INSERT ON status_period BEGIN\n"
  "  INSERT OR IGNORE INTO person_current (person_id) VALUES (NEW.person_id);\n"
  "  " CURRENT_PERIOD_WHERE "person_id = NEW.person_id;\n"
  "END;\n"
  "CREATE TRIGGER period_current_update AFTER UPDATE ON status_period BEGIN\n"
  "  " CURRENT_PERIOD_WHERE "person_id IN (OLD.person_id, NEW.person_id);\n"
  "END;\n"
  "CREATE TRIGGER period_current_delete AFTER DELETE ON status_period BEGIN\n"
  "  " CURRENT_PERIOD_WHERE "person_id = OLD.person_id;\n"
  "END;\n"

  "CREATE TRIGGER person_silence_insert AFTER INSERT ON person BEGIN\n"
  "  UPDATE person SET silent_since = " SILENT_SINCE ("NEW") " WHERE id = NEW.id;\n"
  "END;\n"
  "CREATE TRIGGER person_silence_update AFTER UPDATE OF last_contact, created_at ON person"
  " WHEN NEW.silent_since IS NOT " SILENT_SINCE ("NEW") " BEGIN\n"
  "  UPDATE person SET silent_since = " SILENT_SINCE ("NEW") " WHERE id = NEW.id;\n"
  "END;\n"

  /* A new done action: its date, if later, for the people it concerns;
   * silent_since is set in the same write, as imports make many. */
  "CREATE TRIGGER action_contact_insert AFTER INSERT ON action"
  " WHEN NEW.status = 'done' AND NEW.scope = 'person' BEGIN\n"
  "  UPDATE person SET last_contact = NEW.date, silent_since = NEW.date"
  " WHERE id = NEW.person_id AND (last_contact IS NULL OR last_contact < NEW.date);\n"
  "END;\n"
  "CREATE TRIGGER household_contact_insert AFTER INSERT ON action"
  " WHEN NEW.status = 'done' AND NEW.scope = 'household' BEGIN\n"
  "  UPDATE person SET last_contact = NEW.date, silent_since = NEW.date"
  " WHERE id IN (SELECT person_id FROM household_member WHERE household_id = NEW.household_id)"
  " AND (last_contact IS NULL OR last_contact < NEW.date);\n"
  "END;\n"
  "CREATE TRIGGER participant_contact_insert AFTER INSERT ON action_participant"
  " WHEN coalesce (NEW.attended, 1) = 1 BEGIN\n"
  "  UPDATE person SET last_contact = (SELECT date FROM action WHERE id = NEW.action_id)"
  " WHERE id = NEW.person_id AND EXISTS (SELECT 1 FROM action WHERE id = NEW.action_id"
  " AND status = 'done' AND (person.last_contact IS NULL OR person.last_contact < date));\n"
  "END;\n"

  /* Any other change: recomputed for the people concerned before and after. */
  "CREATE TRIGGER action_contact_update AFTER UPDATE OF status, date, scope, person_id,"
  " household_id ON action WHEN OLD.status = 'done' OR NEW.status = 'done' BEGIN\n"
  "  " RECOMPUTE_CONTACT_WHERE "id IN (OLD.person_id, NEW.person_id)"
  " OR id IN (SELECT person_id FROM household_member"
  " WHERE household_id IN (OLD.household_id, NEW.household_id))"
  " OR id IN (SELECT person_id FROM action_participant WHERE action_id = NEW.id);\n"
  "END;\n"
  "CREATE TRIGGER action_contact_delete AFTER DELETE ON action"
  " WHEN OLD.status = 'done' AND OLD.scope <> 'group' BEGIN\n"
  "  " RECOMPUTE_CONTACT_WHERE "id = OLD.person_id"
  " OR id IN (SELECT person_id FROM household_member WHERE household_id = OLD.household_id);\n"
  "END;\n"
  "CREATE TRIGGER participant_contact_update AFTER UPDATE OF attended, person_id, action_id"
  " ON action_participant BEGIN\n"
  "  " RECOMPUTE_CONTACT_WHERE "id IN (OLD.person_id, NEW.person_id);\n"
  "END;\n"
  "CREATE TRIGGER participant_contact_delete AFTER DELETE ON action_participant BEGIN\n"
  "  " RECOMPUTE_CONTACT_WHERE "id = OLD.person_id;\n"
  "END;\n"
  "CREATE TRIGGER member_contact_insert AFTER INSERT ON household_member BEGIN\n"
  "  " RECOMPUTE_CONTACT_WHERE "id = NEW.person_id;\n"
  "END;\n"
  "CREATE TRIGGER member_contact_update AFTER UPDATE OF person_id, household_id"
  " ON household_member BEGIN\n"
  "  " RECOMPUTE_CONTACT_WHERE "id IN (OLD.person_id, NEW.person_id);\n"
  "END;\n"
  "CREATE TRIGGER member_contact_delete AFTER DELETE ON household_member BEGIN\n"
  "  " RECOMPUTE_CONTACT_WHERE "id = OLD.person_id;\n"
  "END;\n"
  ;

/* Version 4: the partner directory, its services and their capacity, and
 * referrals whose outcome is followed. Opening hours are slots per weekday
 * (1 = Monday … 7 = Sunday); a slot that closes before it opens runs over
 * midnight. A referral is an action of type referral with one row here:
 * the service (and its partner) it was sent to, and its state. */
static const char migration_4[] =
  "CREATE TABLE partner (\n"
  "  id INTEGER PRIMARY KEY,\n"
  UUID_COLUMN
  "  code TEXT UNIQUE CHECK (code IS NULL OR trim(code) <> ''),\n"
  "  name TEXT NOT NULL CHECK (trim(name) <> ''),\n"
  "  kind TEXT,\n"
  "  address TEXT,\n"
  "  postal_code TEXT,\n"
  "  city TEXT,\n"
  "  latitude REAL CHECK (latitude BETWEEN -90 AND 90),\n"
  "  longitude REAL CHECK (longitude BETWEEN -180 AND 180),\n"
  "  position_source TEXT CHECK (position_source IN "
  "('typed', 'map', 'postal_code', 'city', 'department', 'import')),\n"
  "  email TEXT,\n"
  "  website TEXT,\n"
  "  hours_note TEXT,\n"
  "  notes TEXT,\n"
  "  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),\n"
  "  search_key TEXT,\n"
  AUDIT_COLUMNS ","
  "  CHECK ((latitude IS NULL) = (longitude IS NULL))\n"
  ");\n"
  "CREATE INDEX partner_name ON partner (search_key);\n"
  "CREATE INDEX partner_kind ON partner (kind);\n"

  "CREATE TABLE partner_phone (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  partner_id INTEGER NOT NULL REFERENCES partner (id) ON DELETE CASCADE,\n"
  "  phone TEXT NOT NULL CHECK (trim(phone) <> ''),\n"
  "  label TEXT\n"
  ");\n"
  "CREATE INDEX partner_phone_partner ON partner_phone (partner_id);\n"

  "CREATE TABLE partner_language (\n"
  "  partner_id INTEGER NOT NULL REFERENCES partner (id) ON DELETE CASCADE,\n"
  "  language TEXT NOT NULL,\n"
  "  PRIMARY KEY (partner_id, language)\n"
  ") WITHOUT ROWID;\n"
  "CREATE INDEX partner_language_language ON partner_language (language, partner_id);\n"

  "CREATE TABLE partner_hours (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  partner_id INTEGER NOT NULL REFERENCES partner (id) ON DELETE CASCADE,\n"
  "  weekday INTEGER NOT NULL CHECK (weekday BETWEEN 1 AND 7),\n"
  "  opens TEXT NOT NULL CHECK (opens GLOB '[0-2][0-9]:[0-5][0-9]'),\n"
  "  closes TEXT NOT NULL CHECK (closes GLOB '[0-2][0-9]:[0-5][0-9]'),\n"
  "  CHECK (opens <> closes)\n"
  ");\n"
  "CREATE INDEX partner_hours_partner ON partner_hours (partner_id, weekday);\n"

  "CREATE TABLE partner_closure (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  partner_id INTEGER NOT NULL REFERENCES partner (id) ON DELETE CASCADE,\n"
  "  from_date TEXT NOT NULL,\n"
  "  to_date TEXT NOT NULL,\n"
  "  reason TEXT,\n"
  "  CHECK (to_date >= from_date)\n"
  ");\n"
  "CREATE INDEX partner_closure_partner ON partner_closure (partner_id, from_date);\n"

  "CREATE TABLE partner_contact (\n"
  "  id INTEGER PRIMARY KEY,\n"
  UUID_COLUMN
  "  partner_id INTEGER NOT NULL REFERENCES partner (id) ON DELETE CASCADE,\n"
  "  name TEXT NOT NULL CHECK (trim(name) <> ''),\n"
  "  role TEXT,\n"
  "  phone TEXT,\n"
  "  email TEXT,\n"
  AUDIT_COLUMNS
  ");\n"
  "CREATE INDEX partner_contact_partner ON partner_contact (partner_id);\n"

  "CREATE TABLE partner_service (\n"
  "  id INTEGER PRIMARY KEY,\n"
  UUID_COLUMN
  "  partner_id INTEGER NOT NULL REFERENCES partner (id) ON DELETE CASCADE,\n"
  "  theme TEXT NOT NULL,\n"
  "  description TEXT,\n"
  "  documents TEXT,\n"
  "  capacity_total INTEGER CHECK (capacity_total >= 0),\n"
  "  capacity_free INTEGER CHECK (capacity_free >= 0),\n"
  "  capacity_updated_at TEXT,\n"
  "  capacity_updated_by TEXT,\n"
  AUDIT_COLUMNS ","
  "  CHECK (capacity_free IS NULL OR capacity_total IS NULL OR capacity_free <= capacity_total)\n"
  ");\n"
  "CREATE INDEX partner_service_partner ON partner_service (partner_id);\n"
  "CREATE INDEX partner_service_theme ON partner_service (theme, partner_id);\n"

  "CREATE TABLE partner_service_eligibility (\n"
  "  service_id INTEGER NOT NULL REFERENCES partner_service (id) ON DELETE CASCADE,\n"
  "  eligibility TEXT NOT NULL,\n"
  "  PRIMARY KEY (service_id, eligibility)\n"
  ") WITHOUT ROWID;\n"

  /* The partner an action was with (a referral, an accompaniment), beside
   * the free text of earlier versions. */
  "ALTER TABLE action ADD COLUMN partner_id INTEGER REFERENCES partner (id) ON DELETE SET NULL;\n"
  "CREATE INDEX action_partner ON action (partner_id) WHERE partner_id IS NOT NULL;\n"

  "CREATE TABLE referral (\n"
  "  id INTEGER PRIMARY KEY,\n"
  UUID_COLUMN
  "  action_id INTEGER NOT NULL UNIQUE REFERENCES action (id) ON DELETE CASCADE,\n"
  "  partner_id INTEGER REFERENCES partner (id) ON DELETE SET NULL,\n"
  "  service_id INTEGER REFERENCES partner_service (id) ON DELETE SET NULL,\n"
  "  state TEXT NOT NULL DEFAULT 'pending' CHECK (state IN "
  "('pending', 'accepted', 'refused', 'no_answer', 'completed', 'abandoned')),\n"
  "  refusal_reason TEXT,\n"
  "  sent_on TEXT NOT NULL,\n"
  "  answered_on TEXT,\n"
  "  closed_on TEXT,\n"
  AUDIT_COLUMNS ","
  "  CHECK (state <> 'refused' OR refusal_reason IS NOT NULL)\n"
  ");\n"
  "CREATE INDEX referral_partner ON referral (partner_id, state);\n"
  "CREATE INDEX referral_pending ON referral (state, sent_on);\n"
  ;

/* Version 5: the person's situation at the entry into a programme and at
 * the exit from it, as funders of the European Social Fund+ ask for it.
 * One row a snapshot, each enrolment its own (a re-entry has its own);
 * NULL in a column is "not recorded". An exit snapshot needs an exit: an
 * enrolment reopened (its exit date cleared) loses it. */
static const char migration_5[] =
  "CREATE TABLE enrolment_situation (\n"
  "  id INTEGER PRIMARY KEY,\n"
  UUID_COLUMN
  "  enrolment_id INTEGER NOT NULL REFERENCES enrolment (id) ON DELETE CASCADE,\n"
  "  moment TEXT NOT NULL CHECK (moment IN ('entry', 'exit')),\n"
  "  labour TEXT CHECK (labour IN "
  "('employed', 'unemployed', 'long_term_unemployed', 'inactive')),\n"
  "  education TEXT CHECK (education IN ('isced_0_2', 'isced_3_4', 'isced_5_8', 'unknown')),\n"
  "  housing TEXT CHECK (housing IN "
  "('street', 'emergency_shelter', 'asylum_reception', 'hosted', 'own_or_rented')),\n"
  "  disability TEXT CHECK (disability IN ('yes', 'no', 'declined')),\n"
  "  homeless TEXT CHECK (homeless IN ('yes', 'no', 'declined')),\n"
  AUDIT_COLUMNS ","
  "  UNIQUE (enrolment_id, moment)\n"
  ");\n"
  "CREATE TRIGGER enrolment_reopened AFTER UPDATE OF exit_date ON enrolment\n"
  "  WHEN NEW.exit_date IS NULL BEGIN\n"
  "  DELETE FROM enrolment_situation WHERE enrolment_id = NEW.id AND moment = 'exit';\n"
  "END;\n"
  ;

/* Version 6: accounts, the audit log, consent records and the people's
 * data rights (issue 7). The audit log is append-only: triggers made when
 * the store opens refuse changes to it, and each entry chains the hash of
 * the one before (see escale-audit.c). */
static const char migration_6[] =
  "CREATE TABLE app_user (\n"
  "  id INTEGER PRIMARY KEY,\n"
  UUID_COLUMN
  "  login TEXT NOT NULL UNIQUE COLLATE NOCASE CHECK (trim(login) <> ''),\n"
  "  name TEXT,\n"
  "  role TEXT NOT NULL CHECK (role IN ('administrator', 'staff', 'volunteer', 'treasurer')),\n"
  "  password_hash TEXT NOT NULL,\n"
  "  must_change_password INTEGER NOT NULL DEFAULT 0 CHECK (must_change_password IN (0, 1)),\n"
  "  failed_attempts INTEGER NOT NULL DEFAULT 0,\n"
  "  locked_until TEXT,\n"
  "  interface_language TEXT,\n"
  "  active INTEGER NOT NULL DEFAULT 1 CHECK (active IN (0, 1)),\n"
  "  last_login TEXT,\n"
  AUDIT_COLUMNS
  ");\n"

  "CREATE TABLE audit_log (\n"
  "  id INTEGER PRIMARY KEY,\n"
  "  at TEXT NOT NULL,\n"
  "  login TEXT NOT NULL DEFAULT '',\n"
  "  operation TEXT NOT NULL,\n"
  "  entity TEXT,\n"
  "  entity_id INTEGER,\n"
  "  summary TEXT,\n"
  "  prev_hash TEXT NOT NULL,\n"
  "  hash TEXT NOT NULL\n"
  ");\n"
  "CREATE INDEX audit_log_entity ON audit_log (entity, entity_id);\n"
  "CREATE INDEX audit_log_at ON audit_log (at);\n"

  "CREATE TABLE consent_record (\n"
  "  id INTEGER PRIMARY KEY,\n"
  UUID_COLUMN
  "  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,\n"
  "  given_on TEXT NOT NULL,\n"
  "  follow_up INTEGER NOT NULL DEFAULT 0 CHECK (follow_up IN (0, 1)),\n"
  "  sharing INTEGER NOT NULL DEFAULT 0 CHECK (sharing IN (0, 1)),\n"
  "  phone_contact INTEGER NOT NULL DEFAULT 0 CHECK (phone_contact IN (0, 1)),\n"
  "  informed_how TEXT,\n"
  "  language TEXT,\n"
  "  withdrawn_on TEXT,\n"
  AUDIT_COLUMNS
  ");\n"
  "CREATE INDEX consent_record_person ON consent_record (person_id, given_on);\n"

  /* Notes a worker marks confidential: never shown to volunteers. */
  "ALTER TABLE action ADD COLUMN confidential INTEGER NOT NULL DEFAULT 0"
  " CHECK (confidential IN (0, 1));\n"
  /* A file reduced to what reports need (see escale-rights.h). */
  "ALTER TABLE person ADD COLUMN anonymised_on TEXT;\n"

  /* The fields that reveal health, legal proceedings, origin or religion:
   * optional, hidden from lists and from the roles that may not see them. */
  "CREATE TABLE sensitive_field (\n"
  "  entity TEXT NOT NULL,\n"
  "  field TEXT NOT NULL,\n"
  "  category TEXT NOT NULL CHECK (category IN ('health', 'legal', 'origin', 'religion')),\n"
  "  PRIMARY KEY (entity, field)\n"
  ") WITHOUT ROWID;\n"
  "INSERT INTO sensitive_field VALUES ('person', 'birth_country', 'origin'),\n"
  "  ('person_nationality', 'country', 'origin'), ('person', 'notes', 'health'),\n"
  "  ('action', 'notes', 'health'), ('action_theme', 'health', 'health'),\n"
  "  ('action_theme', 'rights', 'legal');\n"
  ;

/* The same duplicate-suggestion table, its columns in the order of its
 * primary key: SQLite 3.40's quick check wrongly reports NULLs in a
 * WITHOUT ROWID table whose key lists them in another order, and the
 * quick check is what the app runs on every backup and after opening. */
static const char migration_7[] =
  "CREATE TABLE person_skeleton_v7 (\n"
  "  skeleton TEXT NOT NULL,\n"
  "  person_id INTEGER NOT NULL REFERENCES person (id) ON DELETE CASCADE,\n"
  "  PRIMARY KEY (skeleton, person_id)\n"
  ") WITHOUT ROWID;\n"
  "INSERT INTO person_skeleton_v7 (skeleton, person_id)\n"
  "  SELECT skeleton, person_id FROM person_skeleton;\n"
  "DROP TABLE person_skeleton;\n"
  "ALTER TABLE person_skeleton_v7 RENAME TO person_skeleton;\n"
  "CREATE INDEX person_skeleton_person ON person_skeleton (person_id);\n"
  ;

static const char *const migrations[] = {
  migration_1,
  migration_2,
  migration_3,
  migration_4,
  migration_5,
  migration_6,
  migration_7,
};

int
escale_schema_get_n_migrations (void)
{
  return G_N_ELEMENTS (migrations);
}

/**
 * escale_schema_get_migrations:
 * @n_migrations: (out): how many there are
 *
 * Returns: (array length=n_migrations) (transfer none): the migrations, in order
 */
const char * const *
escale_schema_get_migrations (int *n_migrations)
{
  *n_migrations = G_N_ELEMENTS (migrations);
  return migrations;
}

const char *
escale_schema_get_migration (int version)
{
  g_return_val_if_fail (version >= 1 && version <= (int) G_N_ELEMENTS (migrations), NULL);

  return migrations[version - 1];
}
