/**
 * The app: who is signed in, which page the path names, and the gates in front of pages that
 * need a session, the accepted secrecy undertaking (SPEC ROL-07) and, for case content, the
 * working session's justification (issue 4 scope 7).
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { BreakGlassPage } from '../features/break-glass/BreakGlassPage.js';
import { CasePage } from '../features/cases/CasePage.js';
import { NewCasePage } from '../features/cases/NewCasePage.js';
import { ComplianceDashboardPage } from '../features/compliance/ComplianceDashboardPage.js';
import { SecurityEvidencePage } from '../features/compliance/SecurityEvidencePage.js';
import { ConsultationPage } from '../features/consultations/ConsultationPage.js';
import { ScheduleConsultationPage } from '../features/consultations/ScheduleConsultationPage.js';
import { DenyRulesPage } from '../features/cross-border/DenyRulesPage.js';
import { TransferRegisterPage } from '../features/cross-border/TransferRegisterPage.js';
import { DashboardPage } from '../features/dashboard/DashboardPage.js';
import { DeclarationsPage } from '../features/declarations/DeclarationsPage.js';
import { PublicRegisterPage } from '../features/declarations/PublicRegisterPage.js';
import { HomePage } from '../features/home/HomePage.js';
import { InterconnectionsPage } from '../features/interconnections/InterconnectionsPage.js';
import { InvitationPage } from '../features/invitation/InvitationPage.js';
import { RequireJustification } from '../features/justification/justification-gate.js';
import { LoginPage } from '../features/login/LoginPage.js';
import { MfaEnrolmentPage } from '../features/mfa-enrolment/MfaEnrolmentPage.js';
import { NotFoundPage } from '../features/not-found/NotFoundPage.js';
import { OperatorPage } from '../features/operator/OperatorPage.js';
import { HostCoveragePage } from '../features/processors/HostCoveragePage.js';
import { ProcessorsPage } from '../features/processors/ProcessorsPage.js';
import { ProsecutorDeskPage } from '../features/prosecutor/ProsecutorDeskPage.js';
import { RepresentationsPage } from '../features/representations/RepresentationsPage.js';
import { DestructionListPage } from '../features/retention/DestructionListPage.js';
import { RetentionDeskPage } from '../features/retention/RetentionDeskPage.js';
import { RightsDeskPage } from '../features/rights/RightsDeskPage.js';
import { SessionsPage } from '../features/sessions/SessionsPage.js';
import { TransfersPage } from '../features/transfers/TransfersPage.js';
import { UndertakingGateProvider, useUndertakingGate } from '../features/undertaking/undertaking-gate.js';
import { UndertakingPage } from '../features/undertaking/UndertakingPage.js';
import { AuthProvider, useAuth } from './auth.js';
import { holdsCaseRole } from './case-roles.js';
import { ErrorAlert } from './ErrorAlert.js';
import { Layout } from './Layout.js';
import { problemText } from './problem-text.js';
import { matchPath, Redirect, useLocation } from './router.js';
import { safeNext } from './safe-next.js';

function Loading() {
  const { t } = useTranslation();
  return (
    <div role="status">
      <p>{t('common.loading')}</p>
    </div>
  );
}

const withNext = (path: string, next: string): string => `${path}?next=${encodeURIComponent(next)}`;

/** A page for a signed-in user with a full session; anyone else logs in first. */
function RequireSession({ children }: { children: ReactNode }) {
  const { state } = useAuth();
  const { path } = useLocation();
  if (state.status !== 'signed_in') return <Redirect to={withNext('/login', path)} />;
  if (state.session.purpose === 'mfa_enrolment') return <MfaEnrolmentPage />;
  return children;
}

