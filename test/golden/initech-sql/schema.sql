-- Initech intranet (fictional): accounts, their e-mail addresses, teams and team members, as the app created them.
create table accounts (
  account_id uuid primary key default gen_random_uuid(),
  login text not null,
  login_key text not null,
  first_name text,
  last_name text,
  display_name text,
  external_ref text,
  title text,
  employee_no text,
  cost_center text,
  status text not null default 'ACTIVE' check (status in ('ACTIVE', 'DISABLED')),
  password_hash text,
  row_version integer not null default 1
);
create unique index accounts_login_key on accounts (login_key);
create index accounts_external_ref on accounts (external_ref);

create table account_emails (
  account_id uuid not null references accounts (account_id) on delete cascade,
  address text not null,
  kind text,
  is_primary boolean not null default false
);
create index account_emails_owner on account_emails (account_id);

create table teams (
  team_id uuid primary key default gen_random_uuid(),
  team_name text not null,
  team_key text not null,
  row_version integer not null default 1
);
create unique index teams_key on teams (team_key);

create table team_members (
  team_id uuid not null references teams (team_id) on delete cascade,
  account_id uuid not null references accounts (account_id) on delete cascade,
  primary key (team_id, account_id)
);
create index team_members_account on team_members (account_id);
