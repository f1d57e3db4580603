import { CreateRegions1764030000000 } from './1764030000000-create-regions.js';
import { CreateSites1764040000000 } from './1764040000000-create-sites.js';
import { AccountsReview1764050000000 } from './1764050000000-accounts-review.js';
import { Targets1764060000000 } from './1764060000000-targets.js';
import { PasswordSetBy1764070000000 } from './1764070000000-password-set-by.js';
import { AccountAudit1764080000000 } from './1764080000000-account-audit.js';
import { SignInLimitsReviewVersions1764090000000 } from './1764090000000-sign-in-limits-review-versions.js';
import { SiteListOrder1764100000000 } from './1764100000000-site-list-order.js';
import { SignInKeysKnownPairs1764110000000 } from './1764110000000-sign-in-keys-known-pairs.js';
import { AccountAuditNoteCodes1764120000000 } from './1764120000000-account-audit-note-codes.js';
import { SiteAttributesVersion1764130000000 } from './1764130000000-site-attributes-version.js';
import { ImportJobs1764140000000 } from './1764140000000-import-jobs.js';
import { TargetDeadlineAssumed1764150000000 } from './1764150000000-target-deadline-assumed.js';
import { OutcomeReports1764160000000 } from './1764160000000-outcome-reports.js';
import { SiteDrafts1764170000000 } from './1764170000000-site-drafts.js';

/** Every migration, in order. A new migration is added here (and only here). */
export const migrations = [CreateRegions1764030000000, CreateSites1764040000000, AccountsReview1764050000000, Targets1764060000000, PasswordSetBy1764070000000, AccountAudit1764080000000, SignInLimitsReviewVersions1764090000000, SiteListOrder1764100000000, SignInKeysKnownPairs1764110000000, AccountAuditNoteCodes1764120000000, SiteAttributesVersion1764130000000, ImportJobs1764140000000, TargetDeadlineAssumed1764150000000, OutcomeReports1764160000000, SiteDrafts1764170000000];
