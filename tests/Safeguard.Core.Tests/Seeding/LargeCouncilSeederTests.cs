using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Allocation;
using Safeguard.Core.Assessments;
using Safeguard.Core.Audit;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Chronology.Patterns;
using Safeguard.Core.ChildInNeed;
using Safeguard.Core.Conferences;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.Security;
using Safeguard.Core.Seeding.Large;
using Safeguard.Core.Supervision;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.Seeding;

/// <summary>One small-scale large seed shared by the read-only tests of this class.</summary>
public sealed class SmallLargeSeed : IAsyncLifetime
{
    public static readonly LargeSeedOptions Options = new()
    {
        Seed = 7, Scale = 0.002, EndDate = new DateOnly(2026, 3, 2), ContactsPerChunk = 700,
    };

    public TestDatabase Database { get; private set; } = null!;
    public LargeSeedResult Result { get; private set; } = null!;
    public List<SeedProgress> Progress { get; } = [];

    public async Task InitializeAsync()
    {
        Database = await TestDatabase.CreateMigratedAsync();
        await CreateRolesAsync(Database);
        Result = await new LargeCouncilSeeder().RunAsync(Database.Provider, Database.ConnectionString, Options,
            new SynchronousProgress(Progress.Add));
    }

    /// <summary>The role rows, as the demo seed (which <c>safeguard seed</c> runs first) creates them: the large seed assigns roles only when they exist.</summary>
    public static async Task CreateRolesAsync(TestDatabase database)
    {
        await using var db = database.CreateContext();
        db.Roles.AddRange(Roles.All.Select(r => new StaffRole(r)));
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await Database.DisposeAsync();

    private sealed class SynchronousProgress(Action<SeedProgress> report) : IProgress<SeedProgress>
    {
        public void Report(SeedProgress value) => report(value);
    }
}

public sealed class LargeCouncilSeederTests(SmallLargeSeed seed) : IClassFixture<SmallLargeSeed>
{
    [Fact]
    public async Task Run_SmallScale_WritesTheScaledCountsInRealisticProportions()
    {
        await using var db = seed.Database.CreateContext();
        var result = seed.Result;

        (await db.People.CountAsync()).ShouldBe(600);
        (await db.Contacts.CountAsync()).ShouldBe(2000);
        result.People.ShouldBe(600);
        result.Contacts.ShouldBe(2000);
        (await db.Teams.CountAsync()).ShouldBe(10);
        (await db.Users.CountAsync()).ShouldBe(300);
        (await db.Organisations.CountAsync()).ShouldBeInRange(28, 40);

        var children = await db.ContactChildren.CountAsync();
        ((double)children / 2000).ShouldBeInRange(1.1, 1.8);
        var decided = await db.Contacts.CountAsync(c => c.Status == ContactStatus.Decided);
        ((double)decided / 2000).ShouldBeGreaterThan(0.97);
        var referred = await db.Contacts.CountAsync(c =>
            c.Outcome == ScreeningOutcome.ReferralToSocialCare || c.Outcome == ScreeningOutcome.StrategyDiscussion);
        ((double)referred / decided).ShouldBeInRange(0.2, 0.45);
        var referrals = await db.Referrals.CountAsync();
        var assessments = await db.Assessments.CountAsync();
        ((double)assessments / referrals).ShouldBeInRange(0.45, 0.8);
        (await db.ChildPlans.CountAsync(p => p.Kind == PlanKind.ChildProtection)).ShouldBeGreaterThan(0);
        (await db.ChildPlans.CountAsync(p => p.Kind == PlanKind.ChildInNeed)).ShouldBeGreaterThan(0);
        (await db.PersonAddresses.CountAsync()).ShouldBeGreaterThanOrEqualTo(600);

        result.Referrals.ShouldBe(referrals);
        result.Assessments.ShouldBe(assessments);
        result.ContactChildren.ShouldBe(children);
        (await db.Events.LongCountAsync()).ShouldBe(result.Events);
    }

