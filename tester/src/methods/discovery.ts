// getImplementedUserManagementCapabilities: reads Okta's capabilities from ServiceProviderConfig(s).
import { CAPABILITIES, URN, isCapability } from 'scim-connector-sdk';
import type { Capability } from 'scim-connector-sdk';
import { isObject, serviceProviderConfigPath } from '../dialect.js';
import type { RunContext } from '../context.js';

/** The capabilities a provider config advertises, or why it advertises none. */
export function advertisedCapabilities(body: unknown): Capability[] | string {
  const extension = isObject(body) ? body[URN.oktaProviderConfig] : undefined;
  const list = isObject(extension) ? extension['userManagementCapabilities'] : undefined;
  if (!Array.isArray(list))
    return `no ${URN.oktaProviderConfig} userManagementCapabilities in the provider config`;
  const unknown = list.filter((c) => typeof c !== 'string' || !isCapability(c));
  if (unknown.length > 0) {
    return `userManagementCapabilities holds unknown values ${JSON.stringify(unknown)} (known: ${CAPABILITIES.join(', ')})`;
  }
  return list as Capability[];
}

export async function getImplementedUserManagementCapabilities(ctx: RunContext): Promise<void> {
  const path = serviceProviderConfigPath(ctx.dialect);
  const response = await ctx.request({ method: 'GET', path });
  ctx.expect(response.status === 200 ? undefined : `GET ${path} answered ${response.status}, expected 200`);
  const advertised = advertisedCapabilities(response.body);
  if (typeof advertised === 'string') {
    // Generic SCIM 2.0 servers need not carry Okta's extension; the agent (1.1) requires it.
    if (ctx.dialect === '2.0') ctx.skip(`GET ${path}: ${advertised}`);
    ctx.expect(`GET ${path}: ${advertised}`);
    return;
  }
  ctx.discovered = advertised;
}
