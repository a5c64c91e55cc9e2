// Cognito pre-token-generation trigger (event version 2): puts the claims the functions read, role, area and
// org, into both the ID and the access token; and into the access token the person's email when Cognito has verified
// it, which the notifier records to email them (decision 0075). The role is the user's one role group; a user in none or in
// several gets no role claim, which every function answers as unauthenticated.
const ROLES = ['ADVISER', 'BROKER', 'PROVIDER', 'ASSURER', 'COMMISSIONER', 'ADMIN', 'REGISTRAR'];

exports.handler = async (event) => {
  const attributes = (event.request && event.request.userAttributes) || {};
  const groups = (event.request && event.request.groupConfiguration && event.request.groupConfiguration.groupsToOverride) || [];
  const roles = groups.filter((group) => ROLES.includes(group));
  const claims = {};
  if (roles.length === 1) {
    claims.role = roles[0];
  } else {
    console.warn(JSON.stringify({ message: 'user has no single role group', user: event.userName, roles }));
  }
  if (attributes['custom:area']) {
    claims.area = attributes['custom:area'];
  }
  if (attributes['custom:org']) {
    claims.org = attributes['custom:org'];
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