    [Fact]
    public async Task Run_EveryContactHasAtLeastOneChild_AndEveryChildIsUnder18WhenTheContactArrives()
    {
        await using var db = seed.Database.CreateContext();
        (await db.Contacts.CountAsync(c => !c.Children.Any())).ShouldBe(0);
        var rows = await db.ContactChildren
            .Join(db.Contacts, cc => cc.ContactId, c => c.Id, (cc, c) => new { c.ReceivedAt, cc.PersonId })
            .Join(db.People, x => x.PersonId, p => p.Id, (x, p) => new { x.ReceivedAt, p.DateOfBirth })
            .ToListAsync();
        rows.ShouldAllBe(r => r.DateOfBirth != null
            && r.DateOfBirth <= DateOnly.FromDateTime(r.ReceivedAt.UtcDateTime)
            && r.DateOfBirth > DateOnly.FromDateTime(r.ReceivedAt.UtcDateTime).AddYears(-18));
    }

    [Fact]
    public async Task Run_EveryOpenWorkItemHasAnOwnerTeamAndADueTime_AndTraysHaveWork()
    {
        await using var db = seed.Database.CreateContext();
        var open = await db.WorkItems.Where(w => w.ClosedAt == null).ToListAsync();
        var teams = await db.Teams.Select(t => t.Id).ToListAsync();
        open.ShouldNotBeEmpty();
        open.ShouldAllBe(w => teams.Contains(w.OwnerTeamId) && w.DueAt > w.OpenedAt && (w.PersonId != null || w.Kind == WorkKind.PersonalSupervision));
        open.Count(w => w.Kind == WorkKind.ScreeningDecision).ShouldBeGreaterThanOrEqualTo(8);
        open.Count(w => w.Kind == WorkKind.Allocation).ShouldBeGreaterThan(0);

        var awaiting = await db.Contacts.Where(c => c.Status == ContactStatus.AwaitingDecision).Select(c => c.Id).ToListAsync();
        awaiting.ShouldBe(open.Where(w => w.Kind == WorkKind.ScreeningDecision).Select(w => w.SubjectId), ignoreOrder: true);
        var unallocated = await db.Referrals.Where(r => r.Status == ReferralStatus.AwaitingAllocation).Select(r => r.Id).ToListAsync();
        unallocated.ShouldBe(open.Where(w => w.Kind == WorkKind.Allocation).Select(w => w.SubjectId), ignoreOrder: true);
    }

    [Fact]
    public async Task Run_WritesTheTypedStepEventOfEveryContactReferralAssessmentAndPlan_InBulkOrByItsService()
    {
        await using var db = seed.Database.CreateContext();
        var received = db.Events.Where(e => e.Type == ContactReceived.Name && e.SubjectType == nameof(Contact));
        (await db.ContactChildren.CountAsync(c => !received.Any(e => e.SubjectId == c.ContactId && e.PersonId == c.PersonId))).ShouldBe(0);
        var decided = db.Events.Where(e => e.Type == ContactDecided.Name && e.SubjectType == nameof(Contact));
        (await db.Contacts.CountAsync(c => c.Outcome != null && !decided.Any(e => e.SubjectId == c.Id))).ShouldBe(0);
        var created = db.Events.Where(e => e.Type == RecordCreated.Name && e.Data != null);
        (await db.Referrals.CountAsync(r => !created.Any(e => e.SubjectId == r.Id && e.PersonId == r.PersonId && e.Summary == "Referral created"))).ShouldBe(0);
        var assessed = db.Events.Where(e => e.Type == AssessmentStarted.Name);
        (await db.Assessments.CountAsync(a => !assessed.Any(e => e.SubjectId == a.Id && e.PersonId == a.PersonId))).ShouldBe(0);
        var planned = db.Events.Where(e => e.Type == ChildInNeedPlanStarted.Name || e.Type == ChildProtectionPlanStarted.Name);
        (await db.ChildPlans.CountAsync(p => !planned.Any(e => e.SubjectId == p.Id && e.PersonId == p.PersonId))).ShouldBe(0);
        // The steps' own events stand for them: no untyped "created" event for a contact, an assessment or a plan.
        string[] steps = [nameof(Contact), nameof(Assessment), nameof(ChildPlan)];
        (await db.Events.CountAsync(e => e.Type == RecordCreated.Name && steps.Contains(e.SubjectType!) && e.Data == null)).ShouldBe(0);
        // Only personal supervision, and the work items' own history, are about no child.
        string[] aboutNoChild = [SupervisionRecorded.Name, WorkOpened.Name, WorkReassigned.Name, WorkReprioritised.Name, WorkClosed.Name];
        (await db.Events.CountAsync(e => e.PersonId == null && !aboutNoChild.Contains(e.Type))).ShouldBe(0);
    }

