// Cognito pre-token-generation trigger (event version 2): puts the person's memberships, the claim the functions
// read, into both the ID and the access token (decision 0080). A group named ROLE@area is that role in that area; a
// group named after a role alone is that role in the user's custom:area (the older way, still honoured). The user's
// custom:org is the organisation of each. Each membership is written ROLE@area/org; while a person holds exactly one,
// the older role, area and org claims are written too, for functions deployed before memberships. A user with none
// gets no claims, which every function answers as unauthenticated. The access token also carries the person's email
// when Cognito has verified it, which the notifier records to email them (decision 0075).
const ROLES = ['ADVISER', 'BROKER', 'PROVIDER', 'ASSURER', 'COMMISSIONER', 'ADMIN', 'REGISTRAR'];
const AREA = /^[A-Za-z0-9-]{1,20}$/;
const ORG = /^[A-Za-z0-9:_.-]{1,64}$/;

function membershipsOf(groups, attributes) {
  const org = ORG.test(attributes['custom:org'] || '') ? attributes['custom:org'] : null;
  const found = [];
  for (const group of groups) {
    const at = group.indexOf('@');
    const role = at < 0 ? group : group.slice(0, at);
    if (!ROLES.includes(role)) {
      continue;
    }
    // the registrar acts nationally, in no area
    const area = role === 'REGISTRAR' ? null : (at < 0 ? attributes['custom:area'] || null : group.slice(at + 1));
    if (area !== null && !AREA.test(area)) {
      console.warn(JSON.stringify({ message: 'group names no valid area', group }));
      continue;
    }
    const membership = { role, area, org: area === null ? null : org };
    if (!found.some((m) => m.role === role && m.area === area)) {
      found.push(membership);
    }
  }
  return found;
}

const written = (m) => m.role + (m.area ? '@' + m.area + (m.org ? '/' + m.org : '') : '');

exports.handler = async (event) => {
  const attributes = (event.request && event.request.userAttributes) || {};
  const groups = (event.request && event.request.groupConfiguration && event.request.groupConfiguration.groupsToOverride) || [];
  const memberships = membershipsOf(groups, attributes);
  const claims = {};
  if (memberships.length === 0) {
    console.warn(JSON.stringify({ message: 'user has no membership', user: event.userName, groups }));
  } else {
    claims.memberships = memberships.map(written);
  }
  if (memberships.length === 1) {
    claims.role = memberships[0].role;
    if (memberships[0].area) {
      claims.area = memberships[0].area;
    }
    if (memberships[0].org) {
      claims.org = memberships[0].org;
    }
  }
  const accessClaims = { ...claims };
  if (attributes.email && attributes.email_verified === 'true') {
    accessClaims.email = attributes.email;
  }
  event.response = event.response || {};
  event.response.claimsAndScopeOverrideDetails = {
    idTokenGeneration: { claimsToAddOrOverride: claims },
    accessTokenGeneration: { claimsToAddOrOverride: accessClaims },
  };
  return event;
};
