import { RegionEntity } from '../regions/region.entity.js';
import { SeedRunEntity } from '../common/seed-run.entity.js';
import { SiteEntity } from '../sites/site.entity.js';
import { SiteHistoryEntity } from '../sites/site-history.entity.js';
import { AccountEntity } from '../auth/account.entity.js';
import { SessionEntity } from '../auth/session.entity.js';
import { AccountAuditEntity } from '../auth/account-audit.entity.js';
import { SignInAttemptEntity } from '../auth/sign-in-attempt.entity.js';
import { SignInKnownEntity } from '../auth/sign-in-known.entity.js';
import { ServerSecretEntity } from '../common/server-secret.entity.js';
import { TargetEntity } from '../targets/target.entity.js';
import { ServicePointEntity } from '../coverage/service-point.entity.js';
import { ImportJobEntity } from '../imports/import-job.entity.js';
import { ImportUploadEntity } from '../imports/import-upload.entity.js';
import { ImportRowEntity } from '../imports/import-row.entity.js';
import { OutcomeReportEntity } from '../outcomes/outcome-report.entity.js';
import { OutcomeReportHistoryEntity } from '../outcomes/outcome-report-history.entity.js';

/** Every entity of the API, registered once for the data source and the drift check. */
export const entities = [RegionEntity, SeedRunEntity, SiteEntity, SiteHistoryEntity, AccountEntity, SessionEntity, AccountAuditEntity, SignInAttemptEntity, SignInKnownEntity, ServerSecretEntity, TargetEntity, ServicePointEntity, ImportJobEntity, ImportUploadEntity, ImportRowEntity, OutcomeReportEntity, OutcomeReportHistoryEntity];
