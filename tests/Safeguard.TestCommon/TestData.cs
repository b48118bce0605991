using Microsoft.EntityFrameworkCore;
using Safeguard.Core.Data;
using Safeguard.Core.FrontDoor;
using Safeguard.Core.People;
using Safeguard.Core.Workforce;

namespace Safeguard.TestCommon;

/// <summary>Builders for the data a test needs, written through the real model.</summary>
public static class TestData
{
    public static async Task<(Team FrontDoor, Team Assessment, Team ChildProtection, Organisation Police)> CreateCouncilAsync(SafeguardDbContext db)
    {
        var frontDoor = new Team("Front Door " + Guid.NewGuid().ToString("N")[..6], TeamKind.FrontDoor);
        var assessment = new Team("Assessment " + Guid.NewGuid().ToString("N")[..6], TeamKind.Assessment);
        var cp = new Team("Child Protection " + Guid.NewGuid().ToString("N")[..6], TeamKind.ChildProtection);
        var police = new Organisation("Police " + Guid.NewGuid().ToString("N")[..6], OrganisationKind.Police);
        db.AddRange(frontDoor, assessment, cp, police);
        await db.SaveChangesAsync();
        return (frontDoor, assessment, cp, police);
    }

    /// <summary>A child as a contact sends them; <paramref name="personId"/> is a worker's choice of a known record, <paramref name="link"/> any other choice.</summary>
    public static NewChild Child(string given = "Ruby", string family = "Taylor", DateOnly? dob = null, string? nhs = null, Guid? personId = null,
        LinkChoice? link = null) =>
        new(personId is { } chosen ? LinkChoice.Existing(chosen) : link ?? LinkChoice.NotChosen, given, family, dob ?? new DateOnly(2018, 5, 14), null, Sex.Female, nhs, "1 High Street", "Northbridge", "NB1 1AA", null);

    public static NewContact Contact(params NewChild[] children) => Contact(children, []);

    public static NewContact Contact(IReadOnlyList<NewChild> children, IReadOnlyList<string> categories, bool immediateRisk = false,
        bool injury = false, Guid? organisationId = null, string? email = "referrer@police.example") =>
        new(children.Count == 0 ? [Child()] : children,
            new NewReferrer("DC Alex Moore", "Northbridge Police", "Detective constable", email, "01234 567890"),
            "Neighbours heard a child screaming and an adult shouting late at night.",
            categories, injury, immediateRisk, true, ContactChannel.PartnerApi, organisationId);

    public static async Task<Person> PersonAsync(SafeguardDbContext db, string given, string family, DateOnly dob, string? nhs = null)
    {
        var person = new Person(given, family, dob, Sex.Male) { NhsNumber = nhs };
        db.People.Add(person);
        await db.SaveChangesAsync();
        return person;
    }

    /// <summary>Contact intake as the service wires it, with the simple exact-match linker.</summary>
    public static ContactIntake Intake(SafeguardDbContext db) => new(db, new ExactPersonLinker(), Core.Timescales.WorkingDayCalendar.Default());

    public static Task<int> CountAsync<T>(SafeguardDbContext db) where T : class => db.Set<T>().CountAsync();
}
