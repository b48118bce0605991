using Safeguard.Core.People;
using System.Globalization;
using Safeguard.Core.People.Matching;

namespace Safeguard.Benchmarks.Matching;

/// <summary>Deterministic UK-style synthetic people (seeded Random): names, dates of birth, NHS numbers,
/// addresses and postcodes, plus corrupted copies to use as queries.</summary>
public static class SyntheticPeople
{
    private static readonly string[] Girls =
    [
        "olivia", "amelia", "isla", "ava", "mia", "ivy", "lily", "isabella", "rosie", "sophia", "grace", "willow",
        "freya", "florence", "emily", "ella", "poppy", "evie", "elsie", "charlotte", "evelyn", "sienna", "sofia",
        "daisy", "phoebe", "sophie", "alice", "harper", "matilda", "ruby", "emilia", "maya", "millie", "isabelle",
        "eva", "luna", "jessica", "aria", "elizabeth", "esme", "chloe", "margaret", "katherine", "rebecca", "sarah",
        "hannah", "amber", "aisha", "fatima", "zara", "maryam", "leah", "megan", "lucy", "holly", "jasmine", "layla",
        "nancy", "molly", "scarlett", "imogen", "abigail", "victoria", "susan", "patricia", "deborah", "jennifer",
        "amy", "laura", "nicola", "rachel", "kelly", "gemma", "natalie", "joanne", "claire", "louise", "emma",
    ];

    private static readonly string[] Boys =
    [
        "noah", "oliver", "george", "arthur", "muhammad", "leo", "harry", "oscar", "archie", "henry", "theodore",
        "freddie", "jack", "charlie", "theo", "alfie", "jacob", "thomas", "finley", "arlo", "william", "lucas",
        "roman", "tommy", "isaac", "teddy", "alexander", "luca", "edward", "james", "joshua", "albie", "elijah",
        "max", "mohammed", "reggie", "louie", "ezra", "harrison", "sebastian", "samuel", "daniel", "adam", "ethan",
        "joseph", "benjamin", "robert", "michael", "david", "richard", "christopher", "matthew", "andrew", "mark",
        "paul", "stephen", "anthony", "kevin", "jason", "liam", "connor", "callum", "kyle", "ryan", "dylan", "jake",
        "lewis", "nathan", "tyler", "ibrahim", "yusuf", "omar", "ali", "hassan", "kieran", "declan", "patrick",
    ];

    private static readonly string[] Surnames =
    [
        "smith", "jones", "williams", "taylor", "brown", "davies", "evans", "wilson", "thomas", "johnson", "roberts",
        "robinson", "thompson", "wright", "walker", "white", "edwards", "hughes", "green", "hall", "lewis", "harris",
        "clarke", "patel", "jackson", "wood", "turner", "martin", "cooper", "hill", "ward", "morris", "moore",
        "clark", "lee", "king", "baker", "harrison", "morgan", "allen", "james", "scott", "phillips", "watson",
        "davis", "parker", "price", "bennett", "young", "griffiths", "mitchell", "kelly", "cook", "carter",
        "richardson", "bailey", "collins", "bell", "shaw", "murphy", "miller", "cox", "richards", "khan", "marshall",
        "anderson", "simpson", "ellis", "adams", "singh", "begum", "wilkinson", "foster", "chapman", "powell",
        "webb", "rogers", "gray", "mason", "ali", "hunt", "hussain", "campbell", "matthews", "owen", "palmer",
        "holmes", "mills", "barnes", "knight", "lloyd", "butler", "russell", "barker", "fisher", "stevens", "jenkins",
        "murray", "dixon", "harvey", "graham", "pearson", "ahmed", "fletcher", "walsh", "kaur", "gibson", "howard",
        "andrews", "stewart", "elliott", "reynolds", "saunders", "payne", "fox", "ford", "pearce", "day", "brooks",
        "west", "lawrence", "cole", "atkinson", "bradley", "spencer", "gill", "dawson", "ball", "burton", "obrien",
        "watts", "rose", "booth", "perry", "ryan", "grant", "wells", "armstrong", "francis", "rees", "hayes", "hart",
        "hudson", "newman", "barrett", "webster", "hunter", "gregory", "carr", "lowe", "page", "marsh", "riley",
        "dunn", "woods", "parsons", "berry", "stone", "reid", "holland", "hawkins", "harding", "porter", "robertson",
        "newton", "oconnor", "kennedy", "burns", "osullivan", "nowak", "kowalski", "okafor", "adeyemi", "mensah",
        "chowdhury", "rahman", "islam", "miah", "uddin", "sharma", "kumar", "mistry", "nguyen", "chen", "wong",
    ];