    [Fact]
    public async Task Run_RowsReadBackThroughEf_WithTheValuesTheSeederMeant()
    {
        await using var db = seed.Database.CreateContext();
        var contact = await db.Contacts.Include(c => c.Children).OrderBy(c => c.ReceivedAt).FirstAsync();
        contact.Reference.ShouldStartWith($"LC-{SmallLargeSeed.Options.EndDate.Year - 10}-");
        contact.ReceivedAt.Offset.ShouldBe(TimeSpan.Zero);
        contact.ReceivedAt.ShouldBeGreaterThanOrEqualTo(new DateTimeOffset(2016, 3, 2, 0, 0, 0, TimeSpan.Zero));
        contact.Channel.ShouldBe(ContactChannel.Imported);
        contact.Status.ShouldBe(ContactStatus.Decided);
        contact.Outcome.ShouldNotBeNull();
        contact.DecidedAt!.Value.ShouldBeGreaterThan(contact.ReceivedAt);
        contact.DecisionDueAt.ShouldBeGreaterThan(contact.ReceivedAt);
        contact.Categories.Split('|').ShouldAllBe(c => Categories.Contains(c));
        contact.Children.Count.ShouldBeInRange(1, 3);

        // Looking up by Guid, comparing instants and dates all work on what the bulk writer stored.
        var again = await db.Contacts.SingleAsync(c => c.Id == contact.Id);
        again.Reference.ShouldBe(contact.Reference);
        (await db.Contacts.CountAsync(c => c.ReceivedAt <= contact.ReceivedAt)).ShouldBeGreaterThanOrEqualTo(1);
        var child = await db.People.Include(p => p.Addresses).SingleAsync(p => p.Id == contact.Children[0].PersonId);
        child.Addresses.ShouldNotBeEmpty();
        child.Addresses.ShouldAllBe(a => a.Postcode.StartsWith("KV"));
        var referral = await db.Referrals.OrderBy(r => r.ReferralDate).FirstAsync(r => r.ReferralDate >= new DateOnly(2017, 1, 1));
        referral.SourceCode.ShouldNotBeNullOrEmpty();
        (await db.Assessments.Where(a => a.DueOn > a.StartedOn).CountAsync()).ShouldBe(await db.Assessments.CountAsync());
        var plan = await db.ChildPlans.FirstAsync(p => p.Kind == PlanKind.ChildProtection);
        plan.Category.ShouldBeOneOf("neglect", "physical", "emotional", "sexual");

        var user = await db.Users.FirstAsync(u => u.TeamId != null);
        user.PasswordHash.ShouldBeNull();
        user.LockoutEnabled.ShouldBeTrue();
        (await db.Users.FindAsync(user.Id)).ShouldNotBeNull();
        var work = await db.WorkItems.FirstAsync();
        work.DueAt.Offset.ShouldBe(TimeSpan.Zero);
    }

    [Fact]
    public async Task Run_ChildrenMostlyCarryValidNhsNumbers_AndSomeLookLikeDuplicates()
    {
        await using var db = seed.Database.CreateContext();
        var children = await db.People.Where(p => p.LocalChildId != null).Select(p => new { p.NhsNumber, p.GivenName, p.FamilyName, p.DateOfBirth }).ToListAsync();
        var withNhs = children.Where(c => c.NhsNumber != null).ToList();
        ((double)withNhs.Count / children.Count).ShouldBeInRange(0.55, 0.8);
        withNhs.ShouldAllBe(c => NhsNumbers.IsValid(c.NhsNumber));
        withNhs.Select(c => c.NhsNumber).Distinct().Count().ShouldBe(withNhs.Count);
        var adults = await db.People.CountAsync(p => p.LocalChildId == null);
        adults.ShouldBeGreaterThan(0);
        children.Count.ShouldBeGreaterThan(adults);
    }

