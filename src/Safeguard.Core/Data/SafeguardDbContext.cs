using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Safeguard.Core.Audit;
using Safeguard.Core.CaseWork;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Core.Security;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Data;

/// <summary>
/// The one provider-neutral model for SQLite and PostgreSQL. Every change to an <see cref="IAudited"/> entity is
/// written as an event in the same SaveChanges (so the same transaction) as the change itself.
/// </summary>
public sealed class SafeguardDbContext(DbContextOptions<SafeguardDbContext> options, IActorContext actors, TimeProvider time)
    : IdentityDbContext<StaffUser, StaffRole, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Organisation> Organisations => Set<Organisation>();
    public DbSet<Team> Teams => Set<Team>();
    public DbSet<Person> People => Set<Person>();
    public DbSet<PersonAddress> PersonAddresses => Set<PersonAddress>();
    public DbSet<PersonName> PersonNames => Set<PersonName>();
    public DbSet<PersonRelationship> PersonRelationships => Set<PersonRelationship>();
    public DbSet<DuplicateCandidate> DuplicateCandidates => Set<DuplicateCandidate>();
    public DbSet<PersonMerge> PersonMerges => Set<PersonMerge>();
    public DbSet<People.Access.PersonAccessGrant> PersonAccessGrants => Set<People.Access.PersonAccessGrant>();
    public DbSet<Contact> Contacts => Set<Contact>();
    public DbSet<ContactChild> ContactChildren => Set<ContactChild>();
    public DbSet<Referral> Referrals => Set<Referral>();
    public DbSet<Assessment> Assessments => Set<Assessment>();
    public DbSet<ChildPlan> ChildPlans => Set<ChildPlan>();
    public DbSet<Conferences.ChildProtectionConference> ChildProtectionConferences => Set<Conferences.ChildProtectionConference>();
    public DbSet<Conferences.ConferenceAttendee> ConferenceAttendees => Set<Conferences.ConferenceAttendee>();
    public DbSet<Conferences.CoreGroupMeeting> CoreGroupMeetings => Set<Conferences.CoreGroupMeeting>();
    public DbSet<CaseNotes.CaseNote> CaseNotes => Set<CaseNotes.CaseNote>();
    public DbSet<ChildInNeed.ChildInNeedReview> ChildInNeedReviews => Set<ChildInNeed.ChildInNeedReview>();
    public DbSet<Arrangements.CarerArrangement> CarerArrangements => Set<Arrangements.CarerArrangement>();
    public DbSet<Arrangements.CarerCheck> CarerChecks => Set<Arrangements.CarerCheck>();
    public DbSet<Section47Enquiry> Section47Enquiries => Set<Section47Enquiry>();
    public DbSet<Enquiries.StrategyDiscussion> StrategyDiscussions => Set<Enquiries.StrategyDiscussion>();
    public DbSet<Enquiries.StrategyParticipant> StrategyParticipants => Set<Enquiries.StrategyParticipant>();
    public DbSet<LookedAfterPeriod> LookedAfterPeriods => Set<LookedAfterPeriod>();
    public DbSet<WorkItem> WorkItems => Set<WorkItem>();
    public DbSet<EventRecord> Events => Set<EventRecord>();
    public DbSet<Audit.Chain.AuditSeal> AuditSeals => Set<Audit.Chain.AuditSeal>();
    public DbSet<FeedbackMessage> FeedbackMessages => Set<FeedbackMessage>();
    public DbSet<Oversight.Alert> Alerts => Set<Oversight.Alert>();
    public DbSet<Oversight.Flow.FlowCheck> FlowChecks => Set<Oversight.Flow.FlowCheck>();
    public DbSet<Sessions.SignInSession> SignInSessions => Set<Sessions.SignInSession>();
    public DbSet<Security.Throttling.SignInThrottle> SignInThrottles => Set<Security.Throttling.SignInThrottle>();
    public DbSet<Security.Authenticator.AcceptedAuthenticatorStep> AcceptedAuthenticatorSteps => Set<Security.Authenticator.AcceptedAuthenticatorStep>();
    public DbSet<Chronology.Patterns.PatternAlert> PatternAlerts => Set<Chronology.Patterns.PatternAlert>();
    public DbSet<Chronology.Patterns.PatternSweepMark> PatternSweepMarks => Set<Chronology.Patterns.PatternSweepMark>();
    public DbSet<Drafts.FormDraft> FormDrafts => Set<Drafts.FormDraft>();
    public DbSet<Attachments.Attachment> Attachments => Set<Attachments.Attachment>();
    public DbSet<Attachments.AttachmentContent> AttachmentContents => Set<Attachments.AttachmentContent>();
    public DbSet<PartnerApiKey> PartnerApiKeys => Set<PartnerApiKey>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<ContactInformation> ContactInformation => Set<ContactInformation>();
    public DbSet<TrainingRecord> TrainingRecords => Set<TrainingRecord>();
    public DbSet<StaffAbsence> StaffAbsences => Set<StaffAbsence>();
    public DbSet<Allocation.CaseAllocation> CaseAllocations => Set<Allocation.CaseAllocation>();
    public DbSet<Allocation.WorkerContinuity> WorkerContinuity => Set<Allocation.WorkerContinuity>();
    public DbSet<Supervision.SupervisionRecord> SupervisionRecords => Set<Supervision.SupervisionRecord>();
    public DbSet<Escalations.Escalation> Escalations => Set<Escalations.Escalation>();
    public DbSet<Performance.Daily.PerformanceFigure> PerformanceFigures => Set<Performance.Daily.PerformanceFigure>();
    public DbSet<Performance.Daily.PerformanceDay> PerformanceDays => Set<Performance.Daily.PerformanceDay>();
    public DbSet<Performance.Daily.PerformanceRefreshClaim> PerformanceRefreshClaims => Set<Performance.Daily.PerformanceRefreshClaim>();
    public DbSet<Returns.AnnexA.AnnexAJob> AnnexAJobs => Set<Returns.AnnexA.AnnexAJob>();
    public DbSet<Recommendations.Recommendation> Recommendations => Set<Recommendations.Recommendation>();
    public DbSet<Recommendations.RecommendationAction> RecommendationActions => Set<Recommendations.RecommendationAction>();
    public DbSet<Recommendations.RecommendationEvidence> RecommendationEvidence => Set<Recommendations.RecommendationEvidence>();
    public DbSet<Jobs.JobLease> JobLeases => Set<Jobs.JobLease>();
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    public TimeProvider Time => time;

    /// <summary>The connection string, read from the options without starting the context's services (cheap).</summary>
    internal string ConnectionString =>
        options.Extensions.OfType<Microsoft.EntityFrameworkCore.Infrastructure.RelationalOptionsExtension>().FirstOrDefault()?.ConnectionString ?? "";

    /// <summary>
    /// Who the events of the next changes are written as: <see cref="ActingAs"/> when set, otherwise the scope's
    /// <see cref="IActorContext"/>. A context that records the work of several actors in one save (the group-commit
    /// intake writer) sets <see cref="ActingAs"/> before adding each actor's entities: an added entity's "created"
    /// event names whoever was acting when it was added, whenever it is saved.
    /// </summary>
    public Actor Actor => ActingAs ?? actors.Current;

    /// <summary>Overrides the scope's actor for changes made from now on (null: the scope's actor again).</summary>
    public Actor? ActingAs
    {
        get => _actingAs;
        set
        {
            if (value is not null && !_watchingAdds)
            {
                ChangeTracker.Tracked += RememberWhoAdded;
                _watchingAdds = true;
            }
            _actingAs = value;
        }
    }

    private Actor? _actingAs;
    private bool _watchingAdds;

    /// <summary>Added entities and who added them, for their "created" events; kept only while someone else is acting.</summary>
    private readonly Dictionary<object, Actor> _addedBy = new(ReferenceEqualityComparer.Instance);

    internal Actor AddedBy(object entity) => _addedBy.GetValueOrDefault(entity) ?? Actor;

    private void RememberWhoAdded(object? sender, EntityTrackedEventArgs e)
    {
        if (ActingAs is { } actor && !e.FromQuery && e.Entry.State == EntityState.Added && e.Entry.Entity is IAudited)
        {
            _addedBy[e.Entry.Entity] = actor;
        }
    }

    /// <summary>Why the pending changes are being made; written on each event of the next save.</summary>
    public string? ChangeReason { get; set; }

    /// <summary>
    /// Adds a typed event for something that happened, saved with the other pending changes: its catalogue name, its
    /// description as the summary, and its payload as the data.
    /// </summary>
    public EventRecord Record<T>(T happened, Guid? personId = null, string? subjectType = null, Guid? subjectId = null,
        string? reason = null, Actor? actor = null) where T : IEvent =>
        AddEvent(TypedEvent.Of(happened), personId, subjectType, subjectId, reason, actor);

    /// <summary>Only through a typed event: an event's name and data are those of its kind (<see cref="EventCatalogue"/>).</summary>
    private EventRecord AddEvent(TypedEvent typed, Guid? personId, string? subjectType, Guid? subjectId, string? reason, Actor? actor)
    {
        var record = new EventRecord(typed.Type, time.GetUtcNow(), actor ?? Actor, typed.Summary)
        {
            PersonId = personId,
            SubjectType = subjectType,
            SubjectId = subjectId,
            Reason = reason ?? ChangeReason,
            Data = typed.Data,
        };
        Events.Add(record);
        return record;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        UnstorableText.Refuse(ChangeTracker);
        VersionTokens.MoveOn(this);
        ChangeEvents.Capture(this);
        if (Allocation.CaseloadFacts.Affected(ChangeTracker) is { } children)
        {
            // Rare (seeding and tests save this way); the facts are followed as in the asynchronous save.
            using var own = Database.CurrentTransaction is null ? Database.BeginTransaction() : null;
            var count = base.SaveChanges(acceptAllChangesOnSuccess);
            Saved();
            Allocation.CaseloadFacts.FollowAsync(this, children, CancellationToken.None).GetAwaiter().GetResult();
            own?.Commit();
            return count;
        }
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        Saved();
        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        UnstorableText.Refuse(ChangeTracker);
        VersionTokens.MoveOn(this);
        ChangeEvents.Capture(this);
        if (Allocation.CaseloadFacts.Affected(ChangeTracker) is { } children)
        {
            await using var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
            var count = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
            Saved();
            await Allocation.CaseloadFacts.FollowAsync(this, children, cancellationToken);
            if (own is not null) await own.CommitAsync(cancellationToken);
            return count;
        }
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        Saved();
        return saved;
    }

    /// <summary>
    /// Saves as <see cref="SaveChangesAsync(bool, CancellationToken)"/> does (the change events added first, in the same
    /// save), but offers the rows to <paramref name="insert"/> before EF writes them: it returns false, having written
    /// nothing, to leave the save to EF. Changes are detected once; either way the tracker is cleared afterwards (values
    /// the database generates are not read back). <paramref name="blocking"/>: wait for the database by blocking the
    /// thread instead of awaiting. (The partner intake writer saves its batches this way: Safeguard.Core.Intake.)
    /// </summary>
    internal async Task SaveAddedAsync(Func<SafeguardDbContext, bool, CancellationToken, Task<bool>> insert, bool blocking,
        CancellationToken ct = default)
    {
        // Changes are found once: the events and the inserts only add or read entries.
        ChangeTracker.DetectChanges();
        var detecting = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            // No NUL check here (UnstorableText): intake's content is checked at its door (ContactContentRule), and the
            // writer's batch is the one path whose every microsecond counts.
            ChangeEvents.Capture(this);
            if (!await insert(this, blocking, ct))
            {
                if (blocking) base.SaveChanges(true);
                else await base.SaveChangesAsync(true, ct);
            }
        }
        finally
        {
            ChangeTracker.AutoDetectChangesEnabled = detecting;
        }
        ChangeTracker.Clear();
        Saved();
    }

    private void Saved()
    {
        ChangeReason = null;
        _addedBy.Clear();
    }

    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
    {
        configurationBuilder.Properties<DateTimeOffset>().HaveConversion<UtcDateTimeOffsetConverter>();
        configurationBuilder.Properties<string>().HaveMaxLength(400);
        StringEnums.Configure(configurationBuilder);
    }

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.ApplyConfigurationsFromAssembly(typeof(SafeguardDbContext).Assembly);
    }
}