    private static readonly string[] Streets =
    [
        "high street", "station road", "main street", "park road", "church road", "church street", "london road",
        "victoria road", "green lane", "manor road", "church lane", "park avenue", "the avenue", "the crescent",
        "queens road", "new road", "grange road", "kings road", "alexandra road", "school lane", "mill lane",
        "north street", "york road", "springfield road", "stanley road", "chester road", "west street",
        "george street", "albert road", "windsor road", "cardigan road", "woodhouse lane", "otley road",
        "harehills lane", "roundhay road", "tong road", "dewsbury road", "beeston road", "kirkstall road",
        "chapeltown road", "cemetery road", "regent street", "castle street", "market street", "bridge street",
        "mill road", "orchard close", "meadow way", "cedar avenue", "beech grove", "oak tree close", "acacia avenue",
    ];

    private static readonly (string Town, string[] Outward)[] Towns =
    [
        ("leeds", ["LS1", "LS2", "LS4", "LS6", "LS7", "LS8", "LS9", "LS11", "LS12", "LS13", "LS14", "LS15", "LS16", "LS17"]),
        ("bradford", ["BD1", "BD2", "BD3", "BD4", "BD5", "BD7", "BD8", "BD9", "BD10"]),
        ("wakefield", ["WF1", "WF2", "WF3", "WF4"]),
        ("manchester", ["M1", "M4", "M8", "M9", "M11", "M12", "M13", "M14", "M16", "M19", "M20", "M21", "M22", "M23"]),
        ("birmingham", ["B1", "B5", "B6", "B7", "B8", "B9", "B10", "B11", "B12", "B13", "B14", "B16", "B20", "B21", "B33"]),
        ("london", ["E1", "E2", "E3", "E5", "E8", "E9", "E10", "E13", "E15", "N1", "N4", "N7", "N15", "N17", "SE1", "SE5", "SE15", "SW2", "SW9", "W10", "W12"]),
        ("croydon", ["CR0", "CR2", "CR4", "CR7"]),
        ("sheffield", ["S1", "S2", "S3", "S4", "S5", "S6", "S8", "S9", "S10"]),
        ("liverpool", ["L1", "L4", "L5", "L6", "L7", "L8", "L11", "L13", "L15"]),
        ("bristol", ["BS1", "BS2", "BS3", "BS4", "BS5", "BS6", "BS7"]),
        ("newcastle upon tyne", ["NE1", "NE2", "NE4", "NE5", "NE6", "NE15"]),
        ("nottingham", ["NG1", "NG2", "NG3", "NG5", "NG7", "NG8"]),
        ("leicester", ["LE1", "LE2", "LE3", "LE4", "LE5"]),
        ("hull", ["HU1", "HU3", "HU5", "HU7", "HU8", "HU9"]),
        ("doncaster", ["DN1", "DN2", "DN4", "DN5"]),
    ];

    private const string InwardLetters = "ABDEFGHJLNPQRSTUWXYZ";

    /// <summary><paramref name="count"/> people with ids "p0".."p(count-1)"; the same seed gives the same people.</summary>
    public static List<PersonRecord> Generate(int count, int seed = 1234)
    {
        var random = new Random(seed);
        var people = new List<PersonRecord>(count);
        for (var i = 0; i < count; i++)
        {
            people.Add(Person(random, "p" + i.ToString(CultureInfo.InvariantCulture)));
        }

        return people;
    }

