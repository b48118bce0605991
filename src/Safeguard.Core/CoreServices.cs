using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.AspNetCore.Identity;
using Safeguard.Core.Audit;
using Safeguard.Core.Data;
using Safeguard.Core.Intake;
using Safeguard.Core.People;
using Safeguard.Core.Records;
using Safeguard.Core.Security;
using Safeguard.Core.Seeding;
using Safeguard.Core.Timescales;
using Safeguard.Core.Workforce;

namespace Safeguard.Core;

/// <summary>Registers the database, account stores and Core services, for the web app and the CLI alike.</summary>
public static class CoreServices
{
    public static IdentityBuilder AddSafeguardCore(this IServiceCollection services, DatabaseProvider provider, string connectionString,
        string? bankHolidaysFile = null)
    {
        // Before anything can open a connection (see the method).
        if (provider == DatabaseProvider.Sqlite) SqlitePragmas.ConfigureLibrary();
        services.AddSingleton<IWorkingDayCalendar>(_ => WorkingDayCalendar.FromFileOrDefault(bankHolidaysFile));
        services.TryAddSingleton(TimeProvider.System);
        services.TryAddScoped<IActorContext>(_ => new FixedActorContext(Actor.System));
        // Options built once, not per scope: building them costs more than the rest of making a context.
        services.AddDbContext<SafeguardDbContext>(options =>
            {
                DatabaseOptions.Configure(options, provider, connectionString);
                options.KeepIntakeStatements(provider);
            },
            optionsLifetime: ServiceLifetime.Singleton);
        services.AddScoped<Oversight.AuditSearch>();
        services.AddOptions<Audit.Chain.ChainAnchorSettings>();
        services.TryAddSingleton<Audit.Chain.ChainAnchoring>();
        services.AddScoped<Audit.Chain.AuditSealer>();
        services.AddScoped<Audit.Chain.AuditChainVerifier>();
        services.AddScoped<ChangesSince>();
        services.AddScoped<PersonRecords>();
        services.AddScoped<People.Access.NeedToKnow>();
        services.AddScoped<FrontDoor.ContactAccess>();
        services.AddScoped<People.Access.AccessLists>();
        services.AddScoped<UserAdministration>();
        services.AddScoped<OrganisationAdministration>();
        services.AddScoped<TeamAdministration>();
        services.AddScoped<DemoCouncil>();
        services.AddScoped<DatabaseMigrator>();
        services.AddScoped<Work.TeamWork>();
        services.AddScoped<VisibleWork>();
        services.TryAddSingleton(PersonMatchingSettings.Default);
        services.AddScoped<PersonCandidates>();
        services.AddScoped<PersonMerging>();
        services.AddScoped<PersonFamilyRecords>();
        services.AddScoped<DuplicateSweep>();
        services.AddScoped<Jobs.JobLeases>();
        services.AddScoped<DuplicateReview>();
        services.AddScoped<CensusDetails>();
        // The matching engine replaces the exact linker (kept for tests and as the simplest fallback).
        services.TryAddScoped<IPersonLinker, IndexedPersonLinker>();
        services.TryAddSingleton<RecentNewPeople>();
        services.AddOptions<ScreeningClockOptions>();
        services.TryAddSingleton(sp => new ScreeningDecisionClock(sp.GetRequiredService<IWorkingDayCalendar>(),
            sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<ScreeningClockOptions>>().Value.UrgentDecisionBy));
        services.TryAddSingleton(sp => new Work.WorkClocks(sp.GetRequiredService<ScreeningDecisionClock>()));
        services.AddScoped<Work.WorkItems>();
        services.AddScoped<FrontDoor.ContactIntake>();
        services.AddScoped<FrontDoor.ContactInformationRecords>();
        services.AddScoped<FrontDoor.ContactsOnOpenCases>();
        services.AddScoped<FrontDoor.PartnerReferrals>();
        services.AddIntakeWriter();
        services.AddScoped<FrontDoor.ScreeningDecisions>();
        services.AddScoped<FrontDoor.FrontDoorTray>();
        services.AddScoped<FrontDoor.ContactDetails>();
        services.AddScoped<CaseWork.ChildStatuses>();
        services.AddScoped<CaseWork.IChildAlerts, Oversight.ChildAlerts>();
        services.AddScoped<Oversight.BacklogBoard>();
        services.AddScoped<FrontDoor.FeedbackDispatcher>();
        services.AddScoped<Oversight.OverdueSweep>();
        services.AddScoped<Oversight.ManagerAlerts>();
        services.AddOptions<Sessions.SessionSettings>();
        services.AddScoped<Sessions.SignInSessions>();
        services.AddOptions<Security.Throttling.SignInThrottleSettings>();
        services.AddScoped<Security.Throttling.SignInThrottling>();
        services.AddScoped<Security.Authenticator.AuthenticatorSteps>();
        services.AddScoped<Passwords.PasswordChanges>();
        services.AddScoped<Passwords.TwoFactorResets>();
        services.AddScoped<FrontDoor.PartnerKeys>();
        services.AddOptions<Workforce.CaseloadSettings>();
        services.AddScoped<Allocation.Caseloads>();
        services.AddScoped<Allocation.Leavers>();
        services.AddScoped<IHeldCases>(sp => sp.GetRequiredService<Allocation.Leavers>());
        services.AddScoped<Allocation.CompetenceLapses>();
        services.AddScoped<StaffRecords>();
        services.AddOptions<Supervision.SupervisionSettings>();
        services.AddScoped<Supervision.SupervisionRecords>();
        services.AddScoped<Assessments.ChildAndFamilyAssessments>();
        services.AddScoped<Enquiries.StrategyDiscussions>();
        services.AddScoped<Enquiries.Section47Outcomes>();
        services.AddScoped<Enquiries.StrategyPartnerOversight>();
        services.AddScoped<Conferences.ChildProtectionConferences>();
        services.AddScoped<Conferences.ChildProtectionPlans>();
        services.AddScoped<Closure.CaseClosures>();
        services.AddOptions<CaseNotes.VisitSettings>();
        services.AddScoped<CaseNotes.CaseNotes>();
        services.AddScoped<CaseNotes.ProtectionVisits>();
        services.AddScoped<ChildInNeed.ChildInNeedPlans>();
        services.AddScoped<ChildInNeed.ChildInNeedPlanViews>();
        services.AddScoped<Chronology.ChildChronologies>();
        services.AddScoped<Chronology.SignificantEvents>();
        services.AddScoped<Chronology.HistoryAtDecision>();
        services.AddOptions<Chronology.Patterns.PatternAlertSettings>();
        services.AddScoped<Chronology.Patterns.PatternAlerts>();
        services.AddScoped<Chronology.Patterns.PatternSweep>();
        services.AddOptions<Oversight.Flow.FlowWatchSettings>();
        services.AddScoped<Oversight.Flow.FlowWatch>();
        services.AddScoped<Documents.ChildDocuments>();
        services.AddScoped<Drafts.FormDrafts>();
        services.AddOptions<Attachments.AttachmentSettings>();
        services.AddScoped<Attachments.DatabaseAttachmentStore>();
        services.AddScoped<Attachments.AttachmentStores>();
        services.AddScoped<Attachments.Attachments>();
        services.AddScoped<Arrangements.CarerArrangements>();
        services.AddScoped<Supervision.SupervisionHistory>();
        services.AddScoped<Allocation.WorkerCases>();
        services.AddScoped<Allocation.ManyWorkersList>();
        services.AddScoped<Allocation.AllocationExceptions>();
        services.AddScoped<Allocation.TeamOverview>();
        services.AddScoped<Allocation.Allocations>();
        services.AddScoped<Allocation.AgreedActions>();
        services.AddOptions<Returns.CinCensusSettings>();
        services.AddScoped<Returns.CinCensusExport>();
        services.AddScoped<Returns.Validation.CinCensusValidation>();
        services.AddOptions<Escalations.EscalationSettings>();
        services.AddScoped<Escalations.EscalationRecords>();
        services.AddScoped<Escalations.EscalationCounts>();
        services.AddScoped<Recommendations.Recommendations>();
        services.AddScoped<Recommendations.RecommendationViews>();
        services.AddScoped<Returns.AnnexA.AnnexAExport>();
        services.AddScoped<Returns.AnnexA.AnnexAJobs>();
        Performance.PerformanceServices.AddPerformance(services);
        return services.AddIdentityCore<StaffUser>(IdentityPolicy.Configure)
            .AddRoles<StaffRole>()
            .AddPasswordValidator<Passwords.CommonPasswordValidator>()
            .AddEntityFrameworkStores<SafeguardDbContext>();
    }
}
