/** Cross-field rules. Each check returns problems; none throws, so every problem is reported at once. */
import type { Topology } from '../schema/topology';
import type { Problem } from '../problems';
import { checkReferences } from './references';
import { checkAddressing } from './addressing';
import { checkQuotas } from './quotas';
import { checkLogging } from './logging';
import { checkHybrid } from './hybrid';
import { checkBedrockControls } from './bedrock-controls';

export type Check = (t: Topology) => Problem[];

/** Every check, in the order their messages are listed. */
export const CHECKS: Check[] = [checkReferences, checkAddressing, checkQuotas, checkHybrid, checkBedrockControls, checkLogging];

export function validateTopology(t: Topology): Problem[] {
  return CHECKS.flatMap((check) => check(t));
}