    /// <summary>One more person drawn from <paramref name="random"/> (what <see cref="Generate"/> makes, one at a time).</summary>
    public static PersonRecord Person(Random random, string id)
    {
        var female = random.Next(2) == 0;
        var given = female ? Girls[random.Next(Girls.Length)] : Boys[random.Next(Boys.Length)];
        var family = Surnames[random.Next(Surnames.Length)];
        if (random.Next(20) == 0)
        {
            family += "-" + Surnames[random.Next(Surnames.Length)];
        }

        // Seven in ten are children (born 2005-2024); the rest parents and carers (1960-2004).
        var child = random.Next(10) < 7;
        var start = child ? new DateOnly(2005, 1, 1) : new DateOnly(1960, 1, 1);
        var span = child ? 365 * 20 : 365 * 45;
        var dob = start.AddDays(random.Next(span));
        var (town, outwards) = Towns[random.Next(Towns.Length)];
        var postcode = $"{outwards[random.Next(outwards.Length)]} {random.Next(10)}{InwardLetters[random.Next(InwardLetters.Length)]}{InwardLetters[random.Next(InwardLetters.Length)]}";
        return new PersonRecord
        {
            Id = id,
            GivenName = Capitalise(given),
            FamilyName = Capitalise(family),
            DateOfBirth = PartialDate.FromDate(dob),
            Sex = female ? Sex.Female : Sex.Male,
            NhsNumber = random.Next(10) < 6 ? NhsNumber(random) : null,
            AddressLines = [$"{random.Next(1, 250)} {Capitalise(Streets[random.Next(Streets.Length)])}"],
            Town = Capitalise(town),
            Postcode = postcode,
        };
    }

    /// <summary>A copy of <paramref name="person"/> as another agency might record it: a typo, a nickname,
    /// day and month swapped, a move, a missing NHS number.</summary>
    public static PersonRecord Corrupt(PersonRecord person, Random random, string id)
    {
        var given = person.GivenName ?? string.Empty;
        var family = person.FamilyName ?? string.Empty;
        switch (random.Next(4))
        {
            case 0:
                family = Typo(family, random);
                break;
            case 1:
                given = Typo(given, random);
                break;
            case 2:
                given = given.Length > 3 ? given[..3] : given; // shortened form
                break;
        }

        var dob = person.DateOfBirth;
        if (random.Next(5) == 0 && dob is { Year: { } y, Month: { } m, Day: { } d } && d <= 12)
        {
            dob = PartialDate.FromDate(new DateOnly(y, d, m));
        }

        return person with
        {
            Id = id,
            GivenName = given,
            FamilyName = family,
            DateOfBirth = dob,
            NhsNumber = random.Next(2) == 0 ? person.NhsNumber : null,
            AddressLines = random.Next(4) == 0 ? ["7 Some Other Road"] : person.AddressLines,
        };
    }

    private static string Typo(string text, Random random)
    {
        if (text.Length < 3)
        {
            return text;
        }

        var chars = text.ToCharArray();
        var i = random.Next(1, chars.Length - 1);
        (chars[i], chars[i + 1]) = (chars[i + 1], chars[i]);
        return new string(chars);
    }

    private static string NhsNumber(Random random)
    {
        while (true)
        {
            Span<int> digits = stackalloc int[9];
            var sum = 0;
            for (var i = 0; i < 9; i++)
            {
                digits[i] = random.Next(10);
                sum += digits[i] * (10 - i);
            }

            var check = 11 - (sum % 11);
            if (check == 11)
            {
                check = 0;
            }

            if (check == 10)
            {
                continue;
            }

            var text = new char[10];
            for (var i = 0; i < 9; i++)
            {
                text[i] = (char)('0' + digits[i]);
            }

            text[9] = (char)('0' + check);
            return new string(text);
        }
    }

    private static string Capitalise(string text) =>
        string.Join(' ', text.Split(' ').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));
}
