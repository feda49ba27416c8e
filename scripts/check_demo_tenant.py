#!/usr/bin/env python3
"""Checks a tenant seed file (samples/demo/tenant.json) before the hub ever reads it.

    python3 scripts/check_demo_tenant.py [FILE] [--minimal]

Checks the shape `hub seed` decodes (unknown keys too: Swift's decoder would silently drop a
misspelt one), slug ids, E.164 numbers unique across users and contacts, references between
users, groups, contacts and presence, profile rules for add-ons (DIR-2, DIR-3), licence counts,
and the DIR-1 minimums. Without --minimal it also checks what the demo promises to show off:
at least 28 users, all eight profiles, 3 main admins, 3 groups, every kind of contact scope.
Prints every problem with its JSON path and exits 1 if there is any; standard library only.
"""

from __future__ import annotations

import json
import re
import sys
from datetime import datetime
from pathlib import Path

SLUG = re.compile(r"^[a-z0-9][a-z0-9._-]{0,63}$")
E164 = re.compile(r"^\+[1-9][0-9]{6,14}$")
EMAIL = re.compile(r"^[^@\s]+@[^@\s]+\.[^@\s.]+$")
BADGE = re.compile(r"^(?:[0-9A-F]{8}|[0-9]{4,20})$")

PROFILES = {
    "basic", "fixed", "desktop", "mobile", "smartphone",
    "smartphone_plus", "desktop_mobile", "desktop_smartphone",
}
OPERATOR_PROFILES = {"desktop", "desktop_mobile", "desktop_smartphone"}
PERMISSIONS = {"main_admin", "supervisor", "operator", "reporting"}
ADD_ONS = {"agent", "supervisor", "operator"}
ACTIVITIES = {
    "at_office", "available", "remote_work", "sick", "busy",
    "at_lunch", "in_meeting", "off_duty", "on_vacation",
}
ROLES = {"work", "mobile"}

TOP_KEYS = {"tenant", "groups", "users", "addOns", "contacts", "presence"}
TENANT_KEYS = {"id", "name", "timeZone", "countryCode", "licences"}
GROUP_KEYS = {"id", "name"}
USER_KEYS = {
    "id", "firstName", "lastName", "profile", "enterpriseNumber", "mobileNumber", "faxNumber",
    "email", "company", "department", "title", "keywords", "extraInfo", "groups", "permissions",
    "badgeIDs", "calendar", "showsRole",
}
USER_REQUIRED = {"id", "firstName", "lastName", "profile"}
CONTACT_KEYS = {"id", "scope", "user", "name", "company", "numbers", "email", "note"}
NUMBER_KEYS = {"label", "number"}
PRESENCE_KEYS = {"user", "activity", "role", "note", "until"}


class Checker:
    def __init__(self) -> None:
        self.problems: list[str] = []
        self.numbers: dict[str, str] = {}

    def fail(self, path: str, message: str) -> None:
        self.problems.append(f"{path}: {message}")

    def keys(self, path: str, obj: object, allowed: set[str], required: set[str] = frozenset()) -> bool:
        if not isinstance(obj, dict):
            self.fail(path, "must be an object")
            return False
        for key in sorted(set(obj) - allowed):
            self.fail(f"{path}.{key}", "unknown key")
        for key in sorted(required - set(obj)):
            self.fail(f"{path}.{key}", "missing")
        return True

    def slug(self, path: str, value: object) -> None:
        if not isinstance(value, str) or not SLUG.match(value):
            self.fail(path, f"{value!r} is not a slug (a-z, 0-9, '.', '_', '-', starting with a letter or digit, <= 64)")

    def text(self, path: str, value: object, limit: int = 200, optional: bool = False) -> None:
        if value is None and optional:
            return
        if not isinstance(value, str) or not value.strip():
            self.fail(path, "must be a non-empty string")
        elif len(value) > limit:
            self.fail(path, f"at most {limit} characters")

    def number(self, path: str, value: object) -> None:
        if not isinstance(value, str) or not E164.match(value):
            self.fail(path, f"{value!r} is not E.164 (+ and 7-15 digits)")
            return
        if value in self.numbers:
            self.fail(path, f"{value} is already used at {self.numbers[value]}")
        else:
            self.numbers[value] = path

    def unique_ids(self, path: str, items: list, what: str) -> set[str]:
        seen: set[str] = set()
        for index, item in enumerate(items):
            if isinstance(item, dict) and "id" in item:
                self.slug(f"{path}[{index}].id", item["id"])
                if item["id"] in seen:
                    self.fail(f"{path}[{index}].id", f"duplicate {what} id {item['id']!r}")
                seen.add(item["id"])
        return seen


