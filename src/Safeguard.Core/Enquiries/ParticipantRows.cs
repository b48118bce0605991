namespace Safeguard.Core.Enquiries;

/// <summary>The rows of people who took part in a meeting (a strategy discussion, a conference), checked the same way.</summary>
public static class ParticipantRows
{
    public const int NameMaxLength = 200;

    public static bool IsBlank(ParticipantInput p) => p.Agency is null && string.IsNullOrWhiteSpace(p.Name) && string.IsNullOrWhiteSpace(p.Role);

    /// <summary>Each row with anything typed needs an agency, a name and a role; errors are keyed "<paramref name="field"/>[i].Name".</summary>
    public static void Check(IReadOnlyList<ParticipantInput> rows, int max, string field, List<(string, string)> errors)
    {
        var kept = rows.Take(max).ToList();
        for (var i = 0; i < kept.Count; i++)
        {
            var p = kept[i];
            if (IsBlank(p)) continue;
            if (p.Agency is not { } agency || !Enum.IsDefined(agency)) errors.Add(($"{field}[{i}].Agency", $"Select the agency of person {i + 1}"));
            Required($"{field}[{i}].Name", p.Name, NameMaxLength, $"Enter the name of person {i + 1}", errors);
            Required($"{field}[{i}].Role", p.Role, NameMaxLength, $"Enter the role of person {i + 1}", errors);
        }
    }

    /// <summary>Text that must be given, at most <paramref name="maxLength"/> characters once trimmed.</summary>
    public static void Required(string field, string? text, int maxLength, string missing, List<(string, string)> errors) =>
        Text.RequiredText.Check(field, text, maxLength, missing, errors);
}
