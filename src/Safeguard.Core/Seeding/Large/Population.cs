using Safeguard.Core.People;
using Safeguard.Core.Security;
using Safeguard.Core.Seeding.Large.Bulk;

namespace Safeguard.Core.Seeding.Large;

/// <summary>
/// The people of the synthetic council, generated as households (children with the parents or carers known to the
/// council, sharing a family name and an address). Keeps only what the contact generator needs about each child.
/// </summary>
internal sealed class Population
{
    // Per child, in generation order.
    public readonly List<Guid> ChildId = [];
    public readonly List<int> ChildDob = []; // DateOnly.DayNumber
    public readonly List<string> ChildName = [];
    public readonly List<int> ChildHousehold = [];
    public readonly List<bool> HouseholdNorth = [];
    public readonly List<int[]> HouseholdChildren = [];

    /// <summary>Child indices sorted by date of birth, and their birth day numbers, for picking children of an age.</summary>
    public int[] ByDob = [];
    public int[] SortedDob = [];

    public long People, Addresses, Events, Duplicates;

    private static readonly string[] Sexes = [nameof(Sex.Female), nameof(Sex.Male)];

    public static async Task<Population> GenerateAsync(BulkWriter writer, LargeSeedOptions options, Workforce workforce,
        Random random, IProgress<SeedProgress>? progress, CancellationToken ct)
    {
        var p = new Population();
        var seed = options.Seed;
        var target = options.PeopleTarget;
        var end = options.EndDate;
        var start = end.AddYears(-10);
        var startInstant = start.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var districts = SyntheticPlaces.Districts(options.CouncilName);
        var people = new TableRows(Tables.People);
        var addresses = new TableRows(Tables.PersonAddresses);
        var events = new TableRows(Tables.Events);
        long personCounter = 0, addressCounter = 0;
        var nhsSerial = random.Next(1000);
        var frontDoor = workforce.StaffByTeam[workforce.Mash];
        // Children born from 18 years before the window opens until its last day.
        var firstDob = start.AddYears(-18).DayNumber;
        var dobSpan = end.DayNumber - firstDob;

        async Task FlushAsync()
        {
            await writer.WriteAsync([people, addresses, events], ct);
            people.Rows.Clear();
            addresses.Rows.Clear();
            events.Rows.Clear();
            progress?.Report(new SeedProgress("People", p.People, target));
        }

        void AddPerson(Guid id, string given, string family, DateOnly? dob, string sex, string? nhs, string? localId,
            string? school, DateTime createdAt, (string Line1, string Town, string Postcode, DateOnly? From, DateOnly? To)[] homes)
        {
            // Census values come from the person's number, not from random, so the rest of the council stays the same.
            var (upn, noUpn) = CensusSeedValues.Upn(p.People, dob, end);
            object?[] person = [id, given, family, dob, null, sex, nhs, upn, localId, school, random.NextDouble() < 0.002, null, createdAt,
                PersonKeys.Name(given), PersonKeys.Name(family),
                null, noUpn, CensusSeedValues.Ethnicity(p.People), CensusSeedValues.Disabilities(p.People)];
            people.Add(person);
            foreach (var h in homes)
            {
                addresses.Add(DeterministicGuid.Create(seed, IdKinds.PersonAddress, ++addressCounter), id, h.Line1, h.Town, h.Postcode, h.From, h.To);
                p.Addresses++;
            }
            var migrated = createdAt == startInstant;
            var actor = migrated ? null : frontDoor[random.Next(frontDoor.Length)];
            events.Record(BulkEvents.Created(nameof(Person), Tables.People, person), createdAt,
                new Actor(actor?.Id, actor?.DisplayName ?? "Safeguard (system)"), id, nameof(Person), id,
                migrated ? "Migrated from the previous case management system" : null);
            p.Events++;
            p.People++;
        }

        while (p.People < target)
        {
            ct.ThrowIfCancellationRequested();
            var district = districts[random.Next(districts.Length)];
            var family = SyntheticNames.Families.Pick(random);
            var home = (Line1: SyntheticPlaces.Line1(random), district.Town, Postcode: SyntheticPlaces.Postcode(random, district));
            var moved = random.NextDouble() < 0.2;
            var previousDistrict = districts[random.Next(districts.Length)];
            var previous = (Line1: SyntheticPlaces.Line1(random), previousDistrict.Town, Postcode: SyntheticPlaces.Postcode(random, previousDistrict));
            var moveDate = DateOnly.FromDayNumber(start.DayNumber + random.Next(end.DayNumber - start.DayNumber));
            var childCount = random.NextDouble() switch { < 0.45 => 1, < 0.77 => 2, < 0.93 => 3, _ => 4 };
            var adultCount = random.NextDouble() switch { < 0.45 => 0, < 0.85 => 1, _ => 2 };
            var eldest = firstDob + random.Next(dobSpan);
            var children = new List<int>();
            var duplicates = new List<int>();

            (string, string, string, DateOnly?, DateOnly?)[] Homes(DateOnly? dob) =>
                moved && (dob is null || dob.Value < moveDate)
                    ? [(previous.Line1, previous.Town, previous.Postcode, null, moveDate), (home.Line1, home.Town, home.Postcode, moveDate, null)]
                    : [(home.Line1, home.Town, home.Postcode, dob is { } d && d > start ? d : null, null)];

            for (var c = 0; c < childCount && p.People < target; c++)
            {
                var dobDay = Math.Min(end.DayNumber - 1, eldest + c * (300 + random.Next(1200)));
                var dob = DateOnly.FromDayNumber(dobDay);
                var female = random.NextDouble() < 0.5;
                var given = (female ? SyntheticNames.Girls : SyntheticNames.Boys).Pick(random);
                var childFamily = random.NextDouble() < 0.15 ? SyntheticNames.Families.Pick(random) : family;
                var id = DeterministicGuid.Create(seed, IdKinds.Person, ++personCounter);
                var nhs = random.NextDouble() < 0.7 ? NhsNumbers.Next(ref nhsSerial) : null;
                var age = (end.DayNumber - dobDay) / 365;
                var school = age switch
                {
                    >= 4 and <= 10 => SyntheticPlaces.PrimarySchools[random.Next(SyntheticPlaces.PrimarySchools.Length)],
                    >= 11 and <= 16 => SyntheticPlaces.SecondarySchools[random.Next(SyntheticPlaces.SecondarySchools.Length)],
                    _ => null,
                };
                var created = dob > start ? dob.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : startInstant;
                AddPerson(id, given, childFamily, dob, Sexes[female ? 0 : 1], nhs, $"LC{personCounter:D7}", school, created, Homes(dob));
                children.Add(p.ChildId.Count);
                p.ChildId.Add(id);
                p.ChildDob.Add(dobDay);
                p.ChildName.Add($"{given} {childFamily}");
                p.ChildHousehold.Add(-1);

                // A duplicate-ish second record of the same child: a nickname or typo, a near-miss birth date, no NHS number.
                if (random.NextDouble() < 0.02 && p.People < target)
                {
                    var dupGiven = Variant(random, given);
                    var dupFamily = random.NextDouble() < 0.3 ? Typo(random, childFamily) : childFamily;
                    var dupDob = random.NextDouble() switch
                    {
                        < 0.55 => dob,
                        < 0.7 when dob.Day <= 12 && dob.Month != dob.Day => new DateOnly(dob.Year, dob.Day, Math.Min(dob.Month, DateTime.DaysInMonth(dob.Year, dob.Day))),
                        _ => dob.AddDays(random.NextDouble() < 0.5 ? -1 : 1),
                    };
                    var dupDay = Math.Min(end.DayNumber - 1, dupDob.DayNumber);
                    var dupId = DeterministicGuid.Create(seed, IdKinds.Person, ++personCounter);
                    var dupCreated = dupDob > start ? DateOnly.FromDayNumber(dupDay).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : startInstant;
                    AddPerson(dupId, dupGiven, dupFamily, DateOnly.FromDayNumber(dupDay), Sexes[female ? 0 : 1], null,
                        $"LC{personCounter:D7}", null, dupCreated, [(home.Line1, home.Town, home.Postcode, null, null)]);
                    p.Duplicates++;
                    // Its own household of one: contacts reach it separately, as they do in real duplicates.
                    duplicates.Add(p.ChildId.Count);
                    p.ChildId.Add(dupId);
                    p.ChildDob.Add(dupDay);
                    p.ChildName.Add($"{dupGiven} {dupFamily}");
                    p.ChildHousehold.Add(-1);
                }
            }
            for (var a = 0; a < adultCount && p.People < target; a++)
            {
                var female = a == 0 ? random.NextDouble() < 0.75 : random.NextDouble() < 0.25;
                var given = (female ? SyntheticNames.Women : SyntheticNames.Men).Pick(random);
                var dobDay = eldest - 365 * (18 + random.Next(22)) - random.Next(365);
                DateOnly? dob = random.NextDouble() < 0.9 ? DateOnly.FromDayNumber(dobDay) : null;
                var id = DeterministicGuid.Create(seed, IdKinds.Person, ++personCounter);
                var nhs = random.NextDouble() < 0.4 ? NhsNumbers.Next(ref nhsSerial) : null;
                var created = eldest > start.DayNumber ? DateOnly.FromDayNumber(eldest).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc) : startInstant;
                AddPerson(id, given, random.NextDouble() < 0.7 ? family : SyntheticNames.Families.Pick(random), dob,
                    Sexes[female ? 0 : 1], nhs, null, null, created, Homes(null));
            }
            AddHousehold(p, children, district.North);
            foreach (var duplicate in duplicates) AddHousehold(p, [duplicate], district.North);
            if (people.Rows.Count >= 20_000) await FlushAsync();
        }
        await FlushAsync();

