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
    : IdentityDbContext<StaffUser, StaffRole, Guid>(options)
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
    public DbSet<Section47Enquiry> Section47Enquiries => Set<Section47Enquiry>();
    public DbSet<LookedAfterPeriod> LookedAfterPeriods => Set<LookedAfterPeriod>();
    public DbSet<WorkItem> WorkItems => Set<WorkItem>();
    public DbSet<EventRecord> Events => Set<EventRecord>();
    public DbSet<FeedbackMessage> FeedbackMessages => Set<FeedbackMessage>();
    public DbSet<Oversight.Alert> Alerts => Set<Oversight.Alert>();
    public DbSet<PartnerApiKey> PartnerApiKeys => Set<PartnerApiKey>();
    public DbSet<IdempotencyRecord> IdempotencyRecords => Set<IdempotencyRecord>();
    public DbSet<ContactInformation> ContactInformation => Set<ContactInformation>();

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
        Record(T.Name, happened.Describe(), personId, subjectType, subjectId, reason, EventCatalogue.Serialise(happened), actor);

    /// <summary>Adds an event for something that happened, saved with the other pending changes.</summary>
    public EventRecord Record(string type, string summary, Guid? personId = null, string? subjectType = null,
        Guid? subjectId = null, string? reason = null, string? data = null, Actor? actor = null)
    {
        var record = new EventRecord(type, time.GetUtcNow(), actor ?? Actor, summary)
        {
            PersonId = personId,
            SubjectType = subjectType,
            SubjectId = subjectId,
            Reason = reason ?? ChangeReason,
            Data = data,
        };
        Events.Add(record);
        return record;
    }

    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        ChangeEvents.Capture(this);
        var saved = base.SaveChanges(acceptAllChangesOnSuccess);
        Saved();
        return saved;
    }

    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        ChangeEvents.Capture(this);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        Saved();
        return saved;
    }

    /// <summary>
    /// Saves a context whose pending changes are all additions (with their events, as <see cref="SaveChangesAsync(bool, CancellationToken)"/>)
    /// through <see cref="AddedRows"/>: each table's INSERT written once and, on SQLite, compiled once per open connection.
    /// Anything it cannot write exactly as SaveChanges would goes through SaveChanges. Either way the tracker is cleared
    /// afterwards: values the database generates (an event's number) are not read back. <paramref name="blocking"/>: wait
    /// for the database by blocking the thread (the intake writer's own thread) instead of awaiting.
    /// </summary>
    public async Task SaveNewRowsAsync(bool blocking = false, CancellationToken ct = default)
    {
        // Changes are found once: the events and the inserts only add or read entries.
        ChangeTracker.DetectChanges();
        var detecting = ChangeTracker.AutoDetectChangesEnabled;
        ChangeTracker.AutoDetectChangesEnabled = false;
        try
        {
            ChangeEvents.Capture(this);
            if (!await AddedRows.TryInsertAsync(this, blocking, ct))
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
