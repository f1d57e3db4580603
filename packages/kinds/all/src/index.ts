import type { SiteKindDefinition } from '@sitenet/domain';
import { auxiliaryWorkshop } from '@sitenet/kind-auxiliary-workshop';
import { beautifulWorkshop } from '@sitenet/kind-beautiful-workshop';
import { blindMassage } from '@sitenet/kind-blind-massage';
import { incubationBase } from '@sitenet/kind-incubation-base';
import { ruralEmploymentBase } from '@sitenet/kind-rural-employment-base';
import { trainingBase } from '@sitenet/kind-training-base';

export { auxiliaryWorkshop, beautifulWorkshop, blindMassage, incubationBase, ruralEmploymentBase, trainingBase };

/**
 * The site kinds the product runs with, in the order forms, filters and legends show them.
 * Registering a kind means adding it here (and its package to this package's dependencies);
 * nothing else in the product lists kinds.
 */
export const installedKinds: readonly SiteKindDefinition[] = [
  incubationBase,
  auxiliaryWorkshop,
  blindMassage,
  trainingBase,
  beautifulWorkshop,
  ruralEmploymentBase,
];