        p.ByDob = Enumerable.Range(0, p.ChildId.Count).OrderBy(i => p.ChildDob[i]).ThenBy(i => i).ToArray();
        p.SortedDob = p.ByDob.Select(i => p.ChildDob[i]).ToArray();
        return p;
    }

    private static void AddHousehold(Population p, List<int> children, bool north)
    {
        var household = p.HouseholdChildren.Count;
        p.HouseholdChildren.Add(children.ToArray());
        p.HouseholdNorth.Add(north);
        foreach (var child in children) p.ChildHousehold[child] = household;
    }

    /// <summary>A nickname when there is one, otherwise a typo.</summary>
    private static string Variant(Random random, string given) =>
        SyntheticNames.Nicknames.TryGetValue(given, out var nicks) && random.NextDouble() < 0.7
            ? nicks[random.Next(nicks.Length)]
            : Typo(random, given);

    internal static string Typo(Random random, string name)
    {
        if (name.Length < 4) return name + name[^1];
        var i = 1 + random.Next(name.Length - 2);
        return random.Next(3) switch
        {
            0 => string.Concat(name.AsSpan(0, i), name[i + 1].ToString(), name[i].ToString(), name.AsSpan(i + 2)), // swap
            1 => name.Remove(i, 1), // drop
            _ => name.Insert(i, name[i].ToString()), // double
        };
    }
}