    [Fact]
    public void Run_ReportsProgressThroughEveryPhase()
    {
        var phases = seed.Progress.Select(p => p.Phase).Distinct().ToList();
        phases.ShouldBe(["Workforce", "People", "Contacts", "Casework", "Finishing"]);
        seed.Progress.Last(p => p.Phase == "Contacts").Done.ShouldBe(2000);
        seed.Progress.Count(p => p.Phase == "Contacts").ShouldBeGreaterThan(2);
    }

    private static readonly string[] Categories =
        ["neglect", "physical-abuse", "emotional-abuse", "sexual-abuse", "domestic-abuse", "mental-health", "substance-misuse", "exploitation"];
}

public sealed class LargeCouncilSeederDeterminismTests
{
    private static readonly LargeSeedOptions Options = new() { Seed = 3, Scale = 0.001, EndDate = new DateOnly(2026, 3, 2), ContactsPerChunk = 400 };

    [Fact]
    public async Task Run_TwiceWithTheSameSeed_ProducesIdenticalData()
    {
        await using var first = await TestDatabase.CreateMigratedAsync();
        await using var second = await TestDatabase.CreateMigratedAsync();
        await new LargeCouncilSeeder().RunAsync(first.Provider, first.ConnectionString, Options);
        await new LargeCouncilSeeder().RunAsync(second.Provider, second.ConnectionString, Options with { ContactsPerChunk = 250 });

        (await Snapshot(first)).ShouldBe(await Snapshot(second));
    }

    [Fact]
    public async Task Run_WithADifferentSeed_ProducesDifferentIds()
    {
        await using var first = await TestDatabase.CreateMigratedAsync();
        await using var second = await TestDatabase.CreateMigratedAsync();
        await new LargeCouncilSeeder().RunAsync(first.Provider, first.ConnectionString, Options);
        await new LargeCouncilSeeder().RunAsync(second.Provider, second.ConnectionString, Options with { Seed = 4 });

        await using var a = first.CreateContext();
        await using var b = second.CreateContext();
        var idsA = await a.Contacts.Select(c => c.Id).ToListAsync();
        var idsB = await b.Contacts.Select(c => c.Id).ToListAsync();
        idsA.Intersect(idsB).ShouldBeEmpty();
    }

    [Fact]
    public async Task Run_IntoADatabaseWhoseSweepHadAMark_LeavesNone_SoTheSweepStartsAfreshByTime()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        await using (var db = database.CreateContext())
        {
            // As the demo council leaves it, seeded first by `safeguard seed`.
            db.PatternSweepMarks.Add(new PatternSweepMark(1));
            await db.SaveChangesAsync();
        }

        await new LargeCouncilSeeder().RunAsync(database.Provider, database.ConnectionString, Options);

        await using var after = database.CreateContext();
        (await after.PatternSweepMarks.CountAsync()).ShouldBe(0);
    }

    [Fact]
    public async Task Run_IntoADatabaseWithTeamsOfTheSameName_ReusesThem_AndRefusesASecondRun()
    {
        await using var database = await TestDatabase.CreateMigratedAsync();
        Guid existing;
        await using (var db = database.CreateContext())
        {
            var team = new Team("Brackenford MASH", TeamKind.FrontDoor);
            db.Teams.Add(team);
            db.Teams.Add(new Team("Demo council MASH", TeamKind.FrontDoor));
            await db.SaveChangesAsync();
            existing = team.Id;
        }

        var result = await new LargeCouncilSeeder().RunAsync(database.Provider, database.ConnectionString, Options);

        result.Teams.ShouldBe(9);
        await using (var db = database.CreateContext())
        {
            (await db.Teams.CountAsync()).ShouldBe(11);
            (await db.WorkItems.CountAsync(w => w.Kind == WorkKind.ScreeningDecision && w.OwnerTeamId == existing)).ShouldBeGreaterThan(0);
        }
        await Should.ThrowAsync<InvalidOperationException>(() =>
            new LargeCouncilSeeder().RunAsync(database.Provider, database.ConnectionString, Options));
    }

