import type { WsRoute } from '@ledger/web-ui';
import { useWs } from '../context';
import { AuditCompare } from './audit/audit-compare';
import { AuditEvent } from './audit/audit-event';
import { AuditTrail } from './audit/audit-trail';
import { AuditVerify } from './audit/audit-verify';
import { CoordinatorCommitment } from './coordinator/coordinator-commitment';
import { CoordinatorHome } from './coordinator/coordinator-home';
import { CoordinatorMeeting } from './coordinator/coordinator-meeting';
import { CoordinatorPlan } from './coordinator/coordinator-plan';
import { CoordinatorUpload } from './coordinator/coordinator-upload';
import { Home } from './home';
import { LeadActivity } from './lead/lead-activity';
import { LeadCommitment } from './lead/lead-commitment';
import { LeadHome } from './lead/lead-home';

/** The view of a workspace address (its role was checked by the caller; the server checks again). */
export function ViewOf({ route }: { route: WsRoute }) {
  const { t } = useWs();
  switch (route.view) {
    case 'home':
    case 'sign-in':
    case 'callback':
      return <Home />;
    case 'lead':
      return <LeadHome />;
    case 'lead-commitment':
      return <LeadCommitment id={route.id} />;
    case 'lead-activity':
      return <LeadActivity activityId={route.id} />;
    case 'coordinator':
      return <CoordinatorHome />;
    case 'coordinator-plan':
      return <CoordinatorPlan id={route.id} />;
    case 'coordinator-commitment':
      return <CoordinatorCommitment id={route.id} />;
    case 'coordinator-meeting':
      return <CoordinatorMeeting planId={route.id} />;
    case 'coordinator-upload':
      return <CoordinatorUpload />;
    case 'audit':
      return <AuditTrail />;
    case 'audit-event':
      return <AuditEvent position={route.id} />;
    case 'audit-verify':
      return <AuditVerify />;
    case 'audit-compare':
      return <AuditCompare />;
    case 'not-found':
      return (
        <>
          <h1>{t.notFoundTitle}</h1>
          <p>{t.notFoundBody}</p>
        </>
      );
  }
}
