namespace Safeguard.Core.People.Matching;

/// <summary>
/// A small built-in table of English given-name variants. Each line is one group of names that may be used for
/// the same person (formal name first). A name may sit in several groups (e.g. "alex", "chris", "pat").
/// </summary>
public static class Nicknames
{
    private static readonly string[] Groups =
    [
        "abigail abbie abby abbey gail",
        "albert al bert bertie",
        "alexander alex alec alexa xander sandy sasha",
        "alexandra alex alexa lexi sandra sandy sasha",
        "alfred alf alfie fred",
        "amanda mandy manda",
        "andrew andy drew",
        "anthony tony ant antony",
        "archibald archie",
        "arthur art artie",
        "barbara barb babs barbie",
        "benjamin ben benny benji",
        "caroline carol carrie caz",
        "catherine katherine kathryn kate katie kathy cathy kat kitty kay cath",
        "charles charlie chas chuck chaz",
        "charlotte lottie charlie lotte",
        "christina christine chris tina chrissie kirsty kristina",
        "christopher chris kit topher",
        "daniel dan danny",
        "david dave davy davie",
        "deborah debbie debra deb debs",
        "dominic dom",
        "donald don donnie",
        "dorothy dot dottie dolly",
        "douglas doug dougie",
        "edward ed eddie ted teddy ned",
        "eleanor ellie nell nora elle",
        "elizabeth liz lizzie beth betty eliza elsie libby bess bessie lisa lizzy betsy",
        "emily em emmy millie",
        "florence flo flossie",
        "frances fran frankie",
        "francis frank frankie",
        "frederick fred freddie freddy",
        "gabriel gabe",
        "geoffrey geoff jeff",
        "george georgie",
        "gerald gerry jerry",
        "harriet hattie harri",
        "harrison harry",
        "helen nell helena",
        "henry harry hal hank",
        "isabella isabel isabelle izzy bella",
        "jacob jake",
        "jacqueline jackie jacky",
        "james jim jimmy jamie jem",
        "jeffrey jeff",
        "jennifer jen jenny jenna",
        "jeremy jerry",
        "jessica jess jessie",
        "john jack johnny jon",
        "jonathan jon jonny",
        "joseph joe joey",
        "josephine jo josie",
        "joshua josh",
        "judith judy jude",
        "kenneth ken kenny",
        "kimberley kimberly kim",
        "lawrence laurence larry laurie",
        "leonard leo len lenny",
        "lewis louis lou",
        "louise louisa lou lulu",
        "madeleine madeline maddie maddy",
        "margaret maggie meg peggy marge madge greta maisie",
        "mary molly polly mae",
        "matthew matt matty",
        "maximilian max",
        "maxwell max",
        "michael mike mick mickey mikey",
        "mitchell mitch",
        "natalie nat",
        "nathan nathaniel nate nat",
        "nicholas nick nicky nico",
        "oliver ollie olly",
        "pamela pam",
        "patricia pat patty trish tricia",
        "patrick pat paddy",
        "penelope penny",
        "peter pete",
        "philip phillip phil pip",
        "raymond ray",
        "rebecca becky becca",
        "reginald reg reggie",
        "richard rick dick rich ricky richie",
        "robert bob rob bobby robbie bert",
        "ronald ron ronnie",
        "samantha sam sammy",
        "samuel sam sammy",
        "sarah sara sally sadie",
        "sebastian seb",
        "sophia sophie",
        "stephen steven steve stevie",
        "susan sue susie suzanne suzy",
        "terence terry",
        "theresa teresa tess tessa terri",
        "thomas tom tommy",
        "timothy tim timmy",
        "valerie val",
        "victoria vicky vicki tori",
        "vincent vince vinny",
        "william bill will billy liam willie",
        "zachary zach zack",
    ];

    private static readonly Dictionary<string, int[]> GroupsByName = Build();

    private static Dictionary<string, int[]> Build()
    {
        var map = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (var g = 0; g < Groups.Length; g++)
        {
            foreach (var name in Groups[g].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (!map.TryGetValue(name, out var list))
                {
                    map[name] = list = [];
                }

                list.Add(g);
            }
        }

        return map.ToDictionary(p => p.Key, p => p.Value.ToArray(), StringComparer.Ordinal);
    }

    /// <summary>The variant groups a lower-case name belongs to; empty when the name is not in the table.</summary>
    public static int[] GroupsOf(string lowerCaseName) =>
        GroupsByName.TryGetValue(lowerCaseName, out var groups) ? groups : [];

    /// <summary>True when the two names are different forms of the same name (e.g. "Bob" and "Robert").</summary>
    public static bool AreVariants(string a, string b)
    {
        var ga = GroupsOf(a.ToLowerInvariant());
        var gb = GroupsOf(b.ToLowerInvariant());
        return ShareGroup(ga, gb);
    }

    internal static bool ShareGroup(int[] a, int[] b)
    {
        foreach (var x in a)
        {
            foreach (var y in b)
            {
                if (x == y)
                {
                    return true;
                }
            }
        }

        return false;
    }
}
