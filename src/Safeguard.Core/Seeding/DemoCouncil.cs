using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Safeguard.Core.CaseWork;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Core.Timescales;
using Safeguard.Core.Work;
using Safeguard.Core.Workforce;

namespace Safeguard.Core.Seeding;

/// <summary>
/// Seeds the fictional Northbridge Borough Council into an empty database: teams, partner agencies, one account
/// per role (and four or five social workers in each casework team), staff records (<see cref="DemoStaff"/>), and
/// children with some history (contacts and referrals), the allocations of their cases with the discussions behind them
/// and their supervision (<see cref="DemoAllocations"/>), all written with events; then each allocated case's assessment,
/// plans, enquiries, conferences, visits and closure, recorded through the services themselves (<see cref="CasePathways"/>).
/// </summary>
public sealed class DemoCouncil(SafeguardDbContext db, UserManager<StaffUser> users, RoleManager<StaffRole> roles,
    IWorkingDayCalendar calendar, DbContextOptions<SafeguardDbContext> options, IOptions<CaseNotes.VisitSettings> visitSettings,
    IOptions<Chronology.Patterns.PatternAlertSettings> patternSettings)
{
    public async Task<bool> IsSeededAsync(CancellationToken ct = default) => await db.Teams.AnyAsync(ct);

    public async Task<bool> SeedIfEmptyAsync(CancellationToken ct = default)
    {
        if (await IsSeededAsync(ct)) return false;
        await SeedAsync(ct);
        return true;
    }

    private async Task SeedAsync(CancellationToken ct)
    {
        foreach (var role in Security.Roles.All)
        {
            if (!await roles.RoleExistsAsync(role)) await roles.CreateAsync(new StaffRole(role));
        }

        var teams = new[]
        {
            new Team(DemoAccounts.FrontDoorTeam, TeamKind.FrontDoor),
            new Team(DemoAccounts.AssessmentTeam, TeamKind.Assessment),
            new Team(DemoAccounts.ChildProtectionTeam, TeamKind.ChildProtection),
            new Team(DemoAccounts.EarlyHelpTeam, TeamKind.EarlyHelp),
        }.ToDictionary(t => t.Name);
        var organisations = new[]
        {
            new Organisation(DemoAccounts.CouncilName, OrganisationKind.LocalAuthority),
            new Organisation(DemoAccounts.Police, OrganisationKind.Police),
            new Organisation(DemoAccounts.Health, OrganisationKind.Health),
            new Organisation(DemoAccounts.School, OrganisationKind.Education),
        }.ToDictionary(o => o.Name);
        db.Teams.AddRange(teams.Values);
        db.Organisations.AddRange(organisations.Values);
        db.ChangeReason = "Demo council seeded";
        await db.SaveChangesAsync(ct);

        var today = Timescales.TimeLimits.UkDay(db.Time.GetUtcNow());
        var staff = DemoStaff.All.ToDictionary(r => r.Email);
        foreach (var account in DemoAccounts.All)
        {
            var user = new StaffUser
            {
                Id = NewId.Next(),
                UserName = account.Email,
                Email = account.Email,
                EmailConfirmed = true,
                DisplayName = account.DisplayName,
                JobTitle = account.JobTitle,
                TeamId = account.Team is null ? null : teams[account.Team].Id,
                OrganisationId = account.Organisation is null ? null : organisations[account.Organisation].Id,
            };
            if (staff.TryGetValue(account.Email, out var record)) DemoStaff.Apply(user, record, today);
            var created = await users.CreateAsync(user, DemoAccounts.Password);
            if (!created.Succeeded) throw new InvalidOperationException(string.Join("; ", created.Errors.Select(e => e.Description)));
            await users.AddToRoleAsync(user, account.Role);
        }
        await SeedStaffRecordsAsync(staff, today, ct);

        await SeedChildrenAsync(teams, organisations, ct);
        await DemoRecommendations.SeedAsync(db, calendar, ct);
    }

    /// <summary>Line managers (once every account exists), training records and absences.</summary>
    private async Task SeedStaffRecordsAsync(Dictionary<string, DemoStaffRecord> staff, DateOnly today, CancellationToken ct)
    {
        var accounts = await db.Users.Where(u => u.Email != null).ToDictionaryAsync(u => u.Email!, ct);
        foreach (var record in staff.Values)
        {
            var user = accounts[record.Email];
            user.ManagerId = record.Manager is { } manager ? accounts[manager].Id : null;
            var (training, absences) = DemoStaff.RecordsOf(user.Id, record, today);
            db.TrainingRecords.AddRange(training);
            db.StaffAbsences.AddRange(absences);
        }
        db.ChangeReason = "Demo council seeded";
        await db.SaveChangesAsync(ct);
    }

    private async Task SeedChildrenAsync(Dictionary<string, Team> teams, Dictionary<string, Organisation> organisations, CancellationToken ct)
    {
        var now = db.Time.GetUtcNow();
        var work = new WorkItems(db, new WorkClocks(calendar));
        var frontDoor = teams[DemoAccounts.FrontDoorTeam];
        var assessment = teams[DemoAccounts.AssessmentTeam];
        var childProtection = teams[DemoAccounts.ChildProtectionTeam];
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        var children = DemoChildren.Create(today);
        var workers = await db.Users.Where(u => u.Email != null).ToDictionaryAsync(u => u.Email!, ct);
        db.People.AddRange(children.Select(c => c.Person));
        foreach (var child in children) Restrict(child, workers, now);
        db.ChangeReason = "Demo council seeded";
        await db.SaveChangesAsync(ct);

        var allocated = new Dictionary<string, Referral>();
        var paths = new List<CasePath>();
        var number = 1;
        foreach (var child in children)
        {
            foreach (var story in child.Contacts)
            {
                var receivedAt = now - story.Ago;
                var contact = new Contact($"C-DEMO-{number++:D4}", receivedAt, story.Channel, story.Concern)
                {
                    ReferrerName = story.Referrer,
                    ReferrerOrganisationName = story.Organisation,
                    ReferringOrganisationId = organisations.TryGetValue(story.Organisation, out var org) ? org.Id : null,
                    Categories = story.Categories,
                    InjurySeen = story.Injury,
                    ImmediateRisk = story.ImmediateRisk,
                    ParentsAware = true,
                    Priority = story.Priority,
                    DecisionDueAt = calendar.ScreeningDecisionDue(receivedAt),
                    FeedbackDueAt = TimeLimits.ReferrerFeedbackDue(receivedAt),
                };
                contact.Children.Add(new ContactChild(child.Person.Id, new ChildAsSent(child.Person.GivenName, child.Person.FamilyName,
                    child.Person.DateOfBirth, child.Person.ExpectedDateOfBirth, child.Person.NhsNumber, null, null, null, child.Person.School)));
                db.Contacts.Add(contact);
                if (story.Outcome is { } outcome)
                {
                    contact.RecordDecision(outcome, story.Reasons ?? "Demo decision", null, receivedAt + TimeSpan.FromHours(5));
                    if (outcome == ScreeningOutcome.StrategyDiscussion)
                    {
                        // As the screening service does: a referral to the child protection team, waiting for a worker,
                        // and the strategy discussion to hold.
                        var decidedAt = contact.DecidedAt!.Value;
                        var referral = new Referral(child.Person.Id, contact.Id, DateOnly.FromDateTime(decidedAt.UtcDateTime), story.SourceCode,
                            childProtection.Id) { PrimaryNeedCode = CensusSeedValues.PrimaryNeed(number, story.Categories) };
                        db.Referrals.Add(referral);
                        work.Open(WorkKind.Allocation, referral.Id, $"Allocate {child.Person.FullName}", childProtection.Id, story.Priority,
                            child.Person.Id, decidedAt);
                        work.Open(WorkKind.StrategyDiscussion, referral.Id, $"Strategy discussion: {child.Person.FullName}", childProtection.Id,
                            Priority.ChildProtection, child.Person.Id, decidedAt);
                    }
                    if (outcome == ScreeningOutcome.ReferralToSocialCare)
                    {
                        var referralDate = DateOnly.FromDateTime(receivedAt.UtcDateTime);
                        var worker = story.Worker is { } email ? workers[email] : null;
                        var referral = new Referral(child.Person.Id, contact.Id, referralDate, story.SourceCode, worker?.TeamId ?? assessment.Id)
                        {
                            Status = story.Ago > TimeSpan.FromDays(60) ? ReferralStatus.Allocated : ReferralStatus.AwaitingAllocation,
                            AllocatedWorkerId = worker?.Id,
                            PrimaryNeedCode = CensusSeedValues.PrimaryNeed(number, story.Categories),
                        };
                        db.Referrals.Add(referral);
                        if (referral.Status == ReferralStatus.Allocated) allocated[child.Person.FullName] = referral;
                        if (referral.Status == ReferralStatus.AwaitingAllocation)
                        {
                            work.Open(WorkKind.Allocation, referral.Id, $"Allocate {child.Person.FullName}", assessment.Id, story.Priority,
                                child.Person.Id, receivedAt);
                        }
                        else
                        {
                            paths.Add(new CasePath(referral.Id, story));
                            if (story.LookedAfter is { } legalStatus)
                            {
                                db.LookedAfterPeriods.Add(new LookedAfterPeriod(child.Person.Id, calendar.AddWorkingDays(referralDate, 2), legalStatus));
                            }
                        }
                    }
                }
                else
                {
                    var screening = work.Open(WorkKind.ScreeningDecision, contact.Id, $"Screen contact about {child.Person.FullName}",
                        frontDoor.Id, story.Priority, child.Person.Id, receivedAt);
                    contact.DecisionDueAt = screening.DueAt;
                }
            }
        }
        db.ChangeReason = "Demo council seeded";
        await db.SaveChangesAsync(ct);

        var casework = new DemoCasework(db, calendar, work, now, workers);
        casework.WriteAllocations(allocated, paths.Where(p => p.Story.ClosedDaysAgo is not null).Select(p => p.ReferralId).ToHashSet());
        casework.WritePersonalSupervision();
        db.ChangeReason = "Demo council seeded";
        await db.SaveChangesAsync(ct);

        await using var pathways = new CasePathways(options, calendar, visitSettings.Value, now, workers.Values,
            workers["ruth.morgan@northbridge.example"]);
        foreach (var contactId in await db.Contacts.AsNoTracking().OrderBy(c => c.ReceivedAt).Select(c => c.Id).ToListAsync(ct))
        {
            await pathways.ContactAsync(contactId, workers["priya.shah@northbridge.example"], ct);
        }
        foreach (var path in paths) await pathways.WalkAsync(path, ct);
        // Freddie and his mother moved nearer her hospital: a change of address in his chronology.
        await pathways.MoveAsync(allocated["Freddie Morris"].Id,
            new People.AddressInput("3 Ferry Lane", "Northbridge", "NB1 6TR", TimeLimits.UkDay(now).AddDays(-20)), ct);

        // The patterns in the demo's recent history (a bruised baby) are alerts from the start, as the sweep would raise them.
        var patterns = new Chronology.Patterns.PatternAlerts(db, work, patternSettings);
        await new Chronology.Patterns.PatternSweep(db, patterns, patternSettings).CatchUpAsync(ct);
    }

    /// <summary>A demo child's restriction and access list, as a manager holding it would have made them.</summary>
    private void Restrict(DemoChild child, Dictionary<string, StaffUser> workers, DateTimeOffset now)
    {
        if (child.Restricted is not { } restricted) return;
        var person = child.Person;
        var holder = workers[restricted.Holder];
        var actor = new Security.Actor(holder.Id, holder.DisplayName);
        person.IsRestricted = true;
        person.RestrictionReason = restricted.Reason;
        person.RestrictedByName = holder.DisplayName;
        person.RestrictedAt = now;
        db.Record(new People.Access.RecordRestricted(person.Id), person.Id, nameof(Person), person.Id, restricted.Reason, actor);
        foreach (var (user, holds) in restricted.Others.Select(e => (workers[e], false)).Prepend((holder, true)))
        {
            var reason = holds ? restricted.Reason : "Works with the family";
            db.PersonAccessGrants.Add(new People.Access.PersonAccessGrant(person.Id, user.Id, holds, reason, actor, now));
            db.Record(new People.Access.AccessGranted(person.Id, user.Id, user.DisplayName, holds), person.Id, nameof(Person), person.Id, reason, actor);
        }
    }
}