/** A page behind the secrecy undertaking: it is shown first when due. */
function RequireUndertaking({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const { state, refresh } = useUndertakingGate();
  const { path } = useLocation();
  if (state.status === 'loading') return <Loading />;
  if (state.status === 'due') return <Redirect to={withNext('/undertaking', path)} />;
  if (state.status === 'error') {
    return (
      <>
        <ErrorAlert message={problemText(t, state.error)} />
        <button type="button" className="button" onClick={() => void refresh()}>
          {t('common.retry')}
        </button>
      </>
    );
  }
  return children;
}

/** Right after login: to the undertaking when it is due, else where the user was going. */
function AfterLogin({ next }: { next: string }) {
  const { state: auth } = useAuth();
  const { state } = useUndertakingGate();
  if (auth.status === 'signed_in' && auth.session.purpose === 'mfa_enrolment') return <MfaEnrolmentPage />;
  if (state.status === 'loading') return <Loading />;
  return <Redirect to={state.status === 'clear' ? next : withNext('/undertaking', next)} />;
}

/**
 * A page with case content: a session, the accepted undertaking (ROL-07), and the working
 * session's justification (issue 4 scope 7), in that order.
 */
function CaseAccess({ children }: { children: ReactNode }) {
  return (
    <RequireSession>
      <RequireUndertaking>
        <RequireJustification>{children}</RequireJustification>
      </RequireUndertaking>
    </RequireSession>
  );
}

/** The pages named by an id: a case, a consultation. */
function PageWithId({ path }: { path: string }) {
  const kase = matchPath('/cases/:caseId', path);
  if (kase?.caseId) {
    return (
      <CaseAccess>
        {/* key: another case is another page, with nothing kept from the previous one. */}
        <CasePage key={kase.caseId} caseId={kase.caseId} />
      </CaseAccess>
    );
  }
  // A destruction list holds ids, dates and counts, not case content: the undertaking, no justification.
  const destructionList = matchPath('/retention/destruction-lists/:listId', path);
  if (destructionList?.listId) {
    return (
      <RequireSession>
        <RequireUndertaking>
          <DestructionListPage key={destructionList.listId} listId={destructionList.listId} />
        </RequireUndertaking>
      </RequireSession>
    );
  }
  const consultation = matchPath('/consultations/:consultationId', path);
  if (consultation?.consultationId) {
    return (
      <CaseAccess>
        <ConsultationPage key={consultation.consultationId} consultationId={consultation.consultationId} />
      </CaseAccess>
    );
  }
  return <NotFoundPage />;
}

function Page() {
  const { state } = useAuth();
  const { path, query } = useLocation();
  if (state.status === 'loading') return <Loading />;
  switch (path) {
    case '/':
      // The dashboard for whoever takes part in cases; the home page for everyone else.
      return state.status === 'signed_in' && holdsCaseRole(state.session) ? (
        <CaseAccess>
          <DashboardPage />
        </CaseAccess>
      ) : (
        <HomePage />
      );
    case '/cases/new':
      return (
        <CaseAccess>
          <NewCasePage />
        </CaseAccess>
      );
    case '/consultations/new':
      return (
        <CaseAccess>
          <ScheduleConsultationPage />
        </CaseAccess>
      );
    case '/transfers':
      return (
        <CaseAccess>
          <TransfersPage />
        </CaseAccess>
      );
    case '/login':
      return state.status === 'signed_in' ? <AfterLogin next={safeNext(query.get('next'))} /> : <LoginPage />;
    case '/undertaking':
      return (
        <RequireSession>
          <UndertakingPage />
        </RequireSession>
      );
    case '/invitation':
      return <InvitationPage />;
    case '/public-register':
      // Art. 18: the register is open to the public, without login (SPEC DCL-24).
      return <PublicRegisterPage />;
    case '/declarations':
      // Declarations name frameworks, categories and recipients, not case content: the undertaking, no justification.
      return (
        <RequireSession>
          <RequireUndertaking>
            <DeclarationsPage />
          </RequireUndertaking>
        </RequireSession>
      );
    case '/operator':
      // The console is no case access: the server, not the undertaking, decides who uses it.
      return (
        <RequireSession>
          <OperatorPage />
        </RequireSession>
      );
    case '/representations':
      // Designating and accepting are no case access: the undertaking of ROL-07 does not gate them.
      return (
        <RequireSession>
          <RepresentationsPage />
        </RequireSession>
      );
    case '/prosecutor-desk':
      // The desk names persons and cases: the undertaking and the session's justification first.
      return (
        <CaseAccess>
          <ProsecutorDeskPage />
        </CaseAccess>
      );
    case '/rights-desk':
      // The desk holds requests of persons concerned, not case content: the undertaking, no justification.
      return (
        <RequireSession>
          <RequireUndertaking>
            <RightsDeskPage />
          </RequireUndertaking>
        </RequireSession>
      );
    case '/retention':
      // The retention desk holds ids, dates and statuses, not case content: the undertaking, no justification.
      return (
        <RequireSession>
          <RequireUndertaking>
            <RetentionDeskPage />
          </RequireUndertaking>
        </RequireSession>
      );
    case '/transfer-register':
      // The register names systems and countries, not case content: the undertaking, no justification.
      return (
        <RequireSession>
          <RequireUndertaking>
            <TransferRegisterPage />
          </RequireUndertaking>
        </RequireSession>
      );
    case '/transfer-deny-rules':
      // Like the operator console: the server, not the undertaking, decides who keeps the deny-list.
      return (
        <RequireSession>
          <DenyRulesPage />
        </RequireSession>
      );
    case '/compliance':
      // The dashboard names duties and figures, not case content: the undertaking, no justification.
      return (
        <RequireSession>
          <RequireUndertaking>
            <ComplianceDashboardPage />
          </RequireUndertaking>
        </RequireSession>
      );
    case '/security-evidence':
      // Like the operator console: the server, not the undertaking, decides who records the evidence.
      return (
        <RequireSession>
          <SecurityEvidencePage />
        </RequireSession>
      );
    case '/processors':
      // The registry names processors and contracts, no case content; the server decides who sees it.
      return (
        <RequireSession>
          <ProcessorsPage />
        </RequireSession>
      );
    case '/host-coverage':
      return (
        <RequireSession>
          <HostCoveragePage />
        </RequireSession>
      );
    case '/break-glass':
      // The host's staff read case content under a grant: bound by secrecy first (CP art. 458ter §2).
      return (
        <RequireSession>
          <RequireUndertaking>
            <BreakGlassPage />
          </RequireUndertaking>
        </RequireSession>
      );
    case '/interconnections':
      // The register names systems and categories, not case content: the undertaking, no justification.
      return (
        <RequireSession>
          <RequireUndertaking>
            <InterconnectionsPage />
          </RequireUndertaking>
        </RequireSession>
      );
    case '/sessions':
      return (
        <RequireSession>
          <RequireUndertaking>
            <SessionsPage />
          </RequireUndertaking>
        </RequireSession>
      );
    default:
      return <PageWithId path={path} />;
  }
}

export function App() {
  return (
    <AuthProvider>
      <UndertakingGateProvider>
        <Layout>
          <Page />
        </Layout>
      </UndertakingGateProvider>
    </AuthProvider>
  );
}
