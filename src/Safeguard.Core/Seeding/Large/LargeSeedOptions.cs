namespace Safeguard.Core.Seeding.Large;

/// <summary>What to generate. The same <see cref="Seed"/>, <see cref="Scale"/> and <see cref="EndDate"/> give identical data.</summary>
public sealed record LargeSeedOptions
{
    /// <summary>Seeds the random stream and the deterministic ids.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>1.0 = full size (about 300,000 people and 1,000,000 contacts); tests use e.g. 0.002.</summary>
    public double Scale { get; init; } = 1.0;

    /// <summary>The ten years of history end on this day ("today"); the caller passes it from its TimeProvider.</summary>
    public required DateOnly EndDate { get; init; }

    /// <summary>The name of the synthetic council; teams, partners and e-mail domains are derived from it.</summary>
    public string CouncilName { get; init; } = "Brackenford";

    /// <summary>Contacts generated and written per transaction (with their children, referrals, plans and events).</summary>
    public int ContactsPerChunk { get; init; } = 10_000;

    /// <summary>
    /// Cases allocated in this many months before <see cref="EndDate"/> are worked through the domain services after the
    /// bulk load (assessments, strategy discussions, enquiries, conferences, plans with core groups, visits and reviews,
    /// closures), each step on its own day; older history is written in bulk. 0 writes everything in bulk.
    /// </summary>
    public int WalkedMonths { get; init; } = 3;

    /// <summary>The real falls in the flow written into the history (<see cref="InjectedDrops.Default"/>); null for none.</summary>
    public InjectedDrops? Drops { get; init; } = InjectedDrops.Default;

    public const int FullSizePeople = 300_000;
    public const int FullSizeContacts = 1_000_000;

    internal int PeopleTarget => Math.Max(20, (int)Math.Round(FullSizePeople * Scale));
    internal int ContactTarget => Math.Max(20, (int)Math.Round(FullSizeContacts * Scale));
}

/// <summary>One step of progress: the phase, how much of it is done and how much there is in all.</summary>
public sealed record SeedProgress(string Phase, long Done, long Total);

/// <summary>What the seeder wrote, per table, and how long it took.</summary>
public sealed record LargeSeedResult(
    int Teams,
    int Organisations,
    int StaffUsers,
    long People,
    long PersonAddresses,
    long Contacts,
    long ContactChildren,
    long Referrals,
    long Assessments,
    long ChildPlans,
    long WorkItems,
    long Events,
    TimeSpan Elapsed,
    long TrainingRecords = 0,
    long StaffAbsences = 0,
    long CaseAllocations = 0,
    long SupervisionRecords = 0,
    long StrategyDiscussions = 0,
    long Section47Enquiries = 0,
    long Conferences = 0,
    long CasesWalked = 0)
{
    public long TotalRows => Teams + Organisations + StaffUsers + People + PersonAddresses + Contacts + ContactChildren
        + Referrals + Assessments + ChildPlans + WorkItems + Events + TrainingRecords + StaffAbsences + CaseAllocations + SupervisionRecords
        + StrategyDiscussions + Section47Enquiries + Conferences;
}