def check(doc: object, demo: bool) -> list[str]:
    c = Checker()
    if not c.keys("$", doc, TOP_KEYS, {"tenant", "users"}):
        return c.problems
    assert isinstance(doc, dict)

    # Tenant and licences.
    tenant = doc.get("tenant", {})
    licences: dict[str, int] = {}
    if c.keys("$.tenant", tenant, TENANT_KEYS, {"id", "name"}):
        c.slug("$.tenant.id", tenant.get("id"))
        c.text("$.tenant.name", tenant.get("name"))
        if "countryCode" in tenant and not re.match(r"^[1-9][0-9]{0,2}$", str(tenant["countryCode"])):
            c.fail("$.tenant.countryCode", "must be 1-3 digits, no leading 0")
        if "timeZone" in tenant and not re.match(r"^[A-Za-z_]+(/[A-Za-z0-9_+-]+)+$|^UTC$", str(tenant["timeZone"])):
            c.fail("$.tenant.timeZone", "not an IANA zone name")
        raw = tenant.get("licences", {})
        if not isinstance(raw, dict):
            c.fail("$.tenant.licences", "must be an object")
        else:
            for name, count in raw.items():
                if name not in ADD_ONS:
                    c.fail(f"$.tenant.licences.{name}", f"unknown add-on; expected one of {sorted(ADD_ONS)}")
                elif not isinstance(count, int) or isinstance(count, bool) or count < 0:
                    c.fail(f"$.tenant.licences.{name}", "must be a whole number >= 0")
                else:
                    licences[name] = count

    # Groups.
    groups = doc.get("groups", [])
    if not isinstance(groups, list):
        c.fail("$.groups", "must be an array")
        groups = []
    for index, group in enumerate(groups):
        if c.keys(f"$.groups[{index}]", group, GROUP_KEYS, GROUP_KEYS):
            c.text(f"$.groups[{index}].name", group.get("name"))
    group_ids = c.unique_ids("$.groups", groups, "group")

    # Users.
    users = doc.get("users", [])
    if not isinstance(users, list):
        c.fail("$.users", "must be an array")
        users = []
    user_ids = c.unique_ids("$.users", users, "user")
    profiles: dict[str, str] = {}
    badges: dict[str, str] = {}
    calendars: dict[str, str] = {}
    for index, user in enumerate(users):
        p = f"$.users[{index}]"
        if not c.keys(p, user, USER_KEYS, USER_REQUIRED):
            continue
        c.text(f"{p}.firstName", user.get("firstName"), 100)
        c.text(f"{p}.lastName", user.get("lastName"), 100)
        profile = user.get("profile")
        if profile not in PROFILES:
            c.fail(f"{p}.profile", f"{profile!r} is not one of {sorted(PROFILES)}")
        elif isinstance(user.get("id"), str):
            profiles[user["id"]] = profile
        for field in ("enterpriseNumber", "mobileNumber"):
            if user.get(field) is None:
                c.fail(f"{p}.{field}", "every user has one (DIR-4)")
            else:
                c.number(f"{p}.{field}", user[field])
        if user.get("faxNumber") is not None:
            c.number(f"{p}.faxNumber", user["faxNumber"])
        email = user.get("email")
        if email is not None and (not isinstance(email, str) or not EMAIL.match(email)):
            c.fail(f"{p}.email", f"{email!r} is not an e-mail address")
        for field in ("company", "department", "title"):
            c.text(f"{p}.{field}", user.get(field), 200, optional=True)
        c.text(f"{p}.extraInfo", user.get("extraInfo"), 2000, optional=True)
        keywords = user.get("keywords", [])
        if not isinstance(keywords, list) or len(keywords) > 50:
            c.fail(f"{p}.keywords", "must be an array of at most 50 keywords")
        else:
            for k, keyword in enumerate(keywords):
                c.text(f"{p}.keywords[{k}]", keyword, 100)
        member_of = user.get("groups", [])
        if not isinstance(member_of, list):
            c.fail(f"{p}.groups", "must be an array")
            member_of = []
        for g, group in enumerate(member_of):
            if group not in group_ids:
                c.fail(f"{p}.groups[{g}]", f"no group {group!r}")
        if profile == "basic" and member_of:
            c.fail(f"{p}.groups", "a basic user cannot join groups (DIR-2)")
        permissions = user.get("permissions", [])
        if not isinstance(permissions, list):
            c.fail(f"{p}.permissions", "must be an array")
        else:
            for k, permission in enumerate(permissions):
                if permission not in PERMISSIONS:
                    c.fail(f"{p}.permissions[{k}]", f"{permission!r} is not one of {sorted(PERMISSIONS)}")
            if len(set(permissions)) != len(permissions):
                c.fail(f"{p}.permissions", "duplicates")
        for k, badge in enumerate(user.get("badgeIDs", [])):
            if not isinstance(badge, str) or not BADGE.match(badge):
                c.fail(f"{p}.badgeIDs[{k}]", f"{badge!r} is neither 8 upper-case hex digits nor 4-20 decimal digits")
            elif badge in badges:
                c.fail(f"{p}.badgeIDs[{k}]", f"badge {badge} already belongs to {badges[badge]}")
            else:
                badges[badge] = str(user.get("id"))
        calendar = user.get("calendar")
        if calendar is not None:
            if not isinstance(calendar, str) or not calendar.strip():
                c.fail(f"{p}.calendar", "must be a non-empty string")
            elif calendar in calendars:
                c.fail(f"{p}.calendar", f"already the calendar of {calendars[calendar]}")
            else:
                calendars[calendar] = str(user.get("id"))
        if "showsRole" in user and not isinstance(user["showsRole"], bool):
            c.fail(f"{p}.showsRole", "must be true or false")

    # Add-ons: eligibility by profile (DIR-2 matrix) and floating licence counts (DIR-3).
    add_ons = doc.get("addOns", {})
    taken = {name: 0 for name in ADD_ONS}
    if not isinstance(add_ons, dict):
        c.fail("$.addOns", "must be an object of user id -> add-ons")
        add_ons = {}
    for user_id, names in add_ons.items():
        p = f"$.addOns[{user_id!r}]"
        if user_id not in user_ids:
            c.fail(p, "no such user")
            continue
        if not isinstance(names, list) or len(set(names)) != len(names):
            c.fail(p, "must be an array without duplicates")
            continue
        profile = profiles.get(user_id)
        for name in names:
            if name not in ADD_ONS:
                c.fail(p, f"{name!r} is not one of {sorted(ADD_ONS)}")
                continue
            taken[name] += 1
            if profile == "basic":
                c.fail(p, f"a basic user cannot take the {name} add-on (DIR-2)")
            elif name == "operator" and profile not in OPERATOR_PROFILES:
                c.fail(p, f"the operator add-on needs one of {sorted(OPERATOR_PROFILES)}, not {profile}")
    for name, count in taken.items():
        if count > licences.get(name, 0):
            c.fail("$.addOns", f"{count} users hold {name} but the tenant owns {licences.get(name, 0)} licences")

    # Contacts: scopes, references, numbers (unique together with the users').
    contacts = doc.get("contacts", [])
    if not isinstance(contacts, list):
        c.fail("$.contacts", "must be an array")
        contacts = []
    c.unique_ids("$.contacts", contacts, "contact")
    scopes = {"tenant": 0, "groups": 0, "personal": 0}
    linked = 0
    for index, contact in enumerate(contacts):
        p = f"$.contacts[{index}]"
        if not c.keys(p, contact, CONTACT_KEYS, {"id", "scope", "name"}):
            continue
        c.text(f"{p}.name", contact.get("name"))
        c.text(f"{p}.company", contact.get("company"), optional=True)
        c.text(f"{p}.note", contact.get("note"), 2000, optional=True)
        email = contact.get("email")
        if email is not None and (not isinstance(email, str) or not EMAIL.match(email)):
            c.fail(f"{p}.email", f"{email!r} is not an e-mail address")
        scope = contact.get("scope")
        kind = scope.get("kind") if isinstance(scope, dict) else None
        if kind == "tenant":
            c.keys(f"{p}.scope", scope, {"kind"})
        elif kind == "groups":
            if c.keys(f"{p}.scope", scope, {"kind", "groups"}, {"groups"}):
                scoped = scope.get("groups", [])
                if not isinstance(scoped, list) or not scoped:
                    c.fail(f"{p}.scope.groups", "must name at least one group")
                else:
                    for g, group in enumerate(scoped):
                        if group not in group_ids:
                            c.fail(f"{p}.scope.groups[{g}]", f"no group {group!r}")
        elif kind == "personal":
            if c.keys(f"{p}.scope", scope, {"kind", "owner"}, {"owner"}) and scope.get("owner") not in user_ids:
                c.fail(f"{p}.scope.owner", f"no user {scope.get('owner')!r}")
        else:
            c.fail(f"{p}.scope", "must be {kind: tenant | groups | personal}")
        if kind in scopes:
            scopes[kind] += 1
        if "user" in contact:
            linked += 1
            if contact["user"] not in user_ids:
                c.fail(f"{p}.user", f"no user {contact['user']!r}")
        numbers = contact.get("numbers", [])
        if not isinstance(numbers, list):
            c.fail(f"{p}.numbers", "must be an array")
            numbers = []
        for n, entry in enumerate(numbers):
            if c.keys(f"{p}.numbers[{n}]", entry, NUMBER_KEYS, NUMBER_KEYS):
                c.text(f"{p}.numbers[{n}].label", entry.get("label"), 50)
                c.number(f"{p}.numbers[{n}].number", entry.get("number"))
        if not numbers and "user" not in contact:
            c.fail(f"{p}.numbers", "an external contact needs at least one number")

    # Initial presence.
    presence = doc.get("presence", [])
    if not isinstance(presence, list):
        c.fail("$.presence", "must be an array")
        presence = []
    seen_presence: set[str] = set()
    for index, entry in enumerate(presence):
        p = f"$.presence[{index}]"
        if not c.keys(p, entry, PRESENCE_KEYS, {"user", "activity"}):
            continue
        if entry.get("user") not in user_ids:
            c.fail(f"{p}.user", f"no user {entry.get('user')!r}")
        elif entry["user"] in seen_presence:
            c.fail(f"{p}.user", "presence given twice")
        seen_presence.add(str(entry.get("user")))
        if entry.get("activity") not in ACTIVITIES:
            c.fail(f"{p}.activity", f"{entry.get('activity')!r} is not one of {sorted(ACTIVITIES)}")
        if "role" in entry and entry["role"] not in ROLES:
            c.fail(f"{p}.role", f"{entry['role']!r} is not one of {sorted(ROLES)}")
        c.text(f"{p}.note", entry.get("note"), 500, optional=True)
        if "until" in entry:
            until = entry["until"]
            if not isinstance(until, str) or not re.match(r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(\.\d+)?Z$", until):
                c.fail(f"{p}.until", "must be an ISO 8601 UTC time like 2026-12-01T14:00:00Z")
            else:
                try:
                    datetime.fromisoformat(until.replace("Z", "+00:00"))
                except ValueError:
                    c.fail(f"{p}.until", f"{until} is not a real time")

    # DIR-1 minimums.
    admins = [u for u in users if isinstance(u, dict) and "main_admin" in u.get("permissions", [])]
    if len(users) < 5:
        c.fail("$.users", f"{len(users)} users; a tenant has at least 5 (DIR-1)")
    if len(admins) < 2:
        c.fail("$.users", f"{len(admins)} main admins; a tenant has at least 2 (DIR-1)")

    # What the demo promises to show.
    if demo:
        if len(users) < 28:
            c.fail("$.users", f"{len(users)} users; the demo has at least 28")
        missing = PROFILES - set(profiles.values())
        if missing:
            c.fail("$.users", f"no user with profile {sorted(missing)}")
        if len(admins) < 3:
            c.fail("$.users", f"{len(admins)} main admins; the demo has at least 3")
        for permission in ("supervisor", "operator", "reporting"):
            if not any(isinstance(u, dict) and permission in u.get("permissions", []) for u in users):
                c.fail("$.users", f"nobody has the {permission} permission")
        if len(groups) < 3:
            c.fail("$.groups", "the demo has at least 3 groups")
        for kind, least in (("tenant", 4), ("groups", 2), ("personal", 3)):
            if scopes[kind] < least:
                c.fail("$.contacts", f"{scopes[kind]} {kind}-scoped contacts; the demo has at least {least}")
        if linked < 1:
            c.fail("$.contacts", "no contact points at a directory user")
    return c.problems


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    demo = "--minimal" not in argv
    path = Path(args[0]) if args else Path(__file__).resolve().parent.parent / "samples/demo/tenant.json"
    try:
        doc = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as error:
        print(f"{path}: {error}", file=sys.stderr)
        return 1
    problems = check(doc, demo)
    for problem in problems:
        print(f"{path}: {problem}", file=sys.stderr)
    if problems:
        print(f"{path}: {len(problems)} problem(s)", file=sys.stderr)
        return 1
    users = doc.get("users", [])
    print(f"{path}: ok ({len(users)} users, {len(doc.get('contacts', []))} contacts, "
          f"{len(doc.get('groups', []))} groups)")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