    private static async Task<List<string>> Snapshot(TestDatabase database)
    {
        await using var db = database.CreateContext();
        var lines = new List<string>();
        lines.AddRange(await db.Contacts.OrderBy(c => c.Reference)
            .Select(c => c.Id + " " + c.Reference + " " + c.Priority + " " + c.Outcome + " " + c.Categories).ToListAsync());
        lines.AddRange((await db.ContactChildren.ToListAsync()).Select(c => $"{c.Id} {c.ContactId} {c.PersonId}").Order());
        lines.AddRange((await db.People.ToListAsync()).Select(p => $"{p.Id} {p.GivenName} {p.FamilyName} {p.DateOfBirth} {p.NhsNumber}").Order());
        lines.AddRange((await db.Referrals.ToListAsync()).Select(r => $"{r.Id} {r.PersonId} {r.ReferralDate} {r.Status} {r.ClosedOn}").Order());
        // The recent cases' records are minted by the services, with new ids each run: compared by child and content.
        lines.AddRange((await db.WorkItems.ToListAsync()).Select(w => $"{w.Kind} {w.PersonId} {w.Title} {w.DueAt:O} {w.ClosedAt:O}").Order());
        lines.AddRange((await db.ChildPlans.ToListAsync()).Select(p => $"{p.PersonId} {p.Kind} {p.StartedOn} {p.EndedOn} {p.Number}").Order());
        lines.AddRange((await db.StrategyDiscussions.ToListAsync()).Select(d => $"{d.PersonId} {d.HeldAt:O} {d.Section47}").Order());
        lines.AddRange((await db.Section47Enquiries.ToListAsync()).Select(e => $"{e.PersonId} {e.StartedOn} {e.EndedOn} {e.Outcome}").Order());
        lines.AddRange((await db.ChildProtectionConferences.ToListAsync()).Select(c => $"{c.PersonId} {c.Kind} {c.HeldAt:O} {c.ChairId}").Order());
        lines.AddRange((await db.Events.OrderBy(e => e.Id).ToListAsync()).Select(e => $"{e.Id} {e.Type} {e.PersonId} {e.OccurredAt:O} {e.ActorName}"));
        return lines;
    }
}

public sealed class SeedingHelperTests
{
    [Theory]
    [InlineData("9434765919")]
    [InlineData("9999999999")]
    public void NhsNumbers_IsValid_AcceptsNumbersWithTheRightCheckDigit(string number) => NhsNumbers.IsValid(number).ShouldBeTrue();

    [Fact]
    public void NhsNumbers_Next_GivesDistinctValidNumbersInTheTestRange()
    {
        var serial = 0;
        var numbers = Enumerable.Range(0, 5000).Select(_ => NhsNumbers.Next(ref serial)).ToList();
        numbers.ShouldAllBe(n => NhsNumbers.IsValid(n) && n.StartsWith("999"));
        numbers.Distinct().Count().ShouldBe(numbers.Count);
    }

    [Fact]
    public void DeterministicGuid_IsStablePerSeedKindAndCounter()
    {
        DeterministicGuid.Create(1, IdKinds.Contact, 42).ShouldBe(DeterministicGuid.Create(1, IdKinds.Contact, 42));
        DeterministicGuid.Create(1, IdKinds.Contact, 42).ShouldNotBe(DeterministicGuid.Create(2, IdKinds.Contact, 42));
        DeterministicGuid.Create(1, IdKinds.Contact, 42).ShouldNotBe(DeterministicGuid.Create(1, IdKinds.Person, 42));
        string.CompareOrdinal(DeterministicGuid.Create(1, IdKinds.Contact, 255).ToString(), DeterministicGuid.Create(1, IdKinds.Contact, 256).ToString())
            .ShouldBeLessThan(0);
    }
}
