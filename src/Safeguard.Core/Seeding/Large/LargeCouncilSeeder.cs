using System.Diagnostics;
using Safeguard.Core.Allocation;
using Safeguard.Core.Data;
using Safeguard.Core.Security;
using Safeguard.Core.Seeding.Large.Bulk;

namespace Safeguard.Core.Seeding.Large;

/// <summary>
/// <c>seed --size large</c>: a deterministic synthetic council with ten years of history (about 300,000 people and
/// 1,000,000 contacts at full scale), written with provider-specific bulk writers instead of EF change tracking.
/// The cases allocated in its last few months are then worked through the domain services (<see cref="RecentCasework"/>).
/// The database must already be migrated; it may be empty or hold other data (teams and partner organisations
/// are reused by name). See docs/large-seed.md.
/// </summary>
public sealed class LargeCouncilSeeder
{
    public async Task<LargeSeedResult> RunAsync(DatabaseProvider provider, string connectionString, LargeSeedOptions options,
        IProgress<SeedProgress>? progress = null, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (options.Scale is <= 0 or > 10) throw new ArgumentOutOfRangeException(nameof(options), "Scale must be above 0 and at most 10.");
        if (options.ContactsPerChunk < 1) throw new ArgumentOutOfRangeException(nameof(options), "ContactsPerChunk must be at least 1.");
        if (options.WalkedMonths is < 0 or > 120) throw new ArgumentOutOfRangeException(nameof(options), "WalkedMonths must be from 0 to 120.");
        var clock = Stopwatch.StartNew();
        var random = new Random(options.Seed);

        await using var writer = await BulkWriter.OpenAsync(provider, connectionString, ct);
        var already = await writer.QueryAsync("SELECT \"Reference\" FROM \"Contacts\" WHERE \"Reference\" LIKE 'LC-%' LIMIT 1",
            r => r.GetString(0), ct);
        if (already.Count > 0)
        {
            throw new InvalidOperationException(
                "This database already holds a large synthetic council (contact references LC-...). Seed a fresh database instead.");
        }

        progress?.Report(new SeedProgress("Workforce", 0, 1));
        var workforce = await Workforce.EnsureAsync(writer, options, random, ct);
        progress?.Report(new SeedProgress("Workforce", 1, 1));

        var population = await Population.GenerateAsync(writer, options, workforce, random, progress, ct);

        var casework = new Casework(options, workforce, population, random);
        await casework.GenerateAsync(writer, progress, ct);

        var databaseOptions = DatabaseOptions.Build(provider, connectionString);
        progress?.Report(new SeedProgress("Casework", 0, casework.Walks.Count));
        await using (var db = new SafeguardDbContext(databaseOptions, new FixedActorContext(Actor.System), TimeProvider.System))
        {
            // The bulk rows bypass the context, so the caseload facts it keeps are worked out once for them all; the walk
            // below goes through the context, which keeps them up to date from there.
            await CaseloadFacts.RebuildAllAsync(db, ct);
        }
        var walked = await RecentCasework.WalkAsync(databaseOptions, options, workforce, casework.Walks, progress, ct);

        progress?.Report(new SeedProgress("Finishing", 0, 1));
        // The pattern sweep reads the log in id order from its mark; ten years loaded at once are not in time order, so its
        // next run starts afresh instead: the children with something recent, found by time, then the end of the log.
        await writer.ExecuteAsync("DELETE FROM \"PatternSweepMarks\"", ct);
        await writer.FinishAsync(ct);
        progress?.Report(new SeedProgress("Finishing", 1, 1));

        return new LargeSeedResult(
            Teams: workforce.TeamsCreated,
            Organisations: workforce.OrganisationsCreated,
            StaffUsers: workforce.UsersCreated,
            People: population.People,
            PersonAddresses: population.Addresses,
            Contacts: casework.Contacts,
            ContactChildren: casework.ContactChildren,
            Referrals: casework.Referrals,
            Assessments: casework.Assessments + walked.Assessments,
            ChildPlans: casework.ChildPlans + walked.ChildPlans,
            WorkItems: casework.WorkItems + walked.WorkItems,
            Events: population.Events + casework.Events + walked.Events,
            Elapsed: clock.Elapsed,
            TrainingRecords: workforce.TrainingRecords,
            StaffAbsences: workforce.StaffAbsences,
            CaseAllocations: casework.CaseAllocations,
            SupervisionRecords: casework.SupervisionRecords,
            StrategyDiscussions: casework.StrategyDiscussions + walked.StrategyDiscussions,
            Section47Enquiries: casework.Section47Enquiries + walked.Section47Enquiries,
            Conferences: casework.Conferences + walked.Conferences,
            CasesWalked: casework.Walks.Count);
    }
}
