namespace Safeguard.Core.People.Matching;

/// <summary>The things compared between two person records. Address, town and postcode are compared together
/// as one field so that a change of address counts once, not three times.</summary>
public enum MatchField
{
    GivenName = 0,
    FamilyName = 1,
    DateOfBirth = 2,
    Sex = 3,
    NhsNumber = 4,
    OtherIdentifier = 5,
    Address = 6,
}

public enum AgreementKind
{
    Exact,
    Partial,
    Disagreement,
    Missing,
}

/// <summary>One agreement level of one field, e.g. "day and month swapped" for date of birth.</summary>
public readonly record struct LevelInfo(string Description, AgreementKind Kind);

/// <summary>The agreement levels of every field, best first. The last level of each field is "disagrees".</summary>
public static class FieldLevels
{
    public const int FieldCount = 7;

    /// <summary>Level value used when either record lacks the field: it is neutral (weight 0).</summary>
    public const byte Missing = 15;

    private static readonly LevelInfo[][] Levels =
    [
        // Given name
        [
            new("agrees exactly", AgreementKind.Exact),
            new("nickname, alias or first of several names agrees", AgreementKind.Partial),
            new("agrees apart from a small typo", AgreementKind.Partial),
            new("similar spelling or sounds alike", AgreementKind.Partial),
            new("initial agrees", AgreementKind.Partial),
            new("disagrees", AgreementKind.Disagreement),
        ],
        // Family name
        [
            new("agrees exactly", AgreementKind.Exact),
            new("agrees with another recorded name (alias or former name)", AgreementKind.Partial),
            new("agrees apart from a small typo", AgreementKind.Partial),
            new("similar spelling or sounds alike", AgreementKind.Partial),
            new("disagrees", AgreementKind.Disagreement),
        ],
        // Date of birth
        [
            new("agrees exactly", AgreementKind.Exact),
            new("day and month swapped", AgreementKind.Partial),
            new("one digit different or two digits transposed", AgreementKind.Partial),
            new("year and month agree (day differs or not recorded)", AgreementKind.Partial),
            new("only the year agrees (or only the year is recorded)", AgreementKind.Partial),
            new("disagrees", AgreementKind.Disagreement),
        ],
        // Sex
        [
            new("agrees", AgreementKind.Exact),
            new("disagrees", AgreementKind.Disagreement),
        ],
        // NHS number
        [
            new("same valid NHS number", AgreementKind.Exact),
            new("different valid NHS numbers", AgreementKind.Disagreement),
        ],
        // Other identifier
        [
            new("agrees exactly", AgreementKind.Exact),
            new("agrees apart from one character", AgreementKind.Partial),
            new("disagrees", AgreementKind.Disagreement),
        ],
        // Address
        [
            new("same address", AgreementKind.Exact),
            new("mostly the same address", AgreementKind.Partial),
            new("partly the same address", AgreementKind.Partial),
            new("a few address details agree", AgreementKind.Partial),
            new("different address (may have moved)", AgreementKind.Disagreement),
        ],
    ];

    public static int LevelCount(MatchField field) => Levels[(int)field].Length;

    public static LevelInfo Info(MatchField field, int level) =>
        level == Missing ? new LevelInfo("missing on one or both records", AgreementKind.Missing) : Levels[(int)field][level];

    public static string Label(MatchField field) => field switch
    {
        MatchField.GivenName => "Given name",
        MatchField.FamilyName => "Family name",
        MatchField.DateOfBirth => "Date of birth",
        MatchField.Sex => "Sex",
        MatchField.NhsNumber => "NHS number",
        MatchField.OtherIdentifier => "Other identifier",
        MatchField.Address => "Address",
        _ => field.ToString(),
    };
}
