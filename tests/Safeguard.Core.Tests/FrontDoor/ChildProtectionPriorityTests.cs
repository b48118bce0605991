using System.Diagnostics;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.TestCommon;

namespace Safeguard.Core.Tests.FrontDoor;

/// <summary>Any contact about a child on a child protection plan, or in an open section 47 enquiry, is child protection.</summary>
public sealed class ChildProtectionPriorityTests : IAsyncLifetime
{
    private TestDatabase _database = default!;
    // Friday 6 March 2026, 15:30.
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 6, 15, 30, 0, TimeSpan.Zero));
    private static readonly DateOnly Today = new(2026, 3, 6);
    private const string MayasNhsNumber = "5432319489";

    public async Task InitializeAsync() => _database = await TestDatabase.CreateMigratedAsync();

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private SafeguardDbContext Db() => _database.CreateContext(_time);

    private static ContactIntake Intake(SafeguardDbContext db) => new(db, new ExactPersonLinker(), WorkingDayCalendar.Default());

    private static NewChild Maya(Guid? personId = null) =>
        TestData.Child("Maya", "Green", new DateOnly(2019, 8, 1), nhs: MayasNhsNumber, personId: personId);

    /// <summary>Maya Green, known to the council, with an open referral; <paramref name="build"/> adds her plans or enquiries.</summary>
    private async Task<Guid> MayaAsync(Action<SafeguardDbContext, Guid, Guid> build)
    {
        await using var db = Db();
        var council = await TestData.CreateCouncilAsync(db);
        var maya = await TestData.PersonAsync(db, "Maya", "Green", new DateOnly(2019, 8, 1), MayasNhsNumber);
        var referral = new Referral(maya.Id, null, new DateOnly(2025, 1, 6), "2A", council.ChildProtection.Id) { Status = ReferralStatus.Allocated };
        db.Referrals.Add(referral);
        build(db, maya.Id, referral.Id);
        await db.SaveChangesAsync();
        return maya.Id;
    }

    [Fact]
    public void Rule_ChildOnAChildProtectionPlan_MakesAnyContactChildProtection_SayingWhy()
    {
        var fact = new ChildProtectionFact { PersonId = Guid.NewGuid(), IsPlan = true, Since = new DateOnly(2026, 3, 3), Category = "neglect" };

        var (priority, reason) = ContactPriorityRule.Assess(["other"], false, false, [new DateOnly(2019, 8, 1)], Today, [("Maya Green", fact)]);

        priority.ShouldBe(Priority.ChildProtection);
        reason.ShouldBe("Maya Green has been on a child protection plan (neglect) since 3 March 2026");
    }

    [Fact]
    public void Rule_ImmediateRiskToAChildOnAPlan_KeepsBothReasons()
    {
        var fact = new ChildProtectionFact { PersonId = Guid.NewGuid(), IsPlan = false, Since = new DateOnly(2026, 2, 27) };

        var (priority, reason) = ContactPriorityRule.Assess(["neglect"], true, false, [new DateOnly(2019, 8, 1)], Today, [("Maya Green", fact)]);

        priority.ShouldBe(Priority.ChildProtection);
        reason.ShouldBe("Immediate risk to a child was reported; Maya Green is the subject of a section 47 enquiry, open since 27 February 2026");
    }

    [Fact]
    public void Rule_NothingKnownAboutTheChildren_DecidesFromTheContactAlone()
    {
        ContactPriorityRule.Assess(["neglect"], false, false, [new DateOnly(2019, 8, 1)], Today, [])
            .ShouldBe((Priority.Urgent, "Concern needing a same-day look: Neglect"));
    }

    [Fact]
    public async Task NeglectContact_AboutAChildOnAChildProtectionPlan_IsChildProtectionWithThePlanAsTheReason()
    {
        var maya = await MayaAsync((db, maya, referral) =>
            db.ChildPlans.Add(new ChildPlan(referral, maya, PlanKind.ChildProtection, new DateOnly(2025, 3, 3), "neglect")));
        await using var db = Db();
        await TestData.CreateCouncilAsync(db);

        var recorded = await Intake(db).RecordAsync(TestData.Contact([Maya(maya)], ["neglect"]));

        recorded.Priority.ShouldBe(Priority.ChildProtection);
        (await db.Contacts.SingleAsync(c => c.Id == recorded.Id)).PriorityReason
            .ShouldBe("Maya Green has been on a child protection plan (neglect) since 3 March 2025");
        (await db.WorkItems.Where(w => w.SubjectId == recorded.Id).Select(w => w.Priority).ToListAsync())
            .ShouldAllBe(p => p == Priority.ChildProtection);
    }

    [Fact]
    public async Task Contact_AboutAChildWithAnOpenSection47Enquiry_IsChildProtection()
    {
        var maya = await MayaAsync((db, maya, referral) => db.Section47Enquiries.Add(new Section47Enquiry(maya, referral, new DateOnly(2026, 3, 2))));
        await using var db = Db();
        await TestData.CreateCouncilAsync(db);

        var recorded = await Intake(db).RecordAsync(TestData.Contact([Maya(maya)], ["other"]));

        recorded.Priority.ShouldBe(Priority.ChildProtection);
        (await db.Contacts.SingleAsync(c => c.Id == recorded.Id)).PriorityReason
            .ShouldBe("Maya Green is the subject of a section 47 enquiry, open since 2 March 2026");
    }

    [Fact]
    public async Task NeglectContact_AboutAChildWhosePlanHasEnded_IsUrgentNotChildProtection()
    {
        var maya = await MayaAsync((db, maya, referral) =>
        {
            db.ChildPlans.Add(new ChildPlan(referral, maya, PlanKind.ChildProtection, new DateOnly(2024, 3, 3), "neglect") { EndedOn = new DateOnly(2025, 3, 3) });
            var enquiry = new Section47Enquiry(maya, referral, new DateOnly(2024, 2, 1));
            enquiry.End(new DateOnly(2024, 2, 20), Section47Outcome.InitialChildProtectionConference);
            db.Section47Enquiries.Add(enquiry);
        });
        await using var db = Db();
        await TestData.CreateCouncilAsync(db);

        var recorded = await Intake(db).RecordAsync(TestData.Contact([Maya(maya)], ["neglect"]));

        recorded.Priority.ShouldBe(Priority.Urgent);
    }

    [Fact]
    public async Task GroupCommit_ChildOnAPlanLinkedByNhsNumber_IsChildProtection_AndTheOtherContactsOfTheBatchAreNot()
    {
        var maya = await MayaAsync((db, maya, referral) =>
            db.ChildPlans.Add(new ChildPlan(referral, maya, PlanKind.ChildProtection, new DateOnly(2025, 3, 3), "neglect")));
        await using var db = Db();
        await TestData.CreateCouncilAsync(db);
        var intake = Intake(db);
        var aboutMaya = TestData.Contact([Maya()], ["neglect"]);
        var aboutSomeoneNew = TestData.Contact([TestData.Child("Ava", "Hill")], ["neglect"]);
        var requests = new List<IntakeRequest>();
        foreach (var contact in new[] { aboutMaya, aboutSomeoneNew })
        {
            requests.Add(new IntakeRequest(contact, null, TestActors.Tester, await intake.PlanAsync(contact)));
        }

        var results = await intake.RecordBatchAsync(requests);

        results[0].Recorded!.Children.Single().PersonId.ShouldBe(maya);
        results[0].Recorded!.Priority.ShouldBe(Priority.ChildProtection);
        results[1].Recorded!.Priority.ShouldBe(Priority.Urgent);
        var reasons = await db.Contacts.AsNoTracking().ToDictionaryAsync(c => c.Id, c => c.PriorityReason);
        reasons[results[0].ContactId].ShouldBe("Maya Green has been on a child protection plan (neglect) since 3 March 2025");
        reasons[results[1].ContactId].ShouldBe("Concern needing a same-day look: Neglect");
    }

    [Fact]
    public async Task GroupCommit_LooksUpThePlansAndEnquiriesOfAllItsKnownChildrenInOneQuery()
    {
        // Listening before any context exists: EF stops checking for listeners for a while when it finds none.
        using var lookups = new CommandsReading("Section47Enquiries");
        var maya = await MayaAsync((db, maya, referral) =>
            db.ChildPlans.Add(new ChildPlan(referral, maya, PlanKind.ChildProtection, new DateOnly(2025, 3, 3), "neglect")));
        await using var db = Db();
        await TestData.CreateCouncilAsync(db);
        var known = new List<NewChild>();
        foreach (var (given, family) in new[] { ("Ellie", "Watson"), ("Jayden", "Watson"), ("Kai", "Robinson") })
        {
            var person = await TestData.PersonAsync(db, given, family, new DateOnly(2017, 2, 1));
            known.Add(TestData.Child(given, family, new DateOnly(2017, 2, 1), personId: person.Id));
        }
        var intake = Intake(db);
        var requests = new List<IntakeRequest>();
        foreach (var children in new[] { [Maya()], [known[0], known[1]], [known[2], TestData.Child("Ava", "Hill")], new[] { TestData.Child("Leo", "Hill") } })
        {
            var contact = TestData.Contact(children, ["neglect"]);
            requests.Add(new IntakeRequest(contact, null, TestActors.Tester, await intake.PlanAsync(contact)));
        }
        lookups.Watch(db);

        var results = await intake.RecordBatchAsync(requests);

        lookups.Count.ShouldBe(1);
        results.Select(r => r.Recorded!.Priority).ShouldBe([Priority.ChildProtection, Priority.Urgent, Priority.Urgent, Priority.Urgent]);
    }

    /// <summary>Counts the commands one context sends that read a table (EF Core's diagnostic events).</summary>
    private sealed class CommandsReading : IObserver<DiagnosticListener>, IObserver<KeyValuePair<string, object?>>, IDisposable
    {
        private DbContext? _context;
        private readonly string _table;
        private readonly List<IDisposable> _subscriptions = [];
        private int _count;

        public CommandsReading(string table)
        {
            _table = table;
            _subscriptions.Add(DiagnosticListener.AllListeners.Subscribe(this));
        }

        public int Count => Volatile.Read(ref _count);

        /// <summary>Counts from now on the commands of <paramref name="context"/>.</summary>
        public void Watch(DbContext context) => Volatile.Write(ref _context, context);

        public void OnNext(DiagnosticListener listener)
        {
            if (listener.Name == DbLoggerCategory.Name) lock (_subscriptions) _subscriptions.Add(listener.Subscribe(this));
        }

        public void OnNext(KeyValuePair<string, object?> value)
        {
            if (value.Key == RelationalEventId.CommandExecuting.Name && value.Value is CommandEventData data
                && ReferenceEquals(data.Context, Volatile.Read(ref _context)) && data.Command.CommandText.Contains(_table, StringComparison.Ordinal))
            {
                Interlocked.Increment(ref _count);
            }
        }

        public void OnCompleted() { }

        public void OnError(Exception error) { }

        public void Dispose()
        {
            lock (_subscriptions) foreach (var s in _subscriptions) s.Dispose();
        }
    }
}
