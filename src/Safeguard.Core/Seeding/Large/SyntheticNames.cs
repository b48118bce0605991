namespace Safeguard.Core.Seeding.Large;

/// <summary>A weighted list: picks with realistic frequencies from a seeded random stream.</summary>
internal sealed class Weighted<T>
{
    private readonly T[] _items;
    private readonly double[] _cumulative;

    public Weighted(params (T Item, double Weight)[] entries)
    {
        _items = entries.Select(e => e.Item).ToArray();
        _cumulative = new double[entries.Length];
        var total = 0.0;
        for (var i = 0; i < entries.Length; i++) _cumulative[i] = total += entries[i].Weight;
        for (var i = 0; i < entries.Length; i++) _cumulative[i] /= total;
    }

    public IReadOnlyList<T> Items => _items;

    public T Pick(Random random)
    {
        var u = random.NextDouble();
        var i = Array.BinarySearch(_cumulative, u);
        if (i < 0) i = ~i;
        return _items[Math.Min(i, _items.Length - 1)];
    }
}

/// <summary>Common names in England and Wales with rough relative frequencies (ONS baby names and surname counts).</summary>
internal static class SyntheticNames
{
    public static readonly Weighted<string> Girls = Rank(
        "Olivia", "Amelia", "Isla", "Ava", "Mia", "Ivy", "Lily", "Isabella", "Rosie", "Sophia", "Grace", "Willow",
        "Freya", "Florence", "Emily", "Ella", "Poppy", "Evie", "Elsie", "Charlotte", "Evelyn", "Sienna", "Sofia",
        "Daisy", "Phoebe", "Sophie", "Alice", "Harper", "Matilda", "Ruby", "Emilia", "Maya", "Millie", "Isabelle",
        "Eva", "Luna", "Jessica", "Aria", "Chloe", "Esme", "Ellie", "Layla", "Scarlett", "Maisie", "Lucy", "Holly",
        "Hannah", "Amber", "Megan", "Lacey", "Jasmine", "Leah", "Paige", "Courtney", "Amira", "Zara", "Aisha",
        "Fatima", "Maryam", "Hollie", "Kayla", "Demi", "Skye", "Eleanor", "Lola", "Imogen", "Niamh", "Erin");

    public static readonly Weighted<string> Boys = Rank(
        "Noah", "Oliver", "George", "Arthur", "Muhammad", "Leo", "Harry", "Oscar", "Archie", "Henry", "Theodore",
        "Freddie", "Jack", "Charlie", "Theo", "Alfie", "Jacob", "Thomas", "Finley", "Arlo", "William", "Lucas",
        "Roman", "Tommy", "Isaac", "Teddy", "Alexander", "Luca", "Edward", "James", "Joshua", "Albie", "Elijah",
        "Max", "Mohammed", "Reuben", "Mason", "Sebastian", "Rory", "Jude", "Louie", "Benjamin", "Ethan", "Adam",
        "Hugo", "Joseph", "Reggie", "Ronnie", "Logan", "Riley", "Harrison", "Dylan", "Tyler", "Kai", "Jayden",
        "Callum", "Connor", "Kyle", "Liam", "Daniel", "Samuel", "Ryan", "Lewis", "Aiden", "Ibrahim", "Yusuf", "Jake");

    public static readonly Weighted<string> Women = Rank(
        "Sarah", "Emma", "Laura", "Rebecca", "Gemma", "Claire", "Rachel", "Nicola", "Kelly", "Amy", "Samantha",
        "Lisa", "Hayley", "Stacey", "Jade", "Natalie", "Michelle", "Louise", "Kirsty", "Donna", "Leanne", "Charlotte",
        "Jennifer", "Joanne", "Victoria", "Katie", "Danielle", "Chelsea", "Kerry", "Zoe", "Sophie", "Jodie", "Tracey",
        "Amanda", "Helen", "Karen", "Lauren", "Shannon", "Nadia", "Ayesha", "Shabana", "Agnieszka", "Precious");

    public static readonly Weighted<string> Men = Rank(
        "David", "Daniel", "James", "Michael", "Christopher", "Mark", "Paul", "Andrew", "Matthew", "Richard", "Lee",
        "Craig", "Stephen", "Jamie", "Robert", "Thomas", "Ryan", "Adam", "Scott", "Carl", "Dean", "Darren", "Wayne",
        "Jason", "Liam", "Ashley", "Gary", "Kevin", "Simon", "Steven", "Anthony", "Jonathan", "Ben", "Shaun",
        "Imran", "Tariq", "Piotr", "Tomasz", "Emmanuel", "Kwame");

    public static readonly Weighted<string> Families = Rank(
        "Smith", "Jones", "Williams", "Taylor", "Brown", "Davies", "Evans", "Wilson", "Thomas", "Johnson", "Roberts",
        "Robinson", "Thompson", "Wright", "Walker", "White", "Edwards", "Hughes", "Green", "Hall", "Lewis", "Harris",
        "Clarke", "Patel", "Jackson", "Wood", "Turner", "Martin", "Cooper", "Hill", "Ward", "Morris", "Moore", "Clark",
        "Lee", "King", "Baker", "Harrison", "Morgan", "Allen", "James", "Scott", "Phillips", "Watson", "Davis",
        "Parker", "Price", "Bennett", "Young", "Griffiths", "Mitchell", "Kelly", "Cook", "Carter", "Richardson",
        "Bailey", "Collins", "Bell", "Shaw", "Murphy", "Miller", "Cox", "Richards", "Khan", "Marshall", "Anderson",
        "Simpson", "Ellis", "Adams", "Singh", "Begum", "Wilkinson", "Foster", "Chapman", "Powell", "Webb", "Rogers",
        "Gray", "Mason", "Ali", "Hunt", "Hussain", "Campbell", "Matthews", "Owen", "Palmer", "Holmes", "Mills",
        "Barnes", "Knight", "Lloyd", "Butler", "Russell", "Barker", "Fisher", "Stevens", "Jenkins", "Murray", "Dixon",
        "Harvey", "Ahmed", "Kowalski", "Nowak", "Okafor", "Mensah", "O'Brien", "Fitzgerald", "McDonald", "Grant");

