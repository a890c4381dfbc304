// LDAP GeneralizedTime (`20261129221527Z`) ↔ SCIM dateTime (`2026-11-29T22:15:27Z`).

/** The SCIM dateTime of a GeneralizedTime, or undefined when it is not one. */
export function fromGeneralizedTime(value: string): string | undefined {
  const match = /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})(?:\.\d+)?Z$/.exec(value);
  if (match === null) return undefined;
  const [, year, month, day, hour, minute, second] = match;
  return `${year}-${month}-${day}T${hour}:${minute}:${second}Z`;
}

/** The GeneralizedTime of a SCIM dateTime, or undefined when it is not a date. */
export function toGeneralizedTime(value: string): string | undefined {
  const time = Date.parse(value);
  if (Number.isNaN(time)) return undefined;
  return `${new Date(time).toISOString().replace(/[-:T]/g, '').slice(0, 14)}Z`;
}