    /// <summary>Short forms a referrer might use instead of the registered given name.</summary>
    public static readonly IReadOnlyDictionary<string, string[]> Nicknames = new Dictionary<string, string[]>
    {
        ["William"] = ["Will", "Billy", "Liam"], ["Thomas"] = ["Tom", "Tommy"], ["Alexander"] = ["Alex", "Xander"],
        ["Benjamin"] = ["Ben", "Benji"], ["Joshua"] = ["Josh"], ["Samuel"] = ["Sam", "Sammy"], ["Daniel"] = ["Dan", "Danny"],
        ["Theodore"] = ["Theo", "Teddy"], ["Edward"] = ["Ed", "Eddie", "Ted"], ["Joseph"] = ["Joe", "Joey"],
        ["Henry"] = ["Harry", "Hal"], ["Frederick"] = ["Freddie"], ["Jacob"] = ["Jake"], ["James"] = ["Jim", "Jamie"],
        ["Olivia"] = ["Liv", "Livvy"], ["Isabella"] = ["Bella", "Izzy"], ["Isabelle"] = ["Izzy", "Belle"],
        ["Charlotte"] = ["Lottie", "Charlie"], ["Elizabeth"] = ["Beth", "Lizzie"], ["Eleanor"] = ["Ellie", "Nell"],
        ["Florence"] = ["Flo", "Florrie"], ["Matilda"] = ["Tilly"], ["Amelia"] = ["Millie", "Amy"],
        ["Jessica"] = ["Jess"], ["Sophia"] = ["Sophie"], ["Emilia"] = ["Millie"], ["Hannah"] = ["Hanna"],
        ["Muhammad"] = ["Mohammed", "Mohammad"], ["Mohammed"] = ["Muhammad"], ["Evelyn"] = ["Evie"],
        ["Phoebe"] = ["Phebe"], ["Megan"] = ["Meg"], ["Jasmine"] = ["Jas", "Jazz"], ["Rebecca"] = ["Becky"],
    };

    /// <summary>Zipf-like weights: the first name in the list is the most common.</summary>
    private static Weighted<string> Rank(params string[] names) =>
        new(names.Select((n, i) => (n, 1.0 / Math.Pow(i + 2, 0.8))).ToArray());
}

/// <summary>The fictional district: towns, streets and postcodes (area "KV", which is not a real postcode area).</summary>
internal static class SyntheticPlaces
{
    public sealed record District(string Outward, string Town, bool North);

    public static District[] Districts(string council) =>
    [
        new("KV1", council, true), new("KV2", council, true), new("KV3", council, true),
        new("KV4", council, false), new("KV5", council, false), new("KV6", council, false),
        new("KV7", "Ashby Green", true), new("KV8", "Millbrook", true), new("KV9", "Eastfield", false),
        new("KV10", "Hartwell", false), new("KV11", "Kingsmead", true), new("KV12", "Thornley", false),
    ];

    public static readonly string[] Streets =
    [
        "High Street", "Station Road", "Church Lane", "Mill Lane", "Victoria Road", "Park Avenue", "Queens Road",
        "Kings Road", "Manor Way", "The Crescent", "Elm Grove", "Oak Close", "Beech Drive", "Willow Walk",
        "Chestnut Avenue", "Hawthorn Road", "Meadow View", "Orchard Close", "Riverside", "Canal Street",
        "Albert Street", "Alexandra Road", "Windsor Close", "York Road", "Springfield Road", "North Street",
        "South Street", "West End", "Green Lane", "Holly Court", "Ash Tree Court", "Fairfield Road", "Brook Street",
        "School Lane", "Chapel Street", "Nelson Street", "Wellington Road", "Garden Close", "Harbour Road", "Moor Lane",
    ];

    public static readonly string[] Blocks = ["Ashdown House", "Brunel Court", "Clarence Towers", "Denton House", "Elder Court", "Foxley House"];

    private const string InwardLetters = "ABDEFGHJLNPQRSTUWXYZ";

    public static string Postcode(Random random, District district) =>
        $"{district.Outward} {random.Next(1, 10)}{InwardLetters[random.Next(InwardLetters.Length)]}{InwardLetters[random.Next(InwardLetters.Length)]}";

    public static string Line1(Random random) => random.Next(10) == 0
        ? $"Flat {random.Next(1, 60)}, {Blocks[random.Next(Blocks.Length)]}"
        : $"{random.Next(1, 180)} {Streets[random.Next(Streets.Length)]}";

    public static readonly string[] PrimarySchools =
    [
        "St Aidan's CE Primary School", "Millbrook Primary School", "Eastfield Infant and Junior School",
        "Hartwell Community Primary School", "Kingsmead Primary Academy", "Thornley Church of England Primary School",
        "Our Lady of Lourdes Catholic Primary School", "Ashby Green Primary School",
    ];

    public static readonly string[] SecondarySchools =
    [
        "Brackenford Academy", "Kingsmead High School", "Eastfield School", "Thornley Park Academy", "St Bede's Catholic High School",
    ];
}
